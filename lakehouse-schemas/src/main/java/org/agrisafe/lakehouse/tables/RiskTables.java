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
 * Tables of the risk assessment for the expert panel (namespace {@code analytics}): chronic exposure, the
 * risk-ranking matrix, producer/region/sampling-point scores, what could not be assessed, the sampling-plan model's
 * evaluation, the sampling plan, and the panel's decisions.
 *
 * <p>Units: concentrations mg/kg, consumption kg/person/day, EDI mg/kg bw/day, ADI mg/kg bw/day, rates and
 * probabilities as proportions in [0, 1], %ADI in %. Periods ({@code period}: {@code yyyy} or {@code yyyy-MM}) are
 * cut in the deployment's zone from the stored {@code sample_date}. Nested field IDs follow every top-level ID, as
 * Iceberg assigns them.
 */
public final class RiskTables {
  private RiskTables() {}

  private static Map<String, String> props(String doc) {
    Map<String, String> m = new HashMap<>();
    m.put("format-version", "2");
    m.put("comment", doc);
    m.put("write.parquet.compression-codec", "zstd");
    m.put("write.metadata.delete-after-commit.enabled", "true");
    m.put("write.metadata.previous-versions-max", "50");
    return m;
  }

  private static PartitionSpec byPeriod(Schema s) {
    return PartitionSpec.builderFor(s).identity("period_type").identity("period").build();
  }

  // ------------------------------------------------------------------ analytics.risk_exposure
  private static final Schema EXPOSURE_SCHEMA =
      new Schema(
          required(1, "period_type", Types.StringType.get(), "YEAR or MONTH (local zone)"),
          required(2, "period", Types.StringType.get(), "yyyy or yyyy-MM"),
          required(
              3,
              "programme_scope",
              Types.StringType.get(),
              "Sampling programmes included, '+'-joined"),
          required(4, "source_system", Types.StringType.get()),
          required(5, "analyte_code", Types.StringType.get()),
          required(6, "food_group", Types.StringType.get(), "Food group of the consumption table"),
          optional(
              7,
              "commodity_codes",
              Types.StringType.get(),
              "Commodities pooled into the food group, ';'-joined"),
          optional(8, "substance", Types.StringType.get(), "Substance whose ADI was used"),
          optional(
              9,
              "adi_match_rule",
              Types.StringType.get(),
              "How the analyte was matched to the substance"),
          required(
              10, "n_samples", Types.LongType.get(), "Samples tested (denominator of the means)"),
          required(11, "n_detections", Types.LongType.get(), "Quantified results"),
          required(
              12, "non_detect_reporting", Types.StringType.get(), "ENUMERATED or DETECTIONS_ONLY"),
          required(13, "bound_availability", Types.StringType.get(), "ALL_BOUNDS or LOWER_ONLY"),
          required(
              14,
              "bound_note",
              Types.StringType.get(),
              "Which bounds exist and why (e.g. detections only)"),
          optional(
              15,
              "mean_lower_mg_per_kg",
              Types.DoubleType.get(),
              "Mean residue, lower bound (ND = 0)"),
          optional(
              16,
              "mean_middle_mg_per_kg",
              Types.DoubleType.get(),
              "Mean residue, middle bound (ND = LOQ/2)"),
          optional(
              17,
              "mean_upper_mg_per_kg",
              Types.DoubleType.get(),
              "Mean residue, upper bound (ND = LOQ)"),
          required(
              18,
              "consumption_kg_per_day",
              Types.DoubleType.get(),
              "Consumption used, kg/person/day"),
          optional(19, "consumption_source", Types.StringType.get()),
          required(20, "body_weight_kg", Types.DoubleType.get()),
          optional(
              21,
              "intake_lower_mg_per_day",
              Types.DoubleType.get(),
              "Mean x consumption, mg/person/day"),
          optional(22, "intake_middle_mg_per_day", Types.DoubleType.get()),
          optional(23, "intake_upper_mg_per_day", Types.DoubleType.get()),
          optional(
              24,
              "hq_food_lower",
              Types.DoubleType.get(),
              "This food group's part of the analyte's HQ"),
          optional(25, "hq_food_middle", Types.DoubleType.get()),
          optional(26, "hq_food_upper", Types.DoubleType.get()),
          required(27, "adi_mg_per_kg_bw_day", Types.DoubleType.get()),
          optional(28, "adi_source", Types.StringType.get()),
          optional(
              29,
              "edi_lower_mg_per_kg_bw_day",
              Types.DoubleType.get(),
              "Analyte EDI over all its food groups"),
          optional(30, "edi_middle_mg_per_kg_bw_day", Types.DoubleType.get()),
          optional(31, "edi_upper_mg_per_kg_bw_day", Types.DoubleType.get()),
          optional(
              32,
              "hq_lower",
              Types.DoubleType.get(),
              "Analyte HQ = EDI/ADI over all food groups (its hazard index over commodities)"),
          optional(33, "hq_middle", Types.DoubleType.get()),
          optional(34, "hq_upper", Types.DoubleType.get()),
          optional(35, "pct_adi_lower", Types.DoubleType.get(), "100 x HQ, %"),
          optional(36, "pct_adi_middle", Types.DoubleType.get()),
          optional(37, "pct_adi_upper", Types.DoubleType.get()),
          optional(38, "ifs_lower", Types.DoubleType.get(), "Food safety index IFS"),
          optional(39, "ifs_middle", Types.DoubleType.get()),
          optional(40, "ifs_upper", Types.DoubleType.get()),
          optional(
              41, "input_snapshot_id", Types.LongType.get(), "monitoring.results snapshot read"),
          optional(42, "computed_at", Types.TimestampType.withZone()));

