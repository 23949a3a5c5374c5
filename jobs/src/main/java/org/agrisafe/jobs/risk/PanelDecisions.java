package org.agrisafe.jobs.risk;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.risk.ranking.RiskRank;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Expert-panel decisions on the risk ranking, in {@code analytics.panel_decisions}: append-only, so the history of
 * decisions is kept; the latest decision per (period type, period, source, analyte, commodity) is in force. The risk
 * job never writes this table, so a re-run keeps every decision; the report compares each with the new score.
 */
public final class PanelDecisions {
  private PanelDecisions() {}

  /** What the panel decided. */
  public enum Kind {
    /** The computed rank stands. */
    ACCEPT,
    /** The panel sets another rank, with a reason. */
    ADJUST
  }

  /**
   * One decision.
   *
   * @param periodType YEAR or MONTH
   * @param period {@code yyyy} or {@code yyyy-MM}
   * @param sourceSystem source of the ranked pair
   * @param analyteCode analyte
   * @param commodityCode commodity
   * @param kind ACCEPT or ADJUST
   * @param adjustedRank the panel's rank; required for ADJUST, null for ACCEPT
   * @param reason why; required for ADJUST
   * @param decidedBy who (name or role; no ID number or phone)
   * @param decidedAt when (UTC instant)
   */
  public record Decision(
      PeriodType periodType,
      String period,
      String sourceSystem,
      String analyteCode,
      String commodityCode,
      Kind kind,
      RiskRank adjustedRank,
      String reason,
      String decidedBy,
      Instant decidedAt) {
    public Decision {
      Objects.requireNonNull(periodType, "periodType");
      RiskParameters.requireSupported(periodType);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(decidedAt, "decidedAt");
      if (period == null || !periodType.matches(period)) {
        throw new IllegalArgumentException(
            "Period '"
                + period
                + "': expected the "
                + periodType
                + " pattern "
                + periodType.pattern);
      }
      for (String[] f :
          new String[][] {
            {"source", sourceSystem},
            {"analyte", analyteCode},
            {"commodity", commodityCode},
            {"decided-by", decidedBy}
          }) {
        if (f[1] == null || f[1].isBlank()) {
          throw new IllegalArgumentException("Decision " + f[0] + " is empty: expected a value");
        }
      }
      if (kind == Kind.ADJUST && adjustedRank == null) {
        throw new IllegalArgumentException(
            "ADJUST decision without a rank: expected HIGH, MEDIUM or LOW");
      }
      if (kind == Kind.ADJUST && (reason == null || reason.isBlank())) {
        throw new IllegalArgumentException(
            "ADJUST decision without a reason: expected the panel's reason");
      }
      if (kind == Kind.ACCEPT && adjustedRank != null) {
        throw new IllegalArgumentException(
            "ACCEPT decision with rank " + adjustedRank + ": expected no rank");
      }
    }
  }

  /**
   * Records a decision on a ranked pair; the score and rank the panel saw are stored with it.
   *
   * @return the stored row
   * @throws IllegalArgumentException when the pair is not in {@code analytics.risk_ranking} for that period
   */
  public static Row record(SparkSession spark, String catalog, Decision d) {
    List<Row> ranked =
        spark
            .table(RiskTables.RISK_RANKING.qualifiedName(catalog))
            .filter(
                col("period_type")
                    .equalTo(d.periodType().name())
                    .and(col("period").equalTo(d.period()))
                    .and(col("source_system").equalTo(d.sourceSystem()))
                    .and(col("analyte_code").equalTo(d.analyteCode()))
                    .and(col("commodity_code").equalTo(d.commodityCode())))
            .select("total_score", "risk_rank")
            .collectAsList();
    if (ranked.isEmpty()) {
      throw new IllegalArgumentException(
          "No ranked pair analyte '"
              + d.analyteCode()
              + "', commodity '"
              + d.commodityCode()
              + "', source "
              + d.sourceSystem()
              + " in "
              + d.periodType()
              + " "
              + d.period()
              + ": expected a row of analytics.risk_ranking (run the risk job first)");
    }
    Row row =
        new Rows(Rows.schema(RiskTables.PANEL_DECISIONS))
            .set("decision_id", UUID.randomUUID().toString())
            .set("period_type", d.periodType().name())
            .set("period", d.period())
            .set("source_system", d.sourceSystem())
            .set("analyte_code", d.analyteCode())
            .set("commodity_code", d.commodityCode())
            .set("decision", d.kind().name())
            .set("adjusted_rank", d.adjustedRank() == null ? null : d.adjustedRank().name())
            .set("reason", d.reason())
            .set("decided_by", d.decidedBy())
            .set("decided_at", Timestamp.from(d.decidedAt()))
            .set("score_at_decision", ranked.get(0).getAs("total_score"))
            .set("rank_at_decision", ranked.get(0).getAs("risk_rank"))
            .build();
    try {
      Rows.frame(spark, List.of(row), RiskTables.PANEL_DECISIONS)
          .writeTo(RiskTables.PANEL_DECISIONS.qualifiedName(catalog))
          .append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "Table "
              + RiskTables.PANEL_DECISIONS.qualifiedName(catalog)
              + " is missing: run `agrisafe create` first",
          e);
    }
    return row;
  }

  /** The decision in force (latest) per ranked pair of a period. */
  public static Dataset<Row> latest(
      SparkSession spark, String catalog, PeriodType type, String period) {
    return spark
        .table(RiskTables.PANEL_DECISIONS.qualifiedName(catalog))
        .filter(col("period_type").equalTo(type.name()).and(col("period").equalTo(period)))
        .withColumn(
            "rn",
            row_number()
                .over(
                    Window.partitionBy("source_system", "analyte_code", "commodity_code")
                        .orderBy(col("decided_at").desc(), col("decision_id").desc())))
        .filter(col("rn").equalTo(1))
        .drop("rn");
  }

  /**
   * Where the new score disagrees with the decision in force, a sentence for the panel; null when it agrees.
   *
   * @param decision latest decision row
   * @param score current total score
   * @param rank current rank
   */
  public static String disagreement(Row decision, int score, String rank) {
    String kind = decision.getAs("decision");
    if (kind.equals(Kind.ADJUST.name())) {
      String adj = decision.getAs("adjusted_rank");
      return adj.equals(rank)
          ? null
          : String.format(
              Locale.ROOT,
              "the new score gives %s (S=%d); the panel set %s: %s",
              rank,
              score,
              adj,
              decision.getAs("reason"));
    }
    Integer was = decision.getAs("score_at_decision");
    String wasRank = decision.getAs("rank_at_decision");
    if (Objects.equals(was, score) && Objects.equals(wasRank, rank)) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "accepted at %s (S=%s); the new score gives %s (S=%d)",
        wasRank,
        was,
        rank,
        score);
  }
}
