package org.agrisafe.risk.verdict;

import static org.agrisafe.risk.verdict.Confirmation.AWAITING_CONFIRMATION;
import static org.agrisafe.risk.verdict.Confirmation.CONFIRMED_FAIL;
import static org.agrisafe.risk.verdict.Confirmation.NOT_APPLICABLE;
import static org.agrisafe.risk.verdict.Confirmation.NOT_CONFIRMED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict policy as enums: the worst-first order of a sample's rapid positives, test kinds, statuses. */
class VerdictPolicyTest {
  @Test
  void worstFirstOrderOfASamplesRapidPositives() {
    assertEquals(
        List.of(CONFIRMED_FAIL, AWAITING_CONFIRMATION, NOT_CONFIRMED, NOT_APPLICABLE),
        Confirmation.worstFirst());
    // every pair, both ways: the one earlier in the order wins
    List<Confirmation> order = Confirmation.worstFirst();
    for (int i = 0; i < order.size(); i++) {
      assertEquals(order.get(i), Confirmation.worst(null, order.get(i)), "none yet");
      for (int j = 0; j < order.size(); j++) {
        Confirmation expected = order.get(Math.min(i, j));
        assertEquals(expected, Confirmation.worst(order.get(i), order.get(j)), i + "," + j);
      }
    }
    // a sample's positives summed up in arrival order
    Confirmation s = null;
    for (Confirmation c : List.of(NOT_CONFIRMED, AWAITING_CONFIRMATION, NOT_CONFIRMED)) {
      s = Confirmation.worst(s, c);
    }
    assertEquals(
        AWAITING_CONFIRMATION, s, "a positive awaiting its test outweighs one not confirmed");
    assertEquals(CONFIRMED_FAIL, Confirmation.worst(s, CONFIRMED_FAIL));
    assertThrows(NullPointerException.class, () -> Confirmation.worst(CONFIRMED_FAIL, null));
  }

  @Test
  void testKindOfASample() {
    assertEquals(TestKind.QUANTITATIVE, TestKind.of(true, false, false));
    assertEquals(TestKind.QUANTITATIVE, TestKind.of(false, false, false), "none detected, no rows");
    assertEquals(TestKind.RAPID, TestKind.of(false, true, false));
    assertEquals(TestKind.MIXED, TestKind.of(true, true, false));
    assertEquals(TestKind.PUBLISHED_VERDICT, TestKind.of(true, true, true));
    assertEquals(TestKind.PUBLISHED_VERDICT, TestKind.of(false, false, true));
  }

  @Test
  void storedNamesAreTheTablesStrings() {
    assertEquals(
        List.of("QUANTITATIVE", "RAPID", "MIXED", "PUBLISHED_VERDICT"),
        java.util.Arrays.stream(TestKind.values()).map(Enum::name).toList());
    assertEquals("NOT_JUDGED", SampleStatus.NOT_JUDGED.name());
    assertEquals(SampleStatus.PASS, SampleStatus.of(SampleVerdict.PASS));
    assertEquals(SampleStatus.FAIL, SampleStatus.of(SampleVerdict.FAIL));
    assertTrue(SampleStatus.FAIL.judged());
    assertFalse(SampleStatus.NOT_JUDGED.judged());
  }
}
