package org.agrisafe.jobs.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.jobs.ingest.IngestJob;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.synthetic.JinanTraceGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The traceability demo end to end on the seeded synthetic Jinan data: every planted case is found, no decoy is
 * flagged, every bad input becomes a rejected record or a finding, and no table or output holds an ID number or
 * phone in clear. One Spark test (the shared session); about 80 s, most of it the platform upload ingest, hence
 * tagged integration ({@code ./mvnw -B -Pintegration -Dsurefire.groups=integration verify}); {@code ./agrisafe
 * trace demo} runs the same checks and exits 1 when one fails.
 */
@Tag("integration")
class TraceDemoTest {

  @Test
  void plantedCasesFoundDecoysNotFlaggedAndNoPersonalDataInClear() {
    TraceDemo.Result r =
        TraceDemo.run(
            SharedSpark.spark(),
            SharedSpark.config(),
            new IcebergReference.Loaded(IngestJob.BUNDLED_VERSION, ReferenceData.loadBundled()),
            new JinanTraceGenerator.Params(7L, 10, 10));
    System.out.println(r);
    List<TraceDemo.Check> failed = r.checks().stream().filter(c -> !c.passed()).toList();
    assertEquals(List.of(), failed, "every planted case found and no decoy flagged");
    assertTrue(
        r.checks().size() >= 25,
        "the manifest holds the planted cases and decoys: " + r.checks().size());
    assertTrue(r.checks().stream().anyMatch(c -> c.kind().equals("TRACE_BACK_DECOY")));
    assertEquals(
        List.of(), r.personalData(), "no ID number or phone in clear in any table or output");
    assertTrue(
        r.manifest().clearIdNumbers().size() > 0, "the scan had known clear values to look for");
    // the natural-person buyers are linked across shops by their keyed hash
    long linked =
        SharedSpark.spark()
            .sql(
                "SELECT buyer_key FROM "
                    + SharedSpark.config().catalogName()
                    + ".inputs.ledger_lines WHERE buyer_type = 'PERSON' GROUP BY buyer_key HAVING count(DISTINCT licence_no) > 1")
            .count();
    assertTrue(linked > 0, "some person bought at two shops and is linked by the hash");
  }
}
