package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.judging.Judging.JudgedSample;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.streaming.rules.StreamRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rows of {@code analytics.warnings} the per-result and sample rules build ({@link StreamRules#warning},
 * {@link StreamRules#sampleWarnings}), every column with its Java type, on fixed records: recorded from the
 * rules' output before the common columns moved to one builder, so that the move changes no row. (The window
 * rules' rows go through the same {@code StreamWarningRow}, checked column by column in StreamWarningRowTest.)
 */
class StreamRuleRowsTest {
  private static final Instant NOW = Instant.parse("2024-07-02T01:02:03Z");
  private static final String AT = "2024-07-01T09:00:00+08:00";
  private static Judging judging;

  @BeforeAll
  static void load() {
    judging = new Judging(ReferenceData.loadBundled());
  }

  static JudgedSample judge(String... payloads) {
    List<ParsedResult> results = new ArrayList<>();
    org.agrisafe.intake.ingest.UploadRecords.Valid first = null;
    for (int i = 0; i < payloads.length; i++) {
      var v = Uploads.parse(payloads[i], i + 1);
      first = first == null ? v : first;
      results.add(v.result());
    }
    return judging.judge(first.sample(), results);
  }

  static String canonical(Map<String, ?> m) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(m)
        .forEach(
            (k, v) ->
                sb.append(k)
                    .append('=')
                    .append(v)
                    .append(v == null ? "" : " (" + v.getClass().getSimpleName() + ")")
                    .append('\n'));
    return sb.toString();
  }

  @Test
  void exceedanceRow() {
    JudgedSample js = judge(Uploads.procymidone("RX", 2, "S9", "7.5", AT));
    Map<String, Object> w =
        StreamRules.warning(StreamRules.Rule.EXCEEDANCE, js, js.results().get(0), NOW);
    org.junit.jupiter.api.Assertions.assertNotNull(
        w, String.valueOf(js.results().get(0).quantitative()));
    assertEquals(
        """
        analyte_code=procymidone (String)
        category=vegetables (String)
        commodity_code=chinese_chives (String)
        created_at=2024-07-02T01:02:03Z (Instant)
        details=EXCEEDANCE: 腐霉利 in 韭菜, sample PLATFORM_UPLOAD:S9, result PLATFORM_UPLOAD:RX rev 2, 7.5 mg/kg (7.5 mg/kg > MRL 5 mg/kg (GB 2763.1-2022 (http://www.zstrip.cn/news2210.html), Chinese chives)) (String)
        group_id=G-094f059c60004ff8 (String)
        measure=EXCEEDANCE (String)
        method=stream_rule:exceedance (String)
        observed=1 (Long)
        period=2024-07-01 (String)
        period_type=DAY (String)
        producer=STREAM_RULE (String)
        programme_scope=RANDOM_MONITORING (String)
        rank_score=2.0 (Double)
        recurrence=0 (Integer)
        region_code=370102 (String)
        series_level=RESULT (String)
        severity=MEDIUM (String)
        source_system=PLATFORM_UPLOAD (String)
        state=NEW (String)
        updated_at=2024-07-02T01:02:03Z (Instant)
        warning_id=W-0b2b70dfa013d4f548e8b68d0d218cf2 (String)
        warning_type=INFORMATION_FOR_FOLLOW_UP (String)
        """,
        canonical(w));
  }

  @Test
  void bannedDetectionRow() {
    JudgedSample js = judge(Uploads.banned("RB", 1, "S8", AT));
    Map<String, Object> w =
        StreamRules.warning(StreamRules.Rule.BANNED_DETECTION, js, js.results().get(0), NOW);
    assertEquals(
        """
        analyte_code=carbofuran (String)
        category=vegetables (String)
        commodity_code=celery (String)
        created_at=2024-07-02T01:02:03Z (Instant)
        details=BANNED_DETECTION: 克百威 in 芹菜, sample PLATFORM_UPLOAD:S8, result PLATFORM_UPLOAD:RB rev 1, 0.005 mg/kg (0.005 mg/kg detected; no limit for carbofuran on Celery on 2024-07-01 (NO_STANDARD); BANNED substance detected (illegal-use signal): rule CNBAN:59:carbofuran (农业部公告第199号 (http://zc.sannzx.org.cn/show-277079.html))) (String)
        group_id=G-c4cd71395d1645df (String)
        measure=BANNED_DETECTION (String)
        method=stream_rule:banned_detection (String)
        observed=1 (Long)
        period=2024-07-01 (String)
        period_type=DAY (String)
        producer=STREAM_RULE (String)
        programme_scope=RANDOM_MONITORING (String)
        rank_score=3.0 (Double)
        recurrence=0 (Integer)
        region_code=370102 (String)
        series_level=RESULT (String)
        severity=HIGH (String)
        source_system=PLATFORM_UPLOAD (String)
        state=NEW (String)
        updated_at=2024-07-02T01:02:03Z (Instant)
        warning_id=W-7a887cd7afb3b966811a2f1f4c8f18ce (String)
        warning_type=ALERT (String)
        """,
        canonical(w));
  }

  @Test
  void confirmedAfterRapidRow() {
    JudgedSample js =
        judge(Uploads.rapid("RA", 1, "S1", "芹菜", "62.5", AT), Uploads.banned("RQ", 1, "S1", AT));
    List<Map<String, Object>> w =
        StreamRules.sampleWarnings(StreamRules.Rule.CONFIRMED_AFTER_RAPID, js, NOW);
    assertEquals(1, w.size());
    assertEquals(
        """
        analyte_code=carbofuran (String)
        category=vegetables (String)
        commodity_code=celery (String)
        created_at=2024-07-02T01:02:03Z (Instant)
        details=CONFIRMED_AFTER_RAPID: sample PLATFORM_UPLOAD:S1 (芹菜): rapid ENZYME_INHIBITION 有机磷和氨基甲酸酯类农药 POSITIVE (inhibition 62.5 %), result PLATFORM_UPLOAD:RA; confirmed by LC-MS/MS 克百威 0.005 mg/kg vs no applicable MRL, banned substance detected, result PLATFORM_UPLOAD:RQ rev 1 (String)
        group_id=G-6fb0aa7b1f4ab970 (String)
        measure=CONFIRMED_AFTER_RAPID (String)
        method=stream_rule:confirmed_after_rapid (String)
        observed=1 (Long)
        period=2024-07-01 (String)
        period_type=DAY (String)
        producer=STREAM_RULE (String)
        programme_scope=RANDOM_MONITORING (String)
        rank_score=3.0 (Double)
        recurrence=0 (Integer)
        region_code=370102 (String)
        series_level=SAMPLE (String)
        severity=HIGH (String)
        source_system=PLATFORM_UPLOAD (String)
        state=NEW (String)
        updated_at=2024-07-02T01:02:03Z (Instant)
        warning_id=W-4ffcabaa4122b35b1b31d038f69d0049 (String)
        warning_type=ALERT (String)
        """,
        canonical(w.get(0)));
  }
}
