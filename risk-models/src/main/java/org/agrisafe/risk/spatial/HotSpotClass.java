package org.agrisafe.risk.spatial;

/**
 * Hot-spot class of a region, as ArcGIS Pro "Hot Spot Analysis (Getis-Ord Gi*)" field {@code Gi_Bin} and GeoDa's
 * significance map present it: hot or cold at 99, 95 or 90 % confidence, or not significant; plus two classes
 * this code adds so that nothing is hidden: too few samples, and statistic undefined.
 */
public enum HotSpotClass {
  /** Hot spot, 99 % confidence (two-sided p &lt; 0.01); Gi_Bin +3. */
  HOT_99(3, 99),
  /** Hot spot, 95 % confidence (p &lt; 0.05); Gi_Bin +2. */
  HOT_95(2, 95),
  /** Hot spot, 90 % confidence (p &lt; 0.10); Gi_Bin +1. */
  HOT_90(1, 90),
  /** Not significant at 90 %; Gi_Bin 0. */
  NOT_SIGNIFICANT(0, 0),
  /** Cold spot, 90 % confidence; Gi_Bin −1. */
  COLD_90(-1, 90),
  /** Cold spot, 95 % confidence; Gi_Bin −2. */
  COLD_95(-2, 95),
  /** Cold spot, 99 % confidence; Gi_Bin −3. */
  COLD_99(-3, 99),
  /** Too few samples for a hot-spot claim ({@link EmpiricalBayes.Result#insufficient()}); never hot or cold. */
  INSUFFICIENT_DATA(0, 0),
  /** The statistic is undefined (NaN), for example zero variance of the permutations. */
  UNDEFINED(0, 0);

  private final int giBin;
  private final int confidencePercent;

  HotSpotClass(int giBin, int confidencePercent) {
    this.giBin = giBin;
    this.confidencePercent = confidencePercent;
  }

  /** @return ArcGIS's Gi_Bin code: +3..−3, 0 for the not-significant, insufficient and undefined classes */
  public int giBin() {
    return giBin;
  }

  /** @return the confidence level in % (99, 95, 90), 0 when not significant / insufficient / undefined */
  public int confidencePercent() {
    return confidencePercent;
  }

  /** @return whether this is a hot or cold spot at some confidence */
  public boolean isSignificant() {
    return confidencePercent > 0;
  }
}
