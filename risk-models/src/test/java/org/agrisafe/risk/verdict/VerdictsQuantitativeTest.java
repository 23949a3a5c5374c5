package org.agrisafe.risk.verdict;

import static org.agrisafe.risk.verdict.Fixtures.BAN_BOOK;
import static org.agrisafe.risk.verdict.Fixtures.LIMIT_BOOK;
import static org.agrisafe.risk.verdict.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.agrisafe.risk.units.LimitType;
import org.junit.jupiter.api.Test;

class VerdictsQuantitativeTest {

  private static ResultJudgement judge(QuantitativeInput in) {
    return Verdicts.judgeQuantitative(in, LIMIT_BOOK, BAN_BOOK);
  }

  @Test
  void exactlyAtTheMrlPassesAboveFails() {
    ResultJudgement at = judge(result("r1", "clothianidin", "cowpea").value(0.01).build());
    assertEquals(Verdict.PASS, at.verdict());
    assertFalse(at.exceeds());
    assertEquals(Detection.QUANTIFIED, at.detection());
    assertEquals("L-clothianidin-cowpea", at.appliedLimit().ruleId());
    assertTrue(
        at.reason().startsWith("0.01 mg/kg ≤ MRL 0.01 mg/kg (GB 2763-2021, cowpea)"), at.reason());

    ResultJudgement above = judge(result("r2", "clothianidin", "cowpea").value(0.0100001).build());
    assertEquals(Verdict.FAIL, above.verdict());
    assertTrue(above.exceeds());
  }

  @Test
  void failReasonNamesValueLimitStandardAndCommodity() {
    // Zichuan notice 2022 No.35: clothianidin in cowpea 0.090 mg/kg, limit ≤ 0.01 mg/kg.
    ResultJudgement j = judge(result("r3", "clothianidin", "cowpea").value(0.09).build());
    assertEquals(Verdict.FAIL, j.verdict());
    assertTrue(
        j.reason().startsWith("0.09 mg/kg > MRL 0.01 mg/kg (GB 2763-2021, cowpea)"), j.reason());
    assertEquals(LimitSource.LIMIT_BOOK, j.appliedLimit().source());
    assertEquals(0.01, j.appliedLimit().mrlMgPerKg());
  }

  @Test
  void nonCompliantIsAnExtraFigureUsingHalfTheValueAsU() {
    // 0.03 - 0.5*0.03 = 0.015 > 0.01: non-compliant
    ResultJudgement a = judge(result("r4", "clothianidin", "cowpea").value(0.03).build());
    assertTrue(a.exceeds());
    assertTrue(a.nonCompliant());
    assertTrue(
        a.reason().contains("non-compliant: value − U = 0.015 mg/kg > MRL (U = 50 % of the value)"),
        a.reason());
    // 0.015 - 0.0075 = 0.0075 <= 0.01: exceeds (FAIL) but not non-compliant
    ResultJudgement b = judge(result("r5", "clothianidin", "cowpea").value(0.015).build());
    assertEquals(Verdict.FAIL, b.verdict());
    assertFalse(b.nonCompliant());
    // with U = 20 %: 0.015 - 0.003 = 0.012 > 0.01
    ResultJudgement c =
        judge(
            result("r6", "clothianidin", "cowpea")
                .value(0.015)
                .expandedUncertaintyFraction(0.2)
                .build());
    assertTrue(c.nonCompliant());
  }

  @Test
  void notDetectableLimitFailsOnDetectionAtTheLod() {
    ResultJudgement atLod =
        judge(result("e1", "enrofloxacin", "egg").value(0.001).lod(0.001).loq(0.003).build());
    assertEquals(Detection.DETECTED_NOT_QUANTIFIED, atLod.detection());
    assertEquals(Verdict.FAIL, atLod.verdict());
    assertTrue(atLod.exceeds());
    assertFalse(atLod.nonCompliant());
    assertEquals(LimitType.NOT_DETECTABLE, atLod.appliedLimit().limitType());
    assertTrue(
        atLod
            .reason()
            .startsWith(
                "0.001 mg/kg below LOQ 0.003 mg/kg: detected, not quantified; fails limit 不得检出 (must not be detected) (GB 31650-2019, egg)"),
        atLod.reason());

    ResultJudgement belowLod =
        judge(result("e2", "enrofloxacin", "egg").value(0.0009).lod(0.001).build());
    assertEquals(Detection.NOT_DETECTED, belowLod.detection());
    assertEquals(Verdict.PASS, belowLod.verdict());

    assertEquals(
        Verdict.PASS, judge(result("e3", "enrofloxacin", "egg").belowLod(0.001).build()).verdict());
    assertEquals(
        Verdict.FAIL, judge(result("e4", "enrofloxacin", "egg").belowLoq(0.003).build()).verdict());

    ResultJudgement quantified =
        judge(result("e5", "enrofloxacin", "egg").value(0.01).lod(0.001).loq(0.003).build());
    assertEquals(Verdict.FAIL, quantified.verdict());
    assertTrue(quantified.nonCompliant()); // 0.01 - 0.005 >= LOD 0.001
    assertTrue(
        quantified.reason().startsWith("0.01 mg/kg detected; fails limit 不得检出"),
        quantified.reason());
  }

