package org.agrisafe.risk.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrisafe.risk.common.Assessment;
import org.agrisafe.risk.common.TestPaths;
import org.junit.jupiter.api.Test;

class ExposureTest {
  private static final double TOL = 1e-12;

  private static ResidueLevels enumerated(String key, double... values) {
    return ResidueStatistics.summarize(
        key,
        NonDetectReporting.ENUMERATED,
        java.util.Arrays.stream(values).mapToObj(ResidueResult::quantified).toList(),
        null);
  }

  @Test
  void nonDetectBoundsFollowConventions() {
    // 0.3 quantified, <LOQ 0.01, <LOD 0.004; n = 3
    ResidueLevels r =
        ResidueStatistics.summarize(
            "k",
            NonDetectReporting.ENUMERATED,
            List.of(
                ResidueResult.quantified(0.3),
                ResidueResult.belowLoq(0.01),
                ResidueResult.belowLod(0.004)),
            null);
    assertEquals(BoundAvailability.ALL_BOUNDS, r.availability());
    assertEquals(0.3 / 3, r.meanMgPerKg().get(NonDetectBound.LOWER), TOL);
    assertEquals((0.3 + 0.005 + 0.002) / 3, r.meanMgPerKg().get(NonDetectBound.MIDDLE), TOL);
    assertEquals((0.3 + 0.01 + 0.004) / 3, r.meanMgPerKg().get(NonDetectBound.UPPER), TOL);
    assertEquals(1, r.detections());
  }

  @Test
  void detectionsOnlyGivesLowerBoundOnlyAndSaysSo() {
    // UK annex: 2 detections (0.2, 0.1) among 8 samples tested -> LB mean 0.3/8
    ResidueLevels r =
        ResidueStatistics.summarize(
            "flonicamid/veg",
            NonDetectReporting.DETECTIONS_ONLY,
            List.of(ResidueResult.quantified(0.2), ResidueResult.quantified(0.1)),
            8);
    assertEquals(BoundAvailability.LOWER_ONLY, r.availability());
    assertEquals(Set.of(NonDetectBound.LOWER), r.meanMgPerKg().keySet());
    assertEquals(0.3 / 8, r.meanMgPerKg().get(NonDetectBound.LOWER), TOL);
    assertTrue(r.availabilityMessage().contains("lower bound only"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ResidueStatistics.summarize(
                "x", NonDetectReporting.DETECTIONS_ONLY, List.of(ResidueResult.belowLoq(0.01)), 5));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ResidueStatistics.summarize(
                "x",
                NonDetectReporting.DETECTIONS_ONLY,
                List.of(ResidueResult.quantified(0.1)),
                null));

    Assessment<ChronicExposureResult> a =
        ChronicExposure.assess(
            List.of(
                new ChronicInput(
                    "flonicamid (sum)", List.of(new FoodIntake("fresh vegetables", r, 0.16403)))),
            TestBooks.shipped(),
            ChronicParameters.defaults());
    ChronicExposureResult res = a.results().get(0);
    assertEquals(BoundAvailability.LOWER_ONLY, res.availability());
    assertEquals(Set.of(NonDetectBound.LOWER), res.estimates().keySet());
    assertNull(res.estimates().get(NonDetectBound.UPPER));
  }

  @Test
  void hazardQuotientAndIfsHandChecked() {
    // flonicamid ADI 0.025 mg/kg bw/day (EFSA 2010). Vegetables: mean 0.2 mg/kg x 0.270 kg/day =
    // 0.054 mg/day;
    // fruit: 0.05 mg/kg x 0.100 kg/day = 0.005 mg/day. EDI' = 0.059 mg/person/day; bw 60 kg:
    // EDI = 0.059 / 60 = 9.8333e-4 mg/kg bw/day; HQ = 9.8333e-4 / 0.025 = 0.0393333; %ADI = 3.93333
    // %.
    ChronicInput in =
        new ChronicInput(
            "flonicamid (sum)",
            List.of(
                new FoodIntake("vegetables", enumerated("v", 0.1, 0.3), 0.270),
                new FoodIntake("fresh fruit", enumerated("f", 0.05), 0.100)));
    Assessment<ChronicExposureResult> a =
        ChronicExposure.assess(List.of(in), TestBooks.shipped(), ChronicParameters.defaults());
    assertTrue(a.notAssessed().isEmpty(), a.notAssessed().toString());
    ChronicExposureResult r = a.results().get(0);
    ChronicExposureResult.BoundEstimate lb = r.estimates().get(NonDetectBound.LOWER);
    assertEquals(0.059, lb.intakeMgPerPersonPerDay(), TOL);
    assertEquals(0.059 / 60, lb.ediMgPerKgBwPerDay(), TOL);
    assertEquals(0.0393333333333, lb.hazardQuotient(), 1e-12);
    assertEquals(3.93333333333, lb.percentAdi(), 1e-10);
    // components for the panel
    assertEquals("Flonicamid", r.substance());
    assertEquals(0.025, r.adiMgPerKgBwPerDay(), 0);
    assertTrue(r.adiSource().contains("OutputID 1204"), r.adiSource());
    assertEquals(60.0, r.bodyWeightKg(), 0);
    assertEquals(0.2, r.foods().get(0).residueMeanMgPerKg().get(NonDetectBound.MIDDLE), TOL);
    assertEquals(0.270, r.foods().get(0).consumptionKgPerDay(), 0);
    assertEquals(BoundAvailability.ALL_BOUNDS, r.availability());
    // the static helpers agree
    assertEquals(
        0.059 / 60,
        ChronicExposure.estimatedDailyIntake(
            new double[] {0.2, 0.05}, new double[] {0.270, 0.100}, 60),
        TOL);
  }

