package org.agrisafe.risk.aberration;

import java.util.OptionalInt;

/**
 * Control parameters of {@link FarringtonFlexibleDetector}, R {@code farringtonFlexible(sts, control)}
 * (surveillance 1.20.3). Defaults are R's; "Noufaily" refers to the improved settings of Noufaily A, Enki DG,
 * Farrington P, Garthwaite P, Andrews N, Charlett A (2013), An improved algorithm for outbreak detection in multiple
 * surveillance systems, Stat Med 32(7):1206-1222, Sections 3-5, as collected in R's
 * {@code vignette("monitoringCounts")} ({@link #noufaily()}).
 *
 * <ul>
 *   <li>{@code b}: years back; default {@value #B_DEFAULT} (R, Noufaily).</li>
 *   <li>{@code w}: half window; default {@value #W_DEFAULT} (R, Noufaily).</li>
 *   <li>{@code reweight}: default {@value #REWEIGHT_DEFAULT}.</li>
 *   <li>{@code weightsThreshold}: Anscombe residual above which a baseline point is down-weighted; default
 *       {@value #WEIGHTS_THRESHOLD_DEFAULT} (R, Noufaily; the original Farrington value is 1).</li>
 *   <li>{@code alpha}: the upperbound is the (1 - alpha) quantile, one-sided; default {@value #ALPHA_DEFAULT}.</li>
 *   <li>{@code trend}: fit a time trend; default {@value #TREND_DEFAULT}.</li>
 *   <li>{@code pThresholdTrend}: the trend is kept when its p-value &lt; this (and b &ge; 3, no extrapolation);
 *       default {@value #P_THRESHOLD_TREND_DEFAULT} (R; Noufaily suggest keeping any trend, i.e. 1).</li>
 *   <li>{@code limit54Cases}/{@code limit54Periods}: default 5 cases in 4 periods (R; Noufaily drop the rule,
 *       the vignette uses 0 cases in 50 periods).</li>
 *   <li>{@code powerTransform}: for the "delta" threshold only; default {@link PowerTransform#TWO_THIRDS}.</li>
 *   <li>{@code populationOffset}: offset log(population) in the GLM; default {@value #POPULATION_OFFSET_DEFAULT}.
 *       In AgriSafe the population is the number of samples tested.</li>
 *   <li>{@code noPeriods}: number of levels of the seasonal factor splitting each year (windows = level noPeriods,
 *       the gaps between windows split into noPeriods - 1 blocks); default {@value #NO_PERIODS_DEFAULT}
 *       (R; 1 = no factor, original Farrington); Noufaily: 10.</li>
 *   <li>{@code pastWeeksNotIncluded}: the most recent periods k - pastWeeksNotIncluded .. k left out of the fit;
 *       default empty = w (R's {@code NULL}); Noufaily: 26.</li>
 *   <li>{@code thresholdMethod}: default {@link ThresholdMethod#DELTA} (R); Noufaily: {@link ThresholdMethod#NB_PLUGIN}.</li>
 * </ul>
 */
public final class FarringtonFlexibleParameters {

  /** How the upperbound is derived from the fitted model (R {@code thresholdMethod}). */
  public enum ThresholdMethod {
    /** R "delta": Farrington's normal approximation on the power-transformed scale (one-sided). */
    DELTA,
    /** R "nbPlugin": (1 - alpha) quantile of NegBin(mean exp(eta0), dispersion phi) (Poisson when phi = 1). */
    NB_PLUGIN,
    /** R "muan": as nbPlugin with mean exp(qnorm(1 - alpha, eta0, se(eta0))). */
    MUAN
  }

  public static final int B_DEFAULT = 5;
  public static final int W_DEFAULT = 3;
  public static final boolean REWEIGHT_DEFAULT = true;
  public static final double WEIGHTS_THRESHOLD_DEFAULT = 2.58;
  public static final double ALPHA_DEFAULT = 0.05;
  public static final boolean TREND_DEFAULT = true;
  public static final double P_THRESHOLD_TREND_DEFAULT = 0.05;
  public static final int LIMIT54_CASES_DEFAULT = 5;
  public static final int LIMIT54_PERIODS_DEFAULT = 4;
  public static final PowerTransform POWER_TRANSFORM_DEFAULT = PowerTransform.TWO_THIRDS;
  public static final boolean POPULATION_OFFSET_DEFAULT = false;
  public static final int NO_PERIODS_DEFAULT = 1;

