package org.agrisafe.lakehouse.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.tables.WarningTables.Producer;
import org.agrisafe.lakehouse.tables.WarningTables.Severity;
import org.junit.jupiter.api.Test;

/** The one builder of the warnings' common columns, by hand. */
class WarningRowTest {
  private static final Instant NOW = Instant.parse("2024-07-02T00:00:00Z");

  @Test
  void commonColumnsAndRankScore() {
    Map<String, Object> row =
        WarningRow.of(
                Producer.LEDGER_CHECK,
                "W-1",
                Severity.MEDIUM,
                "M",
                "LEDGER_LINE",
                "DAY",
                "2024-07-01",
                NOW)
            .recurrence(3)
            .group(List.of("a", "b"))
            .row();
    assertEquals(
        Map.ofEntries(
            Map.entry("warning_id", "W-1"),
            Map.entry("producer", "LEDGER_CHECK"),
            Map.entry("warning_type", "INFORMATION_FOR_FOLLOW_UP"),
            Map.entry("severity", "MEDIUM"),
            Map.entry("state", "NEW"),
            Map.entry("measure", "M"),
            Map.entry("series_level", "LEDGER_LINE"),
            Map.entry("period_type", "DAY"),
            Map.entry("period", "2024-07-01"),
            Map.entry("recurrence", 3),
            Map.entry("rank_score", 0.5), // MEDIUM weight 2 / (1 + 3)
            Map.entry("group_id", WarningTables.groupId(List.of("a", "b"))),
            Map.entry("created_at", NOW),
            Map.entry("updated_at", NOW)),
        row);
  }

  @Test
  void aFirstWarningRanksByItsSeverityWeight() {
    assertEquals(
        3.0,
        WarningRow.of(Producer.STREAM_RULE, "W-2", Severity.HIGH, "M", "RESULT", "DAY", "d", NOW)
            .row()
            .get("rank_score"));
  }

  @Test
  void anUnknownColumnIsRefusedByName() {
    WarningRow w =
        WarningRow.of(Producer.STREAM_RULE, "W-3", Severity.LOW, "M", "RESULT", "DAY", "d", NOW);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> w.set("detials", "x"));
    assertTrue(e.getMessage().contains("'detials'"), e.getMessage());
  }
}
