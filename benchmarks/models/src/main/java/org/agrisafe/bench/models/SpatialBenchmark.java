package org.agrisafe.bench.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrisafe.risk.spatial.ConditionalPermutation;
import org.agrisafe.risk.spatial.ContiguityParams;
import org.agrisafe.risk.spatial.Grids;
import org.agrisafe.risk.spatial.NeighbourList;
import org.agrisafe.risk.spatial.SpatialNeighbours;
import org.agrisafe.risk.spatial.SpatialWeights;
import org.agrisafe.risk.spatial.WeightStyle;
import org.locationtech.jts.geom.Geometry;

/**
 * Benchmark: Gi* and local Moran with 999 conditional permutations on a 43 × 43 grid (1,849 polygons, queen
 * contiguity), against R spdep 1.2-7 {@code localG_perm} / {@code localmoran_perm} when {@code Rscript} with spdep
 * is installed. Prints wall times (median of 7 runs after warm-ups) and the R / Java ratio.
 *
 * <p>Run: {@code benchmarks/models/bench.sh spatial [threads]}; results in docs/benchmarks.md.
 */
public final class SpatialBenchmark {

  private static final int SIDE = 43;
  private static final int PERMUTATIONS = 999;
  private static final int WARMUPS = 5;
  private static final int RUNS = 7;

  /** Reference R 4.2.2 / spdep 1.2-7 timings, seconds, on this machine (2 cores, R serial). */
  private static final double R_REFERENCE_LOCALG_PERM_S = 0.6;

  private static final double R_REFERENCE_LOCALMORAN_PERM_S = 0.6;

  private SpatialBenchmark() {}

  public static void main(String[] args) throws Exception {
    int threads =
        args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
    int n = SIDE * SIDE;
    List<Geometry> grid = Grids.squares(SIDE, SIDE);
    List<String> ids = Grids.ids(n, "cell");
    double[] x = values(n);

    long t0 = System.nanoTime();
    NeighbourList queen = SpatialNeighbours.contiguity(grid, ids, ids, ContiguityParams.defaults());
    double buildS = seconds(System.nanoTime() - t0);
    SpatialWeights w = queen.weights(WeightStyle.W);
    SpatialWeights star = queen.includeSelf().weights(WeightStyle.B);
    ConditionalPermutation.Params params =
        new ConditionalPermutation.Params(PERMUTATIONS, 42L, threads);

    // JIT warm-up of both paths before any timing
    for (int i = 0; i < WARMUPS; i++) {
      ConditionalPermutation.getisOrd(star, x, params);
      ConditionalPermutation.localMoran(w, x, params);
    }
    double giS = median(() -> ConditionalPermutation.getisOrd(star, x, params));
    double lmS = median(() -> ConditionalPermutation.localMoran(w, x, params));
    double giSerialS =
        median(
            () ->
                ConditionalPermutation.getisOrd(
                    star, x, new ConditionalPermutation.Params(PERMUTATIONS, 42L, 1)));
    double lmSerialS =
        median(
            () ->
                ConditionalPermutation.localMoran(
                    w, x, new ConditionalPermutation.Params(PERMUTATIONS, 42L, 1)));

    System.out.printf(
        "SpatialBenchmark: %d x %d grid = %d polygons, queen contiguity, %d permutations%n",
        SIDE, SIDE, n, PERMUTATIONS);
    System.out.printf(
        "  queen contiguity build (STRtree + shared vertex): %8.3f s (single run, cold)%n", buildS);
    System.out.printf(
        "  Java Gi* (localG_perm equivalent), %d thread(s):    %8.3f s%n", threads, giS);
    System.out.printf(
        "  Java local Moran (localmoran_perm eq.), %d thread(s): %8.3f s%n", threads, lmS);
    System.out.printf("  Java Gi*, 1 thread:                                %8.3f s%n", giSerialS);
    System.out.printf("  Java local Moran, 1 thread:                        %8.3f s%n", lmSerialS);

    double[] r = runR(x);
    if (r != null) {
      System.out.printf(
          "  R spdep localG_perm (measured now, serial):        %8.3f s   ratio R/Java = %.1f%n",
          r[0], r[0] / giS);
      System.out.printf(
          "  R spdep localmoran_perm (measured now, serial):    %8.3f s   ratio R/Java = %.1f%n",
          r[1], r[1] / lmS);
    } else {
      System.out.println(
          "  R with spdep is absent (Rscript not found or spdep not loadable); REFERENCE"
              + " timings, not measured now:");
      System.out.printf(
          "  R spdep localG_perm (reference):                   %8.3f s   ratio R/Java = %.1f%n",
          R_REFERENCE_LOCALG_PERM_S, R_REFERENCE_LOCALG_PERM_S / giS);
      System.out.printf(
          "  R spdep localmoran_perm (reference):               %8.3f s   ratio R/Java = %.1f%n",
          R_REFERENCE_LOCALMORAN_PERM_S, R_REFERENCE_LOCALMORAN_PERM_S / lmS);
    }
    System.out.println("  target: ratio >= 2 (twice as fast as spdep)");
  }

