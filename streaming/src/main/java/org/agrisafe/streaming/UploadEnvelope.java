package org.agrisafe.streaming;

import java.util.Objects;

/**
 * One uploaded record in transport (Kafka value or a line of a watched-directory file), as a Flink POJO.
 *
 * <p>{@code payload} is the record as one JSON object of the upload format (docs/formats/upload-format.md; CSV
 * uploads are turned into the same JSON object); {@code source} and {@code line} name where it came from (file or
 * topic, 1-based record number) for lineage and rejection messages; {@code receivedAtMs} is the instant the
 * endpoint (or directory reader) received it, epoch milliseconds UTC; {@code lab} is the lab the endpoint
 * authenticated, or null when the record did not come through the endpoint.
 */
public class UploadEnvelope {
  public String source;
  public long line;
  public String payload;
  public long receivedAtMs;
  public String lab;

  public UploadEnvelope() {}

  public UploadEnvelope(String source, long line, String payload, long receivedAtMs, String lab) {
    this.source = source;
    this.line = line;
    this.payload = payload;
    this.receivedAtMs = receivedAtMs;
    this.lab = lab;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadEnvelope e && line == e.line && receivedAtMs == e.receivedAtMs
        && Objects.equals(source, e.source) && Objects.equals(payload, e.payload) && Objects.equals(lab, e.lab);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, payload, receivedAtMs, lab);
  }

  @Override
  public String toString() {
    return source + ":" + line + " " + payload;
  }
}