  @Test
  void noStandardIsNeverASilentPassAndNever999() {
    ResultJudgement j = judge(result("n1", "acetamiprid", "celery").value(0.3).build());
    assertEquals(Verdict.NO_STANDARD, j.verdict());
    assertNull(j.appliedLimit());
    assertFalse(j.exceeds());
    assertFalse(j.nonCompliant());
    assertTrue(j.reason().contains("NO_STANDARD"), j.reason());
    assertFalse(j.reason().contains("999"), j.reason());

    ResultJudgement nd = judge(result("n2", "acetamiprid", "celery").belowLod(0.01).build());
    assertEquals(Verdict.NO_STANDARD, nd.verdict());
    assertEquals(Detection.NOT_DETECTED, nd.detection());

    ResultJudgement unknownCommodity =
        judge(result("n3", "chlorpyrifos", "durian").value(0.3).build());
    assertEquals(Verdict.NO_STANDARD, unknownCommodity.verdict());
    assertTrue(
        unknownCommodity.reason().contains("not in the commodity hierarchy"),
        unknownCommodity.reason());
  }

  @Test
  void publishedMrlIsUsedOnlyWhenTheBookHasNone() {
    String uk = "EU MRL as published by UK PRiF";
    ResultJudgement foreign =
        Verdicts.judgeQuantitative(
            result("u1", "boscalid", "apple").value(0.4).publishedMrl(2.0, uk).build(),
            LimitBook.empty(),
            BanBook.empty());
    assertEquals(Verdict.PASS, foreign.verdict());
    assertEquals(LimitSource.PUBLISHED_BY_SOURCE, foreign.appliedLimit().source());
    assertTrue(foreign.reason().contains("MRL 2 mg/kg (" + uk + ", apple)"), foreign.reason());
    ResultJudgement foreignFail =
        Verdicts.judgeQuantitative(
            result("u2", "boscalid", "apple").value(2.5).publishedMrl(2.0, uk).build(),
            LimitBook.empty(),
            BanBook.empty());
    assertEquals(Verdict.FAIL, foreignFail.verdict());

    ResultJudgement bookWins =
        judge(result("u3", "clothianidin", "cowpea").value(0.05).publishedMrl(1.0, uk).build());
    assertEquals(Verdict.FAIL, bookWins.verdict());
    assertEquals(LimitSource.LIMIT_BOOK, bookWins.appliedLimit().source());
  }

  @Test
  void appleRuleBeatsPomeFruitGroupWithItsException() {
    ResultJudgement apple = judge(result("a1", "pesticide-x", "apple").value(0.3).build());
    assertEquals(Verdict.PASS, apple.verdict());
    assertEquals(0.5, apple.appliedLimit().mrlMgPerKg());
    ResultJudgement appleHigh = judge(result("a2", "pesticide-x", "apple").value(0.6).build());
    assertEquals(Verdict.FAIL, appleHigh.verdict());

    ResultJudgement pear = judge(result("a3", "pesticide-x", "pear").value(0.3).build());
    assertEquals(Verdict.FAIL, pear.verdict());
    assertEquals(0.1, pear.appliedLimit().mrlMgPerKg());
    assertTrue(pear.reason().contains("(GB 2763-2021, pome fruit except apple)"), pear.reason());
  }

  @Test
  void excludedCommodityFallsThroughToTheNextAncestor() {
    // pesticide-y: leafy vegetables (celery excepted) 1.0; vegetables 0.3
    assertEquals(
        1.0,
        judge(result("y1", "pesticide-y", "pakchoi").value(0.5).build())
            .appliedLimit()
            .mrlMgPerKg());
    ResultJudgement celery = judge(result("y2", "pesticide-y", "celery").value(0.5).build());
    assertEquals(0.3, celery.appliedLimit().mrlMgPerKg());
    assertEquals(Verdict.FAIL, celery.verdict());
  }

