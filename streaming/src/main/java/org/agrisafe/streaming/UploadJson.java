package org.agrisafe.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.lakehouse.ingest.UploadRecords;

/**
 * Pure functions on upload payloads (one JSON object of the upload format): field map, keying, event time and a
 * content fingerprint for duplicate detection.
 */
public final class UploadJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UploadJson() {}

  /**
   * The fields of a payload as text (JSON numbers as their text, null as null).
   *
   * @throws IllegalArgumentException if the payload is not one JSON object of scalar values, naming the reason
   */
  public static Map<String, String> fields(String payload) {
    JsonNode node;
    try {
      node = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      String m = e.getOriginalMessage();
      throw new IllegalArgumentException("Cannot parse JSON: " + (m == null ? "invalid JSON" : m.split("\n")[0])
          + " (expected one JSON object with string, number or null values)");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("Cannot parse JSON: not a JSON object (expected one JSON object with "
          + "string, number or null values)");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isContainerNode()) {
        throw new IllegalArgumentException("Field '" + e.getKey() + "' is an array or object: expected a string, "
            + "number or null");
      }
      fields.put(e.getKey(), v.isNull() ? null : v.asText());
    }
    return fields;
  }

  /** One JSON object from a field map (CSV uploads), blank cells written as null. */
  public static String toPayload(Map<String, String> fields) {
    ObjectNode o = JSON.createObjectNode();
    fields.forEach((k, v) -> {
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
    try {
      String id = fields(payload).get(UploadRecords.RESULT_ID);
      return id == null ? "" : id.strip();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * Event time: {@code sampled_at} as epoch milliseconds UTC; {@code fallbackMs} when absent or unparsable (such
   * records are rejected downstream, their time does not matter).
   */
  public static long eventTimeMs(String payload, long fallbackMs) {
    try {
      String t = fields(payload).get(UploadRecords.SAMPLED_AT);
      return t == null ? fallbackMs : OffsetDateTime.parse(t.strip()).toInstant().toEpochMilli();
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return fallbackMs;
    }
  }

  /**
   * Fingerprint of a record's content, independent of field order and of blank vs. absent fields: the same
   * (result_id, revision) with the same fingerprint is a duplicate; with another, a conflicting re-use.
   */
  public static String fingerprint(Map<String, String> fields) {
    Map<String, String> sorted = new TreeMap<>();
    fields.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        sorted.put(k, v.strip());
      }
    });
    return sorted.toString();
  }
}
