package org.agrisafe.lakehouse.tables;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.types.Types;

/**
 * Every table of the AgriSafe lakehouse, defined once. The namespaces show the platforms of the bureau's plan:
 *
 * <ul>
 *   <li>{@code reference}: analytes (with ADI), bans as rules, the commodity hierarchy (GB 2763 Annex A shape),
 *       limits (MRL or must-not-be-detected, with standard and dates in force), regions;
 *   <li>{@code monitoring}: platform 1, samples, current results, all result revisions, rejected records and
 *       ingest runs;
 *   <li>{@code analytics}: outputs of the batch jobs (pass rates, warnings, ...).
 * </ul>
 *
 * <p>Time: instants are {@code timestamptz} (UTC). Periods are cut in the deployment's zone and stored as
 * columns ({@code sample_month} = {@code yyyy-MM} in that zone), because Iceberg's {@code months()} transform
 * cuts in UTC: a sample taken 2024-07-01 00:30 +08:00 belongs to July. Units: concentrations in mg/kg, rates as
 * proportions in [0, 1], inhibition in %.
 */
public final class Tables {
  private Tables() {}

  public static final String NS_REFERENCE = "reference";
  public static final String NS_MONITORING = "monitoring";
  public static final String NS_ANALYTICS = "analytics";

  /** All namespaces, in creation order. */
  public static final List<String> NAMESPACES = List.of(NS_REFERENCE, NS_MONITORING, NS_ANALYTICS);