  @Test
  void ifsEqualsHazardQuotientForTheSameInputs() {
    double ediPrime = 0.059; // mg/person/day
    double adi = 0.025;
    double bw = 60;
    double hq = ChronicExposure.hazardQuotient(ediPrime / bw, adi);
    double ifs = FoodSafetyIndex.ifs(ediPrime, adi, bw, FoodSafetyIndex.CORRECTION_FACTOR_DEFAULT);
    assertEquals(hq, ifs, 1e-15);
    assertEquals(0.0393333333333, ifs, 1e-12); // bw divided once: 0.059/(0.025*60)
    assertTrue(FoodSafetyIndex.acceptable(ifs));
    assertFalse(FoodSafetyIndex.acceptable(FoodSafetyIndex.ifs(1.8, adi, bw, 1))); // 1.8/1.5 = 1.2
    ChronicExposureResult r =
        ChronicExposure.assess(
                List.of(
                    new ChronicInput(
                        "flonicamid (sum)",
                        List.of(new FoodIntake("vegetables", enumerated("v", 0.2), 0.270)))),
                TestBooks.shipped(),
                new ChronicParameters(63))
            .results()
            .get(0);
    for (ChronicExposureResult.BoundEstimate e : r.estimates().values()) {
      assertEquals(e.hazardQuotient(), e.foodSafetyIndex(), 1e-15);
    }
  }

