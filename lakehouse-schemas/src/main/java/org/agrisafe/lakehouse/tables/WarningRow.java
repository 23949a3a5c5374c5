package org.agrisafe.lakehouse.tables;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.agrisafe.lakehouse.tables.WarningTables.Producer;
import org.agrisafe.lakehouse.tables.WarningTables.Severity;
import org.agrisafe.lakehouse.tables.WarningTables.State;

/**
 * Builder of one row of {@code analytics.warnings} ({@link WarningTables#WARNINGS}) as a column-name → value
 * map, engine-free: the one definition of the columns every producer sets (aberration detection, the stream
 * rules, the ledger checks; docs/conventions.md §16). The Spark jobs convert the map to a row by column name, the
 * Flink stream to its row type.
 *
 * <p>Set by {@link #of}: {@code warning_id}, {@code producer}, {@code warning_type} (the severity's
 * {@linkplain Severity#defaultType() default RASFF-like type}), {@code severity}, {@code state} {@code NEW},
 * {@code measure}, {@code series_level}, {@code period_type}, {@code period}, {@code recurrence} 0 with its
 * {@code rank_score}, {@code created_at} and {@code updated_at} (UTC). {@link #recurrence} sets {@code
 * recurrence} and {@code rank_score} = severity weight / (1 + recurrence) together; {@link #group} sets {@code
 * group_id} ({@link WarningTables#groupId}); every other column is the producer's, by {@link #set}. Values are
 * plain Java: {@link String}, {@link Long}, {@link Integer}, {@link Double}, {@link Instant}; null = absent.
 */
public final class WarningRow {
  private final Severity severity;
  private final Map<String, Object> m = new LinkedHashMap<>();

  private WarningRow(Severity severity) {
    this.severity = severity;
  }

  /**
   * A row with the common columns.
   *
   * @param producer who raises the warning
   * @param warningId the deterministic ID ({@link WarningTables#warningId})
   * @param severity the severity; the type is its default type
   * @param measure what was counted or checked (the rule's or measure's name)
   * @param seriesLevel the grain of the finding, e.g. COMMODITY, RESULT, LEDGER_LINE
   * @param periodType MONTH, WEEK or DAY (local zone)
   * @param period the local period, {@code yyyy-MM} for MONTH, {@code yyyy-MM-dd} for DAY
   * @param now created_at and updated_at, UTC
   * @throws NullPointerException if an argument is null (the columns are required)
   */
  public static WarningRow of(
      Producer producer,
      String warningId,
      Severity severity,
      String measure,
      String seriesLevel,
      String periodType,
      String period,
      Instant now) {
    WarningRow w = new WarningRow(Objects.requireNonNull(severity, "WarningRow: severity is null"));
    w.m.put("warning_id", Objects.requireNonNull(warningId, "WarningRow: warning_id is null"));
    w.m.put("producer", Objects.requireNonNull(producer, "WarningRow: producer is null").name());
    w.m.put("warning_type", severity.defaultType().name());
    w.m.put("severity", severity.name());
    w.m.put("state", State.NEW.name());
    w.m.put("measure", Objects.requireNonNull(measure, "WarningRow: measure is null"));
    w.m.put("series_level", seriesLevel);
    w.m.put("period_type", Objects.requireNonNull(periodType, "WarningRow: period_type is null"));
    w.m.put("period", Objects.requireNonNull(period, "WarningRow: period is null"));
    w.m.put("created_at", Objects.requireNonNull(now, "WarningRow: now is null"));
    w.m.put("updated_at", now);
    return w.recurrence(0);
  }

  /** {@code state}: the lifecycle state (NEW unless a re-run keeps an existing warning's state). */
  public WarningRow state(String state) {
    m.put("state", Objects.requireNonNull(state, "WarningRow: state is null"));
    return this;
  }

  /**
   * {@code recurrence}: earlier warnings of the same producer and series key; {@code rank_score} = the
   * severity's weight (1-3) / (1 + recurrence), see {@link Severity#weight()}.
   */
  public WarningRow recurrence(int recurrence) {
    m.put("recurrence", recurrence);
    m.put("rank_score", severity.weight() / (1.0 + recurrence));
    return this;
  }

  /** {@code group_id} over {@code parts} ({@link WarningTables#groupId}): warnings sharing a cause. */
  public WarningRow group(List<String> parts) {
    m.put("group_id", WarningTables.groupId(parts));
    return this;
  }

  /**
   * A column of the producer's own (e.g. {@code details}, {@code threshold}), or a common one overridden.
   *
   * @throws IllegalArgumentException if {@code analytics.warnings} has no column {@code column} (names it)
   */
  public WarningRow set(String column, Object value) {
    if (WarningTables.WARNINGS.schema().findField(column) == null) {
      throw new IllegalArgumentException(
          "Cannot set column '" + column + "' of a warning: analytics.warnings has no such column");
    }
    m.put(column, value);
    return this;
  }

  /** The severity the row was built with. */
  public Severity severity() {
    return severity;
  }

  /** The column map: the builder's own, mutable (build once). */
  public Map<String, Object> row() {
    return m;
  }
}
