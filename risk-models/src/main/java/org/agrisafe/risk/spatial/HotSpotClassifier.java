package org.agrisafe.risk.spatial;

import java.util.Objects;

/**
 * Classifies regions into {@link HotSpotClass}es from Gi* z-values or from p-values (permutation or
 * FDR-adjusted), as ArcGIS Pro's Hot Spot Analysis ({@code Gi_Bin}) and GeoDa's significance maps.
 *
 * <p>Source: ESRI, "How Hot Spot Analysis (Getis-Ord Gi*) works", ArcGIS Pro 3 documentation, table of critical
 * z-values and p-values (±1.65 / 0.10, ±1.96 / 0.05, ±2.58 / 0.01); Getis and Ord (1992), §4.
 *
 * <p>Rule: p &lt; 0.01 → 99 %, else p &lt; 0.05 → 95 %, else p &lt; 0.10 → 90 %, else not significant; hot when
 * the direction is positive, cold when negative. From z, p is the exact two-sided normal p = 2Φ(−|z|), so the
 * cut-offs are |z| &gt; 2.5758, 1.9600, 1.6449 (ArcGIS prints them rounded). A region flagged insufficient is
 * {@link HotSpotClass#INSUFFICIENT_DATA} whatever its statistic; a NaN statistic is
 * {@link HotSpotClass#UNDEFINED}.
 */
public final class HotSpotClassifier {

  /** Significance thresholds, two-sided p: 99, 95 and 90 % confidence. */
  public static final double P_99 = 0.01;

  /** 95 % confidence threshold. */
  public static final double P_95 = 0.05;

  /** 90 % confidence threshold. */
  public static final double P_90 = 0.10;

  private HotSpotClassifier() {}

  /**
   * Classes from Gi* z-values (the normal approximation, as ArcGIS).
   *
   * @param z            Gi* z per region ({@link GetisOrdG.Result#z()})
   * @param insufficient per region, true when it has too few samples; may be null for "none"
   * @return one class per region
   */
  public static HotSpotClass[] fromZ(double[] z, boolean[] insufficient) {
    Objects.requireNonNull(z, "z");
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Double.isNaN(z[i]) ? Double.NaN : Alternative.TWO_SIDED.pValue(z[i]);
    }
    return fromPValues(p, z, insufficient);
  }

  /**
   * Classes from p-values, e.g. folded permutation p ({@link ConditionalPermutation.Result#foldedP()}) or
   * BH-adjusted p ({@link FalseDiscoveryRate#benjaminiHochberg(double[])}).
   *
   * @param p            p-value per region in [0, 1] (NaN → UNDEFINED)
   * @param direction    sign gives hot (&gt; 0) or cold (&lt; 0) per region: the z-value, or observed minus
   *                     permutation mean; 0 → not significant
   * @param insufficient per region, true when it has too few samples; may be null for "none"
   * @return one class per region
   * @throws IllegalArgumentException on mismatched lengths or p outside [0, 1]
   */
  public static HotSpotClass[] fromPValues(double[] p, double[] direction, boolean[] insufficient) {
    Objects.requireNonNull(p, "p");
    Objects.requireNonNull(direction, "direction");
    if (direction.length != p.length) {
      throw new IllegalArgumentException(
          "Got "
              + p.length
              + " p-values and "
              + direction.length
              + " directions: expected one of each per region");
    }
    if (insufficient != null && insufficient.length != p.length) {
      throw new IllegalArgumentException(
          "Got "
              + insufficient.length
              + " insufficiency flags for "
              + p.length
              + " regions: expected one per region");
    }
    HotSpotClass[] out = new HotSpotClass[p.length];
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i]) && !(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException(
            "p-value of region " + i + " is " + p[i] + ": expected a number in [0, 1]");
      }
      if (insufficient != null && insufficient[i]) {
        out[i] = HotSpotClass.INSUFFICIENT_DATA;
      } else if (Double.isNaN(p[i]) || Double.isNaN(direction[i])) {
        out[i] = HotSpotClass.UNDEFINED;
      } else if (direction[i] == 0 || p[i] >= P_90) {
        out[i] = HotSpotClass.NOT_SIGNIFICANT;
      } else if (direction[i] > 0) {
        out[i] =
            p[i] < P_99
                ? HotSpotClass.HOT_99
                : p[i] < P_95 ? HotSpotClass.HOT_95 : HotSpotClass.HOT_90;
      } else {
        out[i] =
            p[i] < P_99
                ? HotSpotClass.COLD_99
                : p[i] < P_95 ? HotSpotClass.COLD_95 : HotSpotClass.COLD_90;
      }
    }
    return out;
  }
}
