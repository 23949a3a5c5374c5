package org.agrisafe.streaming;

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

  /** The envelope of a Kafka value (see the class comment for bad values). */
  public static UploadEnvelope decode(String value) {
    try {
      JsonNode n = JSON.readTree(value);
      if (n != null && n.isObject()) {
        JsonNode rec = n.get("record");
        String payload = rec != null ? rec.toString() : n.path("raw").asText(value);
        return new UploadEnvelope(n.path("source").asText("kafka"), n.path("line").asLong(0), payload,
            n.path("received_at_ms").asLong(0), n.hasNonNull("lab") ? n.get("lab").asText() : null);
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
