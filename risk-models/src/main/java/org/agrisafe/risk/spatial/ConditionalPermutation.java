package org.agrisafe.risk.spatial;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Conditional permutation inference for local Moran's I_i and Getis–Ord G_i / G_i*, as R spdep 1.2-7
 * {@code localmoran_perm} and {@code localG_perm}, GeoDa and PySAL esda.
 *
 * <p>Source: Anselin, L. (1995), "Local indicators of spatial association — LISA", <i>Geographical Analysis</i>
 * 27(2), 93–115, §4 "conditional randomization"; Sokal, Oden and Thomson (1998), <i>Geographical Analysis</i>
 * 30(4), 331–354, §2.
 *
 * <p>Algorithm, for each region i with k_i neighbours other than itself:
 * <ol>
 *   <li>hold x_i fixed (and, for G_i*, its own term w_ii x_i);</li>
 *   <li>R times ({@link Params#permutations()}, default 999): draw k_i distinct regions uniformly, without
 *       replacement, from the n − 1 regions other than i (Floyd's sampling, then a Fisher–Yates shuffle of the
 *       draw when i's weights are unequal), assign their values to i's neighbours and recompute the statistic;</li>
 *   <li>with b⁺ = #{permuted ≥ observed} and b⁻ = #{permuted ≤ observed}, the <b>folded</b> pseudo p-value is
 *       p = (min(b⁺, b⁻) + 1) / (R + 1). Without ties b⁻ = R − b⁺, and this is exactly spdep 1.2-7's
 *       {@code "Pr(folded) Sim"} and esda's {@code p_sim}: a one-tailed p in the direction of the observed
 *       value, at most 0.5 (double it, capped at 1, for a strict two-sided p). With ties (for example a region
 *       at the mean, whose I_i and every permuted I_i are 0) this definition gives p = 1 where spdep and esda
 *       give the smallest possible p (1/(R + 1));</li>
 *   <li>also reported: the mean and variance (denominator R − 1) of the permuted statistics and
 *       z_sim = (observed − mean)/sd with its two-sided normal p, spdep's {@code "Pr(z != E(Ii)) Sim"}.</li>
 * </ol>
 *
 * <p>Differences from spdep 1.2-7: spdep draws each permutation's neighbour values <i>with</i> replacement
 * ({@code sample(z_i, replace = TRUE)}; fixed by {@code no_repeat_in_row} in spdep 1.2-8), and its
 * {@code localG_perm} also permutes the self value of G_i*; here draws are without replacement and x_i is kept,
 * as Anselin (1995) and GeoDa. Random numbers cannot match R's; p-values agree in distribution only.
 *
 * <p>Reproducibility: region i uses its own {@link SplittableRandom} seeded from (seed, i), so results do not
 * depend on the number of threads or their scheduling. Work is spread over {@link Params#threads()} threads in
 * a private {@link ForkJoinPool}; all inner loops run on primitive arrays.
 */
public final class ConditionalPermutation {

  private ConditionalPermutation() {}

  /**
   * Permutation settings.
   *
   * @param permutations number of permutations R, 1..1,000,000; default {@value #PERMUTATIONS_DEFAULT}
   *                     (spdep's default is 499; 999 gives a smallest p of 0.001, recommended by Anselin 1995)
   * @param seed         seed of the random numbers; no default, always explicit
   * @param threads      worker threads, &gt;= 1; default the number of available processors
   */
  public record Params(int permutations, long seed, int threads) {
    /** Default number of permutations. */
    public static final int PERMUTATIONS_DEFAULT = 999;

    /** Largest number of permutations accepted. */
    public static final int PERMUTATIONS_MAX = 1_000_000;

    /** Validates the settings. */
    public Params {
      if (permutations < 1 || permutations > PERMUTATIONS_MAX) {
        throw new IllegalArgumentException(
            "Invalid number of permutations "
                + permutations
                + ": expected 1.."
                + PERMUTATIONS_MAX
                + " (999 recommended)");
      }
      if (threads < 1) {
        throw new IllegalArgumentException(
            "Invalid number of threads " + threads + ": expected >= 1");
      }
    }

    /** @return 999 permutations with the given seed on all available processors */
    public static Params withSeed(long seed) {
      return new Params(PERMUTATIONS_DEFAULT, seed, Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * Permutation output: arrays of length n in the weights' region order.
   *
   * @param observed            the observed statistic (I_i, or G_i / G_i*)
   * @param permutationMean     mean of the R permuted statistics
   * @param permutationVariance variance (denominator R − 1) of the permuted statistics
   * @param atLeast             b⁺, number of permuted statistics ≥ observed
   * @param atMost              b⁻, number of permuted statistics ≤ observed
   * @param foldedP             folded pseudo p-value (min(b⁺, b⁻) + 1)/(R + 1), in (0, 1]
   * @param zSim                (observed − mean)/sd of the permutations
   * @param zSimP               two-sided normal p-value of zSim
   * @param permutations        R
   */
  public record Result(
      double[] observed,
      double[] permutationMean,
      double[] permutationVariance,
      int[] atLeast,
      int[] atMost,
      double[] foldedP,
      double[] zSim,
      double[] zSimP,
      int permutations) {}

  /**
   * Conditional permutation test of local Moran's I_i = (z_i / s²) Σ_j w_ij z_j, s² = Σ z²/n (spdep
   * {@code mlvar = TRUE}); the observed I_i equal {@link LocalMoran#compute} output.
   *
   * @param weights spatial weights without self links
   * @param x       one finite value per region
   * @param params  permutations, seed, threads
   * @return per-region permutation results
   * @throws IllegalArgumentException on invalid input (see {@link LocalMoran#compute}) or fewer than 3 regions
   */
  public static Result localMoran(SpatialWeights weights, double[] x, Params params) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(params, "params");
    if (weights.selfIncluded()) {
      throw new IllegalArgumentException(
          "Cannot permute local Moran with self-included weights: expected"
              + " weights without self links");
    }
    double mean = SpatialInputs.validate(weights, x, "local Moran permutation test", 3);
    int n = x.length;
    double[] z = new double[n];
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      z[i] = x[i] - mean;
      s2 += z[i] * z[i];
    }
    s2 /= n;
    double[] scale = new double[n];
    for (int i = 0; i < n; i++) {
      scale[i] = z[i] / s2;
    }
    return run(weights, z, scale, params);
  }

  /**
   * Conditional permutation test of G_i* (self-included weights) or G_i; the observed statistic is
   * G_i* = Σ_j w_ij x_j / Σ x, or G_i = Σ_j w_ij x_j / (Σ x − x_i), as spdep {@code localG_perm}.
   *
   * @param weights spatial weights, usually binary with self included for G_i*
   * @param x       one finite value per region (non-negative, e.g. a rate in %)
   * @param params  permutations, seed, threads
   * @return per-region permutation results
   * @throws IllegalArgumentException on invalid input or fewer than 3 regions
   */
  public static Result getisOrd(SpatialWeights weights, double[] x, Params params) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(params, "params");
    SpatialInputs.validate(weights, x, "Getis-Ord permutation test", 3);
    int n = x.length;
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    double[] scale = new double[n];
    for (int i = 0; i < n; i++) {
      double denominator = weights.selfIncluded() ? sum : sum - x[i];
      scale[i] = 1.0 / denominator;
    }
    return run(weights, x, scale, params);
  }

  /** Statistic of region i: scale_i · (w_ii v_i + Σ_{j≠i} w_ij v_j), with v_j (j ≠ i) permuted. */
  private static Result run(SpatialWeights w, double[] v, double[] scale, Params params) {
    int n = v.length;
    int r = params.permutations();
    Result out =
        new Result(
            new double[n],
            new double[n],
            new double[n],
            new int[n],
            new int[n],
            new double[n],
            new double[n],
            new double[n],
            r);
    int blocks = Math.max(1, Math.min(n, params.threads() * 8));
    ForkJoinPool pool = new ForkJoinPool(params.threads());
    try {
      pool.submit(
              () ->
                  IntStream.range(0, blocks)
                      .parallel()
                      .forEach(
                          b -> {
                            int from = (int) ((long) n * b / blocks);
                            int to = (int) ((long) n * (b + 1) / blocks);
                            boolean[] mark = new boolean[n];
                            for (int i = from; i < to; i++) {
                              region(w, v, scale[i], i, r, params.seed(), mark, out);
                            }
                          }))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Permutation test interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Permutation test failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
    return out;
  }

  private static void region(
      SpatialWeights w,
      double[] v,
      double scale,
      int i,
      int r,
      long seed,
      boolean[] mark,
      Result out) {
    int n = v.length;
    int from = w.offsets[i];
    int to = w.offsets[i + 1];
    double fixed = 0;
    int k = 0;
    double[] wn = new double[to - from];
    double observedSum = 0;
    for (int q = from; q < to; q++) {
      int j = w.neighbours[q];
      observedSum += w.weights[q] * v[j];
      if (j == i) {
        fixed = w.weights[q] * v[i];
      } else {
        wn[k++] = w.weights[q];
      }
    }
    boolean equalWeights = true;
    for (int t = 1; t < k && equalWeights; t++) {
      equalWeights = wn[t] == wn[0];
    }
    double observed = scale * observedSum;
    int[] chosen = new int[k];
    SplittableRandom rng = new SplittableRandom(mix(seed, i));
    int m = n - 1;
    int atLeast = 0;
    int atMost = 0;
    double mean = 0;
    double m2 = 0;
    for (int p = 0; p < r; p++) {
      // Floyd's algorithm: k distinct values from 0..m-1 (m = n - 1 regions other than i)
      int c = 0;
      for (int j = m - k; j < m; j++) {
        int t = rng.nextInt(j + 1);
        int tt = t < i ? t : t + 1;
        if (mark[tt]) {
          t = j;
          tt = t < i ? t : t + 1;
        }
        mark[tt] = true;
        chosen[c++] = tt;
      }
      if (!equalWeights) {
        for (int a = k - 1; a > 0; a--) {
          int b = rng.nextInt(a + 1);
          int tmp = chosen[a];
          chosen[a] = chosen[b];
          chosen[b] = tmp;
        }
      }
      double s = fixed;
      for (int a = 0; a < k; a++) {
        s += wn[a] * v[chosen[a]];
        mark[chosen[a]] = false;
      }
      double stat = scale * s;
      if (stat >= observed) {
        atLeast++;
      }
      if (stat <= observed) {
        atMost++;
      }
      double d = stat - mean;
      mean += d / (p + 1);
      m2 += d * (stat - mean);
    }
    double var = r > 1 ? m2 / (r - 1) : Double.NaN;
    double zSim = (observed - mean) / Math.sqrt(var);
    out.observed()[i] = observed;
    out.permutationMean()[i] = mean;
    out.permutationVariance()[i] = var;
    out.atLeast()[i] = atLeast;
    out.atMost()[i] = atMost;
    out.foldedP()[i] = (Math.min(atLeast, atMost) + 1.0) / (r + 1.0);
    out.zSim()[i] = zSim;
    out.zSimP()[i] = Double.isNaN(zSim) ? Double.NaN : Alternative.TWO_SIDED.pValue(zSim);
  }

  /** SplitMix64 finaliser of (seed, region), so each region has its own reproducible stream. */
  private static long mix(long seed, int region) {
    long z = seed + 0x9E3779B97F4A7C15L * (region + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
