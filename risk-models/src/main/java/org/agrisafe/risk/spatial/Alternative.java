package org.agrisafe.risk.spatial;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Alternative hypothesis of a normal-approximation test, as R's {@code alternative} argument. */
public enum Alternative {
  /** Positive autocorrelation / high values cluster: p = P(Z &gt;= z). spdep {@code moran.test} default. */
  GREATER,
  /** Negative autocorrelation / low values cluster: p = P(Z &lt;= z). */
  LESS,
  /** Either direction: p = 2 P(Z &gt;= |z|). spdep 1.2-7 {@code localmoran} and {@code localG} default. */
  TWO_SIDED;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0.0, 1.0);

  /**
   * @param z a standard normal deviate
   * @return the p-value of z under this alternative, in [0, 1]
   */
  public double pValue(double z) {
    return switch (this) {
      case GREATER -> STANDARD_NORMAL.cumulativeProbability(-z);
      case LESS -> STANDARD_NORMAL.cumulativeProbability(z);
      case TWO_SIDED -> 2.0 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
    };
  }
}
