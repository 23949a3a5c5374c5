package org.agrisafe.streaming;

import static org.agrisafe.streaming.RuleUploads.SHANGHAI;
import static org.agrisafe.streaming.RuleUploads.ms;
import static org.agrisafe.streaming.RuleUploads.rapidFact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/** Operator-harness tests of {@link RapidPositiveRateRule}: sliding windows cut in Asia/Shanghai, state and timers. */
class RapidPositiveRateRuleHarnessTest {
  private static final int PERIOD = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "period");
  private static final int OBSERVED = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "observed");
  private static final int DENOMINATOR = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "denominator");
  private static final int EXPECTED = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "expected");
  private static final int REGION = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "region_code");
  private static final int DETAILS = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "details");

  private int seq;

  private void test(KeyedOneInputStreamOperatorTestHarness<String, RuleFact, RowData> h, String division,
      boolean positive, String at) throws Exception {
    RuleFact f = rapidFact("T" + (seq++), division, "菠菜", positive, at);
    h.processElement(f, ms(at));
  }

  /** 28 baseline days 2024-05-28..06-24 with 5 tests a day, 3 positives in all, for {@code division}. */
  private void baseline(KeyedOneInputStreamOperatorTestHarness<String, RuleFact, RowData> h, String division)
      throws Exception {
    for (int d = 0; d < 28; d++) {
      LocalDate day = LocalDate.of(2024, 5, 28).plusDays(d);
      for (int i = 0; i < 5; i++) {
        test(h, division, i == 0 && d % 10 == 3, day + "T1" + i + ":00:00+08:00");
      }
    }
  }

  @Test
  void burstFiresForTheLocalDayIncludingTheLastHourAndExcludingTheNextDay() throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new RapidPositiveRateRule(SHANGHAI, WindowRuleParams.defaults())),
        new WindowRules.DistrictCommodityKey(), Types.STRING);
    h.open();
    baseline(h, "370102");
    baseline(h, "370103");
    for (int d = 0; d < 6; d++) {   // 25..30 June: 3 negatives a day for both districts
      for (int i = 0; i < 3; i++) {
        test(h, "370102", false, LocalDate.of(2024, 6, 25).plusDays(d) + "T1" + i + ":00:00+08:00");
        test(h, "370103", false, LocalDate.of(2024, 6, 25).plusDays(d) + "T1" + i + ":00:00+08:00");
      }
    }
    // 1 July in 370102: 10 tests, 8 positive, the last positive at 23:30 +08:00 (15:30 UTC)
    for (int i = 0; i < 9; i++) {
      test(h, "370102", i < 7, "2024-07-01T1" + i + ":00:00+08:00");
      test(h, "370103", i == 0, "2024-07-01T1" + i + ":00:00+08:00");
    }
    test(h, "370102", true, "2024-07-01T23:30:00+08:00");
    // 00:30 +08:00 on 2 July is 16:30 UTC on 1 July: it belongs to 2 July, not to the window ending 1 July
    test(h, "370102", true, "2024-07-02T00:30:00+08:00");
    // a positive retracted by a correction does not count
    RuleFact corrected = rapidFact("C1", "370102", "菠菜", true, "2024-07-01T12:30:00+08:00");
    h.processElement(corrected, ms("2024-07-01T12:30:00+08:00"));
    h.processElement(corrected.withAdd(false), ms("2024-07-01T12:30:00+08:00"));

    h.processWatermark(ms("2024-07-01T15:59:59.998Z"));
    assertEquals(0, h.extractOutputValues().size(), "windows ending 30 June or earlier hold no burst");
    h.processWatermark(ms("2024-07-01T15:59:59.999Z"));
    List<RowData> out = h.extractOutputValues();
    assertEquals(1, out.size(), "370102 fires; 370103 (1 positive of 27 against 3 of 140) does not");
    RowData w = out.get(0);
    assertEquals("370102", w.getString(REGION).toString());
    assertEquals("2024-07-01", w.getString(PERIOD).toString());
    assertEquals(8L, w.getLong(OBSERVED), "7 + the 23:30 one; not the 2 July 00:30 one, not the retracted one");
    assertEquals(28L, w.getLong(DENOMINATOR), "18 + 10");
    assertEquals(28 * 3.5 / 141, w.getDouble(EXPECTED), 1e-12);
    String details = w.getString(DETAILS).toString();
    assertTrue(details.contains("8 positives of 28 rapid tests") && details.contains("baseline 3 positives of 140"),
        details);

    // the burst stays in the sliding window while it holds >= 20 tests: 2..4 July (n = 26, 23, 20); 5 July n = 17
    h.processWatermark(ms("2024-07-08T00:00:00+08:00"));
    assertEquals(List.of("2024-07-01", "2024-07-02", "2024-07-03", "2024-07-04"),
        h.extractOutputValues().stream().map(r -> r.getString(PERIOD).toString()).toList());

    // state and timers back to zero once 2 July has left the last baseline (2 July + 34 days = 5 August)
    h.processWatermark(ms("2024-08-05T15:59:59.998Z"));
    assertTrue(h.numKeyedStateEntries() > 0);
    h.processWatermark(ms("2024-08-05T15:59:59.999Z"));
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }
}
