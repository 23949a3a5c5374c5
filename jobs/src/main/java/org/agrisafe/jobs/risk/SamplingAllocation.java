package org.agrisafe.jobs.risk;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Allocation of N samples across strata: a random share spread uniformly, a floor per stratum, and the rest
 * proportional to predicted risk.
 *
 * <p>Steps (a project design for a risk-based monitoring plan in the spirit of EFSA (2012) "Use of EFSA Pesticide
 * Residue Intake Model" is not claimed; this is a plain documented rule):
 * <ol>
 *   <li>R = round(randomShare × N) samples; each is placed in a stratum drawn uniformly at random
 *       ({@link SplittableRandom} seeded with {@code seed}): the RANDOM_MONITORING share, which keeps an unbiased
 *       estimate of the pass rate and watches strata the model thinks are safe.</li>
 *   <li>Each stratum below the floor after step 1 is topped up to it (RISK_TARGETED).</li>
 *   <li>The remaining N − R − top-ups go to strata in proportion to their predicted risk, by the largest-remainder
 *       method (ties to the lower stratum index); all risks 0 → proportional to 1 (uniform).</li>
 * </ol>
 * The same inputs and seed give the same allocation.
 */
public final class SamplingAllocation {
  private SamplingAllocation() {}

  /**
   * Allocates.
   *
   * @param risk predicted P(sample fails) per stratum, each in [0, 1]; length S ≥ 1
   * @param total N ≥ 1 samples
   * @param floor samples every stratum gets at least, ≥ 0
   * @param randomShare share of N spread uniformly at random, in [0, 1]
   * @param seed random seed
   * @return {@code [S][2]}: per stratum, [random-monitoring samples, risk-targeted samples]
   * @throws IllegalArgumentException on a bad argument, or when the floors cannot be met within N − R
   */
  public static int[][] allocate(
      double[] risk, int total, int floor, double randomShare, long seed) {
    int s = risk.length;
    if (s == 0) {
      throw new IllegalArgumentException(
          "No strata: expected at least one stratum to allocate samples to");
    }
    if (total < 1) {
      throw new IllegalArgumentException("Total samples " + total + ": expected >= 1");
    }
    if (floor < 0) {
      throw new IllegalArgumentException("Floor " + floor + ": expected >= 0");
    }
    if (!(randomShare >= 0 && randomShare <= 1)) {
      throw new IllegalArgumentException(
          "Random share " + randomShare + ": expected a proportion in [0, 1]");
    }
    for (int i = 0; i < s; i++) {
      if (!(risk[i] >= 0 && risk[i] <= 1)) {
        throw new IllegalArgumentException(
            "Risk of stratum " + i + " is " + risk[i] + ": expected [0, 1]");
      }
    }
    int[][] out = new int[s][2];
    int r = (int) Math.round(randomShare * total);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int k = 0; k < r; k++) {
      out[rng.nextInt(s)][0]++;
    }
    int topUps = 0;
    for (int i = 0; i < s; i++) {
      int d = Math.max(0, floor - out[i][0]);
      out[i][1] = d;
      topUps += d;
    }
    int rest = total - r - topUps;
    if (rest < 0) {
      throw new IllegalArgumentException(
          "Floors of "
              + floor
              + " in "
              + s
              + " strata need "
              + topUps
              + " risk-targeted samples beyond the "
              + r
              + " random ones, more than the "
              + (total - r)
              + " left of N = "
              + total
              + ": expected fewer strata, a lower floor, a lower random share or a larger N");
    }
    double sum = Arrays.stream(risk).sum();
    double[] w = new double[s];
    for (int i = 0; i < s; i++) {
      w[i] = sum > 0 ? risk[i] / sum : 1.0 / s;
    }
    int given = 0;
    double[] remainder = new double[s];
    for (int i = 0; i < s; i++) {
      double q = w[i] * rest;
      int fl = (int) Math.floor(q);
      out[i][1] += fl;
      given += fl;
      remainder[i] = q - fl;
    }
    Integer[] order = new Integer[s];
    for (int i = 0; i < s; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
    for (int k = 0; k < rest - given; k++) {
      out[order[k]][1]++;
    }
    return out;
  }
}
