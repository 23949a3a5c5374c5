package org.agrisafe.risk.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.agrisafe.risk.common.TestPaths;
import org.junit.jupiter.api.Test;

class BinomialIntervalsTest {

  /** Relative tolerance against R, with an absolute floor near 0. */
  private static final double REL_TOL = 1e-9;

  private static final double ABS_TOL = 1e-12;

  @Test
  void matchesGoldenWilsonAndClopperPearsonOnEveryRow() throws IOException {
    List<String> lines =
        Files.readAllLines(
            TestPaths.repoFile("golden/binomial/intervals_95.csv"), StandardCharsets.UTF_8);
    assertEquals(
        "successes,trials,wilson_low,wilson_high,cp_low,cp_high", lines.get(0).replace("\"", ""));
    int rows = 0;
    boolean sawZero = false;
    boolean sawAll = false;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.replace("\"", "").split(",");
      long x = Long.parseLong(f[0]);
      long n = Long.parseLong(f[1]);
      sawZero |= x == 0;
      sawAll |= x == n;
      BinomialInterval w = BinomialIntervals.wilson(x, n, 0.95).orElseThrow();
      BinomialInterval cp = BinomialIntervals.clopperPearson(x, n, 0.95).orElseThrow();
      assertClose(Double.parseDouble(f[2]), w.lower(), "wilson_low " + line);
      assertClose(Double.parseDouble(f[3]), w.upper(), "wilson_high " + line);
      assertClose(Double.parseDouble(f[4]), cp.lower(), "cp_low " + line);
      assertClose(Double.parseDouble(f[5]), cp.upper(), "cp_high " + line);
      assertEquals(IntervalMethod.WILSON, w.method());
      assertEquals(IntervalMethod.CLOPPER_PEARSON, cp.method());
      rows++;
    }
    assertEquals(9, rows, "rows in the golden file");
    assertTrue(sawZero && sawAll, "golden file must hold the 0 and n edge rows");
  }

  @Test
  void edgeRowsAreExactZeroAndOne() {
    assertEquals(0.0, BinomialIntervals.wilson(0, 10).orElseThrow().lower());
    assertEquals(0.0, BinomialIntervals.clopperPearson(0, 10).orElseThrow().lower());
    assertEquals(1.0, BinomialIntervals.wilson(12, 12).orElseThrow().upper());
    assertEquals(1.0, BinomialIntervals.clopperPearson(12, 12).orElseThrow().upper());
    // Hand check, x = 0: CP upper = 1 - (alpha/2)^(1/n); Wilson upper = z^2 / (n + z^2).
    double z = BinomialIntervals.zFor(0.95);
    assertEquals(1.959963984540054, z, 1e-15);
    assertEquals(
        1 - Math.pow(0.025, 0.1),
        BinomialIntervals.clopperPearson(0, 10).orElseThrow().upper(),
        1e-15);
    assertEquals(
        z * z / (10 + z * z), BinomialIntervals.wilson(0, 10).orElseThrow().upper(), 1e-15);
  }

  @Test
  void emptyGroupHasNoInterval() {
    assertTrue(BinomialIntervals.wilson(0, 0).isEmpty());
    assertTrue(BinomialIntervals.clopperPearson(0, 0, 0.9).isEmpty());
  }

  @Test
  void otherConfidenceLevelsAreNarrowerOrWider() {
    BinomialInterval i90 = BinomialIntervals.wilson(5, 100, 0.90).orElseThrow();
    BinomialInterval i95 = BinomialIntervals.wilson(5, 100).orElseThrow();
    BinomialInterval i99 = BinomialIntervals.clopperPearson(5, 100, 0.99).orElseThrow();
    BinomialInterval cp95 = BinomialIntervals.clopperPearson(5, 100).orElseThrow();
    assertTrue(i90.lower() > i95.lower() && i90.upper() < i95.upper());
    assertTrue(i99.lower() < cp95.lower() && i99.upper() > cp95.upper());
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> BinomialIntervals.wilson(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> BinomialIntervals.wilson(11, 10));
    assertThrows(IllegalArgumentException.class, () -> BinomialIntervals.wilson(1, -1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BinomialIntervals.clopperPearson(1, 10, 95));
    assertTrue(e.getMessage().contains("95"), e.getMessage());
  }

  @Test
  void rateCarriesCountsValueAndWilsonInterval() {
    Rate r = Rate.of(5, 100);
    assertEquals(5, r.numerator());
    assertEquals(100, r.denominator());
    assertEquals(0.05, r.value());
    assertEquals(5.0, r.percent(), 1e-12);
    assertEquals(BinomialIntervals.wilson(5, 100).orElseThrow(), r.wilson95());
    assertFalse(r.isEmpty());
  }

  @Test
  void emptyGroupRateIsNullNeverHundredPercent() {
    Rate r = Rate.of(0, 0);
    assertTrue(r.isEmpty());
    assertNull(r.value());
    assertNull(r.percent());
    assertNull(r.wilson95());
    assertThrows(IllegalArgumentException.class, () -> Rate.of(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Rate(0, 0, 1.0, null));
    assertThrows(
        IllegalArgumentException.class, () -> new Rate(1, 2, 0.4, Rate.of(1, 2).wilson95()));
  }

  private static void assertClose(double expected, double actual, String what) {
    double tol = Math.max(ABS_TOL, REL_TOL * Math.abs(expected));
    assertEquals(expected, actual, tol, what);
  }
}
