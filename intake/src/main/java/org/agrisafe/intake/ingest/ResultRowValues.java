package org.agrisafe.intake.ingest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.judging.Judging.JudgedResult;
import org.agrisafe.intake.judging.Judging.JudgedSample;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.reference.CountryNames;
import org.agrisafe.risk.verdict.AppliedLimit;
import org.agrisafe.risk.verdict.ResultJudgement;
import org.agrisafe.risk.verdict.SampleJudgement;
import org.agrisafe.risk.verdict.SampleStatus;

/**
 * Column values of one row of {@code monitoring.samples}, {@code monitoring.results} / {@code
 * monitoring.result_revisions} and {@code monitoring.rejected_records}, engine-free: column name to a plain Java value ({@link String}, {@link Integer},
 * {@link Long}, {@link Double}, {@link Boolean}, {@link java.time.LocalDate}, {@link Instant}; null = absent). The
 * Flink stream converts these maps to its row type; the mapping mirrors the Spark ingest's so that both engines
 * write identical rows. Concentrations in mg/kg, inhibition in %; {@code sample_month} is {@code yyyy-MM} of the
 * sample date cut in the sample's zone.
 */
public final class ResultRowValues {
  /** {@code yyyy-MM}. */
  public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  private ResultRowValues() {}

  /** Whether the sample carries the attribute {@code synthetic=true}. */
  public static boolean isSynthetic(ParsedSample s) {
    return Boolean.parseBoolean(s.attributes().getOrDefault("synthetic", "false"));
  }

  /**
   * The values of one {@code monitoring.samples} row: the sample's attributes, and its sample-level verdict and
   * counts as judged by {@link Judging#judge} (docs/conventions.md §10). The one mapping used by the Spark
   * ingest and the Flink stream. {@code attributes} is a Java {@code Map<String, String>} (sorted by key; the Spark
   * caller converts it); {@code origin_iso2} is set only when the country of origin maps to ISO 3166-1 alpha-2;
   * {@code region_scheme}/{@code region_code} only when the sample has a Chinese division code.
   *
   * @param js the judged sample (all its current results)
   * @param runId ingest run (or stream) ID
   * @param now ingestion instant, UTC
   */
  public static Map<String, Object> sampleRow(JudgedSample js, String runId, Instant now) {
    ParsedSample s = js.sample();
    Map<String, Object> m = new HashMap<>();
    m.put("sample_id", s.sampleId());
    m.put("source_system", s.sourceSystem().name());
    m.put("source_sample_id", s.sourceSampleId());
    m.put("source_file", s.sourceFile());
    m.put("source_line", s.sourceLine());
    m.put("programme", s.programme().name());
    m.put("sampled_at", s.sampledAt());
    m.put("sample_date", s.sampleDate());
    m.put("sample_month", s.sampleDate().format(MONTH));
    m.put("zone", s.zone().getId());
    m.put("commodity_code", js.commodityCode());
    m.put("commodity_raw", s.commodityRaw());
    m.put("category", js.category());
    m.put("organic", s.organic());
    m.put("description", s.description());
    m.put("country_of_origin_raw", s.countryOfOriginRaw());
    CountryNames.Match origin = CountryNames.bundled().lookup(s.countryOfOriginRaw());
    if (origin.status().mappable()) {
      m.put("origin_iso2", origin.iso2()); // "NA" is Namibia, never null
    }
    if (s.divisionCode() != null) {
      m.put("region_scheme", "CN_ADCODE");
      m.put("region_code", s.divisionCode());
    }
    m.put("lon", s.lon());
    m.put("lat", s.lat());
    m.put("lab_id", s.labId());
    m.put("lab_level", s.labLevel().name());
    m.put("sampling_stage", s.samplingStage().name());
    m.put("sampling_point", s.samplingPoint());
    m.put("address", s.address());
    m.put("producer_id", s.producerId());
    m.put("trace_code", s.traceCode());
    m.put("brand", s.brand());
    m.put("packer", s.packer());
    m.put("sample_verdict", js.sampleVerdict().name());
    SampleJudgement j = js.judgement();
    m.put("verdict_published_by_source", j != null && j.verdictPublishedBySource());
    m.put("n_results", js.results().size());
    m.put("n_detected", js.nDetected());
    m.put("has_detection", j != null && j.hasDetection());
    m.put("has_exceedance", j != null && j.hasExceedance());
    m.put("has_non_compliant", j != null && j.hasNonCompliant());
    m.put("has_banned_detection", j != null && j.hasBannedDetection());
    m.put("n_no_standard", j == null ? 0 : j.nNoStandardDetected());
    m.put("detected_without_standard", j != null && j.detectedWithoutStandard());
    m.put("rapid_outcome", js.rapidOutcome() == null ? null : js.rapidOutcome().name());
    m.put(
        "rapid_confirmation",
        js.rapidConfirmation() == null ? null : js.rapidConfirmation().name());
    m.put("attributes", s.attributes());
    m.put("is_synthetic", isSynthetic(s));
    m.put("ingest_run_id", runId);
    m.put("ingested_at", now);
    m.put("test_kind", js.testKind().name());
    return m;
  }

