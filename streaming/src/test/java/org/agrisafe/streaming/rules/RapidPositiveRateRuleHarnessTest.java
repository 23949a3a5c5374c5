package org.agrisafe.streaming.rules;

import static org.agrisafe.streaming.rules.RuleUploads.SHANGHAI;
import static org.agrisafe.streaming.rules.RuleUploads.ms;
import static org.agrisafe.streaming.rules.RuleUploads.rapidFact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.agrisafe.streaming.job.ResultProcessor;
import org.agrisafe.streaming.job.RuleFact;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/** Operator-harness tests of {@link RapidPositiveRateRule}: sliding windows cut in Asia/Shanghai, state and timers. */
class RapidPositiveRateRuleHarnessTest {
  private static final int PERIOD = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "period");
  private static final int OBSERVED =
      IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "observed");
  private static final int DENOMINATOR =
      IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "denominator");
  private static final int EXPECTED =
      IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "expected");
  private static final int REGION =
      IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "region_code");
  private static final int DETAILS = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "details");

  private int seq;

  private void test(
      KeyedOneInputStreamOperatorTestHarness<String, RuleFact, RowData> h,
      String division,
      boolean positive,
      String at)
      throws Exception {
    RuleFact f = rapidFact("T" + (seq++), division, "菠菜", positive, at);
    h.processElement(f, ms(at));
  }

  /** 28 baseline days 2024-05-28..06-24 with 5 tests a day, 3 positives in all, for {@code division}. */
  private void baseline(
      KeyedOneInputStreamOperatorTestHarness<String, RuleFact, RowData> h, String division)
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
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new RapidPositiveRateRule(SHANGHAI, WindowRuleParams.defaults())),
            new WindowRules.DistrictCommodityKey(),
            Types.STRING);
    h.open();
    baseline(h, "370102");
    baseline(h, "370103");
    for (int d = 0; d < 6; d++) { // 25..30 June: 3 negatives a day for both districts
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
    // 00:30 +08:00 on 2 July is 16:30 UTC on 1 July: it belongs to 2 July, not to the window ending
    // 1 July
    test(h, "370102", true, "2024-07-02T00:30:00+08:00");
    // a positive retracted by a correction does not count
    RuleFact corrected = rapidFact("C1", "370102", "菠菜", true, "2024-07-01T12:30:00+08:00");
    h.processElement(corrected, ms("2024-07-01T12:30:00+08:00"));
    h.processElement(corrected.withAdd(false), ms("2024-07-01T12:30:00+08:00"));

    h.processWatermark(ms("2024-07-01T15:59:59.998Z"));
    assertEquals(
        0, h.extractOutputValues().size(), "windows ending 30 June or earlier hold no burst");
    h.processWatermark(ms("2024-07-01T15:59:59.999Z"));
    List<RowData> out = h.extractOutputValues();
    assertEquals(
        1, out.size(), "370102 fires; 370103 (1 positive of 27 against 3 of 140) does not");
    RowData w = out.get(0);
    assertEquals("370102", w.getString(REGION).toString());
    assertEquals("2024-07-01", w.getString(PERIOD).toString());
    assertEquals(
        8L,
        w.getLong(OBSERVED),
        "7 + the 23:30 one; not the 2 July 00:30 one, not the retracted one");
    assertEquals(28L, w.getLong(DENOMINATOR), "18 + 10");
    assertEquals(28 * 3.5 / 141, w.getDouble(EXPECTED), 1e-12);
    String details = w.getString(DETAILS).toString();
    assertTrue(
        details.contains("8 positives of 28 rapid tests")
            && details.contains("baseline 3 positives of 140"),
        details);

    // the burst stays in the sliding window while it holds >= 20 tests: 2..4 July (n = 26, 23, 20);
    // 5 July n = 17
    h.processWatermark(ms("2024-07-08T00:00:00+08:00"));
    assertEquals(
        List.of("2024-07-01", "2024-07-02", "2024-07-03", "2024-07-04"),
        h.extractOutputValues().stream().map(r -> r.getString(PERIOD).toString()).toList());

    // state and timers back to zero once 2 July has left the last baseline (2 July + 34 days = 5
    // August)
    h.processWatermark(ms("2024-08-05T15:59:59.998Z"));
    assertTrue(h.numKeyedStateEntries() > 0);
    h.processWatermark(ms("2024-08-05T15:59:59.999Z"));
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }

  /**
   * Against a brute-force evaluation: random tests over 60 days in 3 districts (a burst in one), each day's facts
   * in random order with the watermark at the end of each day, some days with sparse tests (gaps in the runs of
   * window ends). Every window end whose window holds tests is evaluated once, so the warnings are exactly the
   * alarming (district, day) pairs of {@link RapidPositiveRateRule#evaluate} on the full data.
   */
  @Test
  void warningsEqualABruteForceEvaluationOfEveryWindow() throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new RapidPositiveRateRule(SHANGHAI, WindowRuleParams.defaults())),
            new WindowRules.DistrictCommodityKey(),
            Types.STRING);
    h.open();
    Random r = new Random(42);
    String[] districts = {"370102", "370103", "370104"};
    LocalDate start = LocalDate.of(2024, 5, 1);
    int days = 60;
    long[][] tests = new long[districts.length][days];
    long[][] positives = new long[districts.length][days];
    for (int d = 0; d < days; d++) {
      List<RuleFact> facts = new ArrayList<>();
      for (int k = 0; k < districts.length; k++) {
        int n = (d % 9 == 4 && k == 2) ? 0 : (d % 5 == 0 ? 1 + r.nextInt(2) : 3 + r.nextInt(6));
        double rate = (k == 0 && d >= 40 && d < 44) || (k == 1 && d >= 12 && d < 15) ? 0.6 : 0.04;
        for (int i = 0; i < n; i++) {
          boolean pos = r.nextDouble() < rate;
          tests[k][d]++;
          positives[k][d] += pos ? 1 : 0;
          facts.add(
              rapidFact(
                  "X" + (seq++),
                  districts[k],
                  "菠菜",
                  pos,
                  start.plusDays(d)
                      + String.format("T%02d:%02d:00+08:00", r.nextInt(24), r.nextInt(60))));
        }
      }
      Collections.shuffle(facts, r);
      for (RuleFact f : facts) {
        h.processElement(f, WindowRules.endOfDayMs(f.sampleDay, SHANGHAI) - 1);
      }
      h.processWatermark(WindowRules.endOfDayMs(start.toEpochDay() + d, SHANGHAI));
    }
    h.processWatermark(WindowRules.endOfDayMs(start.toEpochDay() + days + 40, SHANGHAI));
    TreeSet<String> got = new TreeSet<>();
    for (RowData w : h.extractOutputValues()) {
      assertTrue(
          got.add(w.getString(REGION) + " " + w.getString(PERIOD)), "one warning per window end");
    }
    WindowRuleParams p = WindowRuleParams.defaults();
    int win = p.rapidWindowDays();
    int base = p.rapidBaselineDays();
    TreeSet<String> expected = new TreeSet<>();
    for (int k = 0; k < districts.length; k++) {
      for (int e = 0; e < days + win; e++) {
        long n = 0, x = 0, n0 = 0, x0 = 0;
        for (int d = Math.max(0, e - win - base + 1); d <= Math.min(e, days - 1); d++) {
          if (d > e - win) {
            n += tests[k][d];
            x += positives[k][d];
          } else {
            n0 += tests[k][d];
            x0 += positives[k][d];
          }
        }
        if (n > 0 && RapidPositiveRateRule.evaluate(n, x, n0, x0, p).alarm()) {
          expected.add(districts[k] + " " + start.plusDays(e));
        }
      }
    }
    assertTrue(
        expected.stream().anyMatch(e -> e.startsWith("370102"))
            && expected.stream().anyMatch(e -> e.startsWith("370103")),
        "both bursts alarm: " + expected);
    assertEquals(expected, got);
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }
}
