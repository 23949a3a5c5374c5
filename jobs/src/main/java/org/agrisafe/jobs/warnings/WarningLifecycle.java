package org.agrisafe.jobs.warnings;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.agrisafe.jobs.spark.Rows;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.lakehouse.tables.WarningTables.State;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * State changes of warnings: validates the transition against the lifecycle of {@link State} (NEW → VALIDATED
 * → ESCALATED or CLOSED; NEW → CLOSED; ESCALATED → CLOSED), updates {@code analytics.warnings} and records the
 * event in {@code analytics.warning_events} (who, why, when in UTC).
 *
 * <p>The update and the event are two Iceberg commits (not one transaction); the update comes first, so an
 * event is never recorded for a change that was not made.
 */
public final class WarningLifecycle {
  private WarningLifecycle() {}

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:.-]{1,128}");

  /** A recorded state change. */
  public record Transition(
      String warningId, State from, State to, String who, String why, Instant at) {}

  /**
   * Checks a transition (pure).
   *
   * @throws IllegalArgumentException naming both states and the allowed ones when {@code from → to} is not
   *     allowed
   */
  public static void check(String warningId, State from, State to) {
    if (!from.canMoveTo(to)) {
      throw new IllegalArgumentException(
          "Warning "
              + warningId
              + ": transition "
              + from
              + " -> "
              + to
              + " is not allowed, expected one of "
              + from.allowedNext()
              + " from "
              + from);
    }
  }

  /**
   * Moves a warning to {@code to}.
   *
   * @param spark session with the lakehouse catalog
   * @param catalog catalog name
   * @param warningId the warning's ID
   * @param to the new state
   * @param who user making the change; not blank
   * @param why reason; not blank
   * @return the transition recorded
   * @throws IllegalArgumentException when an argument is blank or malformed, the warning does not exist, or the
   *     transition is not allowed
   */
  public static Transition transition(
      SparkSession spark, String catalog, String warningId, State to, String who, String why) {
    if (warningId == null || !ID.matcher(warningId).matches()) {
      throw new IllegalArgumentException(
          "Warning id '"
              + warningId
              + "' is invalid: expected 1-128 characters of letters, digits, _ : . -");
    }
    if (to == null) {
      throw new IllegalArgumentException(
          "Target state is null: expected one of " + List.of(State.values()));
    }
    if (who == null || who.isBlank()) {
      throw new IllegalArgumentException(
          "Who is blank for warning " + warningId + ": expected a user name");
    }
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException(
          "Why is blank for warning " + warningId + ": expected a reason");
    }
    String table = WarningTables.WARNINGS.qualifiedName(catalog);
    List<Row> found =
        spark
            .table(table)
            .filter(col("warning_id").equalTo(warningId))
            .select("state")
            .collectAsList();
    if (found.isEmpty()) {
      throw new IllegalArgumentException("Warning " + warningId + " does not exist in " + table);
    }
    State from = State.valueOf(found.get(0).getString(0));
    check(warningId, from, to);
    Instant at = Instant.now();
    spark.sql(
        "UPDATE "
            + table
            + " SET state = '"
            + to.name()
            + "', updated_at = current_timestamp() "
            + "WHERE warning_id = '"
            + warningId
            + "' AND state = '"
            + from.name()
            + "'");
    appendEvents(spark, catalog, List.of(event(warningId, from, to, who, why, at)));
    return new Transition(warningId, from, to, who, why, at);
  }

  /** One row of {@code analytics.warning_events} as a column map. */
  static Map<String, Object> event(
      String id, State from, State to, String who, String why, Instant at) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("warning_id", id);
    m.put("from_state", from == null ? null : from.name());
    m.put("to_state", to.name());
    m.put("who", who);
    m.put("why", why);
    m.put("at", at);
    return m;
  }

  static void appendEvents(SparkSession spark, String catalog, List<Map<String, Object>> events) {
    String table = WarningTables.WARNING_EVENTS.qualifiedName(catalog);
    try {
      Rows.frame(spark, WarningTables.WARNING_EVENTS, events).writeTo(table).append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "Table " + table + " is missing: run `agrisafe create` first", e);
    }
  }
}
