package org.agrisafe.risk.spatial;

import java.util.Arrays;
import java.util.Objects;

/**
 * Benjamini–Hochberg false discovery rate adjustment of p-values, as R {@code p.adjust(p, method = "BH")}.
 *
 * <p>Source: Benjamini, Y. and Hochberg, Y. (1995), "Controlling the false discovery rate: a practical and
 * powerful approach to multiple testing", <i>Journal of the Royal Statistical Society B</i> 57(1), 289–300,
 * §3 (step-up procedure). Used across the n local statistics of a LISA or hot-spot map (Caldas de Castro and
 * Singer 2006, <i>Geographical Analysis</i> 38(2), 180–208).
 *
 * <p>Algorithm: sort the m p-values decreasingly, p_(m) ≥ … ≥ p_(1); the adjusted value of rank k is
 * min over ranks j ≥ k of (m / j) p_(j), capped at 1; return them in the input order. A region is significant
 * at FDR level q when its adjusted p ≤ q.
 */
public final class FalseDiscoveryRate {

  private FalseDiscoveryRate() {}

  /**
   * @param p p-values in [0, 1], any order, length m &gt;= 1; NaN is not allowed (remove undefined tests first
   *          and say so)
   * @return BH-adjusted p-values, same order and length
   * @throws IllegalArgumentException on an empty array or a value outside [0, 1] / NaN (naming its index)
   */
  public static double[] benjaminiHochberg(double[] p) {
    Objects.requireNonNull(p, "p");
    int m = p.length;
    if (m == 0) {
      throw new IllegalArgumentException("No p-values given: expected at least one");
    }
    for (int i = 0; i < m; i++) {
      if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
        throw new IllegalArgumentException(
            "p-value at index " + i + " is " + p[i] + ": expected a number in [0, 1]");
      }
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    double[] adjusted = new double[m];
    double running = 1.0;
    for (int r = 0; r < m; r++) {
      int rank = m - r;
      int idx = order[r];
      running = Math.min(running, (double) m / rank * p[idx]);
      adjusted[idx] = Math.min(1.0, running);
    }
    return adjusted;
  }
}
