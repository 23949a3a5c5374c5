package org.agrisafe.lakehouse.tables;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.types.Types;

/**
 * Tables of the GIS heat maps (namespace {@code analytics}). Kept apart from {@link Tables}; register
 * {@link #all()} with the bootstrap to create them.
 *
 * <p>{@code analytics.region_stats}: one row per (layer, period type, period, programme scope, region) with the
 * rates (proportions in [0, 1], 95 % Wilson intervals, null when the denominator is 0), the empirical-Bayes
 * smoothed exceedance rate, Getis–Ord Gi* z and permutation p, the local Moran (LISA) class and the hot-spot class.
 * Partitioned by identity on layer, period type and programme scope, so that a re-run of one layer replaces whole
 * partitions (idempotent overwrite).
 */
public final class MapTables {
  private MapTables() {}

  private static final Schema REGION_STATS_SCHEMA =
      new Schema(
          required(1, "layer", Types.StringType.get(), "world-origin or jinan-district"),
          required(2, "period_type", Types.StringType.get(), "YEAR or MONTH (local zone)"),
          required(3, "period", Types.StringType.get(), "yyyy or yyyy-MM"),
          required(
              4,
              "programme_scope",
              Types.StringType.get(),
              "Sampling programmes covered, e.g. RANDOM_MONITORING"),
          required(5, "region_scheme", Types.StringType.get(), "ISO3166_1 or CN_ADCODE"),
          required(
              6,
              "region_code",
              Types.StringType.get(),
              "ISO 3166-1 alpha-2 (Namibia = 'NA') or adcode"),
          optional(7, "region_name", Types.StringType.get()),
          required(
              8,
              "on_map",
              Types.BooleanType.get(),
              "False when the layer has no polygon for the code"),
          required(9, "samples", Types.LongType.get(), "Samples tested"),
          required(10, "judged", Types.LongType.get(), "Samples with a PASS/FAIL verdict"),
          required(11, "passed", Types.LongType.get()),
          required(12, "detected", Types.LongType.get(), "Samples with >= 1 detected analyte"),
          required(13, "exceeding", Types.LongType.get(), "Samples with >= 1 result above its MRL"),
          optional(14, "pass_rate", Types.DoubleType.get(), "合格率 = passed / judged"),
          optional(15, "pass_rate_low", Types.DoubleType.get(), "95 % Wilson lower bound"),
          optional(16, "pass_rate_high", Types.DoubleType.get()),
          optional(17, "detection_rate", Types.DoubleType.get(), "检出率 = detected / samples"),
          optional(18, "detection_rate_low", Types.DoubleType.get()),
          optional(19, "detection_rate_high", Types.DoubleType.get()),
          optional(20, "exceedance_rate", Types.DoubleType.get(), "超标率 = exceeding / samples"),
          optional(21, "exceedance_rate_low", Types.DoubleType.get()),
          optional(22, "exceedance_rate_high", Types.DoubleType.get()),
          optional(
              23,
              "exceedance_rate_eb",
              Types.DoubleType.get(),
              "Empirical-Bayes smoothed exceedance rate (Marshall 1991, global), proportion"),
          required(
              24,
              "too_few_samples",
              Types.BooleanType.get(),
              "samples < min_samples: never hot or cold"),
          required(25, "min_samples", Types.IntegerType.get()),
          optional(
              26, "gi_star_z", Types.DoubleType.get(), "Getis-Ord Gi* z of the EB exceedance rate"),
          optional(
              27,
              "gi_star_p",
              Types.DoubleType.get(),
              "Two-sided conditional-permutation pseudo p of Gi* (2 x folded p, capped at 1)"),
          required(
              28,
              "hotspot_class",
              Types.StringType.get(),
              "HOT_99..COLD_99, NOT_SIGNIFICANT, INSUFFICIENT_DATA or UNDEFINED"),
          optional(
              29, "lisa_i", Types.DoubleType.get(), "Local Moran I_i of the EB exceedance rate"),
          optional(
              30,
              "lisa_p",
              Types.DoubleType.get(),
              "Two-sided conditional-permutation pseudo p of I_i"),
          optional(
              31,
              "lisa_class",
              Types.StringType.get(),
              "HH, LL, HL, LH or NS (p >= 0.05); null if undefined"),
          optional(
              32,
              "neighbour_rule",
              Types.StringType.get(),
              "e.g. 5-nearest neighbours, queen contiguity"),
          optional(
              33,
              "neighbour_codes",
              Types.ListType.ofRequired(38, Types.StringType.get()),
              "Codes of the region's neighbours in the statistic"),
          optional(34, "permutations", Types.IntegerType.get()),
          optional(35, "seed", Types.LongType.get()),
          required(
              36,
              "is_synthetic",
              Types.BooleanType.get(),
              "True when any sample counted is synthetic"),
          optional(37, "computed_at", Types.TimestampType.withZone()));

  public static final TableDef REGION_STATS =
      new TableDef(
          Tables.NS_ANALYTICS,
          "region_stats",
          "Rates, EB-smoothed exceedance rate, Gi* and LISA per map region and period",
          REGION_STATS_SCHEMA,
          PartitionSpec.builderFor(REGION_STATS_SCHEMA)
              .identity("layer")
              .identity("period_type")
              .identity("programme_scope")
              .build(),
          SortOrder.builderFor(REGION_STATS_SCHEMA).asc("period").asc("region_code").build(),
          Map.of(
              "format-version",
              "2",
              "comment",
              "Rates and hot spots per map region and period",
              "write.parquet.compression-codec",
              "zstd"));

  /** Every table of this file, in creation order. */
  public static List<TableDef> all() {
    return List.of(REGION_STATS);
  }
}
