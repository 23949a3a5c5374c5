package org.agrisafe.risk.spatial;

import java.util.Objects;

/**
 * Global Moran's I with its moments under the randomisation assumption, as R {@code spdep::moran.test(x, listw,
 * randomisation = TRUE)} (spdep 1.2-7).
 *
 * <p>Source: Cliff, A. D. and Ord, J. K. (1981), <i>Spatial Processes: Models and Applications</i>, Pion,
 * London, §1.5 (Moran's I), §2.3 (moments under randomisation, eqs. 2.37–2.39).
 *
 * <p>Algorithm, with z_i = x_i − x̄, S0 = Σ w_ij, S1 = ½ Σ (w_ij + w_ji)², S2 = Σ (w_i. + w_.i)²,
 * K = n Σ z⁴ / (Σ z²)² (sample kurtosis):
 * <ol>
 *   <li>I = (n / S0) Σ_i Σ_j w_ij z_i z_j / Σ z_i²;</li>
 *   <li>E[I] = −1 / (n − 1);</li>
 *   <li>Var[I] = [n((n² − 3n + 3) S1 − n S2 + 3 S0²) − K(n(n − 1) S1 − 2n S2 + 6 S0²)]
 *       / ((n − 1)(n − 2)(n − 3) S0²) − E[I]²;</li>
 *   <li>z = (I − E[I]) / √Var[I], p from the standard normal under the chosen alternative.</li>
 * </ol>
 * The normality assumption variant is not implemented.
 */
public final class GlobalMoran {

  /** Default alternative: {@link Alternative#GREATER}, spdep {@code moran.test}'s default. */
  public static final Alternative ALTERNATIVE_DEFAULT = Alternative.GREATER;

  private GlobalMoran() {}

  /**
   * Result of the global Moran test.
   *
   * @param statistic   Moran's I
   * @param expectation E[I] = −1/(n − 1)
   * @param variance    Var[I] under randomisation
   * @param z           standard deviate (I − E[I]) / √Var[I]
   * @param pValue      p-value in [0, 1] under {@code alternative}
   * @param alternative alternative hypothesis used for the p-value
   * @param n           number of regions
   */
  public record Result(
      double statistic,
      double expectation,
      double variance,
      double z,
      double pValue,
      Alternative alternative,
      int n) {}

  /**
   * Moran's I test with the default alternative ({@link #ALTERNATIVE_DEFAULT}); see
   * {@link #test(SpatialWeights, double[], Alternative)}.
   *
   * @param weights spatial weights without self links, usually row-standardised
   * @param x       one finite value per region
   * @return I, E[I], Var[I], z and p
   */
  public static Result test(SpatialWeights weights, double[] x) {
    return test(weights, x, ALTERNATIVE_DEFAULT);
  }

  /**
   * Moran's I test under randomisation.
   *
   * @param weights     spatial weights, usually row-standardised ({@link WeightStyle#W}), without self links
   * @param x           one finite value per region, in the weights' order (e.g. an EB-smoothed exceedance
   *                    rate in %)
   * @param alternative alternative hypothesis for the p-value
   * @return I, E[I], Var[I], z and p
   * @throws IllegalArgumentException if x has the wrong length, a non-finite value, fewer than 4 regions,
   *                                  zero variance, or the weights include self links
   */
  public static Result test(SpatialWeights weights, double[] x, Alternative alternative) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(alternative, "alternative");
    if (weights.selfIncluded()) {
      throw new IllegalArgumentException(
          "Cannot compute global Moran's I with self-included weights:"
              + " expected weights without self links (self inclusion is for Gi*)");
    }
    double mean = SpatialInputs.validate(weights, x, "global Moran's I", 4);
    int n = x.length;
    double[] z = new double[n];
    double m2 = 0;
    double m4 = 0;
    for (int i = 0; i < n; i++) {
      z[i] = x[i] - mean;
      double z2 = z[i] * z[i];
      m2 += z2;
      m4 += z2 * z2;
    }
    double[] lz = weights.lag(z);
    double cross = 0;
    for (int i = 0; i < n; i++) {
      cross += z[i] * lz[i];
    }
    double s0 = weights.s0();
    double s1 = weights.s1();
    double s2 = weights.s2();
    double moranI = (n / s0) * cross / m2;
    double expectation = -1.0 / (n - 1);
    double k = n * m4 / (m2 * m2);
    double s02 = s0 * s0;
    double nn = (double) n * n;
    double variance =
        (n * (s1 * (nn - 3.0 * n + 3.0) - n * s2 + 3.0 * s02)
                    - k * (s1 * (nn - n) - 2.0 * n * s2 + 6.0 * s02))
                / ((n - 1.0) * (n - 2.0) * (n - 3.0) * s02)
            - expectation * expectation;
    double zValue = (moranI - expectation) / Math.sqrt(variance);
    return new Result(
        moranI, expectation, variance, zValue, alternative.pValue(zValue), alternative, n);
  }
}
