package org.agrisafe.streaming.transport;

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

  /**
   * Derived, not part of the record: the key the stream partitions by ({@link UploadJson#resultKey}), set by
   * {@link UploadJson#stamp} before the shuffle so that the payload is not scanned again on either side of it;
   * null until then. Not in {@link #toBytes}, {@link #equals} or the Kafka value.
   */
  public String key;

  /** Derived: the event time of {@link UploadJson#eventTimeMs}, valid when {@link #stamped}; not serialized. */
  public transient long eventTimeMs;

  /** Whether {@link #eventTimeMs} was set by {@link UploadJson#stamp} (false after a copy by serialization). */
  public transient boolean stamped;

  public UploadEnvelope() {}

  public UploadEnvelope(String source, long line, String payload, long receivedAtMs, String lab) {
    this.source = source;
    this.line = line;
    this.payload = payload;
    this.receivedAtMs = receivedAtMs;
    this.lab = lab;
  }

  /**
   * The envelope as compact bytes, for keyed state: {@code source}, {@code line}, {@code receivedAtMs}, {@code lab}
   * (each string as a presence byte then its UTF-8 length and bytes), then the payload's UTF-8 bytes to the end.
   * Keyed state holds envelopes this way because a byte array is snapshotted in one write, whereas a String
   * field is written character by character ({@link #fromBytes} reverses it).
   */
  public byte[] toBytes() {
    byte[] src = utf8(source);
    byte[] lb = utf8(lab);
    byte[] p = utf8(payload);
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(2 * 5 + len(src) + len(lb) + 16 + 5 + len(p));
    put(b, src);
    b.putLong(line).putLong(receivedAtMs);
    put(b, lb);
    put(b, p);
    return b.position() == b.capacity()
        ? b.array()
        : java.util.Arrays.copyOf(b.array(), b.position());
  }

  /**
   * The envelope of {@link #toBytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not the output of {@link #toBytes}
   */
  public static UploadEnvelope fromBytes(byte[] bytes) {
    try {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
      String src = get(b);
      long line = b.getLong();
      long at = b.getLong();
      String lab = get(b);
      String payload = get(b);
      if (b.hasRemaining()) {
        throw new IllegalArgumentException(
            "Cannot decode an upload envelope of "
                + bytes.length
                + " bytes: "
                + b.remaining()
                + " bytes left over, expected none");
      }
      return new UploadEnvelope(src, line, payload, at, lab);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException(
          "Cannot decode an upload envelope of "
              + bytes.length
              + " bytes: truncated, expected the output of UploadEnvelope.toBytes",
          e);
    }
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int len(byte[] b) {
    return b == null ? 0 : b.length;
  }

  private static void put(java.nio.ByteBuffer b, byte[] s) {
    if (s == null) {
      b.put((byte) 0);
    } else {
      b.put((byte) 1).putInt(s.length).put(s);
    }
  }

  private static String get(java.nio.ByteBuffer b) {
    if (b.get() == 0) {
      return null;
    }
    int n = b.getInt();
    if (n < 0 || n > b.remaining()) {
      throw new java.nio.BufferUnderflowException();
    }
    String s = new String(b.array(), b.position(), n, java.nio.charset.StandardCharsets.UTF_8);
    b.position(b.position() + n);
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadEnvelope e
        && line == e.line
        && receivedAtMs == e.receivedAtMs
        && Objects.equals(source, e.source)
        && Objects.equals(payload, e.payload)
        && Objects.equals(lab, e.lab);
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
