package org.agrisafe.bench;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.rates.PassRateSpec.Dimension;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.risk.rates.BinomialIntervals;
import org.agrisafe.synthetic.BenchClock;
import org.agrisafe.synthetic.NationalGenerator;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * Benchmark (not a test): the pass-rate cube (month × category × region × lab level, with Wilson intervals) by
 * Spark on the Iceberg table against DuckDB running the same aggregation over the same data files — the file list
 * and the position-delete files of the current Iceberg snapshot (a raw folder scan would also count uncommitted
 * files, and ignoring the deletes would count corrected rows twice). Checks that both give the same counts.
 *
 * <p>Per scale factor it prints: the generator's speed; the warm cube against DuckDB; with {@code --ablation}, what
 * each change bought (Spark's default 200 shuffle partitions, 4, 2, AQE off, the Wilson interval as a Java UDF
 * against column expressions, and the table partitioned by month only against month and test kind); the design
 * ratio (the monthly job reading one month's partitions of the maintained sample verdicts against an ad-hoc DuckDB
 * query over every file); with {@code --cold}, a cold process of each engine (new JVM: Spark session start + query
 * against a new JVM + DuckDB + query), time to result. Times are wall seconds; every line shows the 1-minute load
 * average, because the machine is shared.
 *
 * <p>Usage: {@code scripts/bench.sh cube [scale factors, default 2.5] [--seed N] [--ablation] [--cold] [--reuse]}
 * ({@code --reuse}: keep a table an earlier run generated with the same rows, seed and generator version); scale
 * factor 1 = 400,000 tests (one city-year); 2.5 ≈ 1M, 25 ≈ 10M, 125 ≈ 50M. Writes to the lakehouse of the
 * configuration (namespace {@code bench}), never to the monitoring tables.
 */
public final class PassRateCubeBenchmark {
  private PassRateCubeBenchmark() {}

  /** Runs per measurement: the first {@link #WARM_UP_RUNS} warm the JIT and caches and are not counted. */
  static final int WARM_RUNS = 7;

  static final int WARM_UP_RUNS = 3;

  /**
   * The benchmark session (warm and cold): 2 shuffle partitions (one per core) and adaptive query execution off —
   * for an aggregate of a few thousand groups, AQE only adds a separate job for the shuffle stage and a re-plan
   * (see the ablation). The jobs' own default keeps AQE on; these are configuration, not code.
   */
  static final Map<String, String> SESSION =
      Map.of(LakehouseConfig.SPARK_SHUFFLE_PARTITIONS, "2", "spark.sql.adaptive.enabled", "false");

  static final String MONTH = "2023-06";
  static final PassRateSpec CUBE =
      PassRateSpec.of(
          PeriodType.MONTH, List.of(Dimension.CATEGORY, Dimension.REGION, Dimension.LAB_LEVEL));
  static final PassRateSpec MONTH_CUBE =
      new PassRateSpec(
          PeriodType.MONTH,
          List.of(Dimension.CATEGORY, Dimension.REGION, Dimension.LAB_LEVEL),
          PassRateSpec.PROGRAMMES_DEFAULT,
          MONTH,
          MONTH);

