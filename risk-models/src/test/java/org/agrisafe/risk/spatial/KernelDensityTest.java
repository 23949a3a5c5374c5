package org.agrisafe.risk.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KernelDensityTest {

  private static double integral(KernelDensity.Result r) {
    double cell = r.grid().cellSize() * r.grid().cellSize();
    return Arrays.stream(r.density()).sum() * cell;
  }

  @Test
  void eachKernelIntegratesToOnePerPoint() {
    KernelDensity.Grid grid = new KernelDensity.Grid(-10, -10, 0.05, 400, 400);
    double[] x = {0.0, 1.0};
    double[] y = {0.0, -0.5};
    for (KernelDensity.Kernel k : KernelDensity.Kernel.values()) {
      KernelDensity.Result r =
          KernelDensity.estimate(x, y, grid, KernelDensity.Params.fixed(k, 1.5));
      assertEquals(2.0, integral(r), 2e-3, k + " integrates to n");
      assertEquals(1.5, r.bandwidth(), 0.0);
    }
    // quartic at the point itself (nearest cell centre at distance 0.025·√2): 3/(π h²)(1 − d²/h²)²
    KernelDensity.Result one =
        KernelDensity.estimate(
            new double[] {0},
            new double[] {0},
            grid,
            KernelDensity.Params.fixed(KernelDensity.Kernel.QUARTIC, 1.0));
    double d2 = 2 * 0.025 * 0.025;
    assertEquals(3 / Math.PI * Math.pow(1 - d2, 2), one.at(200, 200), 1e-12);
    assertEquals(0.0, one.at(200 + 21, 200), 0.0, "zero beyond the radius");
  }

  @Test
  void bandwidthRulesFollowTheirFormulas() {
    double[] x = {0, 2, 4, 0, 2, 4};
    double[] y = {0, 0, 0, 3, 3, 3};
    // means (2, 1.5); s_x² = 8/5·... hand: Σ(x − 2)² = 16, Σ(y − 1.5)² = 13.5, n = 6
    double scott = Math.sqrt((16 / 5.0 + 13.5 / 5.0) / 2) * Math.pow(6, -1.0 / 6);
    assertEquals(scott, KernelDensity.bandwidth(x, y, KernelDensity.BandwidthRule.SCOTT), 1e-14);
    // SD = √(29.5/6); distances to (2, 1.5): 2.5 (4 corners), 1.5 (2 middles) -> median 2.5
    double sd = Math.sqrt(29.5 / 6);
    double arc = 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * 2.5) * Math.pow(6, -0.2);
    assertEquals(
        arc, KernelDensity.bandwidth(x, y, KernelDensity.BandwidthRule.SILVERMAN_ARCGIS), 1e-14);
    KernelDensity.Result r =
        KernelDensity.estimate(
            x, y, new KernelDensity.Grid(-2, -2, 0.5, 16, 14), KernelDensity.Params.defaults());
    assertEquals(arc, r.bandwidth(), 0.0);
    assertTrue(Arrays.stream(r.density()).max().getAsDouble() > 0);
  }

  @Test
  void degenerateInputGivesClearErrors() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KernelDensity.bandwidth(
                    new double[] {1, 1, 1},
                    new double[] {2, 2, 2},
                    KernelDensity.BandwidthRule.SCOTT));
    assertTrue(e.getMessage().contains("no spread"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KernelDensity.bandwidth(
                    new double[] {1}, new double[] {2}, KernelDensity.BandwidthRule.SCOTT));
    assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> KernelDensity.Params.fixed(KernelDensity.Kernel.GAUSSIAN, 0));
    assertThrows(IllegalArgumentException.class, () -> new KernelDensity.Grid(0, 0, -1, 10, 10));
  }
}
