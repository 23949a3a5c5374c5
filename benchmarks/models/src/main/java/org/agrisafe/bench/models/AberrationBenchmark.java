package org.agrisafe.bench.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.agrisafe.risk.aberration.AberrationDetector;
import org.agrisafe.risk.aberration.AberrationPoint;
import org.agrisafe.risk.aberration.AberrationResult;
import org.agrisafe.risk.aberration.CountSeries;
import org.agrisafe.risk.aberration.EarsCDetector;
import org.agrisafe.risk.aberration.EarsCParameters;
import org.agrisafe.risk.aberration.FarringtonDetector;
import org.agrisafe.risk.aberration.FarringtonFlexibleDetector;
import org.agrisafe.risk.aberration.FarringtonFlexibleParameters;
import org.agrisafe.risk.aberration.FarringtonParameters;

/**
 * Times aberration detection over synthetic weekly series and compares with R {@code surveillance} when available.
 *
 * <p>Workload: {@value #SERIES} seeded synthetic weekly series of {@value #YEARS} years (Poisson counts with a yearly
 * sine season, a mild trend and occasional outbreaks), each evaluated on its last 52 weeks with b = 5 by Farrington
 * ({@code algo.farrington} defaults), Farrington-flexible ({@code farringtonFlexible} defaults) and EARS C1, in a
 * parallel stream (the common pool; 2 cores on the build machine). Prints the mean wall time per series per method.
 *
 * <p>If {@code Rscript} with package {@code surveillance} is installed, a sample of the same series is run through R
 * ({@code farrington}, {@code farringtonFlexible}, {@code earsC} with the same controls) and the ratio R / Java per
 * series is printed, together with the largest relative difference of the upperbounds. Otherwise it prints that R
 * is absent and uses the reference R timings of the issue, labelled as such.
 *
 * <p>Run: {@code benchmarks/models/bench.sh aberration [threads]}; results in docs/benchmarks.md.
 */
public final class AberrationBenchmark {

  static final int SERIES = 10_000;
  static final int YEARS = 7;
  static final int WEEKS = 52 * YEARS;
  static final long SEED = 20240601L;
  static final int R_SAMPLE_DEFAULT = 20;

  /** Reference R timings from the issue (seconds per series), used when R is not installed. */
  static final double R_REF_FLEXIBLE_S = 0.36;

  static final double R_REF_FARRINGTON_S = 0.10;
  static final double R_REF_EARS_C1_S = 0.003;

  private AberrationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int nSeries = args.length > 0 ? Integer.parseInt(args[0]) : SERIES;
    int rSample = args.length > 1 ? Integer.parseInt(args[1]) : R_SAMPLE_DEFAULT;
    List<CountSeries> series = new ArrayList<>(nSeries);
    for (int i = 0; i < nSeries; i++) {
      series.add(synthetic(i));
    }
    int first = WEEKS - 51;
    AberrationDetector farrington =
        new FarringtonDetector(FarringtonParameters.defaults().withBW(5, 3));
    AberrationDetector flexible =
        new FarringtonFlexibleDetector(FarringtonFlexibleParameters.builder().b(5).build());
    AberrationDetector ears = new EarsCDetector(EarsCParameters.defaults());
    System.out.printf(
        Locale.ROOT,
        "AberrationBenchmark: %d series x %d weeks, last 52 evaluated, b = 5, %d cores%n",
        nSeries,
        WEEKS,
        Runtime.getRuntime().availableProcessors());
    // warm-up on a slice
    time(series.subList(0, Math.min(200, nSeries)), farrington, first);
    time(series.subList(0, Math.min(200, nSeries)), flexible, first);
    time(series.subList(0, Math.min(200, nSeries)), ears, first);
    double jFarrington = time(series, farrington, first);
    double jFlexible = time(series, flexible, first);
    double jEars = time(series, ears, first);
    System.out.printf(
        Locale.ROOT,
        "Java  Farrington           %9.3f ms/series (wall, parallel)%n",
        jFarrington * 1e3);
    System.out.printf(Locale.ROOT, "Java  Farrington-flexible  %9.3f ms/series%n", jFlexible * 1e3);
    System.out.printf(Locale.ROOT, "Java  EARS C1              %9.4f ms/series%n", jEars * 1e3);

