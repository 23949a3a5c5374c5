package org.agrisafe.risk.aberration;

/**
 * Control parameters of {@link FarringtonDetector}, R {@code algo.farrington(disProgObj, control)}
 * (surveillance 1.20.3, fit function {@code algo.farrington.fitGLM.fast}). Defaults are R's; "paper" refers to
 * Farrington et al. (1996), J R Stat Soc A 159(3):547-563, Section 3.
 *
 * <ul>
 *   <li>{@code b}: years back for the baseline; default {@value #B_DEFAULT} (R; the paper uses up to 5 years).</li>
 *   <li>{@code w}: half-width, in periods, of the window around each reference period; default {@value #W_DEFAULT}
 *       (R and the paper), so the baseline has b (2w + 1) = 35 points by default.</li>
 *   <li>{@code reweight}: down-weight past outbreaks with Anscombe residuals &gt; 1 (paper's reweighting, weights
 *       threshold fixed at 1 in R's algo.farrington); default {@value #REWEIGHT_DEFAULT}.</li>
 *   <li>{@code alpha}: the upperbound is the upper limit of a two-sided (1 - alpha) prediction interval,
 *       z = qnorm(1 - alpha/2); default {@value #ALPHA_DEFAULT} (R).</li>
 *   <li>{@code trend}: fit a linear time trend, kept only when significant (p &lt; 0.05, t test with the estimated
 *       dispersion), b &ge; 3 and the prediction not above the largest baseline count; default
 *       {@value #TREND_DEFAULT} (R and the paper).</li>
 *   <li>{@code limit54Cases}, {@code limit54Periods}: no alarm when fewer than 5 cases in the last 4 periods
 *       (current one included); defaults {@value #LIMIT54_CASES_DEFAULT} and {@value #LIMIT54_PERIODS_DEFAULT}
 *       (R and the paper).</li>
 *   <li>{@code powerTransform}: default {@link PowerTransform#TWO_THIRDS} (R and the paper).</li>
 *   <li>{@code populationOffset}: add offset log(population) to the GLM (R's
 *       {@code fitFun = "algo.farrington.fitGLM.populationOffset"}); default {@value #POPULATION_OFFSET_DEFAULT}.
 *       In AgriSafe the population is the number of samples tested, and docs/conventions.md §18.2 asks detectors to use it.</li>
 * </ul>
 */
public final class FarringtonParameters {

  public static final int B_DEFAULT = 5;
  public static final int W_DEFAULT = 3;
  public static final boolean REWEIGHT_DEFAULT = true;
  public static final double ALPHA_DEFAULT = 0.05;
  public static final boolean TREND_DEFAULT = true;
  public static final int LIMIT54_CASES_DEFAULT = 5;
  public static final int LIMIT54_PERIODS_DEFAULT = 4;
  public static final PowerTransform POWER_TRANSFORM_DEFAULT = PowerTransform.TWO_THIRDS;
  public static final boolean POPULATION_OFFSET_DEFAULT = false;

  /** Significance level of the trend test, hard-coded in R's algo.farrington. */
  public static final double P_THRESHOLD_TREND = 0.05;

  /** Anscombe-residual threshold of the reweighting, fixed in R's algo.farrington. */
  public static final double WEIGHTS_THRESHOLD = 1.0;

  private final int b;
  private final int w;
  private final boolean reweight;
  private final double alpha;
  private final boolean trend;
  private final int limit54Cases;
  private final int limit54Periods;
  private final PowerTransform powerTransform;
  private final boolean populationOffset;

  /**
   * @throws IllegalArgumentException when b &lt; 1, w &lt; 0, alpha not in (0, 1), limit54Cases &lt; 0,
   *                                  limit54Periods &lt; 1 or powerTransform is null
   */
  public FarringtonParameters(
      int b,
      int w,
      boolean reweight,
      double alpha,
      boolean trend,
      int limit54Cases,
      int limit54Periods,
      PowerTransform powerTransform,
      boolean populationOffset) {
    if (b < 1) {
      throw new IllegalArgumentException("Farrington b " + b + " is invalid: expected >= 1 year");
    }
    if (w < 0) {
      throw new IllegalArgumentException(
          "Farrington w " + w + " is invalid: expected >= 0 periods");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(
          "Farrington alpha " + alpha + " is invalid: expected 0 < alpha < 1");
    }
    if (limit54Cases < 0) {
      throw new IllegalArgumentException(
          "Farrington limit54 cases " + limit54Cases + " is invalid: expected >= 0");
    }
    if (limit54Periods < 1) {
      throw new IllegalArgumentException(
          "Farrington limit54 periods " + limit54Periods + " is invalid: expected > 0");
    }
    if (powerTransform == null) {
      throw new IllegalArgumentException(
          "Farrington power transform is null: expected NONE, SQUARE_ROOT or TWO_THIRDS");
    }
    this.b = b;
    this.w = w;
    this.reweight = reweight;
    this.alpha = alpha;
    this.trend = trend;
    this.limit54Cases = limit54Cases;
    this.limit54Periods = limit54Periods;
    this.powerTransform = powerTransform;
    this.populationOffset = populationOffset;
  }

  /** R's defaults. */
  public static FarringtonParameters defaults() {
    return new FarringtonParameters(
        B_DEFAULT,
        W_DEFAULT,
        REWEIGHT_DEFAULT,
        ALPHA_DEFAULT,
        TREND_DEFAULT,
        LIMIT54_CASES_DEFAULT,
        LIMIT54_PERIODS_DEFAULT,
        POWER_TRANSFORM_DEFAULT,
        POPULATION_OFFSET_DEFAULT);
  }

  /** The same parameters with another b and w. */
  public FarringtonParameters withBW(int newB, int newW) {
    return new FarringtonParameters(
        newB,
        newW,
        reweight,
        alpha,
        trend,
        limit54Cases,
        limit54Periods,
        powerTransform,
        populationOffset);
  }

  /** The same parameters with the population offset on or off. */
  public FarringtonParameters withPopulationOffset(boolean offset) {
    return new FarringtonParameters(
        b, w, reweight, alpha, trend, limit54Cases, limit54Periods, powerTransform, offset);
  }

  public int b() {
    return b;
  }

  public int w() {
    return w;
  }

  public boolean reweight() {
    return reweight;
  }

  public double alpha() {
    return alpha;
  }

  public boolean trend() {
    return trend;
  }

  public int limit54Cases() {
    return limit54Cases;
  }

  public int limit54Periods() {
    return limit54Periods;
  }

  public PowerTransform powerTransform() {
    return powerTransform;
  }

  public boolean populationOffset() {
    return populationOffset;
  }
}
