package org.agrisafe.streaming.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.streaming.job.ResultProcessor;
import org.agrisafe.streaming.job.RuleFact;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Rule {@link StreamRules.Rule#PRODUCER_REPEAT}, keyed by {@code producer_id}: a producer with at least
 * {@code producer-repeat-failures} (N, default 3) distinct failing SAMPLES sampled within
 * {@code producer-repeat-window-days} (D, default 30) local days. A failing sample is one with at least one current
 * quantitative result whose verdict is FAIL (value &gt; MRL, strictly; docs/conventions.md §2.2): several failing analytes of one
 * sample count once, and a correction that makes the result pass retracts it (a {@link RuleFact} with
 * {@code add = false} from {@link ResultProcessor#FACTS}).
 *
 * <p>Algorithm (event time; days cut in the deployment's zone):
 * <ol>
 *   <li>a failing fact of sample day d is kept (result_id → fact) and two event-time timers are set: the end of day
 *       d (evaluation) and the end of day d + D − 1 (the last window that contains d: pruning); a fact whose last
 *       window has already passed the watermark is dropped and counted on {@code producer_repeat_late_dropped};</li>
 *   <li>at the end of a day E on which a kept failure was sampled, the window is days E − D + 1 .. E: if it holds
 *       &ge; N distinct failing samples, one warning (producer, E) is emitted ({@link #warning}); its ID is
 *       deterministic, so a replay or a re-evaluation after a late result is suppressed by the
 *       {@link WarningDeduplicator};</li>
 *   <li>after each timer the failures of days &le; E − D + 1 (in no later window) are removed; after the last
 *       pruning timer of a producer, its state and timers are empty.</li>
 *   <li>{@code recurrence} counts the producer's earlier warnings while its failures are kept (so a run of
 *       windows re-alarming on the same failures ranks lower, rank_score = weight / (1 + recurrence)).</li>
 * </ol>
 * The evaluation waits for the watermark (sampled_at minus the out-of-orderness, one day by default), so that a
 * correction uploaded within that bound is taken into account. Output: rows of {@code analytics.warnings}
 * (INSERT); observed = distinct failing samples in the window, threshold = N.
 */
public class ProducerRepeatRule extends KeyedProcessFunction<String, RuleFact, RowData> {
  /** At most this many samples are listed in the details text. */
  static final int DETAILS_MAX_SAMPLES = 10;

  private final ZoneId zone;
  private final WindowRuleParams params;
  private transient MapState<String, RuleFact> failures;
  private transient ValueState<Integer> raised;
  private transient Counter lateDropped;

  /** @param zone the zone days are cut in; @param params the rule's N and D */
  public ProducerRepeatRule(ZoneId zone, WindowRuleParams params) {
    if (zone == null || params == null) {
      throw new IllegalArgumentException(
          "Invalid zone " + zone + " or params " + params + ": expected both");
    }
    this.zone = zone;
    this.params = params;
  }

  @Override
  public void open(Configuration parameters) {
    failures =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "producer-failures", Types.STRING, TypeInformation.of(RuleFact.class)));
    raised =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("producer-warnings-raised", Types.INT));
    lateDropped =
        getRuntimeContext()
            .getMetricGroup()
            .addGroup("agrisafe")
            .counter("producer_repeat_late_dropped");
  }

  @Override
  public void processElement(RuleFact f, Context ctx, Collector<RowData> out) throws Exception {
    if (!f.add) {
      RuleFact kept = failures.get(f.resultId);
      if (kept != null && kept.revision == f.revision) {
        failures.remove(f.resultId);
      }
      return;
    }
    if (!f.fail) {
      return;
    }
    long pruneAt = WindowRules.endOfDayMs(f.sampleDay + params.producerWindowDays() - 1, zone);
    if (pruneAt <= ctx.timerService().currentWatermark()) {
      lateDropped.inc();
      return;
    }
    failures.put(f.resultId, f);
    ctx.timerService().registerEventTimeTimer(WindowRules.endOfDayMs(f.sampleDay, zone));
    ctx.timerService().registerEventTimeTimer(pruneAt);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
    long endDay = WindowRules.dayOf(timestamp, zone);
    List<RuleFact> kept = new ArrayList<>();
    failures.values().forEach(kept::add);
    if (kept.stream().anyMatch(f -> f.sampleDay == endDay)) {
      Integer before = raised.value();
      int recurrence = before == null ? 0 : before;
      Map<String, Object> w =
          warning(
              ctx.getCurrentKey(),
              kept,
              endDay,
              params,
              zone,
              recurrence,
              Instant.ofEpochMilli(ctx.timerService().currentProcessingTime()));
      if (w != null) {
        out.collect(IcebergRows.toRow(ResultProcessor.WARNINGS_SCHEMA, w, RowKind.INSERT));
        raised.update(recurrence + 1);
      }
    }
    long pruneThrough = endDay - params.producerWindowDays() + 1;
    for (RuleFact f : kept) {
      if (f.sampleDay <= pruneThrough) {
        failures.remove(f.resultId);
      }
    }
    if (failures.isEmpty()) {
      raised.clear();
    }
  }

  /**
   * The distinct failing samples of the window of {@code days} local days ending on {@code endDay} (inclusive):
   * sample_id → the earliest failing fact of that sample in the window, ordered by sample day then sample_id.
   */
  static List<RuleFact> failingSamples(Iterable<RuleFact> failures, long endDay, int days) {
    Map<String, RuleFact> bySample = new TreeMap<>();
    for (RuleFact f : failures) {
      if (f.add && f.fail && f.sampleDay <= endDay && f.sampleDay > endDay - days) {
        bySample.merge(f.sampleId, f, (a, b) -> a.sampleDay <= b.sampleDay ? a : b);
      }
    }
    List<RuleFact> out = new ArrayList<>(bySample.values());
    out.sort(Comparator.comparingLong((RuleFact f) -> f.sampleDay).thenComparing(f -> f.sampleId));
    return out;
  }

  /**
   * The warning of producer {@code producerId} for the window ending on {@code endDay}, or null when it has fewer
   * than N distinct failing samples. Columns: measure/method PRODUCER_REPEAT, series_level PRODUCER, period DAY
   * {@code endDay}, observed = failing samples, threshold = N, region_code = division of the latest failing sample,
   * commodity_code and source_system when all failing samples share them; details list the samples.
   *
   * @param failures the kept failing facts of the producer (any days)
   * @param recurrence earlier warnings of this producer while its failures are kept (column recurrence; rank_score
   *     = severity weight / (1 + recurrence))
   * @param now created_at, UTC
   */
  static Map<String, Object> warning(
      String producerId,
      Iterable<RuleFact> failures,
      long endDay,
      WindowRuleParams p,
      ZoneId zone,
      int recurrence,
      Instant now) {
    List<RuleFact> samples = failingSamples(failures, endDay, p.producerWindowDays());
    if (samples.size() < p.producerFailures()) {
      return null;
    }
    StreamRules.Rule rule = StreamRules.Rule.PRODUCER_REPEAT;
    RuleFact latest = samples.get(samples.size() - 1);
    long start = endDay - p.producerWindowDays() + 1;
    StringBuilder d =
        new StringBuilder(rule.name())
            .append(": producer ")
            .append(producerId)
            .append(" had ")
            .append(samples.size())
            .append(" failing samples (threshold ")
            .append(p.producerFailures())
            .append(") sampled in the ")
            .append(p.producerWindowDays())
            .append(" days ")
            .append(WindowRules.text(start))
            .append("..")
            .append(WindowRules.text(endDay))
            .append(" (")
            .append(zone)
            .append("): ");
    for (int i = 0; i < samples.size() && i < DETAILS_MAX_SAMPLES; i++) {
      RuleFact f = samples.get(i);
      d.append(i == 0 ? "" : "; ")
          .append(f.sampleId)
          .append(" on ")
          .append(WindowRules.text(f.sampleDay))
          .append(" (")
          .append(f.commodityCode)
          .append(f.divisionCode == null ? "" : ", " + f.divisionCode)
          .append(")");
    }
    if (samples.size() > DETAILS_MAX_SAMPLES) {
      d.append("; and ").append(samples.size() - DETAILS_MAX_SAMPLES).append(" more");
    }
    return StreamWarningRow.of(
            rule, "PRODUCER", List.of(producerId), LocalDate.ofEpochDay(endDay), now)
        .where(
            common(samples, f -> f.sourceSystem),
            common(samples, f -> f.commodityCode),
            latest.divisionCode,
            "ALL")
        .observed(samples.size())
        .set("threshold", (double) p.producerFailures())
        .set("method_parameters", p.producerJson(zone.getId()))
        .recurrence(recurrence)
        .group(List.of(producerId))
        .set("details", d.toString())
        .row();
  }

  private static String common(
      List<RuleFact> facts, java.util.function.Function<RuleFact, String> col) {
    String v = col.apply(facts.get(0));
    for (RuleFact f : facts) {
      if (!java.util.Objects.equals(v, col.apply(f))) {
        return null;
      }
    }
    return v;
  }
}
