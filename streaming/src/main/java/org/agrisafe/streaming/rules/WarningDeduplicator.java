package org.agrisafe.streaming.rules;

import java.time.Duration;
import org.agrisafe.streaming.job.StateTtl;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

/**
 * Suppresses repeated warnings, keyed by {@code warning_id}: the first warning of an ID passes, later ones (a
 * correction re-raising the same finding, a replay) are dropped from the output and counted on the
 * {@code warnings_suppressed} metric. The key is forgotten {@code ttl} after the last warning of that ID
 * (processing-time timer).
 */
public class WarningDeduplicator extends KeyedProcessFunction<String, RowData, RowData> {
  private final Duration ttl;
  private transient ValueState<Long> clearAt;
  private transient Counter suppressed;

  /** @param ttl how long an ID is remembered; must be positive */
  public WarningDeduplicator(Duration ttl) {
    if (ttl == null || ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException(
          "Invalid warning dedupe TTL " + ttl + ": expected a positive duration");
    }
    this.ttl = ttl;
  }

  @Override
  public void open(Configuration parameters) {
    clearAt =
        getRuntimeContext().getState(new ValueStateDescriptor<>("warning-clear-at", Types.LONG));
    suppressed =
        getRuntimeContext().getMetricGroup().addGroup("agrisafe").counter("warnings_suppressed");
  }

  @Override
  public void processElement(RowData w, Context ctx, Collector<RowData> out) throws Exception {
    if (clearAt.value() == null) {
      out.collect(w);
    } else {
      suppressed.inc();
    }
    StateTtl.reschedule(clearAt, ctx.timerService(), ttl);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
    if (StateTtl.due(clearAt, timestamp, ctx.timerService())) {
      clearAt.clear();
    }
  }
}
