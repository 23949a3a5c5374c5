package org.agrisafe.intake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.IngestReport;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.RowKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parses the whole bundled PRiF annex ({@code data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz}).
 *
 * <p>Independent figures were computed once with a separate Python script (regex over the raw CSV, no code
 * shared with the adapter; {@code python3 prif_check.py prif_brand_name_annex_rows.csv}):
 * <pre>
 * detections over MRL 1308
 * samples by sampling year [('2016', 3449), ('2017', 3357), ('2018', 3379), ('2019', 3302), ('2020', 2460),
 *                           ('2021', 3530), ('2022', 1388)]
 * samples with >=1 detection over MRL by sampling year [('2016', 170), ('2017', 125), ('2018', 209),
 *                           ('2019', 234), ('2020', 80), ('2021', 102), ('2022', 41)]
 * </pre>
 * and with awk/grep: 37,478 data rows; 36,651 residue lines = 10,626 "None were detected" + 26,025 detections
 * (PROVENANCE: 25,674 with an MRL + 412 {@code (No MRL)}, the rest being the {@code ((MRL = …))},
 * {@code MRL N/A} and {@code !} quirks counted here too).
 */
@Tag("integration")
class PrifAdapterIntegrationTest {

  private static IngestBatch batch;

  @BeforeAll
  static void readAll() {
    batch =
        PrifAdapter.read(
            TestPaths.repoFile("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz"));
    System.out.println(batch);
    batch.rejected().stream().limit(20).forEach(System.out::println);
  }

  @Test
  void allSamplesReceivedAndReconciled() {
    IngestReport report = batch.report().reconcile();
    assertEquals(37_478, report.rowsRead());
    assertEquals(20_865, report.samplesReceived());
    assertEquals(report.samplesReceived(), report.samplesAccepted() + report.samplesRejected());
    assertEquals(batch.samples().size(), report.samplesAccepted());
    assertEquals(
        0, report.rows(RowKind.DUPLICATE), "PROVENANCE: no duplicate sample IDs across files");
    assertEquals(20_865 - report.samplesRejected(), report.rows(RowKind.SAMPLE_HEADER));
    assertEquals(
        37_478 - 36_651,
        report.rows(RowKind.LABEL_ROW),
        "rows that are neither sample nor residue");
  }

  @Test
  void noRealRowIsRejected() {
    assertEquals(
        0,
        batch.report().samplesRejected(),
        () -> "first rejected: " + batch.rejected().stream().limit(3).toList());
    assertEquals(26_025, batch.results().size());
    assertEquals(
        20_865 - 10_626, batch.results().stream().map(ParsedResult::sampleId).distinct().count());
  }

  @Test
  void exceedancesMatchIndependentCount() {
    long detectionsOver =
        batch.results().stream().filter(PrifAdapterIntegrationTest::overMrl).count();
    assertEquals(1_308, detectionsOver);
    Map<String, ParsedSample> byId =
        batch.samples().stream().collect(Collectors.toMap(ParsedSample::sampleId, s -> s));
    Set<String> samples2019Over = new HashSet<>();
    for (ParsedResult r : batch.results()) {
      if (overMrl(r) && Year.from(byId.get(r.sampleId()).sampleDate()).getValue() == 2019) {
        samples2019Over.add(r.sampleId());
      }
    }
    assertEquals(234, samples2019Over.size());
    assertEquals(
        3_302, batch.samples().stream().filter(s -> s.sampleDate().getYear() == 2019).count());
  }

  @Test
  void organicAndFlagsCounted() {
    assertEquals(1_820, batch.samples().stream().filter(ParsedSample::organic).count());
    assertEquals(
        112,
        batch.results().stream()
            .filter(r -> r.publishedMrlFlags() != null && r.publishedMrlFlags().contains("\u2020"))
            .count());
    assertEquals(
        412, batch.results().stream().filter(r -> "No MRL".equals(r.publishedLimitText())).count());
    assertTrue(batch.samples().stream().allMatch(s -> s.commodityCode() != null));
  }

  private static boolean overMrl(ParsedResult r) {
    return r.publishedMrlMgPerKg() != null && r.valueMgPerKg() > r.publishedMrlMgPerKg();
  }
}
