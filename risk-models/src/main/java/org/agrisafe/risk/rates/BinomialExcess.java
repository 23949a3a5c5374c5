package org.agrisafe.risk.rates;

import org.apache.commons.math3.special.Beta;

/**
 * Is a rate in a current window improbably high against a baseline rate? The one-sided exact binomial test with the
 * baseline rate estimated under a Jeffreys prior: used by the streaming rule {@code RAPID_POSITIVE_RATE} (rapid-test
 * positives of a district and commodity in a sliding window against the preceding weeks).
 *
 * <p>Sources:
 * <ul>
 *   <li>The test: Conover, W. J. (1999) <i>Practical Nonparametric Statistics</i>, 3rd ed., Wiley, §3.1 "The
 *       binomial test" (upper-tailed test, p-value P(X &ge; x) under H0: p = p0); R
 *       {@code binom.test(x, n, p0, alternative = "greater")} computes the same p-value.</li>
 *   <li>The upper tail through the regularised incomplete beta function, P(X &ge; x) = I_{p0}(x, n − x + 1):
 *       Abramowitz, M. and Stegun, I. A. (1964) <i>Handbook of Mathematical Functions</i>, eq. 26.5.24 (R
 *       {@code pbinom(x - 1, n, p0, lower.tail = FALSE)} uses the same identity through {@code pbeta}).</li>
 *   <li>The baseline rate: posterior mean under the Jeffreys prior Beta(½, ½): Gelman, A. et al. (2013)
 *       <i>Bayesian Data Analysis</i>, 3rd ed., CRC, §2.8 (noninformative priors; Jeffreys' prior for the
 *       binomial). With no positive in the baseline the rate is ½ / (n0 + 1), not 0, so one positive in the window
 *       is not "infinitely improbable"; with an empty baseline the rate is the prior mean ½, which in practice
 *       never alarms (no baseline, no claim).</li>
 * </ul>
 *
 * <p>Probabilities are in [0, 1]; counts are whole numbers of tests.
 */
public final class BinomialExcess {
  /** Default pseudo-count of positives of the baseline prior: ½ (Jeffreys). */
  public static final double PRIOR_POSITIVES_DEFAULT = 0.5;

  /** Default pseudo-count of negatives of the baseline prior: ½ (Jeffreys). */
  public static final double PRIOR_NEGATIVES_DEFAULT = 0.5;

  private static final double BETA_EPSILON = 1e-16;
  private static final int BETA_MAX_ITERATIONS = 100_000;

  private BinomialExcess() {}

  /**
   * The upper tail P(X &ge; x) of X ~ Binomial(n, p): the one-sided p-value of observing {@code x} or more
   * successes in {@code n} trials when the success probability is {@code p}.
   *
   * <p>Algorithm: 1 for x &le; 0; 0 for x &gt; n; otherwise I_p(x, n − x + 1) (regularised incomplete beta,
   * continued fraction of commons-math3 {@code Beta.regularizedBeta}); p = 0 gives 0 and p = 1 gives 1 for
   * 1 &le; x &le; n.
   *
   * @param x observed successes, &ge; 0
   * @param n trials, &ge; 0
   * @param p success probability in [0, 1]
   * @return the probability in [0, 1]
   * @throws IllegalArgumentException if x &lt; 0, n &lt; 0 or p is outside [0, 1] or NaN
   */
  public static double upperTail(long x, long n, double p) {
    if (x < 0) {
      throw new IllegalArgumentException("Invalid successes " + x + ": expected >= 0");
    }
    if (n < 0) {
      throw new IllegalArgumentException("Invalid trials " + n + ": expected >= 0");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(
          "Invalid probability " + p + ": expected a number in [0, 1]");
    }
    if (x == 0) {
      return 1;
    }
    if (x > n) {
      return 0;
    }
    if (p == 0) {
      return 0;
    }
    if (p == 1) {
      return 1;
    }
    double v = Beta.regularizedBeta(p, x, n - x + 1.0, BETA_EPSILON, BETA_MAX_ITERATIONS);
    return Math.min(1, Math.max(0, v));
  }

  /**
   * The critical count: the smallest k with {@code upperTail(k, n, p) < alpha}, that is the fewest successes in n
   * trials that would alarm; {@code n + 1} when even n successes would not (the alarm is impossible).
   *
   * @param n trials, &ge; 0
   * @param p success probability in [0, 1]
   * @param alpha significance level in (0, 1)
   * @throws IllegalArgumentException on n &lt; 0, p outside [0, 1] or alpha outside (0, 1)
   */
  public static long criticalCount(long n, double p, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(
          "Invalid alpha " + alpha + ": expected a probability in (0, 1)");
    }
    // the tail is non-increasing in k: start at the mean (tail >= ~0.5 below it) and walk up
    long k = Math.max(0, (long) Math.floor(n * p));
    while (k > 0 && upperTail(k, n, p) < alpha) {
      k--;
    }
    while (k <= n && upperTail(k, n, p) >= alpha) {
      k++;
    }
    return k;
  }

  /**
   * The baseline rate as the posterior mean under a Beta(a, b) prior: (x0 + a) / (n0 + a + b). With the defaults
   * a = b = ½ (Jeffreys, Gelman et al. 2013 §2.8) this is (x0 + ½) / (n0 + 1).
   *
   * @param positives baseline positives x0, 0 &le; x0 &le; n0
   * @param tests baseline tests n0, &ge; 0
   * @param priorPositives a &gt; 0 (default {@value #PRIOR_POSITIVES_DEFAULT})
   * @param priorNegatives b &gt; 0 (default {@value #PRIOR_NEGATIVES_DEFAULT})
   * @return a probability in (0, 1)
   * @throws IllegalArgumentException on negative counts, x0 &gt; n0, or a non-positive prior pseudo-count
   */
  public static double baselineRate(
      long positives, long tests, double priorPositives, double priorNegatives) {
    if (tests < 0) {
      throw new IllegalArgumentException("Invalid baseline tests " + tests + ": expected >= 0");
    }
    if (positives < 0 || positives > tests) {
      throw new IllegalArgumentException(
          "Invalid baseline positives " + positives + ": expected 0.." + tests);
    }
    checkPrior("prior positives", priorPositives);
    checkPrior("prior negatives", priorNegatives);
    return (positives + priorPositives) / (tests + priorPositives + priorNegatives);
  }

  /** Validates a prior pseudo-count: finite and &gt; 0. */
  public static void checkPrior(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          "Invalid " + name + " " + v + ": expected a finite number > 0");
    }
  }
}
