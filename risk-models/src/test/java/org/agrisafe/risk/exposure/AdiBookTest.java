package org.agrisafe.risk.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.agrisafe.risk.common.CsvTable;
import org.agrisafe.risk.common.NotAssessed;
import org.agrisafe.risk.common.TestPaths;
import org.junit.jupiter.api.Test;

class AdiBookTest {

  /** A gzipped CSV of the repository's data/ folder (a copy of the shared data; see its PROVENANCE.md). */
  private static CsvTable gzippedCsv(String relative) throws IOException {
    Path p = TestPaths.repoFile(relative);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return CsvTable.read(in, p.toString());
    }
  }

  @Test
  void matchesBoscalidAndFlonicamidSumFromShippedFiles() {
    AdiBook book = TestBooks.shipped();
    AdiResolution b = book.resolve("boscalid");
    assertEquals(AdiResolution.Status.RESOLVED, b.status());
    assertEquals("Boscalid", b.entry().substance());
    assertEquals(0.04, b.entry().adiMgPerKgBwPerDay(), 0);
    assertNull(b.entry().arfdMgPerKgBw());

    AdiResolution f = book.resolve("Flonicamid (sum)");
    assertEquals(AdiResolution.Status.RESOLVED, f.status());
    assertEquals("Flonicamid", f.entry().substance());
    assertEquals("RESIDUE_DEFINITION_SUFFIX", f.matchRule());
    assertEquals("158062-67-0", f.entry().cas());
    assertEquals(0.025, f.entry().adiMgPerKgBwPerDay(), 0);

    assertEquals("Chlormequat chloride", book.resolve("chlormequat").entry().substance());
    assertEquals("Fluazifop-P", book.resolve("fluazifop-p (partial sum)").entry().substance());
    AdiResolution cf = book.resolve("captan and folpet");
    assertEquals("Folpet", cf.entry().substance());
    assertEquals("SUM_OF_SUBSTANCES_LOWEST_ADI", cf.matchRule());
    assertEquals("Imazalil", book.resolve("imazalil").entry().substance());
    assertEquals("Thiabendazole", book.resolve("thiabendazole").entry().substance());
    assertEquals("Glyphosate", book.resolve("glyphosate").entry().substance());
    // NBSP and spacing as in the Q2 2022 sheets
    assertEquals("Flonicamid", book.resolve("flonicamid\u00A0 (sum) ").entry().substance());
    // not in the synonym table: exact substance name and CAS
    assertEquals("EXACT_SUBSTANCE_NAME", book.resolve("Thiram").matchRule());
    assertEquals("Flonicamid", book.resolve("158062-67-0").entry().substance());
  }

  @Test
  void flonicamidAdiAgreesWithTheSharedOpenFoodToxFile() throws IOException {
    CsvTable oft = gzippedCsv("data/efsa-openfoodtox-adi/oft_reference_values.csv.gz");
    double fromSource = Double.NaN;
    for (CsvTable.Row r : oft.rows()) {
      if (r.get("Substance").equals("Flonicamid") && r.get("Assessment").equals("ADI")) {
        fromSource = r.getDouble("value");
      }
    }
    assertEquals(
        fromSource,
        TestBooks.shipped().resolve("flonicamid (sum)").entry().adiMgPerKgBwPerDay(),
        0);
  }

  @Test
  void reportsAnalytesWithoutAdiAndNeverDropsThem() {
    AdiBook book = TestBooks.shipped();
    AdiResolution d = book.resolve("dithiocarbamates");
    assertEquals(AdiResolution.Status.NO_REFERENCE_VALUE, d.status());
    assertTrue(d.message().contains("CS2"), d.message());
    assertEquals(AdiResolution.Status.UNKNOWN_ANALYTE, book.resolve("unobtainium").status());

    List<NotAssessed> missing =
        book.unresolved(List.of("boscalid", "dithiocarbamates", "unobtainium", "DITHIOCARBAMATES"));
    assertEquals(2, missing.size());
    assertEquals("analyte=dithiocarbamates", missing.get(0).key());
    assertTrue(missing.get(0).reason().startsWith("NO_REFERENCE_VALUE"));
    assertEquals("analyte=unobtainium", missing.get(1).key());
    assertTrue(missing.get(1).reason().startsWith("UNKNOWN_ANALYTE"));
  }

  @Test
  void everyUkPrifAnalyteIsInTheSynonymTable() throws IOException {
    // parse the analyte names from the UK annex as the build script does, and check none is unknown
    // to the book
    CsvTable uk = gzippedCsv("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz");
    java.util.regex.Pattern p =
        java.util.regex.Pattern.compile(
            "^(.*?)\\s+[<>]?(\\d*\\.?\\d+)\\*?\\s*\\(+\\s*(MRL|No MRL)");
    List<String> analytes = new ArrayList<>();
    for (CsvTable.Row r : uk.rows()) {
      String s = r.get("residues_found_mg_per_kg_mrl").replace('\u00A0', ' ').trim();
      java.util.regex.Matcher m = p.matcher(s);
      if (m.find()) {
        analytes.add(m.group(1));
      }
    }
    assertTrue(analytes.size() > 25_000, "parsed " + analytes.size());
    AdiBook book = TestBooks.shipped();
    long unknown =
        analytes.stream()
            .distinct()
            .filter(a -> book.resolve(a).status() == AdiResolution.Status.UNKNOWN_ANALYTE)
            .count();
    assertEquals(0, unknown);
    long resolved = analytes.stream().filter(a -> book.resolve(a).hasAdi()).count();
    assertTrue(
        resolved > 0.85 * analytes.size(),
        "detections with an ADI: " + resolved + " of " + analytes.size());
  }

  @Test
  void loadsFromStreamsAndRejectsSynonymToMissingSubstance() throws Exception {
    Path adi = TestPaths.repoFile("reference-data/adi/adi_arfd.csv");
    Path syn = TestPaths.repoFile("reference-data/adi/analyte_synonyms.csv");
    try (InputStream a = Files.newInputStream(adi);
        InputStream s = Files.newInputStream(syn)) {
      AdiBook book = AdiBook.load(a, "adi_arfd.csv", s, "analyte_synonyms.csv");
      assertEquals(TestBooks.shipped().substanceCount(), book.substanceCount());
      assertTrue(book.synonymCount() >= 236);
    }
    assertTrue(Files.size(adi) < 300_000, "adi_arfd.csv is " + Files.size(adi) + " bytes");
    String adiCsv =
        "substance,cas,adi_mg_per_kg_bw_per_day,adi_type,adi_source,adi_year,arfd_mg_per_kg_bw,"
            + "arfd_type,arfd_source,arfd_year,note\nFoo,,0.1,ADI,x,2020,,,,,\n";
    String synCsv = "analyte,substance,cas,match_rule,note\nbar,Baz,,EXACT,\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AdiBook.load(
                    new ByteArrayInputStream(adiCsv.getBytes(StandardCharsets.UTF_8)), "adi",
                    new ByteArrayInputStream(synCsv.getBytes(StandardCharsets.UTF_8)), "syn"));
    assertTrue(e.getMessage().contains("row 2 of syn"), e.getMessage());
    String badAdi = adiCsv.replace("0.1,ADI", "0.O1,ADI");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AdiBook.load(
                    new ByteArrayInputStream(badAdi.getBytes(StandardCharsets.UTF_8)), "adi",
                    new ByteArrayInputStream(
                            "analyte,substance,cas,match_rule,note\n"
                                .getBytes(StandardCharsets.UTF_8)),
                        "syn"));
    assertTrue(e.getMessage().contains("'0.O1' in row 2 of adi"), e.getMessage());
  }
}
