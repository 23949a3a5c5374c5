package org.agrisafe.jobs.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.risk.RiskFixtures.Result;
import org.agrisafe.jobs.risk.RiskFixtures.Sample;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.risk.ranking.RiskRank;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RiskJobTest {
  static final List<Sample> SAMPLES = new ArrayList<>();
  static final List<Result> RESULTS = new ArrayList<>();
  static RiskReference ref;

  /**
   * UK_PRIF 2024: four apple samples (fruit), one with flonicamid (sum) 0.2 mg/kg (MRL 0.3), one with
   * dithiocarbamates (no ADI), one tea sample with boscalid (no consumption figure). UK_PRIF 2023: two apple samples
   * at Retailer A, one failing. PLATFORM_UPLOAD 2024: two cucumber samples enumerating boscalid (one 0.1 mg/kg, one
   * below the LOD 0.01 with LOQ 0.02).
   */
  @BeforeAll
  static void fixtures() {
    ref = RiskReference.loadBundled();
    Sample a1 =
        new Sample("A1", "2024-03-04", "apples", "fruit")
            .origin("GB")
            .point("Retailer A")
            .detected();
    Sample a2 =
        new Sample("A2", "2024-05-10", "apples", "fruit")
            .origin("ES")
            .point("Retailer B")
            .detected();
    Sample a3 = new Sample("A3", "2024-07-01", "apples", "fruit").origin("GB").point("Retailer B");
    Sample a4 = new Sample("A4", "2024-09-15", "apples", "fruit").origin("GB").point("Retailer C");
    Sample t1 =
        new Sample("T1", "2024-02-01", "tea", "tea").origin("CN").point("Retailer A").detected();
    Sample o1 =
        new Sample("O1", "2023-04-01", "apples", "fruit").origin("GB").point("Retailer A").fail();
    Sample o2 = new Sample("O2", "2023-06-01", "apples", "fruit").origin("GB").point("Retailer A");
    Sample c1 =
        new Sample("C1", "2024-06-01", "cucumbers", "vegetables")
            .source("PLATFORM_UPLOAD")
            .region("370102")
            .producer("P-001")
            .detected();
    Sample c2 =
        new Sample("C2", "2024-06-02", "cucumbers", "vegetables")
            .source("PLATFORM_UPLOAD")
            .region("370102")
            .producer("P-002");
    SAMPLES.addAll(List.of(a1, a2, a3, a4, t1, o1, o2, c1, c2));
    RESULTS.add(new Result(a1, "flonicamid (sum)", 0.2, 0.3));
    RESULTS.add(new Result(a2, "dithiocarbamates", 0.5, 1.0));
    RESULTS.add(new Result(t1, "boscalid", 0.05, 0.1));
    RESULTS.add(new Result(o1, "flonicamid (sum)", 0.5, 0.3));
    RESULTS.add(new Result(c1, "boscalid", 0.1, 1.0));
    RESULTS.add(Result.notDetected(c2, "boscalid", 0.01, 0.02));
  }

  static RiskJob.Outputs compute() {
    return RiskJob.transform(
        RiskFixtures.samples(SAMPLES),
        RiskFixtures.results(RESULTS),
        RiskParameters.defaults(),
        ref,
        null);
  }

  @Test
  void exposureRankingAndScoresOnNamedFixtures() {
    RiskJob.Outputs o = compute();
    assertEquals(List.of("2023", "2024"), o.periods());

    // Hand-checked HQ (UK_PRIF 2024, flonicamid in fresh fruit): lower-bound mean = 0.2 mg/kg / 4
    // fruit samples
    // = 0.05 mg/kg; intake = 0.05 x 0.04785 kg/day = 0.0023925 mg/day; EDI = 0.0023925 / 60 kg
    // = 3.9875e-5 mg/kg bw/day; HQ = EDI / ADI 0.025 = 0.001595; %ADI = 0.1595 %.
    Row f = o.exposure().filter("period = '2024' and analyte_code = 'flonicamid (sum)'").first();
    assertEquals(4L, (Long) f.getAs("n_samples"));
    assertEquals(0.05, f.<Double>getAs("mean_lower_mg_per_kg"), 1e-12);
    assertNull(f.getAs("mean_middle_mg_per_kg"), "UK_PRIF lists detections only: no middle bound");
    assertEquals("LOWER_ONLY", f.getAs("bound_availability"));
    assertTrue(f.<String>getAs("bound_note").contains("detections only"));
    assertEquals(0.001595, f.<Double>getAs("hq_lower"), 1e-12);
    assertEquals(0.1595, f.<Double>getAs("pct_adi_lower"), 1e-10);
    assertEquals(0.025, f.<Double>getAs("adi_mg_per_kg_bw_day"), 0);

    // PLATFORM_UPLOAD enumerates non-detects: all three bounds; middle = (0.1 + 0.005) / 2.
    Row b =
        o.exposure()
            .filter("source_system = 'PLATFORM_UPLOAD' and analyte_code = 'boscalid'")
            .first();
    assertEquals("ALL_BOUNDS", b.getAs("bound_availability"));
    assertEquals(0.05, b.<Double>getAs("mean_lower_mg_per_kg"), 1e-12);
    assertEquals(0.0525, b.<Double>getAs("mean_middle_mg_per_kg"), 1e-12);
    assertEquals(0.055, b.<Double>getAs("mean_upper_mg_per_kg"), 1e-12);

    List<String> na =
        o.notAssessed().collectAsList().stream()
            .map(r -> r.getAs("output") + " " + r.getAs("key") + " " + r.getAs("reason"))
            .toList();
    assertTrue(
        na.stream().anyMatch(s -> s.startsWith("EXPOSURE analyte=dithiocarbamates")),
        na.toString());
    assertTrue(
        na.stream()
            .anyMatch(
                s ->
                    s.startsWith("EXPOSURE analyte=boscalid;commodity=tea")
                        && s.contains("no consumption figure")),
        na.toString());
    assertTrue(
        na.stream()
            .anyMatch(
                s ->
                    s.startsWith("RANKING analyte=dithiocarbamates;commodity=apples")
                        && s.contains("no ADI")),
        na.toString());

    Row r = o.ranking().filter("period = '2024' and analyte_code = 'flonicamid (sum)'").first();
    assertEquals("DETECTED_BELOW_MRL", r.getAs("f_level"));
    assertEquals(
        "2_5_TO_20", r.getAs("c_level"), "fresh fruit is 47.85 g of 728.09 g, 6.6 % of the diet");
    assertEquals("20_TO_100", r.getAs("d_level"), "1 detection in 4 apple samples is 25 %");
    int s =
        (r.<Integer>getAs("a_score") + r.<Integer>getAs("b_score"))
            * (r.<Integer>getAs("c_score")
                + r.<Integer>getAs("d_score")
                + r.<Integer>getAs("e_score")
                + r.<Integer>getAs("f_score"));
    assertEquals(s, (int) r.<Integer>getAs("total_score"));
    assertFalse(r.<Boolean>getAs("verified"), "the shipped scoring rows are not verified");

    // Retailer C has no sample before 2024: NO_HISTORY in 2023, with the prior as posterior.
    Row c =
        o.scores()
            .filter("period = '2023' and unit_type = 'SAMPLING_POINT' and unit_key = 'Retailer C'")
            .first();
    assertEquals("NO_HISTORY", c.getAs("status"));
    assertNull(c.getAs("failure_rate"));
    Row ra =
        o.scores()
            .filter("period = '2023' and unit_type = 'SAMPLING_POINT' and unit_key = 'Retailer A'")
            .first();
    assertEquals(0.5, ra.<Double>getAs("failure_rate"), 0);
    assertEquals(1, (int) ra.<Integer>getAs("rank"));
    assertEquals(
        1L,
        o.scores()
            .filter("period = '2024' and unit_type = 'REGION' and unit_key = 'ISO3166_1:ES'")
            .count());
    assertEquals(
        1L,
        o.scores()
            .filter("unit_type = 'PRODUCER' and unit_key = 'P-001' and period = '2024'")
            .count());
  }

  /**
   * Writes the fixtures to the monitoring tables, runs the job, records two panel decisions, adds a sample that
   * turns the flonicamid/apples residue evidence into an exceedance, re-runs: the decisions are still there and the
   * report shows where the new score disagrees with them. Also: a re-run on unchanged data leaves the same rows.
   */
  @Test
  void panelDecisionsSurviveReRunAndReportShowsDisagreement() throws Exception {
    SparkSession spark = SharedSpark.spark();
    String catalog = SharedSpark.config().catalogName();
    RiskFixtures.createRiskTables();
    RiskFixtures.samples(SAMPLES).writeTo(Tables.SAMPLES.qualifiedName(catalog)).append();
    RiskFixtures.results(RESULTS).writeTo(Tables.RESULTS.qualifiedName(catalog)).append();
    Sample extra =
        new Sample("A5", "2024-10-01", "apples", "fruit").origin("GB").point("Retailer C").fail();
    try {
      RiskParameters p = RiskParameters.defaults();
      RiskJob.run(spark, catalog, p, ref);
      long exposureRows = spark.table(RiskTables.RISK_EXPOSURE.qualifiedName(catalog)).count();
      RiskJob.run(spark, catalog, p, ref);
      assertEquals(
          exposureRows,
          spark.table(RiskTables.RISK_EXPOSURE.qualifiedName(catalog)).count(),
          "idempotent re-run");

      Row before =
          spark
              .table(RiskTables.RISK_RANKING.qualifiedName(catalog))
              .filter("period = '2024' and analyte_code = 'flonicamid (sum)'")
              .first();
      PanelDecisions.record(
          spark,
          catalog,
          new PanelDecisions.Decision(
              PeriodType.YEAR,
              "2024",
              "UK_PRIF",
              "flonicamid (sum)",
              "apples",
              PanelDecisions.Kind.ACCEPT,
              null,
              null,
              "Dr Wang (panel chair)",
              Instant.parse("2025-02-01T08:00:00Z")));
      String computed =
          spark
              .table(RiskTables.RISK_RANKING.qualifiedName(catalog))
              .filter("source_system = 'PLATFORM_UPLOAD' and analyte_code = 'boscalid'")
              .first()
              .getAs("risk_rank");
      RiskRank other = computed.equals("LOW") ? RiskRank.MEDIUM : RiskRank.LOW;
      PanelDecisions.record(
          spark,
          catalog,
          new PanelDecisions.Decision(
              PeriodType.YEAR,
              "2024",
              "PLATFORM_UPLOAD",
              "boscalid",
              "cucumbers",
              PanelDecisions.Kind.ADJUST,
              other,
              "cucumbers are eaten by few children in Jinan",
              "Dr Li",
              Instant.parse("2025-02-01T09:00:00Z")));

      RiskFixtures.samples(List.of(extra)).writeTo(Tables.SAMPLES.qualifiedName(catalog)).append();
      RiskFixtures.results(List.of(new Result(extra, "flonicamid (sum)", 0.6, 0.3)))
          .writeTo(Tables.RESULTS.qualifiedName(catalog))
          .append();
      RiskJob.run(spark, catalog, p, ref);

      assertEquals(2L, spark.table(RiskTables.PANEL_DECISIONS.qualifiedName(catalog)).count());
      Row after =
          spark
              .table(RiskTables.RISK_RANKING.qualifiedName(catalog))
              .filter("period = '2024' and analyte_code = 'flonicamid (sum)'")
              .first();
      assertEquals("EXCEEDS_MRL", after.getAs("f_level"));
      assertTrue(after.<Integer>getAs("total_score") > before.<Integer>getAs("total_score"));

      Path report =
          PanelReport.write(
              spark, catalog, SharedSpark.config().outputDir(), PeriodType.YEAR, "2024");
      assertEquals("risk-panel-2024.html", report.getFileName().toString());
      String html = Files.readString(report, StandardCharsets.UTF_8);
      assertTrue(
          html.contains(
              "Disagrees: accepted at "
                  + before.getAs("risk_rank")
                  + " (S="
                  + before.getAs("total_score")
                  + ")"),
          "ACCEPT decision vs the new score");
      assertTrue(
          html.contains("the panel set " + other.name()), "ADJUST decision vs the computed rank");
      assertTrue(html.contains("dithiocarbamates"), "analyte with no ADI listed");
      assertTrue(html.contains("Previous period compared: 2023"));
      assertFalse(html.contains("<script"), "self-contained, no script");
    } finally {
      List<String> ids =
          new ArrayList<>(SAMPLES.stream().map(x -> "'" + x.source + ":" + x.id + "'").toList());
      ids.add("'UK_PRIF:A5'");
      String in = ids.stream().collect(Collectors.joining(","));
      spark.sql(
          "DELETE FROM "
              + Tables.RESULTS.qualifiedName(catalog)
              + " WHERE sample_id IN ("
              + in
              + ")");
      spark.sql(
          "DELETE FROM "
              + Tables.SAMPLES.qualifiedName(catalog)
              + " WHERE sample_id IN ("
              + in
              + ")");
    }
  }

  /**
   * The three risk jobs run one by one ({@code run risk-exposure}, {@code risk-ranking}, {@code risk-scores}) leave
   * the rows {@code run risk} leaves in the four output tables (all but {@code computed_at}); each job writes only
   * its own table and its own "not assessed" rows, and keeps the other jobs' rows.
   */
  @Test
  void threeJobsOneByOneLeaveTheRowsOfRunRisk() throws Exception {
    SparkSession spark = SharedSpark.spark();
    String catalog = SharedSpark.config().catalogName();
    RiskFixtures.createRiskTables();
    RiskFixtures.samples(SAMPLES).writeTo(Tables.SAMPLES.qualifiedName(catalog)).append();
    RiskFixtures.results(RESULTS).writeTo(Tables.RESULTS.qualifiedName(catalog)).append();
    List<org.agrisafe.lakehouse.tables.TableDef> outputs =
        List.of(
            RiskTables.RISK_EXPOSURE,
            RiskTables.RISK_RANKING,
            RiskTables.RISK_SCORES,
            RiskTables.RISK_NOT_ASSESSED);
    try {
      RiskParameters p = RiskParameters.defaults();
      RiskJob.run(spark, catalog, p, ref);
      List<List<String>> all = outputs.stream().map(t -> yearRows(spark, catalog, t)).toList();
      for (List<String> rows : all) {
        assertFalse(rows.isEmpty(), "run risk writes every output");
      }
      List<String> exposureNotAssessed =
          all.get(3).stream().filter(r -> r.contains("EXPOSURE")).toList();
      assertFalse(exposureNotAssessed.isEmpty());
      assertTrue(exposureNotAssessed.size() < all.get(3).size());
      for (org.agrisafe.lakehouse.tables.TableDef t : outputs) {
        spark.sql("DELETE FROM " + t.qualifiedName(catalog) + " WHERE period_type = 'YEAR'");
      }

      RiskJob.Part exposure = RiskExposureJob.run(spark, catalog, p, ref);
      assertEquals(List.of("2023", "2024"), exposure.periods());
      assertEquals(all.get(0), yearRows(spark, catalog, RiskTables.RISK_EXPOSURE));
      assertEquals(List.of(), yearRows(spark, catalog, RiskTables.RISK_RANKING));
      assertEquals(List.of(), yearRows(spark, catalog, RiskTables.RISK_SCORES));
      assertEquals(exposureNotAssessed, yearRows(spark, catalog, RiskTables.RISK_NOT_ASSESSED));

      RiskRankingJob.run(spark, catalog, p, ref);
      RiskScoresJob.run(spark, catalog, p, ref);
      for (int i = 0; i < outputs.size(); i++) {
        assertEquals(
            all.get(i), yearRows(spark, catalog, outputs.get(i)), outputs.get(i).toString());
      }
      // Again on top: a re-run of one job changes nothing, and keeps the other jobs' rows.
      RiskExposureJob.run(spark, catalog, p, ref);
      for (int i = 0; i < outputs.size(); i++) {
        assertEquals(
            all.get(i), yearRows(spark, catalog, outputs.get(i)), outputs.get(i).toString());
      }
    } finally {
      String in =
          SAMPLES.stream()
              .map(x -> "'" + x.source + ":" + x.id + "'")
              .collect(Collectors.joining(","));
      spark.sql(
          "DELETE FROM "
              + Tables.RESULTS.qualifiedName(catalog)
              + " WHERE sample_id IN ("
              + in
              + ")");
      spark.sql(
          "DELETE FROM "
              + Tables.SAMPLES.qualifiedName(catalog)
              + " WHERE sample_id IN ("
              + in
              + ")");
    }
  }

  /** The YEAR rows of an output table, all columns but {@code computed_at}, as sorted strings. */
  private static List<String> yearRows(
      SparkSession spark, String catalog, org.agrisafe.lakehouse.tables.TableDef t) {
    return spark
        .table(t.qualifiedName(catalog))
        .filter("period_type = 'YEAR'")
        .drop("computed_at")
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }
}
