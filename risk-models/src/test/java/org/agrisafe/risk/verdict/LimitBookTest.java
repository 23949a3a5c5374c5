package org.agrisafe.risk.verdict;

import static org.agrisafe.risk.verdict.Fixtures.HIERARCHY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.agrisafe.risk.units.LimitType;
import org.junit.jupiter.api.Test;

class LimitBookTest {
  private static final LocalDate D = LocalDate.of(2024, 6, 1);

  private static LimitRule rule(String id, double mrl, LocalDate from) {
    return new LimitRule(
        id, "z", "celery", Set.of(), LimitType.NUMERIC_MRL, mrl, "GB 2763-2021", from, null);
  }

  @Test
  void tieBreakLatestValidFromThenStrictestThenIdAndReportsIt() {
    LimitBook book =
        new LimitBook(
            List.of(
                rule("A", 0.5, LocalDate.of(2020, 1, 1)),
                rule("B", 1.0, LocalDate.of(2021, 9, 3)),
                rule("C", 0.2, null)),
            HIERARCHY);
    LimitLookup l = book.lookup("z", "celery", D);
    assertEquals("B", l.rule().ruleId());
    assertTrue(l.ambiguous());
    assertEquals(List.of("A", "C"), l.alternatives().stream().map(LimitRule::ruleId).toList());

    LimitBook sameStart =
        new LimitBook(
            List.of(rule("A", 0.5, null), rule("B", 0.2, null), rule("C", 0.2, null)), HIERARCHY);
    LimitLookup s = sameStart.lookup("z", "celery", D);
    assertEquals("B", s.rule().ruleId());
    ResultJudgement j =
        Verdicts.judgeQuantitative(
            QuantitativeInput.builder("t", "z", "celery", D).value(0.3).build(),
            sameStart,
            BanBook.empty());
    assertTrue(j.limitAmbiguous());
    assertEquals(List.of("C", "A"), j.alternativeRuleIds());
    assertTrue(j.reason().contains("AMBIGUOUS"), j.reason());
    assertEquals(Verdict.FAIL, j.verdict());

    LimitBook duplicates =
        new LimitBook(List.of(rule("A", 0.2, null), rule("B", 0.2, null)), HIERARCHY);
    assertFalse(duplicates.lookup("z", "celery", D).ambiguous());
    assertEquals("A", duplicates.find("z", "celery", D).orElseThrow().ruleId());
  }

  @Test
  void notDetectableIsStricterThanAnyNumber() {
    LimitRule nd =
        new LimitRule(
            "ND",
            "z",
            "celery",
            Set.of(),
            LimitType.NOT_DETECTABLE,
            null,
            "GB 31650-2019",
            null,
            null);
    LimitBook book = new LimitBook(List.of(rule("A", 0.001, null), nd), HIERARCHY);
    assertEquals("ND", book.find("z", "celery", D).orElseThrow().ruleId());
  }

  @Test
  void validToIsExclusive() {
    LimitRule r =
        new LimitRule(
            "R",
            "z",
            "celery",
            Set.of(),
            LimitType.NUMERIC_MRL,
            0.1,
            "GB 2763-2021",
            LocalDate.of(2021, 9, 3),
            LocalDate.of(2023, 5, 1));
    LimitBook book = new LimitBook(List.of(r), HIERARCHY);
    assertTrue(book.find("z", "celery", LocalDate.of(2021, 9, 3)).isPresent());
    assertTrue(book.find("z", "celery", LocalDate.of(2023, 4, 30)).isPresent());
    assertTrue(book.find("z", "celery", LocalDate.of(2023, 5, 1)).isEmpty());
    assertTrue(book.find("z", "celery", LocalDate.of(2021, 9, 2)).isEmpty());
    assertTrue(book.find("other", "celery", LocalDate.of(2022, 1, 1)).isEmpty());
  }

  @Test
  void rejectsRulesOutsideTheHierarchy() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LimitBook(
                List.of(LimitRule.numeric("A", "z", "durian", 0.1, "GB 2763-2021")), HIERARCHY));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LimitBook(
                List.of(
                    new LimitRule(
                        "A",
                        "z",
                        "FRUIT.POME",
                        Set.of("celery"),
                        LimitType.NUMERIC_MRL,
                        0.1,
                        "GB 2763-2021",
                        null,
                        null)),
                HIERARCHY));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LimitBook(List.of(rule("A", 0.1, null), rule("A", 0.2, null)), HIERARCHY));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LimitRule(
                "A", "z", "celery", Set.of(), LimitType.NUMERIC_MRL, null, "GB", null, null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LimitRule(
                "A", "z", "celery", Set.of(), LimitType.NOT_DETECTABLE, 0.1, "GB", null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LimitRule("A", "z", "celery", Set.of(), LimitType.NUMERIC_MRL, 0.1, "GB", D, D));
  }
}
