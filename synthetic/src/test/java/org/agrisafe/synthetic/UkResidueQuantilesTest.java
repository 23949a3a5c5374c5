package org.agrisafe.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.agrisafe.synthetic.UkResidueQuantiles.Detection;
import org.junit.jupiter.api.Test;

class UkResidueQuantilesTest {

  @Test
  void quantilesOfAHandCheckedArray() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // j * (n - 1) / (Q - 1) for Q = 4: 0, 3, 6, 9
    assertArrayEquals(new double[] {1, 4, 7, 10}, UkResidueQuantiles.quantiles(v, 4));
    assertArrayEquals(new double[] {5, 5, 5}, UkResidueQuantiles.quantiles(new double[] {5}, 3));
    assertThrows(
        IllegalArgumentException.class, () -> UkResidueQuantiles.quantiles(new double[0], 3));
  }

  @Test
  void keepsTheMostDetectedAnalytesWithMedianMrlAndExceedanceRatios() {
    List<Detection> d = new ArrayList<>();
    // analyte a: 12 values 0.01..0.12 with MRLs 0.1 (x11) and 0.5 (x1) -> median 0.1; values 0.11,
    // 0.12 exceed
    for (int i = 1; i <= 12; i++) {
      d.add(new Detection("s" + i, "a", "A", i / 100.0, i == 12 ? 0.5 : 0.1));
    }
    // analyte b: 20 values at or below its MRL 1.0
    for (int i = 1; i <= 20; i++) {
      d.add(new Detection("t" + i, "b", "B", i / 40.0, 1.0));
    }
    // analyte c: too few detections (kept out)
    d.add(new Detection("u1", "c", "C", 0.2, 0.3));
    UkResidueQuantiles q = UkResidueQuantiles.of(d, 100, 2, 3);
    assertArrayEquals(new String[] {"b", "a"}, q.analyteCodes());
    assertArrayEquals(new double[] {1.0, 0.1}, q.mrlMgPerKg(), 1e-12);
    assertArrayEquals(new double[] {0.025, 0.25, 0.5}, q.belowMrlQuantiles()[0], 1e-12);
    assertArrayEquals(new double[] {0.01, 0.05, 0.10}, q.belowMrlQuantiles()[1], 1e-12);
    // exceedances of a: 0.11 / 0.1 and 0.12 / 0.1
    assertArrayEquals(new double[] {1.1, 1.1, 1.2}, q.exceedanceRatioQuantiles(), 1e-12);
    assertEquals(33 / 100.0, q.detectedSampleShare(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> UkResidueQuantiles.of(d, 100, 3, 3));
  }

  @Test
  void bundledAnnexGivesAPrimeNumberOfAnalytesWithConsistentArrays() {
    UkResidueQuantiles q = UkResidueQuantiles.fromPrif(JinanUploadGeneratorTest.prif());
    int k = q.analyteCount();
    assertEquals(UkResidueQuantiles.ANALYTES_DEFAULT, k);
    assertEquals(k, new HashSet<>(List.of(q.analyteCodes())).size());
    for (int i = 0; i < k; i++) {
      double[] row = q.belowMrlQuantiles()[i];
      assertEquals(UkResidueQuantiles.QUANTILES_DEFAULT, row.length);
      assertTrue(row[0] > 0 && row[row.length - 1] <= q.mrlMgPerKg()[i], q.analyteCodes()[i]);
    }
    assertTrue(q.exceedanceRatioQuantiles()[0] > 1);
    assertTrue(
        q.detectedSampleShare() > 0.2 && q.detectedSampleShare() < 0.9,
        "" + q.detectedSampleShare());
    // the generator's analyte walk a0 + i * stride (mod K) visits distinct analytes for every
    // stride in [1, K-1]
    for (int stride = 1; stride < k; stride++) {
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < 15; i++) {
        seen.add(Math.floorMod(7 + i * stride, k));
      }
      assertEquals(15, seen.size(), "stride " + stride);
    }
  }
}
