package org.agrisafe.streaming.job;

import static org.agrisafe.streaming.rules.RuleUploads.day;
import static org.agrisafe.streaming.rules.RuleUploads.ms;
import static org.agrisafe.streaming.rules.RuleUploads.quantitative;
import static org.agrisafe.streaming.rules.RuleUploads.rapid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.streaming.transport.UploadEnvelope;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operator-harness tests of the {@link ResultProcessor#FACTS} side output, the window rules' input: the facts carry
 * the sample columns of the accepted record, a correction retracts the previous fact, and the state behind them
 * returns to zero after the dedupe TTL.
 */
class ResultProcessorFactsHarnessTest {
  private static ReferenceVersion reference;
  private long line;

  @BeforeAll
  static void load() {
    reference = new ReferenceVersion("bundled", 1L, new Judging(ReferenceData.loadBundled()));
  }

  private static List<RuleFact> facts(
      KeyedBroadcastOperatorTestHarness<String, UploadEnvelope, ?, RowData> h) {
    ConcurrentLinkedQueue<StreamRecord<RuleFact>> q = h.getSideOutput(ResultProcessor.FACTS);
    return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
  }

  private UploadEnvelope env(String payload) {
    return Uploads.env(payload, ++line);
  }

  @Test
  void factsCarryTheSampleColumnsAndCorrectionsRetract() throws Exception {
    var h = ResultProcessorHarnessTest.harness(Duration.ofMinutes(10), reference);
    String at = "2024-07-01T00:30:00+08:00";
    h.processElement(env(quantitative("R1", 1, "S1", "P1", "6", at)), ms(at));
    List<RuleFact> out = facts(h);
    assertEquals(1, out.size());
    RuleFact f = out.get(0);
    assertTrue(f.add && f.fail && !f.rapid);
    assertEquals("PLATFORM_UPLOAD:R1", f.resultId);
    assertEquals("P1", f.producerId);
    assertEquals("370102", f.divisionCode);
    assertEquals("PLATFORM_UPLOAD:S1", f.sampleId);
    assertEquals(
        LocalDate.of(2024, 7, 1).toEpochDay(),
        f.sampleDay,
        "00:30 +08:00 is 1 July in Asia/Shanghai");
    assertEquals(day(at), f.sampleDay);

    // a duplicate adds nothing; the correction (6 → 1 mg/kg, below the MRL 5) retracts the failing
    // revision
    h.processElement(env(quantitative("R1", 1, "S1", "P1", "6", at)), ms(at));
    assertEquals(1, facts(h).size(), "a duplicate emits no fact");
    h.processElement(env(quantitative("R1", 2, "S1", "P2", "1", at)), ms(at));
    out = facts(h);
    assertEquals(3, out.size());
    assertFalse(out.get(1).add);
    assertEquals(1, out.get(1).revision);
    assertTrue(out.get(1).fail);
    assertEquals(
        "P1",
        out.get(1).producerId,
        "the retraction names the producer the addition was counted for");
    assertTrue(out.get(2).add);
    assertEquals(2, out.get(2).revision);
    assertFalse(out.get(2).fail, "1 mg/kg passes");
    assertEquals("P2", out.get(2).producerId);

    // a late lower revision changes nothing current: no fact
    h.processElement(env(quantitative("R1", 1, "S1", "P1", "7", at)), ms(at));
    assertEquals(3, facts(h).size());
  }

  @Test
  void rapidFactsAndOnlyTheAcceptedRecordOfARevision() throws Exception {
    var h = ResultProcessorHarnessTest.harness(Duration.ofMinutes(10), reference);
    h.setProcessingTime(0);
    String at = "2024-07-01T09:00:00+08:00";
    h.processElement(env(rapid("R2", "S2", "370103", "菠菜", true, at)), ms(at));
    // a record posted by another lab is rejected, so its producer must not be used
    UploadEnvelope other = env(quantitative("R3", 1, "S3", "P-WRONG", "6", at));
    other.lab = "370100-QC-99";
    h.processElement(other, ms(at));
    h.processElement(env(quantitative("R3", 1, "S3", "P-RIGHT", "6", at)), ms(at));
    List<RuleFact> out = facts(h);
    assertEquals(2, out.size());
    RuleFact rf = out.get(0);
    assertTrue(rf.add && rf.rapid && rf.positive && !rf.fail);
    assertEquals("370103", rf.divisionCode);
    assertEquals("spinach", rf.commodityCode, "the normalised commodity code of the results row");
    assertNull(rf.producerId);
    assertEquals("P-RIGHT", out.get(1).producerId);

    // state (including the current fact) and timers back to zero after the dedupe TTL (processing
    // time)
    assertTrue(ResultProcessorHarnessTest.numKeyedStateEntries(h) > 0);
    h.setProcessingTime(Duration.ofMinutes(11).toMillis());
    assertEquals(0, ResultProcessorHarnessTest.numKeyedStateEntries(h));
    assertEquals(0, h.numProcessingTimeTimers());
  }
}