  /** Empty: R's NULL, meaning w. */
  public static final OptionalInt PAST_WEEKS_NOT_INCLUDED_DEFAULT = OptionalInt.empty();

  public static final ThresholdMethod THRESHOLD_METHOD_DEFAULT = ThresholdMethod.DELTA;

  private final int b;
  private final int w;
  private final boolean reweight;
  private final double weightsThreshold;
  private final double alpha;
  private final boolean trend;
  private final double pThresholdTrend;
  private final int limit54Cases;
  private final int limit54Periods;
  private final PowerTransform powerTransform;
  private final boolean populationOffset;
  private final int noPeriods;
  private final OptionalInt pastWeeksNotIncluded;
  private final ThresholdMethod thresholdMethod;

  private FarringtonFlexibleParameters(Builder x) {
    if (x.b < 1) {
      throw new IllegalArgumentException(
          "farringtonFlexible b " + x.b + " is invalid: expected >= 1 year");
    }
    if (x.w < 0) {
      throw new IllegalArgumentException(
          "farringtonFlexible w " + x.w + " is invalid: expected >= 0 periods");
    }
    if (!(x.weightsThreshold > 0) || Double.isInfinite(x.weightsThreshold)) {
      throw new IllegalArgumentException(
          "farringtonFlexible weightsThreshold "
              + x.weightsThreshold
              + " is invalid: expected a finite number > 0");
    }
    if (!(x.alpha > 0 && x.alpha < 1)) {
      throw new IllegalArgumentException(
          "farringtonFlexible alpha " + x.alpha + " is invalid: expected 0 < alpha < 1");
    }
    if (!(x.pThresholdTrend >= 0 && x.pThresholdTrend <= 1)) {
      throw new IllegalArgumentException(
          "farringtonFlexible pThresholdTrend "
              + x.pThresholdTrend
              + " is invalid: expected a probability in [0, 1]");
    }
    if (x.limit54Cases < 0) {
      throw new IllegalArgumentException(
          "farringtonFlexible limit54 cases " + x.limit54Cases + " is invalid: expected >= 0");
    }
    if (x.limit54Periods < 1) {
      throw new IllegalArgumentException(
          "farringtonFlexible limit54 periods " + x.limit54Periods + " is invalid: expected > 0");
    }
    if (x.powerTransform == null) {
      throw new IllegalArgumentException(
          "farringtonFlexible power transform is null: expected NONE, "
              + "SQUARE_ROOT or TWO_THIRDS");
    }
    if (x.noPeriods < 1) {
      throw new IllegalArgumentException(
          "farringtonFlexible noPeriods " + x.noPeriods + " is invalid: expected >= 1");
    }
    if (x.pastWeeksNotIncluded == null
        || (x.pastWeeksNotIncluded.isPresent() && x.pastWeeksNotIncluded.getAsInt() < 0)) {
      throw new IllegalArgumentException(
          "farringtonFlexible pastWeeksNotIncluded "
              + x.pastWeeksNotIncluded
              + " is invalid: expected empty (= w) or a number >= 0");
    }
    if (x.thresholdMethod == null) {
      throw new IllegalArgumentException(
          "farringtonFlexible thresholdMethod is null: expected DELTA, " + "NB_PLUGIN or MUAN");
    }
    this.b = x.b;
    this.w = x.w;
    this.reweight = x.reweight;
    this.weightsThreshold = x.weightsThreshold;
    this.alpha = x.alpha;
    this.trend = x.trend;
    this.pThresholdTrend = x.pThresholdTrend;
    this.limit54Cases = x.limit54Cases;
    this.limit54Periods = x.limit54Periods;
    this.powerTransform = x.powerTransform;
    this.populationOffset = x.populationOffset;
    this.noPeriods = x.noPeriods;
    this.pastWeeksNotIncluded = x.pastWeeksNotIncluded;
    this.thresholdMethod = x.thresholdMethod;
  }

