package org.agrisafe.jobs.risk;

import static org.agrisafe.jobs.risk.RiskJob.lastDay;
import static org.agrisafe.jobs.risk.RiskJob.regionKey;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.agrisafe.jobs.risk.RiskJob.Output;
import org.agrisafe.jobs.risk.RiskJob.Part;
import org.agrisafe.jobs.risk.RiskJob.UnitType;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.risk.common.NotAssessed;
import org.agrisafe.risk.rates.Rate;
import org.agrisafe.risk.score.BetaBinomialScores;
import org.agrisafe.risk.score.SampleOutcome;
import org.agrisafe.risk.score.ScoreReport;
import org.agrisafe.risk.score.UnitHistory;
import org.agrisafe.risk.score.UnitScore;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Producer, region and sampling-point scores per period (year or month, cut in the deployment's zone), into
 * {@code analytics.risk_scores}, with what could not be scored in {@code analytics.risk_not_assessed}
 * ({@code output = SCORES}): {@link BetaBinomialScores} per unit type and period, as of the period's last day, over
 * {@link RiskParameters#historyDays()} days of judged samples, with 95 % Wilson intervals ({@link Rate}), as in
 * {@link RiskJob}, which runs this job third of three ({@code agrisafe run risk}); on its own:
 * {@code agrisafe run risk-scores}.
 */
public final class RiskScoresJob {
  private RiskScoresJob() {}

  /**
   * Reads {@code monitoring.samples} and {@code monitoring.results}, computes, and replaces the rows of the
   * assessed periods (same period type) in {@code analytics.risk_scores} and this job's rows of those
   * periods in {@code analytics.risk_not_assessed}: a re-run leaves the same rows; the other risk jobs' rows are
   * kept.
   *
   * @return the periods assessed and the rows written
   * @throws IllegalStateException when an output table is missing (run {@code agrisafe create} first)
   */
  public static Part run(SparkSession spark, String catalog, RiskParameters p, RiskReference ref) {
    return RiskJob.runOne(
        spark, catalog, p, ref, Output.SCORES, RiskTables.RISK_SCORES, (in, na) -> rows(in, p, na));
  }

  /** The score rows of {@code in}; what is not assessed is added to {@code notAssessed}. */
  static List<Row> rows(RiskJob.Input in, RiskParameters p, List<Row> notAssessed) {
    return scores(
        in.allSamples(),
        in.samples(),
        in.periods(),
        p,
        in.snapshot(),
        in.now(),
        notAssessed,
        RiskJob.notAssessedRow());
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
}
