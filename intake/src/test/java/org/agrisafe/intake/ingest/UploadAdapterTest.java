package org.agrisafe.intake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.LabLevel;
import org.agrisafe.intake.model.Method;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.Programme;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.model.SamplingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadAdapterTest {

  /** The zone the tests cut dates in: the default deployment zone (docs/conventions.md §13.2). */
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @TempDir Path tmp;

  private static Map<String, String> good() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("result_id", "JN-CITY-LAB-2024-000123-01");
    f.put("revision", "1");
    f.put("sample_id", "JN-2024-000123");
    f.put("lab_id", "370100-QC-01");
    f.put("lab_level", "city");
    f.put("sampling_stage", "wholesale_market");
    f.put("division_code", "370102");
    f.put("lon", "117.0009");
    f.put("lat", "36.6758");
    f.put("producer_id", "P-0042");
    f.put("trace_code", "T123");
    f.put("commodity", "韭菜");
    f.put("analyte", "毒死蜱");
    f.put("method", "GC-MS");
    f.put("value", "25");
    f.put("unit", "\u00b5g/kg");
    f.put("lod", "5");
    f.put("loq", "10");
    f.put("sampled_at", "2024-07-01T00:30:00+08:00");
    f.put("programme", "random_monitoring");
    return f;
  }

  private static RejectedRecord rejected(Map<String, String> f) {
    return assertInstanceOf(UploadRecords.Invalid.class, UploadRecords.parse(f, "t.jsonl", 7, ZONE))
        .rejected();
  }

  /**
   * The sampling date is cut in the zone passed in, the lakehouse's one zone (docs/conventions.md §13.3): 00:30
   * +08:00 on 1 July is July under Asia/Shanghai and 30 June under Europe/London; the instant is the same.
   */
  @Test
  void sampleDateIsCutInTheGivenZone() {
    ParsedSample shanghai =
        ((UploadRecords.Valid) UploadRecords.parse(good(), "t.csv", 2, ZONE)).sample();
    ParsedSample london =
        ((UploadRecords.Valid) UploadRecords.parse(good(), "t.csv", 2, ZoneId.of("Europe/London")))
            .sample();
    assertEquals(shanghai.sampledAt(), london.sampledAt());
    assertEquals(LocalDate.of(2024, 7, 1), shanghai.sampleDate());
    assertEquals(LocalDate.of(2024, 6, 30), london.sampleDate());
    assertEquals(ZoneId.of("Europe/London"), london.zone());
  }

  @Test
  void perRecordParseOfAValidRecord() {
    UploadRecords.Valid v =
        assertInstanceOf(UploadRecords.Valid.class, UploadRecords.parse(good(), "t.csv", 2, ZONE));
    ParsedSample s = v.sample();
    assertEquals("PLATFORM_UPLOAD:JN-2024-000123", s.sampleId());
    assertEquals(Instant.parse("2024-06-30T16:30:00Z"), s.sampledAt());
    assertEquals(
        LocalDate.of(2024, 7, 1), s.sampleDate(), "00:30 +08:00 on 1 July belongs to July");
    assertEquals(Programme.RANDOM_MONITORING, s.programme());
    assertEquals(LabLevel.CITY, s.labLevel());
    assertEquals(SamplingStage.WHOLESALE_MARKET, s.samplingStage());
    assertEquals("370102", s.divisionCode());
    ParsedResult r = v.result();
    assertEquals("PLATFORM_UPLOAD:JN-CITY-LAB-2024-000123-01", r.resultId());
    assertEquals(0.025, r.valueMgPerKg(), 1e-15, "25 µg/kg (U+00B5)");
    assertEquals(0.005, r.lodMgPerKg(), 1e-15);
    assertEquals(0.010, r.loqMgPerKg(), 1e-15);
    assertEquals(Method.GC_MS, r.method());
    assertEquals("毒死蜱", r.analyteCode());

    Map<String, String> mu = good();
    mu.put("unit", "\u03bcg/kg");
    assertEquals(
        0.025,
        ((UploadRecords.Valid) UploadRecords.parse(mu, "t", 2, ZONE)).result().valueMgPerKg(),
        1e-15);
    Map<String, String> gkg = good();
    gkg.put("unit", "g/kg");
    gkg.put("value", "0.001");
    gkg.put("lod", "");
    gkg.put("loq", "");
    assertEquals(
        1.0,
        ((UploadRecords.Valid) UploadRecords.parse(gkg, "t", 2, ZONE)).result().valueMgPerKg(),
        1e-12);
  }

  @Test
  void perRecordValidationRejectsWithFieldAndReason() {
    Map<String, String> f = good();
    f.put("unit", "ppb");
    RejectedRecord unit = rejected(f);
    assertEquals("unit", unit.field());
    assertTrue(
        unit.reason().contains("Unknown unit 'ppb'") && unit.reason().contains("record 7"),
        unit.reason());
    assertEquals("PLATFORM_UPLOAD:JN-CITY-LAB-2024-000123-01", unit.recordKey());

    f = good();
    f.put("sampled_at", "2024-07-01T00:30:00");
    RejectedRecord offset = rejected(f);
    assertEquals("sampled_at", offset.field());
    assertTrue(offset.reason().contains("no UTC offset"), offset.reason());
    f.put("sampled_at", "01/07/2024 00:30 +08:00");
    assertEquals("sampled_at", rejected(f).field());

    Object[][] cases = {
      {"division_code", "3701", "division_code"},
      {"division_code", "37010A", "division_code"},
      {"lon", "200", "lon"},
      {"lat", "-91", "lat"},
      {"revision", "0", "revision"},
      {"revision", "1.5", "revision"},
      {"value", "-1", "value"},
      {"value", "0.O2", "value"},
      {"lod", "20", "lod"},
      {"programme", "routine", "programme"},
      {"lab_level", "unknown", "lab_level"},
      {"method", "NMR", "method"},
      {"commodity", " ", "commodity"},
      {"inhibition_rate_pct", "30", "inhibition_rate_pct"},
      {"colour", "red", "colour"},
    };
    for (Object[] c : cases) {
      Map<String, String> g = good();
      g.put((String) c[0], (String) c[1]);
      assertEquals(c[2], rejected(g).field(), () -> c[0] + "=" + c[1]);
    }
    Map<String, String> noLat = good();
    noLat.remove("lat");
    assertEquals("lat", rejected(noLat).field());
  }

  @Test
  void rapidTestsAndCensoredValues() {
    Map<String, String> enzyme = good();
    enzyme.put("method", "ENZYME_INHIBITION");
    for (String k : List.of("value", "unit", "lod", "loq")) {
      enzyme.remove(k);
    }
    enzyme.put("inhibition_rate_pct", "62.5");
    ParsedResult e = ((UploadRecords.Valid) UploadRecords.parse(enzyme, "t", 2, ZONE)).result();
    assertEquals(62.5, e.inhibitionRatePct(), 0.0);
    assertNull(e.valueMgPerKg());
    enzyme.put("inhibition_rate_pct", "101");
    assertEquals("inhibition_rate_pct", rejected(enzyme).field());

    Map<String, String> strip = new HashMap<>(enzyme);
    strip.remove("inhibition_rate_pct");
    strip.put("method", "colloidal_gold");
    strip.put("strip_result", "阳性");
    assertEquals(
        Boolean.TRUE,
        ((UploadRecords.Valid) UploadRecords.parse(strip, "t", 2, ZONE)).result().stripPositive());
    strip.put("strip_result", "maybe");
    assertEquals("strip_result", rejected(strip).field());

    Map<String, String> nd = good();
    nd.put("value", "ND");
    ParsedResult n = ((UploadRecords.Valid) UploadRecords.parse(nd, "t", 2, ZONE)).result();
    assertTrue(n.reportedBelowLod());
    assertNull(n.valueMgPerKg());
    nd.remove("lod");
    assertEquals("lod", rejected(nd).field());
    Map<String, String> lt = good();
    lt.put("value", "<LOQ");
    assertTrue(
        ((UploadRecords.Valid) UploadRecords.parse(lt, "t", 2, ZONE)).result().reportedBelowLoq());
  }

  private static final String JSONL =
      String.join(
              "\n",
              // 1 valid, µ U+00B5
              "{\"result_id\":\"R1\",\"revision\":1,\"sample_id\":\"S1\",\"lab_id\":\"L1\",\"lab_level\":\"county\","
                  + "\"sampling_stage\":\"retail\",\"division_code\":\"370112\",\"lon\":117.1,\"lat\":36.7,"
                  + "\"commodity\":\"芹菜\",\"analyte\":\"毒死蜱\",\"method\":\"LC-MS/MS\",\"value\":\"80\","
                  + "\"unit\":\"\u00b5g/kg\",\"lod\":\"2\",\"loq\":\"5\",\"sampled_at\":\"2024-07-01T09:00:00+08:00\","
                  + "\"programme\":\"risk_targeted\"}",
              // 2 second result of S1, μ U+03BC
              "{\"result_id\":\"R2\",\"sample_id\":\"S1\",\"lab_id\":\"L1\",\"lab_level\":\"county\","
                  + "\"sampling_stage\":\"retail\",\"division_code\":\"370112\",\"lon\":117.1,\"lat\":36.7,"
                  + "\"commodity\":\"芹菜\",\"analyte\":\"克百威\",\"method\":\"LC-MS/MS\",\"value\":3,"
                  + "\"unit\":\"\u03bcg/kg\",\"lod\":\"1\",\"loq\":\"3\",\"sampled_at\":\"2024-07-01T01:00:00Z\","
                  + "\"programme\":\"risk_targeted\"}",
              // 3 blank
              "",
              // 4 exact resend of line 1: DUPLICATE
              "{\"result_id\":\"R1\",\"revision\":1,\"sample_id\":\"S1\",\"lab_id\":\"L1\",\"lab_level\":\"county\","
                  + "\"sampling_stage\":\"retail\",\"division_code\":\"370112\",\"lon\":117.1,\"lat\":36.7,"
                  + "\"commodity\":\"芹菜\",\"analyte\":\"毒死蜱\",\"method\":\"LC-MS/MS\",\"value\":\"80\","
                  + "\"unit\":\"\u00b5g/kg\",\"lod\":\"2\",\"loq\":\"5\",\"sampled_at\":\"2024-07-01T09:00:00+08:00\","
                  + "\"programme\":\"risk_targeted\"}",
              // 5 correction: revision 2 of R1
              "{\"result_id\":\"R1\",\"revision\":2,\"sample_id\":\"S1\",\"lab_id\":\"L1\",\"lab_level\":\"county\","
                  + "\"sampling_stage\":\"retail\",\"division_code\":\"370112\",\"lon\":117.1,\"lat\":36.7,"
                  + "\"commodity\":\"芹菜\",\"analyte\":\"毒死蜱\",\"method\":\"LC-MS/MS\",\"value\":\"0.08\","
                  + "\"unit\":\"mg/kg\",\"lod\":\"0.002\",\"loq\":\"0.005\",\"sampled_at\":\"2024-07-01T09:00:00+08:00\","
                  + "\"programme\":\"risk_targeted\"}",
              // 6 same revision 1 of R1 with a different value: rejected
              "{\"result_id\":\"R1\",\"revision\":1,\"sample_id\":\"S1\",\"lab_id\":\"L1\",\"lab_level\":\"county\","
                  + "\"sampling_stage\":\"retail\",\"commodity\":\"芹菜\",\"analyte\":\"毒死蜱\",\"method\":\"LC-MS/MS\","
                  + "\"value\":\"90\",\"unit\":\"\u00b5g/kg\",\"sampled_at\":\"2024-07-01T09:00:00+08:00\","
                  + "\"programme\":\"risk_targeted\"}",
              // 7 unknown unit, sample S2 only here: S2 rejected
              "{\"result_id\":\"R3\",\"sample_id\":\"S2\",\"lab_id\":\"L1\",\"lab_level\":\"county\","
                  + "\"sampling_stage\":\"retail\",\"commodity\":\"韭菜\",\"analyte\":\"腐霉利\",\"method\":\"GC-MS\","
                  + "\"value\":\"0.2\",\"unit\":\"ppm\",\"sampled_at\":\"2024-07-02T09:00:00+08:00\","
                  + "\"programme\":\"random_monitoring\"}",
              // 8 missing offset, sample S3
              "{\"result_id\":\"R4\",\"sample_id\":\"S3\",\"lab_id\":\"L1\",\"lab_level\":\"county\","
                  + "\"sampling_stage\":\"retail\",\"commodity\":\"韭菜\",\"analyte\":\"腐霉利\",\"method\":\"GC-MS\","
                  + "\"value\":\"0.2\",\"unit\":\"mg/kg\",\"sampled_at\":\"2024-07-02T09:00:00\","
                  + "\"programme\":\"random_monitoring\"}",
              // 9 malformed JSON
              "{\"result_id\":\"R5\", \"sample_id\": ",
              // 10 S1 again with a different sampling time: rejected
              "{\"result_id\":\"R6\",\"sample_id\":\"S1\",\"lab_id\":\"L1\",\"lab_level\":\"county\","
                  + "\"sampling_stage\":\"retail\",\"division_code\":\"370112\",\"lon\":117.1,\"lat\":36.7,"
                  + "\"commodity\":\"芹菜\",\"analyte\":\"氧乐果\",\"method\":\"LC-MS/MS\",\"value\":\"1\","
                  + "\"unit\":\"ug/kg\",\"sampled_at\":\"2024-07-03T09:00:00+08:00\",\"programme\":\"risk_targeted\"}")
          + "\n";

  @Test
  void jsonLinesFileWithDuplicatesCorrectionsAndRejections() throws Exception {
    Path f = tmp.resolve("upload.jsonl");
    Files.writeString(f, JSONL, StandardCharsets.UTF_8);
    IngestBatch b = UploadAdapter.read(f, null, ZONE);
    b.report().reconcile();
    assertEquals(10, b.report().rowsRead());
    assertEquals(1, b.report().rows(RowKind.SAMPLE_HEADER));
    assertEquals(2, b.report().rows(RowKind.CONTINUATION));
    assertEquals(1, b.report().rows(RowKind.BLANK));
    assertEquals(1, b.report().rows(RowKind.DUPLICATE));
    assertEquals(5, b.report().rows(RowKind.REJECTED));
    assertEquals(
        4, b.report().samplesReceived(), "S1, S2, S3 and the unidentifiable malformed line");
    assertEquals(1, b.report().samplesAccepted());
    assertEquals(3, b.report().samplesRejected());
    assertEquals(3, b.results().size());
    ParsedResult r1v1 = b.results().get(0);
    ParsedResult r1v2 = b.results().get(2);
    assertEquals(1, r1v1.revision());
    assertTrue(r1v1.superseded());
    assertEquals(0.08, r1v1.valueMgPerKg(), 1e-15, "80 µg/kg");
    assertEquals(2, r1v2.revision());
    assertFalse(r1v2.superseded());
    assertEquals(0.003, b.results().get(1).valueMgPerKg(), 1e-15, "3 μg/kg (U+03BC)");
    Map<Long, String> fieldByLine = new HashMap<>();
    b.rejected().forEach(r -> fieldByLine.put(r.sourceLine(), r.field()));
    assertEquals(
        Map.of(6L, "revision", 7L, "unit", 8L, "sampled_at", 9L, "line", 10L, "sample_id"),
        fieldByLine);
  }

  private static final String CSV_HEADER =
      String.join(
              ",",
              UploadRecords.FIELDS.stream()
                  .filter(f -> !f.equals(UploadRecords.SYNTHETIC))
                  .toList())
          + "\n";
  private static final String CSV_ROWS =
      "G1,1,GS1,370100-QC-01,city,supermarket,370103,,,P1,,韭菜,腐霉利,GC-MS,0.35,mg/kg,0.01,0.02,,,"
          + "2024-03-05T10:00:00+08:00,follow_up,中国\n"
          + "G2,1,GS1,370100-QC-01,city,supermarket,370103,,,P1,,韭菜,有机磷和氨基甲酸酯类,ENZYME_INHIBITION,,,,,"
          + "55,,2024-03-05T10:00:00+08:00,follow_up,中国\n"
          + "\n"
          + "G3,1,GS2,370100-QC-01,city,supermarket,370103,,,P1,,韭菜,腐霉利,GC-MS,0.35,斤,,,,,"
          + "2024-03-05T10:00:00+08:00,follow_up,中国\n";

  @Test
  void gbkCsvIsDetectedAndEqualsTheUtf8Reading() throws Exception {
    Path gbk = tmp.resolve("upload-gbk.csv");
    Files.write(gbk, (CSV_HEADER + CSV_ROWS).getBytes(SourceFiles.GBK));
    Path utf8 = tmp.resolve("upload-utf8.csv");
    Files.writeString(utf8, CSV_HEADER + CSV_ROWS, StandardCharsets.UTF_8);
    assertEquals(SourceFiles.GBK, SourceFiles.detect(Files.readAllBytes(gbk)));

    IngestBatch detected = UploadAdapter.read(gbk, null, ZONE);
    IngestBatch explicit = UploadAdapter.read(gbk, SourceFiles.GBK, ZONE);
    IngestBatch fromUtf8 = UploadAdapter.read(utf8, null, ZONE);
    detected.report().reconcile();
    assertEquals(4, detected.report().rowsRead());
    assertEquals(1, detected.report().rows(RowKind.BLANK));
    assertEquals(1, detected.report().rows(RowKind.REJECTED));
    assertEquals("unit", detected.rejected().get(0).field());
    assertTrue(
        detected.rejected().get(0).reason().contains("'斤'"), "decoded Chinese in the message");
    assertEquals(2, detected.results().size());
    assertEquals("韭菜", detected.samples().get(0).commodityRaw());
    assertEquals("中国", detected.samples().get(0).countryOfOriginRaw());
    assertEquals(Programme.FOLLOW_UP, detected.samples().get(0).programme());
    assertEquals(55.0, detected.results().get(1).inhibitionRatePct(), 0.0);
    assertEquals(
        fromUtf8.results().stream().map(ParsedResult::analyteCode).toList(),
        detected.results().stream().map(ParsedResult::analyteCode).toList());
    assertEquals(
        detected.results().stream().map(ParsedResult::analyteCode).toList(),
        explicit.results().stream().map(ParsedResult::analyteCode).toList());

    assertThrows(
        UncheckedIOException.class,
        () -> UploadAdapter.read(gbk, StandardCharsets.UTF_8, ZONE),
        "GBK bytes with an explicit UTF-8 charset fail loudly");
    assertThrows(
        IllegalArgumentException.class,
        () -> UploadAdapter.read(tmp.resolve("x.xlsx"), null, ZONE));
  }
}