  /**
   * The values of one result row (the columns of {@code monitoring.results}; a history row adds
   * {@code is_current} and {@code superseded_by_revision}).
   *
   * @param js the judged sample the result belongs to
   * @param jr the judged result
   * @param runId ingest run (or stream) ID
   * @param now ingestion instant, UTC
   */
  public static Map<String, Object> resultRow(
      JudgedSample js, JudgedResult jr, String runId, Instant now) {
    ParsedSample s = js.sample();
    ParsedResult r = jr.result();
    Map<String, Object> m = new HashMap<>();
    m.put("result_id", r.resultId());
    m.put("revision", r.revision());
    m.put("sample_id", s.sampleId());
    m.put("source_system", s.sourceSystem().name());
    m.put("sample_month", s.sampleDate().format(MONTH));
    m.put("sample_date", s.sampleDate());
    m.put("commodity_code", js.commodityCode());
    m.put("analyte_raw", r.analyteRaw());
    m.put("analyte_code", jr.analyteCode());
    m.put("method_type", r.methodType().name());
    m.put("method", r.method() == null ? null : r.method().name());
    m.put("value_raw", r.valueRaw());
    m.put("unit_raw", r.unitRaw());
    m.put("value_mg_per_kg", r.valueMgPerKg());
    m.put("lod_mg_per_kg", r.lodMgPerKg());
    m.put("loq_mg_per_kg", r.loqMgPerKg());
    m.put("reported_below_lod", r.reportedBelowLod());
    m.put("reported_below_loq", r.reportedBelowLoq());
    m.put("inhibition_rate_pct", r.inhibitionRatePct());
    m.put("strip_positive", r.stripPositive());
    m.put("published_mrl_flags", r.publishedMrlFlags());
    m.put("published_exceeds_flag", r.publishedExceedsFlag());
    m.put("source_file", s.sourceFile());
    m.put("source_line", r.sourceLine());
    m.put("is_synthetic", isSynthetic(s));
    m.put("ingest_run_id", runId);
    m.put("ingested_at", now);
    ResultJudgement q = jr.quantitative();
    if (q != null) {
      m.put("detection", q.detection().name());
      m.put("verdict", q.verdict().name());
      m.put("exceeds", q.exceeds());
      m.put("non_compliant", q.nonCompliant());
      AppliedLimit a = q.appliedLimit();
      if (a != null) {
        m.put("mrl_mg_per_kg", a.mrlMgPerKg());
        m.put("limit_type", a.limitType().name());
        m.put("limit_source", a.standard());
        m.put("limit_rule_id", a.ruleId());
      }
      m.put("banned_detection", q.bannedDetection());
      m.put(
          "ban_rule_ids",
          q.verifiedBanRuleIds().isEmpty() ? null : String.join(";", q.verifiedBanRuleIds()));
      m.put(
          "unverified_ban_rule_ids",
          q.unverifiedBanMatches().isEmpty() ? null : String.join(";", q.unverifiedBanMatches()));
      m.put("reason", q.reason());
    } else if (jr.rapid() != null) {
      m.put("verdict", jr.rapid().outcome().name());
      m.put("exceeds", false);
      m.put("non_compliant", false);
      m.put("banned_detection", false);
      m.put("rapid_confirmation", jr.confirmation() == null ? null : jr.confirmation().name());
      m.put("false_positive_prone", jr.falsePositiveProne());
      m.put("reason", jr.rapid().reason());
    } else {
      m.put("verdict", SampleStatus.NOT_JUDGED.name());
      m.put("exceeds", false);
      m.put("non_compliant", false);
      m.put("banned_detection", false);
    }
    return m;
  }

  /** The values of one {@code monitoring.rejected_records} row. */
  public static Map<String, Object> rejectedRow(RejectedRecord r, String runId, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("ingest_run_id", runId);
    m.put("source_system", r.sourceSystem().name());
    m.put("source_file", r.sourceFile());
    m.put("source_line", r.sourceLine());
    m.put("record_key", r.recordKey());
    m.put("field", r.field());
    m.put("reason", r.reason());
    m.put("raw_text", r.rawText());
    m.put("rejected_at", now);
    return m;
  }
}
