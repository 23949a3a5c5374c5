package org.agrisafe.jobs.rates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.agrisafe.intake.model.MethodType;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateSpec.Dimension;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The pass-rate job: pass rate (合格率), detection rate (检出率) and exceedance rate (超标率), with 95 % Wilson
 * score intervals, for any period and grouping (docs/conventions.md §12).
 *
 * <ul>
 *   <li>pass rate = PASS samples / judged samples;
 *   <li>detection rate = samples with at least one detected analyte / tested samples;
 *   <li>exceedance rate = samples with at least one result above its MRL / tested samples;
 *   <li>non-compliance rate (EFSA, value − U &gt; MRL) = non-compliant samples / tested samples, an extra
 *       figure.
 * </ul>
 *
 * <p>Every rate is published with its numerator and denominator; an empty denominator gives a null rate,
 * never 100 %. Rates are proportions in [0, 1]; the intervals are column expressions on the aggregated counts
 * ({@link WilsonColumns}), the same formula as {@code risk-models}' {@code BinomialIntervals.wilson}. The job is
 * a pure {@link #transform} plus a thin {@link #run}
 * that reads and writes the lakehouse.
 */
public final class PassRateJob {
  private PassRateJob() {}

  /** The period column for a sample_date column. */
  static Column period(PeriodType type) {
    Column d = col("sample_date");
    return switch (type) {
      case MONTH -> date_format(d, "yyyy-MM");
      case QUARTER -> concat(year(d).cast("string"), lit("-Q"), quarter(d).cast("string"));
      case YEAR -> year(d).cast("string");
    };
  }

  /** Sources whose results list every analyte tested (so a per-analyte denominator exists). */
  public static final List<String> ANALYTE_RATE_SOURCES = List.of("PLATFORM_UPLOAD");

  /**
   * Per-(sample, analyte) rows shaped like samples, for the ANALYTE dimension: the "sample" is the sample tested
   * for that analyte, FAIL when a current quantitative result for it fails.
   *
   * @param samples rows of {@code monitoring.samples}
   * @param results rows of {@code monitoring.results} (current revisions)
   */
  public static Dataset<Row> samplesByAnalyte(Dataset<Row> samples, Dataset<Row> results) {
    Dataset<Row> r =
        results
            .filter(
                col("method_type")
                    .equalTo(MethodType.QUANTITATIVE.name())
                    .and(col("source_system").isin(ANALYTE_RATE_SOURCES.toArray())))
            .groupBy(col("sample_id"), col("analyte_code"))
            .agg(
                org.apache
                    .spark
                    .sql
                    .functions
                    .max(when(col("verdict").equalTo("FAIL"), 1).otherwise(0))
                    .as("f"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .max(
                        when(col("detection").isin("QUANTIFIED", "DETECTED_NOT_QUANTIFIED"), 1)
                            .otherwise(0))
                    .as("d"),
                org.apache.spark.sql.functions.max(when(col("exceeds"), 1).otherwise(0)).as("e"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .max(when(col("non_compliant"), 1).otherwise(0))
                    .as("nc"),
                sum(when(
                            col("verdict")
                                .equalTo("NO_STANDARD")
                                .and(
                                    col("detection").isin("QUANTIFIED", "DETECTED_NOT_QUANTIFIED")),
                            1)
                        .otherwise(0))
                    .as("ns"));
    return samples
        .drop(
            "sample_verdict",
            "has_detection",
            "has_exceedance",
            "has_non_compliant",
            "detected_without_standard",
            "n_no_standard")
        .join(r, "sample_id")
        .withColumn("sample_verdict", when(col("f").equalTo(1), "FAIL").otherwise("PASS"))
        .withColumn("has_detection", col("d").equalTo(1))
        .withColumn("has_exceedance", col("e").equalTo(1))
        .withColumn("has_non_compliant", col("nc").equalTo(1))
        .withColumn("n_no_standard", col("ns"))
        .withColumn("detected_without_standard", col("f").equalTo(0).and(col("ns").gt(0)));
  }

  /**
   * Computes the rates.
   *
   * @param samples rows of {@code monitoring.samples} (at least the columns used here)
   * @param spec what to compute
   * @param inputSnapshotId snapshot of the samples table read, recorded with the output (nullable)
   * @return rows in the column order of {@code analytics.pass_rates}; one row per non-empty group
   */
  public static Dataset<Row> transform(
      Dataset<Row> samples, PassRateSpec spec, Long inputSnapshotId) {
    Dataset<Row> in =
        samples
            .filter(col("programme").isin(spec.programmes().stream().map(Enum::name).toArray()))
            // rapid-test-only samples are reported apart (docs/conventions.md §9.5)
            .filter(org.agrisafe.jobs.spark.SampleFilters.notRapidOnly())
            .withColumn("period", period(spec.periodType()));
    if (spec.fromPeriod() != null) {
      in = in.filter(col("period").geq(lit(spec.fromPeriod())));
    }
    if (spec.toPeriod() != null) {
      in = in.filter(col("period").leq(lit(spec.toPeriod())));
    }
    List<Column> keys = new ArrayList<>();
    keys.add(col("period"));
    for (Dimension d : spec.dimensions()) {
      keys.add(col(d.column()));
    }
    Column judged = col("sample_verdict").isin("PASS", "FAIL");
    Dataset<Row> agg =
        in.groupBy(keys.toArray(new Column[0]))
            .agg(
                count(lit(1)).as("tested"),
                sum(when(judged, 1L).otherwise(0L)).as("judged"),
                sum(when(col("sample_verdict").equalTo("PASS"), 1L).otherwise(0L)).as("passed"),
                sum(when(col("has_detection"), 1L).otherwise(0L)).as("detected"),
                sum(when(col("has_exceedance"), 1L).otherwise(0L)).as("exceeding"),
                sum(when(col("has_non_compliant"), 1L).otherwise(0L)).as("non_compliant"),
                sum(when(col("detected_without_standard"), 1L).otherwise(0L))
                    .as("detected_without_standard"),
                sum(col("n_no_standard").cast("long")).as("no_standard_results"));
    List<Column> out = new ArrayList<>();
    out.add(lit(spec.periodType().name()).as("period_type"));
    out.add(col("period"));
    out.add(lit(spec.dimensionSet()).as("dimension_set"));
    out.add(lit(spec.programmeScope()).as("programme_scope"));
    for (String c :
        List.of(
            "source_system",
            "commodity_code",
            "category",
            "analyte_code",
            "region_code",
            "origin_iso2",
            "sampling_point",
            "lab_level",
            "sampling_stage")) {
      boolean grouped = spec.dimensions().stream().anyMatch(d -> d.column().equals(c));
      out.add(grouped ? col(c) : lit(null).cast("string").as(c));
    }
    for (String c :
        List.of(
            "tested",
            "judged",
            "passed",
            "detected",
            "exceeding",
            "non_compliant",
            "detected_without_standard",
            "no_standard_results")) {
      out.add(col(c));
    }
    out.addAll(rate("pass_rate", "passed", "judged"));
    out.addAll(rate("detection_rate", "detected", "tested"));
    out.addAll(rate("exceedance_rate", "exceeding", "tested"));
    out.addAll(rate("non_compliant_rate", "non_compliant", "tested"));
    out.add(lit(inputSnapshotId).cast("long").as("input_snapshot_id"));
    out.add(current_timestamp().as("computed_at"));
    return agg.select(out.toArray(new Column[0]));
  }

  private static List<Column> rate(String name, String num, String den) {
    Column n = col(num);
    Column d = col(den);
    return List.of(
        when(d.gt(0), n.cast("double").divide(d)).otherwise(lit(null).cast("double")).as(name),
        WilsonColumns.lower(n, d).as(name + "_low"),
        WilsonColumns.upper(n, d).as(name + "_high"));
  }

  /**
   * Reads {@code monitoring.samples}, computes, and replaces the matching rows of {@code analytics.pass_rates}
   * (same period type, dimension set, programme scope and periods): a re-run leaves the same rows.
   *
   * @return the rows written
   */
  public static Dataset<Row> run(SparkSession spark, String catalog, PassRateSpec spec) {
    String samplesTable = Tables.SAMPLES.qualifiedName(catalog);
    Long snapshot = LakehouseIo.currentSnapshotId(spark, samplesTable);
    Dataset<Row> input = spark.table(samplesTable);
    if (spec.dimensions().contains(Dimension.ANALYTE)) {
      input = samplesByAnalyte(input, spark.table(Tables.RESULTS.qualifiedName(catalog)));
    }
    Dataset<Row> result = transform(input, spec, snapshot).cache();
    List<String> periods =
        result.select("period").distinct().collectAsList().stream()
            .map(r -> r.getString(0))
            .toList();
    String target = Tables.PASS_RATES.qualifiedName(catalog);
    Column replace =
        col("period_type")
            .equalTo(spec.periodType().name())
            .and(col("dimension_set").equalTo(spec.dimensionSet()))
            .and(col("programme_scope").equalTo(spec.programmeScope()));
    if (spec.fromPeriod() != null) {
      replace = replace.and(col("period").geq(lit(spec.fromPeriod())));
    }
    if (spec.toPeriod() != null) {
      replace = replace.and(col("period").leq(lit(spec.toPeriod())));
    }
    try {
      result.writeTo(target).overwrite(replace);
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "Table " + target + " is missing: run `agrisafe create` first", e);
    }
    return result;
  }
}
