package org.agrisafe.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload path on a small named file: verdicts with GB 2763 limits, a ban, a correction, a rapid positive. */
class IngestJobTest {
  static String rec(
      String rid,
      int rev,
      String sid,
      String commodity,
      String analyte,
      String method,
      String value,
      String unit,
      String extra) {
    return "{\"result_id\":\""
        + rid
        + "\",\"revision\":"
        + rev
        + ",\"sample_id\":\""
        + sid
        + "\","
        + "\"lab_id\":\"370100-QC-01\",\"lab_level\":\"city\",\"sampling_stage\":\"wholesale_market\","
        + "\"division_code\":\"370102\",\"commodity\":\""
        + commodity
        + "\",\"analyte\":\""
        + analyte
        + "\","
        + "\"method\":\""
        + method
        + "\","
        + (value == null ? "" : "\"value\":\"" + value + "\",\"unit\":\"" + unit + "\",")
        + extra
        + "\"sampled_at\":\"2022-07-01T00:30:00+08:00\",\"programme\":\"random_monitoring\"}";
  }

  @Test
  void uploadIsJudgedWrittenWithHistoryAndIdempotent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("lab-upload.jsonl");
    List<String> lines =
        List.of(
            // procymidone on chives, 0.3 mg/kg > GB 2763-2021 MRL 0.2 ... then corrected to 0.1
            // (rev 2)
            rec("T-R1", 1, "T-S1", "韭菜", "腐霉利", "GC-MS", "0.3", "mg/kg", ""),
            rec("T-R1", 1, "T-S1", "韭菜", "腐霉利", "GC-MS", "0.3", "mg/kg", ""), // duplicate
            rec("T-R1", 2, "T-S1", "韭菜", "腐霉利", "GC-MS", "100", "μg/kg", ""),
            // carbofuran on celery: restricted on vegetables (verified), no MRL loaded ->
            // NO_STANDARD + banned
            rec("T-R2", 1, "T-S2", "芹菜", "克百威", "LC-MS/MS", "5", "µg/kg", ""),
            // rapid enzyme inhibition 62 % on chives: positive, false-positive-prone, awaiting
            // confirmation
            rec(
                "T-R3",
                1,
                "T-S3",
                "韭菜",
                "有机磷和氨基甲酸酯类",
                "ENZYME_INHIBITION",
                null,
                null,
                "\"inhibition_rate_pct\":62,"),
            // unknown unit: rejected with its line, field and reason
            rec("T-R4", 1, "T-S4", "芹菜", "毒死蜱", "GC-MS", "0.1", "ppm", ""));
    Files.write(file, lines, StandardCharsets.UTF_8);
    SparkSession spark = SharedSpark.spark();
    String c = SharedSpark.config().catalogName();
    ReferenceData ref = ReferenceData.loadBundled();

    IngestJob.Summary s =
        IngestJob.run(
            spark, c, IngestJob.Format.UPLOAD, file, null, ref, SharedSpark.config().zone());
    assertEquals(s.report().samplesReceived(), s.accepted() + s.rejected(), s.toString());
    assertEquals(3, s.accepted(), s.toString());
    assertEquals(1, s.rejected(), s.toString());

    Row r1 =
        one(
            spark,
            "SELECT * FROM " + Tables.RESULTS.qualifiedName(c) + " WHERE result_id LIKE '%T-R1'");
    assertEquals(2, (int) r1.getAs("revision"));
    assertEquals("PASS", r1.getAs("verdict"));
    assertEquals("chinese_chives", r1.getAs("commodity_code"));
    assertEquals("procymidone", r1.getAs("analyte_code"));
    assertEquals(0.2, (double) r1.getAs("mrl_mg_per_kg"), 0.0);
    assertEquals(0.1, (double) r1.getAs("value_mg_per_kg"), 1e-12);
    List<Row> hist =
        spark
            .sql(
                "SELECT revision, is_current FROM "
                    + Tables.RESULT_REVISIONS.qualifiedName(c)
                    + " WHERE result_id LIKE '%T-R1' ORDER BY revision")
            .collectAsList();
    assertEquals(2, hist.size());
    assertFalse(hist.get(0).getBoolean(1));
    assertTrue(hist.get(1).getBoolean(1));

