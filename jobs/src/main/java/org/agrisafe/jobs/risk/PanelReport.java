package org.agrisafe.jobs.risk;

import static org.agrisafe.jobs.report.Html.escape;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The panel review report: one self-contained HTML file (no script, no external resource) at
 * {@code <output-dir>/reports/risk-panel-<period>.html}, read from the risk tables of one period:
 *
 * <ol>
 *   <li>the ranked list, each row with every matrix factor's level, score and input, whether its scoring rows are
 *       verified, the change since the previous period (score and rank) and the panel decision in force, with where
 *       the new score disagrees with it;</li>
 *   <li>chronic exposure per analyte (HQ / %ADI per bound, with the bound note) and the hazard index over analytes;</li>
 *   <li>the top producer / region / sampling-point scores with their components;</li>
 *   <li>analytes with no ADI and (analyte, commodity) pairs with detections but no MRL ({@code NO_STANDARD});</li>
 *   <li>the full "not assessed" list with reasons;</li>
 *   <li>the sampling-plan model evaluation (AUC, Brier).</li>
 * </ol>
 */
public final class PanelReport {
  private PanelReport() {}

  /** Number of units per type shown in the scores section. */
  public static final int TOP_UNITS_DEFAULT = 20;

  /**
   * Writes the report.
   *
   * @return the file written
   * @throws UncheckedIOException when the file cannot be written
   */
  public static Path write(
      SparkSession spark, String catalog, Path outputDir, PeriodType type, String period) {
    String html = render(spark, catalog, type, period);
    Path file = outputDir.resolve("reports").resolve("risk-panel-" + period + ".html");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write panel report " + file, e);
    }
    return file;
  }

  static String render(SparkSession spark, String catalog, PeriodType type, String period) {
    var inPeriod = col("period_type").equalTo(type.name()).and(col("period").equalTo(period));
    List<Row> ranking =
        spark
            .table(RiskTables.RISK_RANKING.qualifiedName(catalog))
            .filter(inPeriod)
            .orderBy("source_system", "rank_position")
            .collectAsList();
    Optional<String> previous =
        spark
            .table(RiskTables.RISK_RANKING.qualifiedName(catalog))
            .filter(col("period_type").equalTo(type.name()).and(col("period").lt(period)))
            .select("period")
            .distinct()
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .max(String::compareTo);
    Map<String, Row> prev = new HashMap<>();
    previous.ifPresent(
        pp ->
            spark
                .table(RiskTables.RISK_RANKING.qualifiedName(catalog))
                .filter(col("period_type").equalTo(type.name()).and(col("period").equalTo(pp)))
                .collectAsList()
                .forEach(r -> prev.put(key(r), r)));
    Map<String, Row> decisions = new HashMap<>();
    PanelDecisions.latest(spark, catalog, type, period)
        .collectAsList()
        .forEach(r -> decisions.put(key(r), r));

    StringBuilder h = new StringBuilder();
    h.append(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Risk panel review ")
        .append(escape(period))
        .append(
            "</title><style>body{font-family:sans-serif;margin:2em;font-size:14px}"
                + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #bbb;padding:3px 6px;"
                + "vertical-align:top}th{background:#eee}.HIGH{background:#f8d0d0}.MEDIUM{background:#fbecc4}"
                + ".LOW{background:#dff0d8}.warn{color:#a00;font-weight:bold}small{color:#555}</style></head><body>");
    h.append("<h1>Risk assessment for the expert panel: ")
        .append(escape(type.name()))
        .append(' ')
        .append(escape(period))
        .append("</h1><p>Previous period compared: ")
        .append(escape(previous.orElse("none")))
        .append(". Ranking: VRC ")
        .append(
            "matrix S = (A+B)&times;(C+D+E+F); every factor's level, score and input is shown. Scoring rows ")
        .append(
            "marked unverified were not read in their cited source (reference-data/risk-matrix/PROVENANCE.md).")
        .append("</p>");

    h.append(
            "<h2>1. Ranked list</h2><table><tr><th>#</th><th>Source</th><th>Analyte</th><th>Commodity</th>")
        .append(
            "<th>Rank</th><th>S</th><th>A toxicity</th><th>B ADI</th><th>C diet share</th><th>D detection")
        .append(
            " frequency</th><th>E high-exposure</th><th>F residue evidence</th><th>n / det / exc</th>")
        .append("<th>Verified</th><th>Change since previous</th><th>Panel decision</th></tr>");
    for (Row r : ranking) {
      String rank = r.getAs("risk_rank");
      int score = r.getAs("total_score");
      h.append("<tr class=\"")
          .append(rank)
          .append("\"><td>")
          .append((Object) r.getAs("rank_position"))
          .append("</td><td>")
          .append(escape(r.getAs("source_system")))
          .append("</td><td>")
          .append(escape(r.getAs("analyte_code")))
          .append("</td><td>")
          .append(escape(r.getAs("commodity_code")))
          .append("</td><td>")
          .append(rank)
          .append("</td><td>")
          .append(score)
          .append(" = (")
          .append((Object) r.getAs("toxicity_score"))
          .append(")&times;(")
          .append((Object) r.getAs("exposure_score"))
          .append(")</td>");
      for (String f : new String[] {"a", "b", "c", "d", "e", "f"}) {
        h.append("<td>")
            .append(escape(r.getAs(f + "_level")))
            .append(" &rarr; <b>")
            .append((Object) r.getAs(f + "_score"))
            .append("</b><br><small>")
            .append(escape(r.getAs(f + "_input")))
            .append("</small></td>");
      }
      h.append("<td>")
          .append((Object) r.getAs("n_samples"))
          .append(" / ")
          .append((Object) r.getAs("n_detections"))
          .append(" / ")
          .append((Object) r.getAs("n_exceedances"))
          .append("</td><td>")
          .append(
              r.<Boolean>getAs("verified")
                  ? "yes"
                  : "no: " + escape(String.valueOf(r.getList(r.fieldIndex("unverified_levels")))))
          .append("</td><td>");
      Row p = prev.get(key(r));
      if (p == null) {
        h.append(
            previous.isPresent()
                ? "new (not ranked in " + escape(previous.get()) + ")"
                : "no previous period");
      } else {
        int ps = p.getAs("total_score");
        h.append(
            String.format(
                Locale.ROOT,
                "S %d &rarr; %d (%+d); %s &rarr; %s",
                ps,
                score,
                score - ps,
                p.<String>getAs("risk_rank"),
                rank));
      }
      h.append("</td><td>");
      Row d = decisions.get(key(r));
      if (d == null) {
        h.append("none");
      } else {
        h.append(escape(d.getAs("decision")))
            .append(
                d.getAs("adjusted_rank") == null ? "" : " to " + escape(d.getAs("adjusted_rank")))
            .append(" by ")
            .append(escape(d.getAs("decided_by")))
            .append(", ")
            .append(escape(String.valueOf(d.<Object>getAs("decided_at"))))
            .append(
                d.getAs("reason") == null
                    ? ""
                    : "<br><small>" + escape(d.getAs("reason")) + "</small>");
        String dis = PanelDecisions.disagreement(d, score, rank);
        if (dis != null) {
          h.append("<br><span class=\"warn\">Disagrees: ").append(escape(dis)).append("</span>");
        }
      }
      h.append("</td></tr>");
    }
    h.append("</table>");

    exposure(spark, catalog, inPeriod, h);
    scores(spark, catalog, inPeriod, h);

    List<Row> notAssessed =
        spark
            .table(RiskTables.RISK_NOT_ASSESSED.qualifiedName(catalog))
            .filter(inPeriod)
            .orderBy("output", "source_system", "key")
            .collectAsList();
    h.append(
            "<h2>4. Analytes with no ADI, and detections with no MRL</h2><table><tr><th>Source</th><th>Key</th>")
        .append("<th>Reason</th></tr>");
    for (Row r : notAssessed) {
      String reason = r.getAs("reason");
      if (reason.contains("ADI")
          || reason.contains("NO_REFERENCE_VALUE")
          || reason.contains("UNKNOWN_ANALYTE")) {
        h.append("<tr><td>")
            .append(escape(r.getAs("source_system")))
            .append("</td><td>")
            .append(escape(r.getAs("key")))
            .append("</td><td>")
            .append(escape(reason))
            .append("</td></tr>");
      }
    }
    h.append(
            "</table><table><tr><th>Source</th><th>Analyte</th><th>Commodity</th><th>Detections with no MRL ")
        .append("(NO_STANDARD)</th></tr>");
    for (Row r :
        spark
            .table(Tables.RESULTS.qualifiedName(catalog))
            .filter(col("verdict").equalTo("NO_STANDARD"))
            .filter(RiskJob.period(type, col("sample_date")).equalTo(period))
            .groupBy("source_system", "analyte_code", "commodity_code")
            .agg(count(lit(1)).as("n"))
            .orderBy(col("n").desc(), col("analyte_code"))
            .collectAsList()) {
      h.append("<tr><td>")
          .append(escape(r.getString(0)))
          .append("</td><td>")
          .append(escape(r.getString(1)))
          .append("</td><td>")
          .append(escape(r.getString(2)))
          .append("</td><td>")
          .append(r.getLong(3))
          .append("</td></tr>");
    }
    h.append("</table>");

    h.append(
        "<h2>5. Not assessed</h2><table><tr><th>Output</th><th>Source</th><th>Key</th><th>Reason</th></tr>");
    for (Row r : notAssessed) {
      h.append("<tr><td>")
          .append(escape(r.getAs("output")))
          .append("</td><td>")
          .append(escape(r.getAs("source_system")))
          .append("</td><td>")
          .append(escape(r.getAs("key")))
          .append("</td><td>")
          .append(escape(r.getAs("reason")))
          .append("</td></tr>");
    }
    h.append("</table>");

    h.append(
            "<h2>6. Sampling-plan model evaluation (time-based hold-out)</h2><table><tr><th>Test year</th>")
        .append(
            "<th>Model</th><th>Train years</th><th>n train (fail)</th><th>n test (fail)</th><th>AUC</th>")
        .append(
            "<th>Brier</th><th>Selected</th><th>Seed</th><th>Parameters</th><th>Note</th></tr>");
    for (Row r :
        spark
            .table(RiskTables.MODEL_EVALUATION.qualifiedName(catalog))
            .orderBy(col("test_period").desc(), col("model"))
            .collectAsList()) {
      h.append("<tr><td>")
          .append(escape(r.getAs("test_period")))
          .append("</td><td>")
          .append(escape(r.getAs("model")))
          .append("</td><td>")
          .append(escape(r.getAs("train_from")))
          .append("&ndash;")
          .append(escape(r.getAs("train_to")))
          .append("</td><td>")
          .append((Object) r.getAs("n_train"))
          .append(" (")
          .append((Object) r.getAs("n_train_failures"))
          .append(")</td><td>")
          .append((Object) r.getAs("n_test"))
          .append(" (")
          .append((Object) r.getAs("n_test_failures"))
          .append(")</td><td>")
          .append(num(r.getAs("auc")))
          .append("</td><td>")
          .append(num(r.getAs("brier")))
          .append("</td><td>")
          .append(r.<Boolean>getAs("selected") ? "yes" : "")
          .append("</td><td>")
          .append((Object) r.getAs("seed"))
          .append("</td><td><small>")
          .append(escape(r.getAs("parameters")))
          .append("</small></td><td>")
          .append(escape(r.getAs("note")))
          .append("</td></tr>");
    }
    h.append("</table></body></html>\n");
    return h.toString();
  }

  private static void exposure(
      SparkSession spark, String catalog, org.apache.spark.sql.Column inPeriod, StringBuilder h) {
    List<Row> rows =
        spark
            .table(RiskTables.RISK_EXPOSURE.qualifiedName(catalog))
            .filter(inPeriod)
            .orderBy(
                col("source_system"),
                col("hq_lower").desc(),
                col("analyte_code"),
                col("food_group"))
            .collectAsList();
    h.append(
            "<h2>2. Chronic dietary exposure</h2><table><tr><th>Source</th><th>Analyte</th><th>Food group</th>")
        .append(
            "<th>n / det</th><th>Mean LB / MB / UB mg/kg</th><th>Consumption kg/day</th><th>ADI (source)</th>")
        .append(
            "<th>Analyte EDI LB mg/kg bw/day</th><th>Analyte %ADI LB / MB / UB</th><th>Bounds</th></tr>");
    Map<String, double[]> hi = new TreeMap<>();
    Map<String, String> seen = new HashMap<>();
    for (Row r : rows) {
      h.append("<tr><td>")
          .append(escape(r.getAs("source_system")))
          .append("</td><td>")
          .append(escape(r.getAs("analyte_code")))
          .append("</td><td>")
          .append(escape(r.getAs("food_group")))
          .append("</td><td>")
          .append((Object) r.getAs("n_samples"))
          .append(" / ")
          .append((Object) r.getAs("n_detections"))
          .append("</td><td>")
          .append(num(r.getAs("mean_lower_mg_per_kg")))
          .append(" / ")
          .append(num(r.getAs("mean_middle_mg_per_kg")))
          .append(" / ")
          .append(num(r.getAs("mean_upper_mg_per_kg")))
          .append("</td><td>")
          .append(num(r.getAs("consumption_kg_per_day")))
          .append("</td><td>")
          .append(num(r.getAs("adi_mg_per_kg_bw_day")))
          .append("<br><small>")
          .append(escape(r.getAs("adi_source")))
          .append("</small></td><td>")
          .append(num(r.getAs("edi_lower_mg_per_kg_bw_day")))
          .append("</td><td>")
          .append(num(r.getAs("pct_adi_lower")))
          .append(" / ")
          .append(num(r.getAs("pct_adi_middle")))
          .append(" / ")
          .append(num(r.getAs("pct_adi_upper")))
          .append("</td><td><small>")
          .append(escape(r.getAs("bound_note")))
          .append("</small></td></tr>");
      String src = r.getAs("source_system");
      if (seen.put(src + "|" + r.getAs("analyte_code"), "") == null) {
        double[] v = hi.computeIfAbsent(src, k -> new double[] {0, 0, 0});
        String[] b = {"hq_lower", "hq_middle", "hq_upper"};
        for (int i = 0; i < 3; i++) {
          Double x = r.getAs(b[i]);
          v[i] = (x == null || Double.isNaN(v[i])) ? Double.NaN : v[i] + x;
        }
      }
    }
    h.append(
        "</table><p>Hazard index over all assessed analytes (HI = &Sigma; HQ, EFSA 2019 screening): ");
    hi.forEach(
        (src, v) ->
            h.append(escape(src))
                .append(": LB ")
                .append(num(v[0]))
                .append(", MB ")
                .append(Double.isNaN(v[1]) ? "not computable (lower bound only)" : num(v[1]))
                .append(", UB ")
                .append(Double.isNaN(v[2]) ? "not computable (lower bound only)" : num(v[2]))
                .append("; "));
    h.append("</p>");
  }

  private static void scores(
      SparkSession spark, String catalog, org.apache.spark.sql.Column inPeriod, StringBuilder h) {
    h.append("<h2>3. Producer, region and sampling-point scores (top ")
        .append(TOP_UNITS_DEFAULT)
        .append(" per type)</h2><table><tr><th>Type</th><th>Rank</th><th>Unit</th><th>Status</th>")
        .append(
            "<th>Samples / failures / exceedances / banned</th><th>Failure rate (95 % Wilson)</th>")
        .append(
            "<th>Weighted n / x</th><th>Prior (method)</th><th>Posterior mean</th><th>P(rate &gt; target)</th>")
        .append("</tr>");
    for (Row r :
        spark
            .table(RiskTables.RISK_SCORES.qualifiedName(catalog))
            .filter(inPeriod)
            .filter(col("rank").leq(TOP_UNITS_DEFAULT))
            .orderBy("unit_type", "rank")
            .collectAsList()) {
      h.append("<tr><td>")
          .append(escape(r.getAs("unit_type")))
          .append("</td><td>")
          .append((Object) r.getAs("rank"))
          .append(" of ")
          .append((Object) r.getAs("units_ranked"))
          .append("</td><td>")
          .append(escape(r.getAs("unit_key")))
          .append("</td><td>")
          .append(escape(r.getAs("status")))
          .append("</td><td>")
          .append((Object) r.getAs("samples"))
          .append(" / ")
          .append((Object) r.getAs("failures"))
          .append(" / ")
          .append((Object) r.getAs("exceedances"))
          .append(" / ")
          .append((Object) r.getAs("banned_findings"))
          .append("</td><td>")
          .append(num(r.getAs("failure_rate")))
          .append(" (")
          .append(num(r.getAs("failure_rate_low")))
          .append("&ndash;")
          .append(num(r.getAs("failure_rate_high")))
          .append(")</td><td>")
          .append(num(r.getAs("weighted_samples")))
          .append(" / ")
          .append(num(r.getAs("weighted_failures")))
          .append(" <small>half-life ")
          .append(num(r.getAs("half_life_days")))
          .append(" d</small></td><td>Beta(")
          .append(num(r.getAs("prior_alpha")))
          .append(", ")
          .append(num(r.getAs("prior_beta")))
          .append(") ")
          .append(escape(r.getAs("prior_method")))
          .append("</td><td>")
          .append(num(r.getAs("posterior_mean")))
          .append("</td><td>")
          .append(num(r.getAs("p_above_target")))
          .append(" <small>target ")
          .append(num(r.getAs("target_rate")))
          .append("</small></td></tr>");
    }
    h.append("</table>");
  }

  private static String key(Row r) {
    return r.getAs("source_system")
        + "|"
        + r.getAs("analyte_code")
        + "|"
        + r.getAs("commodity_code");
  }

  private static String num(Object v) {
    if (v == null) {
      return "&ndash;";
    }
    double d = ((Number) v).doubleValue();
    return Double.isNaN(d) ? "NaN" : String.format(Locale.ROOT, "%.4g", d);
  }
}