  public static final TableDef RISK_EXPOSURE =
      new TableDef(
          Tables.NS_ANALYTICS,
          "risk_exposure",
          "Chronic dietary exposure per (analyte, food group): EDI, HQ/%ADI, IFS per non-detect bound",
          EXPOSURE_SCHEMA,
          byPeriod(EXPOSURE_SCHEMA),
          SortOrder.builderFor(EXPOSURE_SCHEMA).asc("analyte_code").asc("food_group").build(),
          props("Chronic dietary exposure per analyte and food group"));

  // ------------------------------------------------------------------ analytics.risk_not_assessed
  private static final Schema NOT_ASSESSED_SCHEMA =
      new Schema(
          required(1, "period_type", Types.StringType.get()),
          required(2, "period", Types.StringType.get()),
          required(3, "output", Types.StringType.get(), "EXPOSURE, RANKING or SCORES"),
          optional(4, "source_system", Types.StringType.get()),
          required(
              5, "key", Types.StringType.get(), "e.g. analyte=boscalid;food_group=fresh fruit"),
          required(6, "reason", Types.StringType.get()),
          optional(7, "computed_at", Types.TimestampType.withZone()));

  public static final TableDef RISK_NOT_ASSESSED =
      new TableDef(
          Tables.NS_ANALYTICS,
          "risk_not_assessed",
          "Inputs of the risk assessment that were not assessed, with the reason",
          NOT_ASSESSED_SCHEMA,
          byPeriod(NOT_ASSESSED_SCHEMA),
          SortOrder.builderFor(NOT_ASSESSED_SCHEMA).asc("output").asc("key").build(),
          props("Not assessed: key and reason"));

