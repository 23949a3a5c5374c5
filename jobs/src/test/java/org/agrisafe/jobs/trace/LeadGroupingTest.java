package org.agrisafe.jobs.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-checked windows: one lead per subject, hazard and window of 90 days from its first event. */
class LeadGroupingTest {
  private static LeadGrouping.Event ev(
      String subject, String hazard, String date, String trigger, String id) {
    return new LeadGrouping.Event(
        subject,
        subject.substring(9),
        hazard,
        LocalDate.parse(date),
        trigger,
        trigger.equals("FAILED_RESULT") ? id : null,
        trigger.equals("BANNED_SALE") ? id : null,
        trigger.equals("UPHELD_COMPLAINT") ? id : null,
        List.of("L-" + id),
        List.of(),
        null);
  }

  @Test
  void eventsWithinTheWindowShareALeadAndTheNextOneOpensAnother() {
    List<LeadGrouping.Lead> leads =
        LeadGrouping.group(
            List.of(
                ev("PRODUCER:A", "phorate", "2025-06-18", "FAILED_RESULT", "r1"),
                ev("PRODUCER:A", "phorate", "2025-04-19", "BANNED_SALE", "w1"),
                // day 89 after 2025-04-19 is 2025-07-17: still the first lead; day 90 (2025-07-18)
                // opens the next
                ev("PRODUCER:A", "phorate", "2025-07-17", "UPHELD_COMPLAINT", "c1"),
                ev("PRODUCER:A", "phorate", "2025-07-18", "BANNED_SALE", "w2"),
                ev("PRODUCER:A", "chlorpyrifos", "2025-06-18", "FAILED_RESULT", "r2"),
                ev("PRODUCER:B", "phorate", "2025-06-18", "FAILED_RESULT", "r3")),
            90);
    assertEquals(4, leads.size());
    LeadGrouping.Lead first =
        leads.stream()
            .filter(l -> l.hazard().equals("phorate") && l.subject().equals("PRODUCER:A"))
            .findFirst()
            .orElseThrow();
    assertEquals(LocalDate.parse("2025-04-19"), first.start());
    assertEquals(LocalDate.parse("2025-07-17"), first.end());
    assertEquals(Set.of("BANNED_SALE", "FAILED_RESULT", "UPHELD_COMPLAINT"), first.triggers());
    assertEquals(Set.of("r1"), first.resultIds());
    assertEquals(Set.of("c1"), first.complaintIds());
    assertEquals(6, first.evidenceCount(), "r1, w1, c1 and their three ledger lines");
    assertEquals(
        first.leadId(),
        LeadGrouping.group(
                List.of(ev("PRODUCER:A", "phorate", "2025-04-19", "BANNED_SALE", "w1")), 90)
            .get(0)
            .leadId(),
        "ID is stable");
    assertThrows(IllegalArgumentException.class, () -> LeadGrouping.group(List.of(), 0));
  }
}
