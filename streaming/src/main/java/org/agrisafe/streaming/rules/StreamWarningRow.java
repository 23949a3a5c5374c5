package org.agrisafe.streaming.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.tables.WarningRow;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.lakehouse.tables.WarningTables.Producer;
import org.agrisafe.streaming.sinks.IcebergRows;

/**
 * Builder of one {@code analytics.warnings} row (a column map, see {@link IcebergRows#toRow}) raised by a streaming
 * rule (producer {@link Producer#STREAM_RULE}), on the warnings' one row builder {@link WarningRow}: the columns
 * common to every stream rule are set here, once, for the
 * per-result and sample rules ({@link StreamRules}) and the window rules ({@link ProducerRepeatRule},
 * {@link RapidPositiveRateRule}); each rule adds its own columns with {@link #set}.
 *
 * <p>Set by {@link #of}: {@code warning_id} ({@link #warningId}), {@code producer} STREAM_RULE,
 * {@code warning_type} (the severity's default RASFF type), {@code severity}, {@code state} NEW, {@code measure}
 * (the rule's name), {@code series_level}, {@code period_type} DAY and {@code period} (the local day, ISO
 * {@code yyyy-MM-dd}, cut in the deployment's zone by the caller), {@code method}
 * ({@code stream_rule:<rule in lower case>}), {@code recurrence} 0 and {@code rank_score} (the severity's weight),
 * {@code created_at} and {@code updated_at} (UTC). The others are the caller's: {@link #where}, {@link #observed},
 * {@link #recurrence}, {@link #group}, {@link #set}.
 */
public final class StreamWarningRow {
  private final StreamRules.Rule rule;
  private final WarningRow w;

  private StreamWarningRow(StreamRules.Rule rule, WarningRow w) {
    this.rule = rule;
    this.w = w;
  }

  /**
   * A row with the common columns.
   *
   * @param rule the rule raising the warning
   * @param seriesLevel what the finding is about: RESULT, SAMPLE, PRODUCER, DISTRICT_COMMODITY
   * @param key the finding's key after the rule name (e.g. sample ID and analyte code, or the producer ID): with the
   *     day it makes the deterministic warning ID
   * @param day the period (DAY): the sample date, or the window's end day, in the deployment's zone
   * @param now created_at and updated_at, UTC
   */
  static StreamWarningRow of(
      StreamRules.Rule rule, String seriesLevel, List<String> key, LocalDate day, Instant now) {
    StreamWarningRow w =
        new StreamWarningRow(
            rule,
            WarningRow.of(
                Producer.STREAM_RULE,
                warningId(rule, key, day),
                rule.severity(),
                rule.name(),
                seriesLevel,
                "DAY",
                day.toString(),
                now));
    w.w.set("method", "stream_rule:" + rule.name().toLowerCase());
    return w;
  }

  /**
   * The deterministic warning ID ({@link WarningTables#warningId}) of a stream rule's finding: over (rule, key...,
   * "DAY", day), so that a correction or replay of the same finding maps onto the same warning.
   */
  static String warningId(StreamRules.Rule rule, List<String> key, LocalDate day) {
    List<String> parts = new ArrayList<>();
    parts.add(rule.name());
    parts.addAll(key);
    parts.add("DAY");
    parts.add(day.toString());
    return WarningTables.warningId(Producer.STREAM_RULE, parts);
  }

  /** Where: {@code source_system}, {@code commodity_code}, {@code region_code}, {@code programme_scope} (nullable). */
  StreamWarningRow where(
      String sourceSystem, String commodityCode, String regionCode, String programmeScope) {
    w.set("source_system", sourceSystem)
        .set("commodity_code", commodityCode)
        .set("region_code", regionCode)
        .set("programme_scope", programmeScope);
    return this;
  }

  /** {@code observed}: the count of the finding (1 for a single result or sample). */
  StreamWarningRow observed(long observed) {
    w.set("observed", observed);
    return this;
  }

  /**
   * {@code recurrence}: earlier warnings of the same key; {@code rank_score} = the severity's weight / (1 +
   * recurrence).
   */
  StreamWarningRow recurrence(int recurrence) {
    w.recurrence(recurrence);
    return this;
  }

  /** {@code group_id} ({@link WarningTables#groupId}) over (rule, parts...). */
  StreamWarningRow group(List<String> parts) {
    List<String> all = new ArrayList<>();
    all.add(rule.name());
    all.addAll(parts);
    w.group(all);
    return this;
  }

  /** A column of the rule's own (e.g. {@code details}, {@code threshold}), or a common one overridden. */
  StreamWarningRow set(String column, Object value) {
    w.set(column, value);
    return this;
  }

  /** The column map (mutable, the builder's own: build once). */
  Map<String, Object> row() {
    return w.row();
  }
}
