package org.agrisafe.jobs.risk;

import static org.agrisafe.jobs.risk.RiskJob.reportingOf;
import static org.agrisafe.jobs.risk.RiskJob.resultsOfSamples;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.jobs.risk.RiskJob.Output;
import org.agrisafe.jobs.risk.RiskJob.Part;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.risk.common.Assessment;
import org.agrisafe.risk.common.NotAssessed;
import org.agrisafe.risk.exposure.AdiResolution;
import org.agrisafe.risk.exposure.NonDetectReporting;
import org.agrisafe.risk.ranking.MatrixInput;
import org.agrisafe.risk.ranking.MatrixResult;
import org.agrisafe.risk.ranking.RiskMatrix;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The risk-ranking matrix per period (year or month, cut in the deployment's zone), source, analyte and commodity,
 * into {@code analytics.risk_ranking}, with what could not be ranked in {@code analytics.risk_not_assessed}
 * ({@code output = RANKING}): {@link RiskMatrix} (VRC matrix S = (A+B)×(C+D+E+F)), the factors as in {@link
 * RiskJob}, which runs this job second of three ({@code agrisafe run risk}); on its own:
 * {@code agrisafe run risk-ranking}.
 */
public final class RiskRankingJob {
  private RiskRankingJob() {}

  /**
   * Reads {@code monitoring.samples} and {@code monitoring.results}, computes, and replaces the rows of the
   * assessed periods (same period type) in {@code analytics.risk_ranking} and this job's rows of those
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
        Output.RANKING,
        RiskTables.RISK_RANKING,
        (in, na) -> rows(in, p, ref, na));
  }

  /** The ranking rows of {@code in}; what is not assessed is added to {@code notAssessed}. */
  static List<Row> rows(
      RiskJob.Input in, RiskParameters p, RiskReference ref, List<Row> notAssessed) {
    return ranking(
        in.samples(),
        in.results(),
        p,
        ref,
        in.snapshot(),
        in.now(),
        notAssessed,
        RiskJob.notAssessedRow());
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
}
