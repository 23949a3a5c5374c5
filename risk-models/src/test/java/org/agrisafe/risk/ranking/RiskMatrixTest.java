package org.agrisafe.risk.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.agrisafe.risk.common.Assessment;
import org.agrisafe.risk.common.TestPaths;
import org.junit.jupiter.api.Test;

class RiskMatrixTest {
  private static ScoringTable shipped() {
    return ScoringTable.load(TestPaths.repoFile("reference-data/risk-matrix/scoring.csv"));
  }

  @Test
  void workedExample() {
    // pair 1: A HIGH 4, ADI 0.005 -> B 3; C 10 % -> 1; D 30 % -> 3; E UNLIKELY 1; F EXCEEDS_MRL 2
    //         S = (4 + 3) x (1 + 3 + 1 + 2) = 7 x 7 = 49 >= 20 -> HIGH
    // pair 2: A MODERATE 3, ADI 0.04 -> 2; C 2.5 % -> 1; D 10 % -> 2; E NONE 0; F NOT_DETECTED 0
    //         S = 5 x 3 = 15 -> MEDIUM (15 <= S < 20)
    // pair 3: A LOW 2, ADI 0.5 -> 2; C 1 % -> 0; D 1 % -> 1; E NONE 0; F DETECTED_BELOW_MRL 1 -> S
    // = 4 x 2 = 8 LOW
    List<MatrixInput> in =
        List.of(
            new MatrixInput(
                "carbendazim",
                "apple",
                "LOW",
                0.5,
                1.0,
                1.0,
                "NONE",
                RiskMatrix.residueEvidence(100, 3, 0)),
            new MatrixInput(
                "chlorpyrifos",
                "celery",
                "HIGH",
                0.005,
                10.0,
                30.0,
                "UNLIKELY",
                RiskMatrix.residueEvidence(100, 30, 4)),
            new MatrixInput(
                "boscalid",
                "cucumber",
                "MODERATE",
                0.04,
                2.5,
                10.0,
                "NONE",
                RiskMatrix.residueEvidence(50, 0, 0)));
    Assessment<MatrixResult> a = RiskMatrix.rank(in, shipped());
    assertTrue(a.notAssessed().isEmpty(), a.notAssessed().toString());
    MatrixResult top = a.results().get(0);
    assertEquals("chlorpyrifos", top.analyte());
    assertEquals(7, top.toxicityScore());
    assertEquals(7, top.exposureScore());
    assertEquals(49, top.totalScore());
    assertEquals(RiskRank.HIGH, top.rank());
    assertEquals(Factor.B, top.factors().get(1).factor());
    assertEquals("ADI_0_0001_TO_0_01", top.factors().get(1).level());
    assertEquals("0.005 mg/kg bw/day", top.factors().get(1).input());
    assertEquals("EXCEEDS_MRL", top.factors().get(5).level());
    assertFalse(top.unverifiedLevels().isEmpty());
    assertEquals(15, a.results().get(1).totalScore());
    assertEquals(RiskRank.MEDIUM, a.results().get(1).rank());
    assertEquals(8, a.results().get(2).totalScore());
    assertEquals(RiskRank.LOW, a.results().get(2).rank());
  }

  @Test
  void badInputGoesToNotAssessed() {
    List<MatrixInput> in =
        List.of(
            new MatrixInput("x", "c", "VERY_HIGH", 0.01, 1.0, 1.0, "NONE", "NOT_DETECTED"),
            new MatrixInput("y", "c", "LOW", null, 1.0, 1.0, "NONE", "NOT_DETECTED"),
            new MatrixInput("z", "c", "LOW", 0.01, 120.0, 1.0, "NONE", "NOT_DETECTED"));
    Assessment<MatrixResult> a = RiskMatrix.rank(in, shipped());
    assertTrue(a.results().isEmpty());
    assertEquals(3, a.notAssessed().size());
    assertTrue(a.notAssessed().get(0).reason().contains("'VERY_HIGH' unknown"));
    assertTrue(a.notAssessed().get(1).reason().contains("ADI"));
    assertTrue(a.notAssessed().get(2).reason().contains("outside every level"));
    assertThrows(IllegalArgumentException.class, () -> RiskMatrix.residueEvidence(10, 2, 3));
  }

  @Test
  void tableWithGapIsRejected() {
    String csv =
        new String(readShipped(), StandardCharsets.UTF_8)
            .replace("C,2_5_TO_20,1,2.5,20", "C,2_5_TO_20,1,3,20");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ScoringTable.load(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "gap.csv"));
    assertTrue(e.getMessage().contains("contiguous"), e.getMessage());
  }

  private static byte[] readShipped() {
    try {
      return java.nio.file.Files.readAllBytes(
          TestPaths.repoFile("reference-data/risk-matrix/scoring.csv"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
