package org.agrisafe.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.agrisafe.intake.ingest.UploadAdapter;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.MethodType;
import org.agrisafe.intake.model.ParsedResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JinanUploadGeneratorTest {
  private static UkResidueProfile uk;

  static Path prif() {
    Path repo = Path.of(System.getProperty("agrisafe.repo.dir", ".."));
    Path p = repo.resolve("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz");
    assertTrue(Files.exists(p), "missing bundled UK PRiF file " + p);
    return p;
  }

  @BeforeAll
  static void load() {
    uk = UkResidueProfile.fromPrif(prif());
  }

  @Test
  void seededUploadsAreValidSyntheticJinanRecordsAtAbout80To1() throws Exception {
    var params =
        JinanUploadGenerator.Params.of(
            7, 8100, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31));
    List<String> a = new ArrayList<>();
    new JinanUploadGenerator(params, uk).generate(a::add);
    List<String> b = new ArrayList<>();
    new JinanUploadGenerator(params, uk).generate(b::add);
    assertEquals(a, b, "same seed, same records");
    assertTrue(uk.detectedSampleShare() > 0 && uk.detectedSampleShare() < 1);

    Path file =
        JinanUploadGenerator.writeJinanDemo(
            Files.createTempDirectory("syn").resolve("jinan.jsonl"),
            prif(),
            7,
            8100,
            LocalDate.of(2024, 7, 1),
            LocalDate.of(2024, 7, 31));
    IngestBatch batch =
        UploadAdapter.read(
            file,
            null,
            java.time.ZoneId.of(org.agrisafe.lakehouse.config.LakehouseConfig.ZONE_DEFAULT));
    assertEquals(0, batch.rejected().size(), () -> batch.rejected().get(0).reason());
    assertTrue(
        batch.samples().stream().allMatch(s -> "true".equals(s.attributes().get("synthetic"))));
    long rapid =
        batch.samples().stream()
            .filter(
                s ->
                    batch.results().stream()
                        .anyMatch(
                            r ->
                                r.sampleId().equals(s.sampleId())
                                    && r.methodType() == MethodType.RAPID))
            .count();
    long quantitative = batch.samples().size() - rapid;
    double ratio = (double) rapid / quantitative;
    assertTrue(ratio > 55 && ratio < 115, "rapid:quantitative about 80:1, got " + ratio);
    Set<String> districts =
        batch.samples().stream()
            .map(s -> s.divisionCode().substring(0, 6))
            .collect(Collectors.toSet());
    assertEquals(12, districts.size(), "all 12 districts and counties: " + districts);
    assertTrue(
        batch.results().stream().map(ParsedResult::resultId).allMatch(id -> id.contains("SYN-")));
  }
}
