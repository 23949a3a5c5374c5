package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.risk.verdict.BanRule;
import org.agrisafe.risk.verdict.BanScope;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.agrisafe.streaming.transport.UploadEnvelope;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/**
 * Harness tests of the reference data as broadcast state in {@link ResultProcessor}: a new version (a new ban) judges
 * the next record; an older version does not replace a newer one; the broadcast version is restored from a snapshot.
 */
class ResultProcessorReferenceTest {
  private static final int BANNED =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "banned_detection");
  private static final int MEASURE = IcebergRows.index(ResultProcessor.WARNINGS_SCHEMA, "measure");
  private static final String SAMPLED = "2024-07-01T09:00:00+08:00";

  /** The bundled reference data, loaded at {@code loadedAtMs}, plus (if {@code withBan}) a verified ban on procymidone. */
  static ReferenceVersion version(String name, long loadedAtMs, boolean withBan) {
    ReferenceData bundled = ReferenceData.loadBundled();
    List<BanRule> bans = new ArrayList<>(bundled.banRules());
    if (withBan) {
      bans.add(
          new BanRule(
              "TEST:procymidone",
              "procymidone",
              BanScope.ALL_USES,
              LocalDate.of(2020, 1, 1),
              true,
              "test ban"));
    }
    ReferenceData ref =
        ReferenceData.of(
            bundled.commodityNodes(),
            bundled.categories(),
            bundled.limitRules(),
            bans,
            bundled.analyteNames(),
            bundled.issues());
    return new ReferenceVersion(name, loadedAtMs, new Judging(ref));
  }

  private static List<String> warnings(
      KeyedBroadcastOperatorTestHarness<String, UploadEnvelope, ?, RowData> h) {
    ConcurrentLinkedQueue<StreamRecord<RowData>> q = h.getSideOutput(ResultProcessor.WARNINGS);
    return q == null
        ? List.of()
        : q.stream().map(r -> r.getValue().getString(MEASURE).toString()).toList();
  }

  @Test
  void theReferenceVersionIsAFlinkPojoNotKryo() {
    assertTrue(
        ReferencePoller.TYPE instanceof org.apache.flink.api.java.typeutils.PojoTypeInfo,
        ReferencePoller.TYPE.toString());
  }

  @Test
  void aBroadcastBanJudgesTheNextRecord() throws Exception {
    var h = ResultProcessorHarnessTest.harness(Duration.ofDays(1), version("v1", 1_000, false));
    // procymidone 0.1 mg/kg on chives in 2024: under the GB 2763.1-2022 MRL 5 mg/kg, not banned
    h.processElement(Uploads.env(Uploads.procymidone("R1", 1, "S1", "0.1", SAMPLED), 1), 10);
    assertEquals(List.of(), warnings(h));
    h.processBroadcastElement(version("v2", 2_000, true), 11);
    assertEquals(
        "v2", h.getBroadcastState(ReferenceVersion.STATE).get(ReferenceVersion.CURRENT).version);
    h.processElement(Uploads.env(Uploads.procymidone("R2", 1, "S2", "0.1", SAMPLED), 2), 12);
    assertEquals(
        List.of("BANNED_DETECTION"), warnings(h), "the new ban judges the record after it");
    List<RowData> results = h.extractOutputValues();
    assertEquals(2, results.size());
    assertFalse(results.get(0).getBoolean(BANNED), "R1 was judged before the ban arrived");
    assertTrue(results.get(1).getBoolean(BANNED));
    h.close();
  }

  @Test
  void anOlderBroadcastDoesNotReplaceANewerVersion() throws Exception {
    // e.g. a broadcast version restored from a checkpoint, older than the version loaded at the
    // restart
    var h =
        ResultProcessorHarnessTest.harness(Duration.ofDays(1), version("at-restart", 2_000, false));
    h.processBroadcastElement(version("restored", 1_000, true), 10);
    h.processElement(Uploads.env(Uploads.procymidone("R3", 1, "S3", "0.1", SAMPLED), 1), 11);
    assertEquals(List.of(), warnings(h), "the newer version (no ban) judges");
    h.close();
  }

  @Test
  void theBroadcastVersionIsRestoredFromASnapshot() throws Exception {
    var h = ResultProcessorHarnessTest.harness(Duration.ofDays(1), version("v1", 1_000, false));
    h.processBroadcastElement(version("v2", 2_000, true), 10);
    h.processElement(Uploads.env(Uploads.procymidone("R4", 1, "S4", "0.1", SAMPLED), 1), 11);
    OperatorSubtaskState snapshot = h.snapshot(1, 12);
    h.close();

    var restored =
        new KeyedBroadcastOperatorTestHarness<>(
            new org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator<>(
                new ResultProcessor(
                    version("v1", 1_000, false),
                    StreamConfig.defaults(),
                    List.of(StreamRules.Rule.values())),
                List.of(ReferenceVersion.STATE)),
            new StreamingJob.ResultKey(),
            org.apache.flink.api.common.typeinfo.Types.STRING,
            1,
            1,
            0);
    restored.setup();
    restored.initializeState(snapshot);
    restored.open();
    restored.processElement(Uploads.env(Uploads.procymidone("R4", 1, "S4", "0.1", SAMPLED), 2), 13);
    assertEquals(
        List.of(),
        restored.extractOutputValues(),
        "the duplicate is suppressed by the restored keyed state");
    restored.processElement(Uploads.env(Uploads.procymidone("R5", 1, "S5", "0.1", SAMPLED), 3), 14);
    assertEquals(
        List.of("BANNED_DETECTION"), warnings(restored), "the restored broadcast version judges");
    restored.close();
  }
}
