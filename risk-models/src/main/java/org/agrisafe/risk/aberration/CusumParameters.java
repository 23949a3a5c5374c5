package org.agrisafe.risk.aberration;

import java.util.OptionalDouble;

/**
 * Control parameters of {@link CusumDetector}, R {@code algo.cusum(disProgObj, control)} (surveillance 1.20.3).
 *
 * <ul>
 *   <li>{@code k}: reference value (allowance); default {@value #K_DEFAULT} (R). Rossi et al. (1999) derive
 *       k = 1.04, h = 2.26 for an in-control ARL of about 500 and quick detection of a 2-sd shift.</li>
 *   <li>{@code h}: decision interval; alarm when the CUSUM &ge; h; default {@value #H_DEFAULT} (R, Rossi et al.).</li>
 *   <li>{@code m}: expected count; empty (R {@code NULL}, the default) means the mean of the observations before the
 *       first evaluated index, {@code mean(observed[1:(range[1]-1)])}.</li>
 *   <li>{@code transformation}: standardisation of the counts (R {@code trans}); default
 *       {@link Transformation#STANDARD}.</li>
 *   <li>{@code alpha}: negative binomial dispersion for {@link Transformation#PEARSON_NEG_BIN}; default
 *       {@value #ALPHA_DEFAULT} (R).</li>
 *   <li>{@code resetAfterAlarm}: <b>AgriSafe extension, not in R</b>: after an alarm the CUSUM restarts from 0 (the
 *       usual practice once an alarm has been investigated, Montgomery, Introduction to Statistical Quality Control,
 *       Section 9.1). Default {@value #RESET_AFTER_ALARM_DEFAULT}, which reproduces R.</li>
 * </ul>
 */
public final class CusumParameters {

  /** Standardisation of the count x with expected value m (R {@code control$trans}). */
  public enum Transformation {
    /** (x - m) / sqrt(m), asymptotic normality (R "standard"); upperbound ceiling(sqrt(m)(h + k - C) + m). */
    STANDARD,
    /** (x - 3m + 2 sqrt(x m)) / (2 sqrt(m)) (R "rossi", Rossi et al. 1999). */
    ROSSI,
    /** 3/2 (x^(2/3) - m^(2/3)) / m^(1/6), Anscombe residual (R "anscombe"). */
    ANSCOMBE,
    /** (x^(2/3) - (m^(2/3) - m^(-1/3)/9)) / (2/3 m^(1/6)) (R "anscombe2nd"). */
    ANSCOMBE_2ND,
    /** (x - m) / sqrt(m + alpha m^2), negative binomial Pearson residual (R "pearsonNegBin"). */
    PEARSON_NEG_BIN,
    /** x unchanged (R "none"); upperbound h - C. */
    NONE
  }

  public static final double K_DEFAULT = 1.04;
  public static final double H_DEFAULT = 2.26;
  public static final Transformation TRANSFORMATION_DEFAULT = Transformation.STANDARD;
  public static final double ALPHA_DEFAULT = 0.1;
  public static final boolean RESET_AFTER_ALARM_DEFAULT = false;

  private final double k;
  private final double h;
  private final OptionalDouble m;
  private final Transformation transformation;
  private final double alpha;
  private final boolean resetAfterAlarm;

  /**
   * @param m empty for R's {@code m = NULL} (mean of the history before the range); otherwise a finite value &ge; 0
   * @throws IllegalArgumentException on a non-finite k or h, h &le; 0, a negative or non-finite m, or alpha &lt; 0
   */
  public CusumParameters(
      double k,
      double h,
      OptionalDouble m,
      Transformation transformation,
      double alpha,
      boolean resetAfterAlarm) {
    if (!Double.isFinite(k)) {
      throw new IllegalArgumentException("CUSUM k " + k + " is invalid: expected a finite number");
    }
    if (!(h > 0) || Double.isInfinite(h)) {
      throw new IllegalArgumentException(
          "CUSUM h " + h + " is invalid: expected a finite number > 0");
    }
    if (m == null) {
      throw new IllegalArgumentException(
          "CUSUM m is null: expected OptionalDouble.empty() for R's NULL");
    }
    if (m.isPresent() && (!(m.getAsDouble() >= 0) || Double.isInfinite(m.getAsDouble()))) {
      throw new IllegalArgumentException(
          "CUSUM m " + m.getAsDouble() + " is invalid: expected a finite number >= 0");
    }
    if (transformation == null) {
      throw new IllegalArgumentException(
          "CUSUM transformation is null: expected one of "
              + java.util.Arrays.toString(Transformation.values()));
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException(
          "CUSUM alpha " + alpha + " is invalid: expected a finite number >= 0");
    }
    this.k = k;
    this.h = h;
    this.m = m;
    this.transformation = transformation;
    this.alpha = alpha;
    this.resetAfterAlarm = resetAfterAlarm;
  }

  /** R's defaults: k 1.04, h 2.26, m NULL, trans "standard", alpha 0.1, no reset. */
  public static CusumParameters defaults() {
    return new CusumParameters(
        K_DEFAULT,
        H_DEFAULT,
        OptionalDouble.empty(),
        TRANSFORMATION_DEFAULT,
        ALPHA_DEFAULT,
        RESET_AFTER_ALARM_DEFAULT);
  }

  /** The same parameters with the reset-after-alarm extension switched on or off. */
  public CusumParameters withResetAfterAlarm(boolean reset) {
    return new CusumParameters(k, h, m, transformation, alpha, reset);
  }

  /** The same parameters with k and h. */
  public CusumParameters withKH(double newK, double newH) {
    return new CusumParameters(newK, newH, m, transformation, alpha, resetAfterAlarm);
  }

  public double k() {
    return k;
  }

  public double h() {
    return h;
  }

  public OptionalDouble m() {
    return m;
  }

  public Transformation transformation() {
    return transformation;
  }

  public double alpha() {
    return alpha;
  }

  public boolean resetAfterAlarm() {
    return resetAfterAlarm;
  }
}
