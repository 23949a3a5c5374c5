package org.agrisafe.intake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.Programme;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.model.SamplingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRiF adapter on real rows: {@code prif_real_rows.csv} holds 30 rows copied byte for byte (NBSP included) from
 * {@code data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz} (uncompressed), file lines 2–7, 250, 530–533,
 * 7963–7965, 10438–10445, 21993, 30183, 35316, 35893–35895, 35897–35898.
 */
class PrifAdapterTest {

  private static final String HEADER =
      "source_file,sheet,row_seq_in_sheet,sample_id,date_of_sampling,description,"
          + "country_of_origin,sampling_point,address,brand_name,packer_manufacturer_importer,"
          + "residues_found_mg_per_kg_mrl,residue_cell_bold,residue_cell_color\n";

  @TempDir Path tmp;

  static Path realRows() throws URISyntaxException {
    return Paths.get(PrifAdapterTest.class.getResource("prif_real_rows.csv").toURI());
  }

  @Test
  void realRowsAreClassifiedAndReconciled() throws Exception {
    IngestBatch b = PrifAdapter.read(realRows());
    assertEquals(30, b.report().rowsRead());
    assertEquals(13, b.report().rows(RowKind.SAMPLE_HEADER));
    assertEquals(14, b.report().rows(RowKind.CONTINUATION));
    assertEquals(3, b.report().rows(RowKind.LABEL_ROW));
    assertEquals(0, b.report().rows(RowKind.REJECTED));
    assertEquals(13, b.report().samplesReceived());
    assertEquals(13, b.samples().size());
    assertEquals(23, b.results().size());
    assertTrue(b.rejected().isEmpty());
    b.report().reconcile();
  }

  @Test
  void realRowsQuirksAreParsed() throws Exception {
    IngestBatch b = PrifAdapter.read(realRows());
    Map<String, ParsedSample> s =
        b.samples().stream().collect(Collectors.toMap(ParsedSample::sampleId, Function.identity()));
    Map<String, ParsedResult> r =
        b.results().stream().collect(Collectors.toMap(ParsedResult::resultId, Function.identity()));

    ParsedSample apple = s.get("UK_PRIF:1958/2016");
    assertEquals("apples", apple.commodityCode());
    assertEquals("Apple_BNA", apple.commodityRaw());
    assertEquals(LocalDate.of(2016, 8, 8), apple.sampleDate());
    assertEquals(
        Instant.parse("2016-08-07T23:00:00Z"), apple.sampledAt(), "00:00 BST is 23:00 UTC");
    assertEquals("Cooking", apple.attributes().get("prif_group_label"));
    assertEquals(Programme.RANDOM_MONITORING, apple.programme());
    assertEquals(SamplingStage.SUPERMARKET, apple.samplingStage());
    assertEquals(
        2, b.results().stream().filter(x -> x.sampleId().equals(apple.sampleId())).count());

    ParsedResult flonicamid = r.get("UK_PRIF:0230/2016#2");
    assertEquals("flonicamid (sum)", flonicamid.analyteRaw());
    assertEquals("flonicamid (sum)", flonicamid.analyteCode());
    assertEquals(0.02, flonicamid.valueMgPerKg(), 0.0);
    assertEquals(0.2, flonicamid.publishedMrlMgPerKg(), 0.0);
    assertNull(flonicamid.publishedMrlFlags());

    ParsedSample organic = s.get("UK_PRIF:5139/2016");
    assertTrue(organic.organic());
    assertEquals(
        0,
        b.results().stream().filter(x -> x.sampleId().equals(organic.sampleId())).count(),
        "'None were detected above the set RL' gives an accepted sample without results");

    ParsedResult dimethoate = r.get("UK_PRIF:2516/2016#2");
    assertEquals("*", dimethoate.publishedMrlFlags());
    assertEquals(0.02, dimethoate.publishedMrlMgPerKg(), 0.0);
    assertEquals(Boolean.TRUE, dimethoate.publishedExceedsFlag());
    assertEquals(Boolean.FALSE, r.get("UK_PRIF:2516/2016#1").publishedExceedsFlag());

    assertEquals(
        "Samples passed to HSE Enforcement",
        s.get("UK_PRIF:3334/2017").attributes().get("prif_group_label"));
    assertEquals(SamplingStage.UNKNOWN, s.get("UK_PRIF:3334/2017").samplingStage());

    ParsedResult doubled = r.get("UK_PRIF:3891/2017#8");
    assertEquals("trifloxystrobin", doubled.analyteCode());
    assertEquals(0.7, doubled.publishedMrlMgPerKg(), 0.0);

    ParsedResult na = r.get("UK_PRIF:1315/2019#1");
    assertNull(na.publishedMrlMgPerKg());
    assertEquals("MRL N/A", na.publishedLimitText());
    assertEquals("potatoes_processed", s.get("UK_PRIF:1315/2019").commodityCode());

    ParsedResult chlorate = r.get("UK_PRIF:0558/2021#1");
    assertEquals("!", chlorate.publishedMrlFlags());
    assertEquals(0.1, chlorate.publishedMrlMgPerKg(), 0.0);
    assertEquals("GB", s.get("UK_PRIF:0558/2021").attributes().get("prif_nation"));

    ParsedResult ddt = r.get("UK_PRIF:0327/2022#1");
    assertEquals("*", ddt.valueFlags());
    assertEquals(0.047, ddt.valueMgPerKg(), 0.0);
    assertNull(ddt.publishedMrlFlags());

    ParsedSample barley = s.get("UK_PRIF:4025/2022");
    assertTrue(barley.organic(), "'4025/2022 Organic\\u00a0' with NBSP");
    assertEquals(
        LocalDate.of(2022, 5, 9), barley.sampleDate(), "'09/05/2022\\u00a0' with NBSP, day first");
    assertEquals("barley", barley.commodityCode());
    assertEquals("Q2", barley.attributes().get("prif_quarter"));
    assertEquals("Holland & Barrett", barley.samplingPoint());
    assertEquals("Holland & Barret", barley.attributes().get("prif_sampling_point_raw"));
    assertEquals("Austria", barley.countryOfOriginRaw());
    assertEquals("Pearl Barley", s.get("UK_PRIF:2231/2022").attributes().get("prif_group_label"));

    ParsedResult mepiquat = r.get("UK_PRIF:4094/2022#2");
    assertEquals("\u2020", mepiquat.publishedMrlFlags());
    assertEquals(3.24, mepiquat.publishedMrlMgPerKg(), 0.0);
    assertEquals(31, mepiquat.sourceLine());
  }

