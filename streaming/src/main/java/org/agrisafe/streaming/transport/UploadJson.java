package org.agrisafe.streaming.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.intake.ingest.UploadRecords;

/**
 * Pure functions on upload payloads (one JSON object of the upload format): field map, keying, event time and a
 * content fingerprint for duplicate detection.
 */
public final class UploadJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UploadJson() {}

  /**
   * The fields of a payload as text (JSON numbers as their text, null as null; a repeated field keeps its last
   * value). One pass of Jackson's streaming parser, no tree: the same values as {@code ObjectMapper.readTree}
   * followed by {@code asText()} (integers as written, decimals as {@link Double#toString}).
   *
   * @throws IllegalArgumentException if the payload is not one JSON object of scalar values, naming the reason
   */
  public static Map<String, String> fields(String payload) {
    return org.agrisafe.intake.ingest.UploadJsonFields.fields(payload);
  }

  /**
   * The text of one field of a payload (its last occurrence), or null when absent, null, or the payload is not a
   * JSON object of scalars. Streams through the payload without building a map: used per record by the key
   * selector (twice per record, on both sides of the shuffle) and the timestamp assigner.
   */
  public static String field(String payload, String name) {
    return org.agrisafe.intake.ingest.UploadJsonFields.field(payload, name);
  }

  /** One JSON object from a field map (CSV uploads), blank cells written as null. */
  public static String toPayload(Map<String, String> fields) {
    ObjectNode o = JSON.createObjectNode();
    fields.forEach(
        (k, v) -> {
          if (v == null || v.isBlank()) {
            o.putNull(k);
          } else {
            o.put(k, v);
          }
        });
    return o.toString();
  }

  /**
   * The key the stream partitions by: the trimmed {@code result_id}, or the empty string when the payload has none
   * or is not JSON (such records are rejected downstream).
   */
  public static String resultKey(String payload) {
    return key(field(payload, UploadRecords.RESULT_ID));
  }

  /** The partitioning key of a {@code result_id} text (null when absent): trimmed, or the empty string. */
  private static String key(String resultId) {
    return resultId == null ? "" : resultId.strip();
  }

  /**
   * Sets the envelope's derived {@code key} ({@link #resultKey}) and {@code eventTimeMs} ({@link #eventTimeMs},
   * falling back to {@code receivedAtMs}) from ONE scan of its payload, before the stream is keyed: the key
   * selector on both sides of the shuffle and the timestamp assigner then read the fields instead of scanning the
   * payload three times.
   */
  public static void stamp(UploadEnvelope e) {
    String[] found =
        org.agrisafe.intake.ingest.UploadJsonFields.values(
            e.payload, UploadRecords.RESULT_ID, UploadRecords.SAMPLED_AT);
    e.key = key(found[0]);
    e.eventTimeMs = timeMs(found[1], e.receivedAtMs);
    e.stamped = true;
  }

  /**
   * Event time: {@code sampled_at} as epoch milliseconds UTC; {@code fallbackMs} when absent or unparsable (such
   * records are rejected downstream, their time does not matter).
   */
  public static long eventTimeMs(String payload, long fallbackMs) {
    return timeMs(field(payload, UploadRecords.SAMPLED_AT), fallbackMs);
  }

  /**
   * {@code sampled_at} text as epoch ms UTC, read as validation reads it ({@link UploadRecords#sampledAt}), or
   * {@code fallbackMs} when absent or invalid.
   */
  private static long timeMs(String t, long fallbackMs) {
    return UploadRecords.sampledAt(t).map(at -> at.toInstant().toEpochMilli()).orElse(fallbackMs);
  }

  /**
   * Fingerprint of a record's content, independent of field order and of blank vs. absent fields: the same
   * (result_id, revision) with the same fingerprint is a duplicate; with another, a conflicting re-use. It is the
   * first 128 bits of SHA-256 (FIPS 180-4) over the sorted, trimmed {@code name=value} pairs, as 32 hex digits:
   * the keyed state keeps this per revision, not the record (checkpoints of 100k-result state stay small); a
   * collision between two revisions of one result is beyond practical reach (about 2^-128).
   */
  public static String fingerprint(Map<String, String> fields) {
    return java.util.HexFormat.of().formatHex(fingerprintBytes(fields));
  }

  /** The {@link #fingerprint} as its 16 bytes (keyed state keeps these). */
  public static byte[] fingerprintBytes(Map<String, String> fields) {
    Map<String, String> sorted = new TreeMap<>();
    fields.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            sorted.put(k, v.strip());
          }
        });
    return digestBytes(sorted.toString());
  }

  /** The first 128 bits of SHA-256 (FIPS 180-4) of {@code text}'s UTF-8 bytes, as 32 lower-case hex digits. */
  static String digest(String text) {
    return java.util.HexFormat.of().formatHex(digestBytes(text));
  }

  /** The first 128 bits of SHA-256 (FIPS 180-4) of {@code text}'s UTF-8 bytes. */
  static byte[] digestBytes(String text) {
    java.security.MessageDigest sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    return java.util.Arrays.copyOf(
        sha.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 16);
  }
}
