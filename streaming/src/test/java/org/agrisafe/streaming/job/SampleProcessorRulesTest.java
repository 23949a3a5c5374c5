package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.ingest.ResultRowValues;
import org.agrisafe.intake.ingest.UploadRecords;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.judging.Judging.JudgedSample;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pure functions behind {@link SampleProcessor}: the sample row ({@link ResultRowValues#sampleRow} on
 * {@link Judging#judge}), its change fingerprint, and the sample-level rule {@code CONFIRMED_AFTER_RAPID}
 * ({@link StreamRules#sampleWarnings}).
 */
class SampleProcessorRulesTest {
  private static final Instant NOW = Instant.parse("2024-07-02T00:00:00Z");
  private static final String DAY = "2024-07-01T09:00:00+08:00";
  private static Judging judging;

  @BeforeAll
  static void load() {
    judging = new Judging(ReferenceData.loadBundled());
  }

  /** Judges the sample of the first payload on all payloads' results, in the given order. */
  static JudgedSample judge(String... payloads) {
    List<ParsedResult> results = new ArrayList<>();
    UploadRecords.Valid first = null;
    for (int i = 0; i < payloads.length; i++) {
      UploadRecords.Valid v = Uploads.parse(payloads[i], i + 1);
      first = first == null ? v : first;
      results.add(v.result());
    }
    return judging.judge(first.sample(), results);
  }

  @Test
  void rapidPositiveConfirmedByABannedDetectionFiresOnceWhateverTheOrder() {
    String rapid = Uploads.rapid("RA", 1, "S1", "芹菜", "62.5", DAY);
    String banned = Uploads.banned("RQ", 1, "S1", DAY);
    List<Map<String, Object>> a =
        StreamRules.sampleWarnings(
            StreamRules.Rule.CONFIRMED_AFTER_RAPID, judge(rapid, banned), NOW);
    List<Map<String, Object>> b =
        StreamRules.sampleWarnings(
            StreamRules.Rule.CONFIRMED_AFTER_RAPID, judge(banned, rapid), NOW);
    assertEquals(1, a.size());
    assertEquals(a, b, "the quantitative result may arrive before the rapid one");
    Map<String, Object> w = a.get(0);
    assertEquals("CONFIRMED_AFTER_RAPID", w.get("measure"));
    assertEquals("HIGH", w.get("severity"));
    assertEquals("STREAM_RULE", w.get("producer"));
    assertEquals("SAMPLE", w.get("series_level"));
    assertEquals("2024-07-01", w.get("period"));
    assertEquals(
        WarningTables.warningId(
            WarningTables.Producer.STREAM_RULE,
            List.of(
                "CONFIRMED_AFTER_RAPID",
                "PLATFORM_UPLOAD:S1",
                (String) w.get("analyte_code"),
                "DAY",
                "2024-07-01")),
        w.get("warning_id"));
    String details = (String) w.get("details");
    assertTrue(
        details.contains("ENZYME_INHIBITION")
            && details.contains("有机磷和氨基甲酸酯类农药")
            && details.contains("62.5 %"),
        details);
    assertTrue(
        details.contains("克百威") && details.contains("0.005 mg/kg") && details.contains("banned"),
        details);
    assertTrue(
        details.contains("PLATFORM_UPLOAD:RA") && details.contains("PLATFORM_UPLOAD:RQ"), details);
  }

  @Test
  void exceedanceConfirmsAndNamesTheValueAgainstTheMrl() {
    // procymidone 0.3 mg/kg on chives in July 2022 > MRL 0.2 mg/kg (GB 2763-2021); chives are
    // alliums: flagged
    JudgedSample js =
        judge(
            Uploads.rapid("RA", 1, "S2", "韭菜", "55", "2022-07-01T10:00:00+08:00"),
            Uploads.procymidone("RQ", 1, "S2", "0.3", "2022-07-01T10:00:00+08:00"));
    List<Map<String, Object>> w =
        StreamRules.sampleWarnings(StreamRules.Rule.CONFIRMED_AFTER_RAPID, js, NOW);
    assertEquals(1, w.size());
    String details = (String) w.get(0).get("details");
    assertTrue(details.contains("0.3 mg/kg > MRL 0.2 mg/kg"), details);
    assertTrue(details.contains("false-positive-prone"), details);
  }

  @Test
  void doesNotFireWhenTheConfirmationPassesOrTheRapidIsNegative() {
    JudgedSample notConfirmed =
        judge(
            Uploads.rapid("RA", 1, "S3", "韭菜", "70", "2022-07-01T10:00:00+08:00"),
            Uploads.procymidone("RQ", 1, "S3", "0.1", "2022-07-01T10:00:00+08:00"));
    assertEquals(
        org.agrisafe.risk.verdict.Confirmation.NOT_CONFIRMED, notConfirmed.rapidConfirmation());
    assertEquals(
        List.of(),
        StreamRules.sampleWarnings(StreamRules.Rule.CONFIRMED_AFTER_RAPID, notConfirmed, NOW));
    JudgedSample negative =
        judge(Uploads.rapid("RA", 1, "S4", "芹菜", "20", DAY), Uploads.banned("RQ", 1, "S4", DAY));
    assertEquals(
        List.of(),
        StreamRules.sampleWarnings(StreamRules.Rule.CONFIRMED_AFTER_RAPID, negative, NOW));
    JudgedSample rapidOnly = judge(Uploads.rapid("RA", 1, "S5", "芹菜", "80", DAY));
    assertEquals(
        List.of(),
        StreamRules.sampleWarnings(StreamRules.Rule.CONFIRMED_AFTER_RAPID, rapidOnly, NOW));
  }

  @Test
  void perResultRulesAndSampleRulesStayApart() {
    JudgedSample js =
        judge(Uploads.rapid("RA", 1, "S6", "芹菜", "62.5", DAY), Uploads.banned("RQ", 1, "S6", DAY));
    for (var jr : js.results()) {
      assertNull(StreamRules.warning(StreamRules.Rule.CONFIRMED_AFTER_RAPID, js, jr, NOW));
    }
    assertEquals(List.of(), StreamRules.sampleWarnings(StreamRules.Rule.BANNED_DETECTION, js, NOW));
    assertEquals(List.of(), StreamRules.sampleWarnings(StreamRules.Rule.EXCEEDANCE, js, NOW));
  }

  @Test
  void sampleRowCarriesTheBatchVerdictAndCounts() {
    JudgedSample js =
        judge(
            Uploads.procymidone("R1", 1, "S7", "0.3", "2022-07-01T00:30:00+08:00"),
            Uploads.procymidone("R2", 1, "S7", "0.1", "2022-07-01T00:30:00+08:00"),
            Uploads.rapid("R3", 1, "S7", "韭菜", "60", "2022-07-01T00:30:00+08:00"));
    Map<String, Object> row = ResultRowValues.sampleRow(js, "stream", NOW);
    assertEquals("FAIL", row.get("sample_verdict"), "0.3 > 0.2 fails the sample");
    assertEquals(3, row.get("n_results"));
    assertEquals(2, row.get("n_detected"));
    assertEquals(true, row.get("has_exceedance"));
    assertEquals("MIXED", row.get("test_kind"));
    assertEquals("POSITIVE", row.get("rapid_outcome"));
    assertEquals("CONFIRMED_FAIL", row.get("rapid_confirmation"));
    assertEquals("2022-07", row.get("sample_month"), "00:30 +08:00 on 1 July is July");
    assertEquals("RANDOM_MONITORING", row.get("programme"));
    assertEquals("370102", row.get("region_code"));
    assertEquals("PLATFORM_UPLOAD:S7", row.get("sample_id"));
    assertEquals("S7", row.get("source_sample_id"));

    JudgedSample rapidOnly = judge(Uploads.rapid("R4", 1, "S8", "芹菜", "60", DAY));
    assertEquals(
        "NOT_JUDGED",
        ResultRowValues.sampleRow(rapidOnly, "stream", NOW).get("sample_verdict"),
        "rapid-only samples are reported apart");
  }

  @Test
  void sameContentIgnoresLineageAndBookkeepingOnly() {
    JudgedSample js = judge(Uploads.procymidone("R1", 1, "S9", "0.1", DAY));
    Map<String, Object> a = ResultRowValues.sampleRow(js, "stream", NOW);
    Map<String, Object> b = new HashMap<>(a);
    b.put("ingested_at", NOW.plusSeconds(60));
    b.put("source_line", 99L);
    b.put("source_file", "a much longer source file name than before.jsonl");
    b.put("ingest_run_id", "other");
    assertTrue(SampleProcessor.sameContent(binary(a), binary(b)));
    b.put("n_results", 2);
    assertFalse(SampleProcessor.sameContent(binary(a), binary(b)));
    Map<String, Object> c = new HashMap<>(a);
    Map<String, String> attributes = new java.util.TreeMap<>();
    attributes.put("changed_by_test", "yes");
    c.put("attributes", attributes);
    assertFalse(
        SampleProcessor.sameContent(binary(a), binary(c)), "a changed attribute is a change");
  }

  private static org.apache.flink.table.data.RowData binary(Map<String, Object> values) {
    return IcebergRows.binary(
        IcebergRows.serializer(SampleProcessor.SAMPLES_SCHEMA),
        IcebergRows.toRow(
            SampleProcessor.SAMPLES_SCHEMA, values, org.apache.flink.types.RowKind.INSERT));
  }
}
