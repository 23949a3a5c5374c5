package org.agrisafe.streaming;

import static org.agrisafe.streaming.RuleUploads.day;
import static org.agrisafe.streaming.RuleUploads.ms;
import static org.agrisafe.streaming.RuleUploads.quantitative;
import static org.agrisafe.streaming.RuleUploads.rapid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.agrisafe.lakehouse.ingest.Judging;
import org.agrisafe.lakehouse.reference.ReferenceData;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operator-harness tests of {@link ResultFacts}: the results rows come from a real {@link ResultProcessor} harness fed
 * the same uploads, as in the job.
 */
class ResultFactsHarnessTest {
  private static Judging judging;
  private static final StreamConfig CFG = StreamConfig.defaults().withDedupeTtl(Duration.ofMinutes(10));

  @BeforeAll
  static void load() {
    judging = new Judging(ReferenceData.loadBundled());
  }

  private KeyedBroadcastOperatorTestHarness<String, UploadEnvelope, ReferenceVersion, RowData> results;
  private KeyedTwoInputStreamOperatorTestHarness<String, UploadEnvelope, RowData, RuleFact> facts;
  private long line;

  private void open() throws Exception {
    results = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new ResultProcessor(new ReferenceVersion("bundled", 1L, judging), CFG, List.of(StreamRules.Rule.values())),
        new StreamingJob.ResultKey(), Types.STRING, ReferenceVersion.STATE);
    facts = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new ResultFacts(CFG)),
        new ResultFacts.UploadKey(), new ResultFacts.RowKey(), Types.STRING);
    facts.open();
  }

  /** Runs one upload through the ResultProcessor; returns the results rows it emitted. */
  private List<RowData> judge(UploadEnvelope e, long ts) throws Exception {
    int before = results.extractOutputValues().size();
    results.processElement(e, ts);
    List<RowData> all = results.extractOutputValues();
    return all.subList(before, all.size());
  }

  private UploadEnvelope env(String payload) {
    return Uploads.env(payload, ++line);
  }

  @Test
  void factsCarryTheSampleColumnsAndCorrectionsRetract() throws Exception {
    open();
    String at = "2024-07-01T00:30:00+08:00";
    UploadEnvelope up = env(quantitative("R1", 1, "S1", "P1", "6", at));
    List<RowData> rows = judge(up, ms(at));
    assertEquals(1, rows.size());
    // the results row first: kept pending until the upload side arrives
    facts.processElement2(rows.get(0), ms(at));
    assertEquals(0, facts.extractOutputValues().size());
    facts.processElement1(up, ms(at));
    List<RuleFact> out = facts.extractOutputValues();
    assertEquals(1, out.size());
    RuleFact f = out.get(0);
    assertTrue(f.add && f.fail && !f.rapid);
    assertEquals("P1", f.producerId);
    assertEquals("370102", f.divisionCode);
    assertEquals("PLATFORM_UPLOAD:S1", f.sampleId);
    assertEquals(LocalDate.of(2024, 7, 1).toEpochDay(), f.sampleDay, "00:30 +08:00 is 1 July in Asia/Shanghai");
    assertEquals(day(at), f.sampleDay);

    // the correction (6 → 1 mg/kg, below the MRL 5) retracts the failing revision
    UploadEnvelope fix = env(quantitative("R1", 2, "S1", "P1", "1", at));
    facts.processElement1(fix, ms(at));
    for (RowData r : judge(fix, ms(at))) {
      facts.processElement2(r, ms(at));
    }
    out = facts.extractOutputValues();
    assertEquals(3, out.size());
    assertFalse(out.get(1).add);
    assertEquals(1, out.get(1).revision);
    assertTrue(out.get(1).fail);
    assertTrue(out.get(2).add);
    assertEquals(2, out.get(2).revision);
    assertFalse(out.get(2).fail, "1 mg/kg passes");
  }

  @Test
  void rapidFactsAndTheAcceptedRecordOfARevision() throws Exception {
    open();
    String at = "2024-07-01T09:00:00+08:00";
    UploadEnvelope r = env(rapid("R2", "S2", "370103", "菠菜", true, at));
    facts.processElement1(r, ms(at));
    for (RowData row : judge(r, ms(at))) {
      facts.processElement2(row, ms(at));
    }
    // a record posted by another lab is rejected by the ResultProcessor, so its producer must not be used
    UploadEnvelope other = env(quantitative("R3", 1, "S3", "P-WRONG", "6", at));
    other.lab = "370100-QC-99";
    UploadEnvelope good = env(quantitative("R3", 1, "S3", "P-RIGHT", "6", at));
    for (UploadEnvelope e : List.of(other, good)) {
      facts.processElement1(e, ms(at));
      for (RowData row : judge(e, ms(at))) {
        facts.processElement2(row, ms(at));
      }
    }
    List<RuleFact> out = facts.extractOutputValues();
    assertEquals(2, out.size());
    RuleFact rf = out.get(0);
    assertTrue(rf.add && rf.rapid && rf.positive && !rf.fail);
    assertEquals("370103", rf.divisionCode);
    assertEquals("spinach", rf.commodityCode, "the normalised commodity code of the results row");
    assertNull(rf.producerId);
    assertEquals("P-RIGHT", out.get(1).producerId);

    // state and timers back to zero after the dedupe TTL (processing time)
    assertTrue(facts.numKeyedStateEntries() > 0);
    facts.setProcessingTime(Duration.ofMinutes(11).toMillis());
    assertEquals(0, facts.numKeyedStateEntries());
    assertEquals(0, facts.numProcessingTimeTimers());
  }
}