  // ------------------------------------------------------------------ analytics.risk_ranking
  private static final Schema RANKING_SCHEMA =
      new Schema(
          required(1, "period_type", Types.StringType.get()),
          required(2, "period", Types.StringType.get()),
          required(3, "programme_scope", Types.StringType.get()),
          required(4, "source_system", Types.StringType.get()),
          required(5, "analyte_code", Types.StringType.get()),
          required(6, "commodity_code", Types.StringType.get()),
          optional(7, "food_group", Types.StringType.get()),
          required(8, "n_samples", Types.LongType.get()),
          required(9, "n_detections", Types.LongType.get()),
          required(10, "n_exceedances", Types.LongType.get(), "Results with value > MRL"),
          required(11, "a_level", Types.StringType.get(), "A: toxicity class"),
          required(12, "a_score", Types.IntegerType.get()),
          optional(13, "a_input", Types.StringType.get()),
          required(14, "b_level", Types.StringType.get(), "B: potency (ADI)"),
          required(15, "b_score", Types.IntegerType.get()),
          optional(16, "b_input", Types.StringType.get()),
          required(17, "c_level", Types.StringType.get(), "C: share of the diet, %"),
          required(18, "c_score", Types.IntegerType.get()),
          optional(19, "c_input", Types.StringType.get()),
          required(20, "d_level", Types.StringType.get(), "D: detection frequency, %"),
          required(21, "d_score", Types.IntegerType.get()),
          optional(22, "d_input", Types.StringType.get()),
          required(23, "e_level", Types.StringType.get(), "E: high-exposure groups"),
          required(24, "e_score", Types.IntegerType.get()),
          optional(25, "e_input", Types.StringType.get()),
          required(26, "f_level", Types.StringType.get(), "F: residue evidence"),
          required(27, "f_score", Types.IntegerType.get()),
          optional(28, "f_input", Types.StringType.get()),
          required(29, "toxicity_score", Types.IntegerType.get(), "A + B"),
          required(30, "exposure_score", Types.IntegerType.get(), "C + D + E + F"),
          required(31, "total_score", Types.IntegerType.get(), "S = (A + B) x (C + D + E + F)"),
          required(32, "risk_rank", Types.StringType.get(), "HIGH, MEDIUM or LOW"),
          required(
              33,
              "rank_position",
              Types.IntegerType.get(),
              "1 = highest score in the period and source"),
          required(
              34,
              "verified",
              Types.BooleanType.get(),
              "True when every scoring row used is verified"),
          optional(
              35,
              "unverified_levels",
              Types.ListType.ofRequired(38, Types.StringType.get()),
              "Scoring rows used whose cut-off was not read in its source"),
          optional(36, "input_snapshot_id", Types.LongType.get()),
          optional(37, "computed_at", Types.TimestampType.withZone()));

  public static final TableDef RISK_RANKING =
      new TableDef(
          Tables.NS_ANALYTICS,
          "risk_ranking",
          "Risk-ranking matrix S = (A+B)x(C+D+E+F) per (analyte, commodity) with every factor",
          RANKING_SCHEMA,
          byPeriod(RANKING_SCHEMA),
          SortOrder.builderFor(RANKING_SCHEMA).asc("rank_position").build(),
          props("Risk-ranking matrix per analyte and commodity"));

