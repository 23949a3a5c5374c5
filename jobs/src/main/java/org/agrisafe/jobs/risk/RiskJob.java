package org.agrisafe.jobs.risk;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.risk.exposure.ChronicExposure;
import org.agrisafe.risk.exposure.NonDetectReporting;
import org.agrisafe.risk.ranking.RiskMatrix;
import org.agrisafe.risk.rates.Rate;
import org.agrisafe.risk.score.BetaBinomialScores;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Risk assessment for the expert panel, per period (year or month, cut in the deployment's zone): chronic dietary
 * exposure, the risk-ranking matrix, and producer / region / sampling-point scores, each with every component as a
 * column, plus a "not assessed" list (key and reason) for whatever could not be computed.
 *
 * <p>The maths runs in the engine-free methods of {@code risk-models}:
 * <ul>
 *   <li>exposure: {@link org.agrisafe.risk.exposure.ResidueStatistics} per (period, source, analyte, food group) on
 *       the executors ({@link ResidueGroupFunction}), then {@link ChronicExposure} per (period, source, analyte) on
 *       the driver over those small aggregated rows — WHO (2009) EHC 240 chapter 6; EFSA (2010) EFSA Journal
 *       8(3):1557 for the non-detect bounds. A source listing detections only (UK_PRIF) gives the lower bound only
 *       and says so in {@code bound_note}; a source that enumerates non-detects with their LOD/LOQ
 *       (PLATFORM_UPLOAD) gives all three bounds; other sources (sample-level verdicts only) are not assessed.
 *       The analyte's HQ over all its food groups is its hazard index over commodities; each food group's part is
 *       {@code hq_food_*}.</li>
 *   <li>ranking: {@link RiskMatrix} (VRC matrix S = (A+B)×(C+D+E+F)) per (period, source, analyte, commodity) with
 *       A = toxicity class ({@link RiskParameters#toxicityClasses()}, else the precautionary default, marked
 *       "assumed"), B = ADI, C = food group share of the diet ({@link RiskReference#dietSharePercent}), D = detection
 *       frequency % (detections / samples tested of the commodity), E = {@link RiskParameters#highExposureLevel()},
 *       F = {@link RiskMatrix#residueEvidence}.</li>
 *   <li>scores: {@link BetaBinomialScores} per unit type and period, as of the period's last day, over a history
 *       window of {@link RiskParameters#historyDays()} days, on judged samples (PASS/FAIL); failure and exceedance
 *       rates with 95 % Wilson intervals ({@link Rate}). Every unit seen anywhere in the samples is listed; a unit
 *       with no sample in the window is NO_HISTORY (posterior = prior).</li>
 * </ul>
 *
 * <p>Only the sampling programmes of {@link RiskParameters#programmes()} (default random monitoring) are read; the
 * scope is stored in {@code programme_scope}.
 *
 * <p>The three outputs are three jobs, each runnable on its own ({@code agrisafe run risk-exposure},
 * {@code risk-ranking}, {@code risk-scores}): {@link RiskExposureJob}, {@link RiskRankingJob} and
 * {@link RiskScoresJob}. This class holds what they share (the period of a sample, the prepared input, the writes)
 * and runs all three in that order over one read of the input ({@code agrisafe run risk}): pure {@link #transform}
 * plus a thin {@link #run}. Run one by one, the three jobs leave the same rows as {@link #run}.
 */
public final class RiskJob {
  private RiskJob() {}

  /** Output names stored in {@code analytics.risk_not_assessed.output}. */
  public enum Output {
    EXPOSURE,
    RANKING,
    SCORES
  }

  /** Unit types of {@code analytics.risk_scores}. */
  public enum UnitType {
    PRODUCER,
    REGION,
    SAMPLING_POINT
  }

  /** The four outputs, rows in the column order of their {@link RiskTables} definitions. */
  public record Outputs(
      List<String> periods,
      Dataset<Row> exposure,
      Dataset<Row> notAssessed,
      Dataset<Row> ranking,
      Dataset<Row> scores) {}

  /**
   * How a source reports non-detects: UK_PRIF lists detections only; PLATFORM_UPLOAD enumerates every tested
   * (sample, analyte) with its LOD/LOQ; any other source is not used for exposure (empty).
   */
  public static Optional<NonDetectReporting> reportingOf(String sourceSystem) {
    return switch (sourceSystem) {
      case "UK_PRIF" -> Optional.of(NonDetectReporting.DETECTIONS_ONLY);
      case "PLATFORM_UPLOAD" -> Optional.of(NonDetectReporting.ENUMERATED);
      default -> Optional.empty();
    };
  }

  /** The period of a date column. */
  static Column period(PeriodType type, Column date) {
    return RiskParameters.requireSupported(type) == PeriodType.YEAR
        ? date_format(date, "yyyy")
        : date_format(date, "yyyy-MM");
  }

  /**
   * The period window of {@code p} as a predicate on {@code sample_month} (months {@code from-01 .. to-12} for
   * YEAR periods), or null when the window is open on both sides.
   */
  static Column monthWindow(RiskParameters p) {
    boolean year = p.periodType() == PeriodType.YEAR;
    Column c = null;
    if (p.fromPeriod() != null) {
      c = col("sample_month").geq(lit(year ? p.fromPeriod() + "-01" : p.fromPeriod()));
    }
    if (p.toPeriod() != null) {
      Column to = col("sample_month").leq(lit(year ? p.toPeriod() + "-12" : p.toPeriod()));
      c = c == null ? to : c.and(to);
    }
    return c;
  }

  /** The last day of a period. */
  static LocalDate lastDay(PeriodType type, String period) {
    return RiskParameters.requireSupported(type) == PeriodType.YEAR
        ? LocalDate.of(Integer.parseInt(period), 12, 31)
        : YearMonth.parse(period).atEndOfMonth();
  }

  /**
   * Computes every output.
   *
   * @param samples rows of {@code monitoring.samples}
   * @param results rows of {@code monitoring.results}
   * @param p what to compute
   * @param ref reference data (ADI, consumption, scoring table, food groups)
   * @param inputSnapshotId snapshot of {@code monitoring.results} read, recorded with the output (nullable)
   * @return the periods assessed and the four outputs (driver-built, small)
   */
  public static Outputs transform(
      Dataset<Row> samples,
      Dataset<Row> results,
      RiskParameters p,
      RiskReference ref,
      Long inputSnapshotId) {
    SparkSession spark = samples.sparkSession();
    Input in = prepare(samples, results, p, ref, inputSnapshotId);
    List<Row> notAssessed = new ArrayList<>();
    List<Row> exposure = RiskExposureJob.rows(in, p, ref, notAssessed);
    List<Row> ranking = RiskRankingJob.rows(in, p, ref, notAssessed);
    List<Row> scores = RiskScoresJob.rows(in, p, notAssessed);
    in.release();
    return new Outputs(
        in.periods(),
        Rows.frame(spark, exposure, RiskTables.RISK_EXPOSURE),
        Rows.frame(spark, notAssessed, RiskTables.RISK_NOT_ASSESSED),
        Rows.frame(spark, ranking, RiskTables.RISK_RANKING),
        Rows.frame(spark, scores, RiskTables.RISK_SCORES));
  }

  /**
   * The input the three risk jobs share, prepared once: {@code allSamples} as read (the scores' history reaches
   * before the first period), {@code samples} those of the programmes and periods with {@code period} and
   * {@code food_group} added (cached until {@link #release}), {@code results} within the period window, the
   * periods assessed (sorted), the snapshot of {@code monitoring.results} read (nullable) and the time stamp of
   * every output row.
   */
  record Input(
      Dataset<Row> allSamples,
      Dataset<Row> samples,
      Dataset<Row> results,
      List<String> periods,
      Long snapshot,
      java.sql.Timestamp now) {
    void release() {
      samples.unpersist();
    }
  }

  /** The rows of one of the three jobs, with its "not assessed" rows (driver-built, small). */
  public record Part(List<String> periods, Dataset<Row> rows, Dataset<Row> notAssessed) {}

  /** Prepares the input of {@link #transform} and of each of the three jobs. */
  static Input prepare(
      Dataset<Row> samples,
      Dataset<Row> results,
      RiskParameters p,
      RiskReference ref,
      Long inputSnapshotId) {
    Dataset<Row> s =
        samples
            .filter(col("programme").isin(p.programmes().stream().map(Enum::name).toArray()))
            .withColumn("period", period(p.periodType(), col("sample_date")));
    if (p.fromPeriod() != null) {
      s = s.filter(col("period").geq(lit(p.fromPeriod())));
    }
    if (p.toPeriod() != null) {
      s = s.filter(col("period").leq(lit(p.toPeriod())));
    }
    // The same window on sample_month (the local yyyy-MM of sample_date, a partition column):
    // redundant for the
    // result, but lets Iceberg plan only the window's files of samples and results instead of every
    // month.
    Column window = monthWindow(p);
    if (window != null) {
      s = s.filter(window);
      results = results.filter(window);
    }
    s = withFoodGroup(s, ref).cache();
    List<String> periods =
        new ArrayList<>(
            new TreeSet<>(
                s.select("period").distinct().collectAsList().stream()
                    .map(r -> r.getString(0))
                    .toList()));
    return new Input(samples, s, results, periods, inputSnapshotId, Rows.now());
  }

  /** Reads {@code monitoring.samples} and {@code monitoring.results} of {@code catalog} and prepares them. */
  static Input read(SparkSession spark, String catalog, RiskParameters p, RiskReference ref) {
    String results = Tables.RESULTS.qualifiedName(catalog);
    Long snapshot = LakehouseIo.currentSnapshotId(spark, results);
    return prepare(
        spark.table(Tables.SAMPLES.qualifiedName(catalog)), spark.table(results), p, ref, snapshot);
  }

  /** A builder of {@code analytics.risk_not_assessed} rows. */
  static Rows notAssessedRow() {
    return new Rows(Rows.schema(RiskTables.RISK_NOT_ASSESSED));
  }

  /** Adds {@code food_group} (null when unmapped) from the distinct (commodity, category) pairs, mapped on the driver. */
  private static Dataset<Row> withFoodGroup(Dataset<Row> s, RiskReference ref) {
    List<Row> pairs = s.select("commodity_code", "category").distinct().collectAsList();
    List<Row> mapped = new ArrayList<>();
    for (Row r : pairs) {
      mapped.add(
          org.apache.spark.sql.RowFactory.create(
              r.getString(0),
              r.getString(1),
              ref.foodGroup(r.getString(0), r.getString(1)).orElse(null)));
    }
    org.apache.spark.sql.types.StructType t =
        new org.apache.spark.sql.types.StructType()
            .add("fg_commodity", "string")
            .add("fg_category", "string")
            .add("food_group", "string");
    Dataset<Row> map = s.sparkSession().createDataFrame(mapped, t);
    return s.join(
            org.apache.spark.sql.functions.broadcast(map),
            s.col("commodity_code")
                .eqNullSafe(map.col("fg_commodity"))
                .and(s.col("category").eqNullSafe(map.col("fg_category"))),
            "left")
        .drop("fg_commodity", "fg_category");
  }

  /** Quantitative results with an analyte code, joined to their (filtered) sample. */
  static Dataset<Row> resultsOfSamples(Dataset<Row> s, Dataset<Row> results) {
    Dataset<Row> r =
        results
            .filter(col("method_type").equalTo("QUANTITATIVE").and(col("analyte_code").isNotNull()))
            .select(
                "result_id",
                "sample_id",
                "analyte_code",
                "value_mg_per_kg",
                "lod_mg_per_kg",
                "loq_mg_per_kg",
                "reported_below_lod",
                "reported_below_loq",
                "detection",
                "exceeds");
    return r.join(
        s.select(
            "sample_id", "period", "source_system", "commodity_code", "category", "food_group"),
        "sample_id");
  }

  /** Input of {@link ResidueGroupFunction}: results with the food group's sample count and the reporting mode. */
  static Dataset<Row> residueInput(Dataset<Row> s, Dataset<Row> results) {
    Dataset<Row> counts =
        s.filter(col("food_group").isNotNull())
            .groupBy("period", "source_system", "food_group")
            .agg(count(lit(1)).as("n_food_samples"));
    Column reporting =
        when(
                col("source_system").equalTo("UK_PRIF"),
                lit(NonDetectReporting.DETECTIONS_ONLY.name()))
            .when(
                col("source_system").equalTo("PLATFORM_UPLOAD"),
                lit(NonDetectReporting.ENUMERATED.name()));
    return resultsOfSamples(s, results)
        .filter(col("food_group").isNotNull())
        .withColumn("reporting", reporting)
        .filter(col("reporting").isNotNull())
        .join(counts, new String[] {"period", "source_system", "food_group"}, "left");
  }

  /** Region unit key: the adcode when present, else the country of origin (imported produce). */
  static Column regionKey() {
    return when(
            col("region_code").isNotNull(),
            org.apache.spark.sql.functions.concat(lit("CN_ADCODE:"), col("region_code")))
        .when(
            col("origin_iso2").isNotNull(),
            org.apache.spark.sql.functions.concat(lit("ISO3166_1:"), col("origin_iso2")));
  }

  /**
   * Reads {@code monitoring.samples} and {@code monitoring.results}, runs the three jobs in order (exposure,
   * ranking, scores) over that one read, and replaces the rows of the assessed periods (same period type) in each
   * output table: a re-run leaves the same rows. Panel decisions are in their own table and are never touched.
   *
   * @return the outputs written
   * @throws IllegalStateException when an output table is missing (run {@code agrisafe create} first)
   */
  public static Outputs run(
      SparkSession spark, String catalog, RiskParameters p, RiskReference ref) {
    String results = Tables.RESULTS.qualifiedName(catalog);
    Long snapshot = LakehouseIo.currentSnapshotId(spark, results);
    Outputs o =
        transform(
            spark.table(Tables.SAMPLES.qualifiedName(catalog)),
            spark.table(results),
            p,
            ref,
            snapshot);
    if (o.periods().isEmpty()) {
      return o;
    }
    Column replace = replace(p, o.periods());
    write(o.exposure(), RiskTables.RISK_EXPOSURE, catalog, replace);
    write(o.notAssessed(), RiskTables.RISK_NOT_ASSESSED, catalog, replace);
    write(o.ranking(), RiskTables.RISK_RANKING, catalog, replace);
    write(o.scores(), RiskTables.RISK_SCORES, catalog, replace);
    return o;
  }

  /** The rows of the assessed periods (same period type) of an output table. */
  private static Column replace(RiskParameters p, List<String> periods) {
    return col("period_type")
        .equalTo(p.periodType().name())
        .and(col("period").isin(periods.toArray()));
  }

  /** One of the three jobs: its rows and "not assessed" rows from the prepared input. */
  interface Compute {
    List<Row> rows(Input in, List<Row> notAssessed);
  }

  /**
   * Runs one of the three jobs: reads and prepares the input, computes, and replaces the rows of the assessed
   * periods (same period type) in {@code table} and, in {@code analytics.risk_not_assessed}, those of
   * {@code output} only (the other jobs' rows of those periods are kept, rewritten unchanged in the same commit).
   *
   * @throws IllegalStateException when an output table is missing (run {@code agrisafe create} first)
   */
  static Part runOne(
      SparkSession spark,
      String catalog,
      RiskParameters p,
      RiskReference ref,
      Output output,
      TableDef table,
      Compute compute) {
    Input in = read(spark, catalog, p, ref);
    List<Row> notAssessed = new ArrayList<>();
    List<Row> rows = compute.rows(in, notAssessed);
    in.release();
    Part part =
        new Part(
            in.periods(),
            Rows.frame(spark, rows, table),
            Rows.frame(spark, notAssessed, RiskTables.RISK_NOT_ASSESSED));
    if (in.periods().isEmpty()) {
      return part;
    }
    Column replace = replace(p, in.periods());
    String target = RiskTables.RISK_NOT_ASSESSED.qualifiedName(catalog);
    if (!spark.catalog().tableExists(target)) {
      throw new IllegalStateException(
          "Table " + target + " is missing: run `agrisafe create` first");
    }
    write(part.rows(), table, catalog, replace);
    List<Row> kept =
        spark
            .table(target)
            .filter(replace.and(col("output").notEqual(lit(output.name()))))
            .collectAsList();
    List<Row> all = new ArrayList<>(kept);
    all.addAll(notAssessed);
    write(
        Rows.frame(spark, all, RiskTables.RISK_NOT_ASSESSED),
        RiskTables.RISK_NOT_ASSESSED,
        catalog,
        replace);
    return part;
  }

  static void write(Dataset<Row> rows, TableDef def, String catalog, Column replace) {
    String target = def.qualifiedName(catalog);
    try {
      rows.writeTo(target).overwrite(replace);
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "Table " + target + " is missing: run `agrisafe create` first", e);
    }
  }
}
