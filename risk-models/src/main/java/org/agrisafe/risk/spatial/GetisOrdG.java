package org.agrisafe.risk.spatial;

import java.util.Objects;

/**
 * Getis–Ord local statistics G_i and G_i* as R {@code spdep::localG} (spdep 1.2-7, {@code GeoDa = FALSE}): G_i*
 * when the weights include self ({@link NeighbourList#includeSelf()}), G_i otherwise.
 *
 * <p>Source: Ord, J. K. and Getis, A. (1995), "Local spatial autocorrelation statistics: distributional issues
 * and an application", <i>Geographical Analysis</i> 27(4), 286–306, §2, eqs. 2–4 (G_i) and 5–7 (G_i*);
 * Getis, A. and Ord, J. K. (1992), <i>Geographical Analysis</i> 24(3), 189–206.
 *
 * <p>Algorithm, with lx_i = Σ_j w_ij x_j, W_i = Σ_j w_ij, S1_i = Σ_j w_ij²:
 * <ol>
 *   <li>G_i*: x̄ = mean(x), s² = Σ (x − x̄)²/n, the same for every i;
 *       G_i: x̄_i = (Σx − x_i)/(n − 1), s_i² = (Σx² − x_i²)/(n − 1) − x̄_i²;</li>
 *   <li>E = W_i x̄_i;</li>
 *   <li>G_i*: V = s² (n S1_i − W_i²)/(n − 1); G_i: V = s_i² ((n − 1) S1_i − W_i²)/(n − 2);</li>
 *   <li>z_i = (lx_i − E)/√V (this z is what spdep {@code localG} returns and what hot-spot maps classify);</li>
 *   <li>G = lx_i / Σx (G_i*) or lx_i / (Σx − x_i) (G_i), reported for reference;
 *       p from the standard normal under the alternative.</li>
 * </ol>
 * Getis and Ord define G for non-negative x (rates, counts); the z-value is computed for any finite x.
 * Recommended weights: binary ({@link WeightStyle#B}) on queen contiguity with self included, as ArcGIS and
 * GeoDa hot-spot analysis.
 */
public final class GetisOrdG {

  /** Default alternative: two-sided, as spdep 1.2-7. */
  public static final Alternative ALTERNATIVE_DEFAULT = Alternative.TWO_SIDED;

  private GetisOrdG() {}

  /**
   * Gi / Gi* output: arrays of length n in the weights' region order.
   *
   * @param statistic G_i or G_i*
   * @param z         z-value (spdep {@code localG} value)
   * @param pValue    normal-approximation p-value of z under {@code alternative}
   * @param star      whether these are G_i* (self included)
   * @param alternative alternative of the p-values
   */
  public record Result(
      double[] statistic, double[] z, double[] pValue, boolean star, Alternative alternative) {}

  /** Gi or Gi* with the default two-sided alternative. */
  public static Result compute(SpatialWeights weights, double[] x) {
    return compute(weights, x, ALTERNATIVE_DEFAULT);
  }

  /**
   * Gi or Gi* for every region.
   *
   * @param weights     spatial weights; include self for Gi*
   * @param x           one finite value per region, weights' order (e.g. EB-smoothed rate in %)
   * @param alternative alternative for the p-values
   * @return statistic, z and p per region
   * @throws IllegalArgumentException on wrong length, non-finite values, fewer than 3 regions or zero variance
   */
  public static Result compute(SpatialWeights weights, double[] x, Alternative alternative) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(alternative, "alternative");
    boolean star = weights.selfIncluded();
    double mean = SpatialInputs.validate(weights, x, star ? "Getis-Ord Gi*" : "Getis-Ord Gi", 3);
    int n = x.length;
    double sum = 0;
    double sumSq = 0;
    double centredSq = 0;
    for (double v : x) {
      sum += v;
      sumSq += v * v;
      centredSq += (v - mean) * (v - mean);
    }
    double[] lx = weights.lag(x);
    double[] g = new double[n];
    double[] z = new double[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      double wi = weights.rowSum(i);
      double s1i = weights.rowSumOfSquares(i);
      double xbar;
      double var;
      if (star) {
        xbar = mean;
        var = (centredSq / n) * ((n * s1i - wi * wi) / (n - 1));
        g[i] = lx[i] / sum;
      } else {
        xbar = (sum - x[i]) / (n - 1);
        double si2 = (sumSq - x[i] * x[i]) / (n - 1) - xbar * xbar;
        var = si2 * (((n - 1) * s1i - wi * wi) / (n - 2));
        g[i] = lx[i] / (sum - x[i]);
      }
      z[i] = (lx[i] - wi * xbar) / Math.sqrt(var);
      p[i] = Double.isNaN(z[i]) ? Double.NaN : alternative.pValue(z[i]);
    }
    return new Result(g, z, p, star, alternative);
  }
}