    Row r2 =
        one(
            spark,
            "SELECT * FROM " + Tables.RESULTS.qualifiedName(c) + " WHERE result_id LIKE '%T-R2'");
    assertEquals("NO_STANDARD", r2.getAs("verdict"));
    assertTrue((boolean) r2.getAs("banned_detection"), (String) r2.getAs("reason"));
    Row s2 =
        one(
            spark,
            "SELECT * FROM " + Tables.SAMPLES.qualifiedName(c) + " WHERE sample_id LIKE '%T-S2'");
    assertTrue((boolean) s2.getAs("has_banned_detection"));
    assertEquals("PASS", s2.getAs("sample_verdict"));
    assertTrue((boolean) s2.getAs("detected_without_standard"));
    assertEquals(
        "2022-07",
        s2.getAs("sample_month"),
        "00:30 +08:00 on 1 July is 30 June in UTC but July in Asia/Shanghai");

    Row s3 =
        one(
            spark,
            "SELECT * FROM " + Tables.SAMPLES.qualifiedName(c) + " WHERE sample_id LIKE '%T-S3'");
    assertEquals("RAPID", s3.getAs("test_kind"));
    assertEquals("NOT_JUDGED", s3.getAs("sample_verdict"));
    assertEquals("POSITIVE", s3.getAs("rapid_outcome"));
    assertEquals("AWAITING_CONFIRMATION", s3.getAs("rapid_confirmation"));

    Row rej =
        one(
            spark,
            "SELECT * FROM "
                + Tables.REJECTED_RECORDS.qualifiedName(c)
                + " WHERE ingest_run_id = '"
                + s.runId()
                + "'");
    assertEquals("unit", rej.getAs("field"));

    long before = count(spark, c);
    IngestJob.run(spark, c, IngestJob.Format.UPLOAD, file, null, ref, SharedSpark.config().zone());
    assertEquals(before, count(spark, c), "a re-run leaves the same rows");
  }

  @Test
  void aCorrectionInALaterUploadReJudgesTheWholeSample(@TempDir Path dir) throws Exception {
    SparkSession spark = SharedSpark.spark();
    String c = SharedSpark.config().catalogName();
    ReferenceData ref = ReferenceData.loadBundled();
    Path first = dir.resolve("first.jsonl");
    Files.write(
        first,
        List.of(
            // chlorpyrifos on celery 0.1 > GB 2763-2021 MRL 0.05: FAIL
            rec("T-R5A", 1, "T-S5", "芹菜", "毒死蜱", "GC-MS", "0.1", "mg/kg", ""),
            rec("T-R5B", 1, "T-S5", "芹菜", "腐霉利", "GC-MS", "0.02", "mg/kg", "")),
        StandardCharsets.UTF_8);
    IngestJob.run(spark, c, IngestJob.Format.UPLOAD, first, null, ref, SharedSpark.config().zone());
    String sql =
        "SELECT * FROM " + Tables.SAMPLES.qualifiedName(c) + " WHERE sample_id LIKE '%T-S5'";
    assertEquals("FAIL", one(spark, sql).getAs("sample_verdict"));
    Path second = dir.resolve("second.jsonl");
    Files.write(
        second,
        List.of(rec("T-R5A", 2, "T-S5", "芹菜", "毒死蜱", "GC-MS", "0.01", "mg/kg", "")),
        StandardCharsets.UTF_8);
    IngestJob.run(
        spark, c, IngestJob.Format.UPLOAD, second, null, ref, SharedSpark.config().zone());
    Row s5 = one(spark, sql);
    assertEquals("PASS", s5.getAs("sample_verdict"), "re-judged on both current results");
    assertEquals(2, (int) s5.getAs("n_results"));
    assertEquals(1, (int) s5.getAs("n_no_standard"), "procymidone on celery has no loaded MRL");
    assertFalse(
        (boolean) s5.getAs("detected_without_standard"),
        "chlorpyrifos was detected with a standard");
  }

  static long count(SparkSession spark, String c) {
    return spark.table(Tables.RESULTS.qualifiedName(c)).count() * 1_000_000L
        + spark.table(Tables.RESULT_REVISIONS.qualifiedName(c)).count() * 1_000L
        + spark.table(Tables.SAMPLES.qualifiedName(c)).count();
  }

  static Row one(SparkSession spark, String sql) {
    List<Row> rows = spark.sql(sql).collectAsList();
    assertEquals(1, rows.size(), sql);
    return rows.get(0);
  }
}
