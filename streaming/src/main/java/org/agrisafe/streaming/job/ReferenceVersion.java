package org.agrisafe.streaming.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.IcebergReference;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.InstantiationUtil;

/**
 * One version of the verdict reference data (limits/MRLs, bans, analytes, commodities) as it travels on the
 * broadcast stream and lives in the {@link ResultProcessor}'s broadcast state.
 *
 * <p>A Flink POJO (public fields, no-argument constructor) so that Flink serializes it without Kryo: the
 * {@link Judging} travels as Java-serialized bytes (its collections are immutable JDK collections, which Kryo
 * cannot rebuild) and is deserialized once per operator instance and version ({@link #judging()}).
 *
 * <p>{@link #version} names the Iceberg snapshot of each reference table the data was read from, e.g.
 * {@code reference.commodities@123 reference.limits@456 reference.bans@789 reference.analytes@none}
 * ({@code none}: the table has no snapshot). {@link #loadedAtMs} (epoch ms, UTC) orders versions: the newer
 * load wins (see {@link ResultProcessor}).
 */
public class ReferenceVersion implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The snapshot IDs of the reference tables, as text; see the class comment. */
  public String version;

  /** When the data was loaded, epoch milliseconds. */
  public long loadedAtMs;

  /** The Java-serialized {@link Judging}. */
  public byte[] judgingBytes;

  private transient Judging judging;

  /** For Flink's POJO serializer. */
  public ReferenceVersion() {}

  /**
   * @param version the snapshot IDs of the reference tables (non-blank)
   * @param loadedAtMs when it was loaded, epoch ms
   * @param judging the verdict rules with their reference data
   * @throws IllegalArgumentException on a blank version or null rules
   */
  public ReferenceVersion(String version, long loadedAtMs, Judging judging) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid reference version '" + version + "': expected snapshot IDs");
    }
    if (judging == null) {
      throw new IllegalArgumentException(
          "Invalid verdict rules null for reference version " + version);
    }
    this.version = version;
    this.loadedAtMs = loadedAtMs;
    this.judging = judging;
    try {
      this.judgingBytes = InstantiationUtil.serializeObject(judging);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize reference version " + version, e);
    }
  }

  /** The verdict rules of this version (deserialized on first use). */
  public Judging judging() {
    if (judging == null) {
      try {
        judging =
            InstantiationUtil.deserializeObject(
                judgingBytes, Thread.currentThread().getContextClassLoader());
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException("Cannot deserialize reference version " + version, e);
      }
    }
    return judging;
  }

  /** The Flink type of a version (a POJO type, not Kryo). */
  public static final TypeInformation<ReferenceVersion> TYPE =
      TypeInformation.of(ReferenceVersion.class);

  /**
   * The broadcast state of the operators that judge ({@link ResultProcessor}, {@link SampleProcessor}): the version
   * in force under key {@link #CURRENT}.
   */
  public static final MapStateDescriptor<String, ReferenceVersion> STATE =
      new MapStateDescriptor<>("reference-data", Types.STRING, TYPE);

  public static final String CURRENT = "current";

  /** Stores a broadcast version in {@code state}, unless the state holds a newer one. */
  public static void store(BroadcastState<String, ReferenceVersion> state, ReferenceVersion v)
      throws Exception {
    state.put(CURRENT, newer(state.get(CURRENT), v));
  }

  /**
   * The version in force for an operator built with {@code initial} (the version loaded at job start): the newer of
   * it and the broadcast one. So no record is judged without reference data, and a version restored from a
   * checkpoint does not replace a newer load at restart.
   */
  public static ReferenceVersion inForce(
      ReferenceVersion initial, ReadOnlyBroadcastState<String, ReferenceVersion> state)
      throws Exception {
    return newer(initial, state.get(CURRENT));
  }

  /** The newer of two versions by {@link #loadedAtMs}; {@code a} when {@code b} is null and vice versa. */
  public static ReferenceVersion newer(ReferenceVersion a, ReferenceVersion b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.loadedAtMs > a.loadedAtMs ? b : a;
  }

  @Override
  public String toString() {
    return "ReferenceVersion["
        + version
        + ", loaded at "
        + java.time.Instant.ofEpochMilli(loadedAtMs)
        + "]";
  }

  /**
   * Loads the lakehouse's reference tables at their current snapshots ({@link IcebergReference#load}).
   *
   * @param nowMs the load time, epoch ms ({@link #loadedAtMs})
   * @throws IllegalArgumentException if the commodity rows do not form a hierarchy
   */
  public static ReferenceVersion load(org.apache.iceberg.catalog.Catalog catalog, long nowMs) {
    IcebergReference.Loaded l = IcebergReference.load(catalog);
    return new ReferenceVersion(l.version(), nowMs, new Judging(l.data()));
  }

  /** A version that never changes: {@code judging} under the name "fixed", loaded now (jobs without a poller). */
  public static ReferenceVersion fixed(org.agrisafe.intake.judging.Judging judging) {
    return new ReferenceVersion("fixed", System.currentTimeMillis(), judging);
  }
}
