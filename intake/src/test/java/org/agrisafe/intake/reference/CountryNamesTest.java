package org.agrisafe.intake.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.agrisafe.intake.reference.CountryNames.Status;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CountryNamesTest {
  private final CountryNames names = CountryNames.bundled();

  private void assertCountry(String raw, String iso2) {
    CountryNames.Match m = names.lookup(raw);
    assertEquals(Status.COUNTRY, m.status(), raw);
    assertEquals(iso2, m.iso2(), raw);
  }

  @Test
  void realSpellings() {
    assertCountry("UK", "GB");
    assertCountry("UK\u00a0", "GB");
    assertCountry("England (UK)", "GB");
    assertCountry("Northern Ireland (UK)\u00a0", "GB");
    assertCountry("the Netherlands", "NL");
    assertCountry("Holland (the Netherlands)", "NL");
    assertCountry("Namibia", "NA");
    assertEquals("NA", names.lookup("  namibia ").iso2());
    CountryNames.Match eu = names.lookup("EU");
    assertEquals(Status.NOT_A_COUNTRY, eu.status());
    assertEquals("EU", eu.iso2());
    assertTrue(!eu.status().mappable());
    assertEquals(Status.MULTIPLE, names.lookup("Spain/Morocco").status());
    assertEquals(
        Status.MULTIPLE, names.lookup("Peru / Chile").status(), "any A/B is several countries");
    assertEquals(Status.UNKNOWN, names.lookup("Unknown").status());
    assertEquals(Status.UNKNOWN, names.lookup("Not stated").status());
    assertEquals(Status.SEA_AREA, names.lookup("North East Atlantic").status());
    assertEquals(Status.BLANK, names.lookup(" \u00a0").status());
    assertEquals(Status.BLANK, names.lookup(null).status());
    CountryNames.Match x = names.lookup("Atlantis");
    assertEquals(Status.UNMATCHED, x.status());
    assertNull(x.iso2());
  }

  @Test
  void unmatchedNamesAreReportedWithCounts() {
    Map<String, Long> u =
        names.unmatched(List.of("Spain", "Atlantis", "Atlantis\u00a0", "Lemuria", "EU", ""));
    assertEquals(Map.of("Atlantis", 2L, "Lemuria", 1L), u);
  }

  /** Every country string of the real UK PRiF annex is in the table (fails, naming them, when one is added). */
  @Test
  void everyPrifCountryStringIsKnown() throws IOException {
    Path repo =
        Paths.get(
            System.getProperty(
                "agrisafe.repo.dir", Paths.get("").toAbsolutePath().getParent().toString()));
    Path file = repo.resolve("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz").normalize();
    assertTrue(Files.exists(file), "Required test file is missing: " + file);
    List<String> raws = new ArrayList<>();
    try (Reader r =
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8);
        CSVParser p =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        raws.add(rec.get("country_of_origin"));
      }
    }
    assertEquals(37_478, raws.size());
    assertEquals(Map.of(), names.unmatched(raws), "names missing from " + CountryNames.FILE);
    assertTrue(
        raws.stream()
            .anyMatch(s -> names.lookup(s).iso2() != null && names.lookup(s).iso2().equals("NA")));
  }
}
