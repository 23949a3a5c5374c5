package org.agrisafe.streaming;

import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;

/**
 * The explicit state TTL of the keyed operators ({@link ResultProcessor}, {@link SampleProcessor},
 * {@link WarningDeduplicator}): one processing-time timer per key, moved to {@code now + ttl} at every element, whose
 * firing clears the key's state. Explicit timers rather than Flink's state TTL, so that harness tests can see state
 * and timers return to zero.
 */
final class StateTtl {
  private StateTtl() {}

  /**
   * Moves the key's clean-up timer to {@code now + ttl} (processing time, epoch ms UTC).
   *
   * @param cleanupAt the key's state holding its pending timer, updated
   * @throws IOException if the state cannot be read or written
   */
  static void reschedule(ValueState<Long> cleanupAt, TimerService timers, Duration ttl) throws IOException {
    Long previous = cleanupAt.value();
    if (previous != null) {
      timers.deleteProcessingTimeTimer(previous);
    }
    long at = timers.currentProcessingTime() + ttl.toMillis();
    timers.registerProcessingTimeTimer(at);
    cleanupAt.update(at);
  }

  /**
   * Whether the timer firing at {@code timestamp} is the key's pending clean-up (not one a later element replaced).
   *
   * @throws IOException if the state cannot be read
   */
  static boolean due(ValueState<Long> cleanupAt, long timestamp) throws IOException {
    Long at = cleanupAt.value();
    return at != null && at == timestamp;
  }
}
