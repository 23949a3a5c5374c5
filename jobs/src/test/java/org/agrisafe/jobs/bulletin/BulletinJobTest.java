package org.agrisafe.jobs.bulletin;

import static org.agrisafe.jobs.spark.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.jobs.disclosure.DisclosureExport;
import org.agrisafe.jobs.disclosure.DisclosureSpec;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.report.AdHocReport;
import org.agrisafe.jobs.spark.Fixtures;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.jobs.spark.SnapshotSet;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bulletin on a small named fixture of source BTEST: December 2021 has 10 random samples (1 FAIL with an
 * exceedance of 0.5 mg/kg chlorpyrifos on apples, MRL 0.01), January 2022 has 20 (2 FAIL, one of them a banned
 * detection), and 1 risk-targeted FAIL in January that headline figures exclude.
 */
class BulletinJobTest {
  static final String SRC = "BTEST";

  @BeforeAll
  static void load() throws Exception {
    SparkSession spark = SharedSpark.spark();
    String catalog = SharedSpark.config().catalogName();
    List<Map<String, Object>> samples = new ArrayList<>();
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      boolean fail = i == 0;
      samples.add(
          sample(
              "D" + i,
              i < 6 ? "apples" : "pears",
              "2021-12-0" + (i % 9 + 1),
              fail,
              false,
              "RANDOM_MONITORING"));
      if (fail) {
        results.add(
            result("D" + i, "apples", "2021-12-01", "chlorpyrifos", 0.5, 0.01, true, false));
      }
    }
    for (int i = 0; i < 20; i++) {
      boolean fail = i < 2;
      samples.add(
          sample(
              "J" + i,
              i < 12 ? "apples" : "pears",
              "2022-01-1" + (i % 9),
              fail,
              i == 1,
              "RANDOM_MONITORING"));
      if (fail) {
        results.add(
            result(
                "J" + i,
                i < 12 ? "apples" : "pears",
                "2022-01-1" + (i % 9),
                i == 1 ? "carbofuran" : "chlorpyrifos",
                0.2,
                0.01,
                true,
                i == 1));
      }
    }
    samples.add(sample("R1", "apples", "2022-01-20", true, false, "RISK_TARGETED"));
    Fixtures.rows(Tables.SAMPLES, samples).writeTo(Tables.SAMPLES.qualifiedName(catalog)).append();
    Fixtures.rows(Tables.RESULTS, results).writeTo(Tables.RESULTS.qualifiedName(catalog)).append();
    for (PassRateSpec s : BulletinJob.upstreamPassRates(PeriodType.MONTH)) {
      PassRateJob.run(spark, catalog, s);
    }
  }

  @AfterAll
  static void clean() {
    SparkSession spark = SharedSpark.spark();
    String catalog = SharedSpark.config().catalogName();
    for (String t :
        List.of(
            Tables.SAMPLES.qualifiedName(catalog),
            Tables.RESULTS.qualifiedName(catalog),
            Tables.PASS_RATES.qualifiedName(catalog))) {
      spark.sql("DELETE FROM " + t + " WHERE source_system = '" + SRC + "'");
    }
  }

  static Map<String, Object> sample(
      String id, String commodity, String date, boolean fail, boolean banned, String programme) {
    return row(
        "sample_id",
        SRC + ":" + id,
        "source_system",
        SRC,
        "source_sample_id",
        id,
        "programme",
        programme,
        "sample_date",
        LocalDate.parse(date),
        "sample_month",
        date.substring(0, 7),
        "commodity_code",
        commodity,
        "category",
        "fruit",
        "sample_verdict",
        fail ? "FAIL" : "PASS",
        "has_detection",
        fail,
        "has_exceedance",
        fail,
        "has_banned_detection",
        banned,
        "n_results",
        1,
        "n_detected",
        fail ? 1 : 0,
        "test_kind",
        "QUANTITATIVE",
        "lab_id",
        "LAB-1",
        "packer",
        "Packer Ltd",
        "ingested_at",
        java.sql.Timestamp.valueOf("2022-02-20 00:00:00"));
  }

  static Map<String, Object> result(
      String id,
      String commodity,
      String date,
      String analyte,
      double value,
      double mrl,
      boolean exceeds,
      boolean banned) {
    return row(
        "result_id",
        SRC + ":" + id + ":" + analyte,
        "revision",
        1,
        "sample_id",
        SRC + ":" + id,
        "source_system",
        SRC,
        "sample_month",
        date.substring(0, 7),
        "sample_date",
        LocalDate.parse(date),
        "commodity_code",
        commodity,
        "analyte_code",
        analyte,
        "method_type",
        "QUANTITATIVE",
        "value_mg_per_kg",
        value,
        "mrl_mg_per_kg",
        mrl,
        "verdict",
        "FAIL",
        "exceeds",
        exceeds,
        "banned_detection",
        banned,
        "detection",
        "DETECTED",
        "limit_source",
        "TEST MRL");
  }

  static LakehouseConfig cfg(Path out) {
    LakehouseConfig base = SharedSpark.config();
    return LakehouseConfig.load(
        null,
        Map.of(
            LakehouseConfig.LAKEHOUSE_DIR,
            base.lakehouseDir().toString(),
            LakehouseConfig.OUTPUT_DIR,
            out.toString(),
            LakehouseConfig.ZONE,
            "Asia/Shanghai"),
        Map.of());
  }

  @Test
  @SuppressWarnings("unchecked")
  void januaryBulletinCopiesTheRatesComparesWithDecemberAndListsFindings() throws Exception {
    SparkSession spark = SharedSpark.spark();
    Path out = Files.createTempDirectory("bulletin");
    BulletinJob.Output o =
        BulletinJob.run(
            spark,
            cfg(out),
            BulletinSpec.of(PeriodType.MONTH, "2022-01", SRC)
                .withLanguage(BulletinSpec.Language.EN));
    Map<String, Object> f = o.figures();
    Map<String, Object> hl = (Map<String, Object>) f.get("headline");
    Map<String, Object> cur = (Map<String, Object>) hl.get("current");
    assertEquals(20L, cur.get("tested"));
    assertEquals(18L, cur.get("passed"));
    Row stored =
        spark
            .table(Tables.PASS_RATES.qualifiedName(SharedSpark.config().catalogName()))
            .filter(
                "source_system = 'BTEST' AND dimension_set = 'source_system' AND period = '2022-01'")
            .first();
    assertEquals((double) stored.getAs("pass_rate_low"), (double) cur.get("pass_rate_low"), 0.0);
    assertEquals(0.9, (double) cur.get("pass_rate"), 1e-12);
    assertEquals("NOT_MET", hl.get("target_status"));
    Map<String, Object> prev = (Map<String, Object>) hl.get("previous_period");
    assertEquals("2021-12", prev.get("period"));
    assertEquals(0.9, (double) prev.get("pass_rate"), 1e-12);
    assertEquals(0.0, (double) prev.get("change_percentage_points"), 1e-9);
    assertEquals(false, ((Map<String, Object>) hl.get("same_period_last_year")).get("has_data"));
    Map<String, Object> ex = (Map<String, Object>) f.get("exceedances");
    assertEquals(2L, ex.get("count"));
    assertEquals(1L, ((Map<String, Object>) f.get("banned_detections")).get("count"));
    Map<String, Object> com =
        (Map<String, Object>) ((Map<String, Object>) f.get("breakdowns")).get("commodity_code");
    assertEquals(
        List.of("apples", "pears"),
        ((List<Map<String, Object>>) com.get("groups")).stream().map(g -> g.get("key")).toList());
    List<Map<String, Object>> trend = (List<Map<String, Object>>) f.get("trend");
    assertEquals(12, trend.size());
    assertEquals("2022-01", trend.get(11).get("period"));
    assertEquals(
        21L,
        ((Map<String, Object>) f.get("data_quality")).get("samples_in_period"),
        "data quality counts every upload of the period, the risk-targeted sample too");
    assertEquals(
        21L,
        ((Map<String, Object>) f.get("data_quality")).get("late_samples"),
        "every January sample was ingested 2022-02-20, after 31 Jan + 10 days");
    for (Path p : o.files()) {
      assertTrue(Files.size(p) > 0, p + " is empty");
    }
    try (PDDocument pdf = Loader.loadPDF(o.pdf().toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("Pass rate"), text);
      assertTrue(text.contains("90.0 %"), text);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aChineseBulletinRendersChineseTextInThePdf() throws Exception {
    Path out = Files.createTempDirectory("bulletin-zh");
    BulletinJob.Output o =
        BulletinJob.run(
            SharedSpark.spark(),
            cfg(out),
            BulletinSpec.of(PeriodType.MONTH, "2022-01", SRC)
                .withLanguage(BulletinSpec.Language.ZH));
    try (PDDocument pdf = Loader.loadPDF(o.pdf().toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(
          text.contains("合格率"),
          "PDF text has no Chinese: " + text.substring(0, Math.min(300, text.length())));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void regeneratingFromRecordedSnapshotsGivesTheSameFiguresAfterNewData() throws Exception {
    SparkSession spark = SharedSpark.spark();
    String catalog = SharedSpark.config().catalogName();
    Path out = Files.createTempDirectory("bulletin-regen");
    BulletinSpec spec = BulletinSpec.of(PeriodType.MONTH, "2022-01", SRC);
    BulletinJob.Output first = BulletinJob.run(spark, cfg(out), spec);
    Fixtures.rows(
            Tables.SAMPLES,
            List.of(sample("LATE1", "apples", "2022-01-31", true, false, "RANDOM_MONITORING")))
        .writeTo(Tables.SAMPLES.qualifiedName(catalog))
        .append();
    PassRateJob.run(
        spark,
        catalog,
        PassRateSpec.of(PeriodType.MONTH, List.of(PassRateSpec.Dimension.SOURCE_SYSTEM)));
    try {
      BulletinJob.Output now =
          BulletinJob.run(spark, cfg(Files.createTempDirectory("bulletin-now")), spec);
      assertNotEquals(
          BulletinJob.canonical(first.figures()),
          BulletinJob.canonical(now.figures()),
          "the late sample changes the current figures");
      BulletinJob.Output again =
          BulletinJob.regenerate(
              spark, cfg(out), first.json(), Files.createTempDirectory("bulletin-again"));
      Map<String, Object> a = (Map<String, Object>) BulletinJob.canonical(first.figures());
      Map<String, Object> b = (Map<String, Object>) BulletinJob.canonical(again.figures());
      assertEquals(a, b);
    } finally {
      spark.sql(
          "DELETE FROM "
              + Tables.SAMPLES.qualifiedName(catalog)
              + " WHERE sample_id = 'BTEST:LATE1'");
      PassRateJob.run(
          spark,
          catalog,
          PassRateSpec.of(PeriodType.MONTH, List.of(PassRateSpec.Dimension.SOURCE_SYSTEM)));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPeriodWithNoDataSaysSo() throws Exception {
    BulletinJob.Output o =
        BulletinJob.run(
            SharedSpark.spark(),
            cfg(Files.createTempDirectory("bulletin-empty")),
            BulletinSpec.of(PeriodType.MONTH, "2022-03", SRC)
                .withLanguage(BulletinSpec.Language.EN));
    assertFalse((boolean) ((Map<String, Object>) o.figures().get("headline")).get("has_data"));
    assertTrue(
        Files.readString(o.html()).contains("No sample of this source was tested in this period"));
  }

  @Test
  void aMissingUpstreamRowSetNamesTheJobToRunFirst() {
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                BulletinJob.run(
                    SharedSpark.spark(),
                    cfg(Files.createTempDirectory("bulletin-q")),
                    BulletinSpec.of(PeriodType.QUARTER, "2022-Q1", SRC)));
    assertTrue(
        e.getMessage()
            .contains("run `agrisafe run pass-rates --period-type QUARTER --dims source_system`"),
        e.getMessage());
  }

  @Test
  void disclosureExportHasNoProducerUnlessAllowedAndFailureConfirmed() {
    var samples =
        SharedSpark.spark().table(Tables.SAMPLES.qualifiedName(SharedSpark.config().catalogName()));
    var results =
        SharedSpark.spark().table(Tables.RESULTS.qualifiedName(SharedSpark.config().catalogName()));
    LocalDate monday = LocalDate.of(2021, 11, 29);
    List<Row> off =
        DisclosureExport.transform(samples, results, SRC, monday, DisclosureSpec.defaults())
            .collectAsList();
    assertEquals(
        6, off.size(), "week 2021-11-29..12-05: D0 and D9 (1 Dec), D1-D4 (2-5 Dec), one row each");
    assertTrue(off.stream().allMatch(r -> r.getAs("producer") == null));
    List<Row> on =
        DisclosureExport.transform(samples, results, SRC, monday, new DisclosureSpec(true, "ALL"))
            .collectAsList();
    assertEquals(
        List.of("BTEST:D0"),
        on.stream()
            .filter(r -> r.getAs("producer") != null)
            .map(r -> (String) r.getAs("sample_id"))
            .toList());
    assertEquals(
        List.copyOf(DisclosureExport.COLUMNS.keySet()), List.of(on.get(0).schema().fieldNames()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void publishingTagsTheSnapshotsAndARevisionListsWhatChanged() throws Exception {
    SparkSession spark = SharedSpark.spark();
    String catalog = SharedSpark.config().catalogName();
    Path out = Files.createTempDirectory("bulletin-pub");
    BulletinJob.Output o =
        BulletinJob.run(spark, cfg(out), BulletinSpec.of(PeriodType.MONTH, "2022-01", SRC));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class,
        () -> BulletinPublication.publish(spark, cfg(out), o.dir(), "editor"),
        "a draft cannot be published");
    BulletinPublication.approve(spark, cfg(out), o.dir(), "head of unit");
    Map<String, Object> p = BulletinPublication.publish(spark, cfg(out), o.dir(), "bureau");
    assertEquals("PUBLISHED", p.get("state"));
    assertEquals(
        List.of("APPROVED", "PUBLISHED"),
        ((List<Map<String, Object>>) p.get("history")).stream().map(e -> e.get("state")).toList());
    String tag = BulletinPublication.tagName(SRC, "2022-01", 0);
    var samples =
        org.agrisafe.jobs.spark.LakehouseIo.icebergTable(
            spark, Tables.SAMPLES.qualifiedName(catalog));
    Map<String, Object> meta = (Map<String, Object>) o.figures().get("meta");
    assertEquals(
        ((Map<String, Object>) meta.get("snapshots")).get("monitoring.samples"),
        samples.refs().get(tag).snapshotId());
    Fixtures.rows(
            Tables.SAMPLES,
            List.of(sample("LATE2", "pears", "2022-01-30", true, false, "RANDOM_MONITORING")))
        .writeTo(Tables.SAMPLES.qualifiedName(catalog))
        .append();
    PassRateJob.run(
        spark,
        catalog,
        PassRateSpec.of(PeriodType.MONTH, List.of(PassRateSpec.Dimension.SOURCE_SYSTEM)));
    try {
      Path rev = BulletinPublication.revise(spark, cfg(out), o.dir(), "bureau");
      Map<String, Object> changes = BulletinJob.readJson(rev.resolve("changes.json"));
      List<Object> figures =
          ((List<Map<String, Object>>) changes.get("changes"))
              .stream().map(c -> c.get("figure")).map(Object.class::cast).toList();
      assertTrue(figures.contains("headline.current.tested"), figures.toString());
      assertTrue(Files.isRegularFile(rev.resolve("bulletin.pdf")));
      Map<String, Object> revState = BulletinPublication.read(spark, cfg(out), rev);
      assertEquals(1, revState.get("revision"));
      assertEquals("DRAFT", revState.get("state"));
      assertEquals(
          List.of("DRAFT"),
          ((List<Map<String, Object>>) revState.get("history"))
              .stream().map(e -> e.get("state")).toList());
      assertEquals("PUBLISHED", BulletinPublication.read(spark, cfg(out), o.dir()).get("state"));
    } finally {
      spark.sql(
          "DELETE FROM "
              + org.agrisafe.lakehouse.tables.BulletinTables.PUBLICATION_EVENTS.qualifiedName(
                  catalog)
              + " WHERE source_system = '"
              + SRC
              + "'");
      spark.sql(
          "DELETE FROM "
              + Tables.SAMPLES.qualifiedName(catalog)
              + " WHERE sample_id = 'BTEST:LATE2'");
      PassRateJob.run(
          spark,
          catalog,
          PassRateSpec.of(PeriodType.MONTH, List.of(PassRateSpec.Dimension.SOURCE_SYSTEM)));
      for (var def : SnapshotSet.tables()) {
        var t = org.agrisafe.jobs.spark.LakehouseIo.icebergTable(spark, def.qualifiedName(catalog));
        if (t.refs().containsKey(tag)) {
          t.manageSnapshots().removeTag(tag).commit();
        }
      }
    }
  }

  @Test
  void adHocReportSelectsStoredRatesAndWritesCsvXlsxHtml() throws Exception {
    SparkSession spark = SharedSpark.spark();
    AdHocReport.Definition d =
        new AdHocReport.Definition(
            "btest-commodities",
            PeriodType.MONTH,
            "2022-01",
            "2022-01",
            List.of(PassRateSpec.Dimension.COMMODITY),
            List.of("tested", "passed", "pass_rate"),
            Map.of("source_system", SRC),
            "RANDOM_MONITORING");
    List<Row> rows =
        AdHocReport.table(spark, SharedSpark.config().catalogName(), d).collectAsList();
    assertEquals(
        List.of("apples", "pears"),
        rows.stream().map(r -> (String) r.getAs("commodity_code")).toList());
    assertEquals(12L, (long) rows.get(0).getAs("tested"));
    assertEquals(10.0 / 12, (double) rows.get(0).getAs("pass_rate"), 1e-12);
    List<Path> files =
        AdHocReport.write(
            spark, SharedSpark.config().catalogName(), d, Files.createTempDirectory("adhoc"));
    assertEquals(3, files.size());
    assertEquals(
        "period,source_system,commodity_code,tested,passed,pass_rate",
        Files.readAllLines(files.get(0)).get(0));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                new AdHocReport.Definition(
                    "x",
                    PeriodType.MONTH,
                    null,
                    null,
                    List.of(),
                    List.of("pass_ratio"),
                    Map.of(),
                    "RANDOM_MONITORING"));
    assertTrue(
        e.getMessage().startsWith("Unknown measure 'pass_ratio' in report x"), e.getMessage());
  }

  static Map<String, Object> ranking(
      String periodType, String period, int rank, String analyte, int score) {
    return row(
        "period_type",
        periodType,
        "period",
        period,
        "programme_scope",
        "RANDOM_MONITORING",
        "source_system",
        SRC,
        "analyte_code",
        analyte,
        "commodity_code",
        "apples",
        "n_samples",
        12L,
        "n_detections",
        2L,
        "n_exceedances",
        1L,
        "a_level",
        "HIGH",
        "a_score",
        3,
        "b_level",
        "HIGH",
        "b_score",
        3,
        "c_level",
        "MEDIUM",
        "c_score",
        2,
        "d_level",
        "LOW",
        "d_score",
        1,
        "e_level",
        "UNKNOWN",
        "e_score",
        3,
        "f_level",
        "LOW",
        "f_score",
        score - 9,
        "toxicity_score",
        6,
        "exposure_score",
        score / 6,
        "total_score",
        score,
        "risk_rank",
        "HIGH",
        "rank_position",
        rank,
        "verified",
        true);
  }

  /** A monthly bulletin shows the month's ranking when the risk job wrote one (and not the year's). */
  @Test
  @SuppressWarnings("unchecked")
  void aMonthlyBulletinShowsTheMonthsRiskRankingWhenTheRiskTablesHoldIt() throws Exception {
    SparkSession spark = SharedSpark.spark();
    String table = RiskTables.RISK_RANKING.qualifiedName(SharedSpark.config().catalogName());
    Fixtures.rows(
            RiskTables.RISK_RANKING,
            List.of(
                ranking("MONTH", "2022-01", 2, "carbofuran", 60),
                ranking("MONTH", "2022-01", 1, "chlorpyrifos", 66),
                ranking("MONTH", "2021-11", 1, "boscalid", 48),
                ranking("YEAR", "2021", 1, "boscalid", 54)))
        .writeTo(table)
        .append();
    try {
      BulletinJob.Output o =
          BulletinJob.run(
              spark,
              cfg(Files.createTempDirectory("bulletin-risk")),
              BulletinSpec.of(PeriodType.MONTH, "2022-01", SRC)
                  .withLanguage(BulletinSpec.Language.EN));
      Map<String, Object> risks = (Map<String, Object>) o.figures().get("risks");
      assertEquals("OK", risks.get("status"));
      assertEquals("MONTH", risks.get("ranking_period_type"));
      assertEquals("2022-01", risks.get("ranking_period"));
      List<Map<String, Object>> top = (List<Map<String, Object>>) risks.get("top");
      assertEquals(
          List.of("chlorpyrifos", "carbofuran"),
          top.stream().map(r -> r.get("analyte_code")).toList());
      assertEquals(66, top.get(0).get("total_score"));
      String html = Files.readString(o.html());
      assertTrue(html.contains("MONTH 2022-01: ranking of the bulletin&#39;s period"), html);
      assertFalse(
          html.contains("agrisafe run risk"), "no 'not computed' note when the ranking exists");
    } finally {
      spark.sql("DELETE FROM " + table + " WHERE source_system = '" + SRC + "'");
    }
  }

  /** Without a ranking of the month or of a year up to it, the section says so and names the command. */
  @Test
  @SuppressWarnings("unchecked")
  void aMonthlyBulletinWithoutRiskScoresSaysNotComputedAndNamesTheRiskCommand() throws Exception {
    BulletinJob.Output o =
        BulletinJob.run(
            SharedSpark.spark(),
            cfg(Files.createTempDirectory("bulletin-norisk")),
            BulletinSpec.of(PeriodType.MONTH, "2021-12", SRC)
                .withLanguage(BulletinSpec.Language.EN));
    Map<String, Object> risks = (Map<String, Object>) o.figures().get("risks");
    assertEquals("NOT_COMPUTED", risks.get("status"));
    assertEquals(
        "agrisafe run risk --period-type MONTH --from 2021-12 --to 2021-12",
        risks.get("run_first"));
    String html = Files.readString(o.html());
    assertTrue(
        html.contains(
            "Not computed; run first: <code>agrisafe run risk --period-type MONTH --from 2021-12"
                + " --to 2021-12</code>"),
        html);
  }
}
