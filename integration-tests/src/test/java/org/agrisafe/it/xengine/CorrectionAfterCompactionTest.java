package org.agrisafe.it.xengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6: a lab's correction written by the Flink stream (an upsert: equality deletes), compacted by
 * {@code CompactionJob} (Flink's rewrite action, then {@code DeleteFreeRewrite}), read by Spark: the corrected
 * result appears exactly once with its corrected value, and the current snapshot has no delete files left to apply,
 * which is what makes readers that ignore equality deletes (PyIceberg, DuckDB) correct.
 *
 * <p>The stream ({@code StreamingMain}) and the compaction ({@code CompactionJob}) run as child JVMs of the
 * packaged streaming module ({@link StreamProcess}) on the lakehouse of {@link SharedSpark} (embedded SQLite JDBC
 * catalog, temporary warehouse), which Spark then reads. Uploads (lab 370100-QC-01, procymidone 腐霉利 on chives
 * 韭菜, GB 2763-2021 MRL 0.2 mg/kg, in force for these 2022 samples; GB 2763.1-2022 raised it to 5 mg/kg from
 * May 2023): result A 0.10 mg/kg (PASS) corrected to 0.35 mg/kg (FAIL) in the same month;
 * result B sampled 2022-03-31 23:30 +08:00 corrected to 2022-04-01 00:30 +08:00 (still 31 March in UTC: the month
 * is cut in Asia/Shanghai, so the correction moves B from partition 2022-03 to 2022-04) and 0.05 to 0.06 mg/kg;
 * result C, alone in 2022-05, moved to 2022-06 (its old partition is one data file with a delete file: the group
 * Iceberg's Flink rewrite action skips and {@code DeleteFreeRewrite} must rewrite); plus seeded synthetic records
 * that are not corrected.
 */
@Tag("integration")
class CorrectionAfterCompactionTest {
  static final String LAB = "370100-QC-01";
  static final long SEED = 6006;
  static final String A = "XENGINE6-A";
  static final String B = "XENGINE6-B";
  static final String C = "XENGINE6-C";

  @TempDir Path tmp;

  @Test
  void correctedResultAppearsOnceAndNoDeleteFileIsLeftAfterCompaction() throws Exception {
    Instant since = Instant.now();
    try {
      run();
    } finally {
      // other tests of the JVM count every results row of the shared lakehouse
      StreamOutputs.delete(
          SharedSpark.spark(),
          SharedSpark.config().catalogName(),
          List.of("PLATFORM_UPLOAD:XENGINE6-", "PLATFORM_UPLOAD:SYN-" + SEED + "-"),
          since);
    }
  }

  private void run() throws Exception {
    long t0 = System.nanoTime();
    SparkSession spark = SharedSpark.spark();
    LakehouseConfig cfg = SharedSpark.config();
    String results = Tables.RESULTS.qualifiedName(cfg.catalogName());
    String where =
        " WHERE result_id LIKE 'PLATFORM_UPLOAD:XENGINE6-%' OR result_id LIKE 'PLATFORM_UPLOAD:SYN-"
            + SEED
            + "-%'";

    List<ObjectNode> first =
        new ArrayList<>(
            List.of(
                procymidone(A, 1, "2022-03-10T09:00+08:00", "0.10"),
                procymidone(B, 1, "2022-03-31T23:30+08:00", "0.05"),
                procymidone(C, 1, "2022-05-20T10:00+08:00", "0.08")));
    first.addAll(
        UploadFiles.synthetic(SEED, 12, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30)));
    List<ObjectNode> corrections =
        List.of(
            procymidone(A, 2, "2022-03-10T09:00+08:00", "0.35"),
            procymidone(B, 2, "2022-04-01T00:30+08:00", "0.06"),
            procymidone(C, 2, "2022-06-02T10:00+08:00", "0.09"));
    int distinct = UploadFiles.currentRevisions(first).size();

    Path uploads = Files.createDirectories(tmp.resolve("uploads"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    double streamSeconds;
    try (StreamProcess stream =
        StreamProcess.startStream(uploads, cfg.lakehouseDir(), Map.of(), work)) {
      long tPost = System.nanoTime();
      UploadFiles.drop(uploads, "first.jsonl", first);
      awaitRows(
          spark,
          results,
          where,
          stream,
          rows -> rows.size() == distinct,
          "the first upload's " + distinct + " results");
      // the correction arrives after the first revisions are committed: equality deletes against
      // committed files
      UploadFiles.drop(uploads, "corrections.jsonl", corrections);
      awaitRows(
          spark,
          results,
          where,
          stream,
          rows -> rows.stream().filter(r -> r.getInt(1) == 2).count() == 3,
          "the 3 corrections");
      streamSeconds = (System.nanoTime() - tPost) / 1e9;
      assertEquals(
          0, stream.count(StreamProcess.RESTARTING), "the stream restarted\n" + stream.tail(80));
    }
    Table before = table(spark, cfg, Tables.RESULTS);
    assertTrue(
        deletesToApply(before) > 0,
        "the stream's upserts left delete files to apply before compaction");

    long tCompact = System.nanoTime();
    StreamProcess compaction =
        StreamProcess.start(
            "compaction",
            "org.agrisafe.streaming.sinks.CompactionJob",
            List.of("--lakehouse-dir", cfg.lakehouseDir().toString()),
            Map.of(),
            work);
    assertEquals(
        0,
        compaction.awaitExit(Duration.ofMinutes(5)),
        "CompactionJob failed\n" + compaction.tail(60));
    double compactSeconds = (System.nanoTime() - tCompact) / 1e9;
    assertTrue(compaction.log().contains("monitoring.results: rewrote"), compaction.tail(20));

    for (TableDef def :
        List.of(
            Tables.RESULTS,
            Tables.SAMPLES,
            Tables.RESULT_REVISIONS,
            Tables.REJECTED_RECORDS,
            WarningTables.WARNINGS)) {
      spark.sql("REFRESH TABLE " + def.qualifiedName(cfg.catalogName()));
    }
    // no delete file left to apply: every reader, with or without equality-delete support, sees the
    // same rows
    for (TableDef def : List.of(Tables.RESULTS, Tables.SAMPLES, Tables.RESULT_REVISIONS)) {
      assertEquals(
          0,
          deletesToApply(table(spark, cfg, def)),
          def.qualifiedName(cfg.catalogName())
              + " still has delete files to apply after CompactionJob\n"
              + compaction.tail(20));
    }

    List<Row> all = spark.sql("SELECT result_id FROM " + results + where).collectAsList();
    assertEquals(distinct, all.size(), "one current row per result");
    assertEquals(distinct, all.stream().map(r -> r.getString(0)).distinct().count());
    Row a = only(spark, results, A);
    assertEquals(2, a.<Integer>getAs("revision"));
    assertEquals(0.35, a.<Double>getAs("value_mg_per_kg"), 1e-12);
    assertEquals(0.2, a.<Double>getAs("mrl_mg_per_kg"), 1e-12);
    assertEquals("FAIL", a.getAs("verdict"), "0.35 mg/kg > MRL 0.2 mg/kg");
    assertEquals("2022-03", a.getAs("sample_month"));
    Row b = only(spark, results, B);
    assertEquals(2, b.<Integer>getAs("revision"));
    assertEquals(0.06, b.<Double>getAs("value_mg_per_kg"), 1e-12);
    assertEquals(
        "2022-04", b.getAs("sample_month"), "the correction moved B to April (Asia/Shanghai)");
    assertEquals(LocalDate.of(2022, 4, 1), b.getAs("sample_date"));
    Row c = only(spark, results, C);
    assertEquals(0.09, c.<Double>getAs("value_mg_per_kg"), 1e-12);
    assertEquals("2022-06", c.getAs("sample_month"));
    assertEquals(
        0,
        spark
            .sql(
                "SELECT * FROM "
                    + results
                    + " WHERE sample_month = '2022-05' AND result_id LIKE"
                    + " 'PLATFORM_UPLOAD:XENGINE6-%'")
            .count(),
        "C's old partition holds no current row");

    // the samples the stream keeps beside the results: one row each, A's verdict follows its
    // correction
    String samples = Tables.SAMPLES.qualifiedName(cfg.catalogName());
    List<Row> sa =
        spark
            .sql(
                "SELECT sample_verdict, sample_month FROM "
                    + samples
                    + " WHERE sample_id = 'PLATFORM_UPLOAD:"
                    + A
                    + "-S'")
            .collectAsList();
    assertEquals(1, sa.size(), "sample of A once: " + sa);
    assertEquals("FAIL", sa.get(0).getString(0));
    List<Row> sb =
        spark
            .sql(
                "SELECT sample_month FROM "
                    + samples
                    + " WHERE sample_id = 'PLATFORM_UPLOAD:"
                    + B
                    + "-S'")
            .collectAsList();
    assertEquals(1, sb.size(), "sample of B once: " + sb);
    assertEquals("2022-04", sb.get(0).getString(0));

    // the history keeps both revisions of each corrected result, one of them current
    String revisions = Tables.RESULT_REVISIONS.qualifiedName(cfg.catalogName());
    for (String id : List.of(A, B, C)) {
      List<Row> h =
          spark
              .sql(
                  "SELECT revision, is_current, superseded_by_revision, sample_month FROM "
                      + revisions
                      + " WHERE result_id = 'PLATFORM_UPLOAD:"
                      + id
                      + "' ORDER BY revision")
              .collectAsList();
      assertEquals(2, h.size(), id + " history " + h);
      assertFalse(h.get(0).getBoolean(1), id + " revision 1 superseded");
      assertEquals(2, h.get(0).getInt(2));
      assertTrue(h.get(1).getBoolean(1), id + " revision 2 current");
    }
    assertEquals(
        "2022-03",
        spark
            .sql(
                "SELECT sample_month FROM "
                    + revisions
                    + " WHERE result_id = 'PLATFORM_UPLOAD:"
                    + B
                    + "' AND revision = 1")
            .first()
            .getString(0));
    System.out.printf(
        "CorrectionAfterCompactionTest: %d results, stream to committed corrections %.1f s,"
            + " CompactionJob %.1f s (%s), total %.1f s%n",
        distinct,
        streamSeconds,
        compactSeconds,
        String.join("; ", compaction.log().lines().filter(l -> l.contains(": rewrote")).toList()),
        (System.nanoTime() - t0) / 1e9);
  }

  private static ObjectNode procymidone(
      String resultId, int revision, String sampledAt, String value) {
    ObjectNode o = UploadFiles.parse("{}");
    o.put("result_id", resultId);
    o.put("revision", revision);
    o.put("sample_id", resultId + "-S");
    o.put("lab_id", LAB);
    o.put("lab_level", "city");
    o.put("sampling_stage", "wholesale_market");
    o.put("division_code", "370102");
    o.put("commodity", "韭菜");
    o.put("analyte", "腐霉利");
    o.put("method", "LC-MS/MS");
    o.put("value", value);
    o.put("unit", "mg/kg");
    o.put("sampled_at", sampledAt);
    o.put("programme", "random_monitoring");
    return o;
  }

  /** Polls (every 0.5 s, at most 2 min) the current rows (result_id, revision) until {@code done}. */
  private static void awaitRows(
      SparkSession spark,
      String results,
      String where,
      StreamProcess stream,
      Predicate<List<Row>> done,
      String what)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    List<Row> rows = List.of();
    while (System.nanoTime() < end) {
      spark.sql("REFRESH TABLE " + results);
      rows = spark.sql("SELECT result_id, revision FROM " + results + where).collectAsList();
      if (done.test(rows)) {
        return;
      }
      if (!stream.isAlive()) {
        break;
      }
      Thread.sleep(500);
    }
    fail("Spark did not see " + what + " (last read " + rows + ")\n" + stream.tail(60));
  }

  private static Row only(SparkSession spark, String results, String id) {
    List<Row> rows =
        spark
            .sql("SELECT * FROM " + results + " WHERE result_id = 'PLATFORM_UPLOAD:" + id + "'")
            .collectAsList();
    assertEquals(1, rows.size(), id + " exactly once: " + rows);
    return rows.get(0);
  }

  private static Table table(SparkSession spark, LakehouseConfig cfg, TableDef def) {
    return SparkSessions.icebergCatalog(spark, cfg).loadTable(def.identifier());
  }

  /** Delete files that a scan of the current snapshot must apply (Iceberg's planFiles), counted per task. */
  private static long deletesToApply(Table t) {
    long n = 0;
    try (CloseableIterable<FileScanTask> tasks = t.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        n += task.deletes().size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }
}
