package org.agrisafe.lakehouse.tables;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.types.Types;

/**
 * The ONE warnings table of the lakehouse and its state-change log (docs/conventions.md §16). Every producer
 * writes to it: batch aberration detection ({@link Producer#BATCH_ABERRATION}), streaming rules
 * ({@link Producer#STREAM_RULE}) and ledger checks ({@link Producer#LEDGER_CHECK}).
 *
 * <p>Types are modelled on the EU RASFF notification classification (Regulation (EU) 2019/1715, Art. 2:
 * alert notification, information notification for follow-up, information notification for attention);
 * lifecycle: {@code NEW → VALIDATED → ESCALATED or CLOSED} (see {@link State#allowedNext()}).
 *
 * <p>{@code warning_id} is deterministic ({@link #warningId}): a hash of producer, measure, series key and
 * period, so a re-run of a producer MERGEs onto the same row instead of duplicating it. Periods are local
 * periods ({@code yyyy-MM} in the deployment's zone); instants are UTC; rates are proportions in [0, 1].
 * This class defines no nested fields (no struct, list or map columns), so there are no nested field IDs.
 */
public final class WarningTables {
  private WarningTables() {}

  /** RASFF-like warning type. */
  public enum Type {
    /** Serious signal needing rapid action (RASFF alert notification). */
    ALERT,
    /** Signal needing follow-up by the competent authority (RASFF information for follow-up). */
    INFORMATION_FOR_FOLLOW_UP,
    /** Signal for attention only (RASFF information for attention). */
    INFORMATION_FOR_ATTENTION
  }

  /** Severity; {@link #weight()} is used in the rank score (severity × novelty). */
  public enum Severity {
    LOW(1),
    MEDIUM(2),
    HIGH(3);

    private final int weight;

    Severity(int weight) {
      this.weight = weight;
    }

    /** 1 (LOW), 2 (MEDIUM) or 3 (HIGH). */
    public int weight() {
      return weight;
    }

    /** The RASFF-like type a warning of this severity gets by default. */
    public Type defaultType() {
      return switch (this) {
        case HIGH -> Type.ALERT;
        case MEDIUM -> Type.INFORMATION_FOR_FOLLOW_UP;
        case LOW -> Type.INFORMATION_FOR_ATTENTION;
      };
    }
  }

  /**
   * Lifecycle state. Allowed transitions: NEW → VALIDATED, NEW → CLOSED (dismissed at triage, e.g. a false
   * alarm), VALIDATED → ESCALATED, VALIDATED → CLOSED, ESCALATED → CLOSED. CLOSED is final.
   */
  public enum State {
    NEW,
    VALIDATED,
    ESCALATED,
    CLOSED;

    private static final Map<State, Set<State>> NEXT =
        Map.of(
            NEW, EnumSet.of(VALIDATED, CLOSED),
            VALIDATED, EnumSet.of(ESCALATED, CLOSED),
            ESCALATED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(State.class));

    /** The states this state may move to (empty for CLOSED). */
    public Set<State> allowedNext() {
      return EnumSet.copyOf(NEXT.get(this));
    }

    /** Whether {@code this → to} is an allowed transition. */
    public boolean canMoveTo(State to) {
      return NEXT.get(this).contains(to);
    }
  }

  /** Who produced a warning. */
  public enum Producer {
    BATCH_ABERRATION,
    STREAM_RULE,
    LEDGER_CHECK
  }

  /**
   * The deterministic warning ID: {@code W-} and the first 32 hex digits of SHA-256 over the parts joined by
   * {@code |} (a null part is written as the empty string).
   *
   * @param producer who raised it
   * @param parts measure, series key columns and period, in a fixed order chosen by the producer
   */
  public static String warningId(Producer producer, List<String> parts) {
    StringBuilder sb = new StringBuilder(producer.name());
    for (String p : parts) {
      sb.append('|').append(p == null ? "" : p);
    }
    return "W-" + sha256Hex(sb.toString()).substring(0, 32);
  }

