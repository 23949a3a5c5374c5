package org.agrisafe.streaming.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.risk.rates.BinomialExcess;
import org.agrisafe.streaming.job.ResultProcessor;
import org.agrisafe.streaming.job.RuleFact;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Rule {@link StreamRules.Rule#RAPID_POSITIVE_RATE}, keyed by (district = {@code division_code}, commodity): the
 * rapid-test positive rate of a sliding window is improbably high against the same key's recent baseline.
 *
 * <p>Method: the one-sided exact binomial test (Conover 1999, <i>Practical Nonparametric Statistics</i>, 3rd ed.,
 * §3.1) of the window's positives x out of n rapid tests against the baseline rate p0, estimated from the preceding
 * days as the posterior mean under the Jeffreys prior Beta(½, ½) (Gelman et al. 2013, <i>Bayesian Data
 * Analysis</i>, 3rd ed., §2.8): p0 = (x0 + a) / (n0 + a + b); see {@link BinomialExcess}. Unlike EARS C1–C3
 * (Hutwagner et al. 2003), which compare a count with the mean + 3 sd of the baseline counts, this uses the number
 * of tests as the denominator (docs/conventions.md §18.2: count series carry the number tested) and is exact for small counts.
 *
 * <p>Parameters ({@link WindowRuleParams}): window W = 7 days sliding by 1 day, baseline B = 28 days right before
 * the window, minimum n = 20 rapid tests in the window, alpha = 0.001, prior a = b = ½. Each rapid test is one
 * current rapid result (method_type RAPID); a positive is verdict POSITIVE (inhibition &ge; 50 %, GB/T 5009.199, or
 * a positive strip); a suspicion, not a failure (docs/conventions.md §9.2).
 *
 * <p>Algorithm (event time; days cut in the deployment's zone):
 * <ol>
 *   <li>state: per local day, (tests, positives); a fact adds (or, retracted by a correction, subtracts) its test;
 *       a fact of day d sets event-time timers at the ends of days d .. d + W − 1 (every window containing d; only
 *       those not already pending, tracked as one contiguous run of days) and d + W + B − 1 (the last baseline
 *       containing d; by the day's first fact); a fact whose last baseline has passed the watermark is
 *       dropped and counted on {@code rapid_rate_late_dropped};</li>
 *   <li>at the end of day E: window = days E − W + 1 .. E (n, x), baseline = days E − W − B + 1 .. E − W (n0, x0);
 *       fire when n &ge; min tests and P(X &ge; x | n, p0) &lt; alpha ({@link #evaluate}); one warning per
 *       (district, commodity, E) with a deterministic ID;</li>
 *   <li>then days &le; E − W − B + 1 are removed; after the last timer of a key its state and timers are
 *       empty.</li>
 *   <li>a burst alarms on every window end day that still contains it; {@code recurrence} counts the key's earlier
 *       warnings while its days are kept, and rank_score = weight / (1 + recurrence) ranks the repeats lower.</li>
 * </ol>
 * Output: rows of {@code analytics.warnings}: observed = x, denominator = n, observed_rate = x / n, expected =
 * n·p0, threshold = the critical count (fewest positives that would alarm), exceedance_score = (x − expected) /
 * (threshold − expected), and details with the window, baseline, rate and p-value.
 */
public class RapidPositiveRateRule extends KeyedProcessFunction<String, RuleFact, RowData> {
  private final ZoneId zone;
  private final WindowRuleParams params;
  private transient MapState<Long, Tuple2<Long, Long>> days;
  private transient ValueState<Boolean> falsePositiveProne;
  private transient ValueState<Integer> raised;

  /**
   * The contiguous run of days whose end-of-day timers were registered ({@link #pack}ed lo, hi): a fact of day d
   * registers only the window ends d .. d + W − 1 outside it.
   */
  private transient ValueState<Long> pending;

  private transient Counter lateDropped;

  /** @param zone the zone days are cut in; @param params window, baseline, min tests, alpha, prior */
  public RapidPositiveRateRule(ZoneId zone, WindowRuleParams params) {
    if (zone == null || params == null) {
      throw new IllegalArgumentException(
          "Invalid zone " + zone + " or params " + params + ": expected both");
    }
    this.zone = zone;
    this.params = params;
  }

  /**
   * The test of one window.
   *
   * @param windowTests n, rapid tests in the window
   * @param windowPositives x, positives among them
   * @param baselineTests n0, rapid tests in the baseline
   * @param baselinePositives x0
   * @param baselineRate p0 = (x0 + a) / (n0 + a + b), a probability
   * @param expected n·p0, tests
   * @param criticalCount fewest positives in n tests with p-value &lt; alpha ({@code n + 1} if none)
   * @param pValue P(X &ge; x | n, p0)
   * @param alarm n &ge; min tests and p-value &lt; alpha
   */
  public record Decision(
      long windowTests,
      long windowPositives,
      long baselineTests,
      long baselinePositives,
      double baselineRate,
      double expected,
      long criticalCount,
      double pValue,
      boolean alarm) {}

  /** The decision for a window of n tests with x positives after a baseline of n0 tests with x0 positives. */
  public static Decision evaluate(long n, long x, long n0, long x0, WindowRuleParams p) {
    if (x < 0 || x > n) {
      throw new IllegalArgumentException("Invalid window positives " + x + ": expected 0.." + n);
    }
    double p0 =
        BinomialExcess.baselineRate(x0, n0, p.rapidPriorPositives(), p.rapidPriorNegatives());
    double pValue = BinomialExcess.upperTail(x, n, p0);
    long critical = BinomialExcess.criticalCount(n, p0, p.rapidAlpha());
    return new Decision(
        n,
        x,
        n0,
        x0,
        p0,
        n * p0,
        critical,
        pValue,
        n >= p.rapidMinTests() && pValue < p.rapidAlpha());
  }

  @Override
  public void open(Configuration parameters) {
    days =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "rapid-days", Types.LONG, Types.TUPLE(Types.LONG, Types.LONG)));
    falsePositiveProne =
        getRuntimeContext().getState(new ValueStateDescriptor<>("rapid-fp-prone", Types.BOOLEAN));
    raised =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("rapid-warnings-raised", Types.INT));
    pending =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("rapid-timers-pending", Types.LONG));
    lateDropped =
        getRuntimeContext()
            .getMetricGroup()
            .addGroup("agrisafe")
            .counter("rapid_rate_late_dropped");
  }

  @Override
  public void processElement(RuleFact f, Context ctx, Collector<RowData> out) throws Exception {
    if (!f.rapid) {
      return;
    }
    int w = params.rapidWindowDays();
    long lastAt = WindowRules.endOfDayMs(f.sampleDay + w + params.rapidBaselineDays() - 1, zone);
    if (lastAt <= ctx.timerService().currentWatermark()) {
      if (f.add) {
        lateDropped.inc();
      }
      return;
    }
    Tuple2<Long, Long> c = days.get(f.sampleDay);
    long tests = (c == null ? 0 : c.f0) + (f.add ? 1 : -1);
    long positives = (c == null ? 0 : c.f1) + (f.positive ? (f.add ? 1 : -1) : 0);
    if (tests <= 0) {
      days.remove(f.sampleDay);
    } else {
      days.put(f.sampleDay, Tuple2.of(tests, Math.max(0, positives)));
    }
    if (f.add) {
      if (f.positive && f.falsePositiveProne) {
        falsePositiveProne.update(true);
      }
      long from = f.sampleDay;
      long to = f.sampleDay + w - 1;
      if (WindowRules.endOfDayMs(from, zone) <= ctx.timerService().currentWatermark()) {
        // a late fact: windows that already ended are evaluated again (their timers fire at the
        // next watermark)
        registerWindowEnds(ctx, from, to, 1, 0);
      } else {
        // days [lo, hi] have pending timers (registered as one contiguous run, all after the
        // watermark as far as
        // [from, to] is concerned): register only the window ends not among them (registering a
        // pending timer again
        // is a no-op, but costs a hash-set insertion per timer, which dominated this operator)
        Long p = pending.value();
        long lo = p == null ? 1 : p >> 32;
        long hi = p == null ? 0 : (int) (long) p;
        registerWindowEnds(ctx, from, to, lo, hi);
        boolean joins = p != null && lo <= to + 1 && from <= hi + 1;
        pending.update(joins ? pack(Math.min(lo, from), Math.max(hi, to)) : pack(from, to));
      }
      if (c == null) {
        ctx.timerService().registerEventTimeTimer(lastAt);
      }
    }
  }

  /** Registers the end-of-day timers of days {@code from..to} except those in {@code lo..hi} (empty when lo &gt; hi). */
  private void registerWindowEnds(Context ctx, long from, long to, long lo, long hi) {
    for (long d = from; d <= to; d++) {
      if (d < lo || d > hi) {
        ctx.timerService().registerEventTimeTimer(WindowRules.endOfDayMs(d, zone));
      }
    }
  }

  /** Two day numbers (days since 1970-01-01, within int range) in one long: lo in the high half, hi in the low. */
  private static long pack(long lo, long hi) {
    return (lo << 32) | (hi & 0xffffffffL);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
    long endDay = WindowRules.dayOf(timestamp, zone);
    int w = params.rapidWindowDays();
    long n = 0;
    long x = 0;
    long n0 = 0;
    long x0 = 0;
    List<Long> prune = new ArrayList<>();
    long pruneThrough = endDay - w - params.rapidBaselineDays() + 1;
    for (Map.Entry<Long, Tuple2<Long, Long>> e : days.entries()) {
      long d = e.getKey();
      if (d > endDay - w && d <= endDay) {
        n += e.getValue().f0;
        x += e.getValue().f1;
      } else if (d > endDay - w - params.rapidBaselineDays() && d <= endDay - w) {
        n0 += e.getValue().f0;
        x0 += e.getValue().f1;
      }
      if (d <= pruneThrough) {
        prune.add(d);
      }
    }
    if (n > 0) {
      Decision dec = evaluate(n, x, n0, x0, params);
      if (dec.alarm()) {
        String key = ctx.getCurrentKey();
        int bar = key.indexOf('|');
        Integer before = raised.value();
        int recurrence = before == null ? 0 : before;
        Map<String, Object> row =
            warning(
                key.substring(0, bar),
                key.substring(bar + 1),
                endDay,
                dec,
                params,
                zone,
                Boolean.TRUE.equals(falsePositiveProne.value()),
                recurrence,
                Instant.ofEpochMilli(ctx.timerService().currentProcessingTime()));
        out.collect(IcebergRows.toRow(ResultProcessor.WARNINGS_SCHEMA, row, RowKind.INSERT));
        raised.update(recurrence + 1);
      }
    }
    for (Long d : prune) {
      days.remove(d);
    }
    if (days.isEmpty()) {
      falsePositiveProne.clear();
      raised.clear();
      pending.clear();
    }
  }

  /**
   * The warning row of an alarming decision for (division, commodity) and the window ending on {@code endDay}.
   *
   * @param falsePositiveProne whether positives of this commodity are known false positives of enzyme inhibition
   *     (alliums, wild-rice stem); said in the details
   * @param recurrence earlier warnings of this key while its days are kept (a burst re-alarms on each window end
   *     day that still contains it; rank_score = severity weight / (1 + recurrence))
   * @param now created_at, UTC
   */
  static Map<String, Object> warning(
      String division,
      String commodity,
      long endDay,
      Decision d,
      WindowRuleParams p,
      ZoneId zone,
      boolean falsePositiveProne,
      int recurrence,
      Instant now) {
    StreamRules.Rule rule = StreamRules.Rule.RAPID_POSITIVE_RATE;
    int w = p.rapidWindowDays();
    long start = endDay - w + 1;
    String details =
        String.format(
            java.util.Locale.ROOT,
            "%s: %d positives of %d rapid tests (%.1f %%) in district %s, commodity %s, over the %d days %s..%s (%s); "
                + "baseline %d positives of %d tests over the %d days %s..%s, rate (%d + %s) / (%d + %s) = %.4f "
                + "(%s); expected %.2f positives, alarm from %d; one-sided exact binomial "
                + "p = P(X >= %d | n = %d, p0 = %.4f) = %.3g < alpha %s%s",
            rule.name(),
            d.windowPositives(),
            d.windowTests(),
            100.0 * d.windowPositives() / d.windowTests(),
            division,
            commodity,
            w,
            WindowRules.text(start),
            WindowRules.text(endDay),
            zone,
            d.baselinePositives(),
            d.baselineTests(),
            p.rapidBaselineDays(),
            WindowRules.text(start - p.rapidBaselineDays()),
            WindowRules.text(start - 1),
            d.baselinePositives(),
            p.rapidPriorPositives(),
            d.baselineTests(),
            p.rapidPriorPositives() + p.rapidPriorNegatives(),
            d.baselineRate(),
            p.rapidPriorPositives() == 0.5 && p.rapidPriorNegatives() == 0.5
                ? "Jeffreys prior Beta(1/2, 1/2)"
                : "prior Beta(" + p.rapidPriorPositives() + ", " + p.rapidPriorNegatives() + ")",
            d.expected(),
            d.criticalCount(),
            d.windowPositives(),
            d.windowTests(),
            d.baselineRate(),
            d.pValue(),
            p.rapidAlpha(),
            falsePositiveProne
                ? "; NOTE: enzyme-inhibition positives on this commodity (allium or wild-rice stem) are "
                    + "often false positives"
                : "");
    double span = d.criticalCount() - d.expected();
    LocalDate end = LocalDate.ofEpochDay(endDay);
    return StreamWarningRow.of(rule, "DISTRICT_COMMODITY", List.of(division, commodity), end, now)
        .where(null, commodity, division, "ALL")
        .observed(d.windowPositives())
        .set("denominator", d.windowTests())
        .set("observed_rate", (double) d.windowPositives() / d.windowTests())
        .set("expected", d.expected())
        .set("threshold", (double) d.criticalCount())
        .set("exceedance_score", span > 0 ? (d.windowPositives() - d.expected()) / span : null)
        .set("method", "binomial_upper_tail(alpha=" + p.rapidAlpha() + ")")
        .set("method_parameters", p.rapidJson(zone.getId()))
        .recurrence(recurrence)
        .group(List.of(division, commodity))
        .set("details", details)
        .row();
  }
}