  @Test
  void badInputIsReportedNotThrown() {
    ResidueLevels lv = enumerated("v", 0.1);
    List<ChronicInput> in =
        List.of(
            new ChronicInput("unobtainium", List.of(new FoodIntake("vegetables", lv, 0.27))),
            new ChronicInput("dithiocarbamates", List.of(new FoodIntake("vegetables", lv, 0.27))),
            new ChronicInput("boscalid", List.of(new FoodIntake("vegetables", lv, 0.0))),
            new ChronicInput("imazalil", List.of(new FoodIntake("fresh fruit", lv, -0.1))),
            new ChronicInput("glyphosate", List.of()),
            new ChronicInput("boscalid", List.of(new FoodIntake("vegetables", lv, 0.27))));
    Assessment<ChronicExposureResult> a =
        ChronicExposure.assess(in, TestBooks.shipped(), ChronicParameters.defaults());
    assertEquals(1, a.results().size());
    assertEquals("Boscalid", a.results().get(0).substance());
    assertEquals(5, a.notAssessed().size());
    assertTrue(a.notAssessed().get(0).reason().startsWith("UNKNOWN_ANALYTE"));
    assertTrue(a.notAssessed().get(1).reason().startsWith("NO_REFERENCE_VALUE"));
    assertTrue(
        a.notAssessed().get(2).reason().contains("0.0 kg/day"), a.notAssessed().get(2).reason());
    assertTrue(a.notAssessed().get(3).reason().contains("-0.1 kg/day"));
    assertTrue(a.notAssessed().get(4).reason().contains("no food groups"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ResidueStatistics.summarize("empty", NonDetectReporting.ENUMERATED, List.of(), null));
  }

  @Test
  void hazardIndexSumsHqByEffectGroup() {
    List<ChronicInput> in =
        List.of(
            new ChronicInput(
                "flonicamid (sum)",
                List.of(new FoodIntake("vegetables", enumerated("a", 0.2), 0.27))),
            new ChronicInput(
                "boscalid", List.of(new FoodIntake("vegetables", enumerated("b", 0.4), 0.27))),
            new ChronicInput(
                "glyphosate", List.of(new FoodIntake("vegetables", enumerated("c", 0.1), 0.27))));
    List<ChronicExposureResult> rs =
        ChronicExposure.assess(in, TestBooks.shipped(), ChronicParameters.defaults()).results();
    // HQ flonicamid = 0.2*0.27/60/0.025 = 0.036; boscalid = 0.4*0.27/60/0.04 = 0.045; glyphosate
    // 0.1*0.27/60/0.5
    Map<String, String> groups = Map.of("flonicamid (sum)", "g1", "boscalid", "g1");
    Assessment<HazardIndex.Group> hi =
        HazardIndex.byEffectGroup(rs, NonDetectBound.UPPER, r -> groups.get(r.analyte()));
    assertEquals(1, hi.results().size());
    assertEquals(0.036 + 0.045, hi.results().get(0).hazardIndex(), 1e-12);
    assertEquals(
        1, hi.notAssessed().size()); // glyphosate has no group: reported, not summed as zero
    assertEquals(
        0.036 + 0.045 + 0.0009,
        HazardIndex.overall(rs, NonDetectBound.LOWER).results().get(0).hazardIndex(),
        1e-12);
  }

  @Test
  void iestiCasesHandChecked() {
    // flonicamid ARfD 0.025 mg/kg bw; bw 60 kg; HR 0.5 mg/kg; v = 3
    AdiBook book = TestBooks.shipped();
    List<IestiInput> in =
        List.of(
            // case 1: U 0.01 kg < 0.025: 0.1 * 0.5 / 60 = 8.3333e-4; %ARfD = 3.3333
            new IestiInput("flonicamid (sum)", "cherry tomato", 0.1, 60, 0.01, 0.5, null, false),
            // case 2a: U 0.15 < LP 0.3: (0.15*0.5*3 + 0.15*0.5)/60 = 0.3/60 = 0.005; %ARfD = 20
            new IestiInput("flonicamid (sum)", "apple", 0.3, 60, 0.15, 0.5, null, false),
            // case 2b: U 0.25 >= LP 0.2: 0.2*0.5*3/60 = 0.005
            new IestiInput("flonicamid (sum)", "melon", 0.2, 60, 0.25, 0.5, null, false),
            // case 3: bulked, STMR 0.1: 0.4*0.1/60 = 6.6667e-4
            new IestiInput("flonicamid (sum)", "wheat flour", 0.4, 60, null, null, 0.1, true),
            // not assessable: U unknown, not bulked
            new IestiInput("flonicamid (sum)", "pepper", 0.2, 60, null, 0.5, null, false),
            // not assessable: boscalid has no ARfD
            new IestiInput("boscalid", "grape", 0.2, 60, 0.005, 0.5, null, false));
    Assessment<IestiResult> a = AcuteExposure.assess(in, book, IestiParameters.defaults());
    assertEquals(4, a.results().size());
    IestiResult c1 = a.results().get(0);
    assertEquals(IestiCase.CASE_1, c1.iestiCase());
    assertEquals(0.1 * 0.5 / 60, c1.iestiMgPerKgBw(), TOL);
    assertEquals(100 * (0.1 * 0.5 / 60) / 0.025, c1.percentArfd(), 1e-9);
    assertEquals(IestiCase.CASE_2A, a.results().get(1).iestiCase());
    assertEquals(0.005, a.results().get(1).iestiMgPerKgBw(), TOL);
    assertEquals(20.0, a.results().get(1).percentArfd(), 1e-9);
    assertEquals(3.0, a.results().get(1).variabilityFactor(), 0);
    assertEquals(IestiCase.CASE_2B, a.results().get(2).iestiCase());
    assertEquals(0.005, a.results().get(2).iestiMgPerKgBw(), TOL);
    assertEquals(IestiCase.CASE_3, a.results().get(3).iestiCase());
    assertEquals("STMR", a.results().get(3).residueKind());
    assertEquals(0.4 * 0.1 / 60, a.results().get(3).iestiMgPerKgBw(), TOL);
    assertEquals(2, a.notAssessed().size());
    assertTrue(a.notAssessed().get(0).reason().contains("unit weight U not given"));
    assertTrue(a.notAssessed().get(1).reason().contains("missing ARfD"));
  }

  @Test
  void consumptionTableLoadsShippedFile() {
    ConsumptionTable t =
        ConsumptionTable.load(TestPaths.repoFile("reference-data/consumption/consumption.csv"));
    assertEquals(12, t.entries().size());
    assertEquals(0.16403, t.find("Fresh Vegetables").orElseThrow().kgPerPersonPerDay(), 1e-12);
    assertNull(t.find("fresh vegetables").orElseThrow().bodyWeightKg());
    assertTrue(
        t.find("fresh vegetables").orElseThrow().source().contains("10.11847/zgggws1139959"));
    assertTrue(t.find("durian").isEmpty());
  }
}
