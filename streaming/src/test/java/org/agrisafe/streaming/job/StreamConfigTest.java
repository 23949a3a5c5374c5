package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reference-poll parameter: its default and its validation. */
class StreamConfigTest {
  @Test
  void referencePollDefaultsToAMinuteAndMustBePositive() {
    assertEquals(
        Duration.ofMillis(StreamConfig.REFERENCE_POLL_MS_DEFAULT),
        StreamConfig.defaults().referencePoll());
    assertEquals(60_000, StreamConfig.REFERENCE_POLL_MS_DEFAULT);
    assertEquals(
        Duration.ofSeconds(5),
        StreamConfig.defaults().withReferencePoll(Duration.ofSeconds(5)).referencePoll());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StreamConfig.defaults().withReferencePoll(Duration.ZERO));
    assertTrue(
        e.getMessage().contains("Invalid reference-poll PT0S: expected a positive duration"),
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> StreamConfig.defaults().withReferencePoll(null));
  }
}
