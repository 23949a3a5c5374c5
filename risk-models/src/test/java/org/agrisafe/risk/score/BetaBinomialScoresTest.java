package org.agrisafe.risk.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BetaBinomialScoresTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 7, 1);

  private static UnitHistory unit(String key, int failures, int samples) {
    List<SampleOutcome> s = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      s.add(new SampleOutcome(AS_OF, i < failures, false));
    }
    return new UnitHistory(key, s);
  }

  private static Map<String, UnitScore> byKey(ScoreReport r) {
    return r.scores().stream().collect(Collectors.toMap(UnitScore::unitKey, Function.identity()));
  }

  @Test
  void shrinkageMatchesHandWorkedExample() {
    // units (x, n): A (2, 10), B (4, 10), C (0, 10); no recency decay; minUnitsForPrior 3.
    // m  = 6 / 30 = 0.2
    // s2 = [10 (0.2-0.2)^2 + 10 (0.4-0.2)^2 + 10 (0-0.2)^2] / 30 = (0 + 0.4 + 0.4) / 30 = 0.0266667
    // n̄ = 10; binomial noise m(1-m)/n̄ = 0.16 / 10 = 0.016; phi = 0.0266667 - 0.016 = 0.0106667
    // alpha+beta = m(1-m)/phi - 1 = 0.16 / 0.0106667 - 1 = 15 - 1 = 14; alpha = 2.8, beta = 11.2
    // posteriors: A Beta(4.8, 19.2) mean 0.2; B Beta(6.8, 17.2) mean 6.8/24 = 0.283333;
    //             C Beta(2.8, 21.2) mean 2.8/24 = 0.116667
    ScoreParameters p = new ScoreParameters(0.02, Double.POSITIVE_INFINITY, 3, 2);
    ScoreReport r =
        BetaBinomialScores.score(
            List.of(unit("A", 2, 10), unit("B", 4, 10), unit("C", 0, 10)), AS_OF, p);
    assertEquals(PriorFit.Method.METHOD_OF_MOMENTS, r.prior().method());
    assertEquals(0.2, r.prior().groupRate(), 1e-12);
    assertEquals(0.8 / 30, r.prior().betweenUnitVariance(), 1e-12);
    assertEquals(2.8, r.prior().alpha(), 1e-9);
    assertEquals(11.2, r.prior().beta(), 1e-9);
    Map<String, UnitScore> s = byKey(r);
    assertEquals(4.8, s.get("A").posteriorAlpha(), 1e-9);
    assertEquals(19.2, s.get("A").posteriorBeta(), 1e-9);
    assertEquals(0.2, s.get("A").posteriorMean(), 1e-9);
    assertEquals(6.8 / 24, s.get("B").posteriorMean(), 1e-9);
    assertEquals(2.8 / 24, s.get("C").posteriorMean(), 1e-9);
    assertEquals(List.of("B", "A", "C"), r.scores().stream().map(UnitScore::unitKey).toList());
  }

  @Test
  void oneInTwoDoesNotOutrankThirtyInThousand() {
    List<UnitHistory> units =
        List.of(
            unit("one-of-two", 1, 2),
            unit("thirty-of-1000", 30, 1000),
            unit("C", 5, 500),
            unit("D", 2, 400),
            unit("E", 8, 600),
            unit("F", 3, 300),
            unit("G", 0, 200));
    ScoreReport r = BetaBinomialScores.score(units, AS_OF, ScoreParameters.defaults());
    assertEquals(PriorFit.Method.METHOD_OF_MOMENTS, r.prior().method());
    Map<String, UnitScore> s = byKey(r);
    UnitScore small = s.get("one-of-two");
    UnitScore big = s.get("thirty-of-1000");
    assertTrue(small.observedRate() > big.observedRate()); // 0.5 vs 0.03 raw
    assertTrue(
        big.probabilityAboveTarget() > small.probabilityAboveTarget(),
        big.probabilityAboveTarget() + " vs " + small.probabilityAboveTarget());
    assertTrue(big.rank() < small.rank());
    assertEquals(1, big.rank());
    assertTrue(big.probabilityAboveTarget() > 0.9, "P = " + big.probabilityAboveTarget());
  }

  @Test
  void noHistoryGetsThePriorAndBannedIsSeparate() {
    List<SampleOutcome> withBan = new ArrayList<>(unit("x", 1, 50).samples());
    withBan.set(10, new SampleOutcome(AS_OF, false, true));
    List<UnitHistory> units =
        List.of(
            unit("A", 2, 100),
            unit("B", 5, 100),
            unit("C", 1, 100),
            unit("D", 9, 100),
            new UnitHistory("banned", withBan),
            new UnitHistory("new producer", List.of()));
    ScoreReport r = BetaBinomialScores.score(units, AS_OF, ScoreParameters.defaults());
    Map<String, UnitScore> s = byKey(r);
    UnitScore fresh = s.get("new producer");
    assertEquals(UnitScore.Status.NO_HISTORY, fresh.status());
    assertNull(fresh.observedRate());
    assertEquals(r.prior().alpha(), fresh.posteriorAlpha(), 0);
    assertEquals(r.prior().mean(), fresh.posteriorMean(), 1e-12);
    UnitScore banned = s.get("banned");
    assertEquals(1, banned.bannedFindings());
    assertEquals(1, banned.failures());
    assertEquals(1.0, banned.weightedBannedFindings(), 1e-12);
    // 5 units with samples: method of moments; the banned finding does not change the rate
    assertEquals(5, r.prior().unitsUsed());
  }

  @Test
  void recencyWeightHalvesAtTheHalfLife() {
    assertEquals(0.5, BetaBinomialScores.recencyWeight(365, 365), 1e-15);
    assertEquals(0.25, BetaBinomialScores.recencyWeight(730, 365), 1e-15);
    UnitHistory u =
        new UnitHistory(
            "old",
            List.of(
                new SampleOutcome(AS_OF.minusDays(365), true, false),
                new SampleOutcome(AS_OF, false, false)));
    ScoreReport r = BetaBinomialScores.score(List.of(u), AS_OF, ScoreParameters.defaults());
    UnitScore s = r.scores().get(0);
    assertEquals(1.5, s.weightedSamples(), 1e-12);
    assertEquals(0.5, s.weightedFailures(), 1e-12);
    // one unit: explicit fallback, weak prior centred on the group rate 0.5/1.5
    assertEquals(PriorFit.Method.FALLBACK_TOO_FEW_UNITS, r.prior().method());
    assertEquals(1.0 / 3, r.prior().mean(), 1e-12);
    assertEquals(2.0, r.prior().alpha() + r.prior().beta(), 1e-12);
  }

  @Test
  void badInputIsReported() {
    ScoreReport empty = BetaBinomialScores.score(List.of(), AS_OF, ScoreParameters.defaults());
    assertTrue(empty.scores().isEmpty());
    assertEquals("group", empty.notAssessed().get(0).key());
    UnitHistory future =
        new UnitHistory("future", List.of(new SampleOutcome(AS_OF.plusDays(1), false, false)));
    ScoreReport r =
        BetaBinomialScores.score(
            List.of(future, unit("A", 0, 10), unit("A", 1, 10)), AS_OF, ScoreParameters.defaults());
    assertEquals(1, r.scores().size());
    assertEquals(2, r.notAssessed().size());
    assertTrue(r.notAssessed().get(0).reason().contains("after the as-of date"));
    assertTrue(r.notAssessed().get(1).reason().contains("duplicate"));
    assertEquals(PriorFit.Method.FALLBACK_JEFFREYS, r.prior().method()); // 0 failures in the group
  }

  @Test
  void countedOutcomesScoreLikeTheSamplesTheyCount() {
    ScoreParameters p = new ScoreParameters(0.02, 365, 3, 2);
    List<UnitHistory> expanded = new ArrayList<>();
    List<UnitHistory> counted = new ArrayList<>();
    for (int u = 0; u < 5; u++) {
      List<SampleOutcome> one = new ArrayList<>();
      List<SampleOutcome> many = new ArrayList<>();
      for (int d = 0; d < 4; d++) {
        LocalDate day = AS_OF.minusDays(100L * d + u);
        int n = 3 + u + d;
        int fails = (u + d) % 3;
        for (int i = 0; i < n; i++) {
          one.add(new SampleOutcome(day, i < fails, i == 0 && u == 2));
        }
        if (fails > 0) {
          many.add(new SampleOutcome(day, true, u == 2, 1));
          if (fails > 1) {
            many.add(new SampleOutcome(day, true, false, fails - 1));
          }
        } else if (u == 2) {
          many.add(new SampleOutcome(day, false, true, 1));
        }
        int passes = n - Math.max(fails, u == 2 ? 1 : 0);
        many.add(new SampleOutcome(day, false, false, passes));
      }
      expanded.add(new UnitHistory("u" + u, one));
      counted.add(new UnitHistory("u" + u, many));
    }
    Map<String, UnitScore> a = byKey(BetaBinomialScores.score(expanded, AS_OF, p));
    Map<String, UnitScore> b = byKey(BetaBinomialScores.score(counted, AS_OF, p));
    for (String k : a.keySet()) {
      assertEquals(a.get(k).samples(), b.get(k).samples(), k);
      assertEquals(a.get(k).failures(), b.get(k).failures(), k);
      assertEquals(a.get(k).posteriorMean(), b.get(k).posteriorMean(), 1e-12, k);
      assertEquals(a.get(k).probabilityAboveTarget(), b.get(k).probabilityAboveTarget(), 1e-12, k);
    }
    assertEquals(5, a.size());
  }

  @Test
  void aCountBelowOneIsRefused() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> new SampleOutcome(AS_OF, false, false, 0));
    assertTrue(e.getMessage().contains("expected an integer >= 1"));
  }
}
