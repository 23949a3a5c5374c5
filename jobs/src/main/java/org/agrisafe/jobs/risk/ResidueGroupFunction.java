package org.agrisafe.jobs.risk;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.agrisafe.risk.exposure.NonDetectBound;
import org.agrisafe.risk.exposure.NonDetectReporting;
import org.agrisafe.risk.exposure.ResidueLevels;
import org.agrisafe.risk.exposure.ResidueResult;
import org.agrisafe.risk.exposure.ResidueStatistics;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Mean residue per non-detect bound of one (period, source, analyte, food group), computed on the executors by
 * {@link ResidueStatistics#summarize}: the raw results never reach the driver, only one row per group.
 *
 * <p>Input rows: the columns of {@link RiskJob#residueInput}. Censoring of an enumerated result: a value → quantified;
 * {@code reported_below_lod} or detection NOT_DETECTED → below the LOD (substituted from the LOD);
 * {@code reported_below_loq} or DETECTED_NOT_QUANTIFIED → below the LOQ. A censored result without its limit makes
 * the whole group "not assessed" (column {@code problem}), never a silent zero.
 */
final class ResidueGroupFunction implements MapGroupsFunction<String, Row, Row> {
  static final StructType SCHEMA =
      new StructType()
          .add("period", DataTypes.StringType, false)
          .add("source_system", DataTypes.StringType, false)
          .add("analyte_code", DataTypes.StringType, false)
          .add("food_group", DataTypes.StringType, false)
          .add("commodity_codes", DataTypes.StringType, false)
          .add("reporting", DataTypes.StringType, false)
          .add("availability", DataTypes.StringType, true)
          .add("n_samples", DataTypes.LongType, true)
          .add("n_detections", DataTypes.LongType, true)
          .add("mean_lower", DataTypes.DoubleType, true)
          .add("mean_middle", DataTypes.DoubleType, true)
          .add("mean_upper", DataTypes.DoubleType, true)
          .add("problem", DataTypes.StringType, true);

  @Override
  public Row call(String key, Iterator<Row> rows) {
    List<ResidueResult> results = new ArrayList<>();
    TreeSet<String> commodities = new TreeSet<>();
    Row first = null;
    String problem = null;
    Integer samplesTested = null;
    NonDetectReporting reporting = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (first == null) {
        first = r;
        reporting = NonDetectReporting.valueOf(r.getAs("reporting"));
      }
      if (r.getAs("commodity_code") != null) {
        commodities.add(r.getAs("commodity_code"));
      }
      Long n = r.getAs("n_food_samples");
      samplesTested = n == null ? samplesTested : n.intValue();
      if (problem != null) {
        continue;
      }
      try {
        ResidueResult rr = censored(r, reporting);
        if (rr != null) {
          results.add(rr);
        }
      } catch (IllegalArgumentException e) {
        problem = "result " + r.getAs("result_id") + ": " + e.getMessage();
      }
    }
    ResidueLevels levels = null;
    if (problem == null) {
      try {
        levels =
            ResidueStatistics.summarize(
                key,
                reporting,
                results,
                reporting == NonDetectReporting.DETECTIONS_ONLY ? samplesTested : null);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    Map<NonDetectBound, Double> means = levels == null ? Map.of() : levels.meanMgPerKg();
    return RowFactory.create(
        first.getAs("period"),
        first.getAs("source_system"),
        first.getAs("analyte_code"),
        first.getAs("food_group"),
        String.join(";", commodities),
        reporting.name(),
        levels == null ? null : levels.availability().name(),
        levels == null ? null : (long) levels.samples(),
        levels == null ? null : (long) levels.detections(),
        means.get(NonDetectBound.LOWER),
        means.get(NonDetectBound.MIDDLE),
        means.get(NonDetectBound.UPPER),
        problem);
  }

  /** The censored result of one row; null for a detections-only row without a value (not a detection). */
  static ResidueResult censored(Row r, NonDetectReporting reporting) {
    Double value = r.getAs("value_mg_per_kg");
    String detection = r.getAs("detection");
    if (reporting == NonDetectReporting.DETECTIONS_ONLY) {
      return value == null ? null : ResidueResult.quantified(value);
    }
    if (value != null && (detection == null || detection.equals("QUANTIFIED"))) {
      return ResidueResult.quantified(value);
    }
    Boolean belowLod = r.getAs("reported_below_lod");
    Boolean belowLoq = r.getAs("reported_below_loq");
    if (Boolean.TRUE.equals(belowLod) || "NOT_DETECTED".equals(detection)) {
      Double lod = r.getAs("lod_mg_per_kg");
      if (lod == null) {
        throw new IllegalArgumentException(
            "reported below the LOD without lod_mg_per_kg: expected the LOD");
      }
      return ResidueResult.belowLod(lod);
    }
    if (Boolean.TRUE.equals(belowLoq) || "DETECTED_NOT_QUANTIFIED".equals(detection)) {
      Double loq = r.getAs("loq_mg_per_kg");
      if (loq == null) {
        throw new IllegalArgumentException(
            "reported below the LOQ without loq_mg_per_kg: expected the LOQ");
      }
      return ResidueResult.belowLoq(loq);
    }
    throw new IllegalArgumentException(
        "no value and no censoring flag (detection "
            + detection
            + "): expected value_mg_per_kg or reported_below_lod/loq");
  }
}
