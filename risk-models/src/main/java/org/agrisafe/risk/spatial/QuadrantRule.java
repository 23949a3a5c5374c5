package org.agrisafe.risk.spatial;

/**
 * Centre of the Moran scatterplot used to assign {@link LisaQuadrant}s, the three variants spdep 1.2-7 attaches
 * to {@code localmoran} output as {@code attr(, "quadr")}. A value equal to the centre counts as Low (R
 * {@code cut(..., c(-Inf, centre, Inf))} is right-closed).
 */
public enum QuadrantRule {
  /** x against mean(x), lag(x) against mean(lag(x)): spdep {@code quadr$mean}, the one spdep maps by default. */
  MEAN,
  /** x against median(x), lag(x) against median(lag(x)): spdep {@code quadr$median}. */
  MEDIAN,
  /** z = x − x̄ against 0, lag(z) against 0: spdep {@code quadr$pysal}, as GeoDa and PySAL esda. */
  PYSAL
}
