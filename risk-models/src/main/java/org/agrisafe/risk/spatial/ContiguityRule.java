package org.agrisafe.risk.spatial;

/**
 * Which shared boundary makes two polygons contiguous (Bivand et al. 2013, <i>Applied Spatial Data Analysis
 * with R</i>, §9.2.1; spdep {@code poly2nb}).
 */
public enum ContiguityRule {
  /**
   * Queen: the polygons share at least one boundary point. With {@link ContiguityTest#SHARED_VERTEX} this is
   * exactly spdep {@code poly2nb(queen = TRUE)}: some vertex of one lies within the snap distance of some
   * vertex of the other.
   */
  QUEEN,
  /**
   * Rook: the polygons share a boundary segment of positive length (longer than the snap distance). A single
   * shared corner is not enough. On regular grids this is the rook (edge) neighbourhood.
   */
  ROOK
}
