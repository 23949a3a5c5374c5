package org.agrisafe.risk.spatial;

/**
 * How a shared boundary point is detected for {@link ContiguityRule#QUEEN}.
 */
public enum ContiguityTest {
  /**
   * spdep {@code poly2nb} (version 1.2-7): two polygons touch when a vertex of one is within the snap distance
   * of a vertex of the other. Reproduces spdep exactly; misses a "T-junction" where a vertex of one polygon
   * lies on the interior of an edge of the other without a matching vertex there.
   */
  SHARED_VERTEX,
  /**
   * Robust boundary test: two polygons touch when their boundaries come within the snap distance of each
   * other anywhere (JTS {@code isWithinDistance} on the boundaries). Catches T-junctions and digitising
   * slivers up to the snap distance; a superset of {@link #SHARED_VERTEX}.
   */
  BOUNDARY_DISTANCE
}
