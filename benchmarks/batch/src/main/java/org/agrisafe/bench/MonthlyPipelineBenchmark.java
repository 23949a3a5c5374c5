package org.agrisafe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.agrisafe.jobs.bulletin.BulletinJob;
import org.agrisafe.jobs.bulletin.BulletinSpec;
import org.agrisafe.jobs.maps.HeatMapJob;
import org.agrisafe.jobs.maps.HeatMapSpec;
import org.agrisafe.jobs.maps.MapLayer;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.rates.PassRateSpec.Dimension;
import org.agrisafe.jobs.risk.RiskJob;
import org.agrisafe.jobs.risk.RiskParameters;
import org.agrisafe.jobs.risk.RiskReference;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.jobs.warnings.WarningJob;
import org.agrisafe.jobs.warnings.WarningSpec;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.synthetic.BenchClock;
import org.agrisafe.synthetic.NationalGenerator;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark (not a test): the monthly pipeline for one month — pass rates (the cube and the bulletin's row sets),
 * risk ({@link RiskJob}: exposure, ranking, scores for the month), warnings, the Jinan district heat map and the
 * bulletin ({@link BulletinJob}) — on a synthetic lakehouse (samples and results, {@link NationalGenerator}) at
 * several scale factors (1 = one city-year, 400,000 tests). Arguments: scale factors (comma-separated) and
 * {@code --reuse} (keep tables an earlier run generated with the same size, seed and generator version). Prints
 * each stage's wall time, each scale's wall and CPU time, peak heap and load average, the time ratio against the
 * previous scale next to the data ratio (the aim: 10× the data for at most 11× the time), and the files an
 * incremental one-month scan plans against all files, for samples and for results.
 *
 * <p>Runs against its own lakehouse ({@code scripts/bench.sh} sets {@code lakehouse-dir=lakehouse-bench}); the
 * generator refuses to replace tables holding non-synthetic data.
 */
public final class MonthlyPipelineBenchmark {
  private MonthlyPipelineBenchmark() {}

  /** The month every stage is run for. */
  static final String MONTH = "2023-06";

  static final String FIRST_MONTH = "2023-01";
  static final String PREVIOUS_MONTH = "2023-05";
  static final long SEED = 20231;

  public static void main(String[] args) throws Exception {
    List<Double> scales = new ArrayList<>();
    boolean reuse = false;
    for (String a : args) {
      if (a.equals("--reuse")) {
        reuse = true;
        continue;
      }
      for (String s : a.split(",")) {
        scales.add(Double.parseDouble(s));
      }
    }
    if (scales.isEmpty()) {
      scales.add(1.0);
    }
    LakehouseConfig cfg =
        LakehouseConfig.load(
            null, Map.of(LakehouseConfig.SPARK_SHUFFLE_PARTITIONS, "4"), System.getenv());
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-bench-pipeline");
    Catalog catalog = SparkSessions.icebergCatalog(spark, cfg);
    LakehouseBootstrap.createAll(catalog, cfg.zone());
    RiskReference riskRef = RiskReference.loadBundled();
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
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
    lines.add(
        String.format(
            Locale.ROOT,
            "%-6s %11s %11s %7s %7s %7s %7s %7s %8s %8s %8s %11s %13s %13s %6s",
            "scale",
            "samples",
            "results",
            "rates",
            "risk",
            "warn",
            "maps",
            "bullet",
            "total_s",
            "cpu_s",
            "peak_MiB",
            "time_ratio",
            "sample_files",
            "result_files",
            "load"));
    double prevTotal = 0;
    double prevScale = 0;
    TableDef samplesDef = NationalGenerator.monitoringSamplesTable();
    TableDef resultsDef = NationalGenerator.monitoringResultsTable();
    for (double sf : scales) {
      long t0 = System.nanoTime();
      long n = Math.round(sf * NationalGenerator.TESTS_PER_SCALE_FACTOR);
      if (reuse
          && NationalGenerator.isGenerated(catalog, samplesDef, sf, SEED)
          && NationalGenerator.isGenerated(catalog, resultsDef, sf, SEED)) {
        System.err.printf(
            Locale.ROOT, "reusing %,d synthetic samples and their results (--reuse)%n", n);
      } else {
        NationalGenerator.generate(
            spark, catalog, cfg.catalogName(), sf, SEED, samplesDef, resultsDef);
        System.err.printf(
            Locale.ROOT,
            "generated %,d synthetic samples and their results in %.1f s (load %s)%n",
            n,
            (System.nanoTime() - t0) / 1e9,
            BenchClock.load1());
      }
      long nResults = spark.table(resultsDef.qualifiedName(cfg.catalogName())).count();
      // Untimed: the earlier months' monthly rates, as earlier monthly runs would have left them
      // (the bulletin's
      // trend reads them).
      for (PassRateSpec s : BulletinJob.upstreamPassRates(PeriodType.MONTH)) {
        PassRateJob.run(
            spark,
            cfg.catalogName(),
            new PassRateSpec(
                s.periodType(), s.dimensions(), s.programmes(), FIRST_MONTH, PREVIOUS_MONTH));
      }
      System.gc();
      peak.set(0);
      BenchClock clock = new BenchClock();
      long a = System.nanoTime();
      // Pass rates of the month: the cube (category x region x lab level) and the row sets the
      // bulletin reads.
      PassRateJob.run(
          spark,
          cfg.catalogName(),
          new PassRateSpec(
              PeriodType.MONTH,
              List.of(Dimension.CATEGORY, Dimension.REGION, Dimension.LAB_LEVEL),
              PassRateSpec.PROGRAMMES_DEFAULT,
              MONTH,
              MONTH));
      for (PassRateSpec s : BulletinJob.upstreamPassRates(PeriodType.MONTH)) {
        PassRateJob.run(
            spark,
            cfg.catalogName(),
            new PassRateSpec(s.periodType(), s.dimensions(), s.programmes(), MONTH, MONTH));
      }
      long b = System.nanoTime();
      RiskJob.Outputs risk =
          RiskJob.run(
              spark,
              cfg.catalogName(),
              RiskParameters.defaults().withPeriods(PeriodType.MONTH, MONTH, MONTH),
              riskRef);
      long c = System.nanoTime();
      WarningJob.run(spark, cfg, WarningSpec.defaults());
      long d = System.nanoTime();
      HeatMapJob.run(
          spark,
          cfg,
          HeatMapSpec.defaults()
              .withPeriodType(PeriodType.MONTH)
              .withLayers(List.of(MapLayer.JINAN_DISTRICT)));
      long e = System.nanoTime();
      BulletinJob.run(
          spark, cfg, BulletinSpec.of(PeriodType.MONTH, MONTH, NationalGenerator.SOURCE_SYSTEM));
      long f = System.nanoTime();
      double total = (f - a) / 1e9;
      System.err.printf(
          Locale.ROOT,
          "  risk %s: %d exposure rows, %d ranking rows, %d score rows, %d not assessed%n",
          MONTH,
          risk.exposure().count(),
          risk.ranking().count(),
          risk.scores().count(),
          risk.notAssessed().count());
      double cpu = clock.cpuSeconds();
      Table st = catalog.loadTable(samplesDef.identifier());
      Table rt = catalog.loadTable(resultsDef.identifier());
      String ratio =
          prevTotal > 0
              ? String.format(Locale.ROOT, "%.2fx/%.0fx", total / prevTotal, sf / prevScale)
              : "-";
      lines.add(
          String.format(
              Locale.ROOT,
              "%-6.1f %,11d %,11d %7.1f %7.1f %7.1f %7.1f %7.1f %8.1f %8.1f %8d %11s %6d/%-6d %6d/%-6d %6s",
              sf,
              n,
              nResults,
              (b - a) / 1e9,
              (c - b) / 1e9,
              (d - c) / 1e9,
              (e - d) / 1e9,
              (f - e) / 1e9,
              total,
              cpu,
              peak.get() >> 20,
              ratio,
              count(st, MONTH),
              count(st, null),
              count(rt, MONTH),
              count(rt, null),
              BenchClock.load1()));
      System.err.println(lines.get(lines.size() - 1));
      prevTotal = total;
      prevScale = sf;
    }
    sampler.interrupt();
    System.out.println();
    System.out.println(
        "Monthly pipeline for "
            + MONTH
            + " on synthetic data: pass rates (cube and the bulletin's"
            + " row sets), risk (exposure, ranking, scores), warnings, Jinan district map, bulletin (JSON, HTML, PDF,"
            + " DOCX); stage times in s; time_ratio = time / previous scale's time next to the data ratio; peak = JVM"
            + " heap used (driver and local executors share it); files = data files planned for the month / all;"
            + " load = 1-minute load average after the run. Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, heap "
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MiB.");
    lines.forEach(System.out::println);
    spark.stop();
  }

  static long count(Table t, String month) throws java.io.IOException {
    long n = 0;
    var scan =
        month == null ? t.newScan() : t.newScan().filter(Expressions.equal("sample_month", month));
    try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
      for (FileScanTask ignored : tasks) {
        n++;
      }
    }
    return n;
  }
}
