package org.agrisafe.jobs.rates;

import static org.agrisafe.jobs.spark.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.spark.Fixtures;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PassRateJobTest {
  /** Apples 2019: 4 random samples (1 fail with exceedance, 2 with detections); 1 risk-targeted fail ignored. */
  static Dataset<Row> samples() {
    return Fixtures.rows(
        Tables.SAMPLES,
        List.of(
            s("A1", "apples", "2019-03-01", "PASS", false, false, "RANDOM_MONITORING"),
            s("A2", "apples", "2019-05-01", "PASS", true, false, "RANDOM_MONITORING"),
            s("A3", "apples", "2019-12-31", "FAIL", true, true, "RANDOM_MONITORING"),
            s("A4", "apples", "2019-07-01", "PASS", false, false, "RANDOM_MONITORING"),
            s("A5", "apples", "2019-07-01", "FAIL", true, true, "RISK_TARGETED"),
            s("P1", "pears", "2020-01-01", "PASS", false, false, "RANDOM_MONITORING")));
  }

  static Map<String, Object> s(
      String id,
      String commodity,
      String date,
      String verdict,
      boolean detected,
      boolean exceeds,
      String programme) {
    LocalDate d = LocalDate.parse(date);
    return row(
        "sample_id",
        "T:" + id,
        "source_system",
        "TEST",
        "source_sample_id",
        id,
        "programme",
        programme,
        "sample_date",
        d,
        "sample_month",
        date.substring(0, 7),
        "commodity_code",
        commodity,
        "sample_verdict",
        verdict,
        "has_detection",
        detected,
        "has_exceedance",
        exceeds,
        "has_non_compliant",
        exceeds,
        "n_results",
        1,
        "n_detected",
        detected ? 1 : 0);
  }

  @Test
  void yearByCommodityCountsRatesAndWilsonIntervals() {
    PassRateSpec spec = PassRateSpec.of(PeriodType.YEAR, List.of(PassRateSpec.Dimension.COMMODITY));
    Map<String, Row> byKey =
        PassRateJob.transform(samples(), spec, 7L).collectAsList().stream()
            .collect(
                Collectors.toMap(r -> r.getAs("period") + "/" + r.getAs("commodity_code"), r -> r));
    assertEquals(2, byKey.size());
    Row apples = byKey.get("2019/apples");
    assertEquals(4L, (long) apples.getAs("tested"));
    assertEquals(3L, (long) apples.getAs("passed"));
    assertEquals(2L, (long) apples.getAs("detected"));
    assertEquals(1L, (long) apples.getAs("exceeding"));
    assertEquals(0.75, (double) apples.getAs("pass_rate"), 1e-12);
    // R: prop.test(3, 4, correct = FALSE)$conf.int -> 0.3006418 0.9544127
    assertEquals(0.3006418, (double) apples.getAs("pass_rate_low"), 1e-7);
    assertEquals(0.9544127, (double) apples.getAs("pass_rate_high"), 1e-7);
    assertEquals(0.25, (double) apples.getAs("exceedance_rate"), 1e-12);
    assertEquals("commodity_code", apples.getAs("dimension_set"));
    assertEquals("RANDOM_MONITORING", apples.getAs("programme_scope"));
    assertEquals(7L, (long) apples.getAs("input_snapshot_id"));
    // Pears 2020: P1 alone, a random-monitoring PASS with nothing detected.
    Row pears = byKey.get("2020/pears");
    assertEquals(1L, (long) pears.getAs("tested"));
    assertEquals(1L, (long) pears.getAs("passed"));
    assertEquals(0L, (long) pears.getAs("detected"));
    assertEquals(0L, (long) pears.getAs("exceeding"));
    assertEquals(1.0, (double) pears.getAs("pass_rate"), 1e-12);
    // R: prop.test(1, 1, correct = FALSE)$conf.int -> 0.2065493 1.0000000
    assertEquals(0.2065493, (double) pears.getAs("pass_rate_low"), 1e-7);
    assertEquals(1.0, (double) pears.getAs("pass_rate_high"), 1e-12);
    assertEquals(0.0, (double) pears.getAs("exceedance_rate"), 1e-12);
    assertEquals("commodity_code", pears.getAs("dimension_set"));
    assertEquals(7L, (long) pears.getAs("input_snapshot_id"));
  }

  @Test
  void monthPeriodsUseTheStoredLocalDateAndQuarterFormat() {
    PassRateSpec q = PassRateSpec.of(PeriodType.QUARTER, List.of());
    List<String> periods =
        PassRateJob.transform(samples(), q, null).select("period").collectAsList().stream()
            .map(r -> r.getString(0))
            .sorted()
            .toList();
    assertEquals(List.of("2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4", "2020-Q1"), periods);
  }

  @Test
  void aGroupWithNoJudgedSampleHasNoPassRate() {
    Dataset<Row> pending =
        Fixtures.rows(
            Tables.SAMPLES,
            List.of(s("R1", "leeks", "2021-02-02", "PENDING", false, false, "RANDOM_MONITORING")));
    Row r =
        PassRateJob.transform(pending, PassRateSpec.of(PeriodType.MONTH, List.of()), null)
            .collectAsList()
            .get(0);
    assertEquals(1L, (long) r.getAs("tested"));
    assertEquals(0L, (long) r.getAs("judged"));
    assertNull(r.getAs("pass_rate"));
    assertNull(r.getAs("pass_rate_low"));
  }

  @Test
  void rerunReplacesItsOwnRowsOnly() throws Exception {
    var spark = SharedSpark.spark();
    String catalog = SharedSpark.config().catalogName();
    samples().writeTo(Tables.SAMPLES.qualifiedName(catalog)).append();
    try {
      PassRateSpec spec =
          PassRateSpec.of(PeriodType.YEAR, List.of(PassRateSpec.Dimension.COMMODITY));
      PassRateJob.run(spark, catalog, spec);
      PassRateJob.run(spark, catalog, spec);
      long n =
          spark
              .table(Tables.PASS_RATES.qualifiedName(catalog))
              .filter("dimension_set = 'commodity_code' AND period_type = 'YEAR'")
              .count();
      assertEquals(2, n);
    } finally {
      spark.sql(
          "DELETE FROM " + Tables.SAMPLES.qualifiedName(catalog) + " WHERE source_system = 'TEST'");
      spark.sql(
          "DELETE FROM "
              + Tables.PASS_RATES.qualifiedName(catalog)
              + " WHERE period_type = 'YEAR'");
    }
  }

  @Test
  void analyteRatesUseOnlySourcesThatListEveryAnalyteTested() {
    Dataset<Row> samples =
        Fixtures.rows(
            Tables.SAMPLES,
            List.of(
                row(
                    "sample_id",
                    "U:1",
                    "source_system",
                    "PLATFORM_UPLOAD",
                    "source_sample_id",
                    "1",
                    "programme",
                    "RANDOM_MONITORING",
                    "sample_date",
                    LocalDate.parse("2023-06-01"),
                    "sample_month",
                    "2023-06",
                    "sample_verdict",
                    "FAIL",
                    "test_kind",
                    "QUANTITATIVE"),
                row(
                    "sample_id",
                    "U:2",
                    "source_system",
                    "PLATFORM_UPLOAD",
                    "source_sample_id",
                    "2",
                    "programme",
                    "RANDOM_MONITORING",
                    "sample_date",
                    LocalDate.parse("2023-06-02"),
                    "sample_month",
                    "2023-06",
                    "sample_verdict",
                    "PASS",
                    "test_kind",
                    "QUANTITATIVE"),
                row(
                    "sample_id",
                    "UK:3",
                    "source_system",
                    "UK_PRIF",
                    "source_sample_id",
                    "3",
                    "programme",
                    "RANDOM_MONITORING",
                    "sample_date",
                    LocalDate.parse("2023-06-02"),
                    "sample_month",
                    "2023-06",
                    "sample_verdict",
                    "FAIL",
                    "test_kind",
                    "QUANTITATIVE")));
    Dataset<Row> results =
        Fixtures.rows(
            Tables.RESULTS,
            List.of(
                res("r1", "U:1", "PLATFORM_UPLOAD", "chlorpyrifos", "QUANTIFIED", "FAIL", true),
                res("r2", "U:1", "PLATFORM_UPLOAD", "procymidone", "NOT_DETECTED", "PASS", false),
                res("r3", "U:2", "PLATFORM_UPLOAD", "chlorpyrifos", "NOT_DETECTED", "PASS", false),
                res("r4", "UK:3", "UK_PRIF", "chlorpyrifos", "QUANTIFIED", "FAIL", true)));
    Map<String, Row> byAnalyte =
        PassRateJob.transform(
                PassRateJob.samplesByAnalyte(samples, results),
                PassRateSpec.of(PeriodType.MONTH, List.of(PassRateSpec.Dimension.ANALYTE)),
                null)
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> (String) r.getAs("analyte_code"), r -> r));
    Row c = byAnalyte.get("chlorpyrifos");
    assertEquals(2L, (long) c.getAs("tested"), "UK detections-only sample left out");
    assertEquals(1L, (long) c.getAs("exceeding"));
    assertEquals(0.5, (double) c.getAs("pass_rate"), 1e-12);
    Row p = byAnalyte.get("procymidone");
    assertEquals(1L, (long) p.getAs("tested"));
    assertEquals(0L, (long) p.getAs("detected"));
  }

  static Map<String, Object> res(
      String id,
      String sample,
      String source,
      String analyte,
      String detection,
      String verdict,
      boolean exceeds) {
    return row(
        "result_id",
        id,
        "revision",
        1,
        "sample_id",
        sample,
        "source_system",
        source,
        "sample_month",
        "2023-06",
        "sample_date",
        LocalDate.parse("2023-06-01"),
        "analyte_code",
        analyte,
        "method_type",
        "QUANTITATIVE",
        "detection",
        detection,
        "verdict",
        verdict,
        "exceeds",
        exceeds);
  }
}
