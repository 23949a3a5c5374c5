package org.agrisafe.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
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
 *   <li>corrections: 2 % of samples are later corrected (an UPDATE with merge-on-read), so the table carries
 *       position deletes as real ones do.
 * </ul>
 *
 * <p>Randomness is a hash of (seed, sample number, stream), so the data do not depend on partitioning.
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

  /** A uniform in [0, 1) from (seed, id, stream). */
  static Column u(long seed, String stream) {
    return expr("pmod(xxhash64(" + seed + "L, id, '" + stream + "'), 1000000007) / 1000000007.0");
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
    catalog.buildTable(def.identifier(), def.schema()).withPartitionSpec(def.spec())
        .withSortOrder(def.sortOrder()).withProperties(def.properties()).create();
    // Spark's catalog caches table metadata: drop the cached entry of the table just replaced.
    spark.sql("REFRESH TABLE " + def.qualifiedName(catalogName));
    List<String> regions = regions();
    Column regionArr = org.apache.spark.sql.functions.array(regions.stream().map(r -> lit(r))
        .toArray(Column[]::new));
    Column catArr = org.apache.spark.sql.functions.array(java.util.Arrays.stream(CATEGORIES).map(c -> lit(c))
        .toArray(Column[]::new));
    Column labArr = org.apache.spark.sql.functions.array(java.util.Arrays.stream(LAB_LEVELS).map(c -> lit(c))
        .toArray(Column[]::new));
    Column failArr = org.apache.spark.sql.functions.array(java.util.Arrays.stream(FAIL_RATES).mapToObj(c -> lit(c))
        .toArray(Column[]::new));
    int partitions = (int) Math.max(2, Math.min(64, n / 500_000));
    Dataset<Row> d = spark.range(0, n, 1, partitions)
        .withColumn("month", pick(u(seed, "month"), MONTH_WEIGHTS).plus(1))
        .withColumn("day", u(seed, "day").multiply(28).cast("int"))
        .withColumn("sample_date",
            date_add(expr("make_date(2023, month, 1)"), col("day")))
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
    Dataset<Row> samples = d.select(
        concat(lit("BENCH:"), col("id").cast("string")).as("sample_id"),
        lit("SYNTHETIC").as("source_system"),
        col("id").cast("string").as("source_sample_id"),
        lit("RANDOM_MONITORING").as("programme"),
        col("sample_date"),
        date_format(col("sample_date"), "yyyy-MM").as("sample_month"),
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
    // Re-typed with the table's exact schema (required columns non-nullable), as the ingest writes them.
    Dataset<Row> typed =
        spark.createDataFrame(samples.select(alignedColumns(samples, def)).javaRDD(), Rows.type(def));
    String table = def.qualifiedName(catalogName);
    try {
      typed.sortWithinPartitions("source_system", "sample_month").writeTo(table).append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(e);
    }
    // Corrections: 2 % of quantitative samples get a corrected verdict (merge-on-read position deletes).
    spark.sql("UPDATE " + table + " SET sample_verdict = CASE WHEN sample_verdict = 'FAIL' THEN 'PASS' ELSE 'FAIL'"
        + " END, has_exceedance = NOT has_exceedance WHERE test_kind = 'QUANTITATIVE'"
        + " AND pmod(xxhash64(sample_id, 'correction'), 50) = 0");
    return n;
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
