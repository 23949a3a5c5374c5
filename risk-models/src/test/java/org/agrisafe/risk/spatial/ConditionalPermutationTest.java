package org.agrisafe.risk.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionalPermutationTest {

  private static final int SIDE = 7;
  private static final NeighbourList QUEEN =
      SpatialNeighbours.contiguity(
          Grids.squares(SIDE, SIDE),
          Grids.ids(SIDE * SIDE, "g"),
          Grids.ids(SIDE * SIDE, "g"),
          ContiguityParams.defaults());

  /** A smooth gradient with a hot block in the top-right corner. */
  private static double[] values() {
    double[] x = new double[SIDE * SIDE];
    for (int r = 0; r < SIDE; r++) {
      for (int c = 0; c < SIDE; c++) {
        x[r * SIDE + c] = r + c + (r >= 5 && c >= 5 ? 20 : 0) + 0.01 * ((r * 31 + c * 17) % 7);
      }
    }
    return x;
  }

  @Test
  void seededRunsAreReproducibleAndIndependentOfThreads() {
    SpatialWeights w = QUEEN.weights(WeightStyle.W);
    double[] x = values();
    ConditionalPermutation.Result a =
        ConditionalPermutation.localMoran(
            w, x, new ConditionalPermutation.Params(999, 20240701L, 1));
    ConditionalPermutation.Result b =
        ConditionalPermutation.localMoran(
            w, x, new ConditionalPermutation.Params(999, 20240701L, 2));
    assertArrayEquals(a.foldedP(), b.foldedP(), 0.0);
    assertArrayEquals(a.permutationMean(), b.permutationMean(), 0.0);
    assertArrayEquals(a.atLeast(), b.atLeast());
    ConditionalPermutation.Result c =
        ConditionalPermutation.localMoran(w, x, new ConditionalPermutation.Params(999, 7L, 2));
    assertFalse(
        Arrays.equals(a.permutationMean(), c.permutationMean()), "another seed, other draws");
    for (int i = 0; i < x.length; i++) {
      assertTrue(a.atLeast()[i] + a.atMost()[i] >= 999, "b+ + b- >= R");
      assertTrue(a.foldedP()[i] >= 0.001 && a.foldedP()[i] <= 1.0);
    }
  }

  @Test
  void observedStatisticsEqualTheAnalyticOnes() {
    double[] x = values();
    SpatialWeights w = QUEEN.weights(WeightStyle.W);
    ConditionalPermutation.Result perm =
        ConditionalPermutation.localMoran(w, x, ConditionalPermutation.Params.withSeed(1));
    assertArrayEquals(LocalMoran.compute(w, x).statistic(), perm.observed(), 1e-12);
    SpatialWeights star = QUEEN.includeSelf().weights(WeightStyle.B);
    ConditionalPermutation.Result g =
        ConditionalPermutation.getisOrd(star, x, ConditionalPermutation.Params.withSeed(1));
    assertArrayEquals(GetisOrdG.compute(star, x).statistic(), g.observed(), 1e-15);
    assertEquals(999, g.permutations());
  }

  @Test
  void hotBlockIsSignificantAndFoldedPIsTheSmallestPossible() {
    double[] x = values();
    SpatialWeights star = QUEEN.includeSelf().weights(WeightStyle.B);
    ConditionalPermutation.Result g =
        ConditionalPermutation.getisOrd(star, x, ConditionalPermutation.Params.withSeed(99));
    int corner = SIDE * SIDE - 1;
    assertEquals(
        0.001, g.foldedP()[corner], 1e-15, "all 999 permutations fall below the hot corner");
    assertTrue(g.zSim()[corner] > 3);
    HotSpotClass[] classes =
        HotSpotClassifier.fromPValues(g.foldedP(), diff(g.observed(), g.permutationMean()), null);
    assertEquals(HotSpotClass.HOT_99, classes[corner]);
    assertTrue(classes[0].name().startsWith("COLD"), "low corner: " + classes[0]);
  }

  private static double[] diff(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  /**
   * Sampling without replacement makes the permutation moments of I_i converge to the conditional
   * randomisation moments of Sokal et al. (1998) that spdep's localmoran reports; a check on the sampler
   * using the Columbus-sized 7×7 grid and 200,000 permutations.
   */
  @Test
  void permutationMomentsConvergeToConditionalRandomisationMoments() {
    double[] x = values();
    SpatialWeights w = QUEEN.weights(WeightStyle.W);
    int r = 200_000;
    ConditionalPermutation.Result perm =
        ConditionalPermutation.localMoran(w, x, new ConditionalPermutation.Params(r, 5L, 2));
    LocalMoran.Result exact = LocalMoran.compute(w, x);
    for (int i = 0; i < x.length; i++) {
      double sd = Math.sqrt(exact.variance()[i]);
      assertEquals(
          exact.expectation()[i],
          perm.permutationMean()[i],
          5 * sd / Math.sqrt(r),
          "mean of region " + i);
      assertEquals(
          exact.variance()[i],
          perm.permutationVariance()[i],
          0.03 * exact.variance()[i],
          "variance of region " + i);
    }
  }

  @Test
  void tiesAtTheMeanGiveANonSignificantP() {
    // region 4 holds the mean (5): I_4 = 0 and every permuted I_4 = 0
    double[] x = {1, 9, 2, 8, 5, 3, 7, 4, 6};
    NeighbourList q =
        SpatialNeighbours.contiguity(
            Grids.squares(3, 3), Grids.ids(9, "g"), Grids.ids(9, "g"), ContiguityParams.defaults());
    ConditionalPermutation.Result perm =
        ConditionalPermutation.localMoran(
            q.weights(WeightStyle.W), x, new ConditionalPermutation.Params(99, 3L, 2));
    assertEquals(99, perm.atLeast()[4]);
    assertEquals(99, perm.atMost()[4]);
    assertEquals(1.0, perm.foldedP()[4], 0.0);
  }

  @Test
  void parametersAreValidated() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new ConditionalPermutation.Params(0, 1L, 1));
    assertTrue(e.getMessage().contains("permutations 0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new ConditionalPermutation.Params(99, 1L, 0));
    assertTrue(e.getMessage().contains("threads 0"), e.getMessage());
    List<String> ids = Grids.ids(9, "g");
    NeighbourList q =
        SpatialNeighbours.contiguity(Grids.squares(3, 3), ids, ids, ContiguityParams.defaults());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ConditionalPermutation.localMoran(
                q.includeSelf().weights(WeightStyle.W),
                new double[9],
                ConditionalPermutation.Params.withSeed(1)));
  }
}
