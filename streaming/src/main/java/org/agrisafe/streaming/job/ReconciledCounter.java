package org.agrisafe.streaming.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A count that is both a metric ({@code <group>.<name>}, live) and a job accumulator ({@code agrisafe.<name>}, summed
 * over subtasks and reported with the job's result, e.g. after stop-with-savepoint), so that the reconciliation
 * received = accepted + rejected can be checked on a finished job as well as watched on a running one.
 */
public final class ReconciledCounter implements Counter {
  private final LongCounter accumulator = new LongCounter();
  private long count;

  private ReconciledCounter() {}

  /** Registers the counter as metric {@code name} in {@code group} and accumulator {@code agrisafe.<name>}. */
  static Counter register(RuntimeContext ctx, MetricGroup group, String name) {
    ReconciledCounter c = new ReconciledCounter();
    ctx.addAccumulator("agrisafe." + name, c.accumulator);
    return group.counter(name, c);
  }

  @Override
  public void inc() {
    inc(1);
  }

  @Override
  public void inc(long n) {
    count += n;
    accumulator.add(n);
  }

  @Override
  public void dec() {
    dec(1);
  }

  @Override
  public void dec(long n) {
    count -= n;
    accumulator.add(-n);
  }

  @Override
  public long getCount() {
    return count;
  }
}
