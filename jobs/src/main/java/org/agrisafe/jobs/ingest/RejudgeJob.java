package org.agrisafe.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.agrisafe.intake.ingest.ResultRowValues;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.judging.Judging.JudgedResult;
import org.agrisafe.intake.judging.Judging.JudgedSample;
import org.agrisafe.intake.model.LabLevel;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.Programme;
import org.agrisafe.intake.model.SampleVerdict;
import org.agrisafe.intake.model.SamplingStage;
import org.agrisafe.intake.model.SourceSystem;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.jobs.spark.Rows;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Re-judges the stored lab-upload samples and results ({@code PLATFORM_UPLOAD}, batch and stream) against a
 * reference version, rewriting only the rows whose verdict columns change (docs/conventions.md §3.7).
 *
 * <p>Each stored sample is rebuilt from its {@code monitoring.samples} row and judged ({@link Judging#judge}) on
 * all its current results ({@code monitoring.results}, rebuilt as {@link UploadMerge} does for a later upload),
 * in result ID order, as the stream does. A row whose verdict columns ({@link #RESULT_VERDICT_COLUMNS}, {@link
 * #SAMPLE_VERDICT_COLUMNS}) differ from the stored ones is updated, with {@code reference_version} set to the
 * version judged with; the current revision's row of {@code monitoring.result_revisions} is updated with its
 * result. Rows whose verdict is unchanged keep their row and version, so a second run changes nothing.
 *
 * <p>Published snapshot sources (UK PRiF, the SAMR notices) are not re-judged here: their stored rows do not hold
 * every input of the verdict (the source's published MRLs). Ingesting the published file again re-judges them
 * with the current reference version (a snapshot source's ingest replaces its rows).
 */
public final class RejudgeJob {
  private RejudgeJob() {}

  /** Result columns a verdict sets ({@link ResultRowValues#resultRow}). */
  public static final List<String> RESULT_VERDICT_COLUMNS =
      List.of(
          "commodity_code",
          "analyte_code",
          "detection",
          "verdict",
          "exceeds",
          "non_compliant",
          "mrl_mg_per_kg",
          "limit_type",
          "limit_source",
          "limit_rule_id",
          "banned_detection",
          "ban_rule_ids",
          "unverified_ban_rule_ids",
          "rapid_confirmation",
          "false_positive_prone",
          "reason");

  /** Sample columns a verdict sets ({@link ResultRowValues#sampleRow}). */
  public static final List<String> SAMPLE_VERDICT_COLUMNS =
      List.of(
          "commodity_code",
          "category",
          "sample_verdict",
          "verdict_published_by_source",
          "n_results",
          "n_detected",
          "has_detection",
          "has_exceedance",
          "has_non_compliant",
          "has_banned_detection",
          "n_no_standard",
          "detected_without_standard",
          "rapid_outcome",
          "rapid_confirmation",
          "test_kind");

  /** What a re-judge did. */
  public record Summary(
      String referenceVersion,
      long samplesRejudged,
      long resultsRejudged,
      long verdictsChanged,
      long samplesChanged) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "re-judged with %s%n  results re-judged %,d, verdicts changed %,d; samples re-judged %,d, samples"
              + " changed %,d",
          referenceVersion,
          resultsRejudged,
          verdictsChanged,
          samplesRejudged,
          samplesChanged);
    }
  }

  /**
   * Re-judges the stored lab-upload rows sampled on or after {@code from} (all when null).
   *
   * @param catalog the Spark catalog name of the lakehouse
   * @param reference the reference data and its version to judge with ({@link IcebergReference#load})
   * @param from first sampling date (local date of the sample's zone, inclusive), or null for all
   * @throws IllegalStateException if a stored row cannot be rebuilt (names the row and the reason; nothing is
   *     written then)
   */
  public static Summary run(
      SparkSession spark, String catalog, IcebergReference.Loaded reference, LocalDate from) {
    Column where = col("source_system").equalTo(lit(SourceSystem.PLATFORM_UPLOAD.name()));
    if (from != null) {
      where = where.and(col("sample_date").geq(lit(java.sql.Date.valueOf(from))));
    }
    List<Row> samples =
        spark.table(Tables.SAMPLES.qualifiedName(catalog)).filter(where).collectAsList();
    Map<String, List<Row>> resultsBySample = new HashMap<>();
    for (Row r : spark.table(Tables.RESULTS.qualifiedName(catalog)).filter(where).collectAsList()) {
      resultsBySample.computeIfAbsent(r.getAs("sample_id"), k -> new ArrayList<>()).add(r);
    }
    Judging judging = new Judging(reference.data());
    List<Map<String, Object>> sampleUpdates = new ArrayList<>();
    List<Map<String, Object>> resultUpdates = new ArrayList<>();
    long nResults = 0;
    for (Row s : samples) {
      String sampleId = s.getAs("sample_id");
      List<Row> stored = new ArrayList<>(resultsBySample.getOrDefault(sampleId, List.of()));
      stored.sort(Comparator.comparing(r -> r.<String>getAs("result_id")));
      List<ParsedResult> parsed = new ArrayList<>();
      Map<String, Row> storedById = new HashMap<>();
      for (Row r : stored) {
        try {
          parsed.add(UploadMerge.parsedResult(r));
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "Cannot re-judge result "
                  + r.getAs("result_id")
                  + " of sample "
                  + sampleId
                  + ": "
                  + e.getMessage(),
              e);
        }
        storedById.put(r.getAs("result_id"), r);
      }
      JudgedSample js;
      try {
        js = judging.judge(parsedSample(s), parsed);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "Cannot re-judge sample " + sampleId + ": " + e.getMessage(), e);
      }
      nResults += js.results().size();
      Map<String, Object> sv = ResultRowValues.sampleRow(js, null, Instant.EPOCH);
      if (differs(s, sv, SAMPLE_VERDICT_COLUMNS)) {
        Map<String, Object> u = pick(sv, SAMPLE_VERDICT_COLUMNS);
        u.put("sample_id", sampleId);
        u.put(IngestJob.REFERENCE_VERSION, reference.version());
        sampleUpdates.add(u);
      }
      for (JudgedResult jr : js.results()) {
        Map<String, Object> rv = ResultRowValues.resultRow(js, jr, null, Instant.EPOCH);
        Row old = storedById.get(jr.result().resultId());
        if (differs(old, rv, RESULT_VERDICT_COLUMNS)) {
          Map<String, Object> u = pick(rv, RESULT_VERDICT_COLUMNS);
          u.put("result_id", jr.result().resultId());
          u.put("revision", jr.result().revision());
          u.put(IngestJob.REFERENCE_VERSION, reference.version());
          resultUpdates.add(u);
        }
      }
    }
    if (!resultUpdates.isEmpty()) {
      List<String> keys = List.of("result_id", "revision");
      update(
          spark,
          Tables.RESULTS,
          catalog,
          resultUpdates,
          keys,
          RESULT_VERDICT_COLUMNS,
          "t.result_id = u.result_id AND t.revision = u.revision");
      update(
          spark,
          Tables.RESULT_REVISIONS,
          catalog,
          resultUpdates,
          keys,
          RESULT_VERDICT_COLUMNS,
          "t.result_id = u.result_id AND t.revision = u.revision");
    }
    if (!sampleUpdates.isEmpty()) {
      update(
          spark,
          Tables.SAMPLES,
          catalog,
          sampleUpdates,
          List.of("sample_id"),
          SAMPLE_VERDICT_COLUMNS,
          "t.sample_id = u.sample_id");
    }
    return new Summary(
        reference.version(), samples.size(), nResults, resultUpdates.size(), sampleUpdates.size());
  }

  private static void update(
      SparkSession spark,
      TableDef def,
      String catalog,
      List<Map<String, Object>> rows,
      List<String> keys,
      List<String> columns,
      String on) {
    List<String> all = new ArrayList<>(keys);
    all.addAll(columns);
    all.add(IngestJob.REFERENCE_VERSION);
    StructType type = SparkSchemaUtil.convert(def.schema().select(all));
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> m : rows) {
      out.add(Rows.of(type, m));
    }
    String view = "rejudge_" + def.name();
    spark.createDataFrame(out, type).createOrReplaceTempView(view);
    StringBuilder set = new StringBuilder();
    for (String c : columns) {
      set.append(c).append(" = u.").append(c).append(", ");
    }
    set.append(IngestJob.REFERENCE_VERSION).append(" = u.").append(IngestJob.REFERENCE_VERSION);
    spark.sql(
        "MERGE INTO "
            + def.qualifiedName(catalog)
            + " t USING "
            + view
            + " u ON "
            + on
            + " WHEN MATCHED THEN UPDATE SET "
            + set);
  }

  private static Map<String, Object> pick(Map<String, Object> values, List<String> columns) {
    Map<String, Object> m = new HashMap<>();
    for (String c : columns) {
      m.put(c, values.get(c));
    }
    return m;
  }

  /** Whether a stored row's value differs from the newly judged one in any of {@code columns}. */
  private static boolean differs(Row stored, Map<String, Object> judged, List<String> columns) {
    if (stored == null) {
      return true;
    }
    for (String c : columns) {
      if (!Objects.equals(stored.getAs(c), judged.get(c))) {
        return true;
      }
    }
    return false;
  }

  /** The parsed sample a stored {@code monitoring.samples} row was judged from. */
  static ParsedSample parsedSample(Row s) {
    String sampleId = s.getAs("sample_id");
    SourceSystem source = SourceSystem.valueOf(s.getAs("source_system"));
    ParsedSample.Builder b = ParsedSample.builder(source, s.getAs("source_sample_id"));
    Long line = s.getAs("source_line");
    b.source(s.getAs("source_file"), line == null ? 0 : line);
    b.programme(Programme.valueOf(s.getAs("programme")));
    String zone = s.getAs("zone");
    Object at = s.getAs("sampled_at");
    if (zone == null || at == null) {
      throw new IllegalStateException(
          "Cannot re-judge sample " + sampleId + ": sampled_at or zone is missing");
    }
    b.sampledAt(at instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) at, ZoneId.of(zone));
    b.commodity(s.getAs("commodity_raw"), s.getAs("commodity_code"));
    b.organic(Boolean.TRUE.equals(s.getAs("organic")));
    b.description(s.getAs("description"));
    b.countryOfOriginRaw(s.getAs("country_of_origin_raw"));
    String level = s.getAs("lab_level");
    b.lab(s.getAs("lab_id"), level == null ? LabLevel.UNKNOWN : LabLevel.valueOf(level));
    String stage = s.getAs("sampling_stage");
    b.samplingStage(stage == null ? SamplingStage.UNKNOWN : SamplingStage.valueOf(stage));
    b.samplingPoint(s.getAs("sampling_point"));
    b.address(s.getAs("address"));
    if ("CN_ADCODE".equals(s.getAs("region_scheme"))) {
      b.divisionCode(s.getAs("region_code"));
    }
    b.lonLat(s.getAs("lon"), s.getAs("lat"));
    b.producerId(s.getAs("producer_id"));
    b.traceCode(s.getAs("trace_code"));
    b.brand(s.getAs("brand"));
    b.packer(s.getAs("packer"));
    if (Boolean.TRUE.equals(s.getAs("verdict_published_by_source"))) {
      b.publishedSampleVerdict(SampleVerdict.valueOf(s.getAs("sample_verdict")));
    }
    scala.collection.Map<String, String> attributes = s.getAs("attributes");
    if (attributes != null) {
      scala.jdk.javaapi.CollectionConverters.asJava(attributes).forEach(b::attribute);
    }
    return b.build();
  }
}
