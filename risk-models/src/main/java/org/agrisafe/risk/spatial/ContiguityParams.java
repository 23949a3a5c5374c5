package org.agrisafe.risk.spatial;

import java.util.Objects;

/**
 * Parameters of polygon contiguity (spdep {@code poly2nb}). Immutable; validated on construction.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>rule</td><td>{@link ContiguityRule#QUEEN}</td><td>queen (shared point) or rook (shared edge)</td></tr>
 *   <tr><td>test</td><td>{@link ContiguityTest#SHARED_VERTEX}</td><td>how a shared point is detected;
 *       the default reproduces spdep</td></tr>
 *   <tr><td>snapDistance</td><td>{@value #SNAP_DISTANCE_DEFAULT} (spdep 1.2-7 default
 *       {@code sqrt(.Machine$double.eps)})</td><td>distance, in coordinate units, under which two boundary points
 *       count as the same point. Use a few metres' worth for sloppy digitisation (e.g. 1e-5 degrees)</td></tr>
 *   <tr><td>islandPolicy</td><td>{@link IslandPolicy#EXCLUDE}</td><td>what to do with regions without
 *       neighbours (always reported)</td></tr>
 * </table>
 *
 * @param rule         contiguity rule
 * @param test         shared-point test
 * @param snapDistance snap distance in coordinate units, finite and &gt;= 0
 * @param islandPolicy island handling
 */
public record ContiguityParams(
    ContiguityRule rule, ContiguityTest test, double snapDistance, IslandPolicy islandPolicy) {

  /** Default rule: queen. */
  public static final ContiguityRule RULE_DEFAULT = ContiguityRule.QUEEN;

  /** Default shared-point test: spdep's shared vertex. */
  public static final ContiguityTest TEST_DEFAULT = ContiguityTest.SHARED_VERTEX;

  /** Default snap distance: sqrt(2^-52) = 1.4901161193847656E-8, spdep 1.2-7's {@code sqrt(.Machine$double.eps)}. */
  public static final double SNAP_DISTANCE_DEFAULT = 1.4901161193847656E-8;

  /** Default island policy: exclude the islands, with a warning naming them. */
  public static final IslandPolicy ISLAND_POLICY_DEFAULT = IslandPolicy.EXCLUDE;

  /** Validates the parameters. */
  public ContiguityParams {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(islandPolicy, "islandPolicy");
    if (!(snapDistance >= 0) || Double.isInfinite(snapDistance)) {
      throw new IllegalArgumentException(
          "Invalid snap distance "
              + snapDistance
              + ": expected a finite number >= 0 (coordinate units)");
    }
  }

  /** @return the defaults: queen, shared vertex, spdep snap, islands excluded */
  public static ContiguityParams defaults() {
    return new ContiguityParams(
        RULE_DEFAULT, TEST_DEFAULT, SNAP_DISTANCE_DEFAULT, ISLAND_POLICY_DEFAULT);
  }

  /** @return a copy with another rule */
  public ContiguityParams withRule(ContiguityRule r) {
    return new ContiguityParams(r, test, snapDistance, islandPolicy);
  }

  /** @return a copy with another shared-point test */
  public ContiguityParams withTest(ContiguityTest t) {
    return new ContiguityParams(rule, t, snapDistance, islandPolicy);
  }

  /** @return a copy with another snap distance */
  public ContiguityParams withSnapDistance(double d) {
    return new ContiguityParams(rule, test, d, islandPolicy);
  }

  /** @return a copy with another island policy */
  public ContiguityParams withIslandPolicy(IslandPolicy p) {
    return new ContiguityParams(rule, test, snapDistance, p);
  }
}