  public static void main(String[] args) throws Exception {
    List<Double> scales = new ArrayList<>();
    long seed = 20231;
    boolean ablation = false;
    boolean cold = false;
    boolean reuse = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--ablation" -> ablation = true;
        case "--cold" -> cold = true;
        case "--reuse" -> reuse = true;
        default -> {
          for (String s : args[i].split(",")) {
            scales.add(Double.parseDouble(s));
          }
        }
      }
    }
    if (scales.isEmpty()) {
      scales.add(2.5);
    }
    LakehouseConfig cfg = LakehouseConfig.load(null, SESSION, System.getenv());
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-bench");
    spark
        .udf()
        .register(
            "bench_wilson_low",
            (UDF2<Long, Long, Double>)
                (x, n) ->
                    n == null || n == 0
                        ? null
                        : BinomialIntervals.wilson(x, n).orElseThrow().lower(),
            DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "bench_wilson_high",
            (UDF2<Long, Long, Double>)
                (x, n) ->
                    n == null || n == 0
                        ? null
                        : BinomialIntervals.wilson(x, n).orElseThrow().upper(),
            DataTypes.DoubleType);
    Catalog catalog = SparkSessions.icebergCatalog(spark, cfg);
    String machine =
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB heap, Java "
            + System.getProperty("java.version")
            + ", Spark "
            + spark.version()
            + ", shared machine";
    List<String> gen = new ArrayList<>();
    gen.add(
        String.format(
            Locale.ROOT,
            "%-7s %11s %9s %9s %11s %11s %6s",
            "scale",
            "rows",
            "wall_s",
            "cpu_s",
            "rows/s",
            "rows/cpu-s",
            "load"));
    List<String> cube = new ArrayList<>();
    cube.add(
        String.format(
            Locale.ROOT,
            "%-7s %11s %9s %9s %7s %11s %12s %9s %5s %11s %6s",
            "scale",
            "rows",
            "spark_s",
            "duckdb_s",
            "ratio",
            "spark_cpu_s",
            "duckdb_cpu_s",
            "cpu_ratio",
            "same",
            "spark_files",
            "load"));
    List<String> abl = new ArrayList<>();
    abl.add(
        String.format(
            Locale.ROOT,
            "%-7s %-48s %9s %9s %7s %11s %9s %6s",
            "scale",
            "variant",
            "spark_s",
            "duckdb_s",
            "ratio",
            "spark_cpu_s",
            "cpu_ratio",
            "load"));
    List<String> design = new ArrayList<>();
    design.add(
        String.format(
            Locale.ROOT,
            "%-7s %13s %16s %7s %9s %12s %6s",
            "scale",
            "spark_month_s",
            "duckdb_adhoc_s",
            "ratio",
            "cpu_ratio",
            "files",
            "load"));
    List<String> colds = new ArrayList<>();
    colds.add(
        String.format(
            Locale.ROOT,
            "%-7s %14s %15s %7s %6s",
            "scale",
            "spark_cold_s",
            "duckdb_cold_s",
            "ratio",
            "load"));
    String name = NationalGenerator.samplesTable().qualifiedName(cfg.catalogName());
    for (double sf : scales) {
      BenchClock clock = new BenchClock();
      long n = Math.round(sf * NationalGenerator.TESTS_PER_SCALE_FACTOR);
      if (reuse
          && NationalGenerator.isGenerated(catalog, NationalGenerator.samplesTable(), sf, seed)) {
        System.err.printf(
            Locale.ROOT, "reusing the generated %s (%,d rows, seed %d)%n", name, n, seed);
        gen.add(
            String.format(
                Locale.ROOT, "%-7.2f %,11d   (reused: generated by an earlier run)", sf, n));
      } else {
        NationalGenerator.generate(spark, catalog, cfg.catalogName(), sf, seed);
        gen.add(
            String.format(
                Locale.ROOT,
                "%-7.2f %,11d %9.1f %9.1f %,11.0f %,11.0f %6s",
                sf,
                n,
                clock.wallSeconds(),
                clock.cpuSeconds(),
                n / clock.wallSeconds(),
                n / clock.cpuSeconds(),
                BenchClock.load1()));
      }
      System.err.println(gen.get(gen.size() - 1));
      Table t = catalog.loadTable(NationalGenerator.samplesTable().identifier());
      Snapshot files = Snapshot.of(t);
      Timed<Map<String, long[]>> s = sparkCube(spark, name, CUBE, "");
      Timed<Map<String, long[]>> d = duckCube(files, false);
      long sparkFiles = plannedFiles(t, false);
      cube.add(
          String.format(
              Locale.ROOT,
              "%-7.2f %,11d %9.3f %9.3f %7.2f %11.3f %12.3f %9.2f %5s %5d/%-5d %6s",
              sf,
              n,
              s.seconds,
              d.seconds,
              s.seconds / d.seconds,
              s.cpu,
              d.cpu,
              s.cpu / d.cpu,
              same(s.value, d.value) ? "yes" : "NO",
              sparkFiles,
              files.data.size(),
              BenchClock.load1()));
      System.err.println(cube.get(cube.size() - 1));
      // Design advantage: the monthly job reads one month's partitions of the maintained sample
      // verdicts.
      Timed<Map<String, long[]>> sm = sparkCube(spark, name, MONTH_CUBE, "");
      Timed<Map<String, long[]>> dm = duckCube(files, true);
      design.add(
          String.format(
                  Locale.ROOT,
                  "%-7.2f %13.3f %16.3f %7.2f %9.2f %5d/%-6d %6s",
                  sf,
                  sm.seconds,
                  dm.seconds,
                  sm.seconds / dm.seconds,
                  sm.cpu / dm.cpu,
                  plannedFiles(t, true),
                  files.data.size(),
                  BenchClock.load1())
              + (same(sm.value, dm.value) ? "" : "  COUNTS DIFFER"));
      System.err.println(design.get(design.size() - 1));
      if (ablation) {
        ablation(spark, catalog, cfg, sf, seed, abl);
      }
      if (cold) {
        colds.add(coldProcesses(sf, files));
        System.err.println(colds.get(colds.size() - 1));
      }
    }
    System.out.println();
    System.out.println(
        "Machine: "
            + machine
            + "; load = 1-minute load average at the measurement (other"
            + " processes share the cores).");
    System.out.println();
    System.out.println("Generator (writes, then corrects 2 % of quantitative samples):");
    gen.forEach(System.out::println);
    System.out.println();
    System.out.println(
        "Pass-rate cube (month x category x region x lab level), warm, best of "
            + (WARM_RUNS - WARM_UP_RUNS)
            + " after "
            + WARM_UP_RUNS
            + " warm-up runs; ratio = Spark / DuckDB;"
            + " spark_files = files Spark plans / all files DuckDB is given:");
    cube.forEach(System.out::println);
    System.out.println();
    System.out.println(
        "Design ratio: monthly job ("
            + MONTH
            + " only; plans only that month's quantitative"
            + " partition) vs an ad-hoc DuckDB query of the same month over every file of the snapshot:");
    design.forEach(System.out::println);
    if (ablation) {
      System.out.println();
      System.out.println(
          "What each change bought (warm, best of " + (WARM_RUNS - WARM_UP_RUNS) + "):");
      abl.forEach(System.out::println);
    }
    if (cold) {
      System.out.println();
      System.out.println(
          "Cold process (new JVM each; Spark: session start + catalog + cube; DuckDB: driver load"
              + " + cube), time from process start to result, best of 2:");
      colds.forEach(System.out::println);
    }
    spark.stop();
  }

  /** Warm timings of the variants, each against DuckDB on the same files. */
  static void ablation(
      SparkSession spark,
      Catalog catalog,
      LakehouseConfig cfg,
      double sf,
      long seed,
      List<String> out)
      throws Exception {
    TableDef monthOnly = NationalGenerator.monthOnlyTable();
    NationalGenerator.generate(spark, catalog, cfg.catalogName(), sf, seed, monthOnly);
    Table old = catalog.loadTable(monthOnly.identifier());
    Snapshot oldFiles = Snapshot.of(old);
    Timed<Map<String, long[]>> oldDuck = duckCube(oldFiles, false);
    String oldName = monthOnly.qualifiedName(cfg.catalogName());
    Table cur = catalog.loadTable(NationalGenerator.samplesTable().identifier());
    Timed<Map<String, long[]>> curDuck = duckCube(Snapshot.of(cur), false);
    String curName = NationalGenerator.samplesTable().qualifiedName(cfg.catalogName());
    Object[][] variants = {
      {"month layout, 200 partitions, Wilson UDF", oldName, "200", "true", "udf", oldDuck},
      {"month layout, 4 partitions, Wilson UDF (before)", oldName, "4", "true", "udf", oldDuck},
      {"month layout, 4 partitions, Wilson columns", oldName, "4", "true", "", oldDuck},
      {"month layout, 2 partitions, Wilson columns", oldName, "2", "true", "", oldDuck},
      {"month+kind layout, 4 partitions, AQE on", curName, "4", "true", "", curDuck},
      {"month+kind layout, 2 partitions, AQE on", curName, "2", "true", "", curDuck},
      {"month+kind layout, 2 partitions, AQE off (after)", curName, "2", "false", "", curDuck},
      {"month+kind layout, 1 partition, AQE off", curName, "1", "false", "", curDuck},
    };
    for (Object[] v : variants) {
      spark.conf().set("spark.sql.shuffle.partitions", (String) v[2]);
      spark.conf().set("spark.sql.adaptive.enabled", (String) v[3]);
      @SuppressWarnings("unchecked")
      Timed<Map<String, long[]>> duck = (Timed<Map<String, long[]>>) v[5];
      Timed<Map<String, long[]>> s = sparkCube(spark, (String) v[1], CUBE, (String) v[4]);
      out.add(
          String.format(
                  Locale.ROOT,
                  "%-7.2f %-48s %9.3f %9.3f %7.2f %11.3f %9.2f %6s",
                  sf,
                  v[0],
                  s.seconds,
                  duck.seconds,
                  s.seconds / duck.seconds,
                  s.cpu,
                  s.cpu / duck.cpu,
                  BenchClock.load1())
              + (same(s.value, duck.value) ? "" : "  COUNTS DIFFER"));
      System.err.println(out.get(out.size() - 1));
    }
    spark
        .conf()
        .set("spark.sql.shuffle.partitions", SESSION.get(LakehouseConfig.SPARK_SHUFFLE_PARTITIONS));
    spark.conf().set("spark.sql.adaptive.enabled", SESSION.get("spark.sql.adaptive.enabled"));
    catalog.dropTable(monthOnly.identifier(), true);
  }

  /** A value, the best warm wall time and the least process CPU time of the warm runs that produced it. */
  record Timed<T>(T value, double seconds, double cpu) {}

  /** Spark cube: one run, then the best of the warm runs. {@code wilson} "udf" = the interval as a Java UDF. */
  static Timed<Map<String, long[]>> sparkCube(
      SparkSession spark, String table, PassRateSpec spec, String wilson) {
    return best(
        () -> {
          Dataset<Row> r = PassRateJob.transform(spark.table(table), spec, null);
          if (wilson.equals("udf")) {
            r =
                r.drop(
                        "pass_rate_low",
                        "pass_rate_high",
                        "exceedance_rate_low",
                        "exceedance_rate_high")
                    .withColumn(
                        "pass_rate_low", call_udf("bench_wilson_low", col("passed"), col("judged")))
                    .withColumn(
                        "pass_rate_high",
                        call_udf("bench_wilson_high", col("passed"), col("judged")))
                    .withColumn(
                        "exceedance_rate_low",
                        call_udf("bench_wilson_low", col("exceeding"), col("tested")))
                    .withColumn(
                        "exceedance_rate_high",
                        call_udf("bench_wilson_high", col("exceeding"), col("tested")));
          }
          return r.collectAsList().stream()
              .collect(
                  Collectors.toMap(
                      x ->
                          x.getAs("period")
                              + "|"
                              + x.getAs("category")
                              + "|"
                              + x.getAs("region_code")
                              + "|"
                              + x.getAs("lab_level"),
                      x ->
                          new long[] {
                            x.getAs("tested"),
                            x.getAs("judged"),
                            x.getAs("passed"),
                            x.getAs("exceeding")
                          }));
        });
  }

  static <T> Timed<T> best(Supplier<T> run) {
    T value = null;
    double best = Double.MAX_VALUE;
    double bestCpu = Double.MAX_VALUE;
    for (int i = 0; i < WARM_RUNS; i++) {
      BenchClock clock = new BenchClock();
      value = run.get();
      if (i >= WARM_UP_RUNS) {
        best = Math.min(best, clock.wallSeconds());
        bestCpu = Math.min(bestCpu, clock.cpuSeconds());
      }
    }
    return new Timed<>(value, best, bestCpu);
  }

  static boolean same(Map<String, long[]> a, Map<String, long[]> b) {
    return a.size() == b.size()
        && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
  }

  /** The data files and position-delete files of a table's current snapshot, as local paths. */
  record Snapshot(List<String> data, List<String> deletes) {
    static Snapshot of(Table t) throws java.io.IOException {
      t.refresh();
      List<String> data = new ArrayList<>();
      List<String> deletes = new ArrayList<>();
      try (CloseableIterable<FileScanTask> tasks = t.newScan().planFiles()) {
        for (FileScanTask task : tasks) {
          data.add(local(task.file().location()));
          for (DeleteFile d : task.deletes()) {
            if (!deletes.contains(local(d.location()))) {
              deletes.add(local(d.location()));
            }
          }
        }
      }
      return new Snapshot(data, deletes);
    }
  }

  /** Files Spark's scan plans for the cube's filter (quantitative), optionally for one month only. */
  static long plannedFiles(Table t, boolean oneMonth) throws java.io.IOException {
    var scan = t.newScan().filter(Expressions.notEqual("test_kind", "RAPID"));
    if (oneMonth) {
      scan = scan.filter(Expressions.equal("sample_month", MONTH));
    }
    long n = 0;
    try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
      for (FileScanTask ignored : tasks) {
        n++;
      }
    }
    return n;
  }

  static Timed<Map<String, long[]>> duckCube(Snapshot files, boolean oneMonth) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET threads TO 2");
      String sql = duckSql(files.data, files.deletes, oneMonth ? MONTH : null);
      return best(
          () -> {
            try {
              return duckRows(st, sql);
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException("DuckDB query failed: " + e.getMessage(), e);
            }
          });
    }
  }

  static Map<String, long[]> duckRows(Statement st, String sql) throws java.sql.SQLException {
    Map<String, long[]> counts = new HashMap<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        counts.put(
            rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4),
            new long[] {rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)});
      }
    }
    return counts;
  }

  static String local(String location) {
    return location.replaceFirst("^file:(//)?", "");
  }

  /**
   * The cube in DuckDB SQL over the given data files with the position deletes applied (anti join on file and row
   * position), with the same filters as {@link PassRateJob#transform}; {@code month} (yyyy-MM) or null for all.
   * Columns: period, category, region_code, lab_level, tested, judged, passed, exceeding.
   */
  static String duckSql(List<String> data, List<String> deletes, String month) {
    String files =
        data.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]"));
    String base =
        "SELECT * FROM read_parquet(" + files + ", filename = true, file_row_number = true)";
    String live;
    if (deletes.isEmpty()) {
      live = base;
    } else {
      String dels =
          deletes.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]"));
      live =
          "SELECT d.* FROM ("
              + base
              + ") d ANTI JOIN (SELECT regexp_replace(file_path, '^file:(//)?', '')"
              + " AS fp, pos FROM read_parquet("
              + dels
              + ")) x ON d.filename = x.fp AND d.file_row_number = x.pos";
    }
    return "SELECT strftime(sample_date, '%Y-%m') AS period, category, region_code, lab_level, count(*) AS tested,"
        + " sum(CASE WHEN sample_verdict IN ('PASS','FAIL') THEN 1 ELSE 0 END) AS judged,"
        + " sum(CASE WHEN sample_verdict = 'PASS' THEN 1 ELSE 0 END) AS passed,"
        + " sum(CASE WHEN has_exceedance THEN 1 ELSE 0 END) AS exceeding"
        + " FROM ("
        + live
        + ") WHERE programme = 'RANDOM_MONITORING' AND (test_kind IS NULL OR test_kind <> 'RAPID')"
        + (month == null ? "" : " AND strftime(sample_date, '%Y-%m') = '" + month + "'")
        + " GROUP BY ALL";
  }

  /**
   * One cold process per engine, twice each, alternating: a new JVM with this JVM's class path and options runs
   * {@link ColdCube}; the time is from just before the process starts to the moment it has the result.
   */
  static String coldProcesses(double sf, Snapshot files) throws Exception {
    Path sql = Files.createTempFile("agrisafe-duck", ".sql");
    Files.writeString(sql, duckSql(files.data, files.deletes, null), StandardCharsets.UTF_8);
    double spark = Double.MAX_VALUE;
    double duck = Double.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      spark = Math.min(spark, ColdCube.launch("spark", null));
      duck = Math.min(duck, ColdCube.launch("duckdb", sql.toString()));
    }
    Files.deleteIfExists(sql);
    return String.format(
        Locale.ROOT,
        "%-7.2f %14.2f %15.2f %7.2f %6s",
        sf,
        spark,
        duck,
        spark / duck,
        BenchClock.load1());
  }
}
