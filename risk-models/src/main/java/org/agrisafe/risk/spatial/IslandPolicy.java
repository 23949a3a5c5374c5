package org.agrisafe.risk.spatial;

/**
 * What to do with an island: a region that has no neighbour under the chosen neighbour rule
 * (spdep calls these "regions with no links"; spdep's {@code zero.policy}).
 *
 * <p>Whatever the policy, islands are never dropped silently: {@link NeighbourList#islands()} names them and
 * {@link NeighbourList#warnings()} carries one message listing them.
 */
public enum IslandPolicy {
  /**
   * Remove islands from the analysis. The returned {@link NeighbourList} holds only the connected regions
   * ({@link NeighbourList#originalIndex(int)} maps back to the input order), and a warning lists the removed
   * ones by id and name.
   */
  EXCLUDE,
  /**
   * Link each island to its nearest other region (smallest geometry distance for polygons, smallest point
   * distance for points; ties go to the lower input index). The link is added in both directions so that
   * a symmetric neighbour relation stays symmetric. A warning lists the links added.
   */
  NEAREST_NEIGHBOUR,
  /** Throw an {@link IllegalArgumentException} naming every island. */
  FAIL
}
