package org.agrisafe.risk.spatial;

import java.util.Arrays;

/**
 * Spatial weights (spdep class {@code listw}): a sparse n × n matrix W with w_ij &gt; 0 for neighbours, stored
 * in compressed-row form (primitive arrays, neighbour indices sorted within each row).
 *
 * <p>Obtained from {@link NeighbourList#weights(WeightStyle)}. Every row has at least one neighbour: islands
 * were resolved by the {@link IslandPolicy} when the neighbour list was built.
 */
public final class SpatialWeights {

  private final NeighbourList neighbourList;
  private final WeightStyle style;
  final int[] offsets;
  final int[] neighbours;
  final double[] weights;

  SpatialWeights(
      NeighbourList neighbourList,
      WeightStyle style,
      int[] offsets,
      int[] neighbours,
      double[] weights) {
    this.neighbourList = neighbourList;
    this.style = style;
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.weights = weights;
  }

  /** @return the neighbour list these weights code */
  public NeighbourList neighbourList() {
    return neighbourList;
  }

  /** @return the coding style */
  public WeightStyle style() {
    return style;
  }

  /** @return the number of regions n */
  public int size() {
    return offsets.length - 1;
  }

  /** @return whether each region is its own neighbour (Gi* weights) */
  public boolean selfIncluded() {
    return neighbourList.selfIncluded();
  }

  /** @return the weight w_ij, 0 when j is not a neighbour of i */
  public double weight(int i, int j) {
    int q = Arrays.binarySearch(neighbours, offsets[i], offsets[i + 1], j);
    return q < 0 ? 0.0 : weights[q];
  }

  /** @return the number of neighbours of region i */
  public int cardinality(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** @return W_i = Σ_j w_ij, the row sum of region i */
  public double rowSum(int i) {
    double s = 0;
    for (int q = offsets[i]; q < offsets[i + 1]; q++) {
      s += weights[q];
    }
    return s;
  }

  /** @return Σ_j w_ij², the row sum of squares of region i */
  public double rowSumOfSquares(int i) {
    double s = 0;
    for (int q = offsets[i]; q < offsets[i + 1]; q++) {
      s += weights[q] * weights[q];
    }
    return s;
  }

  /**
   * The spatial lag Σ_j w_ij x_j for every region (spdep {@code lag.listw}).
   *
   * @param x one value per region, this list's order
   * @return the lag, length n
   */
  public double[] lag(double[] x) {
    requireLength(x, "x");
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      double s = 0;
      for (int q = offsets[i]; q < offsets[i + 1]; q++) {
        s += weights[q] * x[neighbours[q]];
      }
      out[i] = s;
    }
    return out;
  }

  /** @return S0 = Σ_i Σ_j w_ij (Cliff and Ord 1981, §1.5) */
  public double s0() {
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    return s;
  }

  /** @return S1 = ½ Σ_i Σ_j (w_ij + w_ji)² (Cliff and Ord 1981, §1.5) */
  public double s1() {
    double s = 0;
    for (int i = 0; i < size(); i++) {
      for (int q = offsets[i]; q < offsets[i + 1]; q++) {
        int j = neighbours[q];
        double wij = weights[q];
        double wji = weight(j, i);
        // ordered pairs (i,j) and (j,i) both carry (w_ij + w_ji)²; when w_ji = 0 the pair (j,i) is
        // never visited from row j, so this visit counts for both
        s += (wij + wji) * (wij + wji) * (wji == 0.0 ? 2.0 : 1.0);
      }
    }
    return 0.5 * s;
  }

  /** @return S2 = Σ_i (w_i. + w_.i)², row plus column sums squared (Cliff and Ord 1981, §1.5) */
  public double s2() {
    int n = size();
    double[] col = new double[n];
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      for (int q = offsets[i]; q < offsets[i + 1]; q++) {
        row[i] += weights[q];
        col[neighbours[q]] += weights[q];
      }
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (row[i] + col[i]) * (row[i] + col[i]);
    }
    return s;
  }

  void requireLength(double[] x, String what) {
    if (x == null) {
      throw new IllegalArgumentException(
          "Values '" + what + "' are null: expected " + size() + " values");
    }
    if (x.length != size()) {
      throw new IllegalArgumentException(
          "Got "
              + x.length
              + " values for '"
              + what
              + "': expected one per"
              + " region of the weights ("
              + size()
              + ")");
    }
  }
}
