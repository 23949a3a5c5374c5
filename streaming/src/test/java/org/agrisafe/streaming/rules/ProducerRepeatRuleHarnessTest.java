package org.agrisafe.streaming.rules;

import static org.agrisafe.streaming.rules.RuleUploads.SHANGHAI;
import static org.agrisafe.streaming.rules.RuleUploads.failure;
import static org.agrisafe.streaming.rules.RuleUploads.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.agrisafe.streaming.job.ResultProcessor;
import org.agrisafe.streaming.job.RuleFact;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/** Operator-harness tests of {@link ProducerRepeatRule}: event-time windows cut in Asia/Shanghai, state and timers. */
class ProducerRepeatRuleHarnessTest {
  private static final int MEASURE = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "measure");
  private static final int PERIOD = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "period");
  private static final int OBSERVED =
      IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "observed");
  private static final int RECURRENCE =
      IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "recurrence");
  private static final int DETAILS = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "details");

  private static KeyedOneInputStreamOperatorTestHarness<String, RuleFact, RowData> harness()
      throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new ProducerRepeatRule(SHANGHAI, WindowRuleParams.defaults())),
            new WindowRules.ProducerKey(),
            Types.STRING);
    h.open();
    return h;
  }

  private static void add(
      KeyedOneInputStreamOperatorTestHarness<String, RuleFact, RowData> h, RuleFact f, String at)
      throws Exception {
    h.processElement(f, ms(at));
  }

  @Test
  void threeFailingSamplesInThirtyDaysFireOnceAtTheEndOfTheLocalDay() throws Exception {
    var h = harness();
    add(h, failure("R1", 1, "S1", "P1", "2024-06-10T09:00:00+08:00"), "2024-06-10T09:00:00+08:00");
    add(h, failure("R2", 1, "S2", "P1", "2024-06-20T09:00:00+08:00"), "2024-06-20T09:00:00+08:00");
    add(h, failure("R3", 1, "S2", "P1", "2024-06-20T09:00:00+08:00"), "2024-06-20T09:00:00+08:00");
    add(h, failure("R4", 1, "S3", "P1", "2024-07-01T23:30:00+08:00"), "2024-07-01T23:30:00+08:00");
    add(h, failure("R9", 1, "S9", "P2", "2024-07-01T10:00:00+08:00"), "2024-07-01T10:00:00+08:00");
    add(h, failure("R8", 1, "S8", "P2", "2024-06-30T10:00:00+08:00"), "2024-06-30T10:00:00+08:00");
    // 23:30 +08:00 on 1 July is 15:30 UTC: the local day 1 July ends at 15:59:59.999 UTC
    h.processWatermark(ms("2024-07-01T15:59:59.998Z"));
    assertEquals(
        0,
        h.extractOutputValues().size(),
        "windows ending 10 June (1 sample) and 20 June (2 samples)");
    h.processWatermark(ms("2024-07-01T15:59:59.999Z"));
    List<RowData> out = h.extractOutputValues();
    assertEquals(1, out.size(), "P1: S1, S2 (two failing results, one sample), S3; P2 has only 2");
    RowData w = out.get(0);
    assertEquals("PRODUCER_REPEAT", w.getString(MEASURE).toString());
    assertEquals("2024-07-01", w.getString(PERIOD).toString());
    assertEquals(3L, w.getLong(OBSERVED));
    assertEquals(0, w.getInt(RECURRENCE));
    assertTrue(w.getString(DETAILS).toString().contains("producer P1 had 3 failing samples"));

    // a fourth failure two days later re-alarms for the window ending that day, ranked as a
    // recurrence
    add(h, failure("R5", 1, "S4", "P1", "2024-07-03T08:00:00+08:00"), "2024-07-03T08:00:00+08:00");
    h.processWatermark(ms("2024-07-04T00:00:00+08:00"));
    out = h.extractOutputValues();
    assertEquals(2, out.size());
    assertEquals("2024-07-03", out.get(1).getString(PERIOD).toString());
    assertEquals(4L, out.get(1).getLong(OBSERVED));
    assertEquals(1, out.get(1).getInt(RECURRENCE));

    // state and timers back to zero once the last window containing 3 July (ends 1 August) has
    // passed
    assertTrue(h.numKeyedStateEntries() > 0);
    h.processWatermark(ms("2024-08-01T15:59:59.998Z"));
    assertEquals(1, h.numEventTimeTimers(), "the pruning timer of S4 (3 July + 29 days)");
    h.processWatermark(ms("2024-08-01T16:00:00Z"));
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    assertEquals(2, h.extractOutputValues().size(), "pruning timers raise nothing");
    h.close();
  }

  @Test
  void aCorrectionThatNoLongerFailsStopsCounting() throws Exception {
    var h = harness();
    add(h, failure("R1", 1, "S1", "P3", "2024-06-10T09:00:00+08:00"), "2024-06-10T09:00:00+08:00");
    add(h, failure("R2", 1, "S2", "P3", "2024-06-20T09:00:00+08:00"), "2024-06-20T09:00:00+08:00");
    add(h, failure("R3", 1, "S3", "P3", "2024-06-25T09:00:00+08:00"), "2024-06-25T09:00:00+08:00");
    // the lab corrects R3: revision 1 is retracted (revision 2 passes, so nothing is added)
    add(
        h,
        failure("R3", 1, "S3", "P3", "2024-06-25T09:00:00+08:00").withAdd(false),
        "2024-06-25T09:00:00+08:00");
    // a stale retraction of another revision changes nothing
    add(
        h,
        failure("R2", 7, "S2", "P3", "2024-06-20T09:00:00+08:00").withAdd(false),
        "2024-06-20T09:00:00+08:00");
    h.processWatermark(ms("2024-07-31T00:00:00+08:00"));
    assertEquals(0, h.extractOutputValues().size(), "two failing samples remain: below 3");
    h.processWatermark(Long.MAX_VALUE);
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }

  @Test
  void aFailureOlderThanEveryOpenWindowIsDroppedAndLeavesNoState() throws Exception {
    var h = harness();
    h.processWatermark(ms("2024-08-01T00:00:00+08:00"));
    add(h, failure("R1", 1, "S1", "P4", "2024-06-10T09:00:00+08:00"), "2024-06-10T09:00:00+08:00");
    assertEquals(0, h.numKeyedStateEntries());
    assertEquals(0, h.numEventTimeTimers());
    h.close();
  }
}