    double[] r =
        runR(series.subList(0, Math.min(rSample, nSeries)), first, farrington, flexible, ears);
    String label;
    if (r == null) {
      System.out.println(
          "R (Rscript with package surveillance) is absent: using the REFERENCE R timings from "
              + "the issue (not measured here): Farrington-flexible 0.36 s/series (52 weeks), Farrington "
              + "0.10 s/series, EARS C1 3 ms/series (over 213 weeks)");
      r = new double[] {R_REF_FARRINGTON_S, R_REF_FLEXIBLE_S, R_REF_EARS_C1_S};
      label = "reference R (issue)";
    } else {
      label = "measured R, " + Math.min(rSample, nSeries) + " series, single core";
    }
    System.out.printf(
        Locale.ROOT,
        "R     Farrington           %9.3f ms/series (%s); ratio R/Java %8.1f%n",
        r[0] * 1e3,
        label,
        r[0] / jFarrington);
    System.out.printf(
        Locale.ROOT,
        "R     Farrington-flexible  %9.3f ms/series (%s); ratio R/Java %8.1f%n",
        r[1] * 1e3,
        label,
        r[1] / jFlexible);
    System.out.printf(
        Locale.ROOT,
        "R     EARS C1              %9.4f ms/series (%s); ratio R/Java %8.1f%n",
        r[2] * 1e3,
        label,
        r[2] / jEars);
    System.out.println(
        "Note: Java times are wall time per series with all cores; R runs one series at a time.");
  }

  /** Mean wall seconds per series of the detector over the series, in parallel. */
  private static double time(List<CountSeries> series, AberrationDetector detector, int first) {
    long t0 = System.nanoTime();
    long alarms =
        series.parallelStream().mapToLong(s -> detector.detect(s, first, WEEKS).alarmCount()).sum();
    long t1 = System.nanoTime();
    if (alarms < 0) {
      throw new IllegalStateException("impossible");
    }
    return (t1 - t0) / 1e9 / series.size();
  }

  /** Seeded synthetic weekly series: Poisson, yearly season, mild trend, occasional outbreaks. */
  static CountSeries synthetic(int i) {
    SplittableRandom rnd = new SplittableRandom(SEED + i);
    double level = 0.5 + 2.5 * rnd.nextDouble();
    double amplitude = 0.6 * rnd.nextDouble();
    double trend = (rnd.nextDouble() - 0.5) * 0.002;
    long[] y = new long[WEEKS];
    for (int t = 0; t < WEEKS; t++) {
      double mean = Math.exp(level + amplitude * Math.sin(2 * Math.PI * t / 52.0) + trend * t);
      if (rnd.nextDouble() < 0.01) {
        mean *= 3;
      }
      y[t] = poisson(rnd, mean);
    }
    return CountSeries.of("synthetic-" + i, y, CountSeries.WEEKLY);
  }

  private static long poisson(SplittableRandom rnd, double mean) {
    double l = Math.exp(-mean);
    long k = 0;
    double p = rnd.nextDouble();
    while (p > l) {
      k++;
      p *= rnd.nextDouble();
    }
    return k;
  }

  /**
   * Runs the sample through R; returns seconds per series {farrington, flexible, earsC1}, or null when R or the
   * package is missing. Also prints the largest relative upperbound difference between R and Java.
   */
  private static double[] runR(
      List<CountSeries> sample,
      int first,
      AberrationDetector farrington,
      AberrationDetector flexible,
      AberrationDetector ears)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("aberration-bench");
    Path data = dir.resolve("series.csv");
    StringBuilder sb = new StringBuilder();
    for (CountSeries s : sample) {
      long[] y = s.observed();
      for (int t = 0; t < y.length; t++) {
        sb.append(t == 0 ? "" : ",").append(y[t]);
      }
      sb.append('\n');
    }
    Files.writeString(data, sb.toString(), StandardCharsets.UTF_8);
    Path script = dir.resolve("bench.R");
    Files.writeString(
        script,
        String.join(
            "\n",
            "suppressMessages(library(surveillance))",
            "m <- as.matrix(read.csv('" + data + "', header = FALSE))",
            "rng <- " + first + ":" + WEEKS,
            "tf <- tx <- te <- 0; ub <- NULL",
            "for (i in seq_len(nrow(m))) {",
            "  s <- sts(observed = m[i, ], start = c(2000, 1), frequency = 52)",
            "  tf <- tf + system.time(a <- farrington(s, control = list(range = rng, b = 5)))[['elapsed']]",
            "  tx <- tx + system.time(b <- suppressWarnings(farringtonFlexible(s, control = list(range = rng, b = 5))))[['elapsed']]",
            "  te <- te + system.time(e <- earsC(s, control = list(range = rng, method = 'C1')))[['elapsed']]",
            "  ub <- rbind(ub, cbind(i, rng, upperbound(a), upperbound(b), upperbound(e)))",
            "}",
            "write.csv(ub, '" + dir.resolve("ub.csv") + "', row.names = FALSE)",
            "cat('TIMES', tf / nrow(m), tx / nrow(m), te / nrow(m), '\\n')",
            ""),
        StandardCharsets.UTF_8);
    Process p;
    try {
      p = new ProcessBuilder("Rscript", script.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || !out.contains("TIMES")) {
      return null;
    }
    String[] f = out.substring(out.indexOf("TIMES") + 6).trim().split("\\s+");
    double maxRel = 0;
    List<String> lines = Files.readAllLines(dir.resolve("ub.csv"));
    AberrationDetector[] detectors = {farrington, flexible, ears};
    AberrationResult[][] cache = new AberrationResult[sample.size()][3];
    for (int li = 1; li < lines.size(); li++) {
      String[] c = lines.get(li).split(",");
      int i = Integer.parseInt(c[0]) - 1;
      int k = Integer.parseInt(c[1]);
      for (int d = 0; d < 3; d++) {
        if (cache[i][d] == null) {
          cache[i][d] = detectors[d].detect(sample.get(i), first, WEEKS);
        }
        String rv = c[2 + d];
        AberrationPoint pt = cache[i][d].at(k);
        if (!rv.equals("NA") && pt.upperbound().isPresent()) {
          double rr = Double.parseDouble(rv);
          if (rr != 0) {
            maxRel = Math.max(maxRel, Math.abs(pt.upperbound().getAsDouble() - rr) / Math.abs(rr));
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "R sample of %d series: largest relative upperbound difference R vs Java %.3g%n",
        sample.size(),
        maxRel);
    return IntStream.range(0, 3).mapToDouble(j -> Double.parseDouble(f[j])).toArray();
  }
}
