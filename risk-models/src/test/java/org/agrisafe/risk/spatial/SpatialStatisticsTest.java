package org.agrisafe.risk.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Global/local Moran and Getis–Ord G on small hand-built cases. Reference values from R 4.2.2 with spdep 1.2-7:
 * <pre>
 * xy &lt;- cbind(c(0,1,3,4,7,8,2,5,6,9), c(0,2,1,5,3,7,8,4,9,6))
 * v &lt;- c(3.1,2.0,5.5,4.2,8.8,7.1,1.9,6.6,9.0,4.4)
 * nb &lt;- knn2nb(knearneigh(xy, k = 3))            # asymmetric neighbours
 * moran.test(v, nb2listw(nb, style = "W")); localmoran(v, nb2listw(nb, style = "B")); localG(v, nb2listw(nb, style = "B"))
 * </pre>
 */
class SpatialStatisticsTest {

  private static final double[] X = {0, 1, 3, 4, 7, 8, 2, 5, 6, 9};
  private static final double[] Y = {0, 2, 1, 5, 3, 7, 8, 4, 9, 6};
  private static final double[] V = {3.1, 2.0, 5.5, 4.2, 8.8, 7.1, 1.9, 6.6, 9.0, 4.4};
  private static final List<String> IDS = Grids.ids(10, "p");
  private static final NeighbourList KNN3 = SpatialNeighbours.kNearest(X, Y, IDS, IDS, 3);

  private static void assertRel(double expected, double actual, double tol) {
    assertEquals(
        expected,
        actual,
        tol * Math.abs(expected),
        () -> "expected " + expected + " got " + actual);
  }

  @Test
  void globalMoranWithAsymmetricWeightsMatchesMoranTest() {
    assertTrue(!KNN3.isSymmetric());
    GlobalMoran.Result r = GlobalMoran.test(KNN3.weights(WeightStyle.W), V);
    assertRel(-0.0050384249108586208, r.statistic(), 1e-12);
    assertRel(-0.1111111111111111049, r.expectation(), 1e-12);
    assertRel(0.0440576914774594777, r.variance(), 1e-12);
    assertRel(0.50535049849824765, r.z(), 1e-12);
    assertEquals(10, r.n());
  }

  @Test
  void localMoranWithBinaryWeightsMatchesLocalmoran() {
    LocalMoran.Result r = LocalMoran.compute(KNN3.weights(WeightStyle.B), V);
    double[] ii = {
      1.46382300179390024,
      1.61364693375855350,
      -0.16264700019932243,
      -0.26762341372666271,
      -0.34104046242774522,
      1.96212876220849153,
      -2.24357185569065143,
      0.60540827851969992,
      -1.47850641153411688,
      -1.30277058002790413
    };
    double[] var = {
      1.770587536758119418,
      3.547562000677430216,
      0.023893249696100075,
      0.456904863870883304,
      4.000268928179570693,
      1.318041439675852855,
      3.711264499187910904,
      0.720921903372701900,
      4.308963814685355054,
      0.302930263691076673
    };
    double[] z = {
      1.29422844305536788,
      1.16913814897455048,
      -1.03159273536900797,
      -0.30388860617078478,
      0.17639430961135677,
      1.87235909269323253,
      -0.84013866928863279,
      0.83011391048159666,
      -0.33917004882815288,
      -2.29258999051420931
    };
    for (int i = 0; i < 10; i++) {
      assertRel(ii[i], r.statistic()[i], 1e-12);
      assertRel(var[i], r.variance()[i], 1e-12);
      assertRel(z[i], r.z()[i], 1e-12);
      assertRel(
          2
              * (1
                  - new org.apache.commons.math3.distribution.NormalDistribution()
                      .cumulativeProbability(Math.abs(z[i]))),
          r.pValue()[i],
          1e-9);
    }
    // hand check of quadrants (rule MEAN): x̄ = 5.26; region 1 (x = 2.0) is Low, region 6 (x = 7.1)
    // is High
    double[] lag = KNN3.weights(WeightStyle.B).lag(V);
    double meanLag = 0;
    for (double l : lag) {
      meanLag += l / 10;
    }
    assertEquals(lag[5] > meanLag ? LisaQuadrant.HH : LisaQuadrant.HL, r.quadrant()[5]);
    assertEquals(lag[1] > meanLag ? LisaQuadrant.LH : LisaQuadrant.LL, r.quadrant()[1]);
  }

  @Test
  void getisOrdGiWithoutSelfMatchesLocalG() {
    GetisOrdG.Result r = GetisOrdG.compute(KNN3.weights(WeightStyle.B), V);
    double[] z = {
      -1.29422844305536877,
      -1.16913814897455159,
      -1.03159273536900820,
      0.30388860617078461,
      0.17639430961135727,
      1.87235909269323231,
      0.84013866928863268,
      0.83011391048159633,
      -0.33917004882815366,
      2.29258999051420886
    };
    assertTrue(!r.star());
    for (int i = 0; i < 10; i++) {
      assertRel(z[i], r.z()[i], 1e-12);
    }
  }

