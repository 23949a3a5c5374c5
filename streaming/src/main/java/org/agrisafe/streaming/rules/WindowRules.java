package org.agrisafe.streaming.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.agrisafe.streaming.job.ResultProcessor;
import org.agrisafe.streaming.job.RuleFact;
import org.agrisafe.streaming.job.StreamConfig;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;

/**
 * Wiring and shared helpers of the window rules ({@link StreamRules.Rule#PRODUCER_REPEAT},
 * {@link StreamRules.Rule#RAPID_POSITIVE_RATE}):
 *
 * <pre>
 * ResultProcessor ─ side output FACTS (changelog of RuleFacts, chained, no shuffle)
 *      ├─ failing, with producer → keyBy(producer_id) → ProducerRepeatRule ──────────┐
 *      └─ rapid, with division   → keyBy(division|commodity) → RapidPositiveRateRule ─┴→ warnings
 * </pre>
 * The rules' rows are unioned into the per-result warnings before {@code keyBy(warning_id) → WarningDeduplicator}.
 * Days are local days of the deployment's zone; an event-time timer "at the end of day E" fires when the watermark
 * passes the last millisecond of E in that zone.
 */
public final class WindowRules {
  private WindowRules() {}

  /**
   * Adds the switched-on window rules to the graph and returns {@code warnings} with their rows unioned in
   * ({@code warnings} itself when neither rule is on).
   *
   * @param facts the {@link ResultProcessor}'s {@link ResultProcessor#FACTS} side output
   * @param warnings the per-result warnings (rows of {@code analytics.warnings})
   */
  public static DataStream<RowData> attach(
      DataStream<RuleFact> facts,
      DataStream<RowData> warnings,
      StreamConfig config,
      WindowRuleParams params,
      List<StreamRules.Rule> rules) {
    boolean producer = rules.contains(StreamRules.Rule.PRODUCER_REPEAT);
    boolean rapid = rules.contains(StreamRules.Rule.RAPID_POSITIVE_RATE);
    if (!producer && !rapid) {
      return warnings;
    }
    DataStream<RowData> out = warnings;
    if (producer) {
      out =
          out.union(
              facts
                  .filter(new FactFilter(StreamRules.Rule.PRODUCER_REPEAT))
                  .name("producer-repeat-input")
                  .uid("producer-repeat-input")
                  .keyBy(new ProducerKey())
                  .process(
                      new ProducerRepeatRule(config.zone(), params),
                      IcebergRows.typeInfo(ResultProcessor.WARNINGS_SCHEMA))
                  .name("producer-repeat")
                  .uid("producer-repeat"));
    }
    if (rapid) {
      out =
          out.union(
              facts
                  .filter(new FactFilter(StreamRules.Rule.RAPID_POSITIVE_RATE))
                  .name("rapid-rate-input")
                  .uid("rapid-rate-input")
                  .keyBy(new DistrictCommodityKey())
                  .process(
                      new RapidPositiveRateRule(config.zone(), params),
                      IcebergRows.typeInfo(ResultProcessor.WARNINGS_SCHEMA))
                  .name("rapid-positive-rate")
                  .uid("rapid-positive-rate"));
    }
    return out;
  }

  /**
   * Passes the facts a window rule counts: PRODUCER_REPEAT failing quantitative results, RAPID_POSITIVE_RATE rapid
   * tests (additions and retractions alike). A relevant fact without its key column (producer_id, or
   * division_code / commodity) is dropped and counted on {@code producer_repeat_skipped_no_producer} or
   * {@code rapid_rate_skipped_no_district}.
   */
  public static final class FactFilter extends RichFilterFunction<RuleFact> {
    private final StreamRules.Rule rule;
    private transient Counter skipped;

    public FactFilter(StreamRules.Rule rule) {
      if (rule != StreamRules.Rule.PRODUCER_REPEAT
          && rule != StreamRules.Rule.RAPID_POSITIVE_RATE) {
        throw new IllegalArgumentException(
            "Invalid rule " + rule + ": expected PRODUCER_REPEAT or RAPID_POSITIVE_RATE");
      }
      this.rule = rule;
    }

    @Override
    public void open(Configuration parameters) {
      skipped =
          getRuntimeContext()
              .getMetricGroup()
              .addGroup("agrisafe")
              .counter(
                  rule == StreamRules.Rule.PRODUCER_REPEAT
                      ? "producer_repeat_skipped_no_producer"
                      : "rapid_rate_skipped_no_district");
    }

    @Override
    public boolean filter(RuleFact f) {
      boolean relevant = rule == StreamRules.Rule.PRODUCER_REPEAT ? f.fail : f.rapid;
      if (!relevant) {
        return false;
      }
      boolean keyed =
          rule == StreamRules.Rule.PRODUCER_REPEAT
              ? f.producerId != null
              : f.divisionCode != null && f.commodityCode != null;
      if (!keyed && f.add) {
        skipped.inc();
      }
      return keyed;
    }
  }

  /** Keys a fact by producer_id. */
  public static final class ProducerKey implements KeySelector<RuleFact, String> {
    @Override
    public String getKey(RuleFact f) {
      return f.producerId;
    }
  }

  /** Keys a fact by {@code division_code|commodity_code} (division codes are digits, so the split is safe). */
  public static final class DistrictCommodityKey implements KeySelector<RuleFact, String> {
    @Override
    public String getKey(RuleFact f) {
      return f.divisionCode + "|" + f.commodityCode;
    }
  }

  /** The last millisecond of local day {@code day} (days since 1970-01-01) in {@code zone}, epoch ms UTC. */
  public static long endOfDayMs(long day, ZoneId zone) {
    return LocalDate.ofEpochDay(day + 1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
  }

  /** The local day (days since 1970-01-01) of the instant {@code epochMs} in {@code zone}. */
  public static long dayOf(long epochMs, ZoneId zone) {
    return Instant.ofEpochMilli(epochMs).atZone(zone).toLocalDate().toEpochDay();
  }

  /** ISO text {@code yyyy-MM-dd} of a local day. */
  public static String text(long day) {
    return LocalDate.ofEpochDay(day).toString();
  }

  /** The deterministic warning ID of a window rule's warning for one key and window end day. */
  static String warningId(StreamRules.Rule rule, List<String> key, long endDay) {
    return StreamWarningRow.warningId(rule, key, LocalDate.ofEpochDay(endDay));
  }
}
