package org.agrisafe.streaming.job;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import org.agrisafe.lakehouse.config.LakehouseConfig;

/**
 * Parameters of the streaming job, defaults in one place ({@code *_DEFAULT}), validated in the constructor.
 *
 * @param dedupeTtl how long the per-result state (revisions seen, current row) is kept after the last record of a
 *     result; must be longer than any re-upload window. Default {@value #DEDUPE_TTL_DAYS_DEFAULT} days.
 * @param outOfOrderness bounded out-of-orderness of the event-time watermark on {@code sampled_at}. Default
 *     {@value #OUT_OF_ORDERNESS_MS_DEFAULT} ms (labs upload up to a day after sampling).
 * @param checkpointInterval checkpoint interval; Iceberg commits once per checkpoint, so this bounds how soon rows
 *     appear. Default {@value #CHECKPOINT_INTERVAL_MS_DEFAULT} ms.
 * @param zone zone in which days are cut (sample_date, warning periods): the lakehouse's one zone
 *     ({@code LakehouseConfig.zone()}, docs/conventions.md §13.2; {@code StreamingMain} sets it with
 *     {@link #withZone}). Default {@link LakehouseConfig#ZONE_DEFAULT}.
 * @param runId value of {@code ingest_run_id} on rows written by the stream. Default {@value #RUN_ID_DEFAULT}.
 * @param referencePoll how often the reference tables' snapshot IDs are checked ({@code reference-poll-ms});
 *     a change reloads the verdict reference data ({@link ReferencePoller}). Default
 *     {@value #REFERENCE_POLL_MS_DEFAULT} ms.
 */
public record StreamConfig(
    Duration dedupeTtl,
    Duration outOfOrderness,
    Duration checkpointInterval,
    ZoneId zone,
    String runId,
    Duration referencePoll)
    implements Serializable {

  public static final long DEDUPE_TTL_DAYS_DEFAULT = 90;
  public static final long OUT_OF_ORDERNESS_MS_DEFAULT = 24L * 3600 * 1000;
  public static final long CHECKPOINT_INTERVAL_MS_DEFAULT = 5000;
  public static final String RUN_ID_DEFAULT = "stream";
  public static final long REFERENCE_POLL_MS_DEFAULT = 60_000;

  /** @throws IllegalArgumentException on a non-positive duration or a blank run ID */
  public StreamConfig {
    positive("dedupe-ttl", dedupeTtl);
    positive("checkpoint-interval", checkpointInterval);
    positive("reference-poll", referencePoll);
    if (outOfOrderness == null || outOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "Invalid out-of-orderness " + outOfOrderness + ": expected >= 0 ms");
    }
    if (zone == null) {
      throw new IllegalArgumentException(
          "Invalid zone null: expected an IANA zone, e.g. Asia/Shanghai");
    }
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid run ID '" + runId + "': expected a non-blank text");
    }
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(
          "Invalid " + name + " " + d + ": expected a positive duration");
    }
  }

  /** All defaults. */
  public static StreamConfig defaults() {
    return new StreamConfig(
        Duration.ofDays(DEDUPE_TTL_DAYS_DEFAULT),
        Duration.ofMillis(OUT_OF_ORDERNESS_MS_DEFAULT),
        Duration.ofMillis(CHECKPOINT_INTERVAL_MS_DEFAULT),
        ZoneId.of(LakehouseConfig.ZONE_DEFAULT),
        RUN_ID_DEFAULT,
        Duration.ofMillis(REFERENCE_POLL_MS_DEFAULT));
  }

  /** This configuration cutting days in {@code z}, the lakehouse's zone ({@code LakehouseConfig.zone()}). */
  public StreamConfig withZone(ZoneId z) {
    return new StreamConfig(dedupeTtl, outOfOrderness, checkpointInterval, z, runId, referencePoll);
  }

  public StreamConfig withDedupeTtl(Duration d) {
    return new StreamConfig(d, outOfOrderness, checkpointInterval, zone, runId, referencePoll);
  }

  public StreamConfig withCheckpointInterval(Duration d) {
    return new StreamConfig(dedupeTtl, outOfOrderness, d, zone, runId, referencePoll);
  }

  public StreamConfig withReferencePoll(Duration d) {
    return new StreamConfig(dedupeTtl, outOfOrderness, checkpointInterval, zone, runId, d);
  }
}