  /** A smooth surface with two hot blocks plus seeded noise, non-negative (like a rate in %). */
  private static double[] values(int n) {
    SplittableRandom rng = new SplittableRandom(2024L);
    double[] x = new double[n];
    for (int r = 0; r < SIDE; r++) {
      for (int c = 0; c < SIDE; c++) {
        double hot = (Math.abs(r - 10) < 4 && Math.abs(c - 30) < 4) ? 5 : 0;
        x[r * SIDE + c] = 2 + 0.05 * (r + c) + hot + rng.nextDouble() * 2;
      }
    }
    return x;
  }

  private static double median(Runnable task) {
    for (int i = 0; i < WARMUPS; i++) {
      task.run();
    }
    double[] t = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long s = System.nanoTime();
      task.run();
      t[i] = seconds(System.nanoTime() - s);
    }
    Arrays.sort(t);
    return t[RUNS / 2];
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** Runs the same computation in R; returns {localG_perm s, localmoran_perm s} or null if R/spdep is absent. */
  private static double[] runR(double[] x) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("spatial-bench");
    Path values = dir.resolve("values.txt");
    List<String> lines = new ArrayList<>();
    for (double v : x) {
      lines.add(Double.toString(v));
    }
    Files.write(values, lines, StandardCharsets.UTF_8);
    Path script = dir.resolve("bench.R");
    Files.writeString(
        script,
        String.join(
            "\n",
            "suppressMessages({library(sf); library(spdep)})",
            "x <- scan('" + values + "', quiet = TRUE)",
            "g <- st_make_grid(st_as_sfc(st_bbox(c(xmin = 0, ymin = 0, xmax = "
                + SIDE
                + ", ymax = "
                + SIDE
                + "))), n = c("
                + SIDE
                + ", "
                + SIDE
                + "))",
            "nb <- poly2nb(g, queen = TRUE)",
            "lw <- nb2listw(nb, style = 'W'); lws <- nb2listw(include.self(nb), style = 'B')",
            "tm <- function(f) { for (i in 1:2) f(); t <- sapply(1:5, function(i) system.time(f())[['elapsed']]);"
                + " median(t) }",
            "a <- tm(function() localG_perm(x, lws, nsim = " + PERMUTATIONS + ", iseed = 1))",
            "b <- tm(function() localmoran_perm(x, lw, nsim = " + PERMUTATIONS + ", iseed = 1))",
            "cat(sprintf('RESULT %.6f %.6f\\n', a, b))",
            ""),
        StandardCharsets.UTF_8);
    Process p;
    try {
      p = new ProcessBuilder("Rscript", script.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      return null;
    }
    for (String line : out.split("\n")) {
      if (line.startsWith("RESULT ")) {
        String[] f = line.trim().split(" ");
        return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
      }
    }
    return null;
  }
}