  @Test
  void groupLimitAppliesToItsCommodities() {
    ResultJudgement j = judge(result("g1", "isofenphos-methyl", "cowpea").value(0.02).build());
    assertEquals(Verdict.FAIL, j.verdict());
    assertTrue(j.reason().contains("legume vegetables"), j.reason());
  }

  @Test
  void limitNotYetInForceOnTheSampleDateIsNotUsed() {
    QuantitativeInput before =
        QuantitativeInput.builder("p1", "procymidone", "chives", LocalDate.of(2023, 4, 30))
            .value(1.0)
            .build();
    QuantitativeInput after =
        QuantitativeInput.builder("p2", "procymidone", "chives", LocalDate.of(2023, 5, 1))
            .value(1.0)
            .build();
    QuantitativeInput beforeBoth =
        QuantitativeInput.builder("p3", "procymidone", "chives", LocalDate.of(2021, 9, 2))
            .value(1.0)
            .build();
    ResultJudgement b = judge(before);
    assertEquals(Verdict.FAIL, b.verdict());
    assertEquals("L-procymidone-chives-2021", b.appliedLimit().ruleId());
    ResultJudgement a = judge(after);
    assertEquals(Verdict.PASS, a.verdict());
    assertEquals("GB 2763.1-2022", a.appliedLimit().standard());
    assertEquals(Verdict.NO_STANDARD, judge(beforeBoth).verdict());
  }

  @Test
  void bannedSubstanceUnderItsMrlStillRaisesBannedDetection() {
    ResultJudgement j = judge(result("b1", "chlorpyrifos", "celery").value(0.01).build());
    assertEquals(Verdict.PASS, j.verdict());
    assertTrue(j.bannedDetection());
    assertEquals(List.of("B-chlorpyrifos-veg"), j.verifiedBanRuleIds());
    assertTrue(j.reason().contains("BANNED substance detected"), j.reason());

    ResultJudgement notDetected =
        judge(result("b2", "chlorpyrifos", "celery").belowLod(0.005).build());
    assertFalse(notDetected.bannedDetection());
    assertEquals(List.of(), notDetected.verifiedBanRuleIds());

    ResultJudgement banNotYetInForce =
        judge(result("b3", "procymidone", "chives").value(0.1).build());
    assertFalse(banNotYetInForce.bannedDetection());

    ResultJudgement otherScope = judge(result("b4", "chlorpyrifos", "apple").value(0.01).build());
    assertFalse(otherScope.bannedDetection());
  }

  @Test
  void unverifiedBanNeverRaisesTheSignal() {
    ResultJudgement j = judge(result("v1", "clothianidin", "cowpea").value(0.005).build());
    assertFalse(j.bannedDetection());
    assertEquals(List.of(), j.verifiedBanRuleIds());
    assertEquals(List.of("B-clothianidin-unverified"), j.unverifiedBanMatches());
    assertEquals(Verdict.PASS, j.verdict());
    assertTrue(j.reason().contains("information only"), j.reason());
  }

  @Test
  void detectedNotQuantifiedUnderANumericMrl() {
    ResultJudgement below = judge(result("q1", "clothianidin", "cowpea").belowLoq(0.005).build());
    assertEquals(Detection.DETECTED_NOT_QUANTIFIED, below.detection());
    assertEquals(Verdict.PASS, below.verdict());
    ResultJudgement loqAboveMrl =
        judge(result("q2", "clothianidin", "cowpea").belowLoq(0.02).build());
    assertEquals(Verdict.PASS, loqAboveMrl.verdict());
    assertTrue(loqAboveMrl.reason().contains("cannot show compliance"), loqAboveMrl.reason());
    ResultJudgement between =
        judge(result("q3", "clothianidin", "cowpea").value(0.008).lod(0.002).loq(0.01).build());
    assertEquals(Detection.DETECTED_NOT_QUANTIFIED, between.detection());
    assertFalse(between.nonCompliant());
  }

  @Test
  void rejectsInconsistentInput() {
    assertThrows(IllegalArgumentException.class, () -> result("x1", "a", "celery").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> result("x2", "a", "celery").value(0.1).belowLod(0.01).build());
    assertThrows(
        IllegalArgumentException.class, () -> result("x3", "a", "celery").value(-0.1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> result("x4", "a", "celery").value(0.1).lod(0.1).loq(0.01).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> result("x5", "a", "celery").value(0.1).publishedMrl(1.0, null).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> result("x6", "a", "celery").value(0.1).expandedUncertaintyFraction(1.5).build());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> QuantitativeInput.builder("x7", "a", "celery", null).value(1.0).build());
    assertTrue(
        e.getMessage().contains("x7") && e.getMessage().contains("sampleDate"), e.getMessage());
  }
}
