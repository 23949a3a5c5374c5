package org.agrisafe.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one extraction of the UK PRiF annex, and both distributions built from it. */
class UkPrifDetectionsTest {
  @Test
  void readsEveryQuantifiedDetectionOfTheAnnexOnce() {
    UkPrifDetections annex = UkPrifDetections.read(JinanUploadGeneratorTest.prif());
    assertEquals(20_865, annex.samples(), "README: 20,865 real samples");
    assertTrue(annex.detections().size() > 1000, "detections: " + annex.detections().size());
    Set<String> detected = new HashSet<>();
    int withMrl = 0;
    for (UkPrifDetections.Detection d : annex.detections()) {
      assertTrue(d.valueMgPerKg() > 0, d.toString());
      assertTrue(d.analyteName() != null && !d.analyteCode().isEmpty(), d.toString());
      assertEquals(d.analyteCode().strip(), d.analyteCode(), d.toString());
      detected.add(d.sampleId());
      withMrl += d.publishedMrlMgPerKg() != null ? 1 : 0;
    }
    assertTrue(detected.size() < annex.samples(), "the annex also has samples without detection");
    assertTrue(withMrl > 0 && withMrl <= annex.detections().size());

    UkResidueProfile p = UkResidueProfile.of(annex);
    assertEquals(annex.detections().size(), p.valuesMgPerKg().length);
    assertEquals((double) detected.size() / annex.samples(), p.detectedSampleShare());
    assertEquals(
        annex.detections().size(), java.util.Arrays.stream(p.detectionsPerDetectedSample()).sum());
    UkResidueQuantiles q = UkResidueQuantiles.of(annex);
    assertEquals(UkResidueQuantiles.ANALYTES_DEFAULT, q.analyteCount());
    UkResidueQuantiles again = UkResidueQuantiles.fromPrif(JinanUploadGeneratorTest.prif());
    assertArrayEquals(again.analyteCodes(), q.analyteCodes());
    assertArrayEquals(again.exceedanceRatioQuantiles(), q.exceedanceRatioQuantiles());
    assertEquals(again.detectedSampleShare(), q.detectedSampleShare());
  }

  @Test
  void profileNamesTheSourceWhenItHasNoDetection() {
    UkPrifDetections none = new UkPrifDetections(Path.of("empty.csv"), List.of(), 3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UkResidueProfile.of(none));
    assertEquals(
        "No quantified detection in empty.csv: expected the UK PRiF brand-name annex",
        e.getMessage());
  }

  @Test
  void quantilesKeepOnlyDetectionsWithAPublishedMrlAndTheProfileKeepsAll() {
    // 31 analytes with 10 detections at or below MRL 1.0 each (310 samples), one exceedance (2.0 on
    // a sample
    // already counted), and 10 detections without an MRL (5.0, samples N0-N9)
    List<UkPrifDetections.Detection> d = new ArrayList<>();
    for (int k = 0; k < UkResidueQuantiles.ANALYTES_DEFAULT; k++) {
      for (int i = 0; i < 10; i++) {
        d.add(
            new UkPrifDetections.Detection(
                "S" + k + "-" + i, String.format("a%02d", k), "A" + k, 0.01 * (i + 1), 1.0));
      }
    }
    d.add(new UkPrifDetections.Detection("S0-0", "a00", "A0", 2.0, 1.0));
    for (int i = 0; i < 10; i++) {
      d.add(new UkPrifDetections.Detection("N" + i, "a00", "A0", 5.0, null));
    }
    UkPrifDetections annex = new UkPrifDetections(Path.of("x.csv"), d, 1000);
    UkResidueQuantiles q = UkResidueQuantiles.of(annex);
    assertEquals(310 / 1000.0, q.detectedSampleShare(), "N0-N9 have no MRL: not counted");
    double[] ratios = q.exceedanceRatioQuantiles();
    assertEquals(2.0, ratios[0]);
    assertEquals(
        2.0,
        ratios[ratios.length - 1],
        "2.0 / MRL 1.0; the 5.0 values without an MRL are not counted");
    assertEquals(1.0, q.mrlMgPerKg()[0]);
    UkResidueProfile p = UkResidueProfile.of(annex);
    assertEquals(320 / 1000.0, p.detectedSampleShare(), "the profile counts every detection");
    assertEquals(321, p.valuesMgPerKg().length);
    assertEquals(5.0, p.valuesMgPerKg()[320]);
    assertEquals("A0", p.analytes()[320]);
  }
}
