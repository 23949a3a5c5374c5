package org.agrisafe.synthetic;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.model.MethodType;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.risk.verdict.Confirmation;
import org.agrisafe.risk.verdict.RapidOutcome;
import org.agrisafe.risk.verdict.SampleStatus;
import org.agrisafe.risk.verdict.TestKind;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Seeded generator of province-scale monitoring data in the platform's format: samples ({@code monitoring.samples}'
 * schema) and their results ({@code monitoring.results}' schema), written straight into the lakehouse: namespace
 * {@code bench} for the cube benchmark, or {@code monitoring.samples} / {@code monitoring.results} of a dedicated
 * benchmark lakehouse for the pipeline benchmark. Every table has the property {@code agrisafe.synthetic=true} and
 * every row {@code is_synthetic = true}; the source system is {@value #SOURCE_SYSTEM}, the channel the data would
 * arrive through.
 *
 * <p>Calibration (documented, not fitted here):
 *
 * <ul>
 *   <li>scale factor 1 = one city-year, 400,000 tests; about 80 rapid tests (enzyme inhibition) for every
 *       quantitative one (the bureau's plan: ~400,000 rapid and ≥5,000 lab tests a year); scale factor 100 = a large
 *       province's year, 40M tests;
 *   <li>categories and failure rates of quantitative samples from China's published 2022 routine monitoring
 *       pass rates: vegetables 97.1 %, fruit 98.8 %, tea 98 %, livestock and poultry 99.1 %, aquatic 95.8 %;
 *       category shares are assumptions of this generator (vegetables 55 %, fruit 20 %, tea 5 %, livestock and
 *       poultry 12 %, aquatic 8 %);
 *   <li>seasonality: monthly sampling weights peaking in summer (weights below) and failure odds × 1.3 in June to
 *       August (assumption);
 *   <li>regions: the 136 county-level divisions of Shandong ({@link ShandongCounties}, NBS 2023 codes in
 *       {@code reference-data/regions/shandong_areas.csv}), drawn uniformly: Jinan's 12 get 8.8 % of the samples,
 *       close to its share of the province's population (9.4M of 101.6M, 9.3 %, 2023);
 *   <li>residues ({@link UkResidueQuantiles}, from the UK PRiF annex bundled in {@code data/uk-prif-residues}):
 *       a quantitative sample is tested for 8-15 analytes ({@value #ANALYTES_MIN}-{@value #ANALYTES_MAX}, uniform)
 *       of the 31 analytes most often detected in the UK data (the UK annex covers plant commodities only, so every
 *       category draws from the same panel), distinct within the sample; it has a detection with the UK share of
 *       detected samples (about half), or always when it fails. Its first analyte carries the detection: a value
 *       drawn from that analyte's UK values at or below its MRL (64 quantiles, one array lookup by a seeded
 *       uniform), or in a FAIL sample the MRL times a UK exceedance ratio (value / MRL of the UK exceedances), so a
 *       FAIL sample has exactly one result above its MRL and a PASS sample none. The other analytes are not
 *       detected (below the LOD of {@value #LOD_MG_PER_KG} mg/kg, value null). The MRL of an analyte is the median
 *       of the MRLs published with its UK detections ({@code limit_source} says so); non-compliance is value − U
 *       &gt; MRL with U = 50 % of the value;
 *   <li>rapid tests: one enzyme-inhibition result per rapid sample, POSITIVE (inhibition rate in [50, 100) %,
 *       GB/T 5009.199) with twice the category's failure probability, else NEGATIVE (rate in [0, 50) %);
 *   <li>corrections: 2 % of quantitative samples are later corrected: the lab's revision 2 of the first result
 *       (a FAIL becomes 0.5 × MRL, a PASS 1.5 × MRL) and the sample's verdict with it, both as UPDATEs with
 *       merge-on-read, so both tables carry position deletes as real ones do.
 * </ul>
 *
 * <p>Randomness is a hash of (seed, sample number, stream), so the data do not depend on partitioning. Months are
 * contiguous blocks of sample numbers (block sizes = the monthly weights × n) and days rise with the sample number
 * inside a month, so sample numbers are issued in date order, as a lab's are. Results are derived from the same
 * per-sample plan ({@link #plan}) by exploding each quantitative sample into its analytes.
 *
 * <p>Speed: the rows are Spark SQL columns from {@code range} (no RDD re-typing); each Spark task covers one
 * month block (at most {@value #ROWS_PER_WRITE_TASK} samples), already in the table's sort order, and writes with
 * distribution mode {@code none} and the fan-out writer: no shuffle, no global (range) sort, one file per task and
 * partition. The tables are created unsorted for that append and get their declared sort order right after, so
 * later writes (the corrections) follow it.
 */
public final class NationalGenerator {
  private NationalGenerator() {}

  public static final long TESTS_PER_SCALE_FACTOR = 400_000L;
  public static final String NAMESPACE = "bench";
  static final double[] MONTH_WEIGHTS = {
    0.06, 0.06, 0.07, 0.08, 0.09, 0.10, 0.11, 0.11, 0.10, 0.08, 0.07, 0.07
  };
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
  static final String VERSION = "3";

  /** Source system of the synthetic rows: the platform's upload channel (rows and tables marked synthetic). */
  public static final String SOURCE_SYSTEM = "PLATFORM_UPLOAD";

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
        && Long.toString(seed).equals(p.get(PROP_SEED))
        && VERSION.equals(p.get(PROP_VERSION));
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
    return new TableDef(
        NAMESPACE,
        "samples_by_month",
        d.doc(),
        d.schema(),
        org.apache.iceberg.PartitionSpec.builderFor(d.schema())
            .identity("source_system")
            .identity("sample_month")
            .build(),
        d.sortOrder(),
        d.properties());
  }

  /** {@code monitoring.results} itself, marked synthetic (see {@link #monitoringSamplesTable()}). */
  public static TableDef monitoringResultsTable() {
    Map<String, String> props = new HashMap<>(Tables.RESULTS.properties());
    props.put("agrisafe.synthetic", "true");
    props.put("comment", "SYNTHETIC benchmark results (NationalGenerator); not monitoring data");
    return new TableDef(
        Tables.NS_MONITORING,
        Tables.RESULTS.name(),
        "synthetic benchmark results",
        Tables.RESULTS.schema(),
        Tables.RESULTS.spec(),
        Tables.RESULTS.sortOrder(),
        props);
  }

  private static TableDef synthetic(String namespace) {
    Map<String, String> props = new HashMap<>(Tables.SAMPLES.properties());
    props.put("agrisafe.synthetic", "true");
    props.put("comment", "SYNTHETIC benchmark samples (NationalGenerator); not monitoring data");
    props.put("write.update.mode", "merge-on-read");
    props.put("write.delete.mode", "merge-on-read");
    props.put("write.merge.mode", "merge-on-read");
    return new TableDef(
        namespace,
        "samples",
        "synthetic benchmark samples",
        Tables.SAMPLES.schema(),
        Tables.SAMPLES.spec(),
        Tables.SAMPLES.sortOrder(),
        props);
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

  /** The 136 county-level division codes of Shandong ({@link ShandongCounties}), drawn uniformly. */
  static List<String> regions() {
    return ShandongCounties.codes();
  }

  /**
   * Replaces {@code bench.samples} with {@code scaleFactor × 400,000} synthetic tests of year 2023, then corrects
   * 2 % of them.
   *
   * @return the number of samples written
   */
  public static long generate(
      SparkSession spark, Catalog catalog, String catalogName, double scaleFactor, long seed) {
    return generate(spark, catalog, catalogName, scaleFactor, seed, samplesTable());
  }

  /** The same, into a given table definition (see {@link #monitoringSamplesTable()}); no results. */
  public static long generate(
      SparkSession spark,
      Catalog catalog,
      String catalogName,
      double scaleFactor,
      long seed,
      TableDef def) {
    return generate(spark, catalog, catalogName, scaleFactor, seed, def, null);
  }

  /**
   * Replaces the samples table {@code def} (and, when {@code resultsDef} is not null, the results table) with
   * {@code scaleFactor × 400,000} synthetic tests of year 2023 and their results, then corrects 2 % of the
   * quantitative samples (UPDATE of the sample and of its first result, merge-on-read: position deletes).
   *
   * @param resultsDef results table (e.g. {@link #monitoringResultsTable()}), or null for samples only
   * @return the number of samples written
   * @throws IllegalArgumentException if the scale factor gives no sample
   * @throws IllegalStateException if a table to replace holds data not marked synthetic
   */
  public static long generate(
      SparkSession spark,
      Catalog catalog,
      String catalogName,
      double scaleFactor,
      long seed,
      TableDef def,
      TableDef resultsDef) {
    long n = Math.round(scaleFactor * TESTS_PER_SCALE_FACTOR);
    if (n < 1) {
      throw new IllegalArgumentException(
          "Scale factor " + scaleFactor + " gives no sample: expected > 0");
    }
    UkResidueQuantiles uk = residues();
    replaceEmpty(spark, catalog, catalogName, def);
    if (resultsDef != null) {
      replaceEmpty(spark, catalog, catalogName, resultsDef);
    }
    Dataset<Row> plan = plan(spark, n, seed, uk);
    String table = def.qualifiedName(catalogName);
    BenchClock clock = new BenchClock();
    append(samples(plan, seed), def, catalogName);
    restoreSortOrder(catalog, def);
    System.err.printf(
        java.util.Locale.ROOT,
        "  generator: wrote %,d samples to %s in %s (load %s)%n",
        n,
        table,
        clock.summary(),
        BenchClock.load1());
    String correction = "pmod(xxhash64(sample_id, 'correction'), 50) = 0";
    if (resultsDef != null) {
      clock = new BenchClock();
      append(results(plan, seed, uk), resultsDef, catalogName);
      restoreSortOrder(catalog, resultsDef);
      System.err.printf(
          java.util.Locale.ROOT,
          "  generator: wrote results to %s in %s (load %s)%n",
          resultsDef.qualifiedName(catalogName),
          clock.summary(),
          BenchClock.load1());
      clock = new BenchClock();
      // The lab corrects the first analyte's value (revision 2): a FAIL becomes 0.5 × MRL (PASS), a
      // PASS becomes
      // 1.5 × MRL (FAIL, not non-compliant at U = 50 %). SET expressions read the row before the
      // update.
      spark.sql(
          "UPDATE "
              + resultsDef.qualifiedName(catalogName)
              + " SET revision = 2,"
              + " value_mg_per_kg = CASE WHEN exceeds THEN 0.5 * mrl_mg_per_kg ELSE 1.5 * mrl_mg_per_kg END,"
              + " value_raw = format_number(CASE WHEN exceeds THEN 0.5 * mrl_mg_per_kg ELSE 1.5 * mrl_mg_per_kg END, 4),"
              + " reported_below_lod = false, reported_below_loq = false, detection = 'QUANTIFIED',"
              + " verdict = CASE WHEN exceeds THEN 'PASS' ELSE 'FAIL' END, exceeds = NOT exceeds,"
              + " non_compliant = false, reason = 'corrected by the lab (revision 2)'"
              + " WHERE method_type = 'QUANTITATIVE' AND result_id = concat(sample_id, '#00') AND "
              + correction);
      System.err.printf(
          java.util.Locale.ROOT,
          "  generator: result corrections in %s (load %s)%n",
          clock.summary(),
          BenchClock.load1());
    }
    clock = new BenchClock();
    // Corrections: 2 % of quantitative samples get a corrected verdict (merge-on-read position
    // deletes),
    // consistent with the corrected first result above.
    spark.sql(
        "UPDATE "
            + table
            + " SET sample_verdict = CASE WHEN sample_verdict = 'FAIL' THEN 'PASS' ELSE 'FAIL'"
            + " END, has_exceedance = NOT has_exceedance, has_non_compliant = false, has_detection = true,"
            + " n_detected = 1 WHERE test_kind = 'QUANTITATIVE' AND "
            + correction);
    System.err.printf(
        java.util.Locale.ROOT,
        "  generator: sample corrections in %s (load %s)%n",
        clock.summary(),
        BenchClock.load1());
    // Marked complete only now: a generation interrupted halfway is never reused.
    for (TableDef t : resultsDef == null ? List.of(def) : List.of(def, resultsDef)) {
      catalog
          .loadTable(t.identifier())
          .updateProperties()
          .set(PROP_ROWS, Long.toString(n))
          .set(PROP_SEED, Long.toString(seed))
          .set(PROP_VERSION, VERSION)
          .commit();
      spark.sql("REFRESH TABLE " + t.qualifiedName(catalogName));
    }
    return n;
  }

  /** Drops the table (only if synthetic or empty) and creates it empty and unsorted for the bulk append. */
  private static void replaceEmpty(
      SparkSession spark, Catalog catalog, String catalogName, TableDef def) {
    if (catalog instanceof SupportsNamespaces ns
        && !ns.namespaceExists(Namespace.of(def.namespace()))) {
      ns.createNamespace(Namespace.of(def.namespace()));
    }
    if (catalog.tableExists(def.identifier())) {
      var existing = catalog.loadTable(def.identifier());
      boolean synthetic = "true".equals(existing.properties().get("agrisafe.synthetic"));
      if (!synthetic && existing.currentSnapshot() != null) {
        throw new IllegalStateException(
            "Refusing to replace "
                + def.identifier()
                + ": it holds data not marked"
                + " synthetic. Run benchmarks against their own lakehouse (scripts/bench.sh sets lakehouse-dir)");
      }
      spark
          .catalog()
          .clearCache(); // cached plans over the old table would re-read its purged files
      catalog.dropTable(def.identifier(), true);
    }
    // Created unsorted for the bulk append (Iceberg would otherwise add a per-task sort of rows
    // that are already
    // in order); the declared sort order is set right after it.
    catalog
        .buildTable(def.identifier(), def.schema())
        .withPartitionSpec(def.spec())
        .withProperties(def.properties())
        .create();
    // Spark's catalog caches table metadata: drop the cached entry of the table just replaced.
    spark.sql("REFRESH TABLE " + def.qualifiedName(catalogName));
  }

  /** Appends without shuffle or sort: one file per task and partition (fan-out writer). */
  private static void append(Dataset<Row> rows, TableDef def, String catalogName) {
    try {
      rows.select(alignedColumns(rows, def))
          .writeTo(def.qualifiedName(catalogName))
          .option("distribution-mode", "none")
          .option("fanout-enabled", "true")
          .append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Gives the table its declared sort order (identity fields only), for later writes. */
  private static void restoreSortOrder(Catalog catalog, TableDef def) {
    var replace = catalog.loadTable(def.identifier()).replaceSortOrder();
    for (var f : def.sortOrder().fields()) {
      if (!f.transform().isIdentity()) {
        throw new IllegalArgumentException(
            "Sort field " + f + " of " + def.identifier() + ": expected identity");
      }
      String column = def.schema().findColumnName(f.sourceId());
      if (f.direction() == org.apache.iceberg.SortDirection.ASC) {
        replace.asc(column, f.nullOrder());
      } else {
        replace.desc(column, f.nullOrder());
      }
    }
    replace.commit();
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
   * The per-sample plan as Spark SQL columns (pure: no table access): ids, dates, category, region, lab level, the
   * test kind, the verdict, and the residue plan of a quantitative sample (number of analytes {@code n_an}, first
   * analyte {@code a0}, stride, the value {@code v0} of its first analyte and that analyte's MRL {@code mrl0}).
   * Partitions never straddle a month, and inside one the rows are in (sample_date, sample_id) order.
   */
  static Dataset<Row> plan(SparkSession spark, long n, long seed, UkResidueQuantiles uk) {
    List<String> regions = regions();
    Column regionArr = array(regions.stream().map(r -> lit(r)).toArray(Column[]::new));
    Column catArr =
        array(java.util.Arrays.stream(CATEGORIES).map(c -> lit(c)).toArray(Column[]::new));
    Column labArr =
        array(java.util.Arrays.stream(LAB_LEVELS).map(c -> lit(c)).toArray(Column[]::new));
    Column failArr =
        array(java.util.Arrays.stream(FAIL_RATES).mapToObj(c -> lit(c)).toArray(Column[]::new));
    int k = uk.analyteCount();
    int q = uk.exceedanceRatioQuantiles().length;
    Column mrlArr = doubles(uk.mrlMgPerKg());
    Column ratioArr = doubles(uk.exceedanceRatioQuantiles());
    Column belowArr =
        array(
            java.util.Arrays.stream(uk.belowMrlQuantiles())
                .map(NationalGenerator::doubles)
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
      Dataset<Row> block =
          spark
              .range(starts[m], starts[m + 1], 1, tasks)
              .withColumn("month", lit(m + 1))
              .withColumn(
                  "sample_month", lit(String.format(java.util.Locale.ROOT, "%d-%02d", YEAR, m + 1)))
              .withColumn(
                  "sample_date",
                  date_add(
                      lit(first),
                      expr(
                          "CAST(((id - "
                              + starts[m]
                              + "L) * "
                              + days
                              + "L) DIV "
                              + rows
                              + "L AS INT)")));
      ids = ids == null ? block : ids.union(block);
    }
    return ids.withColumn(
            "sample_id", concat(lit("BENCH:"), lpad(col("id").cast("string"), 10, "0")))
        .withColumn("cat_i", pick(u(seed, "category"), CATEGORY_SHARES))
        .withColumn("category", element_at(catArr, col("cat_i").plus(1)))
        .withColumn(
            "region_code",
            element_at(regionArr, u(seed, "region").multiply(regions.size()).cast("int").plus(1)))
        .withColumn("lab_level", element_at(labArr, pick(u(seed, "lab"), LAB_SHARES).plus(1)))
        .withColumn("rapid", u(seed, "kind").lt(80.0 / 81.0))
        .withColumn(
            "p_fail",
            element_at(failArr, col("cat_i").plus(1))
                .multiply(when(col("month").between(6, 8), 1.3).otherwise(1.0)))
        .withColumn("fails", u(seed, "verdict").lt(col("p_fail")))
        .withColumn("detected", col("fails").or(u(seed, "detect").lt(uk.detectedSampleShare())))
        .withColumn(
            "n_an",
            least(
                lit(k),
                lit(ANALYTES_MIN)
                    .plus(u(seed, "n_an").multiply(ANALYTES_MAX - ANALYTES_MIN + 1).cast("int"))))
        .withColumn("a0", u(seed, "a0").multiply(k).cast("int"))
        .withColumn("stride", lit(1).plus(u(seed, "stride").multiply(k - 1).cast("int")))
        .withColumn("mrl0", element_at(mrlArr, col("a0").plus(1)))
        .withColumn("qi", u(seed, "value").multiply(q).cast("int").plus(1))
        .withColumn(
            "v0",
            when(col("rapid"), lit(null).cast("double"))
                .when(col("fails"), col("mrl0").multiply(element_at(ratioArr, col("qi"))))
                .when(
                    col("detected"),
                    element_at(element_at(belowArr, col("a0").plus(1)), col("qi"))))
        // EFSA non-compliance: value - U > MRL with U = 50 % of the value
        .withColumn("nc", col("fails").and(col("v0").multiply(1 - UNCERTAINTY).gt(col("mrl0"))));
  }

  /** Fewest and most analytes of one quantitative sample (a multi-residue method's reported panel). */
  static final int ANALYTES_MIN = 8;

  static final int ANALYTES_MAX = 15;

  /** Default expanded measurement uncertainty, fraction of the value (docs/conventions.md §2.4, EFSA non-compliance). */
  static final double UNCERTAINTY = 0.5;

  /** LOD and LOQ of every synthetic quantitative result, mg/kg (the UK programme's usual reporting limit). */
  static final double LOD_MG_PER_KG = 0.01;

  static final String LIMIT_SOURCE =
      "UK PRiF published MRL, median over the annex's commodities (synthetic data)";

  private static Column doubles(double[] v) {
    return array(java.util.Arrays.stream(v).mapToObj(x -> lit(x)).toArray(Column[]::new));
  }

  /** The n synthetic samples (one row per sample, monitoring.samples' columns). */
  static Dataset<Row> samples(SparkSession spark, long n, long seed) {
    return samples(plan(spark, n, seed, residues()), seed);
  }

  static Dataset<Row> samples(Dataset<Row> d, long seed) {
    return d.select(
        col("sample_id"),
        lit(SOURCE_SYSTEM).as("source_system"),
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
        when(col("rapid"), SampleStatus.NOT_JUDGED.name())
            .when(col("fails"), "FAIL")
            .otherwise("PASS")
            .as("sample_verdict"),
        lit(false).as("verdict_published_by_source"),
        when(col("rapid"), 1).otherwise(col("n_an")).as("n_results"),
        when(col("rapid").or(col("detected").equalTo(false)), 0).otherwise(1).as("n_detected"),
        col("rapid").equalTo(false).and(col("detected")).as("has_detection"),
        col("rapid").equalTo(false).and(col("fails")).as("has_exceedance"),
        col("rapid").equalTo(false).and(col("nc")).as("has_non_compliant"),
        lit(false).as("has_banned_detection"),
        lit(0).as("n_no_standard"),
        lit(false).as("detected_without_standard"),
        when(
                col("rapid"),
                when(
                        u(seed, "rapidpos").lt(col("p_fail").multiply(2)),
                        RapidOutcome.POSITIVE.name())
                    .otherwise(RapidOutcome.NEGATIVE.name()))
            .as("rapid_outcome"),
        lit(true).as("is_synthetic"),
        lit("bench-" + seed).as("ingest_run_id"),
        when(col("rapid"), TestKind.RAPID.name())
            .otherwise(TestKind.QUANTITATIVE.name())
            .as("test_kind"));
  }

  /**
   * The results of the plan's samples (monitoring.results' columns): one enzyme-inhibition result per rapid sample
   * (inhibition rate in [50, 100) % when the sample is POSITIVE, in [0, 50) % otherwise, GB/T 5009.199), and
   * {@code n_an} LC-MS/MS results per quantitative sample, analytes {@code a0 + i * stride (mod K)} (distinct, K
   * prime). Only the first analyte can be detected (value {@code v0}, above its MRL in a FAIL sample, at or below
   * it otherwise); the others are not detected ({@code < LOD}, value null).
   */
  static Dataset<Row> results(Dataset<Row> d, long seed, UkResidueQuantiles uk) {
    int k = uk.analyteCount();
    Column codeArr =
        array(java.util.Arrays.stream(uk.analyteCodes()).map(c -> lit(c)).toArray(Column[]::new));
    Column nameArr =
        array(java.util.Arrays.stream(uk.analyteNames()).map(c -> lit(c)).toArray(Column[]::new));
    Column mrlArr = doubles(uk.mrlMgPerKg());
    Column positive = u(seed, "rapidpos").lt(col("p_fail").multiply(2));
    Dataset<Row> rapid =
        d.filter(col("rapid"))
            .select(
                concat(col("sample_id"), lit("#R")).as("result_id"),
                lit(1).as("revision"),
                col("sample_id"),
                lit(SOURCE_SYSTEM).as("source_system"),
                col("sample_month"),
                col("sample_date"),
                col("category").as("commodity_code"),
                lit("有机磷和氨基甲酸酯类").as("analyte_raw"),
                lit("organophosphate_carbamate").as("analyte_code"),
                lit(MethodType.RAPID.name()).as("method_type"),
                lit("ENZYME_INHIBITION").as("method"),
                when(positive, lit(50.0).plus(u(seed, "inhibition").multiply(50)))
                    .otherwise(u(seed, "inhibition").multiply(50))
                    .as("inhibition_rate_pct"),
                when(positive, RapidOutcome.POSITIVE.name())
                    .otherwise(RapidOutcome.NEGATIVE.name())
                    .as("verdict"),
                lit(false).as("exceeds"),
                lit(false).as("non_compliant"),
                lit(false).as("banned_detection"),
                when(positive, Confirmation.AWAITING_CONFIRMATION.name()).as("rapid_confirmation"),
                lit(false).as("false_positive_prone"),
                when(positive, "inhibition rate >= 50 % (GB/T 5009.199): suspected")
                    .otherwise("inhibition rate < 50 %")
                    .as("reason"),
                lit(true).as("is_synthetic"),
                lit("bench-" + seed).as("ingest_run_id"));
    Dataset<Row> q =
        d.filter(col("rapid").equalTo(false))
            .withColumn("i", explode(sequence(lit(0), col("n_an").minus(1))))
            .withColumn("a", pmod(col("a0").plus(col("i").multiply(col("stride"))), lit(k)))
            .withColumn("value", when(col("i").equalTo(0), col("v0")))
            .withColumn("first_fails", col("i").equalTo(0).and(col("fails")));
    Dataset<Row> quant =
        q.select(
            concat(col("sample_id"), lit("#"), lpad(col("i").cast("string"), 2, "0"))
                .as("result_id"),
            lit(1).as("revision"),
            col("sample_id"),
            lit(SOURCE_SYSTEM).as("source_system"),
            col("sample_month"),
            col("sample_date"),
            col("category").as("commodity_code"),
            element_at(nameArr, col("a").plus(1)).as("analyte_raw"),
            element_at(codeArr, col("a").plus(1)).as("analyte_code"),
            lit(MethodType.QUANTITATIVE.name()).as("method_type"),
            lit("LC_MS_MS").as("method"),
            when(col("value").isNull(), lit("ND"))
                .otherwise(format_number(col("value"), 4))
                .as("value_raw"),
            lit("mg/kg").as("unit_raw"),
            col("value").as("value_mg_per_kg"),
            lit(LOD_MG_PER_KG).as("lod_mg_per_kg"),
            lit(LOD_MG_PER_KG).as("loq_mg_per_kg"),
            col("value").isNull().as("reported_below_lod"),
            col("value").isNull().as("reported_below_loq"),
            when(col("value").isNull(), "NOT_DETECTED").otherwise("QUANTIFIED").as("detection"),
            when(col("first_fails"), "FAIL").otherwise("PASS").as("verdict"),
            col("first_fails").as("exceeds"),
            col("first_fails").and(col("nc")).as("non_compliant"),
            element_at(mrlArr, col("a").plus(1)).as("mrl_mg_per_kg"),
            lit("NUMERIC_MRL").as("limit_type"),
            lit(LIMIT_SOURCE).as("limit_source"),
            lit(false).as("banned_detection"),
            when(col("first_fails"), "value > MRL")
                .when(col("value").isNull(), "not detected (< LOD)")
                .otherwise("value <= MRL")
                .as("reason"),
            lit(true).as("is_synthetic"),
            lit("bench-" + seed).as("ingest_run_id"));
    return quant.unionByName(rapid, true);
  }

  /** The residue arrays from the bundled UK annex ({@code <repo>/data/uk-prif-residues}). */
  static UkResidueQuantiles residues() {
    java.nio.file.Path f =
        java.nio.file.Path.of(System.getProperty("agrisafe.repo.dir", "."))
            .resolve("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz");
    if (!java.nio.file.Files.isRegularFile(f)) {
      throw new IllegalStateException(
          "Bundled UK annex "
              + f.toAbsolutePath()
              + " is missing: run from the"
              + " repository root (or set -Dagrisafe.repo.dir)");
    }
    return UkResidueQuantiles.fromPrif(f);
  }

  static Column[] alignedColumns(Dataset<Row> df, TableDef def) {
    List<Column> cols = new ArrayList<>();
    java.util.Set<String> have = new java.util.HashSet<>(java.util.Arrays.asList(df.columns()));
    for (var f : SparkSchemaUtil.convert(def.schema()).fields()) {
      cols.add(
          have.contains(f.name())
              ? col(f.name()).cast(f.dataType()).as(f.name())
              : lit(null).cast(f.dataType()).as(f.name()));
    }
    return cols.toArray(new Column[0]);
  }
}