  private static Map<String, String> props(String doc, String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("format-version", "2");
    m.put("comment", doc);
    m.put("write.parquet.compression-codec", "zstd");
    m.put("write.metadata.delete-after-commit.enabled", "true");
    m.put("write.metadata.previous-versions-max", "50");
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * Doc of the {@code reference_version} column of the verdict tables: the reference tables' snapshots the row was
   * judged with, {@code <table>@<snapshot id>} per reference table, space separated (docs/conventions.md §3.7).
   */
  private static final String REFERENCE_VERSION_DOC =
      "Reference snapshots judged with: <table>@<snapshot id> per reference table, space separated";

  // ------------------------------------------------------------------ monitoring.samples
  private static final Schema SAMPLES_SCHEMA =
      new Schema(
          required(
              1,
              "sample_id",
              Types.StringType.get(),
              "Globally unique: <source_system>:<source_sample_id>"),
          required(
              2, "source_system", Types.StringType.get(), "UK_PRIF, CN_SAMR or PLATFORM_UPLOAD"),
          required(3, "source_sample_id", Types.StringType.get()),
          optional(4, "source_file", Types.StringType.get()),
          optional(
              5,
              "source_line",
              Types.LongType.get(),
              "1-based line of the sample header in the source"),
          required(
              6,
              "programme",
              Types.StringType.get(),
              "RANDOM_MONITORING, RISK_TARGETED, FOLLOW_UP, SELF_CHECK or UNKNOWN"),
          optional(7, "sampled_at", Types.TimestampType.withZone(), "Sampling instant, UTC"),
          required(8, "sample_date", Types.DateType.get(), "Sampling date in the source's zone"),
          required(
              9, "sample_month", Types.StringType.get(), "yyyy-MM of sample_date (local zone)"),
          optional(10, "zone", Types.StringType.get(), "IANA zone the local periods are cut in"),
          optional(11, "commodity_code", Types.StringType.get(), "Normalised commodity key"),
          optional(12, "commodity_raw", Types.StringType.get()),
          optional(
              13,
              "category",
              Types.StringType.get(),
              "Commodity category (GB 2763 Annex A level 1)"),
          optional(14, "organic", Types.BooleanType.get()),
          optional(15, "description", Types.StringType.get()),
          optional(16, "country_of_origin_raw", Types.StringType.get()),
          optional(
              17,
              "origin_iso2",
              Types.StringType.get(),
              "ISO 3166-1 alpha-2 of the country of origin"),
          optional(18, "region_scheme", Types.StringType.get(), "CN_ADCODE or ISO3166_1"),
          optional(
              19,
              "region_code",
              Types.StringType.get(),
              "Division code (adcode) of the sampling place"),
          optional(20, "lon", Types.DoubleType.get(), "WGS-84 longitude, degrees"),
          optional(21, "lat", Types.DoubleType.get(), "WGS-84 latitude, degrees"),
          optional(22, "lab_id", Types.StringType.get()),
          optional(23, "lab_level", Types.StringType.get()),
          optional(24, "sampling_stage", Types.StringType.get()),
          optional(
              25, "sampling_point", Types.StringType.get(), "Normalised retailer / market / base"),
          optional(26, "address", Types.StringType.get()),
          optional(27, "producer_id", Types.StringType.get()),
          optional(28, "trace_code", Types.StringType.get()),
          optional(29, "brand", Types.StringType.get()),
          optional(30, "packer", Types.StringType.get()),
          required(
              31,
              "sample_verdict",
              Types.StringType.get(),
              "PASS or FAIL (docs/conventions.md §10); NOT_JUDGED for rapid-test-only samples (§9.4)"),
          required(
              32,
              "verdict_published_by_source",
              Types.BooleanType.get(),
              "True when the verdict is the source's own sample-level verdict (e.g. 合格/不合格)"),
          required(33, "n_results", Types.IntegerType.get()),
          required(34, "n_detected", Types.IntegerType.get()),
          required(35, "has_detection", Types.BooleanType.get()),
          required(36, "has_exceedance", Types.BooleanType.get(), "At least one result > its MRL"),
          required(
              37,
              "has_non_compliant",
              Types.BooleanType.get(),
              "At least one result with value - U > MRL"),
          required(38, "has_banned_detection", Types.BooleanType.get()),
          required(
              39,
              "n_no_standard",
              Types.IntegerType.get(),
              "Detected results with no applicable limit"),
          required(
              40,
              "detected_without_standard",
              Types.BooleanType.get(),
              "PASS whose only detections have no applicable limit"),
          optional(
              41, "rapid_outcome", Types.StringType.get(), "POSITIVE/NEGATIVE when rapid-tested"),
          optional(
              42,
              "rapid_confirmation",
              Types.StringType.get(),
              "CONFIRMED_FAIL, NOT_CONFIRMED or AWAITING_CONFIRMATION for rapid positives"),
          optional(
              43,
              "attributes",
              Types.MapType.ofOptional(48, 49, Types.StringType.get(), Types.StringType.get()),
              "Source-specific extras"),
          required(44, "is_synthetic", Types.BooleanType.get()),
          optional(45, "ingest_run_id", Types.StringType.get()),
          optional(46, "ingested_at", Types.TimestampType.withZone()),
          required(
              47,
              "test_kind",
              Types.StringType.get(),
              "QUANTITATIVE, RAPID (rapid tests only: reported apart), MIXED or PUBLISHED_VERDICT"),
          optional(50, "reference_version", Types.StringType.get(), REFERENCE_VERSION_DOC));

  /**
   * Partitioned by source, local month and test kind: a month's job reads only that month's files, and the
   * quantitative figures (about 1 sample in 81 at the bureau's 80:1 rapid:quantitative ratio) skip the rapid-test
   * files at planning time (identity partition on {@code test_kind}; measured in {@code PassRateCubeBenchmark}).
   */
  public static final TableDef SAMPLES =
      new TableDef(
          NS_MONITORING,
          "samples",
          "One row per sample (样品) with its sample-level verdict",
          SAMPLES_SCHEMA,
          PartitionSpec.builderFor(SAMPLES_SCHEMA)
              .identity("source_system")
              .identity("sample_month")
              .identity("test_kind")
              .build(),
          SortOrder.builderFor(SAMPLES_SCHEMA).asc("sample_date").asc("sample_id").build(),
          props("One row per sample with its sample-level verdict"));

  // ------------------------------------------------------------------ monitoring.results (+
  // revisions)
  private static Schema resultSchema(boolean history) {
    List<Types.NestedField> f =
        new java.util.ArrayList<>(
            List.of(
                required(
                    1, "result_id", Types.StringType.get(), "Unique per (sample, analyte, method)"),
                required(
                    2,
                    "revision",
                    Types.IntegerType.get(),
                    "1 = first upload; higher = lab correction"),
                required(3, "sample_id", Types.StringType.get()),
                required(4, "source_system", Types.StringType.get()),
                required(
                    5,
                    "sample_month",
                    Types.StringType.get(),
                    "yyyy-MM of the sample date (local zone)"),
                required(6, "sample_date", Types.DateType.get()),
                optional(7, "commodity_code", Types.StringType.get()),
                optional(8, "analyte_raw", Types.StringType.get()),
                optional(
                    9, "analyte_code", Types.StringType.get(), "Normalised residue-definition key"),
                required(10, "method_type", Types.StringType.get(), "QUANTITATIVE or RAPID"),
                optional(11, "method", Types.StringType.get()),
                optional(12, "value_raw", Types.StringType.get()),
                optional(13, "unit_raw", Types.StringType.get()),
                optional(14, "value_mg_per_kg", Types.DoubleType.get()),
                optional(15, "lod_mg_per_kg", Types.DoubleType.get()),
                optional(16, "loq_mg_per_kg", Types.DoubleType.get()),
                optional(17, "reported_below_lod", Types.BooleanType.get()),
                optional(18, "reported_below_loq", Types.BooleanType.get()),
                optional(19, "inhibition_rate_pct", Types.DoubleType.get(), "Enzyme inhibition, %"),
                optional(20, "strip_positive", Types.BooleanType.get()),
                optional(
                    21,
                    "detection",
                    Types.StringType.get(),
                    "NOT_DETECTED, DETECTED_NOT_QUANTIFIED or QUANTIFIED"),
                required(
                    22,
                    "verdict",
                    Types.StringType.get(),
                    "PASS, FAIL or NO_STANDARD (quantitative); POSITIVE or NEGATIVE (rapid)"),
                required(23, "exceeds", Types.BooleanType.get(), "value > MRL, strictly"),
                required(
                    24,
                    "non_compliant",
                    Types.BooleanType.get(),
                    "value - U > MRL (EFSA); never the verdict"),
                optional(25, "mrl_mg_per_kg", Types.DoubleType.get()),
                optional(26, "limit_type", Types.StringType.get(), "NUMERIC_MRL or NOT_DETECTABLE"),
                optional(
                    27,
                    "limit_source",
                    Types.StringType.get(),
                    "Standard and version, or the source's MRL"),
                optional(28, "limit_rule_id", Types.StringType.get()),
                optional(29, "published_mrl_flags", Types.StringType.get()),
                optional(30, "published_exceeds_flag", Types.BooleanType.get()),
                required(31, "banned_detection", Types.BooleanType.get()),
                optional(32, "ban_rule_ids", Types.StringType.get()),
                optional(
                    33,
                    "unverified_ban_rule_ids",
                    Types.StringType.get(),
                    "Unverified ban rows that matched; information only, never a verdict"),
                optional(34, "rapid_confirmation", Types.StringType.get()),
                optional(
                    35,
                    "false_positive_prone",
                    Types.BooleanType.get(),
                    "Rapid positive on alliums or wild-rice stem"),
                optional(
                    36, "reason", Types.StringType.get(), "Human-readable reason of the verdict"),
                optional(37, "source_file", Types.StringType.get()),
                optional(38, "source_line", Types.LongType.get()),
                required(39, "is_synthetic", Types.BooleanType.get()),
                optional(40, "ingest_run_id", Types.StringType.get()),
                optional(41, "ingested_at", Types.TimestampType.withZone()),
                optional(44, "reference_version", Types.StringType.get(), REFERENCE_VERSION_DOC)));
    if (history) {
      f.add(
          required(
              42, "is_current", Types.BooleanType.get(), "False once a higher revision arrived"));
      f.add(optional(43, "superseded_by_revision", Types.IntegerType.get()));
    }
    return new Schema(f);
  }

  private static final Schema RESULTS_SCHEMA = resultSchema(false);
  private static final Schema RESULT_REVISIONS_SCHEMA = resultSchema(true);

  /** Current revision of every result: exactly one row per result_id. */
  public static final TableDef RESULTS =
      new TableDef(
          NS_MONITORING,
          "results",
          "Current revision of each result (sample x analyte x method)",
          RESULTS_SCHEMA,
          PartitionSpec.builderFor(RESULTS_SCHEMA)
              .identity("source_system")
              .identity("sample_month")
              .build(),
          SortOrder.builderFor(RESULTS_SCHEMA).asc("sample_id").asc("analyte_code").build(),
          props(
              "Current revision of each result",
              "write.merge.mode",
              "merge-on-read",
              "write.update.mode",
              "merge-on-read",
              "write.delete.mode",
              "merge-on-read"));

  /** Every revision ever received (history of lab corrections). */
  public static final TableDef RESULT_REVISIONS =
      new TableDef(
          NS_MONITORING,
          "result_revisions",
          "Every revision of every result, corrections kept",
          RESULT_REVISIONS_SCHEMA,
          PartitionSpec.builderFor(RESULT_REVISIONS_SCHEMA)
              .identity("source_system")
              .identity("sample_month")
              .build(),
          SortOrder.builderFor(RESULT_REVISIONS_SCHEMA).asc("result_id").asc("revision").build(),
          props("Every revision of every result"));

  // ------------------------------------------------------------------ monitoring.rejected_records
  private static final Schema REJECTED_SCHEMA =
      new Schema(
          required(1, "ingest_run_id", Types.StringType.get()),
          required(2, "source_system", Types.StringType.get()),
          optional(3, "source_file", Types.StringType.get()),
          optional(4, "source_line", Types.LongType.get()),
          optional(5, "record_key", Types.StringType.get(), "Sample or result id when known"),
          optional(6, "field", Types.StringType.get()),
          required(7, "reason", Types.StringType.get()),
          optional(8, "raw_text", Types.StringType.get()),
          optional(9, "rejected_at", Types.TimestampType.withZone()));

  public static final TableDef REJECTED_RECORDS =
      new TableDef(
          NS_MONITORING,
          "rejected_records",
          "Records rejected by validation, with file, line, field and reason",
          REJECTED_SCHEMA,
          PartitionSpec.builderFor(REJECTED_SCHEMA).identity("source_system").build(),
          SortOrder.builderFor(REJECTED_SCHEMA).asc("source_file").asc("source_line").build(),
          props("Records rejected by validation"));

  // ------------------------------------------------------------------ monitoring.ingest_runs
  private static final Schema INGEST_RUNS_SCHEMA =
      new Schema(
          required(1, "ingest_run_id", Types.StringType.get()),
          required(2, "source_system", Types.StringType.get()),
          optional(3, "source_path", Types.StringType.get()),
          optional(
              4,
              "content_sha256",
              Types.StringType.get(),
              "Digest of the input, for idempotent re-runs"),
          optional(5, "started_at", Types.TimestampType.withZone()),
          optional(6, "finished_at", Types.TimestampType.withZone()),
          required(7, "samples_received", Types.LongType.get()),
          required(8, "samples_accepted", Types.LongType.get()),
          required(9, "samples_rejected", Types.LongType.get()),
          required(10, "results_accepted", Types.LongType.get()),
          optional(
              11,
              "row_counts",
              Types.MapType.ofRequired(12, 13, Types.StringType.get(), Types.LongType.get()),
              "Source rows by kind: SAMPLE_HEADER, CONTINUATION, LABEL_ROW, BLANK, DUPLICATE, REJECTED"));

  public static final TableDef INGEST_RUNS =
      new TableDef(
          NS_MONITORING,
          "ingest_runs",
          "One row per ingest run with its reconciled counts",
          INGEST_RUNS_SCHEMA,
          PartitionSpec.unpartitioned(),
          SortOrder.unsorted(),
          props("One row per ingest run with reconciled counts"));

  // ------------------------------------------------------------------ reference
  private static final Schema ANALYTES_SCHEMA =
      new Schema(
          required(1, "analyte_code", Types.StringType.get(), "Normalised residue-definition key"),
          optional(2, "name_en", Types.StringType.get()),
          optional(3, "name_zh", Types.StringType.get()),
          optional(4, "cas", Types.StringType.get()),
          optional(
              5, "substance", Types.StringType.get(), "OpenFoodTox substance the ADI belongs to"),
          optional(6, "adi_mg_per_kg_bw_day", Types.DoubleType.get()),
          optional(7, "arfd_mg_per_kg_bw", Types.DoubleType.get()),
          optional(8, "adi_source", Types.StringType.get()));

  public static final TableDef ANALYTES =
      new TableDef(
          NS_REFERENCE,
          "analytes",
          "Analytes / residue definitions with ADI",
          ANALYTES_SCHEMA,
          PartitionSpec.unpartitioned(),
          SortOrder.unsorted(),
          props("Analytes with ADI"));

  private static final Schema BANS_SCHEMA =
      new Schema(
          required(1, "rule_id", Types.StringType.get()),
          required(2, "substance_code", Types.StringType.get()),
          optional(3, "name_zh", Types.StringType.get()),
          optional(4, "name_en", Types.StringType.get()),
          required(
              5,
              "rule_type",
              Types.StringType.get(),
              "BANNED, BANNED_FROM_DATE or RESTRICTED_SCOPE"),
          optional(6, "scope_text_zh", Types.StringType.get()),
          optional(
              7,
              "scope_commodity_codes",
              Types.ListType.ofRequired(12, Types.StringType.get()),
              "Empty = all uses"),
          optional(8, "effective_from", Types.DateType.get()),
          required(
              9,
              "verified",
              Types.BooleanType.get(),
              "Only verified rows drive verdicts and warnings"),
          optional(10, "legal_basis", Types.StringType.get()),
          optional(11, "source", Types.StringType.get()));

  public static final TableDef BANS =
      new TableDef(
          NS_REFERENCE,
          "bans",
          "Banned/restricted substances as rules with scope and date",
          BANS_SCHEMA,
          PartitionSpec.unpartitioned(),
          SortOrder.unsorted(),
          props("Bans as rules"));

  private static final Schema COMMODITIES_SCHEMA =
      new Schema(
          required(1, "commodity_code", Types.StringType.get()),
          optional(2, "parent_code", Types.StringType.get()),
          required(3, "level", Types.StringType.get(), "CATEGORY, GROUP, SUBGROUP or COMMODITY"),
          optional(4, "name_en", Types.StringType.get()),
          optional(5, "name_zh", Types.StringType.get()),
          optional(6, "category", Types.StringType.get()));

  public static final TableDef COMMODITIES =
      new TableDef(
          NS_REFERENCE,
          "commodities",
          "Commodity hierarchy (GB 2763 Annex A shape)",
          COMMODITIES_SCHEMA,
          PartitionSpec.unpartitioned(),
          SortOrder.unsorted(),
          props("Commodities"));

  private static final Schema LIMITS_SCHEMA =
      new Schema(
          required(1, "rule_id", Types.StringType.get()),
          required(2, "analyte_code", Types.StringType.get()),
          required(3, "commodity_code", Types.StringType.get(), "Commodity or group node"),
          optional(
              4, "excluded_commodity_codes", Types.ListType.ofRequired(11, Types.StringType.get())),
          required(5, "limit_type", Types.StringType.get(), "NUMERIC_MRL or NOT_DETECTABLE"),
          optional(6, "mrl_mg_per_kg", Types.DoubleType.get()),
          required(
              7, "standard", Types.StringType.get(), "Standard with version, e.g. GB 2763-2021"),
          optional(8, "valid_from", Types.DateType.get()),
          optional(9, "valid_to", Types.DateType.get(), "Exclusive"),
          optional(10, "source", Types.StringType.get()));

  public static final TableDef LIMITS =
      new TableDef(
          NS_REFERENCE,
          "limits",
          "Limits (MRL / must not be detected) with standard and dates",
          LIMITS_SCHEMA,
          PartitionSpec.unpartitioned(),
          SortOrder.unsorted(),
          props("Limits"));

  private static final Schema REGIONS_SCHEMA =
      new Schema(
          required(1, "scheme", Types.StringType.get(), "CN_ADCODE or ISO3166_1"),
          required(2, "code", Types.StringType.get()),
          optional(3, "name", Types.StringType.get()),
          optional(4, "name_zh", Types.StringType.get()),
          optional(5, "level", Types.StringType.get(), "COUNTRY, PROVINCE, CITY, COUNTY, TOWNSHIP"),
          optional(6, "parent_code", Types.StringType.get()),
          optional(7, "geometry_wkt", Types.StringType.get(), "WGS-84 lon/lat WKT"),
          optional(
              8,
              "geometry_source_crs",
              Types.StringType.get(),
              "CRS of the source file, e.g. GCJ-02"));

  public static final TableDef REGIONS =
      new TableDef(
          NS_REFERENCE,
          "regions",
          "Regions with scheme, code, level, parent and geometry",
          REGIONS_SCHEMA,
          PartitionSpec.unpartitioned(),
          SortOrder.unsorted(),
          props("Regions"));

  // ------------------------------------------------------------------ analytics.pass_rates
  private static final Schema PASS_RATES_SCHEMA =
      new Schema(
          required(1, "period_type", Types.StringType.get(), "MONTH, QUARTER or YEAR (local zone)"),
          required(2, "period", Types.StringType.get(), "yyyy-MM, yyyy-Qn or yyyy"),
          required(
              3,
              "dimension_set",
              Types.StringType.get(),
              "Grouping dimensions, e.g. commodity_code+year"),
          required(
              4,
              "programme_scope",
              Types.StringType.get(),
              "Which sampling programmes the figure covers"),
          optional(5, "source_system", Types.StringType.get()),
          optional(6, "commodity_code", Types.StringType.get()),
          optional(7, "category", Types.StringType.get()),
          optional(8, "analyte_code", Types.StringType.get()),
          optional(9, "region_code", Types.StringType.get()),
          optional(10, "origin_iso2", Types.StringType.get()),
          optional(11, "sampling_point", Types.StringType.get()),
          optional(12, "lab_level", Types.StringType.get()),
          optional(13, "sampling_stage", Types.StringType.get()),
          required(14, "tested", Types.LongType.get(), "Samples tested"),
          required(15, "judged", Types.LongType.get(), "Samples with a verdict"),
          required(16, "passed", Types.LongType.get()),
          required(17, "detected", Types.LongType.get(), "Samples with >= 1 detected analyte"),
          required(18, "exceeding", Types.LongType.get(), "Samples with >= 1 result above its MRL"),
          required(19, "non_compliant", Types.LongType.get()),
          required(20, "detected_without_standard", Types.LongType.get()),
          required(21, "no_standard_results", Types.LongType.get()),
          optional(
              22, "pass_rate", Types.DoubleType.get(), "合格率, proportion; null when judged = 0"),
          optional(23, "pass_rate_low", Types.DoubleType.get(), "95 % Wilson lower bound"),
          optional(24, "pass_rate_high", Types.DoubleType.get()),
          optional(25, "detection_rate", Types.DoubleType.get(), "检出率"),
          optional(26, "detection_rate_low", Types.DoubleType.get()),
          optional(27, "detection_rate_high", Types.DoubleType.get()),
          optional(28, "exceedance_rate", Types.DoubleType.get(), "超标率"),
          optional(29, "exceedance_rate_low", Types.DoubleType.get()),
          optional(30, "exceedance_rate_high", Types.DoubleType.get()),
          optional(31, "non_compliant_rate", Types.DoubleType.get()),
          optional(32, "non_compliant_rate_low", Types.DoubleType.get()),
          optional(33, "non_compliant_rate_high", Types.DoubleType.get()),
          optional(
              34, "input_snapshot_id", Types.LongType.get(), "monitoring.samples snapshot read"),
          optional(35, "computed_at", Types.TimestampType.withZone()));

  public static final TableDef PASS_RATES =
      new TableDef(
          NS_ANALYTICS,
          "pass_rates",
          "Pass, detection and exceedance rates with 95 % Wilson intervals",
          PASS_RATES_SCHEMA,
          PartitionSpec.builderFor(PASS_RATES_SCHEMA)
              .identity("period_type")
              .identity("dimension_set")
              .identity("programme_scope")
              .identity("period")
              .build(),
          SortOrder.builderFor(PASS_RATES_SCHEMA).asc("period").build(),
          props("Pass, detection and exceedance rates"));

  /** Every table, in creation order. */
  public static List<TableDef> all() {
    return List.of(
        SAMPLES,
        RESULTS,
        RESULT_REVISIONS,
        REJECTED_RECORDS,
        INGEST_RUNS,
        ANALYTES,
        BANS,
        COMMODITIES,
        LIMITS,
        REGIONS,
        PASS_RATES);
  }
}
