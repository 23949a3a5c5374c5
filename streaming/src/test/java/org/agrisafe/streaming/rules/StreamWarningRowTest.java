package org.agrisafe.streaming.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.job.ResultProcessor;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/** The one builder of the stream rules' warning columns: every common column, by hand. */
class StreamWarningRowTest {
  private static final Instant NOW = Instant.parse("2024-07-02T00:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2024, 7, 1);

  @Test
  void commonColumns() {
    Map<String, Object> row =
        StreamWarningRow.of(StreamRules.Rule.PRODUCER_REPEAT, "PRODUCER", List.of("P1"), DAY, NOW)
            .where("PLATFORM_UPLOAD", "韭菜", "370102", "ALL")
            .observed(3)
            .recurrence(2)
            .group(List.of("P1"))
            .set("details", "d")
            .row();
    Map<String, Object> expected = new HashMap<>();
    expected.put(
        "warning_id",
        WarningTables.warningId(
            WarningTables.Producer.STREAM_RULE,
            List.of("PRODUCER_REPEAT", "P1", "DAY", "2024-07-01")));
    expected.put("producer", "STREAM_RULE");
    expected.put("warning_type", "ALERT");
    expected.put("severity", "HIGH");
    expected.put("state", "NEW");
    expected.put("measure", "PRODUCER_REPEAT");
    expected.put("series_level", "PRODUCER");
    expected.put("source_system", "PLATFORM_UPLOAD");
    expected.put("commodity_code", "韭菜");
    expected.put("region_code", "370102");
    expected.put("programme_scope", "ALL");
    expected.put("period_type", "DAY");
    expected.put("period", "2024-07-01");
    expected.put("observed", 3L);
    expected.put("method", "stream_rule:producer_repeat");
    expected.put("recurrence", 2);
    expected.put("rank_score", 3.0 / 3.0); // HIGH weight 3 / (1 + 2 earlier warnings)
    expected.put("group_id", WarningTables.groupId(List.of("PRODUCER_REPEAT", "P1")));
    expected.put("details", "d");
    expected.put("created_at", NOW);
    expected.put("updated_at", NOW);
    assertEquals(expected, row);
    IcebergRows.toRow(ResultProcessor.WARNINGS_SCHEMA, row, RowKind.INSERT);
  }

  @Test
  void firstWarningRanksBySeverityAndTheWindowRulesShareTheId() {
    Map<String, Object> row =
        StreamWarningRow.of(StreamRules.Rule.EXCEEDANCE, "RESULT", List.of("S1", "a"), DAY, NOW)
            .row();
    assertEquals(0, row.get("recurrence"));
    assertEquals(2.0, row.get("rank_score"), "MEDIUM weight 2");
    assertEquals("INFORMATION_FOR_FOLLOW_UP", row.get("warning_type"));
    assertEquals(
        WindowRules.warningId(
            StreamRules.Rule.RAPID_POSITIVE_RATE, List.of("370102", "菠菜"), DAY.toEpochDay()),
        StreamWarningRow.warningId(
            StreamRules.Rule.RAPID_POSITIVE_RATE, List.of("370102", "菠菜"), DAY));
  }
}
