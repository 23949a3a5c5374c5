package org.agrisafe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.agrisafe.jobs.maps.HeatMapJob;
import org.agrisafe.jobs.maps.HeatMapSpec;
import org.agrisafe.jobs.maps.MapLayer;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.rates.PassRateSpec.Dimension;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.jobs.warnings.WarningJob;
import org.agrisafe.jobs.warnings.WarningSpec;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark (not a test): the monthly pipeline — pass rates for one month, warnings, the Jinan district heat map —
 * on a synthetic lakehouse at several scale factors (1 = one city-year, 400,000 tests). Prints each scale's wall
 * time and peak heap, the time ratio against the previous scale next to the data ratio (the aim: 10× the data for
 * at most 11× the time), and the files an incremental one-month scan plans against all files.
 *
 * <p>Runs against its own lakehouse ({@code scripts/bench.sh} sets {@code lakehouse-dir=lakehouse-bench}); the
 * generator refuses to replace tables holding non-synthetic data.
 */
public final class MonthlyPipelineBenchmark {
  private MonthlyPipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Double> scales = new ArrayList<>();
    for (String a : args) {
      for (String s : a.split(",")) {
        scales.add(Double.parseDouble(s));
      }
    }
    if (scales.isEmpty()) {
      scales.add(1.0);
    }
    LakehouseConfig cfg = LakehouseConfig.load(null, Map.of(LakehouseConfig.SPARK_SHUFFLE_PARTITIONS, "4"),
        System.getenv());
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-bench-pipeline");
    Catalog catalog = SparkSessions.icebergCatalog(spark, cfg);
    LakehouseBootstrap.createAll(catalog);
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-8s %12s %10s %10s %10s %10s %10s %12s %14s", "scale", "samples",
        "rates_s", "warn_s", "maps_s", "total_s", "peak_MiB", "time_ratio", "month_files"));
    double prevTotal = 0;
    double prevScale = 0;
    for (double sf : scales) {
      long t0 = System.nanoTime();
      long n = NationalGenerator.generate(spark, catalog, cfg.catalogName(), sf, 20231,
          NationalGenerator.monitoringSamplesTable());
      System.err.printf(Locale.ROOT, "generated %,d synthetic samples in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      System.gc();
      peak.set(0);
      long a = System.nanoTime();
      PassRateJob.run(spark, cfg.catalogName(), new PassRateSpec(PassRateSpec.PeriodType.MONTH,
          List.of(Dimension.CATEGORY, Dimension.REGION, Dimension.LAB_LEVEL), PassRateSpec.PROGRAMMES_DEFAULT,
          "2023-06", "2023-06"));
      long b = System.nanoTime();
      WarningJob.run(spark, cfg, WarningSpec.defaults());
      long c = System.nanoTime();
      HeatMapJob.run(spark, cfg, HeatMapSpec.defaults().withPeriodType(HeatMapSpec.PeriodType.MONTH)
          .withLayers(List.of(MapLayer.JINAN_DISTRICT)));
      long d = System.nanoTime();
      double total = (d - a) / 1e9;
      Table t = catalog.loadTable(NationalGenerator.monitoringSamplesTable().identifier());
      long all = count(t, null);
      long month = count(t, "2023-06");
      String ratio = prevTotal > 0
          ? String.format(Locale.ROOT, "%.2fx/%.0fx", total / prevTotal, sf / prevScale) : "-";
      lines.add(String.format(Locale.ROOT, "%-8.2f %,12d %10.1f %10.1f %10.1f %10.1f %10d %12s %7d/%-6d", sf, n,
          (b - a) / 1e9, (c - b) / 1e9, (d - c) / 1e9, total, peak.get() >> 20, ratio, month, all));
      System.err.println(lines.get(lines.size() - 1));
      prevTotal = total;
      prevScale = sf;
    }
    sampler.interrupt();
    System.out.println();
    System.out.println("Monthly pipeline (pass rates of 2023-06, warnings, Jinan district map) on synthetic data;"
        + " time_ratio = time / previous scale's time next to the data ratio; peak = JVM heap used (driver and"
        + " local executors share it). Machine: " + Runtime.getRuntime().availableProcessors() + " cores, heap "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB.");
    lines.forEach(System.out::println);
    spark.stop();
  }

  static long count(Table t, String month) throws java.io.IOException {
    long n = 0;
    var scan = month == null ? t.newScan() : t.newScan().filter(Expressions.equal("sample_month", month));
    try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
      for (FileScanTask ignored : tasks) {
        n++;
      }
    }
    return n;
  }
}
