package org.agrisafe.jobs.trace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrisafe.lakehouse.tables.WarningTables;

/**
 * Groups enforcement evidence into leads, engine-free: one lead per subject (producer, or natural-person buyer by
 * keyed hash), hazard (analyte / active-ingredient code) and window. Events of a subject and hazard are sorted by
 * date; a lead starts at the first event and takes every event dated before {@code start + windowDays}; the next
 * event opens the next lead. Lead ID: {@code L-} + 16 hex of SHA-256(subject|hazard|start).
 */
public final class LeadGrouping {
  private LeadGrouping() {}

  /** Days one lead spans from its first event, default 90. */
  public static final int WINDOW_DAYS_DEFAULT = 90;

  /** One piece of evidence. */
  public record Event(
      String subject,
      String producerId,
      String hazard,
      LocalDate date,
      String trigger,
      String resultId,
      String warningId,
      String complaintId,
      List<String> lineIds,
      List<String> shops,
      String traceCode) {}

  /** A lead with its evidence (sets keep first-seen order). */
  public record Lead(
      String leadId,
      String subject,
      String producerId,
      String hazard,
      LocalDate start,
      LocalDate end,
      Set<String> triggers,
      Set<String> resultIds,
      Set<String> warningIds,
      Set<String> complaintIds,
      Set<String> lineIds,
      Set<String> shops,
      Set<String> traceCodes) {
    /** Number of distinct evidence items (results, warnings, complaints, ledger lines). */
    public int evidenceCount() {
      return resultIds.size() + warningIds.size() + complaintIds.size() + lineIds.size();
    }
  }

  /**
   * Groups events.
   *
   * @param windowDays days per lead, &gt;= 1
   * @return leads sorted by subject, hazard and start
   * @throws IllegalArgumentException when windowDays &lt; 1
   */
  public static List<Lead> group(List<Event> events, int windowDays) {
    if (windowDays < 1) {
      throw new IllegalArgumentException("windowDays " + windowDays + ": expected >= 1 day");
    }
    Map<String, List<Event>> byKey = new LinkedHashMap<>();
    for (Event e : events) {
      byKey.computeIfAbsent(e.subject() + "|" + e.hazard(), k -> new ArrayList<>()).add(e);
    }
    List<Lead> leads = new ArrayList<>();
    for (List<Event> list : byKey.values()) {
      list.sort(Comparator.comparing(Event::date).thenComparing(Event::trigger));
      Lead cur = null;
      for (Event e : list) {
        if (cur == null || !e.date().isBefore(cur.start().plusDays(windowDays))) {
          String id =
              "L-"
                  + WarningTables.groupId(List.of(e.subject(), e.hazard(), e.date().toString()))
                      .substring(2);
          cur =
              new Lead(
                  id,
                  e.subject(),
                  e.producerId(),
                  e.hazard(),
                  e.date(),
                  e.date().plusDays(windowDays - 1),
                  new LinkedHashSet<>(),
                  new LinkedHashSet<>(),
                  new LinkedHashSet<>(),
                  new LinkedHashSet<>(),
                  new LinkedHashSet<>(),
                  new LinkedHashSet<>(),
                  new LinkedHashSet<>());
          leads.add(cur);
        }
        cur.triggers().add(e.trigger());
        add(cur.resultIds(), e.resultId());
        add(cur.warningIds(), e.warningId());
        add(cur.complaintIds(), e.complaintId());
        add(cur.traceCodes(), e.traceCode());
        for (String x : e.lineIds()) {
          add(cur.lineIds(), x);
        }
        for (String x : e.shops()) {
          add(cur.shops(), x);
        }
      }
    }
    leads.sort(
        Comparator.comparing(Lead::subject).thenComparing(Lead::hazard).thenComparing(Lead::start));
    return leads;
  }

  private static void add(Set<String> s, String v) {
    if (v != null && !v.isBlank()) {
      s.add(v);
    }
  }
}
