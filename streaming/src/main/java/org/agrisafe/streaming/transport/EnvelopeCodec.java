package org.agrisafe.streaming.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The Kafka value of an {@link UploadEnvelope}: a JSON object {@code {"source", "line", "received_at_ms", "lab",
 * "record"}} where {@code record} is the upload-format object. A value that is not such an object is not dropped:
 * it becomes an envelope whose payload is the raw text, rejected downstream.
 */
public final class EnvelopeCodec implements DeserializationSchema<UploadEnvelope> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The Kafka value of an envelope. */
  public static String encode(UploadEnvelope e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("source", e.source);
    o.put("line", e.line);
    o.put("received_at_ms", e.receivedAtMs);
    if (e.lab != null) {
      o.put("lab", e.lab);
    }
    try {
      o.set("record", JSON.readTree(e.payload));
    } catch (IOException ex) {
      o.put("raw", e.payload);
    }
    return o.toString();
  }

  /**
   * The envelope of a Kafka value (see the class comment for bad values). One pass of Jackson's streaming parser
   * takes the envelope fields and the {@code record} object's text as it stands in the value (no tree is built and
   * written back); a value of any other shape (record not an object, a raw payload, repeated fields) takes the
   * tree path below, as before.
   */
  public static UploadEnvelope decode(String value) {
    UploadEnvelope fast = decodeStreaming(value);
    return fast != null ? fast : decodeTree(value);
  }

  /** The common shape, or null for the tree path. */
  static UploadEnvelope decodeStreaming(String value) {
    try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(value)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return null;
      }
      String source = null;
      long line = 0;
      long at = 0;
      String lab = null;
      String payload = null;
      com.fasterxml.jackson.core.JsonToken t;
      while ((t = p.nextToken()) == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        com.fasterxml.jackson.core.JsonToken v = p.nextToken();
        switch (name) {
          case "record" -> {
            if (v != com.fasterxml.jackson.core.JsonToken.START_OBJECT || payload != null) {
              return null;
            }
            int start = (int) p.currentTokenLocation().getCharOffset();
            p.skipChildren();
            int end = (int) p.currentLocation().getCharOffset();
            if (start < 0
                || end > value.length()
                || value.charAt(start) != '{'
                || value.charAt(end - 1) != '}') {
              return null;
            }
            payload = value.substring(start, end);
          }
          case "source" ->
              source = v == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getText() : null;
          case "line", "received_at_ms" -> {
            if (v != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
              return null;
            }
            if (name.equals("line")) {
              line = p.getLongValue();
            } else {
              at = p.getLongValue();
            }
          }
          case "lab" ->
              lab = v == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getText() : null;
          default -> {
            return null;
          }
        }
        if (name.equals("source") && source == null
            || name.equals("lab")
                && lab == null
                && v != com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
          return null;
        }
      }
      if (t != com.fasterxml.jackson.core.JsonToken.END_OBJECT
          || p.nextToken() != null
          || payload == null) {
        return null;
      }
      return new UploadEnvelope(source == null ? "kafka" : source, line, payload, at, lab);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The general path: a Jackson tree. */
  static UploadEnvelope decodeTree(String value) {
    try {
      JsonNode n = JSON.readTree(value);
      if (n != null && n.isObject()) {
        JsonNode rec = n.get("record");
        String payload = rec != null ? rec.toString() : n.path("raw").asText(value);
        return new UploadEnvelope(
            n.path("source").asText("kafka"),
            n.path("line").asLong(0),
            payload,
            n.path("received_at_ms").asLong(0),
            n.hasNonNull("lab") ? n.get("lab").asText() : null);
      }
    } catch (IOException ignored) {
      // falls through: passed on as raw text and rejected downstream
    }
    return new UploadEnvelope("kafka", 0, value, 0, null);
  }

  @Override
  public UploadEnvelope deserialize(byte[] message) {
    return decode(new String(message, StandardCharsets.UTF_8));
  }

  @Override
  public boolean isEndOfStream(UploadEnvelope next) {
    return false;
  }

  @Override
  public TypeInformation<UploadEnvelope> getProducedType() {
    return TypeInformation.of(UploadEnvelope.class);
  }
}
