package org.agrisafe.risk.aberration;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/** Small numerical helpers with R's semantics ({@code mean}, {@code sd}, {@code qnorm}, {@code qnbinom}, {@code qpois}). */
final class RStats {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
  private static final double DBL_EPSILON = Math.ulp(1.0);

  private RStats() {}

  /** R {@code qnorm(p)} for the standard normal. */
  static double qnorm(double p) {
    return STANDARD_NORMAL.inverseCumulativeProbability(p);
  }

  /** R {@code mean} of {@code x[from..to)} (0-based, half-open). */
  static double mean(long[] x, int from, int to) {
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i];
    }
    return (double) sum / (to - from);
  }

  /** R {@code sd} (denominator n - 1) of {@code x[from..to)}; two-pass, as R. */
  static double sd(long[] x, int from, int to) {
    double m = mean(x, from, to);
    double ss = 0;
    for (int i = from; i < to; i++) {
      double d = x[i] - m;
      ss += d * d;
    }
    return Math.sqrt(ss / (to - from - 1));
  }

  /** R {@code ppois(q, lambda)}. */
  static double ppois(double q, double lambda) {
    if (q < 0) {
      return 0;
    }
    if (lambda == 0) {
      return 1;
    }
    return Gamma.regularizedGammaQ(Math.floor(q) + 1, lambda);
  }

  /** R {@code pnbinom(q, size, prob)}. */
  static double pnbinom(double q, double size, double prob) {
    if (q < 0) {
      return 0;
    }
    if (prob == 1) {
      return 1;
    }
    return Beta.regularizedBeta(prob, size, Math.floor(q) + 1);
  }

  /** R {@code qpois(p, lambda)}: the smallest integer y with {@code ppois(y) >= p} (R's fuzz included). */
  static double qpois(double p, double lambda) {
    if (lambda == 0) {
      return 0;
    }
    double mu = lambda;
    double sigma = Math.sqrt(lambda);
    double gamma = 1.0 / sigma;
    return discreteQuantile(p, mu, sigma, gamma, y -> ppois(y, lambda));
  }

  /** R {@code qnbinom(p, size, prob)} (size may be non-integer), same search as R. */
  static double qnbinom(double p, double size, double prob) {
    if (prob == 1 || size == 0) {
      return 0;
    }
    double q = 1.0 / prob;
    double pp = size * (1 - prob) / prob; // mean
    double sigma = Math.sqrt(pp * q);
    double gamma =
        (2 - prob) / Math.sqrt(size * (1 - prob)); // skewness, for the starting value only
    return discreteQuantile(p, pp, sigma, gamma, y -> pnbinom(y, size, prob));
  }

  private interface Cdf {
    double at(double y);
  }

  /**
   * Smallest integer y &ge; 0 with {@code cdf(y) >= p * (1 + 8 DBL_EPSILON)} (R 4.2 {@code qDiscrete_search},
   * lower tail): Cornish-Fisher start, then a step search.
   */
  private static double discreteQuantile(double p, double mu, double sigma, double gamma, Cdf cdf) {
    if (!(p > 0)) {
      return 0;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    double target = p * (1 + 8 * DBL_EPSILON);
    if (target >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    double z = qnorm(p);
    double y = Math.rint(mu + sigma * (z + gamma * (z * z - 1) / 6));
    if (y < 0 || Double.isNaN(y)) {
      y = 0;
    }
    if (cdf.at(y) >= target) {
      // search left
      while (y > 0 && cdf.at(y - 1) >= target) {
        y--;
      }
    } else {
      // search right
      do {
        y++;
      } while (cdf.at(y) < target);
    }
    return y;
  }
}
