package org.agrisafe.risk.rates;

import java.util.Optional;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Two-sided confidence intervals for a binomial proportion (pass rate 合格率, detection rate 检出率, exceedance rate
 * 超标率).
 *
 * <p>Both methods return bounds as proportions in [0, 1]. A group with {@code trials == 0} has no rate, so the
 * methods return {@link Optional#empty()}; they never return [0, 1] or a 100 % rate for an empty group
 * (docs/conventions.md §12.4).
 *
 * <p>Reference values: {@code golden/binomial/intervals_95.csv} in the repository (R 4.2.2 {@code prop.test(correct = FALSE)}
 * and {@code binom.test}); the test suite matches them to a relative 1e-9.
 */
public final class BinomialIntervals {

  /** Default confidence level, 0.95 (a 95 % interval); the level every published rate uses. */
  public static final double CONFIDENCE_DEFAULT = 0.95;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0.0, 1.0);

  /** Relative accuracy of the Beta quantile root search (bisection-safe Brent). */
  private static final double QUANTILE_RELATIVE_ACCURACY = 1e-15;

  private static final double QUANTILE_ABSOLUTE_ACCURACY = 1e-300;
  private static final double BETA_EPSILON = 1e-16;
  private static final int BETA_MAX_ITERATIONS = 100_000;
  private static final int SOLVER_MAX_EVALUATIONS = 10_000;

  private BinomialIntervals() {}

  /**
   * Wilson score interval at the {@linkplain #CONFIDENCE_DEFAULT default} 95 % level.
   *
   * @see #wilson(long, long, double)
   */
  public static Optional<BinomialInterval> wilson(long successes, long trials) {
    return wilson(successes, trials, CONFIDENCE_DEFAULT);
  }

  /**
   * Wilson score interval without continuity correction.
   *
   * <p>Source: Wilson, E. B. (1927) "Probable inference, the law of succession, and statistical inference", Journal
   * of the American Statistical Association 22(158):209-212, the quadratic-root interval; computed exactly as R
   * {@code stats::prop.test(x, n, correct = FALSE)} (R 4.2.2, {@code prop.test.R}), including its edge rules.
   *
   * <p>Algorithm, with p = successes / trials and z = Φ⁻¹((1 + confidence) / 2) (z = 1.959964 at 95 %):
   *
   * <ol>
   *   <li>c = z² / (2n);
   *   <li>lower = 0 if p = 0, else (p + c − z·√(p(1−p)/n + c/(2n))) / (1 + 2c);
   *   <li>upper = 1 if p = 1, else (p + c + z·√(p(1−p)/n + c/(2n))) / (1 + 2c);
   *   <li>both clamped to [0, 1] against rounding.
   * </ol>
   *
   * @param successes number of successes, 0 &le; successes &le; trials
   * @param trials number of trials (the denominator), &ge; 0
   * @param confidence two-sided confidence level in (0, 1); default and recommended {@value #CONFIDENCE_DEFAULT}
   * @return the interval (proportions in [0, 1], method WILSON), or empty when {@code trials == 0}
   * @throws IllegalArgumentException if the counts or the confidence level are out of range
   */
  public static Optional<BinomialInterval> wilson(long successes, long trials, double confidence) {
    checkArguments(successes, trials, confidence);
    if (trials == 0) {
      return Optional.empty();
    }
    double n = trials;
    double p = successes / n;
    double z = zFor(confidence);
    double z22n = z * z / (2.0 * n);
    double lower;
    if (successes == 0) {
      lower = 0.0;
    } else {
      lower = (p + z22n - z * Math.sqrt(p * (1.0 - p) / n + z22n / (2.0 * n))) / (1.0 + 2.0 * z22n);
    }
    double upper;
    if (successes == trials) {
      upper = 1.0;
    } else {
      upper = (p + z22n + z * Math.sqrt(p * (1.0 - p) / n + z22n / (2.0 * n))) / (1.0 + 2.0 * z22n);
    }
    return Optional.of(new BinomialInterval(clamp01(lower), clamp01(upper), IntervalMethod.WILSON));
  }

  /**
   * Clopper-Pearson interval at the {@linkplain #CONFIDENCE_DEFAULT default} 95 % level.
   *
   * @see #clopperPearson(long, long, double)
   */
  public static Optional<BinomialInterval> clopperPearson(long successes, long trials) {
    return clopperPearson(successes, trials, CONFIDENCE_DEFAULT);
  }

  /**
   * Clopper-Pearson ("exact") interval, by inversion of the binomial tail through the Beta distribution.
   *
   * <p>Source: Clopper, C. J. and Pearson, E. S. (1934) "The use of confidence or fiducial limits illustrated in the
   * case of the binomial", Biometrika 26(4):404-413; computed as R {@code stats::binom.test} (R 4.2.2), which uses
   * the Beta-quantile form.
   *
   * <p>Algorithm, with α = 1 − confidence, x = successes, n = trials:
   *
   * <ol>
   *   <li>lower = 0 if x = 0, else the α/2 quantile of Beta(x, n − x + 1);
   *   <li>upper = 1 if x = n, else the 1 − α/2 quantile of Beta(x + 1, n − x);
   *   <li>each quantile is found by Brent's root search on the regularized incomplete beta function I_p(a, b)
   *       (commons-math3 {@code Beta.regularizedBeta}) to a relative accuracy of 1e-15.
   * </ol>
   *
   * @param successes number of successes, 0 &le; successes &le; trials
   * @param trials number of trials (the denominator), &ge; 0
   * @param confidence two-sided confidence level in (0, 1); default and recommended {@value #CONFIDENCE_DEFAULT}
   * @return the interval (proportions in [0, 1], method CLOPPER_PEARSON), or empty when {@code trials == 0}
   * @throws IllegalArgumentException if the counts or the confidence level are out of range
   */
  public static Optional<BinomialInterval> clopperPearson(
      long successes, long trials, double confidence) {
    checkArguments(successes, trials, confidence);
    if (trials == 0) {
      return Optional.empty();
    }
    double alpha = 1.0 - confidence;
    double lower =
        successes == 0 ? 0.0 : betaQuantile(alpha / 2.0, successes, trials - successes + 1.0);
    double upper =
        successes == trials
            ? 1.0
            : betaQuantile(1.0 - alpha / 2.0, successes + 1.0, trials - successes);
    return Optional.of(
        new BinomialInterval(clamp01(lower), clamp01(upper), IntervalMethod.CLOPPER_PEARSON));
  }

  /** The standard-normal quantile Φ⁻¹((1 + confidence) / 2) used by the two-sided Wilson interval. */
  static double zFor(double confidence) {
    return STANDARD_NORMAL.inverseCumulativeProbability((1.0 + confidence) / 2.0);
  }

  private static double betaQuantile(double probability, double a, double b) {
    BrentSolver solver = new BrentSolver(QUANTILE_RELATIVE_ACCURACY, QUANTILE_ABSOLUTE_ACCURACY);
    return solver.solve(
        SOLVER_MAX_EVALUATIONS,
        x -> Beta.regularizedBeta(x, a, b, BETA_EPSILON, BETA_MAX_ITERATIONS) - probability,
        0.0,
        1.0);
  }

  private static void checkArguments(long successes, long trials, double confidence) {
    if (trials < 0) {
      throw new IllegalArgumentException(
          "Cannot compute a binomial interval: trials " + trials + " is negative");
    }
    if (successes < 0) {
      throw new IllegalArgumentException(
          "Cannot compute a binomial interval: successes " + successes + " is negative");
    }
    if (successes > trials) {
      throw new IllegalArgumentException(
          "Cannot compute a binomial interval: successes "
              + successes
              + " exceed trials "
              + trials);
    }
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException(
          "Cannot compute a binomial interval: confidence "
              + confidence
              + " is not in (0, 1), e.g. 0.95");
    }
  }

  private static double clamp01(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }
}
