package org.agrisafe.jobs.risk;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Hold-out metrics of a probability forecast of a binary outcome.
 *
 * <ul>
 *   <li>ROC AUC by the Mann–Whitney statistic with mid-ranks for ties: AUC = (R₁ − n₁(n₁+1)/2) / (n₁ n₀), where R₁
 *       is the rank sum of the positives (Hanley J.A., McNeil B.J. (1982) The meaning and use of the area under a
 *       receiver operating characteristic (ROC) curve. Radiology 143(1):29–36, section "AUC and the Wilcoxon
 *       statistic"). Null when the hold-out holds one class only (undefined).</li>
 *   <li>Brier score = mean (p − y)² (Brier G.W. (1950) Verification of forecasts expressed in terms of probability.
 *       Monthly Weather Review 78(1):1–3), in [0, 1], lower is better.</li>
 * </ul>
 */
public final class ModelMetrics {
  private ModelMetrics() {}

  /**
   * ROC AUC of predictions {@code p} for outcomes {@code y} (0/1).
   *
   * @return AUC in [0, 1], or null when all outcomes are equal
   * @throws IllegalArgumentException on different lengths or an outcome other than 0/1
   */
  public static Double auc(double[] p, int[] y) {
    check(p, y);
    int n = p.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
    double[] rank = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && p[idx[j + 1]] == p[idx[i]]) {
        j++;
      }
      double mid = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[idx[k]] = mid;
      }
      i = j + 1;
    }
    long n1 = Arrays.stream(y).filter(v -> v == 1).count();
    long n0 = n - n1;
    if (n1 == 0 || n0 == 0) {
      return null;
    }
    double r1 = 0;
    for (int k = 0; k < n; k++) {
      if (y[k] == 1) {
        r1 += rank[k];
      }
    }
    return (r1 - n1 * (n1 + 1) / 2.0) / ((double) n1 * n0);
  }

  /** Brier score, mean (p − y)²; null for an empty hold-out. */
  public static Double brier(double[] p, int[] y) {
    check(p, y);
    if (p.length == 0) {
      return null;
    }
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += (p[i] - y[i]) * (p[i] - y[i]);
    }
    return s / p.length;
  }

  private static void check(double[] p, int[] y) {
    if (p.length != y.length) {
      throw new IllegalArgumentException(
          "Got " + p.length + " predictions and " + y.length + " outcomes: expected equal lengths");
    }
    for (int v : y) {
      if (v != 0 && v != 1) {
        throw new IllegalArgumentException("Outcome " + v + ": expected 0 or 1");
      }
    }
  }
}
