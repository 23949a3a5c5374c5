package org.agrisafe.streaming.job;

import java.io.IOException;
import java.time.Duration;
import org.agrisafe.streaming.rules.WarningDeduplicator;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;

/**
 * The explicit state TTL of the keyed operators ({@link ResultProcessor}, {@link SampleProcessor},
 * {@link WarningDeduplicator}): each key has an expiry, {@code now + ttl} after its last element (processing time,
 * epoch ms UTC), and at most one pending processing-time clean-up timer. An element only moves the expiry; the timer
 * is registered when the key has none. When the timer fires before the expiry (the key saw elements since), it is
 * re-armed at the expiry; when it fires at or after the expiry, the key's state is cleared. So a busy key costs one
 * state write per element, not a timer deletion and insertion (the timer queue's cost dominated the keyed operators
 * at high rates), and state and timers still return to zero {@code ttl} after a key's last element, which the
 * harness tests check (explicit timers rather than Flink's state TTL, whose heap clean-up is lazy).
 */
public final class StateTtl {
  private StateTtl() {}

  /**
   * The key's new expiry after an element: {@code now + ttl}; registers the clean-up timer at it when
   * {@code expiry} is 0 (no timer pending).
   *
   * @param expiry the key's current expiry, epoch ms, or 0 when it has none (new or cleared key)
   * @return the new expiry, epoch ms UTC, to be kept in the key's state
   */
  static long touch(long expiry, TimerService timers, Duration ttl) {
    long at = timers.currentProcessingTime() + ttl.toMillis();
    if (expiry == 0) {
      timers.registerProcessingTimeTimer(at);
    }
    return at;
  }

  /**
   * On a clean-up timer firing at {@code timestamp}: true when the key has expired (the caller clears its state);
   * otherwise re-arms the timer at {@code expiry} and returns false.
   *
   * @param expiry the key's expiry, epoch ms, or 0 when it has none (then nothing is due)
   */
  static boolean expired(long expiry, long timestamp, TimerService timers) {
    if (expiry == 0) {
      return false;
    }
    if (expiry > timestamp) {
      timers.registerProcessingTimeTimer(expiry);
      return false;
    }
    return true;
  }

  /**
   * {@link #touch} with the expiry kept in its own state.
   *
   * @param expiry the key's state holding its expiry (null when none), updated
   * @throws IOException if the state cannot be read or written
   */
  public static void reschedule(ValueState<Long> expiry, TimerService timers, Duration ttl)
      throws IOException {
    Long previous = expiry.value();
    expiry.update(touch(previous == null ? 0 : previous, timers, ttl));
  }

  /**
   * {@link #expired} with the expiry kept in its own state.
   *
   * @throws IOException if the state cannot be read
   */
  public static boolean due(ValueState<Long> expiry, long timestamp, TimerService timers)
      throws IOException {
    Long at = expiry.value();
    return expired(at == null ? 0 : at, timestamp, timers);
  }
}
