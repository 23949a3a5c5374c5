package org.agrisafe.risk.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** {@link BinomialExcess}: the tail against exact rational summation, hand values, critical count, prior. */
class BinomialExcessTest {
  private static final MathContext MC = new MathContext(40);

  /** P(X >= x) by exact summation of C(n,k) p^k (1-p)^(n-k), p given as a decimal: independent of the beta route. */
  private static double exactTail(int x, int n, String p) {
    BigDecimal pp = new BigDecimal(p);
    BigDecimal q = BigDecimal.ONE.subtract(pp);
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = x; k <= n; k++) {
      BigInteger c = BigInteger.ONE;
      for (int i = 0; i < k; i++) {
        c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
      }
      sum = sum.add(new BigDecimal(c).multiply(pp.pow(k, MC)).multiply(q.pow(n - k, MC)), MC);
    }
    return sum.doubleValue();
  }

  @Test
  void handCheckedSmallCase() {
    // n = 3, p = 1/2: P(X >= 2) = (3 + 1) / 8
    assertEquals(0.5, BinomialExcess.upperTail(2, 3, 0.5), 1e-15);
    // n = 4, p = 0.1: P(X >= 1) = 1 - 0.9^4 = 0.3439
    assertEquals(0.3439, BinomialExcess.upperTail(1, 4, 0.1), 1e-14);
  }

  @Test
  void agreesWithExactSummationToRelative1e10() {
    int[][] cases = {
      {5, 20, 0}, {9, 20, 0}, {1, 20, 0}, {12, 30, 0}, {30, 30, 0}, {3, 200, 0}, {40, 200, 0}
    };
    String[] ps = {"0.05", "0.0207", "0.5", "0.025", "0.9", "0.004975124378109453", "0.1"};
    for (int i = 0; i < cases.length; i++) {
      int x = cases[i][0];
      int n = cases[i][1];
      double expected = exactTail(x, n, ps[i]);
      double got = BinomialExcess.upperTail(x, n, Double.parseDouble(ps[i]));
      assertEquals(
          expected,
          got,
          Math.abs(expected) * 1e-10,
          "P(X >= " + x + " | n=" + n + ", p=" + ps[i] + ")");
    }
    // hand value (Python math.comb sum, 2026-11-29): P(X >= 4 | 20, 0.05) = pbinom(3, 20, 0.05,
    // lower.tail = FALSE)
    assertEquals(0.015901526020, BinomialExcess.upperTail(4, 20, 0.05), 1e-11);
  }

  @Test
  void edgeCases() {
    assertEquals(1, BinomialExcess.upperTail(0, 10, 0.3));
    assertEquals(0, BinomialExcess.upperTail(11, 10, 0.3));
    assertEquals(0, BinomialExcess.upperTail(1, 10, 0));
    assertEquals(1, BinomialExcess.upperTail(10, 10, 1));
    assertEquals(1, BinomialExcess.upperTail(0, 0, 0.3));
  }

  @Test
  void criticalCountIsTheFirstAlarmingCount() {
    double p = 0.05;
    long k = BinomialExcess.criticalCount(20, p, 0.001);
    assertTrue(BinomialExcess.upperTail(k, 20, p) < 0.001);
    assertTrue(BinomialExcess.upperTail(k - 1, 20, p) >= 0.001);
    assertEquals(6, k, "P(X >= 6 | 20, 0.05) = 3.3e-4 < 0.001 <= P(X >= 5) = 2.6e-3");
    assertTrue(exactTail(6, 20, "0.05") < 0.001 && exactTail(5, 20, "0.05") >= 0.001);
    assertEquals(
        11,
        BinomialExcess.criticalCount(10, 0.9, 0.001),
        "even 10 of 10 is not improbable at p=0.9");
    assertEquals(
        1, BinomialExcess.criticalCount(5, 0, 0.001), "any success is impossible under p = 0");
  }

  @Test
  void jeffreysBaselineKeepsAZeroBaselineFromAlarmingOnOnePositive() {
    double p0 =
        BinomialExcess.baselineRate(
            0, 100, BinomialExcess.PRIOR_POSITIVES_DEFAULT, BinomialExcess.PRIOR_NEGATIVES_DEFAULT);
    assertEquals(0.5 / 101, p0, 1e-15);
    assertTrue(
        BinomialExcess.upperTail(1, 20, p0) > 0.001,
        "one positive in 20 against 0 of 100: no alarm");
    assertTrue(
        BinomialExcess.upperTail(4, 20, p0) < 0.001,
        "four positives in 20 against 0 of 100: alarm");
    assertEquals(
        0.5, BinomialExcess.baselineRate(0, 0, 0.5, 0.5), 1e-15, "empty baseline: the prior mean");
  }

  @Test
  void validation() {
    assertThrows(IllegalArgumentException.class, () -> BinomialExcess.upperTail(-1, 10, 0.1));
    assertThrows(IllegalArgumentException.class, () -> BinomialExcess.upperTail(1, -1, 0.1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BinomialExcess.upperTail(1, 10, 1.5));
    assertTrue(e.getMessage().contains("1.5"));
    assertThrows(IllegalArgumentException.class, () -> BinomialExcess.criticalCount(10, 0.1, 0));
    assertThrows(IllegalArgumentException.class, () -> BinomialExcess.baselineRate(5, 4, 0.5, 0.5));
    assertThrows(IllegalArgumentException.class, () -> BinomialExcess.baselineRate(0, 4, 0, 0.5));
  }
}