  @Test
  void giStarOnAGridWithAHotCornerIsPositiveThereAndNegativeOpposite() {
    NeighbourList queen =
        SpatialNeighbours.contiguity(
            Grids.squares(3, 3), Grids.ids(9, "g"), Grids.ids(9, "g"), ContiguityParams.defaults());
    double[] x = {9, 8, 1, 7, 6, 1, 1, 1, 1};
    GetisOrdG.Result r = GetisOrdG.compute(queen.includeSelf().weights(WeightStyle.B), x);
    // hand check for cell 0: neighbours+self {0,1,3,4}, lx = 30, x̄ = 35/9, s² = Σ(x − x̄)²/9,
    // z = (30 − 4 x̄) / sqrt(s² (9·4 − 16)/8)
    double mean = 35.0 / 9;
    double s2 = 0;
    for (double v : x) {
      s2 += (v - mean) * (v - mean) / 9;
    }
    assertEquals((30 - 4 * mean) / Math.sqrt(s2 * (36 - 16) / 8.0), r.z()[0], 1e-12);
    assertEquals(30.0 / 35, r.statistic()[0], 1e-15);
    assertTrue(r.z()[0] > 1.5, "hot corner");
    assertTrue(r.z()[8] < -1.0, "cold corner");
  }

  @Test
  void allValuesEqualGiveAClearErrorNotNaN() {
    SpatialWeights w = KNN3.weights(WeightStyle.W);
    double[] same = new double[10];
    java.util.Arrays.fill(same, 0.25);
    for (Runnable call :
        List.<Runnable>of(
            () -> GlobalMoran.test(w, same),
            () -> LocalMoran.compute(w, same),
            () -> GetisOrdG.compute(w, same),
            () ->
                ConditionalPermutation.localMoran(
                    w, same, ConditionalPermutation.Params.withSeed(1)))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
      assertTrue(
          e.getMessage().contains("all 10 values are equal (0.25)")
              && e.getMessage().contains("variance is zero"),
          e.getMessage());
    }
  }

  @Test
  void badValuesAreRejectedNamingTheRegion() {
    SpatialWeights w = KNN3.weights(WeightStyle.W);
    double[] v = V.clone();
    v[4] = Double.NaN;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GlobalMoran.test(w, v));
    assertTrue(e.getMessage().contains("region p4"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LocalMoran.compute(w, new double[3]));
    assertTrue(e.getMessage().contains("Got 3 values"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LocalMoran.compute(KNN3.includeSelf().weights(WeightStyle.W), V));
    assertTrue(e.getMessage().contains("self"), e.getMessage());
    List<String> three = Grids.ids(3, "t");
    NeighbourList small =
        SpatialNeighbours.kNearest(new double[] {0, 1, 2}, new double[] {0, 0, 0}, three, three, 1);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GlobalMoran.test(small.weights(WeightStyle.W), new double[] {1, 2, 4}));
    assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
  }