  @Test
  void gzippedCopyGivesTheSameBatch() throws Exception {
    Path gz = tmp.resolve("rows.csv.gz");
    try (InputStream in = Files.newInputStream(realRows());
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      in.transferTo(out);
    }
    IngestBatch plain = PrifAdapter.read(realRows());
    IngestBatch zipped = PrifAdapter.read(gz);
    assertEquals(plain.report().rowCounts(), zipped.report().rowCounts());
    assertEquals(
        plain.results().stream().map(ParsedResult::valueMgPerKg).toList(),
        zipped.results().stream().map(ParsedResult::valueMgPerKg).toList());
  }

  /** Real rows with single, marked modifications, to exercise every rejection path. */
  @Test
  void badRowsRejectTheirWholeSampleAndAreCounted() throws IOException {
    String csv =
        HEADER
            // line 2-4: real sample 0230/2016 with its second residue value altered to '0.O2'
            // (letter O)
            + "2016_annual_data.ods,Apple_BNA,5,0230/2016,08/08/2016,Bramley Apples,UK,Co-op,\"Northgate, Louth LN11 0LT\","
            + "Co-op,Co-operative Group Ltd Manchester M60 0AG,boscalid 0.05 (MRL = 2),0,\n"
            + "2016_annual_data.ods,Apple_BNA,6,,,,,,,,,flonicamid (sum) 0.O2 (MRL = 0.2),0,\n"
            + "2016_annual_data.ods,Apple_BNA,7,,,,,,,,,pyraclostrobin 0.03 (MRL = 0.5),0,\n"
            // line 5: real sample 1958/2016 with an impossible date
            + "2016_annual_data.ods,Apple_BNA,3,1958/2016,31/02/2016,Bramley Apples,UK,Asda,x,Asda,y,"
            + "boscalid 0.03 (MRL = 2),0,\n"
            // line 6: real sample 1043/2016 on an unknown sheet name
            + "2016_annual_data.ods,Durian_BNA,34,1043/2016,01/02/2016,Runner Beans,Kenya,Morrisons Store,x,Morrisons,y,"
            + "None were detected above the set RL,0,\n"
            // line 7: blank row; line 8: label; line 9: orphan continuation right after the label
            + ",,,,,,,,,,,,,\n"
            + "2016_annual_data.ods,Apple_BNA,9,Eating,,,,,,,,,0,\n"
            + "2016_annual_data.ods,Apple_BNA,10,,,,,,,,,boscalid 0.02 (MRL = 2),0,\n"
            // line 10-11: a good sample, then line 12 its ID repeated (duplicate) with line 13
            // continuation
            + "2016_annual_data.ods,Apple_BNA,11,5139/2016 Organic,14/11/2016,Organic British Apples,UK,Tesco,x,Tesco,y,"
            + "boscalid 0.02 (MRL = 2),0,\n"
            + "2016_annual_data.ods,Apple_BNA,12,,,,,,,,,captan 0.1 (No MRL),0,\n"
            + "2016_annual_data.ods,Apple_BNA,13,5139/2016,14/11/2016,Organic British Apples,UK,Tesco,x,Tesco,y,"
            + "boscalid 0.02 (MRL = 2),0,\n"
            + "2016_annual_data.ods,Apple_BNA,14,,,,,,,,,captan 0.1 (No MRL),0,\n";
    Path f = tmp.resolve("bad.csv");
    Files.writeString(f, csv, StandardCharsets.UTF_8);
    IngestBatch b = PrifAdapter.read(f);

    assertEquals(12, b.report().rowsRead());
    assertEquals(1, b.report().rows(RowKind.SAMPLE_HEADER));
    assertEquals(1, b.report().rows(RowKind.CONTINUATION));
    assertEquals(1, b.report().rows(RowKind.LABEL_ROW));
    assertEquals(1, b.report().rows(RowKind.BLANK));
    assertEquals(2, b.report().rows(RowKind.DUPLICATE));
    assertEquals(6, b.report().rows(RowKind.REJECTED));
    assertEquals(4, b.report().samplesReceived());
    assertEquals(1, b.report().samplesAccepted());
    assertEquals(3, b.report().samplesRejected());
    assertEquals(2, b.results().size());

    RejectedRecord value = find(b.rejected(), 3);
    assertEquals("residues_found_mg_per_kg_mrl", value.field());
    assertEquals("UK_PRIF:0230/2016", value.recordKey());
    assertTrue(
        value.reason().contains("'0.O2'") && value.reason().contains("row 3"), value.reason());
    RejectedRecord sibling = find(b.rejected(), 2);
    assertEquals("sample", sibling.field());
    assertTrue(sibling.reason().contains("rejected whole because row 3"), sibling.reason());
    assertEquals("date_of_sampling", find(b.rejected(), 5).field());
    assertTrue(find(b.rejected(), 5).reason().contains("'31/02/2016'"));
    assertEquals("sheet", find(b.rejected(), 6).field());
    assertEquals("sample_id", find(b.rejected(), 9).field());
    assertFalse(
        b.rejected().stream().anyMatch(x -> x.sourceLine() >= 10), "accepted and duplicate rows");
  }

