package org.agrisafe.jobs.trace;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrisafe.intake.model.MethodType;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.TraceTables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Enforcement leads (检打联动): every failed or banned-detection result of a producer (with its trace-back:
 * shops and ledger lines), every {@code BANNED_SALE} ledger-check warning and every upheld complaint opens or
 * updates a lead ({@link LeadGrouping}: one per subject, hazard and window). Leads are MERGEd into
 * {@code trace.enforcement_leads} (state and created_at kept on re-runs); a new lead gets a {@code null → OPEN}
 * event and a lead whose evidence grew an {@code EVIDENCE_UPDATED} note in {@code trace.lead_events}, each with
 * who and why. States: OPEN → INVESTIGATING → CASE_OPENED or CLOSED; INVESTIGATING → CLOSED; CASE_OPENED → CLOSED
 * ({@link #transition}).
 */
public final class LeadsJob {
  private LeadsJob() {}

  static final String JOB_USER = "leads-job";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Lead lifecycle states. */
  public enum State {
    OPEN,
    INVESTIGATING,
    CASE_OPENED,
    CLOSED;

    /** Allowed next states. */
    public Set<State> next() {
      return switch (this) {
        case OPEN -> EnumSet.of(INVESTIGATING, CLOSED);
        case INVESTIGATING -> EnumSet.of(CASE_OPENED, CLOSED);
        case CASE_OPENED -> EnumSet.of(CLOSED);
        case CLOSED -> EnumSet.noneOf(State.class);
      };
    }
  }

  /** Leads written, with how many are new. */
  public record Summary(List<LeadGrouping.Lead> leads, int opened, int updated) {
    @Override
    public String toString() {
      return "enforcement leads: "
          + leads.size()
          + " ("
          + opened
          + " opened, "
          + updated
          + " with new evidence)";
    }
  }

  /** Collects the evidence, groups it and writes the leads. */
  public static Summary run(SparkSession spark, String catalog, int windowDays) {
    List<LeadGrouping.Event> events = new ArrayList<>();
    String resultsTable = Tables.RESULTS.qualifiedName(catalog);
    String ledgerTable = TraceTables.LEDGER_LINES.qualifiedName(catalog);
    Long resultsSnapshot = LakehouseIo.currentSnapshotId(spark, resultsTable);
    Long ledgerSnapshot = LakehouseIo.currentSnapshotId(spark, ledgerTable);
    Map<String, List<Row>> traceBack = new HashMap<>();
    for (Row r :
        spark
            .table(TraceTables.TRACE_BACK.qualifiedName(catalog))
            .orderBy("result_id", "rank")
            .collectAsList()) {
      traceBack.computeIfAbsent(r.getAs("result_id"), k -> new ArrayList<>()).add(r);
    }
    List<Row> failed =
        spark
            .table(resultsTable)
            .filter(
                col("method_type")
                    .equalTo(MethodType.QUANTITATIVE.name())
                    .and(col("verdict").equalTo("FAIL").or(col("banned_detection"))))
            .join(
                spark
                    .table(Tables.SAMPLES.qualifiedName(catalog))
                    .select("sample_id", "producer_id", "trace_code"),
                "sample_id")
            .filter(col("producer_id").isNotNull())
            .select(
                "result_id", "producer_id", "analyte_code", "sample_date", "verdict", "trace_code")
            .collectAsList();
    for (Row r : failed) {
      List<String> lines = new ArrayList<>();
      List<String> shops = new ArrayList<>();
      for (Row t : traceBack.getOrDefault(r.getAs("result_id"), List.of())) {
        lines.addAll(Arrays.asList(((String) t.getAs("line_ids")).split(";")));
        shops.add(t.getAs("licence_no"));
      }
      String pid = r.getAs("producer_id");
      events.add(
          new LeadGrouping.Event(
              "PRODUCER:" + pid,
              pid,
              r.getAs("analyte_code"),
              r.getAs("sample_date"),
              "FAIL".equals(r.getAs("verdict")) ? "FAILED_RESULT" : "BANNED_DETECTION",
              r.getAs("result_id"),
              null,
              null,
              lines,
              shops,
              r.getAs("trace_code")));
    }
    for (Row w :
        spark
            .table(WarningTables.WARNINGS.qualifiedName(catalog))
            .filter(
                col("producer")
                    .equalTo(WarningTables.Producer.LEDGER_CHECK.name())
                    .and(col("measure").equalTo(LedgerCheckJob.BANNED_SALE)))
            .select("warning_id", "analyte_code", "period", "method_parameters")
            .collectAsList()) {
      JsonNode p;
      try {
        p = JSON.readTree((String) w.getAs("method_parameters"));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(
            "Warning " + w.getAs("warning_id") + " has unreadable parameters", e);
      }
      String subject = p.path("subject").asText();
      String pid = subject.startsWith("PRODUCER:") ? subject.substring(9) : null;
      events.add(
          new LeadGrouping.Event(
              subject,
              pid,
              w.getAs("analyte_code"),
              LocalDate.parse(w.getAs("period")),
              "BANNED_SALE",
              null,
              w.getAs("warning_id"),
              null,
              List.of(p.path("line_id").asText()),
              List.of(p.path("licence_no").asText()),
              null));
    }
    for (Row c :
        spark
            .table(TraceTables.COMPLAINTS.qualifiedName(catalog))
            .filter(
                col("status")
                    .equalTo("UPHELD")
                    .and(col("producer_id").isNotNull())
                    .and(col("hazard").isNotNull()))
            .collectAsList()) {
      String pid = c.getAs("producer_id");
      events.add(
          new LeadGrouping.Event(
              "PRODUCER:" + pid,
              pid,
              c.getAs("hazard"),
              c.getAs("received_date"),
              "UPHELD_COMPLAINT",
              null,
              null,
              c.getAs("complaint_id"),
              List.of(),
              List.of(),
              null));
    }
    List<LeadGrouping.Lead> leads = LeadGrouping.group(events, windowDays);
    Map<String, Integer> existing = new HashMap<>();
    for (Row r :
        spark
            .table(TraceTables.ENFORCEMENT_LEADS.qualifiedName(catalog))
            .select("lead_id", "evidence_count")
            .collectAsList()) {
      existing.put(r.getString(0), r.getInt(1));
    }
    Instant now = Instant.now();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, Object>> evts = new ArrayList<>();
    int opened = 0;
    int updated = 0;
    for (LeadGrouping.Lead l : leads) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lead_id", l.leadId());
      m.put("subject_key", l.subject());
      m.put("producer_id", l.producerId());
      m.put("hazard", l.hazard());
      m.put("window_start", l.start());
      m.put("window_end", l.end());
      m.put("state", State.OPEN.name());
      m.put("triggers", String.join(";", l.triggers()));
      m.put("result_ids", join(l.resultIds()));
      m.put("warning_ids", join(l.warningIds()));
      m.put("complaint_ids", join(l.complaintIds()));
      m.put("ledger_line_ids", join(l.lineIds()));
      m.put("shops", join(l.shops()));
      m.put("trace_codes", join(l.traceCodes()));
      m.put("results_snapshot_id", resultsSnapshot);
      m.put("ledger_snapshot_id", ledgerSnapshot);
      m.put("evidence_count", l.evidenceCount());
      m.put("created_at", now);
      m.put("updated_at", now);
      rows.add(m);
      Integer before = existing.get(l.leadId());
      if (before == null) {
        opened++;
        evts.add(
            event(
                l.leadId(),
                null,
                State.OPEN.name(),
                JOB_USER,
                "opened by "
                    + String.join(", ", l.triggers())
                    + " ("
                    + l.evidenceCount()
                    + " evidence items)",
                now));
      } else if (before != l.evidenceCount()) {
        updated++;
        evts.add(
            event(
                l.leadId(),
                null,
                "EVIDENCE_UPDATED",
                JOB_USER,
                "evidence items " + before + " -> " + l.evidenceCount(),
                now));
      }
    }
    TraceIo.merge(
        spark,
        catalog,
        TraceTables.ENFORCEMENT_LEADS,
        "lead_id",
        Set.of("state", "created_at"),
        rows);
    TraceIo.append(spark, catalog, TraceTables.LEAD_EVENTS, evts);
    return new Summary(leads, opened, updated);
  }

  /**
   * Moves a lead to another state, recording who and why.
   *
   * @throws IllegalArgumentException when the lead is unknown, the transition is not allowed, or who/why is blank
   */
  public static void transition(
      SparkSession spark, String catalog, String leadId, State to, String who, String why) {
    if (who == null || who.isBlank()) {
      throw new IllegalArgumentException("Cannot move lead " + leadId + ": 'who' is blank");
    }
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("Cannot move lead " + leadId + ": 'why' is blank");
    }
    String table = TraceTables.ENFORCEMENT_LEADS.qualifiedName(catalog);
    List<Row> r =
        spark.table(table).filter(col("lead_id").equalTo(leadId)).select("state").collectAsList();
    if (r.isEmpty()) {
      throw new IllegalArgumentException("Unknown lead '" + leadId + "'");
    }
    State from = State.valueOf(r.get(0).getString(0));
    if (!from.next().contains(to)) {
      throw new IllegalArgumentException(
          "Cannot move lead "
              + leadId
              + " from "
              + from
              + " to "
              + to
              + ": expected one of "
              + from.next());
    }
    Instant now = Instant.now();
    spark.sql(
        "UPDATE "
            + table
            + " SET state = '"
            + to.name()
            + "', updated_at = current_timestamp() WHERE lead_id"
            + " = '"
            + leadId.replace("'", "''")
            + "'");
    TraceIo.append(
        spark,
        catalog,
        TraceTables.LEAD_EVENTS,
        List.of(event(leadId, from.name(), to.name(), who, why, now)));
  }

  private static Map<String, Object> event(
      String id, String from, String to, String who, String why, Instant at) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("subject_id", id);
    e.put("from_status", from);
    e.put("to_status", to);
    e.put("who", who);
    e.put("why", why);
    e.put("at", at);
    return e;
  }

  private static String join(Set<String> s) {
    return s.isEmpty() ? null : String.join(";", s);
  }
}
