package org.agrisafe.risk.spatial;

import java.util.Objects;

/**
 * Global empirical-Bayes smoothing of rates by the method of moments, as R {@code spdep::EBest(n, x,
 * family = "poisson")}.
 *
 * <p>Source: Marshall, R. J. (1991), "Mapping disease and mortality rates using empirical Bayes estimators",
 * <i>Applied Statistics</i> 40(2), 283–294, §3 (global estimator, eqs. 3–5); Bailey, T. C. and Gatrell, A. C.
 * (1995), <i>Interactive Spatial Data Analysis</i>, Longman, §7.3.
 *
 * <p>Algorithm, for events e_i (e.g. samples exceeding an MRL) out of populations n_i (e.g. samples tested):
 * <ol>
 *   <li>raw rate r_i = e_i / n_i; prior mean m = Σ e / Σ n (spdep's {@code b});</li>
 *   <li>prior variance a = Σ n_i (r_i − m)² / Σ n − m / n̄, with n̄ = Σ n / k; set to 0 when negative
 *       (then every rate shrinks fully to m);</li>
 *   <li>smoothed rate r̂_i = m + a (r_i − m) / (a + m / n_i) — small areas shrink more towards m.</li>
 * </ol>
 * Rates are proportions (events per unit of population); multiply by 100 for %. Areas whose population is
 * below {@code minPopulation} are flagged {@link Result#insufficient()}: their smoothed rate is still given,
 * but they must not be called hot or cold spots (see {@link HotSpotClassifier}).
 */
public final class EmpiricalBayes {

  /** Default smallest population (samples tested) for a hot-spot claim: 10; set it from the programme design. */
  public static final double MIN_POPULATION_DEFAULT = 10.0;

  private EmpiricalBayes() {}

  /**
   * Smoothing output; arrays in the input order.
   *
   * @param raw           raw rates e_i / n_i
   * @param smoothed      EB estimates r̂_i
   * @param priorMean     m (spdep {@code attr(, "parameters")$b})
   * @param priorVariance a after truncation at 0 (spdep {@code $a})
   * @param insufficient  true where n_i &lt; minPopulation
   */
  public record Result(
      double[] raw,
      double[] smoothed,
      double priorMean,
      double priorVariance,
      boolean[] insufficient) {}

  /** Smoothing with {@link #MIN_POPULATION_DEFAULT}. */
  public static Result poissonGlobal(double[] events, double[] population) {
    return poissonGlobal(events, population, MIN_POPULATION_DEFAULT);
  }

  /**
   * Marshall's global EB estimate.
   *
   * @param events        events per area, finite, &gt;= 0
   * @param population    population (denominator) per area, finite, &gt; 0, same length
   * @param minPopulation areas with population below this are flagged insufficient; &gt;= 0
   * @return raw and smoothed rates, prior moments and flags
   * @throws IllegalArgumentException on empty input, mismatched lengths, negative or non-finite events,
   *                                  non-positive population, events &gt; population is allowed (Poisson)
   */
  public static Result poissonGlobal(double[] events, double[] population, double minPopulation) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(population, "population");
    int k = events.length;
    if (k == 0) {
      throw new IllegalArgumentException("No areas given: expected at least one area");
    }
    if (population.length != k) {
      throw new IllegalArgumentException(
          "Got "
              + k
              + " event counts and "
              + population.length
              + " populations: expected one of each per area");
    }
    if (!(minPopulation >= 0) || Double.isInfinite(minPopulation)) {
      throw new IllegalArgumentException(
          "Invalid minimum population " + minPopulation + ": expected a finite number >= 0");
    }
    double sumE = 0;
    double sumN = 0;
    for (int i = 0; i < k; i++) {
      if (!(events[i] >= 0) || Double.isInfinite(events[i])) {
        throw new IllegalArgumentException(
            "Events of area " + i + " are " + events[i] + ": expected a finite number >= 0");
      }
      if (!(population[i] > 0) || Double.isInfinite(population[i])) {
        throw new IllegalArgumentException(
            "Population of area "
                + i
                + " is "
                + population[i]
                + ": expected a finite number > 0 (an area with nothing tested has no rate; leave it out)");
      }
      sumE += events[i];
      sumN += population[i];
    }
    double m = sumE / sumN;
    double[] raw = new double[k];
    double weightedSq = 0;
    for (int i = 0; i < k; i++) {
      raw[i] = events[i] / population[i];
      weightedSq += population[i] * (raw[i] - m) * (raw[i] - m);
    }
    double a = weightedSq / sumN - m / (sumN / k);
    if (a < 0) {
      a = 0;
    }
    double[] smoothed = new double[k];
    boolean[] insufficient = new boolean[k];
    for (int i = 0; i < k; i++) {
      double denom = a + m / population[i];
      // m = 0 (no events anywhere) and a = 0: every rate is 0
      smoothed[i] = denom == 0 ? m : m + a * (raw[i] - m) / denom;
      insufficient[i] = population[i] < minPopulation;
    }
    return new Result(raw, smoothed, m, a, insufficient);
  }
}
