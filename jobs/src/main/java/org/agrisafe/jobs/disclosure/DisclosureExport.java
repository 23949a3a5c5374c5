package org.agrisafe.jobs.disclosure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.jobs.bulletin.BulletinJob;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Weekly open-data export of every test result (凡检必公开): one row per (sample, analyte, method) with the
 * sample, commodity, place, analyte, value, MRL and verdicts, as CSV (UTF-8, header row) and JSON (an object with
 * the schema and the rows), under {@code <output-dir>/disclosure/<source>/<yyyy>-W<ww>.csv|json}. ISO weeks,
 * Monday to Sunday, of the local sampling date. The columns are {@link #COLUMNS}; docs/open-data.md documents them.
 *
 * <p>No personal data: only columns of the whitelist are read; the producer identity column is filled only when
 * {@link DisclosureSpec#discloseProducerOnConfirmedFailure()} allows and the sample's failure is confirmed.
 */
public final class DisclosureExport {
  /** Column name -> description: the documented schema. */
  public static final Map<String, String> COLUMNS = columns();

  private DisclosureExport() {}

  private static Map<String, String> columns() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sample_id", "Sample identifier, <source>:<source sample id>");
    m.put("sample_date", "Sampling date, local, yyyy-MM-dd");
    m.put("source_system", "Source of the data (UK_PRIF, CN_SAMR, PLATFORM_UPLOAD)");
    m.put(
        "programme",
        "Why the sample was taken: RANDOM_MONITORING, RISK_TARGETED, FOLLOW_UP, SELF_CHECK");
    m.put("commodity", "Normalised commodity key");
    m.put("category", "Commodity category (GB 2763 Annex A level 1)");
    m.put(
        "place", "Sampling point (retailer, market or base) as published, else the district code");
    m.put("region_code", "Division code (adcode) of the sampling place, when known");
    m.put("country_of_origin", "ISO 3166-1 alpha-2 country of origin, when known");
    m.put("analyte", "Normalised analyte (residue definition) key, else the name as reported");
    m.put("method_type", "QUANTITATIVE or RAPID");
    m.put("value_mg_per_kg", "Measured value, mg/kg; empty when not detected or not quantified");
    m.put("detection", "DETECTED, NOT_DETECTED or DETECTED_NOT_QUANTIFIED");
    m.put("mrl_mg_per_kg", "Maximum residue limit applied, mg/kg; empty when none applies");
    m.put("limit_source", "Standard and version of the limit, or the MRL published with the data");
    m.put("result_verdict", "PASS, FAIL, NO_STANDARD or the rapid-test outcome");
    m.put("sample_verdict", "PASS or FAIL of the whole sample");
    m.put(
        "producer",
        "Producer identity: only for a confirmed FAIL and where the rules allow; else empty");
    return m;
  }

  /**
   * Writes the ISO weeks that overlap {@code month} (whole weeks).
   *
   * @return the CSV and JSON files written (two per week with data)
   */
  public static List<Path> writeMonth(
      SparkSession spark,
      LakehouseConfig cfg,
      String sourceSystem,
      String month,
      DisclosureSpec spec) {
    YearMonth ym = YearMonth.parse(month);
    List<Path> out = new ArrayList<>();
    LocalDate monday = ym.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (LocalDate d = monday; !d.isAfter(ym.atEndOfMonth()); d = d.plusWeeks(1)) {
      out.addAll(writeWeek(spark, cfg, sourceSystem, d, spec));
    }
    return out;
  }

  /** Week key of a Monday: {@code yyyy-Www} (ISO week-based year). */
  public static String weekKey(LocalDate monday) {
    return String.format(
        java.util.Locale.ROOT,
        "%d-W%02d",
        monday.get(IsoFields.WEEK_BASED_YEAR),
        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /**
   * Writes one ISO week starting at {@code monday}; nothing when it has no result.
   *
   * @throws IllegalArgumentException when {@code monday} is not a Monday
   */
  public static List<Path> writeWeek(
      SparkSession spark,
      LakehouseConfig cfg,
      String sourceSystem,
      LocalDate monday,
      DisclosureSpec spec) {
    if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException(
          "Week start " + monday + ": expected a Monday (ISO weeks)");
    }
    List<Row> rows =
        transform(
                spark.table(Tables.SAMPLES.qualifiedName(cfg.catalogName())),
                spark.table(Tables.RESULTS.qualifiedName(cfg.catalogName())),
                sourceSystem,
                monday,
                spec)
            .collectAsList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Path dir = cfg.outputDir().resolve("disclosure").resolve(sourceSystem);
    String key = weekKey(monday);
    List<String> names = List.copyOf(COLUMNS.keySet());
    try {
      Files.createDirectories(dir);
      Path csv = dir.resolve(key + ".csv");
      try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
          CSVPrinter p =
              new CSVPrinter(
                  w, CSVFormat.RFC4180.builder().setHeader(names.toArray(String[]::new)).get())) {
        for (Row r : rows) {
          List<Object> v = new ArrayList<>();
          for (String n : names) {
            Object o = r.getAs(n);
            v.add(o == null ? "" : o.toString());
          }
          p.printRecord(v);
        }
      }
      List<Map<String, Object>> json = new ArrayList<>();
      for (Row r : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String n : names) {
          Object o = r.getAs(n);
          m.put(n, o instanceof java.sql.Date || o instanceof LocalDate ? o.toString() : o);
        }
        json.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("format", "agrisafe-open-data/1");
      doc.put("source_system", sourceSystem);
      doc.put("week", key);
      doc.put("from", monday.toString());
      doc.put("to", monday.plusDays(6).toString());
      doc.put(
          "producer_disclosure",
          spec.discloseProducerOnConfirmedFailure() ? "CONFIRMED_FAILURES" : "NONE");
      doc.put("schema", COLUMNS);
      doc.put("rows", json);
      Path js = dir.resolve(key + ".json");
      BulletinJob.JSON.writeValue(js.toFile(), doc);
      return List.of(csv, js);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write disclosure export under " + dir, e);
    }
  }

  /**
   * The export rows of one source and week, in {@link #COLUMNS} order, sorted by date, sample and analyte.
   * Reads only whitelisted columns.
   */
  public static Dataset<Row> transform(
      Dataset<Row> samples,
      Dataset<Row> results,
      String sourceSystem,
      LocalDate monday,
      DisclosureSpec spec) {
    Column inWeek =
        col("sample_date")
            .geq(lit(java.sql.Date.valueOf(monday)))
            .and(col("sample_date").leq(lit(java.sql.Date.valueOf(monday.plusDays(6)))));
    Dataset<Row> s = samples.filter(col("source_system").equalTo(sourceSystem).and(inWeek));
    if (!"ALL".equals(spec.programmes())) {
      s = s.filter(col("programme").isin((Object[]) spec.programmes().split("\\+")));
    }
    Column confirmedFail =
        col("s.sample_verdict")
            .equalTo("FAIL")
            .and(col("s.has_exceedance").or(col("s.has_banned_detection")));
    Column producer =
        spec.discloseProducerOnConfirmedFailure()
            ? when(confirmedFail, functionsCoalesce(col("s.producer_id"), col("s.packer")))
                .otherwise(lit(null))
            : lit(null).cast("string");
    Dataset<Row> r = results.filter(col("source_system").equalTo(sourceSystem).and(inWeek));
    if (r.columns().length > 0 && java.util.Arrays.asList(r.columns()).contains("is_current")) {
      r = r.filter(col("is_current"));
    }
    return s.as("s")
        .join(r.as("r"), col("s.sample_id").equalTo(col("r.sample_id")), "left")
        .select(
            col("s.sample_id").as("sample_id"),
            col("s.sample_date").cast("string").as("sample_date"),
            col("s.source_system").as("source_system"),
            col("s.programme").as("programme"),
            col("s.commodity_code").as("commodity"),
            col("s.category").as("category"),
            functionsCoalesce(col("s.sampling_point"), col("s.region_code")).as("place"),
            col("s.region_code").as("region_code"),
            col("s.origin_iso2").as("country_of_origin"),
            functionsCoalesce(col("r.analyte_code"), col("r.analyte_raw")).as("analyte"),
            col("r.method_type").as("method_type"),
            col("r.value_mg_per_kg").as("value_mg_per_kg"),
            col("r.detection").as("detection"),
            col("r.mrl_mg_per_kg").as("mrl_mg_per_kg"),
            col("r.limit_source").as("limit_source"),
            col("r.verdict").as("result_verdict"),
            col("s.sample_verdict").as("sample_verdict"),
            producer.as("producer"))
        .orderBy("sample_date", "sample_id", "analyte");
  }

  private static Column functionsCoalesce(Column a, Column b) {
    return org.apache.spark.sql.functions.coalesce(a, b);
  }
}
