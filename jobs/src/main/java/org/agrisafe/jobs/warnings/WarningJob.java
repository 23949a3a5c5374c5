package org.agrisafe.jobs.warnings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.jobs.spark.Rows;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningRow;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.lakehouse.tables.WarningTables.Producer;
import org.agrisafe.lakehouse.tables.WarningTables.Severity;
import org.agrisafe.lakehouse.tables.WarningTables.State;
import org.agrisafe.risk.aberration.AberrationPoint;
import org.agrisafe.risk.aberration.AberrationResult;
import org.agrisafe.risk.aberration.ThresholdStatus;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Batch aberration detection on exceedance counts (producer {@code BATCH_ABERRATION}) writing to the one
 * warnings table {@code analytics.warnings} (docs/conventions.md §16 and §18.2).
 *
 * <p>Steps:
 * <ol>
 *   <li>{@link #monthlyCounts}: from {@code monitoring.samples} of the spec's programmes, per source system and
 *       month ({@code sample_month}, local zone), the samples tested and the samples with at least one result
 *       above its MRL ({@code has_exceedance}), per {@code commodity_code} and per {@code category}.
 *   <li>{@link MonthlySeries#build}: one series per key, zero months filled between the first and the last
 *       month the source reported; samples tested are the denominator (population offset).
 *   <li>{@link DetectorChoice#forLength}: Farrington (b ≤ 3 years, offset log(tested)) where the history allows,
 *       EARS for short series, none (counted in the summary) for shorter ones. The aggregated series are tiny
 *       (keys × months), so they are collected and the pure detectors of {@code org.agrisafe.risk.aberration}
 *       run on the driver, in parallel over series.
 *   <li>Each alarm becomes a warning: deterministic {@code warning_id} (producer, measure, level, source, key,
 *       MONTH, period), severity from the exceedance score X = (observed − expected) / (threshold − expected)
 *       (HIGH when X ≥ {@value #HIGH_SCORE}, MEDIUM when X ≥ {@value #MEDIUM_SCORE} or undefined, LOW
 *       otherwise), RASFF-like type from the severity, recurrence = earlier warnings of the same key (table and
 *       run), rank score = severity weight × 1 / (1 + recurrence), group = source + category + period
 *       (a commodity and its category flagged the same month share a cause).
 * </ol>
 * {@link #run} MERGEs on {@code warning_id}: a re-run refreshes values but keeps {@code state} and
 * {@code created_at}; new warnings get a {@code null → NEW} event in {@code analytics.warning_events}.
 */
public final class WarningJob {
  private WarningJob() {}

  /** The {@code who} of events written by the job. */
  public static final String JOB_USER = "warning-job";

  public static final double HIGH_SCORE = 3.0;
  public static final double MEDIUM_SCORE = 2.0;

  /** Output of {@link #transform}: warning rows in the column order of {@code analytics.warnings}. */
  public record WarningBatch(
      List<Row> warnings, List<String> newWarningIds, WarningSummary summary) {}

  /** Output of {@link #run}. */
  public record WarningRun(WarningSummary summary, List<Row> warnings, Path report) {}

  /**
   * Aggregates samples into monthly cells.
   *
   * @param samples rows of {@code monitoring.samples}
   * @return columns {@code level, source_system, key, category, sample_month, tested (long), exceeding (long)};
   *     rows whose key is null are left out (counted by {@link #transform})
   */
  public static Dataset<Row> monthlyCounts(Dataset<Row> samples, WarningSpec spec) {
    Dataset<Row> in =
        samples
            .filter(col("programme").isin(spec.programmes().stream().map(Enum::name).toArray()))
            .filter(spec.measure().denominator());
    Dataset<Row> commodity =
        in.filter(col("commodity_code").isNotNull())
            .groupBy(col("source_system"), col("commodity_code").as("key"), col("sample_month"))
            .agg(
                first(col("category"), true).as("category"),
                count(lit(1)).as("tested"),
                sum(when(spec.measure().numerator(), 1L).otherwise(0L)).as("exceeding"))
            .withColumn("level", lit(SeriesKey.COMMODITY));
    Dataset<Row> category =
        in.filter(col("category").isNotNull())
            .groupBy(col("source_system"), col("category").as("key"), col("sample_month"))
            .agg(
                first(col("category"), true).as("category"),
                count(lit(1)).as("tested"),
                sum(when(spec.measure().numerator(), 1L).otherwise(0L)).as("exceeding"))
            .withColumn("level", lit(SeriesKey.CATEGORY));
    String[] cols = {
      "level", "source_system", "key", "category", "sample_month", "tested", "exceeding"
    };
    return commodity.selectExpr(cols).unionByName(category.selectExpr(cols));
  }

  /**
   * Detects aberrations and builds the warning rows (no write).
   *
   * @param samples rows of {@code monitoring.samples}
   * @param existingWarnings rows of {@code analytics.warnings} (may be empty), for recurrence and new/existing
   * @param spec what to evaluate
   * @param inputSnapshotId snapshot of the samples read (nullable)
   * @param now the run's instant (UTC), written as created_at/updated_at
   * @throws IllegalArgumentException when a {@code sample_month} is not {@code yyyy-MM} (names the value)
   */
  public static WarningBatch transform(
      Dataset<Row> samples,
      Dataset<Row> existingWarnings,
      WarningSpec spec,
      Long inputSnapshotId,
      Instant now) {
    Dataset<Row> in =
        samples
            .filter(col("programme").isin(spec.programmes().stream().map(Enum::name).toArray()))
            .filter(spec.measure().denominator());
    Row misses =
        in.agg(
                sum(when(col("commodity_code").isNull(), 1L).otherwise(0L)),
                sum(when(col("category").isNull(), 1L).otherwise(0L)))
            .first();
    Map<String, Long> withoutKey = new HashMap<>();
    withoutKey.put(SeriesKey.COMMODITY, misses.isNullAt(0) ? 0L : misses.getLong(0));
    withoutKey.put(SeriesKey.CATEGORY, misses.isNullAt(1) ? 0L : misses.getLong(1));
    Map<String, YearMonth[]> ranges = new HashMap<>();
    for (Row r :
        in.groupBy("source_system").agg(min("sample_month"), max("sample_month")).collectAsList()) {
      ranges.put(r.getString(0), new YearMonth[] {month(r.getString(1)), month(r.getString(2))});
    }
    List<MonthlySeries.Cell> cells = new ArrayList<>();
    for (Row r : monthlyCounts(samples, spec).collectAsList()) {
      SeriesKey key = new SeriesKey(r.getString(0), r.getString(1), r.getString(2), r.getString(3));
      cells.add(new MonthlySeries.Cell(key, month(r.getString(4)), r.getLong(6), r.getLong(5)));
    }
    List<MonthlySeries> series = MonthlySeries.build(cells, ranges);
    series = new ArrayList<>(series);
    series.sort(java.util.Comparator.comparing((MonthlySeries s) -> s.key().label()));

    List<Evaluation> evaluations = series.parallelStream().map(s -> evaluate(s, spec)).toList();

    Map<String, Integer> byMethod = new TreeMap<>();
    int tooShortF = 0;
    int tooShortE = 0;
    int tooShortAll = 0;
    long evaluated = 0;
    long suppressed = 0;
    List<Alarm> alarms = new ArrayList<>();
    for (Evaluation e : evaluations) {
      int n = e.series().length();
      if (n < DetectorChoice.farringtonMinLength(spec.farrington())) {
        tooShortF++;
      }
      if (n < DetectorChoice.earsMinLength(spec.ears())) {
        tooShortE++;
      }
      if (e.choice().tooShort()) {
        tooShortAll++;
        continue;
      }
      byMethod.merge(e.choice().method(), 1, Integer::sum);
      if (e.result() == null) {
        continue;
      }
      evaluated += e.result().points().size();
      for (AberrationPoint p : e.result().points()) {
        if (p.status() == ThresholdStatus.SUPPRESSED_LIMIT54) {
          suppressed++;
        }
        if (p.alarm()) {
          alarms.add(new Alarm(e, p, spec.measure()));
        }
      }
    }

    // Recurrence: earlier warnings (table + this run) of the same producer, measure and series key.
    Map<String, Map<String, String>> periodsByKey = new HashMap<>();
    Map<String, String> existingState = new HashMap<>();
    for (Row r :
        existingWarnings
            .filter(
                col("producer")
                    .equalTo(Producer.BATCH_ABERRATION.name())
                    .and(col("measure").equalTo(spec.measure().name())))
            .select(
                "warning_id",
                "series_level",
                "source_system",
                "commodity_code",
                "category",
                "period",
                "state")
            .collectAsList()) {
      String level = r.getString(1);
      String key = SeriesKey.COMMODITY.equals(level) ? r.getString(3) : r.getString(4);
      periodsByKey
          .computeIfAbsent(level + "|" + r.getString(2) + "|" + key, k -> new HashMap<>())
          .put(r.getString(0), r.getString(5));
      existingState.put(r.getString(0), r.getString(6));
    }
    for (Alarm a : alarms) {
      periodsByKey
          .computeIfAbsent(a.keyString(), k -> new HashMap<>())
          .put(a.warningId(), a.period());
    }

    var type = Rows.type(WarningTables.WARNINGS);
    List<Row> rows = new ArrayList<>();
    List<String> newIds = new ArrayList<>();
    for (Alarm a : alarms) {
      int recurrence =
          (int)
              periodsByKey.get(a.keyString()).values().stream()
                  .filter(p -> p.compareTo(a.period()) < 0)
                  .count();
      Double score = a.score();
      Severity severity =
          score == null || score >= MEDIUM_SCORE
              ? (score != null && score >= HIGH_SCORE ? Severity.HIGH : Severity.MEDIUM)
              : Severity.LOW;
      SeriesKey k = a.eval().series().key();
      boolean commodity = SeriesKey.COMMODITY.equals(k.level());
      WarningRow w =
          WarningRow.of(
                  Producer.BATCH_ABERRATION,
                  a.warningId(),
                  severity,
                  spec.measure().name(),
                  k.level(),
                  "MONTH",
                  a.period(),
                  now)
              .state(existingState.getOrDefault(a.warningId(), State.NEW.name()))
              .set("source_system", k.sourceSystem())
              .set("commodity_code", commodity ? k.key() : null)
              .set("category", k.category())
              .set("programme_scope", spec.programmeScope())
              .set("observed", a.point().observed())
              .set("denominator", a.tested())
              .set(
                  "observed_rate",
                  a.tested() > 0 ? (double) a.point().observed() / a.tested() : null)
              .set("expected", a.point().expected())
              .set(
                  "threshold",
                  a.point().upperbound().isPresent() ? a.point().upperbound().getAsDouble() : null)
              .set("exceedance_score", score)
              .set("method", a.eval().result().method())
              .set("method_parameters", a.eval().choice().parametersJson())
              .set("input_snapshot_id", inputSnapshotId)
              .recurrence(recurrence)
              .group(
                  List.of(
                      k.sourceSystem(), k.category() != null ? k.category() : k.key(), a.period()));
      w.set(
          "details",
          String.format(
              Locale.ROOT,
              "%d of %d samples tested %s in %s (%s %s, %s); expected %.2f, threshold %s (%s)",
              a.point().observed(),
              a.tested(),
              spec.measure().phrase(),
              a.period(),
              k.level().toLowerCase(Locale.ROOT),
              k.key(),
              k.sourceSystem(),
              a.point().expected(),
              a.point().upperbound().isPresent()
                  ? String.format(Locale.ROOT, "%.2f", a.point().upperbound().getAsDouble())
                  : "n/a",
              a.eval().result().method()));
      Map<String, Object> m = w.row();
      Row plain = Rows.of(type, m);
      Object[] values = new Object[plain.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = plain.get(i);
      }
      rows.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, type));
      if (!existingState.containsKey(a.warningId())) {
        newIds.add(a.warningId());
      }
    }
    rows.sort(
        java.util.Comparator.comparing((Row r) -> -r.getDouble(r.fieldIndex("rank_score")))
            .thenComparing(r -> r.getString(r.fieldIndex("period")))
            .thenComparing(r -> r.getString(0)));
    String firstPeriod =
        series.stream()
            .map(s -> s.months().get(0))
            .min(YearMonth::compareTo)
            .map(YearMonth::toString)
            .orElse(null);
    String lastPeriod =
        series.stream()
            .map(s -> s.months().get(s.length() - 1))
            .max(YearMonth::compareTo)
            .map(YearMonth::toString)
            .orElse(null);
    WarningSummary summary =
        new WarningSummary(
            series.size(),
            byMethod,
            tooShortF,
            tooShortE,
            tooShortAll,
            withoutKey,
            evaluated,
            suppressed,
            alarms.size(),
            newIds.size(),
            alarms.size() - newIds.size(),
            firstPeriod,
            lastPeriod);
    return new WarningBatch(rows, newIds, summary);
  }

  /** One series with its chosen detector and result (null result: nothing to evaluate from fromPeriod). */
  record Evaluation(MonthlySeries series, DetectorChoice choice, AberrationResult result) {}

  /** One alarm. */
  record Alarm(Evaluation eval, AberrationPoint point, Measure measure) {
    String period() {
      return eval.series().months().get(point.index() - 1).toString();
    }

    long tested() {
      return eval.series().tested()[point.index() - 1];
    }

    String keyString() {
      SeriesKey k = eval.series().key();
      return k.level() + "|" + k.sourceSystem() + "|" + k.key();
    }

    String warningId() {
      SeriesKey k = eval.series().key();
      return WarningTables.warningId(
          Producer.BATCH_ABERRATION,
          List.of(measure.name(), k.level(), k.sourceSystem(), k.key(), "", "", "MONTH", period()));
    }

    Double score() {
      if (point.upperbound().isEmpty()) {
        return null;
      }
      double span = point.upperbound().getAsDouble() - point.expected();
      return span > 0 ? (point.observed() - point.expected()) / span : null;
    }
  }

  /** Runs the chosen detector on one series (pure). */
  static Evaluation evaluate(MonthlySeries s, WarningSpec spec) {
    DetectorChoice choice = DetectorChoice.forLength(s.length(), spec);
    if (choice.tooShort()) {
      return new Evaluation(s, choice, null);
    }
    int first = choice.firstIndex();
    if (spec.fromPeriod() != null) {
      int from = s.months().indexOf(YearMonth.parse(spec.fromPeriod())) + 1;
      if (from == 0) {
        from =
            YearMonth.parse(spec.fromPeriod()).isAfter(s.months().get(s.length() - 1))
                ? s.length() + 1
                : 1;
      }
      first = Math.max(first, from);
    }
    if (first > s.length()) {
      return new Evaluation(s, choice, null);
    }
    return new Evaluation(
        s, choice, choice.detector().detect(s.toCountSeries(), first, s.length()));
  }

  private static YearMonth month(String s) {
    try {
      return YearMonth.parse(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Cannot parse sample_month '" + s + "' of monitoring.samples: expected yyyy-MM", e);
    }
  }

  /** Creates the warning tables if missing (the {@code analytics} namespace must exist). */
  public static void ensureTables(Catalog catalog) {
    for (TableDef def : WarningTables.all()) {
      LakehouseBootstrap.ensure(catalog, def);
    }
  }

  /**
   * Reads {@code monitoring.samples}, detects, MERGEs the warnings into {@code analytics.warnings} (state and
   * created_at of existing warnings kept), records {@code null → NEW} events of new warnings, and writes the
   * report {@code <output-dir>/reports/warnings-<last period>.html}.
   *
   * @throws IllegalStateException when the lakehouse tables are missing (run {@code agrisafe create})
   */
  public static WarningRun run(SparkSession spark, LakehouseConfig config, WarningSpec spec) {
    String catalog = config.catalogName();
    ensureTables(SparkSessions.icebergCatalog(spark, config));
    String samplesTable = Tables.SAMPLES.qualifiedName(catalog);
    String target = WarningTables.WARNINGS.qualifiedName(catalog);
    Long snapshot = LakehouseIo.currentSnapshotId(spark, samplesTable);
    Instant now = Instant.now();
    WarningBatch batch =
        transform(spark.table(samplesTable), spark.table(target), spec, snapshot, now);
    if (!batch.warnings().isEmpty()) {
      String view = "agrisafe_warning_batch";
      spark
          .createDataFrame(batch.warnings(), Rows.type(WarningTables.WARNINGS))
          .createOrReplaceTempView(view);
      List<String> sets = new ArrayList<>();
      for (String c : Rows.type(WarningTables.WARNINGS).fieldNames()) {
        if (!Set.of("warning_id", "state", "created_at").contains(c)) {
          sets.add("t." + c + " = s." + c);
        }
      }
      spark.sql(
          "MERGE INTO "
              + target
              + " t USING "
              + view
              + " s ON t.warning_id = s.warning_id "
              + "WHEN MATCHED THEN UPDATE SET "
              + String.join(", ", sets)
              + " WHEN NOT MATCHED THEN INSERT *");
      spark.catalog().dropTempView(view);
    }
    if (!batch.newWarningIds().isEmpty()) {
      List<Map<String, Object>> events = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String id : batch.newWarningIds()) {
        if (seen.add(id)) {
          events.add(
              WarningLifecycle.event(
                  id,
                  null,
                  State.NEW,
                  JOB_USER,
                  "raised by batch aberration detection (" + spec.measure() + ")",
                  now));
        }
      }
      WarningLifecycle.appendEvents(spark, catalog, events);
    }
    Path report =
        WarningReport.write(config.outputDir(), batch.summary(), batch.warnings(), spec.measure());
    return new WarningRun(batch.summary(), batch.warnings(), report);
  }
}
