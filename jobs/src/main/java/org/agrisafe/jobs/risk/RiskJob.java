package org.agrisafe.jobs.risk;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.risk.common.Assessment;
import org.agrisafe.risk.common.NotAssessed;
import org.agrisafe.risk.exposure.AdiResolution;
import org.agrisafe.risk.exposure.BoundAvailability;
import org.agrisafe.risk.exposure.ChronicExposure;
import org.agrisafe.risk.exposure.ChronicExposureResult;
import org.agrisafe.risk.exposure.ChronicInput;
import org.agrisafe.risk.exposure.ConsumptionTable;
import org.agrisafe.risk.exposure.FoodIntake;
import org.agrisafe.risk.exposure.NonDetectBound;
import org.agrisafe.risk.exposure.NonDetectReporting;
import org.agrisafe.risk.exposure.ResidueLevels;
import org.agrisafe.risk.ranking.MatrixInput;
import org.agrisafe.risk.ranking.MatrixResult;
import org.agrisafe.risk.ranking.RiskMatrix;
import org.agrisafe.risk.rates.Rate;
import org.agrisafe.risk.score.BetaBinomialScores;
import org.agrisafe.risk.score.SampleOutcome;
import org.agrisafe.risk.score.ScoreReport;
import org.agrisafe.risk.score.UnitHistory;
import org.agrisafe.risk.score.UnitScore;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Risk assessment for the expert panel, per period (year or month, cut in the deployment's zone): chronic dietary
 * exposure, the risk-ranking matrix, and producer / region / sampling-point scores, each with every component as a
 * column, plus a "not assessed" list (key and reason) for whatever could not be computed.
 *
 * <p>The maths runs in the engine-free methods of {@code risk-models}:
 * <ul>
 *   <li>exposure: {@link org.agrisafe.risk.exposure.ResidueStatistics} per (period, source, analyte, food group) on
 *       the executors ({@link ResidueGroupFunction}), then {@link ChronicExposure} per (period, source, analyte) on
 *       the driver over those small aggregated rows — WHO (2009) EHC 240 chapter 6; EFSA (2010) EFSA Journal
 *       8(3):1557 for the non-detect bounds. A source listing detections only (UK_PRIF) gives the lower bound only
 *       and says so in {@code bound_note}; a source that enumerates non-detects with their LOD/LOQ
 *       (PLATFORM_UPLOAD) gives all three bounds; other sources (sample-level verdicts only) are not assessed.
 *       The analyte's HQ over all its food groups is its hazard index over commodities; each food group's part is
 *       {@code hq_food_*}.</li>
 *   <li>ranking: {@link RiskMatrix} (VRC matrix S = (A+B)×(C+D+E+F)) per (period, source, analyte, commodity) with
 *       A = toxicity class ({@link RiskParameters#toxicityClasses()}, else the precautionary default, marked
 *       "assumed"), B = ADI, C = food group share of the diet ({@link RiskReference#dietSharePercent}), D = detection
 *       frequency % (detections / samples tested of the commodity), E = {@link RiskParameters#highExposureLevel()},
 *       F = {@link RiskMatrix#residueEvidence}.</li>
 *   <li>scores: {@link BetaBinomialScores} per unit type and period, as of the period's last day, over a history
 *       window of {@link RiskParameters#historyDays()} days, on judged samples (PASS/FAIL); failure and exceedance
 *       rates with 95 % Wilson intervals ({@link Rate}). Every unit seen anywhere in the samples is listed; a unit
 *       with no sample in the window is NO_HISTORY (posterior = prior).</li>
 * </ul>
 *
 * <p>Only the sampling programmes of {@link RiskParameters#programmes()} (default random monitoring) are read; the
 * scope is stored in {@code programme_scope}. The job is pure {@link #transform} plus a thin {@link #run}.
 */
public final class RiskJob {
  private RiskJob() {}

  /** Output names stored in {@code analytics.risk_not_assessed.output}. */
  public enum Output {
    EXPOSURE,
    RANKING,
    SCORES
  }

  /** Unit types of {@code analytics.risk_scores}. */
  public enum UnitType {
    PRODUCER,
    REGION,
    SAMPLING_POINT
  }

  /** The four outputs, rows in the column order of their {@link RiskTables} definitions. */
  public record Outputs(
      List<String> periods,
      Dataset<Row> exposure,
      Dataset<Row> notAssessed,
      Dataset<Row> ranking,
      Dataset<Row> scores) {}

  /**
   * How a source reports non-detects: UK_PRIF lists detections only; PLATFORM_UPLOAD enumerates every tested
   * (sample, analyte) with its LOD/LOQ; any other source is not used for exposure (empty).
   */
  public static Optional<NonDetectReporting> reportingOf(String sourceSystem) {
    return switch (sourceSystem) {
      case "UK_PRIF" -> Optional.of(NonDetectReporting.DETECTIONS_ONLY);
      case "PLATFORM_UPLOAD" -> Optional.of(NonDetectReporting.ENUMERATED);
      default -> Optional.empty();
    };
  }

  /** The period of a date column. */
  static Column period(PeriodType type, Column date) {
    return RiskParameters.requireSupported(type) == PeriodType.YEAR
        ? date_format(date, "yyyy")
        : date_format(date, "yyyy-MM");
  }

  /**
   * The period window of {@code p} as a predicate on {@code sample_month} (months {@code from-01 .. to-12} for
   * YEAR periods), or null when the window is open on both sides.
   */
  static Column monthWindow(RiskParameters p) {
    boolean year = p.periodType() == PeriodType.YEAR;
    Column c = null;
    if (p.fromPeriod() != null) {
      c = col("sample_month").geq(lit(year ? p.fromPeriod() + "-01" : p.fromPeriod()));
    }
    if (p.toPeriod() != null) {
      Column to = col("sample_month").leq(lit(year ? p.toPeriod() + "-12" : p.toPeriod()));
      c = c == null ? to : c.and(to);
    }
    return c;
  }

  /** The last day of a period. */
  static LocalDate lastDay(PeriodType type, String period) {
    return RiskParameters.requireSupported(type) == PeriodType.YEAR
        ? LocalDate.of(Integer.parseInt(period), 12, 31)
        : YearMonth.parse(period).atEndOfMonth();
  }

  /**
   * Computes every output.
   *
   * @param samples rows of {@code monitoring.samples}
   * @param results rows of {@code monitoring.results}
   * @param p what to compute
   * @param ref reference data (ADI, consumption, scoring table, food groups)
   * @param inputSnapshotId snapshot of {@code monitoring.results} read, recorded with the output (nullable)
   * @return the periods assessed and the four outputs (driver-built, small)
   */
  public static Outputs transform(
      Dataset<Row> samples,
      Dataset<Row> results,
      RiskParameters p,
      RiskReference ref,
      Long inputSnapshotId) {
    SparkSession spark = samples.sparkSession();
    Dataset<Row> s =
        samples
            .filter(col("programme").isin(p.programmes().stream().map(Enum::name).toArray()))
            .withColumn("period", period(p.periodType(), col("sample_date")));
    if (p.fromPeriod() != null) {
      s = s.filter(col("period").geq(lit(p.fromPeriod())));
    }
    if (p.toPeriod() != null) {
      s = s.filter(col("period").leq(lit(p.toPeriod())));
    }
    // The same window on sample_month (the local yyyy-MM of sample_date, a partition column):
    // redundant for the
    // result, but lets Iceberg plan only the window's files of samples and results instead of every
    // month.
    Column window = monthWindow(p);
    if (window != null) {
      s = s.filter(window);
      results = results.filter(window);
    }
    s = withFoodGroup(s, ref).cache();
    List<String> periods =
        new ArrayList<>(
            new TreeSet<>(
                s.select("period").distinct().collectAsList().stream()
                    .map(r -> r.getString(0))
                    .toList()));
    List<Row> notAssessed = new ArrayList<>();
    java.sql.Timestamp now = Rows.now();
    Rows na = new Rows(Rows.schema(RiskTables.RISK_NOT_ASSESSED));
    List<Row> exposure = exposure(s, results, p, ref, inputSnapshotId, now, notAssessed, na);
    List<Row> ranking = ranking(s, results, p, ref, inputSnapshotId, now, notAssessed, na);
    List<Row> scores = scores(samples, s, periods, p, inputSnapshotId, now, notAssessed, na);
    s.unpersist();
    return new Outputs(
        periods,
        Rows.frame(spark, exposure, RiskTables.RISK_EXPOSURE),
        Rows.frame(spark, notAssessed, RiskTables.RISK_NOT_ASSESSED),
        Rows.frame(spark, ranking, RiskTables.RISK_RANKING),
        Rows.frame(spark, scores, RiskTables.RISK_SCORES));
  }

  /** Adds {@code food_group} (null when unmapped) from the distinct (commodity, category) pairs, mapped on the driver. */
  private static Dataset<Row> withFoodGroup(Dataset<Row> s, RiskReference ref) {
    List<Row> pairs = s.select("commodity_code", "category").distinct().collectAsList();
    List<Row> mapped = new ArrayList<>();
    for (Row r : pairs) {
      mapped.add(
          org.apache.spark.sql.RowFactory.create(
              r.getString(0),
              r.getString(1),
              ref.foodGroup(r.getString(0), r.getString(1)).orElse(null)));
    }
    org.apache.spark.sql.types.StructType t =
        new org.apache.spark.sql.types.StructType()
            .add("fg_commodity", "string")
            .add("fg_category", "string")
            .add("food_group", "string");
    Dataset<Row> map = s.sparkSession().createDataFrame(mapped, t);
    return s.join(
            org.apache.spark.sql.functions.broadcast(map),
            s.col("commodity_code")
                .eqNullSafe(map.col("fg_commodity"))
                .and(s.col("category").eqNullSafe(map.col("fg_category"))),
            "left")
        .drop("fg_commodity", "fg_category");
  }

  /** Quantitative results with an analyte code, joined to their (filtered) sample. */
  private static Dataset<Row> resultsOfSamples(Dataset<Row> s, Dataset<Row> results) {
    Dataset<Row> r =
        results
            .filter(col("method_type").equalTo("QUANTITATIVE").and(col("analyte_code").isNotNull()))
            .select(
                "result_id",
                "sample_id",
                "analyte_code",
                "value_mg_per_kg",
                "lod_mg_per_kg",
                "loq_mg_per_kg",
                "reported_below_lod",
                "reported_below_loq",
                "detection",
                "exceeds");
    return r.join(
        s.select(
            "sample_id", "period", "source_system", "commodity_code", "category", "food_group"),
        "sample_id");
  }

  /** Input of {@link ResidueGroupFunction}: results with the food group's sample count and the reporting mode. */
  static Dataset<Row> residueInput(Dataset<Row> s, Dataset<Row> results) {
    Dataset<Row> counts =
        s.filter(col("food_group").isNotNull())
            .groupBy("period", "source_system", "food_group")
            .agg(count(lit(1)).as("n_food_samples"));
    Column reporting =
        when(
                col("source_system").equalTo("UK_PRIF"),
                lit(NonDetectReporting.DETECTIONS_ONLY.name()))
            .when(
                col("source_system").equalTo("PLATFORM_UPLOAD"),
                lit(NonDetectReporting.ENUMERATED.name()));
    return resultsOfSamples(s, results)
        .filter(col("food_group").isNotNull())
        .withColumn("reporting", reporting)
        .filter(col("reporting").isNotNull())
        .join(counts, new String[] {"period", "source_system", "food_group"}, "left");
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

  private static List<Row> ranking(
      Dataset<Row> s,
      Dataset<Row> results,
      RiskParameters p,
      RiskReference ref,
      Long snapshot,
      java.sql.Timestamp now,
      List<Row> notAssessed,
      Rows na) {
    Dataset<Row> commoditySamples =
        s.filter(col("commodity_code").isNotNull())
            .groupBy("period", "source_system", "commodity_code")
            .agg(count(lit(1)).as("n_commodity_samples"));
    Column quantified =
        col("value_mg_per_kg")
            .isNotNull()
            .and(col("detection").isNull().or(col("detection").equalTo("QUANTIFIED")));
    List<Row> pairs =
        resultsOfSamples(s, results)
            .filter(col("commodity_code").isNotNull())
            .groupBy("period", "source_system", "analyte_code", "commodity_code")
            .agg(
                countDistinct("sample_id").as("n_tested"),
                countDistinct(when(quantified, col("sample_id"))).as("n_detections"),
                countDistinct(when(col("exceeds"), col("sample_id"))).as("n_exceedances"),
                org.apache.spark.sql.functions.first("food_group", true).as("food_group"))
            .join(
                commoditySamples,
                new String[] {"period", "source_system", "commodity_code"},
                "left")
            .orderBy("period", "source_system", "analyte_code", "commodity_code")
            .collectAsList();
    // (period|source) -> inputs
    Map<String, List<MatrixInput>> inputs = new TreeMap<>();
    Map<String, Row> pairRow = new LinkedHashMap<>();
    for (Row r : pairs) {
      String period = r.getAs("period");
      String source = r.getAs("source_system");
      String analyte = r.getAs("analyte_code");
      String commodity = r.getAs("commodity_code");
      boolean detectionsOnly =
          reportingOf(source).orElse(null) == NonDetectReporting.DETECTIONS_ONLY;
      long tested =
          detectionsOnly ? (Long) r.getAs("n_commodity_samples") : (Long) r.getAs("n_tested");
      long det = r.getAs("n_detections");
      long exc = r.getAs("n_exceedances");
      AdiResolution res = ref.adi().resolve(analyte);
      String fg = r.getAs("food_group");
      Double share = fg == null ? null : ref.dietSharePercent(fg).orElse(null);
      String problem = null;
      if (!res.hasAdi()) {
        problem =
            "no ADI: "
                + (res.entry() == null
                    ? res.status() + ": " + res.message()
                    : "substance '"
                        + res.entry().substance()
                        + "' has no ADI in the reference table");
      } else if (share == null) {
        problem =
            "no consumption figure for commodity '"
                + commodity
                + "' (food group "
                + fg
                + "): factor C unknown";
      } else if (exc > det || det > tested) {
        problem =
            "counts samples="
                + tested
                + ", detections="
                + det
                + ", exceedances="
                + exc
                + ": expected exceedances <= detections <= samples";
      }
      if (problem != null) {
        notAssessed.add(
            na.set("period_type", p.periodType().name())
                .set("period", period)
                .set("output", Output.RANKING.name())
                .set("source_system", source)
                .set("key", "analyte=" + analyte + ";commodity=" + commodity)
                .set("reason", problem)
                .set("computed_at", now)
                .build());
        continue;
      }
      String tox = p.toxicityClasses().getOrDefault(analyte, p.toxicityLevelWhenUnknown());
      inputs
          .computeIfAbsent(period + "|" + source, k -> new ArrayList<>())
          .add(
              new MatrixInput(
                  analyte,
                  commodity,
                  tox,
                  res.entry().adiMgPerKgBwPerDay(),
                  share,
                  tested == 0 ? null : 100.0 * det / tested,
                  p.highExposureLevel(),
                  RiskMatrix.residueEvidence((int) tested, (int) det, (int) exc)));
      pairRow.put(period + "|" + source + "|" + analyte + "|" + commodity, r);
    }
    List<Row> out = new ArrayList<>();
    Rows b = new Rows(Rows.schema(RiskTables.RISK_RANKING));
    for (Map.Entry<String, List<MatrixInput>> e : inputs.entrySet()) {
      String[] ps = e.getKey().split("\\|", 2);
      Assessment<MatrixResult> a = RiskMatrix.rank(e.getValue(), ref.scoring());
      for (NotAssessed x : a.notAssessed()) {
        notAssessed.add(
            na.set("period_type", p.periodType().name())
                .set("period", ps[0])
                .set("output", Output.RANKING.name())
                .set("source_system", ps[1])
                .set("key", x.key())
                .set("reason", x.reason())
                .set("computed_at", now)
                .build());
      }
      int position = 0;
      for (MatrixResult m : a.results()) {
        Row r = pairRow.get(e.getKey() + "|" + m.analyte() + "|" + m.commodity());
        boolean detectionsOnly =
            reportingOf(ps[1]).orElse(null) == NonDetectReporting.DETECTIONS_ONLY;
        b.set("period_type", p.periodType().name())
            .set("period", ps[0])
            .set("programme_scope", p.programmeScope())
            .set("source_system", ps[1])
            .set("analyte_code", m.analyte())
            .set("commodity_code", m.commodity())
            .set("food_group", r.getAs("food_group"))
            .set("n_samples", detectionsOnly ? r.getAs("n_commodity_samples") : r.getAs("n_tested"))
            .set("n_detections", r.getAs("n_detections"))
            .set("n_exceedances", r.getAs("n_exceedances"));
        for (MatrixResult.FactorScore f : m.factors()) {
          String c = f.factor().name().toLowerCase();
          String input = f.input();
          if (f.factor() == org.agrisafe.risk.ranking.Factor.A
              && !p.toxicityClasses().containsKey(m.analyte())) {
            input =
                input
                    + " (assumed: no toxicity class in the reference data; precautionary default)";
          }
          if (f.factor() == org.agrisafe.risk.ranking.Factor.E) {
            input = input + " (no data on high-exposure groups loaded)";
          }
          b.set(c + "_level", f.level()).set(c + "_score", f.score()).set(c + "_input", input);
        }
        b.set("toxicity_score", m.toxicityScore())
            .set("exposure_score", m.exposureScore())
            .set("total_score", m.totalScore())
            .set("risk_rank", m.rank().name())
            .set("rank_position", ++position)
            .set("verified", m.unverifiedLevels().isEmpty())
            .set("unverified_levels", m.unverifiedLevels())
            .set("input_snapshot_id", snapshot)
            .set("computed_at", now);
        out.add(b.build());
      }
    }
    return out;
  }

  /** Region unit key: the adcode when present, else the country of origin (imported produce). */
  static Column regionKey() {
    return when(
            col("region_code").isNotNull(),
            org.apache.spark.sql.functions.concat(lit("CN_ADCODE:"), col("region_code")))
        .when(
            col("origin_iso2").isNotNull(),
            org.apache.spark.sql.functions.concat(lit("ISO3166_1:"), col("origin_iso2")));
  }

  private static Column unitKey(UnitType t) {
    return switch (t) {
      case PRODUCER -> col("producer_id");
      case REGION -> regionKey();
      case SAMPLING_POINT -> col("sampling_point");
    };
  }

  private static List<Row> scores(
      Dataset<Row> allSamples,
      Dataset<Row> s,
      List<String> periods,
      RiskParameters p,
      Long snapshot,
      java.sql.Timestamp now,
      List<Row> notAssessed,
      Rows na) {
    // History may reach before the first assessed period: read all samples of the programmes.
    Dataset<Row> judged =
        allSamples
            .filter(col("programme").isin(p.programmes().stream().map(Enum::name).toArray()))
            .filter(col("sample_verdict").isin("PASS", "FAIL"))
            // Redundant (a RAPID sample has only rapid results and is NOT_JUDGED, see Judging), but
            // test_kind is a
            // partition column: the scan skips the rapid-test files, about 80 in 81 samples.
            .filter(org.agrisafe.jobs.spark.SampleFilters.notRapidOnly());
    Dataset<Row> units = null;
    for (UnitType t : UnitType.values()) {
      Dataset<Row> u =
          judged
              .select(
                  lit(t.name()).as("unit_type"),
                  unitKey(t).as("unit_key"),
                  col("sample_date"),
                  col("sample_verdict").equalTo("FAIL").as("failed"),
                  col("has_banned_detection").as("banned"),
                  col("has_exceedance").as("exceeded"))
              .filter(col("unit_key").isNotNull());
      units = units == null ? u : units.unionByName(u);
    }
    List<Row> agg =
        units
            .groupBy("unit_type", "unit_key", "sample_date", "failed", "banned", "exceeded")
            .agg(count(lit(1)).as("n"))
            .collectAsList();
    List<Row> out = new ArrayList<>();
    Rows b = new Rows(Rows.schema(RiskTables.RISK_SCORES));
    for (UnitType t : UnitType.values()) {
      List<Row> rows = agg.stream().filter(r -> r.getString(0).equals(t.name())).toList();
      TreeSet<String> universe = new TreeSet<>();
      rows.forEach(r -> universe.add(r.getString(1)));
      for (String period : periods) {
        LocalDate asOf = lastDay(p.periodType(), period);
        LocalDate from = asOf.minusDays(p.historyDays() - 1L);
        Map<String, List<SampleOutcome>> hist = new TreeMap<>();
        Map<String, long[]> exceed = new TreeMap<>(); // [exceedances]
        universe.forEach(
            k -> {
              hist.put(k, new ArrayList<>());
              exceed.put(k, new long[1]);
            });
        for (Row r : rows) {
          Object sd = r.getAs("sample_date");
          LocalDate d = sd instanceof LocalDate ld ? ld : ((java.sql.Date) sd).toLocalDate();
          if (d.isBefore(from) || d.isAfter(asOf)) {
            continue;
          }
          long n = r.getAs("n");
          boolean failed = r.getAs("failed");
          boolean banned = Boolean.TRUE.equals(r.getAs("banned"));
          hist.get(r.getString(1)).add(new SampleOutcome(d, failed, banned, Math.toIntExact(n)));
          if (Boolean.TRUE.equals(r.getAs("exceeded"))) {
            exceed.get(r.getString(1))[0] += n;
          }
        }
        List<UnitHistory> histories = new ArrayList<>();
        hist.forEach((k, v) -> histories.add(new UnitHistory(k, v)));
        if (histories.isEmpty()) {
          continue;
        }
        ScoreReport rep = BetaBinomialScores.score(histories, asOf, p.scores());
        for (NotAssessed x : rep.notAssessed()) {
          notAssessed.add(
              na.set("period_type", p.periodType().name())
                  .set("period", period)
                  .set("output", Output.SCORES.name())
                  .set("key", t.name() + ":" + x.key())
                  .set("reason", x.reason())
                  .set("computed_at", now)
                  .build());
        }
        for (UnitScore u : rep.scores()) {
          Rate fr = Rate.of(u.failures(), u.samples());
          Rate er = Rate.of(exceed.get(u.unitKey())[0], u.samples());
          b.set("period_type", p.periodType().name())
              .set("period", period)
              .set("programme_scope", p.programmeScope())
              .set("unit_type", t.name())
              .set("unit_key", u.unitKey())
              .set("status", u.status().name())
              .set("as_of_date", java.sql.Date.valueOf(asOf))
              .set("history_from_date", java.sql.Date.valueOf(from))
              .set("samples", (long) u.samples())
              .set("failures", (long) u.failures())
              .set("exceedances", er.numerator())
              .set("banned_findings", (long) u.bannedFindings())
              .set("failure_rate", fr.value())
              .set("failure_rate_low", fr.isEmpty() ? null : fr.wilson95().lower())
              .set("failure_rate_high", fr.isEmpty() ? null : fr.wilson95().upper())
              .set("exceedance_rate", er.value())
              .set("exceedance_rate_low", er.isEmpty() ? null : er.wilson95().lower())
              .set("exceedance_rate_high", er.isEmpty() ? null : er.wilson95().upper())
              .set("weighted_samples", u.weightedSamples())
              .set("weighted_failures", u.weightedFailures())
              .set("weighted_banned_findings", u.weightedBannedFindings())
              .set("half_life_days", p.scores().halfLifeDays())
              .set("prior_method", rep.prior().method().name())
              .set("prior_alpha", rep.prior().alpha())
              .set("prior_beta", rep.prior().beta())
              .set("prior_note", rep.prior().message())
              .set("posterior_alpha", u.posteriorAlpha())
              .set("posterior_beta", u.posteriorBeta())
              .set("posterior_mean", u.posteriorMean())
              .set("target_rate", rep.targetRate())
              .set("p_above_target", u.probabilityAboveTarget())
              .set("rank", u.rank())
              .set("units_ranked", rep.scores().size())
              .set("input_snapshot_id", snapshot)
              .set("computed_at", now);
          out.add(b.build());
        }
      }
    }
    return out;
  }

  /**
   * Reads {@code monitoring.samples} and {@code monitoring.results}, computes, and replaces the rows of the assessed
   * periods (same period type) in each output table: a re-run leaves the same rows. Panel decisions are in their own
   * table and are never touched.
   *
   * @return the outputs written
   * @throws IllegalStateException when an output table is missing (run {@code agrisafe create} first)
   */
  public static Outputs run(
      SparkSession spark, String catalog, RiskParameters p, RiskReference ref) {
    String results = Tables.RESULTS.qualifiedName(catalog);
    Long snapshot = LakehouseIo.currentSnapshotId(spark, results);
    Outputs o =
        transform(
            spark.table(Tables.SAMPLES.qualifiedName(catalog)),
            spark.table(results),
            p,
            ref,
            snapshot);
    if (o.periods().isEmpty()) {
      return o;
    }
    Column replace =
        col("period_type")
            .equalTo(p.periodType().name())
            .and(col("period").isin(o.periods().toArray()));
    write(o.exposure(), RiskTables.RISK_EXPOSURE, catalog, replace);
    write(o.notAssessed(), RiskTables.RISK_NOT_ASSESSED, catalog, replace);
    write(o.ranking(), RiskTables.RISK_RANKING, catalog, replace);
    write(o.scores(), RiskTables.RISK_SCORES, catalog, replace);
    return o;
  }

  static void write(Dataset<Row> rows, TableDef def, String catalog, Column replace) {
    String target = def.qualifiedName(catalog);
    try {
      rows.writeTo(target).overwrite(replace);
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "Table " + target + " is missing: run `agrisafe create` first", e);
    }
  }
}