  // ------------------------------------------------------------------ analytics.risk_scores
  private static final Schema SCORES_SCHEMA =
      new Schema(
          required(1, "period_type", Types.StringType.get()),
          required(2, "period", Types.StringType.get()),
          required(3, "programme_scope", Types.StringType.get()),
          required(4, "unit_type", Types.StringType.get(), "PRODUCER, REGION or SAMPLING_POINT"),
          required(
              5,
              "unit_key",
              Types.StringType.get(),
              "producer_id; CN_ADCODE:<code> or ISO3166_1:<iso2>; point"),
          required(6, "status", Types.StringType.get(), "SCORED or NO_HISTORY"),
          required(
              7,
              "as_of_date",
              Types.DateType.get(),
              "Last day of the period; recency weights are from it"),
          required(
              8,
              "history_from_date",
              Types.DateType.get(),
              "First sampling date in the history window"),
          required(9, "samples", Types.LongType.get(), "Judged samples in the history window"),
          required(10, "failures", Types.LongType.get()),
          required(11, "exceedances", Types.LongType.get(), "Samples with a result > MRL"),
          required(
              12,
              "banned_findings",
              Types.LongType.get(),
              "Samples with a banned-substance detection"),
          optional(
              13,
              "failure_rate",
              Types.DoubleType.get(),
              "failures / samples; null when no samples"),
          optional(14, "failure_rate_low", Types.DoubleType.get(), "95 % Wilson"),
          optional(15, "failure_rate_high", Types.DoubleType.get()),
          optional(16, "exceedance_rate", Types.DoubleType.get()),
          optional(17, "exceedance_rate_low", Types.DoubleType.get()),
          optional(18, "exceedance_rate_high", Types.DoubleType.get()),
          required(19, "weighted_samples", Types.DoubleType.get(), "Sum of recency weights"),
          required(20, "weighted_failures", Types.DoubleType.get()),
          required(21, "weighted_banned_findings", Types.DoubleType.get()),
          required(22, "half_life_days", Types.DoubleType.get()),
          required(23, "prior_method", Types.StringType.get()),
          required(24, "prior_alpha", Types.DoubleType.get()),
          required(25, "prior_beta", Types.DoubleType.get()),
          optional(26, "prior_note", Types.StringType.get()),
          required(27, "posterior_alpha", Types.DoubleType.get()),
          required(28, "posterior_beta", Types.DoubleType.get()),
          required(29, "posterior_mean", Types.DoubleType.get(), "Shrunk failure rate"),
          required(30, "target_rate", Types.DoubleType.get()),
          required(31, "p_above_target", Types.DoubleType.get(), "P(true failure rate > target)"),
          required(
              32,
              "rank",
              Types.IntegerType.get(),
              "1 = most likely above target, within unit_type"),
          required(33, "units_ranked", Types.IntegerType.get()),
          optional(34, "input_snapshot_id", Types.LongType.get()),
          optional(35, "computed_at", Types.TimestampType.withZone()));

  public static final TableDef RISK_SCORES =
      new TableDef(
          Tables.NS_ANALYTICS,
          "risk_scores",
          "Beta-binomial failure-rate scores per producer, region and sampling point",
          SCORES_SCHEMA,
          byPeriod(SCORES_SCHEMA),
          SortOrder.builderFor(SCORES_SCHEMA).asc("unit_type").asc("rank").build(),
          props("Producer, region and sampling-point scores"));

  // ------------------------------------------------------------------ analytics.model_evaluation
  private static final Schema MODEL_EVALUATION_SCHEMA =
      new Schema(
          required(1, "test_period", Types.StringType.get(), "Hold-out year yyyy"),
          required(
              2,
              "model",
              Types.StringType.get(),
              "GRADIENT_BOOSTING, LOGISTIC_REGRESSION or HISTORICAL_RATE"),
          required(3, "train_from", Types.StringType.get()),
          required(4, "train_to", Types.StringType.get()),
          required(5, "n_train", Types.LongType.get()),
          required(6, "n_train_failures", Types.LongType.get()),
          required(7, "n_test", Types.LongType.get()),
          required(8, "n_test_failures", Types.LongType.get()),
          optional(
              9,
              "auc",
              Types.DoubleType.get(),
              "ROC AUC on the hold-out year; null when one class only"),
          optional(10, "brier", Types.DoubleType.get(), "Mean (p - y)^2 on the hold-out year"),
          required(11, "seed", Types.LongType.get()),
          optional(12, "parameters", Types.StringType.get()),
          required(13, "selected", Types.BooleanType.get(), "The model used for the sampling plan"),
          optional(14, "note", Types.StringType.get()),
          optional(15, "computed_at", Types.TimestampType.withZone()));

  public static final TableDef MODEL_EVALUATION =
      new TableDef(
          Tables.NS_ANALYTICS,
          "model_evaluation",
          "P(sample fails) models on a time-based hold-out: AUC and Brier score",
          MODEL_EVALUATION_SCHEMA,
          PartitionSpec.builderFor(MODEL_EVALUATION_SCHEMA).identity("test_period").build(),
          SortOrder.builderFor(MODEL_EVALUATION_SCHEMA).asc("model").build(),
          props("Sampling-plan model evaluation"));

