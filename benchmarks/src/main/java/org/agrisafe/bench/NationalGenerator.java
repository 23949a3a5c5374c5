package org.agrisafe.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.jobs.spark.Rows;
import org.agrisafe.lakehouse.reference.ReferenceFiles;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.commons.csv.CSVRecord;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Seeded generator of province-scale monitoring samples in the platform's sample schema, written straight into
 * the lakehouse namespace {@code bench} (tables {@code bench.samples}, same schema as {@code monitoring.samples},
 * table property {@code agrisafe.synthetic=true}, every row {@code is_synthetic = true}).
 *
 * <p>Calibration (documented, not fitted here):
 *
 * <ul>
 *   <li>scale factor 1 = one city-year, 400,000 tests; about 80 rapid tests (enzyme inhibition) for every
 *       quantitative one (the bureau's plan: ~400,000 rapid and ≥5,000 lab tests a year);
 *   <li>categories and failure rates of quantitative samples from China's published 2022 routine monitoring
 *       pass rates: vegetables 97.1 %, fruit 98.8 %, tea 98 %, livestock and poultry 99.1 %, aquatic 95.8 %;
 *       category shares are assumptions of this generator (vegetables 55 %, fruit 20 %, tea 5 %, livestock and
 *       poultry 12 %, aquatic 8 %);
 *   <li>seasonality: monthly sampling weights peaking in summer (weights below) and failure odds × 1.3 in June to
 *       August (assumption);
 *   <li>regions: the county-level division codes of Jinan and the Shandong city codes bundled in
 *       {@code reference-data/regions/cn_divisions_jinan.csv};
 *   <li>corrections: 2 % of quantitative samples are later corrected (an UPDATE with merge-on-read), so the
 *       table carries position deletes as real ones do.
 * </ul>
 *
 * <p>Randomness is a hash of (seed, sample number, stream), so the data do not depend on partitioning. Months are
 * contiguous blocks of sample numbers (block sizes = the monthly weights × n) and days rise with the sample number
 * inside a month, so sample numbers are issued in date order, as a lab's are.
 *
 * <p>Speed: the rows are Spark SQL columns from {@code range} (no RDD re-typing); each Spark task covers one
 * month block (at most {@value #ROWS_PER_WRITE_TASK} rows), already in the table's sort order, and writes with
 * distribution mode {@code none} and the fan-out writer: no shuffle, no global (range) sort, one file per task and
 * partition. The table is created unsorted for that append and gets its declared sort order right after, so later
 * writes (the corrections) follow it.
 */
public final class NationalGenerator {
  private NationalGenerator() {}

  public static final long TESTS_PER_SCALE_FACTOR = 400_000L;
  public static final String NAMESPACE = "bench";
  static final double[] MONTH_WEIGHTS = {0.06, 0.06, 0.07, 0.08, 0.09, 0.10, 0.11, 0.11, 0.10, 0.08, 0.07, 0.07};
  static final String[] CATEGORIES = {"vegetables", "fruit", "tea", "livestock_poultry", "aquatic"};
  static final double[] CATEGORY_SHARES = {0.55, 0.20, 0.05, 0.12, 0.08};
  static final double[] FAIL_RATES = {0.029, 0.012, 0.020, 0.009, 0.042};
  static final String[] LAB_LEVELS = {"CITY", "COUNTY", "TOWNSHIP", "ENTERPRISE"};
  static final double[] LAB_SHARES = {0.2, 0.3, 0.3, 0.2};
  /** Rows per Spark write task: one task covers part of one month, so each writes few, large files. */
  static final long ROWS_PER_WRITE_TASK = 2_000_000L;
  static final int YEAR = 2023;
  /** Table properties of a completed generation: rows, seed and generator version (see {@link #isGenerated}). */
  static final String PROP_ROWS = "agrisafe.bench.rows";
  static final String PROP_SEED = "agrisafe.bench.seed";
  static final String PROP_VERSION = "agrisafe.bench.generator-version";
  static final String VERSION = "2";

  /**
   * Whether the table already holds a completed generation of this many rows with this seed by this generator
   * version (so a benchmark re-run with {@code --reuse} can skip the generation).
   */
  public static boolean isGenerated(Catalog catalog, TableDef def, double scaleFactor, long seed) {
    if (!catalog.tableExists(def.identifier())) {
      return false;
    }
    Map<String, String> p = catalog.loadTable(def.identifier()).properties();
    return Long.toString(Math.round(scaleFactor * TESTS_PER_SCALE_FACTOR)).equals(p.get(PROP_ROWS))
        && Long.toString(seed).equals(p.get(PROP_SEED)) && VERSION.equals(p.get(PROP_VERSION));
  }

  /** The table definition of the benchmark samples: monitoring.samples' schema in namespace bench. */
  public static TableDef samplesTable() {
    return synthetic(NAMESPACE);
  }

  /**
   * {@code monitoring.samples} itself, marked synthetic: for a dedicated benchmark lakehouse in which the monthly
   * jobs run unchanged. {@link #generate} refuses to replace a table that holds non-synthetic data.
   */
  public static TableDef monitoringSamplesTable() {
    return synthetic(Tables.NS_MONITORING);
  }

  /**
   * The benchmark samples partitioned as {@code monitoring.samples} was before the {@code test_kind} partition
   * (source, month only), in table {@code bench.samples_by_month}: the layout ablation of the cube benchmark.
   */
  public static TableDef monthOnlyTable() {
    TableDef d = synthetic(NAMESPACE);
    return new TableDef(NAMESPACE, "samples_by_month", d.doc(), d.schema(),
        org.apache.iceberg.PartitionSpec.builderFor(d.schema()).identity("source_system").identity("sample_month")
            .build(), d.sortOrder(), d.properties());
  }

  private static TableDef synthetic(String namespace) {
    Map<String, String> props = new HashMap<>(Tables.SAMPLES.properties());
    props.put("agrisafe.synthetic", "true");
    props.put("comment", "SYNTHETIC benchmark samples (NationalGenerator); not monitoring data");
    props.put("write.update.mode", "merge-on-read");
    props.put("write.delete.mode", "merge-on-read");
    props.put("write.merge.mode", "merge-on-read");
    return new TableDef(namespace, "samples", "synthetic benchmark samples", Tables.SAMPLES.schema(),
        Tables.SAMPLES.spec(), Tables.SAMPLES.sortOrder(), props);
  }

  /**
   * A uniform in [0, 1) from (seed, id, stream), in double arithmetic ({@code 1000000007D}: the decimal literal
   * {@code 1000000007.0} made Spark divide in BigDecimal, a quarter of the generator's CPU time).
   */
  static Column u(long seed, String stream) {
    return expr("pmod(xxhash64(" + seed + "L, id, '" + stream + "'), 1000000007) / 1000000007D");
  }

  /** Index of the bucket that a uniform falls in, for cumulative weights. */
  static Column pick(Column uniform, double[] weights) {
    Column c = lit(weights.length - 1);
    double cum = 1.0;
    for (int i = weights.length - 1; i >= 1; i--) {
      cum -= weights[i];
      c = when(uniform.lt(cum), lit(i - 1)).otherwise(c);
    }
    return c;
  }

  static List<String> regions() {
    List<String> codes = new ArrayList<>();
    for (CSVRecord r : ReferenceFiles.csv("regions/cn_divisions_jinan.csv")) {
      String level = r.get("level");
      if (level.equals("COUNTY") || (level.equals("CITY") && !r.get("code").equals("370100"))) {
        codes.add(r.get("code"));
      }
    }
    return codes;
  }

  /**
   * Replaces {@code bench.samples} with {@code scaleFactor × 400,000} synthetic tests of year 2023, then corrects
   * 2 % of them.
   *
   * @return the number of samples written
   */
  public static long generate(SparkSession spark, Catalog catalog, String catalogName, double scaleFactor,
      long seed) {
    return generate(spark, catalog, catalogName, scaleFactor, seed, samplesTable());
  }

  /** The same, into a given table definition (see {@link #monitoringSamplesTable()}). */
  public static long generate(SparkSession spark, Catalog catalog, String catalogName, double scaleFactor,
      long seed, TableDef def) {
    long n = Math.round(scaleFactor * TESTS_PER_SCALE_FACTOR);
    if (n < 1) {
      throw new IllegalArgumentException("Scale factor " + scaleFactor + " gives no sample: expected > 0");
    }
    if (catalog instanceof SupportsNamespaces ns && !ns.namespaceExists(Namespace.of(def.namespace()))) {
      ns.createNamespace(Namespace.of(def.namespace()));
    }
    if (catalog.tableExists(def.identifier())) {
      var existing = catalog.loadTable(def.identifier());
      boolean synthetic = "true".equals(existing.properties().get("agrisafe.synthetic"));
      if (!synthetic && existing.currentSnapshot() != null) {
        throw new IllegalStateException("Refusing to replace " + def.identifier() + ": it holds data not marked"
            + " synthetic. Run benchmarks against their own lakehouse (scripts/bench.sh sets lakehouse-dir)");
      }
      spark.catalog().clearCache(); // cached plans over the old table would re-read its purged files
      catalog.dropTable(def.identifier(), true);
    }
    // Created unsorted for the bulk append (Iceberg would otherwise add a per-task sort of rows that are already
    // in order); the declared sort order is set right after it.
    catalog.buildTable(def.identifier(), def.schema()).withPartitionSpec(def.spec())
        .withProperties(def.properties()).create();
    // Spark's catalog caches table metadata: drop the cached entry of the table just replaced.
    spark.sql("REFRESH TABLE " + def.qualifiedName(catalogName));
    Dataset<Row> samples = samples(spark, n, seed);
    String table = def.qualifiedName(catalogName);
    BenchClock clock = new BenchClock();
    try {
      samples.select(alignedColumns(samples, def)).writeTo(table).option("distribution-mode", "none")
          .option("fanout-enabled", "true").append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(e);
    }
    var replace = catalog.loadTable(def.identifier()).replaceSortOrder();
    for (var f : def.sortOrder().fields()) {
      if (!f.transform().isIdentity()) {
        throw new IllegalArgumentException("Sort field " + f + " of " + def.identifier() + ": expected identity");
      }
      String column = def.schema().findColumnName(f.sourceId());
      if (f.direction() == org.apache.iceberg.SortDirection.ASC) {
        replace.asc(column, f.nullOrder());
      } else {
        replace.desc(column, f.nullOrder());
      }
    }
    replace.commit();
    spark.sql("REFRESH TABLE " + table);
    System.err.printf(java.util.Locale.ROOT, "  generator: wrote %,d rows to %s in %s (load %s)%n", n, table,
        clock.summary(), BenchClock.load1());
    clock = new BenchClock();
    // Corrections: 2 % of quantitative samples get a corrected verdict (merge-on-read position deletes).
    spark.sql("UPDATE " + table + " SET sample_verdict = CASE WHEN sample_verdict = 'FAIL' THEN 'PASS' ELSE 'FAIL'"
        + " END, has_exceedance = NOT has_exceedance WHERE test_kind = 'QUANTITATIVE'"
        + " AND pmod(xxhash64(sample_id, 'correction'), 50) = 0");
    System.err.printf(java.util.Locale.ROOT, "  generator: corrections in %s (load %s)%n", clock.summary(),
        BenchClock.load1());
    // Marked complete only now: a generation interrupted halfway is never reused.
    catalog.loadTable(def.identifier()).updateProperties().set(PROP_ROWS, Long.toString(n))
        .set(PROP_SEED, Long.toString(seed)).set(PROP_VERSION, VERSION).commit();
    spark.sql("REFRESH TABLE " + table);
    return n;
  }

  /** First sample number of each month block (13 entries, the last = n): block sizes follow MONTH_WEIGHTS. */
  static long[] monthStarts(long n) {
    long[] b = new long[13];
    double cum = 0;
    for (int m = 0; m < 12; m++) {
      cum += MONTH_WEIGHTS[m];
      b[m + 1] = m == 11 ? n : Math.round(n * cum);
    }
    return b;
  }

  /**
   * The n synthetic samples as Spark SQL columns (pure: no table access). Partitions never straddle a month, and
   * inside one the rows are in (sample_date, sample_id) order.
   */
  static Dataset<Row> samples(SparkSession spark, long n, long seed) {
    List<String> regions = regions();
    Column regionArr = org.apache.spark.sql.functions.array(regions.stream().map(r -> lit(r))
        .toArray(Column[]::new));
    Column catArr = org.apache.spark.sql.functions.array(java.util.Arrays.stream(CATEGORIES).map(c -> lit(c))
        .toArray(Column[]::new));
    Column labArr = org.apache.spark.sql.functions.array(java.util.Arrays.stream(LAB_LEVELS).map(c -> lit(c))
        .toArray(Column[]::new));
    Column failArr = org.apache.spark.sql.functions.array(java.util.Arrays.stream(FAIL_RATES).mapToObj(c -> lit(c))
        .toArray(Column[]::new));
    long[] starts = monthStarts(n);
    Dataset<Row> ids = null;
    for (int m = 0; m < 12; m++) {
      long rows = starts[m + 1] - starts[m];
      if (rows == 0) {
        continue;
      }
      java.time.LocalDate first = java.time.LocalDate.of(YEAR, m + 1, 1);
      int days = first.lengthOfMonth();
      int tasks = (int) Math.max(1, (rows + ROWS_PER_WRITE_TASK - 1) / ROWS_PER_WRITE_TASK);
      Dataset<Row> block = spark.range(starts[m], starts[m + 1], 1, tasks)
          .withColumn("month", lit(m + 1))
          .withColumn("sample_month", lit(String.format(java.util.Locale.ROOT, "%d-%02d", YEAR, m + 1)))
          .withColumn("sample_date", date_add(lit(first),
              expr("CAST(((id - " + starts[m] + "L) * " + days + "L) DIV " + rows + "L AS INT)")));
      ids = ids == null ? block : ids.union(block);
    }
    Dataset<Row> d = ids
        .withColumn("cat_i", pick(u(seed, "category"), CATEGORY_SHARES))
        .withColumn("category", element_at(catArr, col("cat_i").plus(1)))
        .withColumn("region_code",
            element_at(regionArr, u(seed, "region").multiply(regions.size()).cast("int").plus(1)))
        .withColumn("lab_level", element_at(labArr, pick(u(seed, "lab"), LAB_SHARES).plus(1)))
        .withColumn("rapid", u(seed, "kind").lt(80.0 / 81.0))
        .withColumn("p_fail", element_at(failArr, col("cat_i").plus(1))
            .multiply(when(col("month").between(6, 8), 1.3).otherwise(1.0)))
        .withColumn("fails", u(seed, "verdict").lt(col("p_fail")))
        .withColumn("detected", col("fails").or(u(seed, "detect").lt(0.3)));
    return d.select(
        concat(lit("BENCH:"), lpad(col("id").cast("string"), 10, "0")).as("sample_id"),
        lit("SYNTHETIC").as("source_system"),
        col("id").cast("string").as("source_sample_id"),
        lit("RANDOM_MONITORING").as("programme"),
        col("sample_date"),
        col("sample_month"),
        lit("Asia/Shanghai").as("zone"),
        col("category").as("commodity_code"),
        col("category"),
        lit("CN_ADCODE").as("region_scheme"),
        col("region_code"),
        col("lab_level"),
        lit("WHOLESALE_MARKET").as("sampling_stage"),
        when(col("rapid"), "NOT_JUDGED").when(col("fails"), "FAIL").otherwise("PASS").as("sample_verdict"),
        lit(false).as("verdict_published_by_source"),
        lit(1).as("n_results"),
        when(col("rapid").or(col("detected").equalTo(false)), 0).otherwise(1).as("n_detected"),
        col("rapid").equalTo(false).and(col("detected")).as("has_detection"),
        col("rapid").equalTo(false).and(col("fails")).as("has_exceedance"),
        col("rapid").equalTo(false).and(col("fails")).and(u(seed, "nc").lt(0.5)).as("has_non_compliant"),
        lit(false).as("has_banned_detection"),
        lit(0).as("n_no_standard"),
        lit(false).as("detected_without_standard"),
        when(col("rapid"), when(u(seed, "rapidpos").lt(col("p_fail").multiply(2)), "POSITIVE")
            .otherwise("NEGATIVE")).as("rapid_outcome"),
        lit(true).as("is_synthetic"),
        lit("bench-" + seed).as("ingest_run_id"),
        when(col("rapid"), "RAPID").otherwise("QUANTITATIVE").as("test_kind"));
  }

  static Column[] alignedColumns(Dataset<Row> df, TableDef def) {
    List<Column> cols = new ArrayList<>();
    java.util.Set<String> have = new java.util.HashSet<>(java.util.Arrays.asList(df.columns()));
    for (var f : Rows.type(def).fields()) {
      cols.add(have.contains(f.name()) ? col(f.name()).cast(f.dataType()).as(f.name())
          : lit(null).cast(f.dataType()).as(f.name()));
    }
    return cols.toArray(new Column[0]);
  }
}
