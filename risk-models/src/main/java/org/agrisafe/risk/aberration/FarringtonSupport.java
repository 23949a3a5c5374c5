package org.agrisafe.risk.aberration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/** Pieces shared by the two Farrington methods (R {@code algo_farrington.R} and {@code farringtonFlexible.R}). */
final class FarringtonSupport {

  private FarringtonSupport() {}

  /**
   * R {@code anscombe.residuals(m, phi)}: 3/2 (y^(2/3) mu^(-1/6) - mu^(1/2)) / sqrt(phi (1 - h)).
   */
  static double[] anscombeResiduals(QuasiPoissonGlm.Fit fit, double phi) {
    double[] h = fit.hatValues();
    double[] s = new double[fit.y.length];
    for (int i = 0; i < s.length; i++) {
      double mu = fit.mu[i];
      double a = 1.5 * (Math.pow(fit.y[i], 2.0 / 3) * Math.pow(mu, -1.0 / 6) - Math.sqrt(mu));
      s[i] = a / Math.sqrt(phi * (1 - h[i]));
    }
    return s;
  }

  /**
   * R {@code algo.farrington.assign.weights(s, weightsThreshold)}: omega = gamma s^-2 where s &gt; threshold, gamma
   * elsewhere, gamma chosen so that the weights sum to n.
   */
  static double[] weights(double[] s, double threshold) {
    double denominator = 0;
    for (double v : s) {
      denominator += v > threshold ? 1.0 / (v * v) : 1.0;
    }
    double gamma = s.length / denominator;
    double[] omega = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      omega[i] = s[i] > threshold ? gamma / (s[i] * s[i]) : gamma;
    }
    return omega;
  }

  /**
   * Upper limit of the Farrington prediction interval (R {@code algo.farrington.threshold}, and
   * {@code algo.farrington.threshold.farrington} in farringtonFlexible), the "delta" method:
   * tau = phi + se^2 / mu0, sd on the transformed scale by the delta method, upper = (mu0^e + z sd)^(1/e).
   *
   * @param mu0  predicted mean (response scale)
   * @param se   standard error of mu0 (response scale)
   * @param phi  dispersion used in the threshold (&ge; 1)
   * @param z    normal quantile (two-sided {@code qnorm(1 - alpha/2)} in algo.farrington, one-sided
   *             {@code qnorm(1 - alpha)} in farringtonFlexible)
   */
  static double deltaUpper(double mu0, double se, double phi, double z, PowerTransform transform) {
    double tau = phi + (se * se) / mu0;
    double sdT;
    switch (transform) {
      case NONE -> sdT = Math.sqrt(mu0 * tau);
      case SQUARE_ROOT -> sdT = Math.sqrt(0.25 * tau);
      case TWO_THIRDS -> sdT = Math.sqrt(4.0 / 9.0 * Math.pow(mu0, 1.0 / 3) * tau);
      default -> throw new IllegalStateException("Unknown transform " + transform);
    }
    double e = transform.exponent();
    double lower = Math.pow(Math.pow(mu0, e) - z * sdT, 1 / e);
    double upper = Math.pow(Math.pow(mu0, e) + z * sdT, 1 / e);
    // R: sort(c(lower, upper), na.last = FALSE)[2]
    if (Double.isNaN(lower)) {
      return upper;
    }
    if (Double.isNaN(upper)) {
      return lower;
    }
    return Math.max(lower, upper);
  }

  /** R limit54 check: sum(observed[(k - weeks + 1):k]) &gt;= cases (k 1-based; current period included). */
  static boolean enoughCases(long[] observed, int k, int cases, int weeks) {
    long sum = 0;
    for (int i = Math.max(1, k - weeks + 1); i <= k; i++) {
      sum += observed[i - 1];
    }
    return sum >= cases;
  }

  /** R's {@code seq(date, by = "-j year")} element: same month and day j years back, day overflow rolled forward. */
  static LocalDate minusYearsR(LocalDate d, int years) {
    return LocalDate.of(d.getYear() - years, d.getMonth(), 1).plusDays(d.getDayOfMonth() - 1L);
  }

  /** R's month arithmetic in {@code seq(date, by = "j month")}: day overflow rolled forward. */
  static LocalDate plusMonthsR(LocalDate d, int months) {
    return LocalDate.of(d.getYear(), d.getMonth(), 1)
        .plusMonths(months)
        .plusDays(d.getDayOfMonth() - 1L);
  }

  /** R {@code format(date, "%w")}: 0 = Sunday .. 6 = Saturday. */
  static int weekdayR(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w.getValue() % 7;
  }

  /** 1-based index of {@code date} among the epochs, or -1. */
  static int indexOfEpoch(LocalDate[] epochs, LocalDate date) {
    int i = Arrays.binarySearch(epochs, date);
    return i >= 0 ? i + 1 : -1;
  }

  /** Days between two dates. */
  static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }
}