  /** R's defaults. */
  public static FarringtonFlexibleParameters defaults() {
    return builder().build();
  }

  /**
   * Noufaily et al. (2013) settings as used in R's {@code vignette("monitoringCounts")}: noPeriods 10,
   * pastWeeksNotIncluded 26, weightsThreshold 2.58, thresholdMethod nbPlugin; other values R's defaults.
   */
  public static FarringtonFlexibleParameters noufaily() {
    return builder()
        .noPeriods(10)
        .pastWeeksNotIncluded(26)
        .weightsThreshold(2.58)
        .thresholdMethod(ThresholdMethod.NB_PLUGIN)
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder starting from R's defaults; {@link #build()} validates. */
  public static final class Builder {
    private int b = B_DEFAULT;
    private int w = W_DEFAULT;
    private boolean reweight = REWEIGHT_DEFAULT;
    private double weightsThreshold = WEIGHTS_THRESHOLD_DEFAULT;
    private double alpha = ALPHA_DEFAULT;
    private boolean trend = TREND_DEFAULT;
    private double pThresholdTrend = P_THRESHOLD_TREND_DEFAULT;
    private int limit54Cases = LIMIT54_CASES_DEFAULT;
    private int limit54Periods = LIMIT54_PERIODS_DEFAULT;
    private PowerTransform powerTransform = POWER_TRANSFORM_DEFAULT;
    private boolean populationOffset = POPULATION_OFFSET_DEFAULT;
    private int noPeriods = NO_PERIODS_DEFAULT;
    private OptionalInt pastWeeksNotIncluded = PAST_WEEKS_NOT_INCLUDED_DEFAULT;
    private ThresholdMethod thresholdMethod = THRESHOLD_METHOD_DEFAULT;

    private Builder() {}

    public Builder b(int v) {
      b = v;
      return this;
    }

    public Builder w(int v) {
      w = v;
      return this;
    }

    public Builder reweight(boolean v) {
      reweight = v;
      return this;
    }

    public Builder weightsThreshold(double v) {
      weightsThreshold = v;
      return this;
    }

    public Builder alpha(double v) {
      alpha = v;
      return this;
    }

    public Builder trend(boolean v) {
      trend = v;
      return this;
    }

    public Builder pThresholdTrend(double v) {
      pThresholdTrend = v;
      return this;
    }

    public Builder limit54(int cases, int periods) {
      limit54Cases = cases;
      limit54Periods = periods;
      return this;
    }

    public Builder powerTransform(PowerTransform v) {
      powerTransform = v;
      return this;
    }

    public Builder populationOffset(boolean v) {
      populationOffset = v;
      return this;
    }

    public Builder noPeriods(int v) {
      noPeriods = v;
      return this;
    }

    public Builder pastWeeksNotIncluded(int v) {
      pastWeeksNotIncluded = OptionalInt.of(v);
      return this;
    }

    public Builder thresholdMethod(ThresholdMethod v) {
      thresholdMethod = v;
      return this;
    }

    public FarringtonFlexibleParameters build() {
      return new FarringtonFlexibleParameters(this);
    }
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

  public double weightsThreshold() {
    return weightsThreshold;
  }

  public double alpha() {
    return alpha;
  }

  public boolean trend() {
    return trend;
  }

  public double pThresholdTrend() {
    return pThresholdTrend;
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

  public int noPeriods() {
    return noPeriods;
  }

  /** Periods left out before (and including) the current one; R's NULL means w. */
  public int effectivePastWeeksNotIncluded() {
    return pastWeeksNotIncluded.orElse(w);
  }

  public OptionalInt pastWeeksNotIncluded() {
    return pastWeeksNotIncluded;
  }

  public ThresholdMethod thresholdMethod() {
    return thresholdMethod;
  }
}
