package org.agrisafe.risk.verdict;

import static org.agrisafe.risk.verdict.Fixtures.BAN_BOOK;
import static org.agrisafe.risk.verdict.Fixtures.LIMIT_BOOK;
import static org.agrisafe.risk.verdict.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleAndCensoredTest {

  private static ResultJudgement judge(QuantitativeInput in) {
    return Verdicts.judgeQuantitative(in, LIMIT_BOOK, BAN_BOOK);
  }

  @Test
  void anyFailMakesTheSampleFail() {
    ResultJudgement fail = judge(result("s1", "clothianidin", "cowpea").value(0.03).build());
    ResultJudgement pass = judge(result("s2", "isofenphos-methyl", "cowpea").value(0.005).build());
    ResultJudgement noStd = judge(result("s3", "acetamiprid", "cowpea").value(0.2).build());
    SampleJudgement s = SampleVerdicts.judgeSample(List.of(pass, fail, noStd), null);
    assertEquals(SampleVerdict.FAIL, s.verdict());
    assertFalse(s.verdictPublishedBySource());
    assertTrue(s.hasDetection() && s.hasExceedance() && s.hasNonCompliant());
    assertEquals(List.of("s1"), s.failingResultIds());
    assertEquals(1, s.nNoStandard());
    assertFalse(s.detectedWithoutStandard());
    assertEquals(3, s.nResults());
  }

  @Test
  void allNotDetectedIsPass() {
    ResultJudgement a = judge(result("s4", "clothianidin", "cowpea").belowLod(0.002).build());
    ResultJudgement b = judge(result("s5", "acetamiprid", "cowpea").belowLod(0.002).build());
    SampleJudgement s = SampleVerdicts.judgeSample(List.of(a, b), null);
    assertEquals(SampleVerdict.PASS, s.verdict());
    assertFalse(s.hasDetection());
    assertFalse(s.detectedWithoutStandard());
    assertEquals(1, s.nNoStandard());
    assertEquals(0, s.nNoStandardDetected());
  }

  @Test
  void onlyNoStandardDetectionsArePassWithTheFlag() {
    ResultJudgement nd = judge(result("s6", "clothianidin", "cowpea").belowLod(0.002).build());
    ResultJudgement noStd = judge(result("s7", "acetamiprid", "cowpea").value(0.2).build());
    SampleJudgement s = SampleVerdicts.judgeSample(List.of(nd, noStd), null);
    assertEquals(SampleVerdict.PASS, s.verdict());
    assertTrue(s.detectedWithoutStandard());
    assertEquals(1, s.nNoStandardDetected());
    assertFalse(s.hasExceedance());
  }

  @Test
  void bannedDetectionIsCarriedToTheSample() {
    ResultJudgement banned = judge(result("s8", "chlorpyrifos", "celery").value(0.01).build());
    SampleJudgement s = SampleVerdicts.judgeSample(List.of(banned), null);
    assertEquals(SampleVerdict.PASS, s.verdict());
    assertTrue(s.hasBannedDetection());
  }

  @Test
  void publishedSampleVerdictIsKeptAndMarked() {
    SampleJudgement onlyPublished =
        SampleVerdicts.judgeSample(List.of(), SampleVerdict.fromPublishedChinese("不合格"));
    assertEquals(SampleVerdict.FAIL, onlyPublished.verdict());
    assertTrue(onlyPublished.verdictPublishedBySource());
    assertNull(onlyPublished.computedVerdict());
    assertFalse(onlyPublished.publishedDisagreesWithComputed());

    ResultJudgement pass = judge(result("s9", "clothianidin", "cowpea").value(0.005).build());
    SampleJudgement both =
        SampleVerdicts.judgeSample(List.of(pass), SampleVerdict.fromPublishedChinese(" 不合格 "));
    assertEquals(SampleVerdict.FAIL, both.verdict());
    assertEquals(SampleVerdict.PASS, both.computedVerdict());
    assertTrue(both.publishedDisagreesWithComputed());

    assertEquals(SampleVerdict.PASS, SampleVerdict.fromPublishedChinese("合格"));
    assertThrows(IllegalArgumentException.class, () -> SampleVerdict.fromPublishedChinese("问题"));
    assertThrows(IllegalArgumentException.class, () -> SampleVerdicts.judgeSample(List.of(), null));
  }

  @Test
  void censoredSubstitutionUsesLoqForBelowLoqAndLodForBelowLod() {
    QuantitativeInput belowLoq =
        result("c1", "clothianidin", "cowpea").belowLoq(0.01).lod(0.002).build();
    assertEquals(0.0, CensoredValues.substitute(belowLoq, Bound.LOWER).valueMgPerKg());
    assertEquals(0.005, CensoredValues.substitute(belowLoq, Bound.MIDDLE).valueMgPerKg());
    SubstitutedValue upper = CensoredValues.substitute(belowLoq, Bound.UPPER);
    assertEquals(0.01, upper.valueMgPerKg());
    assertEquals(SubstitutionBasis.LOQ, upper.basis());
    assertEquals(Bound.UPPER, upper.bound());
    assertTrue(upper.censored());

    QuantitativeInput belowLod =
        result("c2", "clothianidin", "cowpea").belowLod(0.002).loq(0.01).build();
    assertEquals(0.001, CensoredValues.substitute(belowLod, Bound.MIDDLE).valueMgPerKg());
    assertEquals(0.002, CensoredValues.substitute(belowLod, Bound.UPPER).valueMgPerKg());
    assertEquals(SubstitutionBasis.LOD, CensoredValues.substitute(belowLod, Bound.UPPER).basis());

    QuantitativeInput valueUnderLod =
        result("c3", "clothianidin", "cowpea").value(0.001).lod(0.002).build();
    assertEquals(0.002, CensoredValues.substitute(valueUnderLod, Bound.UPPER).valueMgPerKg());

    QuantitativeInput quantified =
        result("c4", "clothianidin", "cowpea").value(0.09).lod(0.002).loq(0.01).build();
    for (Bound b : Bound.values()) {
      SubstitutedValue v = CensoredValues.substitute(quantified, b);
      assertEquals(0.09, v.valueMgPerKg());
      assertFalse(v.censored());
    }
  }

  @Test
  void withoutAReportedLimitOnlyTheLowerBoundExists() {
    QuantitativeInput noLimit = result("c5", "clothianidin", "cowpea").belowLod(null).build();
    assertEquals(0.0, CensoredValues.substitute(noLimit, Bound.LOWER).valueMgPerKg());
    SubstitutedValue middle = CensoredValues.substitute(noLimit, Bound.MIDDLE);
    assertNull(middle.valueMgPerKg());
    assertEquals(SubstitutionBasis.LIMIT_NOT_REPORTED, middle.basis());
    assertNull(CensoredValues.substitute(noLimit, Bound.UPPER).valueMgPerKg());
  }
}
