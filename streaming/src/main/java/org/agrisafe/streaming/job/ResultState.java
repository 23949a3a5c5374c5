package org.agrisafe.streaming.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;

/**
 * All the keyed state of one result in {@link ResultProcessor}, kept as ONE byte array ({@link #encode}): the
 * revisions seen with their content fingerprints, the current revision's row of {@code monitoring.result_revisions}
 * (Flink's binary row format), the current {@link RuleFact}, and the clean-up expiry ({@link StateTtl}).
 *
 * <p>Why one array: the heap state backend writes every state entry with its key at every checkpoint, and a
 * string is written character by character. Four states per result (as before) wrote the result ID four times and
 * each fingerprint as 32 hex characters; one byte array is one key and one bulk copy. Layout, big-endian: {@code
 * expiry} (long, epoch ms), revision count (int) then per revision its number (int) and 16 fingerprint bytes; a
 * presence byte and the current row ({@link RowDataSerializer}); a presence byte and the current fact
 * ({@link RuleFact#write}). An array from an earlier layout cannot be read: such checkpoints are restored with
 * {@code --restore none}.
 */
public final class ResultState {
  static final int FINGERPRINT_BYTES = 16;

  long expiry;
  int[] revisions = new int[0];
  byte[][] fingerprints = new byte[0][];
  RowData current;
  RuleFact fact;

  /** The fingerprint of {@code revision}, or null when that revision was not seen. */
  byte[] fingerprint(int revision) {
    for (int i = 0; i < revisions.length; i++) {
      if (revisions[i] == revision) {
        return fingerprints[i];
      }
    }
    return null;
  }

  /** Records {@code revision} as seen with {@code fingerprint} (16 bytes). */
  void addRevision(int revision, byte[] fingerprint) {
    revisions = Arrays.copyOf(revisions, revisions.length + 1);
    fingerprints = Arrays.copyOf(fingerprints, fingerprints.length + 1);
    revisions[revisions.length - 1] = revision;
    fingerprints[fingerprints.length - 1] = fingerprint;
  }

  /**
   * The state as bytes.
   *
   * @param rows the serializer of {@code monitoring.result_revisions} rows
   * @param buffer a reused output buffer (cleared here)
   */
  byte[] encode(RowDataSerializer rows, DataOutputSerializer buffer) {
    try {
      buffer.clear();
      buffer.writeLong(expiry);
      buffer.writeInt(revisions.length);
      for (int i = 0; i < revisions.length; i++) {
        buffer.writeInt(revisions[i]);
        buffer.write(fingerprints[i]);
      }
      buffer.writeBoolean(current != null);
      if (current != null) {
        rows.serialize(current, buffer);
      }
      buffer.writeBoolean(fact != null);
      if (fact != null) {
        fact.write(buffer);
      }
      return buffer.getCopyOfBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the state of a result", e);
    }
  }

  /** The expiry (epoch ms) of encoded state: its first 8 bytes (also of the sample operator's state, same header). */
  static long expiryOf(byte[] bytes) {
    return java.nio.ByteBuffer.wrap(bytes).getLong(0);
  }

  /**
   * The state of {@link #encode}, or an empty state (expiry 0, nothing seen) when {@code bytes} is null.
   *
   * @throws IllegalStateException if {@code bytes} is not the output of {@link #encode}
   */
  static ResultState decode(byte[] bytes, RowDataSerializer rows) {
    ResultState s = new ResultState();
    if (bytes == null) {
      return s;
    }
    try {
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      s.expiry = in.readLong();
      int n = in.readInt();
      s.revisions = new int[n];
      s.fingerprints = new byte[n][];
      for (int i = 0; i < n; i++) {
        s.revisions[i] = in.readInt();
        s.fingerprints[i] = new byte[FINGERPRINT_BYTES];
        in.readFully(s.fingerprints[i]);
      }
      s.current = in.readBoolean() ? rows.deserialize(in) : null;
      s.fact = in.readBoolean() ? RuleFact.read(in) : null;
      if (in.available() != 0) {
        throw new IllegalStateException(
            "Cannot decode the state of a result: "
                + in.available()
                + " bytes left over of "
                + bytes.length
                + "; expected none (a checkpoint of an earlier layout: restore "
                + "with --restore none)");
      }
      return s;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new IllegalStateException(
          "Cannot decode the state of a result ("
              + bytes.length
              + " bytes): "
              + e
              + "; a checkpoint of an earlier layout is restored with --restore none",
          e);
    }
  }
}