  /** The group ID of warnings sharing a cause: {@code G-} and 16 hex digits of SHA-256 of the parts. */
  public static String groupId(List<String> parts) {
    return "G-"
        + sha256Hex(String.join("|", parts.stream().map(p -> p == null ? "" : p).toList()))
            .substring(0, 16);
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  // ------------------------------------------------------------------ analytics.warnings
  private static final Schema WARNINGS_SCHEMA =
      new Schema(
          required(
              1,
              "warning_id",
              Types.StringType.get(),
              "Deterministic: W- + SHA-256(producer|measure|series key|period_type|period), see WarningTables"),
          required(
              2,
              "producer",
              Types.StringType.get(),
              "BATCH_ABERRATION, STREAM_RULE or LEDGER_CHECK"),
          required(
              3,
              "warning_type",
              Types.StringType.get(),
              "ALERT, INFORMATION_FOR_FOLLOW_UP or INFORMATION_FOR_ATTENTION (RASFF-like)"),
          required(4, "severity", Types.StringType.get(), "LOW, MEDIUM or HIGH"),
          required(5, "state", Types.StringType.get(), "NEW, VALIDATED, ESCALATED or CLOSED"),
          required(
              6,
              "measure",
              Types.StringType.get(),
              "What was counted, e.g. EXCEEDANCE_SAMPLES (samples with >= 1 result above its MRL)"),
          optional(
              7,
              "series_level",
              Types.StringType.get(),
              "COMMODITY, CATEGORY, ... (grain of the key)"),
          optional(8, "source_system", Types.StringType.get()),
          optional(9, "commodity_code", Types.StringType.get()),
          optional(10, "category", Types.StringType.get()),
          optional(11, "analyte_code", Types.StringType.get()),
          optional(12, "region_code", Types.StringType.get()),
          optional(
              13,
              "programme_scope",
              Types.StringType.get(),
              "Sampling programmes the counts cover"),
          required(14, "period_type", Types.StringType.get(), "MONTH, WEEK or DAY (local zone)"),
          required(15, "period", Types.StringType.get(), "yyyy-MM (local zone) for MONTH"),
          optional(16, "observed", Types.LongType.get(), "Observed count in the period"),
          optional(17, "denominator", Types.LongType.get(), "Samples tested in the period"),
          optional(
              18,
              "observed_rate",
              Types.DoubleType.get(),
              "observed / denominator; null when 0 tested"),
          optional(
              19, "expected", Types.DoubleType.get(), "Expected count (Farrington mu0, EARS mean)"),
          optional(
              20, "threshold", Types.DoubleType.get(), "Alarm threshold, counts (R upperbound)"),
          optional(
              21,
              "exceedance_score",
              Types.DoubleType.get(),
              "(observed - expected) / (threshold - expected); > 1 at an alarm"),
          optional(
              22, "method", Types.StringType.get(), "Detector in R naming, e.g. farrington(3,0,3)"),
          optional(23, "method_parameters", Types.StringType.get(), "Detector parameters as JSON"),
          optional(
              24, "input_snapshot_id", Types.LongType.get(), "Snapshot of the input table read"),
          required(
              25,
              "recurrence",
              Types.IntegerType.get(),
              "Earlier warnings of the same producer and series key (earlier periods)"),
          optional(
              26,
              "group_id",
              Types.StringType.get(),
              "Warnings sharing a cause (e.g. same category+period)"),
          optional(
              27,
              "rank_score",
              Types.DoubleType.get(),
              "severity weight (1-3) x novelty 1/(1+recurrence)"),
          optional(28, "details", Types.StringType.get(), "Human-readable reason"),
          required(
              29,
              "created_at",
              Types.TimestampType.withZone(),
              "First raised, UTC; kept by re-runs"),
          optional(
              30,
              "updated_at",
              Types.TimestampType.withZone(),
              "Last re-run or state change, UTC"));

  public static final TableDef WARNINGS =
      new TableDef(
          Tables.NS_ANALYTICS,
          "warnings",
          "The one warnings table: all producers, RASFF-like types, severities and lifecycle",
          WARNINGS_SCHEMA,
          PartitionSpec.builderFor(WARNINGS_SCHEMA).identity("producer").build(),
          SortOrder.builderFor(WARNINGS_SCHEMA).asc("period").asc("warning_id").build(),
          Map.of(
              "format-version",
              "2",
              "comment",
              "The one warnings table",
              "write.parquet.compression-codec",
              "zstd",
              "write.merge.mode",
              "copy-on-write",
              "write.update.mode",
              "copy-on-write"));

  // ------------------------------------------------------------------ analytics.warning_events
  private static final Schema WARNING_EVENTS_SCHEMA =
      new Schema(
          required(1, "warning_id", Types.StringType.get()),
          optional(2, "from_state", Types.StringType.get(), "Null when the warning was raised"),
          required(3, "to_state", Types.StringType.get()),
          required(4, "who", Types.StringType.get(), "User or producer"),
          optional(5, "why", Types.StringType.get()),
          required(6, "at", Types.TimestampType.withZone(), "UTC"));

  public static final TableDef WARNING_EVENTS =
      new TableDef(
          Tables.NS_ANALYTICS,
          "warning_events",
          "Every state change of a warning (who, why, when)",
          WARNING_EVENTS_SCHEMA,
          PartitionSpec.unpartitioned(),
          SortOrder.builderFor(WARNING_EVENTS_SCHEMA).asc("warning_id").asc("at").build(),
          Map.of("format-version", "2", "comment", "State changes of warnings"));

  /** The warning tables, in creation order (namespace {@code analytics} must exist). */
  public static List<TableDef> all() {
    return List.of(WARNINGS, WARNING_EVENTS);
  }
}
