package org.agrisafe.risk.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class SpatialNeighboursTest {

  private static final List<Geometry> GRID = Grids.squares(3, 3);
  private static final List<String> IDS = Grids.ids(9, "g");
  private static final List<String> NAMES = Grids.ids(9, "cell ");

  @Test
  void queenAndRookCountsOnThreeByThreeGridMatchPoly2nb() {
    // spdep 1.2-7: card(poly2nb(st_make_grid(..., n = c(3, 3)), queen = TRUE / FALSE))
    NeighbourList queen =
        SpatialNeighbours.contiguity(GRID, IDS, NAMES, ContiguityParams.defaults());
    NeighbourList rook =
        SpatialNeighbours.contiguity(
            GRID, IDS, NAMES, ContiguityParams.defaults().withRule(ContiguityRule.ROOK));
    int[] queenCounts = {3, 5, 3, 5, 8, 5, 3, 5, 3};
    int[] rookCounts = {2, 3, 2, 3, 4, 3, 2, 3, 2};
    for (int i = 0; i < 9; i++) {
      assertEquals(queenCounts[i], queen.cardinality(i), "queen neighbours of cell " + i);
      assertEquals(rookCounts[i], rook.cardinality(i), "rook neighbours of cell " + i);
    }
    assertArrayEquals(new int[] {1, 3, 5, 7}, rook.neighbours(4));
    assertArrayEquals(new int[] {1, 3, 4}, queen.neighbours(0));
    assertTrue(queen.isSymmetric());
    assertTrue(queen.warnings().isEmpty());
    NeighbourList robust =
        SpatialNeighbours.contiguity(
            GRID,
            IDS,
            NAMES,
            ContiguityParams.defaults().withTest(ContiguityTest.BOUNDARY_DISTANCE));
    for (int i = 0; i < 9; i++) {
      assertEquals(queenCounts[i], robust.cardinality(i));
    }
  }

  @Test
  void rowStandardisedAndBinaryWeightsAndSelfInclusion() {
    NeighbourList queen =
        SpatialNeighbours.contiguity(GRID, IDS, NAMES, ContiguityParams.defaults());
    SpatialWeights w = queen.weights(WeightStyle.W);
    SpatialWeights b = queen.weights(WeightStyle.B);
    for (int i = 0; i < 9; i++) {
      assertEquals(1.0, w.rowSum(i), 1e-15);
      assertEquals(queen.cardinality(i), b.rowSum(i), 0.0);
    }
    assertEquals(1.0 / 3, w.weight(0, 1), 1e-15);
    assertEquals(0.0, w.weight(0, 8), 0.0);
    assertEquals(9.0, w.s0(), 1e-12);
    NeighbourList self = queen.includeSelf();
    assertTrue(self.selfIncluded());
    assertArrayEquals(new int[] {0, 1, 3, 4}, self.neighbours(0));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, self.neighbours(4));
    assertEquals(1.0, self.weights(WeightStyle.B).weight(4, 4), 0.0);
    assertFalse(queen.selfIncluded());
  }

  /** The 3×3 grid plus a square far away: an island named "far farm". */
  private static NeighbourList gridWithIsland(IslandPolicy policy) {
    List<Geometry> g = new ArrayList<>(GRID);
    g.add(Grids.square(10, 10, 1));
    List<String> ids = new ArrayList<>(IDS);
    ids.add("island");
    List<String> names = new ArrayList<>(NAMES);
    names.add("far farm");
    return SpatialNeighbours.contiguity(
        g, ids, names, ContiguityParams.defaults().withIslandPolicy(policy));
  }

  @Test
  void islandsAreExcludedWithAWarningNamingThem() {
    NeighbourList nb = gridWithIsland(IslandPolicy.EXCLUDE);
    assertEquals(9, nb.size());
    assertEquals(1, nb.islands().size());
    assertEquals("island", nb.islands().get(0).id());
    assertEquals(1, nb.warnings().size());
    assertTrue(nb.warnings().get(0).contains("island (far farm)"), nb.warnings().get(0));
    double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 99};
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, nb.alignValues(values), 0.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> nb.alignValues(new double[9]));
    assertTrue(e.getMessage().contains("expected one value per input region (10)"), e.getMessage());
  }

  @Test
  void islandsCanBeLinkedToTheirNearestNeighbour() {
    NeighbourList nb = gridWithIsland(IslandPolicy.NEAREST_NEIGHBOUR);
    assertEquals(10, nb.size());
    assertArrayEquals(
        new int[] {8}, nb.neighbours(9), "island joins the nearest cell, the (2, 2) corner");
    assertArrayEquals(new int[] {4, 5, 7, 9}, nb.neighbours(8));
    assertTrue(nb.isSymmetric());
    assertTrue(
        nb.warnings().get(0).contains("island (far farm) -> g8 (cell 8)"), nb.warnings().get(0));
  }

  @Test
  void islandsFailWhenAskedNamingThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> gridWithIsland(IslandPolicy.FAIL));
    assertTrue(e.getMessage().contains("island (far farm)"), e.getMessage());
  }

  @Test
  void aSingleRegionIsAnIslandUnderEveryPolicyAndIsReportedClearly() {
    List<Geometry> one = List.of(Grids.square(0, 0, 1));
    for (IslandPolicy policy : IslandPolicy.values()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  SpatialNeighbours.contiguity(
                      one,
                      List.of("370102"),
                      List.of("Lixia"),
                      ContiguityParams.defaults().withIslandPolicy(policy)));
      assertTrue(e.getMessage().contains("370102 (Lixia)"), policy + ": " + e.getMessage());
    }
  }

  @Test
  void boundaryDistanceTestCatchesATJunctionThatSharedVerticesMiss() {
    // A: [0,2]x[0,1]; B: [0.5,1.5]x[1,2] sits on A's top edge, but neither has a vertex of the
    // other
    Geometry a =
        Grids.FACTORY.createPolygon(
            new Coordinate[] {
              new Coordinate(0, 0),
              new Coordinate(2, 0),
              new Coordinate(2, 1),
              new Coordinate(0, 1),
              new Coordinate(0, 0)
            });
    Geometry b = Grids.square(0.5, 1, 1);
    List<Geometry> g = List.of(a, b);
    List<String> ids = List.of("A", "B");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SpatialNeighbours.contiguity(
                    g, ids, ids, ContiguityParams.defaults().withIslandPolicy(IslandPolicy.FAIL)));
    assertTrue(
        e.getMessage().contains("2 island(s)"),
        "shared-vertex test misses the T-junction: " + e.getMessage());
    NeighbourList boundary =
        SpatialNeighbours.contiguity(
            g,
            ids,
            ids,
            ContiguityParams.defaults()
                .withTest(ContiguityTest.BOUNDARY_DISTANCE)
                .withIslandPolicy(IslandPolicy.FAIL));
    assertArrayEquals(new int[] {1}, boundary.neighbours(0));
    NeighbourList rook =
        SpatialNeighbours.contiguity(
            g,
            ids,
            ids,
            ContiguityParams.defaults()
                .withTest(ContiguityTest.BOUNDARY_DISTANCE)
                .withRule(ContiguityRule.ROOK)
                .withIslandPolicy(IslandPolicy.FAIL));
    assertArrayEquals(new int[] {0}, rook.neighbours(1), "B shares a unit-length edge with A");
  }

  @Test
  void snapDistanceJoinsSlightlyMisalignedVertices() {
    List<Geometry> g = List.of(Grids.square(0, 0, 1), Grids.square(1 + 1e-7, 0, 1));
    List<String> ids = List.of("a", "b");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SpatialNeighbours.contiguity(g, ids, ids, ContiguityParams.defaults()));
    assertTrue(e.getMessage().contains("All 2 region(s) are islands"), e.getMessage());
    NeighbourList snapped =
        SpatialNeighbours.contiguity(
            g,
            ids,
            ids,
            ContiguityParams.defaults()
                .withSnapDistance(1e-6)
                .withRule(ContiguityRule.ROOK)
                .withIslandPolicy(IslandPolicy.FAIL));
    assertEquals(1, snapped.cardinality(0));
  }

  @Test
  void kNearestAndDistanceBand() {
    NeighbourList knn = SpatialNeighbours.kNearest(GRID, IDS, NAMES, 4);
    for (int i = 0; i < 9; i++) {
      assertEquals(4, knn.cardinality(i));
    }
    // cell 0 (centroid 0.5, 0.5): distance 1 to cells 1 and 3, sqrt 2 to 4, 2 to 2 and 6 (tie:
    // lower index)
    assertArrayEquals(new int[] {1, 2, 3, 4}, knn.neighbours(0));
    NeighbourList band =
        SpatialNeighbours.distanceBand(GRID, IDS, NAMES, 0, 1.0, IslandPolicy.FAIL);
    assertArrayEquals(new int[] {1, 3, 5, 7}, band.neighbours(4));
    NeighbourList ring =
        SpatialNeighbours.distanceBand(GRID, IDS, NAMES, 1.0, 1.5, IslandPolicy.EXCLUDE);
    assertArrayEquals(new int[] {0, 2, 6, 8}, ring.neighbours(4), "only diagonals in (1, 1.5]");
    assertThrows(
        IllegalArgumentException.class, () -> SpatialNeighbours.kNearest(GRID, IDS, NAMES, 9));
  }

  @Test
  void badInputIsRejectedNamingTheRegion() {
    List<String> dup = new ArrayList<>(IDS);
    dup.set(3, "g0");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SpatialNeighbours.contiguity(GRID, dup, NAMES, ContiguityParams.defaults()));
    assertTrue(e.getMessage().contains("'g0' at index 3"), e.getMessage());
    List<Geometry> withPoint = new ArrayList<>(GRID);
    withPoint.set(2, Grids.FACTORY.createPoint(new Coordinate(1, 1)));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SpatialNeighbours.contiguity(withPoint, IDS, NAMES, ContiguityParams.defaults()));
    assertTrue(
        e.getMessage().contains("g2 (cell 2)") && e.getMessage().contains("Point"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ContiguityParams(
                    ContiguityRule.QUEEN, ContiguityTest.SHARED_VERTEX, -1, IslandPolicy.FAIL));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }
}
