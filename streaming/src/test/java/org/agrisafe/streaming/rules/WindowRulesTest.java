package org.agrisafe.streaming.rules;

import static org.agrisafe.streaming.rules.RuleUploads.SHANGHAI;
import static org.agrisafe.streaming.rules.RuleUploads.day;
import static org.agrisafe.streaming.rules.RuleUploads.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.job.ResultProcessor;
import org.agrisafe.streaming.job.RuleFact;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/** The window rules' pure functions: parameters, local days, the producer count and the rapid-rate decision. */
class WindowRulesTest {
  private static final WindowRuleParams P = WindowRuleParams.defaults();
  private static final Instant NOW = Instant.parse("2024-07-02T00:00:00Z");

  @Test
  void defaultsAndCommandLineOptions() {
    assertEquals(3, P.producerFailures());
    assertEquals(30, P.producerWindowDays());
    assertEquals(7, P.rapidWindowDays());
    assertEquals(28, P.rapidBaselineDays());
    assertEquals(20, P.rapidMinTests());
    assertEquals(0.001, P.rapidAlpha());
    assertEquals(0.5, P.rapidPriorPositives());
    WindowRuleParams o =
        WindowRuleParams.fromOptions(
            Map.of(
                "producer-repeat-failures", "4", "rapid-rate-alpha", "0.01", "unrelated-key", "x"));
    assertEquals(4, o.producerFailures());
    assertEquals(0.01, o.rapidAlpha());
    assertEquals(30, o.producerWindowDays());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WindowRuleParams.fromOptions(Map.of("rapid-rate-min-tests", "twenty")));
    assertTrue(e.getMessage().contains("rapid-rate-min-tests 'twenty'"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WindowRuleParams.fromOptions(Map.of("producer-repeat-failures", "1")));
    assertTrue(e.getMessage().contains("Invalid producer-repeat-failures 1"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> WindowRuleParams.fromOptions(Map.of("rapid-rate-alpha", "1")));
    assertThrows(
        IllegalArgumentException.class,
        () -> WindowRuleParams.fromOptions(Map.of("rapid-rate-prior-positives", "0")));
    assertThrows(
        IllegalArgumentException.class,
        () -> WindowRuleParams.fromOptions(Map.of("rapid-rate-window-days", "0")));
  }

  @Test
  void daysAreCutInShanghaiNotUtc() {
    // 00:30 +08:00 on 1 July is 16:30 UTC on 30 June: the local day is 1 July
    assertEquals(LocalDate.of(2024, 7, 1).toEpochDay(), day("2024-07-01T00:30:00+08:00"));
    assertEquals(LocalDate.of(2024, 7, 1).toEpochDay(), day("2024-07-01T23:30:00+08:00"));
    assertEquals(LocalDate.of(2024, 7, 2).toEpochDay(), day("2024-07-02T00:30:00+08:00"));
    long d = LocalDate.of(2024, 7, 1).toEpochDay();
    assertEquals(
        Instant.parse("2024-07-01T15:59:59.999Z").toEpochMilli(),
        WindowRules.endOfDayMs(d, SHANGHAI));
    assertEquals(d, WindowRules.dayOf(WindowRules.endOfDayMs(d, SHANGHAI), SHANGHAI));
    assertEquals(d + 1, WindowRules.dayOf(WindowRules.endOfDayMs(d, SHANGHAI) + 1, SHANGHAI));
  }

  @Test
  void producerCountsDistinctFailingSamplesInTheWindow() {
    long end = day("2024-07-01T12:00:00+08:00");
    List<RuleFact> f =
        List.of(
            failure(
                "R1", 1, "S1", "P1", "2024-06-02T08:00:00+08:00"), // first day of the 30-day window
            failure("R2", 1, "S2", "P1", "2024-06-20T08:00:00+08:00"),
            failure(
                "R3",
                1,
                "S2",
                "P1",
                "2024-06-20T08:00:00+08:00"), // second failing analyte of S2: once
            failure("R4", 1, "S0", "P1", "2024-06-01T23:59:00+08:00")); // one day before the window
    assertEquals(2, ProducerRepeatRule.failingSamples(f, end, 30).size());
    assertNull(ProducerRepeatRule.warning("P1", f, end, P, SHANGHAI, 0, NOW), "2 < 3");
    List<RuleFact> three = new java.util.ArrayList<>(f);
    three.add(failure("R5", 1, "S3", "P1", "2024-07-01T23:30:00+08:00"));
    Map<String, Object> w = ProducerRepeatRule.warning("P1", three, end, P, SHANGHAI, 0, NOW);
    assertEquals(3L, w.get("observed"));
    assertEquals(3.0, w.get("threshold"));
    assertEquals("2024-07-01", w.get("period"));
    assertEquals("PRODUCER_REPEAT", w.get("measure"));
    assertEquals("HIGH", w.get("severity"));
    assertEquals("370102", w.get("region_code"));
    assertEquals(
        WarningTables.warningId(
            WarningTables.Producer.STREAM_RULE,
            List.of("PRODUCER_REPEAT", "P1", "DAY", "2024-07-01")),
        w.get("warning_id"));
    String details = (String) w.get("details");
    assertTrue(
        details.contains("3 failing samples (threshold 3)")
            && details.contains("2024-06-02..2024-07-01")
            && details.contains("PLATFORM_UPLOAD:S3 on 2024-07-01"),
        details);
    // the row converts to the warnings schema
    IcebergRows.toRow(ResultProcessor.WARNINGS_SCHEMA, w, RowKind.INSERT);
  }

  /** Exact P(X >= x) for X ~ Binomial(n, (x0 + 1/2) / (n0 + 1)), by rational summation. */
  private static double exactTail(int x, int n, int x0, int n0) {
    MathContext mc = new MathContext(50);
    BigDecimal p = new BigDecimal(2 * x0 + 1).divide(new BigDecimal(2 * n0 + 2), mc);
    BigDecimal q = BigDecimal.ONE.subtract(p);
    BigDecimal s = BigDecimal.ZERO;
    for (int k = x; k <= n; k++) {
      BigInteger c = BigInteger.ONE;
      for (int i = 0; i < k; i++) {
        c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
      }
      s = s.add(new BigDecimal(c).multiply(p.pow(k, mc)).multiply(q.pow(n - k, mc)), mc);
    }
    return s.doubleValue();
  }

  @Test
  void rapidDecisionIsTheExactBinomialTailAgainstTheJeffreysBaseline() {
    RapidPositiveRateRule.Decision d = RapidPositiveRateRule.evaluate(28, 10, 140, 3, P);
    assertEquals(3.5 / 141, d.baselineRate(), 1e-15);
    assertEquals(28 * 3.5 / 141, d.expected(), 1e-12);
    assertEquals(exactTail(10, 28, 3, 140), d.pValue(), exactTail(10, 28, 3, 140) * 1e-9);
    assertTrue(d.alarm());
    assertTrue(d.criticalCount() > d.expected() && d.criticalCount() <= 10);

    RapidPositiveRateRule.Decision same = RapidPositiveRateRule.evaluate(28, 1, 140, 3, P);
    assertFalse(same.alarm(), "the baseline rate itself");
    RapidPositiveRateRule.Decision fewTests = RapidPositiveRateRule.evaluate(19, 19, 140, 0, P);
    assertTrue(fewTests.pValue() < 0.001);
    assertFalse(fewTests.alarm(), "19 tests < min 20: not judged");
    RapidPositiveRateRule.Decision zeroBaseline = RapidPositiveRateRule.evaluate(20, 1, 140, 0, P);
    assertFalse(zeroBaseline.alarm(), "one positive against a zero baseline does not fire");
    assertEquals(exactTail(1, 20, 0, 140), zeroBaseline.pValue(), 1e-12);
    RapidPositiveRateRule.Decision noBaseline = RapidPositiveRateRule.evaluate(20, 12, 0, 0, P);
    assertFalse(noBaseline.alarm(), "no baseline: prior mean 1/2, no claim");
    assertThrows(
        IllegalArgumentException.class, () -> RapidPositiveRateRule.evaluate(5, 6, 10, 0, P));
  }

  @Test
  void rapidWarningRowExplainsWhy() {
    RapidPositiveRateRule.Decision d = RapidPositiveRateRule.evaluate(28, 10, 140, 3, P);
    long end = LocalDate.of(2024, 7, 1).toEpochDay();
    Map<String, Object> w =
        RapidPositiveRateRule.warning("370102", "菠菜", end, d, P, SHANGHAI, false, 0, NOW);
    assertEquals(10L, w.get("observed"));
    assertEquals(28L, w.get("denominator"));
    assertEquals(d.expected(), w.get("expected"));
    assertEquals((double) d.criticalCount(), w.get("threshold"));
    assertEquals("2024-07-01", w.get("period"));
    assertEquals("370102", w.get("region_code"));
    assertEquals("菠菜", w.get("commodity_code"));
    assertTrue((Double) w.get("exceedance_score") > 1, "alarm: observed beyond the threshold");
    String details = (String) w.get("details");
    assertTrue(
        details.contains("10 positives of 28 rapid tests")
            && details.contains("2024-06-25..2024-07-01")
            && details.contains("baseline 3 positives of 140 tests")
            && details.contains("2024-05-28..2024-06-24")
            && details.contains("Jeffreys")
            && details.contains("p = P(X >= 10 | n = 28"),
        details);
    IcebergRows.toRow(ResultProcessor.WARNINGS_SCHEMA, w, RowKind.INSERT);
  }
}
