package org.agrisafe.jobs.bulletin;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.period.Periods;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.risk.RiskParameters;
import org.agrisafe.jobs.spark.SnapshotSet;
import org.agrisafe.lakehouse.tables.MapTables;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Gathers every figure of one bulletin from the tables the other jobs wrote, each read at its recorded snapshot
 * ({@link SnapshotSet}). It computes no rate or interval itself: rates, Wilson intervals, risk scores, warning
 * states and map statistics are copied from {@code analytics.*}; it only selects, sorts, lists, counts records
 * (exceedances, uploads, late arrivals, rejections) and compares a copied rate with the target.
 *
 * <p>Output: a nested map (JSON objects as {@link LinkedHashMap} in a fixed key order, arrays as lists), the
 * machine-readable figures file of the bulletin. Rates are proportions in [0, 1]; a group with no judged sample
 * has a null rate; concentrations are mg/kg; dates are local dates of the deployment's zone.
 */
public final class BulletinFigures {
  /** Programmes of every headline figure (docs/conventions.md §11.2: headline pass rates use random monitoring only). */
  public static final String PROGRAMME_SCOPE = PassRateSpec.Programme.RANDOM_MONITORING.name();

  /** Breakdown tables, each a pass-rate dimension written by PassRateJob together with source_system. */
  public static final List<PassRateSpec.Dimension> BREAKDOWNS =
      List.of(
          PassRateSpec.Dimension.CATEGORY,
          PassRateSpec.Dimension.COMMODITY,
          PassRateSpec.Dimension.REGION,
          PassRateSpec.Dimension.SAMPLING_STAGE,
          PassRateSpec.Dimension.LAB_LEVEL);

  /** At most this many exceedances or banned detections are listed (the count is always complete). */
  public static final int MAX_LISTED = 200;

  private BulletinFigures() {}

  /**
   * Builds the figures.
   *
   * @param zone the deployment's zone, in which late arrivals are judged against the period's last day
   * @throws IllegalStateException when the headline pass-rate row set for the period type is missing (names the
   *     pass-rates command to run first)
   */
  public static Map<String, Object> build(
      SparkSession spark, String catalog, BulletinSpec spec, SnapshotSet snaps, ZoneId zone) {
    Map<String, Object> f = new LinkedHashMap<>();
    Dataset<Row> rates =
        snaps
            .read(spark, catalog, Tables.PASS_RATES)
            .filter(
                col("period_type")
                    .equalTo(spec.periodType().name())
                    .and(col("programme_scope").equalTo(PROGRAMME_SCOPE))
                    .and(col("source_system").equalTo(spec.sourceSystem())))
            .cache();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("source_system", spec.sourceSystem());
    meta.put("period_type", spec.periodType().name());
    meta.put("period", spec.period());
    meta.put("language", spec.language().name());
    meta.put("programme_scope", PROGRAMME_SCOPE);
    meta.put("target_pass_rate", spec.targetPassRate());
    meta.put("min_group_samples", spec.minGroupSamples());
    meta.put("snapshots", snaps.ids());
    Long cutOff = snaps.committedAtMillis(spark, catalog, Tables.SAMPLES);
    meta.put("data_cut_off_utc", Instant.ofEpochMilli(cutOff).toString());
    meta.put("zone", zone.getId());
    f.put("meta", meta);

    String headlineSet = "source_system";
    if (rates.filter(col("dimension_set").equalTo(headlineSet)).isEmpty()) {
      throw new IllegalStateException(
          "analytics.pass_rates has no "
              + spec.periodType()
              + " rows by source_system"
              + " for random monitoring: run `agrisafe run pass-rates --period-type "
              + spec.periodType()
              + " --dims source_system` first");
    }
    Dataset<Row> overall = rates.filter(col("dimension_set").equalTo(headlineSet));
    Row current = one(overall, spec.period());
    Map<String, Object> headline = new LinkedHashMap<>();
    headline.put("has_data", current != null);
    headline.put("current", current == null ? null : rateMap(current));
    headline.put("target_status", targetStatus(current, spec.targetPassRate()));
    String prev = Periods.previous(spec.periodType(), spec.period());
    String yoy = Periods.yearBefore(spec.periodType(), spec.period());
    headline.put("previous_period", comparison(one(overall, prev), prev, current));
    headline.put("same_period_last_year", comparison(one(overall, yoy), yoy, current));
    f.put("headline", headline);

    Map<String, Object> tables = new LinkedHashMap<>();
    for (PassRateSpec.Dimension d : BREAKDOWNS) {
      tables.put(d.column(), breakdown(rates, spec, d));
    }
    f.put("breakdowns", tables);

    List<String> months = Periods.months(spec.periodType(), spec.period());
    Dataset<Row> samples =
        snaps
            .read(spark, catalog, Tables.SAMPLES)
            .filter(
                col("source_system")
                    .equalTo(spec.sourceSystem())
                    .and(col("sample_month").isin(months.toArray())))
            .cache();
    Dataset<Row> results =
        snaps
            .read(spark, catalog, Tables.RESULTS)
            .filter(
                col("source_system")
                    .equalTo(spec.sourceSystem())
                    .and(col("sample_month").isin(months.toArray())));
    Dataset<Row> programmes = samples.select(col("sample_id"), col("programme"));
    f.put("exceedances", findings(results.filter(col("exceeds")).join(programmes, "sample_id")));
    f.put(
        "banned_detections",
        findings(results.filter(col("banned_detection")).join(programmes, "sample_id")));
    f.put("warnings", warnings(snaps.read(spark, catalog, WarningTables.WARNINGS), spec, months));
    f.put("risks", risks(snaps.read(spark, catalog, RiskTables.RISK_RANKING), spec));
    f.put("map", map(snaps.read(spark, catalog, MapTables.REGION_STATS), spec));
    f.put("trend", trend(overall, spec));
    f.put(
        "data_quality",
        dataQuality(samples, snaps.read(spark, catalog, Tables.REJECTED_RECORDS), spec, zone));
    rates.unpersist();
    samples.unpersist();
    return f;
  }

