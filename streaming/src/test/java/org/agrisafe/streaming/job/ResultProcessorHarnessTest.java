package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.agrisafe.streaming.transport.UploadEnvelope;
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
 * Operator-harness tests of {@link ResultProcessor} (keyed broadcast operator; the reference version it was built
 * with judges, no broadcast needed): dedupe, corrections, rejections, warnings, state TTL. The reference refresh is
 * tested in {@link ResultProcessorReferenceTest}.
 */
public class ResultProcessorHarnessTest {
  private static ReferenceVersion reference;
  private static final int RES_REVISION =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "revision");
  private static final int RES_MONTH =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "sample_month");
  private static final int REV_CURRENT =
      IcebergRows.index(ResultProcessor.REVISIONS_SCHEMA, "is_current");
  private static final int REV_REVISION =
      IcebergRows.index(ResultProcessor.REVISIONS_SCHEMA, "revision");

  @BeforeAll
  static void load() {
    reference = new ReferenceVersion("bundled", 1_000L, new Judging(ReferenceData.loadBundled()));
  }

  /** The operator under test, opened, judging with {@code initial}. */
  public static KeyedBroadcastOperatorTestHarness<String, UploadEnvelope, ReferenceVersion, RowData>
      harness(Duration ttl, ReferenceVersion initial) throws Exception {
    return harness(StreamConfig.defaults().withDedupeTtl(ttl), initial);
  }

  /** The operator under test with stream configuration {@code cfg}, opened, judging with {@code initial}. */
  public static KeyedBroadcastOperatorTestHarness<String, UploadEnvelope, ReferenceVersion, RowData>
      harness(StreamConfig cfg, ReferenceVersion initial) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new ResultProcessor(initial, cfg, List.of(StreamRules.Rule.values())),
        new StreamingJob.ResultKey(),
        Types.STRING,
        ReferenceVersion.STATE);
  }

  private static KeyedBroadcastOperatorTestHarness<
          String, UploadEnvelope, ReferenceVersion, RowData>
      harness(Duration ttl) throws Exception {
    return harness(ttl, reference);
  }

  private static List<RowData> main(
      KeyedBroadcastOperatorTestHarness<String, UploadEnvelope, ?, RowData> h) {
    return h.extractOutputValues();
  }

  /** Keyed state entries of the operator (heap backend), as KeyedOneInputStreamOperatorTestHarness counts them. */
  static int numKeyedStateEntries(
      KeyedBroadcastOperatorTestHarness<String, UploadEnvelope, ?, RowData> h) {
    return ((HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  private static List<RowData> side(ConcurrentLinkedQueue<StreamRecord<RowData>> q) {
    return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void duplicateIsSuppressedAndCorrectionSupersedes() throws Exception {
    var h = harness(Duration.ofDays(1));
    h.processElement(
        Uploads.env(Uploads.procymidone("R1", 1, "S1", "0.3", "2022-07-01T00:30:00+08:00"), 1), 10);
    h.processElement(
        Uploads.env(Uploads.procymidone("R1", 1, "S1", "0.3", "2022-07-01T00:30:00+08:00"), 2), 11);
    h.processElement(
        Uploads.env(Uploads.procymidone("R1", 2, "S1", "0.1", "2022-07-01T00:30:00+08:00"), 3), 12);
    List<RowData> results = main(h);
    assertEquals(2, results.size(), "rev 1 then rev 2, duplicate suppressed");
    assertEquals(2, results.get(1).getInt(RES_REVISION));
    assertEquals(
        "2022-07",
        results.get(1).getString(RES_MONTH).toString(),
        "00:30 +08:00 on 1 July is July");
    List<RowData> revisions = side(h.getSideOutput(ResultProcessor.REVISIONS));
    assertEquals(3, revisions.size(), "rev1 current, rev1 re-sent not current, rev2 current");
    assertFalse(revisions.get(1).getBoolean(REV_CURRENT));
    assertEquals(1, revisions.get(1).getInt(REV_REVISION));
    assertTrue(revisions.get(2).getBoolean(REV_CURRENT));
    List<RowData> warnings = side(h.getSideOutput(ResultProcessor.WARNINGS));
    assertEquals(
        1,
        warnings.size(),
        "0.3 mg/kg > MRL 0.2 (GB 2763-2021, in force until 2023-05-01) raises an exceedance; the corrected 0.1 does not");
    h.close();
  }

  @Test
  void everyVerdictRowRecordsTheReferenceVersionItWasJudgedWith() throws Exception {
    var h = harness(Duration.ofDays(1));
    h.processElement(
        Uploads.env(Uploads.procymidone("R1", 1, "S1", "0.3", "2022-07-01T00:30:00+08:00"), 1), 10);
    int res = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "reference_version");
    int rev = IcebergRows.index(ResultProcessor.REVISIONS_SCHEMA, "reference_version");
    assertEquals(reference.version, main(h).get(0).getString(res).toString());
    assertEquals(
        reference.version,
        side(h.getSideOutput(ResultProcessor.REVISIONS)).get(0).getString(rev).toString());
    h.close();
  }

  @Test
  void correctionMovingTheSampleDateDeletesTheOldKey() throws Exception {
    var h = harness(Duration.ofDays(1));
    h.processElement(
        Uploads.env(Uploads.procymidone("R2", 1, "S2", "0.1", "2024-06-30T23:30:00+08:00"), 1), 10);
    h.processElement(
        Uploads.env(Uploads.procymidone("R2", 2, "S2", "0.1", "2024-07-01T08:00:00+08:00"), 2), 11);
    List<RowData> results = main(h);
    assertEquals(3, results.size());
    assertEquals(RowKind.INSERT, results.get(0).getRowKind());
    assertEquals(RowKind.DELETE, results.get(1).getRowKind());
    assertEquals("2024-06", results.get(1).getString(RES_MONTH).toString());
    assertEquals(RowKind.INSERT, results.get(2).getRowKind());
    assertEquals("2024-07", results.get(2).getString(RES_MONTH).toString());
    h.close();
  }

  @Test
  void bannedDetectionRaisesAWarningAndInvalidRecordsAreRejected() throws Exception {
    var h = harness(Duration.ofDays(1));
    h.processElement(
        Uploads.env(Uploads.banned("R3", 1, "S3", "2024-07-01T09:00:00+08:00"), 1), 10);
    h.processElement(
        Uploads.env(
            Uploads.rec("R4", 1, "S4", "芹菜", "毒死蜱", "0.1", "ppm", "2024-07-01T09:00:00+08:00"), 2),
        10);
    h.processElement(Uploads.env("{not json", 3), 10);
    UploadEnvelope other =
        Uploads.env(Uploads.banned("R5", 1, "S5", "2024-07-01T09:00:00+08:00"), 4);
    other.lab = "370100-QC-99";
    h.processElement(other, 10);
    h.processElement(
        Uploads.env(Uploads.banned("R3", 1, "S3", "2024-07-02T09:00:00+08:00"), 5), 10);
    List<RowData> warnings = side(h.getSideOutput(ResultProcessor.WARNINGS));
    assertEquals(1, warnings.size());
    int measure = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "measure");
    assertEquals("BANNED_DETECTION", warnings.get(0).getString(measure).toString());
    List<RowData> rejected = side(h.getSideOutput(ResultProcessor.REJECTED));
    assertEquals(
        4, rejected.size(), "unknown unit, not JSON, another lab's result, same revision changed");
    int reason = IcebergRows.index(ResultProcessor.REJECTED_SCHEMA, "reason");
    assertTrue(rejected.get(0).getString(reason).toString().contains("Unknown unit 'ppm'"));
    assertTrue(
        rejected
            .get(2)
            .getString(reason)
            .toString()
            .contains("expected a lab to post only its own"));
    assertTrue(
        rejected
            .get(3)
            .getString(reason)
            .toString()
            .contains("already received with different content"));
    h.close();
  }

  @Test
  void stateAndTimersReturnToZeroAfterTtl() throws Exception {
    var h = harness(Duration.ofMinutes(10));
    h.setProcessingTime(0);
    h.processElement(
        Uploads.env(Uploads.procymidone("R6", 1, "S6", "0.1", "2024-07-01T00:30:00+08:00"), 1), 10);
    h.processElement(
        Uploads.env(Uploads.procymidone("R7", 1, "S7", "0.1", "2024-07-01T00:30:00+08:00"), 2), 10);
    h.setProcessingTime(5 * 60_000);
    h.processElement(
        Uploads.env(Uploads.procymidone("R6", 2, "S6", "0.2", "2024-07-01T00:30:00+08:00"), 3), 10);
    assertTrue(numKeyedStateEntries(h) > 0);
    assertEquals(2, h.numProcessingTimeTimers(), "one cleanup timer per result");
    h.setProcessingTime(11 * 60_000);
    assertEquals(1, h.numProcessingTimeTimers(), "R7 expired; R6 was refreshed at 5 min");
    h.setProcessingTime(16 * 60_000);
    assertEquals(0, numKeyedStateEntries(h));
    assertEquals(0, h.numProcessingTimeTimers());
    // after the TTL a re-upload of revision 1 is no longer recognised: that is why the TTL must be
    // long
    h.processElement(
        Uploads.env(Uploads.procymidone("R7", 1, "S7", "0.1", "2024-07-01T00:30:00+08:00"), 4), 10);
    assertEquals(4, main(h).size());
    h.close();
  }
}
