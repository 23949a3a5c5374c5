package org.agrisafe.risk.verdict;

import static org.agrisafe.risk.verdict.Fixtures.BAN_BOOK;
import static org.agrisafe.risk.verdict.Fixtures.HIERARCHY;
import static org.agrisafe.risk.verdict.Fixtures.LIMIT_BOOK;
import static org.agrisafe.risk.verdict.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RapidTest {

  @Test
  void thresholdIsFiftyPercentInclusive() {
    assertEquals(50.0, Verdicts.INHIBITION_THRESHOLD_PCT_DEFAULT);
    RapidJudgement below =
        Verdicts.judgeRapid(RapidInput.enzymeInhibition("r1", "celery", false, 49.9));
    assertEquals(RapidOutcome.NEGATIVE, below.outcome());
    assertTrue(
        below.reason().startsWith("enzyme inhibition 49.9 % < 50 % (GB/T 5009.199)"),
        below.reason());
    RapidJudgement at =
        Verdicts.judgeRapid(RapidInput.enzymeInhibition("r2", "celery", false, 50.0));
    assertEquals(RapidOutcome.POSITIVE, at.outcome());
    assertTrue(at.reason().contains("suspected"), at.reason());
    assertEquals(
        RapidOutcome.NEGATIVE,
        Verdicts.judgeRapid(RapidInput.enzymeInhibition("r3", "celery", false, 55.0), 60.0)
            .outcome());
    assertThrows(
        IllegalArgumentException.class,
        () -> Verdicts.judgeRapid(RapidInput.enzymeInhibition("r4", "celery", false, 55.0), 0.0));
  }

  @Test
  void alliumAndWildRiceStemPositivesAreFlagged() {
    Set<String> prone = Set.of("VEG.BULB", "wild-rice-stem");
    assertTrue(Verdicts.isFalsePositiveProne("chives", prone, HIERARCHY));
    assertTrue(Verdicts.isFalsePositiveProne("garlic", prone, HIERARCHY));
    assertTrue(Verdicts.isFalsePositiveProne("wild-rice-stem", prone, HIERARCHY));
    assertFalse(Verdicts.isFalsePositiveProne("celery", prone, HIERARCHY));
    assertFalse(Verdicts.isFalsePositiveProne("unknown", prone, HIERARCHY));

    RapidJudgement chives =
        Verdicts.judgeRapid(RapidInput.enzymeInhibition("r5", "chives", true, 72.0));
    assertEquals(RapidOutcome.POSITIVE, chives.outcome());
    assertTrue(chives.falsePositiveProne());
    assertTrue(chives.reason().contains("false positives"), chives.reason());

    RapidJudgement chivesNegative =
        Verdicts.judgeRapid(RapidInput.enzymeInhibition("r6", "chives", true, 20.0));
    assertFalse(chivesNegative.falsePositiveProne());
    RapidJudgement gold = Verdicts.judgeRapid(RapidInput.colloidalGold("r7", "chives", true, true));
    assertEquals(RapidOutcome.POSITIVE, gold.outcome());
    assertFalse(gold.falsePositiveProne(), "the allium caveat is about enzyme inhibition");
  }

  @Test
  void positiveFailsOnlyWhenAQuantitativeResultOnTheSameSampleFails() {
    RapidJudgement pos = Verdicts.judgeRapid(RapidInput.colloidalGold("r8", "cowpea", false, true));
    RapidJudgement neg =
        Verdicts.judgeRapid(RapidInput.colloidalGold("r9", "cowpea", false, false));
    ResultJudgement fail =
        Verdicts.judgeQuantitative(
            result("q1", "clothianidin", "cowpea").value(0.09).build(), LIMIT_BOOK, BAN_BOOK);
    ResultJudgement pass =
        Verdicts.judgeQuantitative(
            result("q2", "clothianidin", "cowpea").value(0.005).build(), LIMIT_BOOK, BAN_BOOK);
    assertEquals(Confirmation.AWAITING_CONFIRMATION, Verdicts.confirm(pos, List.of()));
    assertEquals(Confirmation.CONFIRMED_FAIL, Verdicts.confirm(pos, List.of(pass, fail)));
    assertEquals(Confirmation.NOT_CONFIRMED, Verdicts.confirm(pos, List.of(pass)));
    assertEquals(Confirmation.NOT_APPLICABLE, Verdicts.confirm(neg, List.of(fail)));
  }

  @Test
  void rejectsReadingsThatDoNotMatchTheMethod() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RapidInput("x", "celery", false, RapidMethod.ENZYME_INHIBITION, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RapidInput("x", "celery", false, RapidMethod.ENZYME_INHIBITION, 60.0, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RapidInput("x", "celery", false, RapidMethod.COLLOIDAL_GOLD, 60.0, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RapidInput("x", "celery", false, RapidMethod.COLLOIDAL_GOLD, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> RapidInput.enzymeInhibition("x", "celery", false, 101.0));
  }
}
