package org.agrisafe.jobs.warnings;

import static org.agrisafe.jobs.spark.Fixtures.row;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.jobs.spark.Fixtures;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.lakehouse.tables.WarningTables.State;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class WarningJobTest {

  /**
   * Samples of one commodity: {@code tested} per month from {@code first} for {@code months} months, with
   * exceedances cycling 0, 1, 2 and {@code spike} exceedances in the last month.
   */
  static Dataset<Row> samples(String source, String first, int months, int tested, int spike) {
    List<Map<String, Object>> rows = new ArrayList<>();
    YearMonth m0 = YearMonth.parse(first);
    for (int i = 0; i < months; i++) {
      YearMonth m = m0.plusMonths(i);
      int exceed = i == months - 1 ? spike : i % 3;
      for (int j = 0; j < tested; j++) {
        rows.add(
            row(
                "sample_id",
                source + ":" + m + ":" + j,
                "source_system",
                source,
                "source_sample_id",
                m + ":" + j,
                "programme",
                "RANDOM_MONITORING",
                "sample_date",
                LocalDate.of(m.getYear(), m.getMonth(), 5),
                "sample_month",
                m.toString(),
                "commodity_code",
                "spinach",
                "category",
                "vegetables",
                "sample_verdict",
                j < exceed ? "FAIL" : "PASS",
                "has_exceedance",
                j < exceed));
      }
    }
    return Fixtures.rows(Tables.SAMPLES, rows);
  }

  @Test
  void plantedSpikeRaisesOneWarningPerLevelAndReRunDoesNotDuplicate() throws Exception {
    var spark = SharedSpark.spark();
    var cfg = SharedSpark.config();
    String source = "TEST_WARN_SPIKE";
    samples(source, "2019-01", 30, 20, 12)
        .writeTo(Tables.SAMPLES.qualifiedName(cfg.catalogName()))
        .append();

    WarningJob.WarningRun first = WarningJob.run(spark, cfg, WarningSpec.defaults());
    String warnings = WarningTables.WARNINGS.qualifiedName(cfg.catalogName());
    List<Row> mine =
        spark.table(warnings).filter(col("source_system").equalTo(source)).collectAsList();
    // 30 months, w = 3: b = 2, months 28..30 evaluated; only the planted spike (12 of 20) alarms.
    assertEquals(
        2, mine.size(), "one warning for the commodity series and one for the category series");
    for (Row r : mine) {
      assertEquals("2021-06", r.getAs("period"));
      assertEquals(12L, (long) r.<Long>getAs("observed"));
      assertEquals(20L, (long) r.<Long>getAs("denominator"));
      assertEquals("NEW", r.getAs("state"));
      assertEquals("farrington(3,0,2)", r.getAs("method"));
      assertTrue(r.<Double>getAs("threshold") < 12, "threshold below the spike");
    }
    assertEquals(1, mine.stream().filter(r -> "spinach".equals(r.getAs("commodity_code"))).count());
    assertEquals(
        1,
        mine.stream().map(r -> r.<String>getAs("group_id")).distinct().count(),
        "commodity and category warnings of the same month share a cause");
    assertTrue(first.report().toFile().isFile());

    long events =
        spark
            .table(WarningTables.WARNING_EVENTS.qualifiedName(cfg.catalogName()))
            .filter(col("warning_id").isin(mine.stream().map(r -> r.getAs("warning_id")).toArray()))
            .count();
    assertEquals(2, events, "one null -> NEW event per new warning");

    String id = mine.get(0).getAs("warning_id");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                WarningLifecycle.transition(
                    spark, cfg.catalogName(), id, State.ESCALATED, "inspector", "test"));
    assertTrue(e.getMessage().contains("NEW -> ESCALATED is not allowed"), e.getMessage());
    WarningLifecycle.transition(
        spark, cfg.catalogName(), id, State.VALIDATED, "inspector", "checked lab sheets");

    WarningJob.WarningRun second = WarningJob.run(spark, cfg, WarningSpec.defaults());
    List<Row> again =
        spark.table(warnings).filter(col("source_system").equalTo(source)).collectAsList();
    assertEquals(2, again.size(), "a re-run does not duplicate");
    assertEquals(
        "VALIDATED",
        again.stream()
            .filter(r -> id.equals(r.getAs("warning_id")))
            .findFirst()
            .orElseThrow()
            .getAs("state"),
        "a re-run keeps the state");
    assertTrue(second.summary().updatedWarnings() >= 2, "the spike warnings are found again");
    long eventsAfter =
        spark
            .table(WarningTables.WARNING_EVENTS.qualifiedName(cfg.catalogName()))
            .filter(col("warning_id").isin(mine.stream().map(r -> r.getAs("warning_id")).toArray()))
            .count();
    assertEquals(3, eventsAfter, "two raise events and one validation, none from the re-run");
  }

  @Test
  void tooShortSeriesAreCountedPerMethod() {
    var spark = SharedSpark.spark();
    Dataset<Row> input =
        samples("TEST_SHORT_5", "2020-01", 5, 3, 2)
            .unionByName(samples("TEST_SHORT_10", "2020-01", 10, 3, 3));
    Dataset<Row> none =
        spark.createDataFrame(List.of(), org.agrisafe.jobs.spark.Rows.type(WarningTables.WARNINGS));
    WarningSummary s =
        WarningJob.transform(input, none, WarningSpec.defaults(), null, Instant.EPOCH).summary();
    assertEquals(4, s.seriesTotal(), "commodity + category series of two sources");
    assertEquals(4, s.tooShortForFarrington(), "5 and 10 months < 16");
    assertEquals(2, s.tooShortForEars(), "5 months < 8");
    assertEquals(2, s.tooShortForAll());
    assertEquals(Map.of("EARS_C1", 2), s.seriesByMethod());
    assertEquals(
        2 * (10 - 7),
        s.periodsEvaluated(),
        "EARS C1 evaluates months 8..10 of the 10-month series");
  }

  @Test
  void lifecycleRejectsInvalidTransitions() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WarningLifecycle.check("W-x", State.CLOSED, State.NEW));
    assertThrows(
        IllegalArgumentException.class,
        () -> WarningLifecycle.check("W-x", State.NEW, State.ESCALATED));
    WarningLifecycle.check("W-x", State.VALIDATED, State.ESCALATED);
  }

  @Test
  void bannedDetectionSeriesCountBannedFindingsNotExceedances() throws Exception {
    var spark = SharedSpark.spark();
    var cfg = SharedSpark.config();
    String source = "TEST_WARN_BANNED";
    // exceedances cycle as in samples(); banned detections only in the last month (6 of 20)
    Dataset<Row> s =
        samples(source, "2019-01", 30, 20, 1)
            .withColumn(
                "has_banned_detection",
                org.apache.spark.sql.functions.expr(
                    "sample_month = '2021-06' AND cast(split(source_sample_id, ':')[1] AS int) < 6"));
    s.writeTo(Tables.SAMPLES.qualifiedName(cfg.catalogName())).append();
    WarningJob.run(
        spark, cfg, WarningSpec.defaults().withMeasure(Measure.BANNED_DETECTION_SAMPLES));
    List<Row> mine =
        spark
            .table(WarningTables.WARNINGS.qualifiedName(cfg.catalogName()))
            .filter(col("source_system").equalTo(source))
            .collectAsList();
    assertTrue(!mine.isEmpty(), "the banned spike alarms");
    for (Row r : mine) {
      assertEquals("BANNED_DETECTION_SAMPLES", r.getAs("measure"));
      assertEquals("2021-06", r.getAs("period"));
      assertEquals(6L, (long) r.<Long>getAs("observed"));
      String details = r.getAs("details");
      assertTrue(details.contains("banned-substance detection"), details);
    }
  }
}
