package org.agrisafe.risk.spatial;

/** Shared validation of the value vectors given to the spatial statistics. */
final class SpatialInputs {

  private SpatialInputs() {}

  /**
   * Checks that x has one finite value per region and is not constant.
   *
   * @param w          weights
   * @param x          values
   * @param statistic  name used in messages
   * @param minRegions smallest number of regions the statistic's moments are defined for
   * @return the mean of x
   */
  static double validate(SpatialWeights w, double[] x, String statistic, int minRegions) {
    w.requireLength(x, statistic + " values");
    int n = x.length;
    if (n < minRegions) {
      throw new IllegalArgumentException(
          "Cannot compute "
              + statistic
              + " on "
              + n
              + " region(s): expected at"
              + " least "
              + minRegions
              + " (its moments divide by terms that vanish below that)");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i])) {
        NeighbourList nb = w.neighbourList();
        throw new IllegalArgumentException(
            "Value of region "
                + nb.id(i)
                + " ("
                + nb.name(i)
                + ") is "
                + x[i]
                + ": expected a finite number for "
                + statistic);
      }
      sum += x[i];
    }
    double mean = sum / n;
    boolean constant = true;
    for (int i = 1; i < n && constant; i++) {
      constant = x[i] == x[0];
    }
    if (constant) {
      throw new IllegalArgumentException(
          "Cannot compute "
              + statistic
              + ": all "
              + n
              + " values are equal ("
              + x[0]
              + "), so their variance is zero and the statistic is undefined; expected values that vary");
    }
    return mean;
  }
}
