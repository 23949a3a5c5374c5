package org.agrisafe.risk.spatial;

import java.util.Arrays;
import java.util.Objects;

/**
 * Local Moran's I_i (LISA) with moments as R {@code spdep::localmoran} 1.2-7, whose defaults are conditional
 * randomisation moments ({@code conditional = TRUE}) and the variance of x with denominator n
 * ({@code mlvar = TRUE}).
 *
 * <p>Sources: Anselin, L. (1995), "Local indicators of spatial association — LISA", <i>Geographical Analysis</i>
 * 27(2), 93–115, eq. 12 (statistic) and Appendix (total randomisation moments); Sokal, R. R., Oden, N. L. and
 * Thomson, B. A. (1998), "Local spatial autocorrelation in a biological model", <i>Geographical Analysis</i>
 * 30(4), 331–354, Appendix eqs. A7–A8 (conditional randomisation moments); Sauer, J. et al. (2021), "A note on
 * the conditional expectation for local Moran", <i>Geographical Analysis</i> (the spdep 1.2 change).
 *
 * <p>Algorithm, with z_i = x_i − x̄, m2 = Σ z²/n, W_i = Σ_j w_ij, W_i(2) = Σ_j w_ij²:
 * <ol>
 *   <li>s² = Σ z²/n ({@code mlvar = true}) or Σ z²/(n − 1);</li>
 *   <li>I_i = (z_i / s²) Σ_j w_ij z_j;</li>
 *   <li>conditional: E[I_i] = −z_i² W_i / ((n − 1) m2) and
 *       Var[I_i] = (z_i/m2)² · n/(n − 2) · (W_i(2) − W_i²/(n − 1)) · (m2 − z_i²/(n − 1));<br>
 *       total: E[I_i] = −W_i/(n − 1), Var[I_i] = A W_i(2) + B (W_i² − W_i(2)) − E[I_i]² with
 *       b2 = (Σ z⁴/d)/s⁴ (d = n, or n − 1 when mlvar is false), A = (n − b2)/(n − 1),
 *       B = (2 b2 − n)/((n − 1)(n − 2));</li>
 *   <li>Z_i = (I_i − E[I_i]) / √Var[I_i]; p from the standard normal under the alternative;</li>
 *   <li>quadrant from the {@link QuadrantRule}.</li>
 * </ol>
 * With {@code conditional = true}, a region whose value equals the mean has I_i = E = Var = 0 and Z_i = NaN
 * (0/0), as in spdep; its p-value is NaN too. These are reported, not hidden.
 */
public final class LocalMoran {

  private LocalMoran() {}

  /**
   * Options of the local Moran computation.
   *
   * @param conditional  conditional randomisation moments (Sokal et al. 1998); default {@value #CONDITIONAL_DEFAULT},
   *                     spdep 1.2-7's default and the recommended choice (Sauer et al. 2021)
   * @param mlvar        variance of x with denominator n; default {@value #MLVAR_DEFAULT} as spdep
   * @param alternative  alternative for the normal p-value; default {@link Alternative#TWO_SIDED} as spdep 1.2-7
   * @param quadrantRule centre of the scatterplot quadrants; default {@link QuadrantRule#MEAN} as spdep
   */
  public record Params(
      boolean conditional, boolean mlvar, Alternative alternative, QuadrantRule quadrantRule) {
    /** Default: conditional randomisation moments. */
    public static final boolean CONDITIONAL_DEFAULT = true;

    /** Default: variance denominator n. */
    public static final boolean MLVAR_DEFAULT = true;

    /** Default alternative: two-sided. */
    public static final Alternative ALTERNATIVE_DEFAULT = Alternative.TWO_SIDED;

    /** Default quadrant rule: mean. */
    public static final QuadrantRule QUADRANT_RULE_DEFAULT = QuadrantRule.MEAN;

    /** Validates the options. */
    public Params {
      Objects.requireNonNull(alternative, "alternative");
      Objects.requireNonNull(quadrantRule, "quadrantRule");
    }

    /** @return spdep 1.2-7 defaults */
    public static Params defaults() {
      return new Params(
          CONDITIONAL_DEFAULT, MLVAR_DEFAULT, ALTERNATIVE_DEFAULT, QUADRANT_RULE_DEFAULT);
    }
  }

