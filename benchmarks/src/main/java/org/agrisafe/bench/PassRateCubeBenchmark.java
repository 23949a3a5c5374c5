package org.agrisafe.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.rates.PassRateSpec.Dimension;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark (not a test): the pass-rate cube (month × category × region × lab level, with Wilson intervals) by
 * Spark on the Iceberg table against DuckDB running the same aggregation over the same data files — the file list
 * and the position-delete files of the current Iceberg snapshot (a raw folder scan would also count uncommitted
 * files, and ignoring the deletes would count corrected rows twice). Prints warm times, the ratio, that both give
 * the same numbers, and the files an incremental (one-month) run plans against the full table.
 *
 * <p>Usage: {@code scripts/bench.sh [scale factors, default 2.5] [--seed N]}; scale factor 1 = 400,000 tests (one
 * city-year); 2.5 ≈ 1M, 25 ≈ 10M, 125 ≈ 50M. Writes to the lakehouse of the configuration (namespace
 * {@code bench}), never to the monitoring tables.
 */
public final class PassRateCubeBenchmark {
  private PassRateCubeBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Double> scales = new ArrayList<>();
    long seed = 20231;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--seed")) {
        seed = Long.parseLong(args[++i]);
      } else {
        for (String s : args[i].split(",")) {
          scales.add(Double.parseDouble(s));
        }
      }
    }
    if (scales.isEmpty()) {
      scales.add(2.5);
    }
    LakehouseConfig cfg = LakehouseConfig.load(null, Map.of(LakehouseConfig.SPARK_SHUFFLE_PARTITIONS, "4"),
        System.getenv());
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-bench");
    Catalog catalog = SparkSessions.icebergCatalog(spark, cfg);
    String machine = Runtime.getRuntime().availableProcessors() + " cores, "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap, Java " + System.getProperty("java.version");
    List<String> table = new ArrayList<>();
    table.add(String.format(Locale.ROOT, "%-10s %10s %12s %12s %8s %10s %14s", "scale", "rows", "spark_s",
        "duckdb_s", "ratio", "same", "month_files"));
    for (double sf : scales) {
      long t0 = System.nanoTime();
      long n = NationalGenerator.generate(spark, catalog, cfg.catalogName(), sf, seed);
      System.err.printf(Locale.ROOT, "generated %,d synthetic samples (SF %.2f) in %.1f s%n", n, sf,
          (System.nanoTime() - t0) / 1e9);
      Table t = catalog.loadTable(NationalGenerator.samplesTable().identifier());
      t.refresh();
      PassRateSpec spec = PassRateSpec.of(PassRateSpec.PeriodType.MONTH,
          List.of(Dimension.CATEGORY, Dimension.REGION, Dimension.LAB_LEVEL));
      String name = NationalGenerator.samplesTable().qualifiedName(cfg.catalogName());
      // Spark: one cold-in-process run, then warm runs.
      Map<String, long[]> sparkCounts = null;
      double sparkWarm = Double.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long s = System.nanoTime();
        List<Row> rows = PassRateJob.transform(spark.table(name), spec, null).collectAsList();
        double secs = (System.nanoTime() - s) / 1e9;
        if (i > 0) {
          sparkWarm = Math.min(sparkWarm, secs);
        }
        sparkCounts = rows.stream().collect(Collectors.toMap(
            r -> r.getAs("period") + "|" + r.getAs("category") + "|" + r.getAs("region_code") + "|"
                + r.getAs("lab_level"),
            r -> new long[] {r.getAs("tested"), r.getAs("judged"), r.getAs("passed"), r.getAs("exceeding")}));
      }
      // DuckDB over the snapshot's files with its position deletes applied.
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
      Map<String, long[]> duckCounts = new HashMap<>();
      double duckWarm = Double.MAX_VALUE;
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement()) {
        st.execute("SET threads TO 2");
        String sql = duckSql(data, deletes);
        for (int i = 0; i < 3; i++) {
          long s = System.nanoTime();
          duckCounts.clear();
          try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
              duckCounts.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                  + rs.getString(4), new long[] {rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)});
            }
          }
          double secs = (System.nanoTime() - s) / 1e9;
          if (i > 0) {
            duckWarm = Math.min(duckWarm, secs);
          }
        }
      }
      boolean same = sparkCounts.size() == duckCounts.size() && sparkCounts.entrySet().stream()
          .allMatch(e -> java.util.Arrays.equals(e.getValue(), duckCounts.get(e.getKey())));
      long monthFiles = 0;
      try (CloseableIterable<FileScanTask> tasks =
          t.newScan().filter(Expressions.equal("sample_month", "2023-06")).planFiles()) {
        for (FileScanTask ignored : tasks) {
          monthFiles++;
        }
      }
      table.add(String.format(Locale.ROOT, "%-10.2f %,10d %12.2f %12.2f %8.2f %10s %7d/%-6d", sf, n, sparkWarm,
          duckWarm, sparkWarm / duckWarm, same ? "yes" : "NO", monthFiles, data.size()));
      System.err.println(table.get(table.size() - 1));
    }
    System.out.println();
    System.out.println("Pass-rate cube (month x category x region x lab level), warm, best of 2 after one run;"
        + " ratio = Spark / DuckDB. Machine: " + machine);
    System.out.println("DuckDB reads the Iceberg snapshot's data files and applies its position deletes;"
        + " month_files = files planned for one month / all files (incremental runs read only their month).");
    table.forEach(System.out::println);
    spark.stop();
  }

  static String local(String location) {
    return location.replaceFirst("^file:(//)?", "");
  }

  static String duckSql(List<String> data, List<String> deletes) {
    String files = data.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]"));
    String base = "SELECT * FROM read_parquet(" + files + ", filename = true, file_row_number = true)";
    String live;
    if (deletes.isEmpty()) {
      live = base;
    } else {
      String dels = deletes.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]"));
      live = "SELECT d.* FROM (" + base + ") d ANTI JOIN (SELECT regexp_replace(file_path, '^file:(//)?', '')"
          + " AS fp, pos FROM read_parquet(" + dels + ")) x ON d.filename = x.fp AND d.file_row_number = x.pos";
    }
    return "SELECT strftime(sample_date, '%Y-%m') AS period, category, region_code, lab_level, count(*) AS tested,"
        + " sum(CASE WHEN sample_verdict IN ('PASS','FAIL') THEN 1 ELSE 0 END) AS judged,"
        + " sum(CASE WHEN sample_verdict = 'PASS' THEN 1 ELSE 0 END) AS passed,"
        + " sum(CASE WHEN has_exceedance THEN 1 ELSE 0 END) AS exceeding"
        + " FROM (" + live + ") WHERE programme = 'RANDOM_MONITORING' AND (test_kind IS NULL OR test_kind <> 'RAPID')"
        + " GROUP BY ALL";
  }
}