  // ------------------------------------------------------------------ analytics.sampling_plan
  private static final Schema SAMPLING_PLAN_SCHEMA =
      new Schema(
          required(1, "plan_month", Types.StringType.get(), "yyyy-MM the plan is for (local zone)"),
          required(2, "plan_sample_id", Types.StringType.get(), "<plan_month>-<seq>"),
          required(3, "commodity_code", Types.StringType.get()),
          optional(4, "category", Types.StringType.get()),
          required(
              5,
              "region_key",
              Types.StringType.get(),
              "CN_ADCODE:<code>, ISO3166_1:<iso2> or UNKNOWN"),
          required(6, "programme", Types.StringType.get(), "RANDOM_MONITORING or RISK_TARGETED"),
          required(7, "predicted_failure_probability", Types.DoubleType.get()),
          optional(8, "historical_failure_rate", Types.DoubleType.get()),
          required(9, "historical_samples", Types.LongType.get()),
          required(
              10, "stratum_planned", Types.IntegerType.get(), "Samples planned in this stratum"),
          required(11, "stratum_floor", Types.IntegerType.get()),
          required(12, "model", Types.StringType.get()),
          required(13, "seed", Types.LongType.get()),
          required(14, "total_samples", Types.IntegerType.get()),
          required(15, "random_share", Types.DoubleType.get()),
          optional(16, "computed_at", Types.TimestampType.withZone()));

  public static final TableDef SAMPLING_PLAN =
      new TableDef(
          Tables.NS_ANALYTICS,
          "sampling_plan",
          "Risk-based sampling plan: one row per planned sample",
          SAMPLING_PLAN_SCHEMA,
          PartitionSpec.builderFor(SAMPLING_PLAN_SCHEMA).identity("plan_month").build(),
          SortOrder.builderFor(SAMPLING_PLAN_SCHEMA).asc("plan_sample_id").build(),
          props("Sampling plan"));

  // ------------------------------------------------------------------ analytics.panel_decisions
  private static final Schema PANEL_DECISIONS_SCHEMA =
      new Schema(
          required(1, "decision_id", Types.StringType.get()),
          required(2, "period_type", Types.StringType.get()),
          required(3, "period", Types.StringType.get()),
          required(4, "source_system", Types.StringType.get()),
          required(5, "analyte_code", Types.StringType.get()),
          required(6, "commodity_code", Types.StringType.get()),
          required(7, "decision", Types.StringType.get(), "ACCEPT or ADJUST"),
          optional(8, "adjusted_rank", Types.StringType.get(), "HIGH, MEDIUM or LOW when ADJUST"),
          optional(9, "reason", Types.StringType.get(), "Required for ADJUST"),
          required(10, "decided_by", Types.StringType.get()),
          required(11, "decided_at", Types.TimestampType.withZone()),
          optional(12, "score_at_decision", Types.IntegerType.get(), "total_score the panel saw"),
          optional(13, "rank_at_decision", Types.StringType.get(), "risk_rank the panel saw"));

  /** Append-only: the latest decision per (period, source, analyte, commodity) is in force. */
  public static final TableDef PANEL_DECISIONS =
      new TableDef(
          Tables.NS_ANALYTICS,
          "panel_decisions",
          "Expert-panel decisions on the risk ranking (append-only)",
          PANEL_DECISIONS_SCHEMA,
          PartitionSpec.builderFor(PANEL_DECISIONS_SCHEMA).identity("period_type").build(),
          SortOrder.builderFor(PANEL_DECISIONS_SCHEMA).asc("decided_at").build(),
          props("Panel decisions"));

  /** Every risk table, in creation order (namespace {@code analytics}). */
  public static List<TableDef> all() {
    return List.of(
        RISK_EXPOSURE,
        RISK_NOT_ASSESSED,
        RISK_RANKING,
        RISK_SCORES,
        MODEL_EVALUATION,
        SAMPLING_PLAN,
        PANEL_DECISIONS);
  }
}