  @Test
  void commodityAliasesNormaliseSheetNames() {
    assertEquals("apples", PrifAdapter.commodityCodeForSheet("Apple_BNA"));
    assertEquals("apples", PrifAdapter.commodityCodeForSheet("Apples_NI_Q2_BNA"));
    assertEquals("potatoes", PrifAdapter.commodityCodeForSheet("Potato_BNA"));
    assertEquals("potatoes", PrifAdapter.commodityCodeForSheet("Potatoes_GB_Q2_BNA"));
    assertEquals("peaches_nectarines", PrifAdapter.commodityCodeForSheet("PeachesNectarines_BNA"));
    assertEquals("peaches_nectarines", PrifAdapter.commodityCodeForSheet("Peach&Nect_GB_BNA"));
    assertEquals("bread_gluten_free", PrifAdapter.commodityCodeForSheet("Bread_GF_BNA"));
    assertEquals("fish_sea", PrifAdapter.commodityCodeForSheet("Fish(Sea)_NI_Q2_BNA"));
    assertNull(PrifAdapter.commodityCodeForSheet("Durian_BNA"));
    assertNull(PrifAdapter.commodityCodeForSheet("Apples_SUM"));
  }

  @Test
  void residueParserReadsFromTheRight() {
    PrifResidueParser.Residue r =
        PrifResidueParser.parse("fluazifop-p (partial sum) 0.2 (MRL = 0.03*)");
    assertEquals("fluazifop-p (partial sum)", r.analyteRaw());
    assertEquals(0.2, r.valueMgPerKg(), 0.0);
    assertEquals(0.03, r.mrlMgPerKg(), 0.0);
    assertEquals("*", r.mrlFlags());
    assertEquals("MRL = 0.03*", r.limitText());
    PrifResidueParser.Residue l = PrifResidueParser.parse("dithiocarbamates 0.6 (MRL = 0.05L)");
    assertEquals("L", l.mrlFlags());
    PrifResidueParser.Residue none = PrifResidueParser.parse("cypermethrin (sum) 0.02 (No MRL)");
    assertNull(none.mrlMgPerKg());
    assertEquals("No MRL", none.limitText());
    assertTrue(PrifResidueParser.isNoneDetected("None were detected above the set RL\u00a0"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PrifResidueParser.parse("boscalid 0.O2 (MRL = 2)"));
    assertTrue(e.getMessage().contains("'0.O2'"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> PrifResidueParser.parse("boscalid 0.02 (MRL = two)"));
    assertThrows(IllegalArgumentException.class, () -> PrifResidueParser.parse("boscalid 0.02"));
  }

  private static RejectedRecord find(List<RejectedRecord> list, long line) {
    return list.stream()
        .filter(x -> x.sourceLine() == line)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no rejected record for line " + line + " in " + list));
  }
}
