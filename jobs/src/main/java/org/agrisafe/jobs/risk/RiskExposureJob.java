package org.agrisafe.jobs.risk;

import static org.agrisafe.jobs.risk.RiskJob.residueInput;
import static org.agrisafe.jobs.risk.RiskJob.resultsOfSamples;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.agrisafe.jobs.risk.RiskJob.Output;
import org.agrisafe.jobs.risk.RiskJob.Part;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.risk.common.Assessment;
import org.agrisafe.risk.common.NotAssessed;
import org.agrisafe.risk.exposure.BoundAvailability;
import org.agrisafe.risk.exposure.ChronicExposure;
import org.agrisafe.risk.exposure.ChronicExposureResult;
import org.agrisafe.risk.exposure.ChronicInput;
import org.agrisafe.risk.exposure.ConsumptionTable;
import org.agrisafe.risk.exposure.FoodIntake;
import org.agrisafe.risk.exposure.NonDetectBound;
import org.agrisafe.risk.exposure.NonDetectReporting;
import org.agrisafe.risk.exposure.ResidueLevels;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Chronic dietary exposure per period (year or month, cut in the deployment's zone), source and analyte, by food
 * group, into {@code analytics.risk_exposure}, with what could not be assessed in {@code analytics.risk_not_assessed}
 * ({@code output = EXPOSURE}): {@link org.agrisafe.risk.exposure.ResidueStatistics} per (period, source, analyte,
 * food group) on the executors ({@link ResidueGroupFunction}), then {@link ChronicExposure} per (period, source,
 * analyte) on the driver — WHO (2009) EHC 240 chapter 6; EFSA (2010) EFSA Journal 8(3):1557 for the non-detect
 * bounds. The rules of the inputs are those of {@link RiskJob}, which runs this job first of three
 * ({@code agrisafe run risk}); on its own: {@code agrisafe run risk-exposure}.
 */
public final class RiskExposureJob {
  private RiskExposureJob() {}

  /**
   * Reads {@code monitoring.samples} and {@code monitoring.results}, computes, and replaces the rows of the
   * assessed periods (same period type) in {@code analytics.risk_exposure} and this job's rows of those
   * periods in {@code analytics.risk_not_assessed}: a re-run leaves the same rows; the other risk jobs' rows are
   * kept.
   *
   * @return the periods assessed and the rows written
   * @throws IllegalStateException when an output table is missing (run {@code agrisafe create} first)
   */
  public static Part run(SparkSession spark, String catalog, RiskParameters p, RiskReference ref) {
    return RiskJob.runOne(
        spark,
        catalog,
        p,
        ref,
        Output.EXPOSURE,
        RiskTables.RISK_EXPOSURE,
        (in, na) -> rows(in, p, ref, na));
  }

  /** The exposure rows of {@code in}; what is not assessed is added to {@code notAssessed}. */
  static List<Row> rows(
      RiskJob.Input in, RiskParameters p, RiskReference ref, List<Row> notAssessed) {
    return exposure(
        in.samples(),
        in.results(),
        p,
        ref,
        in.snapshot(),
        in.now(),
        notAssessed,
        RiskJob.notAssessedRow());
  }

  private static List<Row> exposure(
      Dataset<Row> s,
      Dataset<Row> results,
      RiskParameters p,
      RiskReference ref,
      Long snapshot,
      java.sql.Timestamp now,
      List<Row> notAssessed,
      Rows na) {
    // Results of sources or commodities that cannot enter the exposure: listed, not dropped.
    Dataset<Row> joined = resultsOfSamples(s, results);
    for (Row r :
        joined
            .filter(col("food_group").isNull())
            .groupBy("period", "source_system", "analyte_code", "commodity_code", "category")
            .count()
            .collectAsList()) {
      notAssessed.add(
          na.set("period_type", p.periodType().name())
              .set("period", r.getString(0))
              .set("output", Output.EXPOSURE.name())
              .set("source_system", r.getString(1))
              .set("key", "analyte=" + r.getString(2) + ";commodity=" + r.getString(3))
              .set(
                  "reason",
                  "no consumption figure: commodity '"
                      + r.getString(3)
                      + "' (category '"
                      + r.getString(4)
                      + "') maps to no food group of the consumption table; its "
                      + r.getLong(5)
                      + " results are left out of this analyte's exposure")
              .set("computed_at", now)
              .build());
    }
    for (Row r :
        joined
            .filter(
                col("food_group")
                    .isNotNull()
                    .and(col("source_system").isin("UK_PRIF", "PLATFORM_UPLOAD").unary_$bang()))
            .groupBy("period", "source_system")
            .count()
            .collectAsList()) {
      notAssessed.add(
          na.set("period_type", p.periodType().name())
              .set("period", r.getString(0))
              .set("output", Output.EXPOSURE.name())
              .set("source_system", r.getString(1))
              .set("key", "source=" + r.getString(1))
              .set(
                  "reason",
                  "source reports neither detections with values nor non-detects with LOD/LOQ in a known "
                      + "form: "
                      + r.getLong(2)
                      + " results not used for exposure")
              .set("computed_at", now)
              .build());
    }
    List<Row> groups =
        residueInput(s, results)
            .groupByKey(
                (MapFunction<Row, String>)
                    r ->
                        r.getAs("period")
                            + "|"
                            + r.getAs("source_system")
                            + "|"
                            + r.getAs("analyte_code")
                            + "|"
                            + r.getAs("food_group"),
                Encoders.STRING())
            .mapGroups(new ResidueGroupFunction(), Encoders.row(ResidueGroupFunction.SCHEMA))
            .collectAsList();
    // (period, source, analyte) -> food groups
    Map<String, List<Row>> byAnalyte = new TreeMap<>();
    for (Row g : groups) {
      String key =
          g.getAs("period") + "|" + g.getAs("source_system") + "|" + g.getAs("analyte_code");
      byAnalyte.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
    }
    List<Row> out = new ArrayList<>();
    Rows b = new Rows(Rows.schema(RiskTables.RISK_EXPOSURE));
    for (List<Row> foods : byAnalyte.values()) {
      Row f0 = foods.get(0);
      String period = f0.getAs("period");
      String source = f0.getAs("source_system");
      String analyte = f0.getAs("analyte_code");
      List<FoodIntake> intakes = new ArrayList<>();
      Map<String, Row> foodRow = new LinkedHashMap<>();
      Map<String, ConsumptionTable.Entry> consumption = new LinkedHashMap<>();
      String problem = null;
      for (Row g : foods) {
        String fg = g.getAs("food_group");
        if (g.getAs("problem") != null) {
          problem = "food group '" + fg + "': " + g.getAs("problem");
          break;
        }
        Optional<ConsumptionTable.Entry> c = ref.consumption().find(fg);
        if (c.isEmpty()) {
          problem = "no consumption figure for food group '" + fg + "'";
          break;
        }
        BoundAvailability av = BoundAvailability.valueOf(g.getAs("availability"));
        Map<NonDetectBound, Double> means = new EnumMap<>(NonDetectBound.class);
        for (NonDetectBound bound : av.bounds()) {
          means.put(bound, g.getAs("mean_" + bound.name().toLowerCase()));
        }
        ResidueLevels levels =
            new ResidueLevels(
                "analyte=" + analyte + ";food_group=" + fg,
                NonDetectReporting.valueOf(g.getAs("reporting")),
                av,
                ((Long) g.getAs("n_samples")).intValue(),
                ((Long) g.getAs("n_detections")).intValue(),
                means);
        intakes.add(new FoodIntake(fg, levels, c.get().kgPerPersonPerDay()));
        foodRow.put(fg, g);
        consumption.put(fg, c.get());
      }
      if (problem != null) {
        notAssessed.add(
            na.set("period_type", p.periodType().name())
                .set("period", period)
                .set("output", Output.EXPOSURE.name())
                .set("source_system", source)
                .set("key", "analyte=" + analyte)
                .set("reason", problem)
                .set("computed_at", now)
                .build());
        continue;
      }
      Assessment<ChronicExposureResult> a =
          ChronicExposure.assess(
              List.of(new ChronicInput(analyte, intakes)), ref.adi(), p.chronic());
      for (NotAssessed x : a.notAssessed()) {
        notAssessed.add(
            na.set("period_type", p.periodType().name())
                .set("period", period)
                .set("output", Output.EXPOSURE.name())
                .set("source_system", source)
                .set("key", x.key())
                .set("reason", x.reason())
                .set("computed_at", now)
                .build());
      }
      for (ChronicExposureResult r : a.results()) {
        for (ChronicExposureResult.FoodContribution fc : r.foods()) {
          Row g = foodRow.get(fc.foodGroup());
          b.set("period_type", p.periodType().name())
              .set("period", period)
              .set("programme_scope", p.programmeScope())
              .set("source_system", source)
              .set("analyte_code", analyte)
              .set("food_group", fc.foodGroup())
              .set("commodity_codes", g.getAs("commodity_codes"))
              .set("substance", r.substance())
              .set("adi_match_rule", r.matchRule())
              .set("n_samples", (long) fc.samples())
              .set("n_detections", g.getAs("n_detections"))
              .set("non_detect_reporting", g.getAs("reporting"))
              .set("bound_availability", r.availability().name())
              .set("bound_note", r.availabilityMessage())
              .set("consumption_kg_per_day", fc.consumptionKgPerDay())
              .set(
                  "consumption_source",
                  consumption.get(fc.foodGroup()).population()
                      + "; "
                      + consumption.get(fc.foodGroup()).source())
              .set("body_weight_kg", r.bodyWeightKg())
              .set("adi_mg_per_kg_bw_day", r.adiMgPerKgBwPerDay())
              .set("adi_source", r.adiSource())
              .set("input_snapshot_id", snapshot)
              .set("computed_at", now);
          for (Map.Entry<NonDetectBound, ChronicExposureResult.BoundEstimate> e :
              r.estimates().entrySet()) {
            String bn = e.getKey().name().toLowerCase();
            ChronicExposureResult.BoundEstimate est = e.getValue();
            double intake = fc.intakeMgPerPersonPerDay().get(e.getKey());
            b.set("mean_" + bn + "_mg_per_kg", fc.residueMeanMgPerKg().get(e.getKey()))
                .set("intake_" + bn + "_mg_per_day", intake)
                .set("hq_food_" + bn, intake / r.bodyWeightKg() / r.adiMgPerKgBwPerDay())
                .set("edi_" + bn + "_mg_per_kg_bw_day", est.ediMgPerKgBwPerDay())
                .set("hq_" + bn, est.hazardQuotient())
                .set("pct_adi_" + bn, est.percentAdi())
                .set("ifs_" + bn, est.foodSafetyIndex());
          }
          out.add(b.build());
        }
      }
    }
    return out;
  }
}