  /**
   * Local Moran output: arrays of length n in the weights' region order.
   *
   * @param statistic   I_i
   * @param expectation E[I_i]
   * @param variance    Var[I_i]
   * @param z           Z_i
   * @param pValue      normal-approximation p-value of Z_i
   * @param quadrant    Moran scatterplot quadrant
   */
  public record Result(
      double[] statistic,
      double[] expectation,
      double[] variance,
      double[] z,
      double[] pValue,
      LisaQuadrant[] quadrant) {}

  /** Local Moran with spdep 1.2-7 defaults ({@link Params#defaults()}). */
  public static Result compute(SpatialWeights weights, double[] x) {
    return compute(weights, x, Params.defaults());
  }

  /**
   * Local Moran's I_i for every region.
   *
   * @param weights spatial weights without self links, usually row-standardised
   * @param x       one finite value per region, weights' order
   * @param params  options
   * @return per-region statistic, moments, z, p and quadrant
   * @throws IllegalArgumentException on wrong length, non-finite values, fewer than 3 regions, zero variance,
   *                                  or self-included weights
   */
  public static Result compute(SpatialWeights weights, double[] x, Params params) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(params, "params");
    if (weights.selfIncluded()) {
      throw new IllegalArgumentException(
          "Cannot compute local Moran with self-included weights: expected"
              + " weights without self links, as spdep (\"Self included among neighbours\")");
    }
    double mean = SpatialInputs.validate(weights, x, "local Moran", 3);
    int n = x.length;
    double[] z = new double[n];
    double sz2 = 0;
    double sz4 = 0;
    for (int i = 0; i < n; i++) {
      z[i] = x[i] - mean;
      sz2 += z[i] * z[i];
      sz4 += z[i] * z[i] * z[i] * z[i];
    }
    double s2 = params.mlvar() ? sz2 / n : sz2 / (n - 1);
    double m2 = sz2 / n;
    double[] lz = weights.lag(z);
    double b2 = (params.mlvar() ? sz4 / n : sz4 / (n - 1)) / (s2 * s2);
    double a = (n - b2) / (n - 1);
    double b = (2 * b2 - n) / ((n - 1.0) * (n - 2.0));
    double[] stat = new double[n];
    double[] e = new double[n];
    double[] v = new double[n];
    double[] zz = new double[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      double wi = weights.rowSum(i);
      double wi2 = weights.rowSumOfSquares(i);
      stat[i] = (z[i] / s2) * lz[i];
      if (params.conditional()) {
        e[i] = -(z[i] * z[i] * wi) / ((n - 1) * m2);
        double r = z[i] / m2;
        v[i] = r * r * (n / (n - 2.0)) * (wi2 - wi * wi / (n - 1)) * (m2 - z[i] * z[i] / (n - 1));
      } else {
        e[i] = -wi / (n - 1);
        v[i] = a * wi2 + b * (wi * wi - wi2) - e[i] * e[i];
      }
      zz[i] = (stat[i] - e[i]) / Math.sqrt(v[i]);
      p[i] = Double.isNaN(zz[i]) ? Double.NaN : params.alternative().pValue(zz[i]);
    }
    return new Result(stat, e, v, zz, p, quadrants(weights, x, z, lz, params.quadrantRule()));
  }

  private static LisaQuadrant[] quadrants(
      SpatialWeights weights, double[] x, double[] z, double[] lz, QuadrantRule rule) {
    int n = x.length;
    LisaQuadrant[] q = new LisaQuadrant[n];
    if (rule == QuadrantRule.PYSAL) {
      for (int i = 0; i < n; i++) {
        q[i] = LisaQuadrant.of(z[i] > 0, lz[i] > 0);
      }
      return q;
    }
    double[] lx = weights.lag(x);
    double cx = rule == QuadrantRule.MEAN ? mean(x) : median(x);
    double clx = rule == QuadrantRule.MEAN ? mean(lx) : median(lx);
    for (int i = 0; i < n; i++) {
      q[i] = LisaQuadrant.of(x[i] > cx, lx[i] > clx);
    }
    return q;
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  private static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
  }
}
