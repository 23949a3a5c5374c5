package org.agrisafe.jobs.risk;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Small named fixtures with the schemas of {@code monitoring.samples} and {@code monitoring.results}, built through
 * {@link Rows} so that every required column is set.
 */
final class RiskFixtures {
  private RiskFixtures() {}

  /** Creates the risk tables in the shared test lakehouse (the shared bootstrap knows only {@link Tables}). */
  static void createRiskTables() {
    Catalog catalog = SparkSessions.icebergCatalog(SharedSpark.spark(), SharedSpark.config());
    for (TableDef def : RiskTables.all()) {
      LakehouseBootstrap.ensure(catalog, def);
    }
  }

  /** One sample row builder. */
  static final class Sample {
    final String id;
    String source = "UK_PRIF";
    String programme = "RANDOM_MONITORING";
    LocalDate date;
    String commodity;
    String category;
    String origin;
    String region;
    String point;
    String producer;
    String stage;
    boolean fail;
    boolean exceed;
    boolean banned;
    boolean detected;

    Sample(String id, String date, String commodity, String category) {
      this.id = id;
      this.date = LocalDate.parse(date);
      this.commodity = commodity;
      this.category = category;
    }

    Sample source(String s) {
      source = s;
      return this;
    }

    Sample origin(String o) {
      origin = o;
      return this;
    }

    Sample region(String r) {
      region = r;
      return this;
    }

    Sample point(String p) {
      point = p;
      return this;
    }

    Sample producer(String p) {
      producer = p;
      return this;
    }

    Sample stage(String s) {
      stage = s;
      return this;
    }

    Sample fail() {
      fail = true;
      exceed = true;
      detected = true;
      return this;
    }

    Sample detected() {
      detected = true;
      return this;
    }

    Sample banned() {
      banned = true;
      detected = true;
      return this;
    }

    Sample programme(String p) {
      programme = p;
      return this;
    }

    Row row(Rows b) {
      return b.set("sample_id", source + ":" + id)
          .set("source_system", source)
          .set("source_sample_id", id)
          .set("programme", programme)
          .set("sample_date", Date.valueOf(date))
          .set("sample_month", date.toString().substring(0, 7))
          .set("zone", "Europe/London")
          .set("commodity_code", commodity)
          .set("category", category)
          .set("origin_iso2", origin)
          .set("region_code", region)
          .set("sampling_point", point)
          .set("producer_id", producer)
          .set("sampling_stage", stage)
          .set("sample_verdict", fail ? "FAIL" : "PASS")
          .set("verdict_published_by_source", false)
          .set("n_results", 1)
          .set("n_detected", detected ? 1 : 0)
          .set("has_detection", detected)
          .set("has_exceedance", exceed)
          .set("has_non_compliant", exceed)
          .set("has_banned_detection", banned)
          .set("n_no_standard", 0)
          .set("detected_without_standard", false)
          .set("is_synthetic", true)
          .set("test_kind", "QUANTITATIVE")
          .build();
    }
  }

  /** One quantitative result row builder. */
  static final class Result {
    final Sample sample;
    final String analyte;
    Double value;
    Double mrl;
    Double lod;
    Double loq;
    String detection = "QUANTIFIED";

    Result(Sample sample, String analyte, Double value, Double mrl) {
      this.sample = sample;
      this.analyte = analyte;
      this.value = value;
      this.mrl = mrl;
    }

    /** A non-detect below the LOD, with LOD and LOQ (enumerating sources). */
    static Result notDetected(Sample s, String analyte, double lod, double loq) {
      Result r = new Result(s, analyte, null, null);
      r.lod = lod;
      r.loq = loq;
      r.detection = "NOT_DETECTED";
      return r;
    }

    Row row(Rows b) {
      boolean exceeds = value != null && mrl != null && value > mrl;
      return b.set("result_id", sample.source + ":" + sample.id + ":" + analyte)
          .set("revision", 1)
          .set("sample_id", sample.source + ":" + sample.id)
          .set("source_system", sample.source)
          .set("sample_month", sample.date.toString().substring(0, 7))
          .set("sample_date", Date.valueOf(sample.date))
          .set("commodity_code", sample.commodity)
          .set("analyte_raw", analyte)
          .set("analyte_code", analyte)
          .set("method_type", "QUANTITATIVE")
          .set("value_mg_per_kg", value)
          .set("lod_mg_per_kg", lod)
          .set("loq_mg_per_kg", loq)
          .set("reported_below_lod", "NOT_DETECTED".equals(detection))
          .set("reported_below_loq", false)
          .set("detection", detection)
          .set(
              "verdict",
              mrl == null ? (value == null ? "PASS" : "NO_STANDARD") : exceeds ? "FAIL" : "PASS")
          .set("exceeds", exceeds)
          .set("non_compliant", exceeds)
          .set("mrl_mg_per_kg", mrl)
          .set("banned_detection", sample.banned)
          .set("is_synthetic", true)
          .build();
    }
  }

  static Dataset<Row> samples(List<Sample> samples) {
    Rows b = new Rows(Rows.schema(Tables.SAMPLES));
    List<Row> rows = new ArrayList<>();
    samples.forEach(s -> rows.add(s.row(b)));
    return Rows.frame(SharedSpark.spark(), rows, Tables.SAMPLES);
  }

  static Dataset<Row> results(List<Result> results) {
    Rows b = new Rows(Rows.schema(Tables.RESULTS));
    List<Row> rows = new ArrayList<>();
    results.forEach(r -> rows.add(r.row(b)));
    return Rows.frame(SharedSpark.spark(), rows, Tables.RESULTS);
  }
}
