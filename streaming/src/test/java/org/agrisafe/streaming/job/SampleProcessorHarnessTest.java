package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operator-harness tests of {@link SampleProcessor}: one current row per sample across corrections (including one
 * that moves the sample to another month), rows only on change, CONFIRMED_AFTER_RAPID in both arrival orders and
 * not for a rapid positive whose confirmation passes, and state and timers back to zero after the TTL.
 */
class SampleProcessorHarnessTest {
  /** Procymidone on chives: GB 2763-2021 MRL 0.2 mg/kg, in force until 2023-05-01. */
  private static final String JUNE = "2022-06-30T23:30:00+08:00";

  private static final String JULY = "2022-07-01T08:00:00+08:00";
  private static final int MONTH =
      IcebergRows.index(SampleProcessor.SAMPLES_SCHEMA, "sample_month");
  private static final int TEST_KIND =
      IcebergRows.index(SampleProcessor.SAMPLES_SCHEMA, "test_kind");
  private static final int VERDICT =
      IcebergRows.index(SampleProcessor.SAMPLES_SCHEMA, "sample_verdict");
  private static final int N_RESULTS =
      IcebergRows.index(SampleProcessor.SAMPLES_SCHEMA, "n_results");
  private static final int CONFIRMATION =
      IcebergRows.index(SampleProcessor.SAMPLES_SCHEMA, "rapid_confirmation");
  private static final int BANNED =
      IcebergRows.index(SampleProcessor.SAMPLES_SCHEMA, "has_banned_detection");
  private static final int SAMPLE_ID =
      IcebergRows.index(SampleProcessor.SAMPLES_SCHEMA, "sample_id");
  private static final int MEASURE = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "measure");
  private static final int WARNING_ID =
      IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "warning_id");
  private static Judging judging;

  @BeforeAll
  static void load() {
    judging = new Judging(ReferenceData.loadBundled());
  }

  private static KeyedBroadcastOperatorTestHarness<String, CurrentRecord, ReferenceVersion, RowData>
      harness(Duration ttl, List<StreamRules.Rule> rules) throws Exception {
    StreamConfig cfg = StreamConfig.defaults().withDedupeTtl(ttl);
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new SampleProcessor(judging, cfg, rules),
        new SampleProcessor.SampleKey(),
        Types.STRING,
        ReferenceVersion.STATE);
  }

  /** Keyed state entries of the operator (heap backend), as KeyedOneInputStreamOperatorTestHarness counts them. */
  private static int numKeyedStateEntries(
      KeyedBroadcastOperatorTestHarness<String, CurrentRecord, ?, RowData> h) {
    return ((HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  private static KeyedBroadcastOperatorTestHarness<String, CurrentRecord, ReferenceVersion, RowData>
      harness() throws Exception {
    return harness(Duration.ofDays(1), List.of(StreamRules.Rule.values()));
  }

  private static List<RowData> side(ConcurrentLinkedQueue<StreamRecord<RowData>> q) {
    return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
  }

  /** Applies upsert rows to a table keyed (sample_id, sample_month, test_kind): its keys afterwards, sorted. */
  static List<String> upsert(List<RowData> rows) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>();
    for (RowData r : rows) {
      String k = str(r, SAMPLE_ID) + "|" + str(r, MONTH) + "|" + str(r, TEST_KIND);
      if (r.getRowKind() == RowKind.DELETE) {
        keys.remove(k);
      } else {
        keys.add(k);
      }
    }
    return List.copyOf(keys);
  }

  private static String str(RowData r, int pos) {
    return IcebergRows.string(r, pos);
  }

  @Test
  void correctionMovingTheMonthLeavesOneCurrentRowAndUnchangedRowsAreNotReEmitted()
      throws Exception {
    var h = harness();
    h.processElement(Uploads.current(Uploads.procymidone("R1", 1, "S1", "0.1", JUNE), 1), 10);
    h.processElement(Uploads.current(Uploads.procymidone("R2", 1, "S1", "0.05", JUNE), 2), 10);
    List<RowData> out = h.extractOutputValues();
    assertEquals(2, out.size(), "one row per change: first result, then the second");
    assertEquals(2, out.get(1).getInt(N_RESULTS));
    assertEquals("2022-06", str(out.get(1), MONTH));

    h.processElement(Uploads.current(Uploads.procymidone("R1", 2, "S1", "0.1", JULY), 3), 10);
    out = h.extractOutputValues();
    assertEquals(4, out.size());
    assertEquals(RowKind.DELETE, out.get(2).getRowKind(), "the old key goes first");
    assertEquals("2022-06", str(out.get(2), MONTH));
    assertEquals(RowKind.INSERT, out.get(3).getRowKind());
    assertEquals("2022-07", str(out.get(3), MONTH));
    assertEquals(
        2, out.get(3).getInt(N_RESULTS), "the corrected result replaced its earlier revision");

    // the second result corrected to the same sampling time and an unchanged verdict: the sample
    // row is the same
    h.processElement(Uploads.current(Uploads.procymidone("R2", 2, "S1", "0.06", JULY), 4), 10);
    assertEquals(4, h.extractOutputValues().size(), "no row when the sample row does not change");

    // a correction that makes a result exceed changes the verdict in place (same month: no DELETE)
    h.processElement(Uploads.current(Uploads.procymidone("R2", 3, "S1", "0.3", JULY), 5), 10);
    out = h.extractOutputValues();
    assertEquals(5, out.size());
    assertEquals(RowKind.INSERT, out.get(4).getRowKind());
    assertEquals("FAIL", str(out.get(4), VERDICT));
    assertEquals(
        List.of("PLATFORM_UPLOAD:S1|2022-07|QUANTITATIVE"),
        upsert(out),
        "exactly one current sample row");
    h.close();
  }

  @Test
  void confirmedAfterRapidFiresInBothOrders() throws Exception {
    var h = harness();
    String day = "2024-07-01T09:00:00+08:00";
    h.processElement(Uploads.current(Uploads.rapid("RA1", 1, "SA", "芹菜", "62.5", day), 1), 10);
    assertEquals(
        0,
        side(h.getSideOutput(SampleProcessor.WARNINGS)).size(),
        "a rapid positive alone is suspected");
    h.processElement(Uploads.current(Uploads.banned("RQ1", 1, "SA", day), 2), 10);
    h.processElement(Uploads.current(Uploads.banned("RQ2", 1, "SB", day), 3), 10);
    assertEquals(
        1, side(h.getSideOutput(SampleProcessor.WARNINGS)).size(), "SB has no rapid test yet");
    h.processElement(Uploads.current(Uploads.rapid("RA2", 1, "SB", "芹菜", "70", day), 4), 10);
    List<RowData> w = side(h.getSideOutput(SampleProcessor.WARNINGS));
    assertEquals(2, w.size());
    assertTrue(w.stream().allMatch(r -> "CONFIRMED_AFTER_RAPID".equals(str(r, MEASURE))));
    assertEquals(
        2, w.stream().map(r -> str(r, WARNING_ID)).distinct().count(), "one warning per sample");
    List<RowData> rows = h.extractOutputValues();
    RowData lastA =
        rows.stream()
            .filter(r -> str(r, SAMPLE_ID).equals("PLATFORM_UPLOAD:SA"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertTrue(lastA.getBoolean(BANNED), "carbofuran under a verified ban was detected");
    // RAPID becomes MIXED (another partition of monitoring.samples): the old key is deleted, one
    // row remains
    assertEquals(
        List.of("PLATFORM_UPLOAD:SA|2024-07|MIXED", "PLATFORM_UPLOAD:SB|2024-07|MIXED"),
        upsert(rows));
    assertEquals(
        2,
        rows.stream().filter(r -> r.getRowKind() == RowKind.DELETE).count(),
        "one DELETE of the sample's RAPID row for each of SA and SB");
    h.close();
  }

  @Test
  void rapidPositiveWhoseConfirmationPassesRaisesNothing() throws Exception {
    var h = harness();
    h.processElement(
        Uploads.current(Uploads.procymidone("RQ", 1, "SC", "0.1", "2022-07-01T10:00:00+08:00"), 1),
        10);
    h.processElement(
        Uploads.current(Uploads.rapid("RA", 1, "SC", "韭菜", "70", "2022-07-01T10:00:00+08:00"), 2),
        10);
    assertEquals(0, side(h.getSideOutput(SampleProcessor.WARNINGS)).size());
    List<RowData> rows = h.extractOutputValues();
    RowData last = rows.get(rows.size() - 1);
    assertEquals("NOT_CONFIRMED", str(last, CONFIRMATION));
    assertEquals("PASS", str(last, VERDICT));
    h.close();
  }

  @Test
  void ruleSwitchedOffRaisesNothing() throws Exception {
    var h =
        harness(
            Duration.ofDays(1),
            List.of(StreamRules.Rule.BANNED_DETECTION, StreamRules.Rule.EXCEEDANCE));
    String day = "2024-07-01T09:00:00+08:00";
    h.processElement(Uploads.current(Uploads.rapid("RA", 1, "SD", "芹菜", "62.5", day), 1), 10);
    h.processElement(Uploads.current(Uploads.banned("RQ", 1, "SD", day), 2), 10);
    assertEquals(0, side(h.getSideOutput(SampleProcessor.WARNINGS)).size());
    List<RowData> rows = h.extractOutputValues();
    assertTrue(rows.get(rows.size() - 1).getBoolean(BANNED), "the rule would have fired");
    h.close();
  }

  @Test
  void stateAndTimersReturnToZeroAfterTtl() throws Exception {
    var h = harness(Duration.ofMinutes(10), List.of(StreamRules.Rule.values()));
    h.setProcessingTime(0);
    h.processElement(Uploads.current(Uploads.procymidone("R6", 1, "S6", "0.1", JULY), 1), 10);
    h.processElement(Uploads.current(Uploads.procymidone("R7", 1, "S7", "0.1", JULY), 2), 10);
    h.setProcessingTime(5 * 60_000);
    h.processElement(Uploads.current(Uploads.procymidone("R8", 1, "S6", "0.2", JULY), 3), 10);
    assertTrue(numKeyedStateEntries(h) > 0);
    assertEquals(2, h.numProcessingTimeTimers(), "one cleanup timer per sample");
    h.setProcessingTime(11 * 60_000);
    assertEquals(1, h.numProcessingTimeTimers(), "S7 expired; S6 was refreshed at 5 min");
    h.setProcessingTime(16 * 60_000);
    assertEquals(0, numKeyedStateEntries(h));
    assertEquals(0, h.numProcessingTimeTimers());
    h.close();
  }
}
