package org.agrisafe.risk.aberration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Agreement with R surveillance 1.20.3 on every case of golden/aberration: upperbound to relative 1e-6, alarms
 * exactly, R's NA matched by an empty upperbound.
 */
class AberrationGoldenTest {

  static final double RELATIVE_TOLERANCE = 1e-6;

  @Test
  void earsC1SalmNewport() {
    runEars("earsC1_salmNewport", EarsCParameters.Variant.C1);
  }

  @Test
  void earsC3SalmNewport() {
    runEars("earsC3_salmNewport", EarsCParameters.Variant.C3);
  }

  @Test
  void cusumSalmonellaAgona() {
    GoldenCase c = GoldenCase.load("cusum_salmonella_agona");
    assertEquals("cusum", c.str("method"));
    assertEquals("standard", c.str("trans"));
    assertTrue(c.params.containsKey("m") && c.params.get("m") == null, "golden uses m = NULL");
    CusumParameters p =
        new CusumParameters(
            c.num("k").doubleValue(),
            c.num("h").doubleValue(),
            OptionalDouble.empty(),
            CusumParameters.Transformation.STANDARD,
            CusumParameters.ALPHA_DEFAULT,
            false);
    compare(c, new CusumDetector(p).detect(series(c), c.rangeFirst(), c.rangeLast()));
  }

  @Test
  void farringtonSalmonellaAgona() {
    GoldenCase c = GoldenCase.load("farrington_salmonella_agona");
    assertEquals("farrington", c.str("method"));
    List<Number> limit54 = c.numList("limit54");
    FarringtonParameters p =
        new FarringtonParameters(
            c.num("b").intValue(),
            c.num("w").intValue(),
            c.bool("reweight"),
            c.num("alpha").doubleValue(),
            c.bool("trend"),
            limit54.get(0).intValue(),
            limit54.get(1).intValue(),
            PowerTransform.fromR(c.str("powertrans")),
            false);
    compare(c, new FarringtonDetector(p).detect(series(c), c.rangeFirst(), c.rangeLast()));
  }

  /**
   * salmNewport in R is an {@code sts} with {@code epochAsDate = TRUE}: weekly Mondays from 2004-01-05 (its
   * {@code start} slot, "2000-1" in params.json, is not used when epochs are dates). The golden input is the sum over
   * its 16 columns; R finds farringtonFlexible's reference weeks by date, which differs from index arithmetic
   * after leap years, so the test gives the series the same dates (checked against R 1.20.3).
   */
  @Test
  void farringtonFlexibleNoufailySalmNewport() {
    GoldenCase c = GoldenCase.load("farringtonFlexible_noufaily_salmNewport");
    assertEquals("farringtonFlexible", c.str("method"));
    List<Number> limit54 = c.numList("limit54");
    FarringtonFlexibleParameters p =
        FarringtonFlexibleParameters.builder()
            .b(c.num("b").intValue())
            .w(c.num("w").intValue())
            .reweight(c.bool("reweight"))
            .weightsThreshold(c.num("weightsThreshold").doubleValue())
            .alpha(c.num("alpha").doubleValue())
            .trend(c.bool("trend"))
            .pThresholdTrend(c.num("pThresholdTrend").doubleValue())
            .limit54(limit54.get(0).intValue(), limit54.get(1).intValue())
            .powerTransform(PowerTransform.fromR(c.str("powertrans")))
            .populationOffset(c.bool("populationOffset"))
            .noPeriods(c.num("noPeriods").intValue())
            .pastWeeksNotIncluded(c.num("pastWeeksNotIncluded").intValue())
            .thresholdMethod(thresholdMethod(c.str("thresholdMethod")))
            .build();
    CountSeries s = series(c).withEpochs(weeklyEpochs(LocalDate.of(2004, 1, 5), c.observed.length));
    compare(c, new FarringtonFlexibleDetector(p).detect(s, c.rangeFirst(), c.rangeLast()));
  }

  static LocalDate[] weeklyEpochs(LocalDate first, int n) {
    LocalDate[] epochs = new LocalDate[n];
    for (int i = 0; i < n; i++) {
      epochs[i] = first.plusWeeks(i);
    }
    return epochs;
  }

  static FarringtonFlexibleParameters.ThresholdMethod thresholdMethod(String r) {
    return switch (r) {
      case "delta" -> FarringtonFlexibleParameters.ThresholdMethod.DELTA;
      case "nbPlugin" -> FarringtonFlexibleParameters.ThresholdMethod.NB_PLUGIN;
      case "muan" -> FarringtonFlexibleParameters.ThresholdMethod.MUAN;
      default -> throw new AssertionError("unknown thresholdMethod " + r);
    };
  }

  private static void runEars(String name, EarsCParameters.Variant variant) {
    GoldenCase c = GoldenCase.load(name);
    assertEquals("earsC", c.str("method"));
    assertEquals(variant.name(), c.str("variant"));
    EarsCParameters p =
        new EarsCParameters(
            variant,
            c.num("baseline").intValue(),
            c.num("minSigma").doubleValue(),
            c.num("alpha").doubleValue());
    compare(c, new EarsCDetector(p).detect(series(c), c.rangeFirst(), c.rangeLast()));
  }

  static CountSeries series(GoldenCase c) {
    return CountSeries.of(c.name, c.observed, c.num("freq").intValue());
  }

  static void compare(GoldenCase c, AberrationResult result) {
    assertEquals(
        c.expected.size(), result.points().size(), c.name + ": number of evaluated indices");
    int checked = 0;
    for (GoldenCase.Expected e : c.expected) {
      AberrationPoint pt = result.at(e.index());
      String where = c.name + " index " + e.index();
      if (Double.isNaN(e.upperbound())) {
        assertTrue(pt.upperbound().isEmpty(), where + ": R gives NA, got " + pt.upperbound());
        assertTrue(pt.status() != ThresholdStatus.COMPUTED, where + ": status " + pt.status());
      } else {
        if (pt.upperbound().isEmpty()) {
          fail(
              where
                  + ": expected upperbound "
                  + e.upperbound()
                  + ", got none ("
                  + pt.status()
                  + ")");
        }
        double got = pt.upperbound().getAsDouble();
        double tol = RELATIVE_TOLERANCE * Math.max(Math.abs(e.upperbound()), 1e-300);
        assertEquals(e.upperbound(), got, e.upperbound() == 0 ? 0 : tol, where + ": upperbound");
      }
      assertEquals(
          e.alarm(),
          pt.alarm(),
          where + ": alarm (observed " + pt.observed() + ", upperbound " + pt.upperbound() + ")");
      checked++;
    }
    assertEquals(c.expected.size(), checked);
    assertFalse(c.expected.isEmpty(), c.name + ": golden has no rows");
  }
}
