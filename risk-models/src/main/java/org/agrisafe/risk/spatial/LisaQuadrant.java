package org.agrisafe.risk.spatial;

/**
 * Quadrant of the Moran scatterplot a region falls in (Anselin 1995, §4; Anselin 1996, "The Moran scatterplot
 * as an ESDA tool"): first letter the region's own value, second letter its spatial lag, each High or Low
 * relative to the centre chosen by the {@link QuadrantRule}.
 */
public enum LisaQuadrant {
  /** High value surrounded by high values: a hot-spot cluster. spdep "High-High". */
  HH,
  /** Low value surrounded by low values: a cold-spot cluster. spdep "Low-Low". */
  LL,
  /** High value surrounded by low values: a high outlier. spdep "High-Low". */
  HL,
  /** Low value surrounded by high values: a low outlier. spdep "Low-High". */
  LH;

  static LisaQuadrant of(boolean highValue, boolean highLag) {
    if (highValue) {
      return highLag ? HH : HL;
    }
    return highLag ? LH : LL;
  }
}