  @Test
  void benjaminiHochbergMatchesPAdjust() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.04), "BH")
    double[] adj =
        FalseDiscoveryRate.benjaminiHochberg(
            new double[] {0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.04});
    assertArrayEquals(new double[] {0.035, 0.056, 0.056, 0.035, 0.7 / 3, 0.5, 0.056}, adj, 1e-15);
    // hand check: sorted 0.005, 0.01, 0.03, 0.04, 0.04, 0.2, 0.5 -> 7/k·p = 0.035, 0.035, 0.07,
    // 0.07, 0.056,
    // 0.2333, 0.5, then running minimum from the top
    assertThrows(
        IllegalArgumentException.class,
        () -> FalseDiscoveryRate.benjaminiHochberg(new double[] {1.2}));
    assertThrows(
        IllegalArgumentException.class,
        () -> FalseDiscoveryRate.benjaminiHochberg(new double[] {Double.NaN}));
  }

  @Test
  void empiricalBayesMatchesEBestAndFlagsSmallAreas() {
    // R: EBest(c(1,9,30,2,0), c(20,30,60,10,15)); hand check: m = 42/135 = 14/45,
    // a = Σ n (r − m)²/Σ n − m/(135/5)
    double[] events = {1, 9, 30, 2, 0};
    double[] tested = {20, 30, 60, 10, 15};
    EmpiricalBayes.Result r = EmpiricalBayes.poissonGlobal(events, tested, 12);
    assertEquals(14.0 / 45, r.priorMean(), 1e-16);
    double m = 14.0 / 45;
    double a =
        (20 * Math.pow(0.05 - m, 2)
                    + 30 * Math.pow(0.3 - m, 2)
                    + 60 * Math.pow(0.5 - m, 2)
                    + 10 * Math.pow(0.2 - m, 2)
                    + 15 * m * m)
                / 135
            - m / 27;
    assertEquals(a, r.priorVariance(), 1e-16);
    assertEquals(0.026131687242798358, r.priorVariance(), 1e-15);
    assertArrayEquals(
        new double[] {
          0.14743336623889436,
          0.30315670800450956,
          0.46872536136662285,
          0.26038820992092021,
          0.13766461808604039
        },
        r.smoothed(),
        1e-15);
    assertArrayEquals(new double[] {0.05, 0.3, 0.5, 0.2, 0.0}, r.raw(), 0.0);
    assertArrayEquals(new boolean[] {false, false, false, true, false}, r.insufficient());
    // a < 0 is truncated to 0 and every rate shrinks to m: R EBest(c(2,0,5,1), c(10,20,50,5))
    EmpiricalBayes.Result flat =
        EmpiricalBayes.poissonGlobal(new double[] {2, 0, 5, 1}, new double[] {10, 20, 50, 5});
    assertEquals(0.0, flat.priorVariance(), 0.0);
    for (double s : flat.smoothed()) {
      assertEquals(0.094117647058823528, s, 1e-16);
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmpiricalBayes.poissonGlobal(new double[] {1, 2}, new double[] {5, 0}));
    assertTrue(e.getMessage().contains("Population of area 1 is 0.0"), e.getMessage());
  }

  @Test
  void hotSpotClassesFollowTheArcGisCutOffs() {
    double[] z = {3.0, 2.0, 1.7, 1.6, -1.7, -2.0, -2.6, 2.6, Double.NaN, 5.0};
    boolean[] insufficient = new boolean[10];
    insufficient[9] = true;
    HotSpotClass[] c = HotSpotClassifier.fromZ(z, insufficient);
    assertArrayEquals(
        new HotSpotClass[] {
          HotSpotClass.HOT_99,
          HotSpotClass.HOT_95,
          HotSpotClass.HOT_90,
          HotSpotClass.NOT_SIGNIFICANT,
          HotSpotClass.COLD_90,
          HotSpotClass.COLD_95,
          HotSpotClass.COLD_99,
          HotSpotClass.HOT_99,
          HotSpotClass.UNDEFINED,
          HotSpotClass.INSUFFICIENT_DATA
        },
        c);
    assertEquals(3, c[0].giBin());
    assertEquals(-2, c[5].giBin());
    assertEquals(95, c[5].confidencePercent());
    HotSpotClass[] fromP =
        HotSpotClassifier.fromPValues(
            new double[] {0.001, 0.2, 0.04}, new double[] {-1, 1, 1}, null);
    assertArrayEquals(
        new HotSpotClass[] {
          HotSpotClass.COLD_99, HotSpotClass.NOT_SIGNIFICANT, HotSpotClass.HOT_95
        },
        fromP);
  }

  @Test
  void smallAreasAreMarkedInsufficientNotHotInTheHotSpotPipeline() {
    // 5 x 5 grid of districts; the top-right 2 x 2 block has many exceedances; district 24 (a
    // corner of that
    // block) tested only 4 samples, all exceeding
    int side = 5;
    List<String> ids = Grids.ids(side * side, "d");
    NeighbourList queen =
        SpatialNeighbours.contiguity(
            Grids.squares(side, side), ids, ids, ContiguityParams.defaults());
    double[] tested = new double[side * side];
    double[] exceed = new double[side * side];
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        int i = r * side + c;
        tested[i] = 40 + 3 * ((r * 7 + c * 3) % 5);
        exceed[i] = (r >= 3 && c >= 3) ? 12 : 1 + (r + c) % 2;
      }
    }
    tested[24] = 4;
    exceed[24] = 4;
    EmpiricalBayes.Result eb = EmpiricalBayes.poissonGlobal(exceed, tested, 10);
    assertTrue(eb.smoothed()[24] < eb.raw()[24], "EB shrinks the 4/4 district towards the mean");
    double[] percent = new double[eb.smoothed().length];
    for (int i = 0; i < percent.length; i++) {
      percent[i] = 100 * eb.smoothed()[i];
    }
    GetisOrdG.Result gi = GetisOrdG.compute(queen.includeSelf().weights(WeightStyle.B), percent);
    HotSpotClass[] classes = HotSpotClassifier.fromZ(gi.z(), eb.insufficient());
    assertEquals(HotSpotClass.INSUFFICIENT_DATA, classes[24]);
    assertTrue(gi.z()[24] > 1.96, "its z alone would call it hot: " + gi.z()[24]);
    assertTrue(
        classes[18].isSignificant() && classes[18].giBin() > 0,
        "district 18 is hot: " + classes[18]);
  }
}