  private static Row one(Dataset<Row> rows, String period) {
    List<Row> r = rows.filter(col("period").equalTo(period)).collectAsList();
    if (r.size() > 1) {
      throw new IllegalStateException(
          "analytics.pass_rates has "
              + r.size()
              + " rows for one group of period "
              + period
              + ": expected one (re-run the pass-rates job)");
    }
    return r.isEmpty() ? null : r.get(0);
  }

  static Map<String, Object> rateMap(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.getAs("period"));
    for (String c :
        List.of(
            "tested",
            "judged",
            "passed",
            "detected",
            "exceeding",
            "non_compliant",
            "detected_without_standard")) {
      m.put(c, r.getAs(c));
    }
    for (String rate : List.of("pass_rate", "detection_rate", "exceedance_rate")) {
      m.put(rate, r.getAs(rate));
      m.put(rate + "_low", r.getAs(rate + "_low"));
      m.put(rate + "_high", r.getAs(rate + "_high"));
    }
    return m;
  }

  /** MET when the pass rate is at or above the target, NOT_MET below it, NO_DATA when there is no rate. */
  static String targetStatus(Row r, double target) {
    if (r == null || r.getAs("pass_rate") == null) {
      return "NO_DATA";
    }
    return (double) r.getAs("pass_rate") >= target ? "MET" : "NOT_MET";
  }

  private static Map<String, Object> comparison(Row ref, String period, Row current) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", period);
    m.put("has_data", ref != null && ref.getAs("pass_rate") != null);
    m.put("tested", ref == null ? null : ref.getAs("tested"));
    m.put("pass_rate", ref == null ? null : ref.getAs("pass_rate"));
    Double a = current == null ? null : current.getAs("pass_rate");
    Double b = ref == null ? null : ref.getAs("pass_rate");
    m.put(
        "change_percentage_points",
        a == null || b == null ? null : Math.round((a - b) * 1e6) / 1e4);
    return m;
  }

  private static Map<String, Object> breakdown(
      Dataset<Row> rates, BulletinSpec spec, PassRateSpec.Dimension d) {
    String set = "source_system+" + d.column();
    Map<String, Object> m = new LinkedHashMap<>();
    Dataset<Row> rows = rates.filter(col("dimension_set").equalTo(set));
    if (rows.isEmpty()) {
      m.put("status", "NOT_COMPUTED");
      m.put(
          "run_first",
          "agrisafe run pass-rates --period-type "
              + spec.periodType()
              + " --dims source_system,"
              + d.column());
      return m;
    }
    List<Row> inPeriod =
        rows.filter(col("period").equalTo(spec.period()))
            .orderBy(col(d.column()).asc_nulls_last())
            .collectAsList();
    List<Map<String, Object>> shown = new ArrayList<>();
    List<Map<String, Object>> shortfalls = new ArrayList<>();
    long suppressedGroups = 0;
    long suppressedTested = 0;
    long suppressedPassed = 0;
    for (Row r : inPeriod) {
      long tested = r.getAs("tested");
      if (tested < spec.minGroupSamples()) {
        suppressedGroups++;
        suppressedTested += tested;
        suppressedPassed += (long) r.getAs("passed");
        continue;
      }
      Map<String, Object> g = rateMap(r);
      g.remove("period");
      Map<String, Object> row = new LinkedHashMap<>();
      Object key = r.getAs(d.column());
      row.put("key", key == null ? "(unknown)" : key);
      row.putAll(g);
      row.put("target_status", targetStatus(r, spec.targetPassRate()));
      shown.add(row);
      if ("NOT_MET".equals(row.get("target_status"))) {
        shortfalls.add(row);
      }
    }
    shortfalls.sort(
        (x, y) -> Double.compare((double) x.get("pass_rate"), (double) y.get("pass_rate")));
    m.put("status", inPeriod.isEmpty() ? "NO_DATA" : "OK");
    m.put("groups", shown);
    m.put("below_target", shortfalls.stream().map(x -> x.get("key")).toList());
    Map<String, Object> merged = new LinkedHashMap<>();
    merged.put("groups", suppressedGroups);
    merged.put("tested", suppressedTested);
    merged.put("passed", suppressedPassed);
    merged.put(
        "note",
        "groups with fewer than "
            + spec.minGroupSamples()
            + " samples: counts merged, no rate published");
    m.put("suppressed", merged);
    return m;
  }

  private static Map<String, Object> findings(Dataset<Row> rows) {
    Dataset<Row> sorted =
        rows.orderBy(col("sample_date"), col("sample_id"), col("analyte_code"), col("result_id"));
    long n = rows.count();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", n);
    m.put("samples", rows.select("sample_id").distinct().count());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r : sorted.limit(MAX_LISTED).collectAsList()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("sample_id", r.getAs("sample_id"));
      x.put(
          "sample_date", r.getAs("sample_date") == null ? null : r.getAs("sample_date").toString());
      x.put("programme", r.getAs("programme"));
      x.put("commodity_code", r.getAs("commodity_code"));
      x.put(
          "analyte",
          r.getAs("analyte_code") != null ? r.getAs("analyte_code") : r.getAs("analyte_raw"));
      x.put("value_mg_per_kg", r.getAs("value_mg_per_kg"));
      x.put("mrl_mg_per_kg", r.getAs("mrl_mg_per_kg"));
      x.put("limit_source", r.getAs("limit_source"));
      x.put("ban_rule_ids", r.getAs("ban_rule_ids"));
      list.add(x);
    }
    m.put("listed", list);
    m.put("truncated", n > MAX_LISTED);
    return m;
  }

  private static Map<String, Object> warnings(
      Dataset<Row> w, BulletinSpec spec, List<String> months) {
    Dataset<Row> rows =
        w.filter(
            col("source_system")
                .equalTo(spec.sourceSystem())
                .and(col("period_type").equalTo("MONTH"))
                .and(col("period").isin(months.toArray())));
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Long> counted = new java.util.HashMap<>();
    long total = 0;
    for (Row r : rows.groupBy("state").count().collectAsList()) { // one job, a row per state
      counted.put(r.getString(0), r.getLong(1));
      total += r.getLong(1);
    }
    Map<String, Object> byState = new LinkedHashMap<>();
    for (String s : List.of("NEW", "VALIDATED", "ESCALATED", "CLOSED")) {
      byState.put(s, counted.getOrDefault(s, 0L));
    }
    m.put("count", total);
    m.put("by_state", byState);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r : rows.orderBy(col("period"), col("warning_id")).collectAsList()) {
      Map<String, Object> x = new LinkedHashMap<>();
      for (String c :
          List.of(
              "warning_id",
              "producer",
              "warning_type",
              "severity",
              "state",
              "measure",
              "series_level",
              "commodity_code",
              "category",
              "period",
              "observed",
              "denominator",
              "expected",
              "threshold",
              "method",
              "details")) {
        x.put(c, r.getAs(c));
      }
      list.add(x);
    }
    m.put("listed", list);
    return m;
  }

  /**
   * The risk-ranking section, copied from {@code analytics.risk_ranking} (written by the risk job, {@code agrisafe
   * run risk}; the bulletin computes no score). It shows, in this order of preference: the ranking of the
   * bulletin's own period type and period (a MONTH ranking for a monthly bulletin); else the YEAR ranking of the
   * bulletin's year, or the latest YEAR ranking before it; else status {@code NOT_COMPUTED} with the command that
   * writes the ranking of the bulletin's period ({@code run_first}).
   *
   * @return status OK with ranking_period_type, ranking_period, note and the top rows, or NOT_COMPUTED with
   *     run_first
   */
  static Map<String, Object> risks(Dataset<Row> ranking, BulletinSpec spec) {
    Dataset<Row> mine =
        ranking.filter(
            col("source_system")
                .equalTo(spec.sourceSystem())
                .and(col("programme_scope").equalTo(PROGRAMME_SCOPE)));
    String year = spec.period().substring(0, 4);
    Map<String, Object> m = new LinkedHashMap<>();
    PeriodType type = null;
    String p = null;
    String note = null;
    if (RiskParameters.PERIOD_TYPES.contains(spec.periodType())
        && !mine.filter(
                col("period_type")
                    .equalTo(spec.periodType().name())
                    .and(col("period").equalTo(spec.period())))
            .isEmpty()) {
      type = spec.periodType();
      p = spec.period();
      note = "ranking of the bulletin's period";
    } else {
      List<Row> years =
          mine.filter(
                  col("period_type")
                      .equalTo(PeriodType.YEAR.name())
                      .and(col("period").leq(lit(year))))
              .select("period")
              .distinct()
              .orderBy(col("period").desc())
              .limit(1)
              .collectAsList();
      if (!years.isEmpty()) {
        type = PeriodType.YEAR;
        p = years.get(0).getString(0);
        note =
            p.equals(year)
                ? "ranking of the bulletin's year"
                : "latest ranking available at or before " + year;
      }
    }
    if (p == null) {
      m.put("status", "NOT_COMPUTED");
      m.put("run_first", riskCommand(spec));
      return m;
    }
    m.put("status", "OK");
    m.put("ranking_period_type", type.name());
    m.put("ranking_period", p);
    m.put("note", note);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r :
        mine.filter(col("period_type").equalTo(type.name()).and(col("period").equalTo(p)))
            .orderBy("rank_position", "programme_scope", "analyte_code", "commodity_code")
            .limit(spec.topRisks())
            .collectAsList()) {
      Map<String, Object> x = new LinkedHashMap<>();
      for (String c :
          List.of(
              "rank_position",
              "analyte_code",
              "commodity_code",
              "a_score",
              "b_score",
              "c_score",
              "d_score",
              "e_score",
              "f_score",
              "toxicity_score",
              "exposure_score",
              "total_score",
              "risk_rank",
              "n_samples",
              "n_detections",
              "n_exceedances",
              "verified")) {
        x.put(c, r.getAs(c));
      }
      list.add(x);
    }
    m.put("top", list);
    return m;
  }

  /**
   * The command of the risk job ({@code RiskJob}, table {@code analytics.risk_ranking}) that ranks the bulletin's
   * period: the month for a monthly bulletin, the year for a yearly or quarterly one (the risk job has no quarters).
   */
  static String riskCommand(BulletinSpec spec) {
    boolean month = spec.periodType() == PeriodType.MONTH;
    String p = month ? spec.period() : spec.period().substring(0, 4);
    return "agrisafe run risk --period-type "
        + (month ? PeriodType.MONTH : PeriodType.YEAR)
        + " --from "
        + p
        + " --to "
        + p;
  }

  /** The map layer of a source: countries of origin for UK data, Jinan districts otherwise. */
  public static String mapLayer(String sourceSystem) {
    return sourceSystem.startsWith("UK_") ? "world-origin" : "jinan-district";
  }

  private static Map<String, Object> map(Dataset<Row> stats, BulletinSpec spec) {
    String layer = mapLayer(spec.sourceSystem());
    Dataset<Row> l =
        stats.filter(
            col("layer").equalTo(layer).and(col("programme_scope").equalTo(PROGRAMME_SCOPE)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("layer", layer);
    String periodType = null;
    String period = null;
    for (PeriodType t : List.of(spec.periodType(), PeriodType.YEAR)) {
      String p = Periods.ofMonth(t, Periods.months(spec.periodType(), spec.period()).get(0));
      if (!l.filter(col("period_type").equalTo(t.name()).and(col("period").equalTo(p))).isEmpty()) {
        periodType = t.name();
        period = p;
        break;
      }
    }
    if (period == null) {
      m.put("status", "NOT_COMPUTED");
      m.put("run_first", "agrisafe run maps");
      return m;
    }
    m.put("status", "OK");
    m.put("period_type", periodType);
    m.put("period", period);
    m.put("png", layer + "-" + period + ".png");
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r :
        l.filter(col("period_type").equalTo(periodType).and(col("period").equalTo(period)))
            .orderBy(col("samples").desc(), col("region_code"))
            .collectAsList()) {
      Map<String, Object> x = new LinkedHashMap<>();
      for (String c :
          List.of(
              "region_code",
              "region_name",
              "samples",
              "pass_rate",
              "exceedance_rate",
              "exceedance_rate_eb",
              "too_few_samples",
              "hotspot_class")) {
        x.put(c, r.getAs(c));
      }
      list.add(x);
    }
    m.put("regions", list);
    return m;
  }

  private static List<Map<String, Object>> trend(Dataset<Row> overall, BulletinSpec spec) {
    List<String> periods = Periods.lastN(spec.periodType(), spec.period(), spec.trendPeriods());
    Map<String, Row> byPeriod = new LinkedHashMap<>();
    for (Row r : overall.filter(col("period").isin(periods.toArray())).collectAsList()) {
      byPeriod.put(r.getAs("period"), r);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (String p : periods) {
      Row r = byPeriod.get(p);
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("period", p);
      x.put("tested", r == null ? 0L : r.getAs("tested"));
      for (String c : List.of("pass_rate", "pass_rate_low", "pass_rate_high", "exceedance_rate")) {
        x.put(c, r == null ? null : r.getAs(c));
      }
      out.add(x);
    }
    return out;
  }

  private static Map<String, Object> dataQuality(
      Dataset<Row> samples, Dataset<Row> rejected, BulletinSpec spec, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    LocalDate last = Periods.lastDay(spec.periodType(), spec.period());
    Instant lateAfter = last.plusDays(1 + spec.lateGraceDays()).atStartOfDay(zone).toInstant();
    m.put("samples_in_period", samples.count());
    m.put("late_after_utc", lateAfter.toString());
    m.put("late_grace_days", spec.lateGraceDays());
    long late =
        samples.filter(col("ingested_at").gt(lit(java.sql.Timestamp.from(lateAfter)))).count();
    m.put("late_samples", late);
    List<Map<String, Object>> labs = new ArrayList<>();
    for (Row r :
        samples
            .groupBy(col("lab_id"))
            .agg(count(lit(1)).as("samples"))
            .orderBy(col("lab_id").asc_nulls_last())
            .collectAsList()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("lab_id", r.isNullAt(0) ? "(not reported)" : r.getString(0));
      x.put("samples", r.getLong(1));
      labs.add(x);
    }
    m.put("uploads_per_lab", labs);
    Dataset<Row> rej = rejected.filter(col("source_system").equalTo(spec.sourceSystem()));
    m.put("rejected_records", rej.count());
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (Row r :
        rej.groupBy(col("field"), col("reason"))
            .agg(count(lit(1)).as("n"))
            .orderBy(col("n").desc(), col("field").asc_nulls_first(), col("reason"))
            .limit(10)
            .collectAsList()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("field", r.getAs("field"));
      x.put("reason", r.getAs("reason"));
      x.put("records", r.getAs("n"));
      reasons.add(x);
    }
    m.put("rejected_top_reasons", reasons);
    m.put(
        "note",
        "rejected records are counted over every ingest of the source (a rejected row may have no"
            + " readable sampling date); late = ingested after the period's last day + grace, in "
            + zone.getId());
    return m;
  }
}
