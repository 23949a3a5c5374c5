package org.agrisafe.jobs.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.agrisafe.jobs.risk.RiskFixtures.Sample;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SamplingPlanJobTest {
  static final long DATA_SEED = 7L;

  /**
   * Two years (2023, 2024) of 360 samples: 3 commodities x 3 origins x 20 per year, with a failure probability of
   * 2 % except lettuce from ES at 30 %, drawn with seed {@value #DATA_SEED}.
   */
  static List<Sample> samples() {
    Random rnd = new Random(DATA_SEED);
    List<Sample> out = new ArrayList<>();
    String[][] commodities = {{"apples", "fruit"}, {"pears", "fruit"}, {"lettuce", "vegetables"}};
    String[] origins = {"GB", "ES", "NL"};
    int id = 0;
    for (int year : new int[] {2023, 2024}) {
      for (String[] c : commodities) {
        for (String o : origins) {
          for (int k = 0; k < 20; k++) {
            LocalDate d = LocalDate.of(year, 1 + (k % 12), 1 + k);
            double pFail = c[0].equals("lettuce") && o.equals("ES") ? 0.30 : 0.02;
            Sample s =
                new Sample("S" + (++id), d.toString(), c[0], c[1])
                    .origin(o)
                    .point(k % 2 == 0 ? "Retailer A" : "Retailer B");
            out.add(rnd.nextDouble() < pFail ? s.fail() : s);
          }
        }
      }
    }
    return out;
  }

  @Test
  void samePlanTwiceEveryStratumAtItsFloorAndModelsEvaluated() {
    Dataset<Row> s = RiskFixtures.samples(samples()).cache();
    SamplingPlanParameters p = SamplingPlanParameters.defaults().with(60, 2, 0.3, 11L, null);
    SamplingPlanJob.Outputs a = SamplingPlanJob.transform(s, p);
    SamplingPlanJob.Outputs b = SamplingPlanJob.transform(s, p);
    assertEquals("2024", a.testPeriod());
    assertEquals("2025-01", a.planMonth());

    List<String> planA = plan(a);
    assertEquals(planA, plan(b), "same seed, same plan");
    assertEquals(60, planA.size());

    Map<String, Long> perStratum =
        a.plan().collectAsList().stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.getAs("commodity_code") + "|" + r.getAs("region_key"),
                    Collectors.counting()));
    assertEquals(9, perStratum.size());
    perStratum.forEach(
        (k, v) -> assertTrue(v >= 2, k + " has " + v + " planned samples, below the floor 2"));
    long random = a.plan().filter("programme = 'RANDOM_MONITORING'").count();
    assertEquals(18, random, "30 % of 60 spread at random");
    assertTrue(
        perStratum.get("lettuce|ISO3166_1:ES") > perStratum.get("apples|ISO3166_1:GB"),
        "the high-failure stratum gets more samples: " + perStratum);

    List<Row> eval = a.evaluation().collectAsList();
    assertEquals(3, eval.size());
    assertEquals(1, eval.stream().filter(r -> r.<Boolean>getAs("selected")).count());
    for (Row r : eval) {
      assertNotNull(r.getAs("brier"), r.getAs("model") + ": " + r.getAs("note"));
      assertEquals(180L, (Long) r.getAs("n_test"));
    }
    s.unpersist();
  }

  private static List<String> plan(SamplingPlanJob.Outputs o) {
    return o.plan().drop("computed_at").orderBy("plan_sample_id").collectAsList().stream()
        .map(Row::toString)
        .toList();
  }
}
