package org.agrisafe.risk.aberration;

/**
 * Control parameters of {@link EarsCDetector}, R {@code earsC(sts, control)} (surveillance 1.20.3). Defaults are R's.
 *
 * <ul>
 *   <li>{@code variant}: C1, C2 or C3 (R {@code method}); default {@link Variant#C1}.</li>
 *   <li>{@code baseline}: number of periods in the baseline; default {@value #BASELINE_DEFAULT} (R and Hutwagner et
 *       al. 2003 / Fricker et al. 2008 use 7 days); must be &ge; 3.</li>
 *   <li>{@code minSigma}: floor of the baseline standard deviation; default {@value #MIN_SIGMA_DEFAULT} (R); Fricker
 *       et al. (2008) recommend a small positive value to avoid a zero threshold on sparse data.</li>
 *   <li>{@code alpha}: one-sided type I error, threshold {@code qnorm(1 - alpha)}; default
 *       {@value #ALPHA_DEFAULT} (R's default for every variant when {@code alpha} is given; R uses 0.025 for C3
 *       only when {@code alpha} is {@code NULL}, see {@link #ALPHA_C3_WHEN_NULL}).</li>
 * </ul>
 */
public final class EarsCParameters {

  /** The three EARS variants. */
  public enum Variant {
    /** Baseline: the {@code baseline} periods just before the current one. */
    C1,
    /** Baseline: {@code baseline} periods ending 3 periods before the current one (2-period guard band). */
    C2,
    /** C2 statistic summed over the current and two previous periods, each truncated as {@code max(0, C2 - 1)}. */
    C3
  }

  public static final Variant VARIANT_DEFAULT = Variant.C1;
  public static final int BASELINE_DEFAULT = 7;
  public static final double MIN_SIGMA_DEFAULT = 0.0;
  public static final double ALPHA_DEFAULT = 0.001;

  /** R's C3 alpha when {@code control$alpha} is {@code NULL}; pass it explicitly to reproduce that case. */
  public static final double ALPHA_C3_WHEN_NULL = 0.025;

  private final Variant variant;
  private final int baseline;
  private final double minSigma;
  private final double alpha;

  /**
   * @throws IllegalArgumentException when {@code baseline < 3}, {@code minSigma < 0} or {@code alpha} not in (0, 1)
   */
  public EarsCParameters(Variant variant, int baseline, double minSigma, double alpha) {
    if (variant == null) {
      throw new IllegalArgumentException("EARS variant is null: expected C1, C2 or C3");
    }
    if (baseline < 3) {
      throw new IllegalArgumentException(
          "EARS baseline " + baseline + " is too small: expected >= 3");
    }
    if (!(minSigma >= 0) || Double.isInfinite(minSigma)) {
      throw new IllegalArgumentException(
          "EARS minSigma " + minSigma + " is invalid: expected a finite number >= 0");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(
          "EARS alpha " + alpha + " is invalid: expected 0 < alpha < 1");
    }
    this.variant = variant;
    this.baseline = baseline;
    this.minSigma = minSigma;
    this.alpha = alpha;
  }

  /** R's defaults: C1, baseline 7, minSigma 0, alpha 0.001. */
  public static EarsCParameters defaults() {
    return new EarsCParameters(VARIANT_DEFAULT, BASELINE_DEFAULT, MIN_SIGMA_DEFAULT, ALPHA_DEFAULT);
  }

  /** R's defaults for {@code variant}. */
  public static EarsCParameters of(Variant variant) {
    return new EarsCParameters(variant, BASELINE_DEFAULT, MIN_SIGMA_DEFAULT, ALPHA_DEFAULT);
  }

  public Variant variant() {
    return variant;
  }

  public int baseline() {
    return baseline;
  }

  public double minSigma() {
    return minSigma;
  }

  public double alpha() {
    return alpha;
  }

  /** Number of periods before the first evaluated one that the variant needs (R's {@code maxLag}). */
  public int maxLag() {
    return switch (variant) {
      case C1 -> baseline;
      case C2 -> baseline + 2;
      case C3 -> baseline + 4;
    };
  }
}
