package org.agrisafe.jobs.risk;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Risk-based sampling plan: predicts P(sample fails) per stratum (commodity × region) and allocates N samples for the
 * next month.
 *
 * <p>Steps:
 * <ol>
 *   <li>Judged samples (PASS/FAIL) of the chosen programmes are aggregated in Spark to (month, commodity, category,
 *       region, sampling point, stage) cells with counts; only these cells reach the driver.</li>
 *   <li>Time-based hold-out: train on every year before the last year in the data, test on the last year. Each
 *       sample's history feature counts its stratum's samples strictly before its month and before the training
 *       cut-off (1 January of the test year), so no test outcome leaks into a feature.</li>
 *   <li>{@link FailureModels}: gradient boosting, logistic regression and the plain historical rate; AUC and Brier
 *       score of each on the hold-out year ({@link ModelMetrics}) → {@code analytics.model_evaluation}.</li>
 *   <li>The model with the lowest hold-out Brier score (a proper scoring rule: the plan uses probabilities, not a
 *       ranking only) is refitted on all data, with history up to the plan month, and predicts each stratum sampled
 *       in the {@code strataLookbackMonths} before the plan month, with the plan month's season and the stratum's
 *       most frequent sampling point and stage.</li>
 *   <li>{@link SamplingAllocation} spreads N: random share uniformly (RANDOM_MONITORING), floor per stratum, the rest
 *       proportional to predicted risk (RISK_TARGETED) → {@code analytics.sampling_plan}, one row per planned
 *       sample.</li>
 * </ol>
 * Explicit seed: the same data, parameters and seed give the same evaluation and plan.
 *
 * <p>Errors: {@link IllegalArgumentException} when the data hold fewer than two years (no hold-out possible), or when
 * the floors cannot be met (see {@link SamplingAllocation#allocate}).
 */
public final class SamplingPlanJob {
  private SamplingPlanJob() {}

  /** The outputs, rows in the column order of their {@link RiskTables} definitions. */
  public record Outputs(
      String testPeriod,
      String planMonth,
      String selectedModel,
      Dataset<Row> evaluation,
      Dataset<Row> plan) {}

  private record Cell(YearMonth month, String[] cat, long n, long failures) {
    String stratum() {
      return cat[0] + "|" + cat[2];
    }
  }

  /**
   * Evaluates the models and builds the plan.
   *
   * @param samples rows of {@code monitoring.samples}
   * @param p parameters
   */
  public static Outputs transform(Dataset<Row> samples, SamplingPlanParameters p) {
    SparkSession spark = samples.sparkSession();
    List<Row> agg =
        samples
            .filter(col("programme").isin(p.programmes().stream().map(Enum::name).toArray()))
            .filter(
                col("sample_verdict").isin("PASS", "FAIL").and(col("commodity_code").isNotNull()))
            .select(
                date_format(col("sample_date"), "yyyy-MM").as("month"),
                col("commodity_code"),
                col("category"),
                coalesce(RiskJob.regionKey(), lit("UNKNOWN")).as("region_key"),
                col("sampling_point"),
                col("sampling_stage"),
                when(col("sample_verdict").equalTo("FAIL"), 1L).otherwise(0L).as("failed"))
            .groupBy(
                "month",
                "commodity_code",
                "category",
                "region_key",
                "sampling_point",
                "sampling_stage")
            .agg(count(lit(1)).as("n"), sum("failed").as("failures"))
            .orderBy(
                "month",
                "commodity_code",
                "category",
                "region_key",
                "sampling_point",
                "sampling_stage")
            .collectAsList();
    List<Cell> cells = new ArrayList<>();
    for (Row r : agg) {
      String[] cat = new String[FailureModels.CATEGORICAL.length];
      for (int i = 0; i < cat.length; i++) {
        cat[i] = r.getAs(FailureModels.CATEGORICAL[i]);
      }
      cells.add(
          new Cell(YearMonth.parse(r.getAs("month")), cat, r.getAs("n"), r.getAs("failures")));
    }
    TreeSet<Integer> years = new TreeSet<>();
    cells.forEach(c -> years.add(c.month().getYear()));
    if (years.size() < 2) {
      throw new IllegalArgumentException(
          "Sampling-plan models need judged samples in at least two years (train on "
              + "earlier years, test on the last): found years "
              + years);
    }
    int testYear = years.last();
    YearMonth cutoff = YearMonth.of(testYear, 1);
    List<FailureModels.Example> train = examples(cells, cutoff, p, c -> c.month().isBefore(cutoff));
    List<FailureModels.Example> test =
        examples(cells, cutoff, p, c -> c.month().getYear() == testYear);
    int[] yTest = test.stream().mapToInt(FailureModels.Example::failed).toArray();
    Timestamp now = Rows.now();
    Rows eb = new Rows(Rows.schema(RiskTables.MODEL_EVALUATION));
    Map<FailureModels.Kind, Double> brier = new TreeMap<>();
    Map<FailureModels.Kind, Object[]> eval = new TreeMap<>();
    for (FailureModels.Kind kind : FailureModels.Kind.values()) {
      Double auc = null;
      Double b = null;
      String note;
      try {
        FailureModels.Fitted m = FailureModels.fit(kind, train, p);
        double[] pr = test.stream().mapToDouble(m::probability).toArray();
        auc = ModelMetrics.auc(pr, yTest);
        b = ModelMetrics.brier(pr, yTest);
        note = auc == null ? "hold-out year holds one outcome only: AUC undefined" : "";
        if (b != null) {
          brier.put(kind, b);
        }
      } catch (IllegalArgumentException e) {
        note = "not fitted: " + e.getMessage();
      }
      eval.put(kind, new Object[] {auc, b, note});
    }
    FailureModels.Kind selected =
        brier.entrySet().stream()
            .min(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(FailureModels.Kind.HISTORICAL_RATE);
    List<Row> evalRows = new ArrayList<>();
    for (FailureModels.Kind kind : FailureModels.Kind.values()) {
      Object[] e = eval.get(kind);
      evalRows.add(
          eb.set("test_period", Integer.toString(testYear))
              .set("model", kind.name())
              .set("train_from", years.first().toString())
              .set("train_to", Integer.toString(testYear - 1))
              .set("n_train", (long) train.size())
              .set("n_train_failures", train.stream().filter(x -> x.failed() == 1).count())
              .set("n_test", (long) test.size())
              .set("n_test_failures", test.stream().filter(x -> x.failed() == 1).count())
              .set("auc", e[0])
              .set("brier", e[1])
              .set("seed", p.seed())
              .set("parameters", FailureModels.parameters(kind, p))
              .set("selected", kind == selected)
              .set("note", e[2])
              .set("computed_at", now)
              .build());
    }
    YearMonth planMonth =
        p.planMonth() != null
            ? p.planMonth()
            : cells.stream()
                .map(Cell::month)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .plusMonths(1);
    List<Row> planRows = plan(cells, planMonth, selected, p, now);
    return new Outputs(
        Integer.toString(testYear),
        planMonth.toString(),
        selected.name(),
        Rows.frame(spark, evalRows, RiskTables.MODEL_EVALUATION),
        Rows.frame(spark, planRows, RiskTables.SAMPLING_PLAN));
  }

  /** Stratum → month → [n, failures]. */
  private static Map<String, TreeMap<YearMonth, long[]>> monthly(List<Cell> cells) {
    Map<String, TreeMap<YearMonth, long[]>> m = new HashMap<>();
    for (Cell c : cells) {
      long[] v =
          m.computeIfAbsent(c.stratum(), k -> new TreeMap<>())
              .computeIfAbsent(c.month(), k -> new long[2]);
      v[0] += c.n();
      v[1] += c.failures();
    }
    return m;
  }

  /** [n, failures] of a stratum over months strictly before {@code before}. */
  private static long[] history(
      Map<String, TreeMap<YearMonth, long[]>> monthly, String stratum, YearMonth before) {
    long[] out = new long[2];
    TreeMap<YearMonth, long[]> t = monthly.get(stratum);
    if (t != null) {
      for (long[] v : t.headMap(before, false).values()) {
        out[0] += v[0];
        out[1] += v[1];
      }
    }
    return out;
  }

  private static double smoothed(long[] h, double m, double k) {
    return (h[1] + k * m) / (h[0] + k);
  }

  private static List<FailureModels.Example> examples(
      List<Cell> cells,
      YearMonth cutoff,
      SamplingPlanParameters p,
      java.util.function.Predicate<Cell> keep) {
    List<Cell> past = cells.stream().filter(c -> c.month().isBefore(cutoff)).toList();
    Map<String, TreeMap<YearMonth, long[]>> monthly = monthly(past);
    long n = past.stream().mapToLong(Cell::n).sum();
    long f = past.stream().mapToLong(Cell::failures).sum();
    double m = n == 0 ? 0 : (double) f / n;
    List<FailureModels.Example> out = new ArrayList<>();
    for (Cell c : cells) {
      if (!keep.test(c)) {
        continue;
      }
      YearMonth before = c.month().isBefore(cutoff) ? c.month() : cutoff;
      long[] h = history(monthly, c.stratum(), before);
      double rate = smoothed(h, m, p.historyPriorStrength());
      for (long i = 0; i < c.n(); i++) {
        out.add(
            new FailureModels.Example(
                c.cat(), c.month().getMonthValue(), rate, h[0], i < c.failures() ? 1 : 0));
      }
    }
    return out;
  }

  private static List<Row> plan(
      List<Cell> cells,
      YearMonth planMonth,
      FailureModels.Kind kind,
      SamplingPlanParameters p,
      Timestamp now) {
    List<FailureModels.Example> all =
        examples(cells, planMonth, p, c -> c.month().isBefore(planMonth));
    FailureModels.Fitted model;
    FailureModels.Kind used = kind;
    try {
      model = FailureModels.fit(kind, all, p);
    } catch (IllegalArgumentException e) {
      used = FailureModels.Kind.HISTORICAL_RATE;
      model = FailureModels.fit(used, all, p);
    }
    List<Cell> past = cells.stream().filter(c -> c.month().isBefore(planMonth)).toList();
    Map<String, TreeMap<YearMonth, long[]>> monthly = monthly(past);
    long n = past.stream().mapToLong(Cell::n).sum();
    long f = past.stream().mapToLong(Cell::failures).sum();
    double m = n == 0 ? 0 : (double) f / n;
    YearMonth from = planMonth.minusMonths(p.strataLookbackMonths());
    // stratum -> cells in the lookback, for its most frequent category, point and stage
    TreeMap<String, List<Cell>> strata = new TreeMap<>();
    for (Cell c : past) {
      if (!c.month().isBefore(from)) {
        strata.computeIfAbsent(c.stratum(), k -> new ArrayList<>()).add(c);
      }
    }
    List<String> keys = new ArrayList<>(strata.keySet());
    double[] risk = new double[keys.size()];
    String[][] rep = new String[keys.size()][];
    long[][] hist = new long[keys.size()][];
    for (int i = 0; i < keys.size(); i++) {
      List<Cell> cs = strata.get(keys.get(i));
      String[] cat = cs.get(0).cat().clone();
      for (int c : new int[] {1, 3, 4}) {
        cat[c] = mostFrequent(cs, c);
      }
      rep[i] = cat;
      hist[i] = history(monthly, keys.get(i), planMonth);
      double rate = smoothed(hist[i], m, p.historyPriorStrength());
      risk[i] =
          model.probability(
              new FailureModels.Example(cat, planMonth.getMonthValue(), rate, hist[i][0], 0));
    }
    int[][] alloc =
        SamplingAllocation.allocate(
            risk, p.totalSamples(), p.floorPerStratum(), p.randomShare(), p.seed());
    Rows b = new Rows(Rows.schema(RiskTables.SAMPLING_PLAN));
    List<Row> out = new ArrayList<>();
    int seq = 0;
    for (int i = 0; i < keys.size(); i++) {
      int planned = alloc[i][0] + alloc[i][1];
      for (int k = 0; k < planned; k++) {
        out.add(
            b.set("plan_month", planMonth.toString())
                .set("plan_sample_id", String.format("%s-%04d", planMonth, ++seq))
                .set("commodity_code", rep[i][0])
                .set("category", rep[i][1])
                .set("region_key", rep[i][2])
                .set("programme", k < alloc[i][0] ? "RANDOM_MONITORING" : "RISK_TARGETED")
                .set("predicted_failure_probability", risk[i])
                .set(
                    "historical_failure_rate",
                    hist[i][0] == 0 ? null : (double) hist[i][1] / hist[i][0])
                .set("historical_samples", hist[i][0])
                .set("stratum_planned", planned)
                .set("stratum_floor", p.floorPerStratum())
                .set("model", used.name())
                .set("seed", p.seed())
                .set("total_samples", p.totalSamples())
                .set("random_share", p.randomShare())
                .set("computed_at", now)
                .build());
      }
    }
    return out;
  }

  private static String mostFrequent(List<Cell> cs, int column) {
    Map<String, Long> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (Cell c : cs) {
      counts.merge(c.cat()[column], c.n(), Long::sum);
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /**
   * Reads {@code monitoring.samples}, evaluates, plans, and replaces the evaluation of the same test year and the
   * plan of the same month.
   */
  public static Outputs run(SparkSession spark, String catalog, SamplingPlanParameters p) {
    return run(spark, catalog, p, null);
  }

  /**
   * The same, on the samples of one source system only (a plan is for one programme's data: the UK annex and
   * the Jinan uploads are not one population), or on all samples when {@code sourceSystem} is null.
   */
  public static Outputs run(
      SparkSession spark, String catalog, SamplingPlanParameters p, String sourceSystem) {
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> samples =
        spark.table(Tables.SAMPLES.qualifiedName(catalog));
    if (sourceSystem != null) {
      samples = samples.filter(col("source_system").equalTo(sourceSystem));
    }
    Outputs o = transform(samples, p);
    RiskJob.write(
        o.evaluation(),
        RiskTables.MODEL_EVALUATION,
        catalog,
        col("test_period").equalTo(o.testPeriod()));
    RiskJob.write(
        o.plan(), RiskTables.SAMPLING_PLAN, catalog, col("plan_month").equalTo(o.planMonth()));
    return o;
  }
}
