package org.agrisafe.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.ingest.ResultRowValues;
import org.agrisafe.intake.ingest.UploadAdapter;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.judging.Judging.JudgedSample;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One reference source (docs/conventions.md §3.7): the batch judges with the lakehouse's reference tables, a ban
 * committed there reaches stored rows through {@link RejudgeJob} with the verdict the stream gives, and {@code
 * reference refresh} loads the bundled files as a new snapshot only when they differ.
 */
class ReferenceRejudgeTest {
  private static final String SAMPLE = "PLATFORM_UPLOAD:RJ-S1";
  private static final String RESULT = "RJ-R1";

  @Test
  @Tag("integration") // several MERGE commits on the shared lakehouse: well over the unit budget
  void aBanCommittedToTheLakehouseIsRejudgedAsTheStreamJudgesANewRecord(@TempDir Path dir)
      throws Exception {
    SparkSession spark = SharedSpark.spark();
    String c = SharedSpark.config().catalogName();
    Catalog catalog = SparkSessions.icebergCatalog(spark, SharedSpark.config());
    IcebergReference.Loaded v1 = IcebergReference.seedAndLoad(catalog, l -> {});
    Table bans = catalog.loadTable(Tables.BANS.identifier());
    long bansBefore = bans.currentSnapshot().snapshotId();
    // procymidone 0.1 mg/kg on Chinese chives: PASS under GB 2763-2021 (MRL 0.2), no ban in the
    // bundled files
    Path file = dir.resolve("rejudge.jsonl");
    Files.write(
        file,
        List.of(
            "{\"result_id\":\""
                + RESULT
                + "\",\"revision\":1,\"sample_id\":\"RJ-S1\",\"lab_id\":\"370100-QC-01\","
                + "\"lab_level\":\"city\",\"sampling_stage\":\"wholesale_market\",\"division_code\":\"370102\","
                + "\"commodity\":\"韭菜\",\"analyte\":\"腐霉利\",\"method\":\"GC-MS\",\"value\":\"0.1\","
                + "\"unit\":\"mg/kg\",\"sampled_at\":\"2021-03-05T10:00:00+08:00\","
                + "\"programme\":\"random_monitoring\"}"),
        StandardCharsets.UTF_8);
    try {
      IngestJob.run(
          spark,
          c,
          IngestJob.Format.UPLOAD,
          file,
          StandardCharsets.UTF_8,
          v1,
          SharedSpark.config().zone());
      Row before = result(spark, c);
      assertFalse((boolean) before.getAs("banned_detection"), (String) before.getAs("reason"));
      assertEquals(v1.version(), before.getAs("reference_version"));
      assertEquals(v1.version(), sample(spark, c).getAs("reference_version"));

      Map<String, Object> ban = new LinkedHashMap<>();
      ban.put("rule_id", "TEST:RJ:procymidone");
      ban.put("substance_code", "procymidone");
      ban.put("name_zh", "腐霉利");
      ban.put("rule_type", "RESTRICTED_SCOPE");
      ban.put("scope_commodity_codes", List.of("chinese_chives"));
      ban.put("effective_from", LocalDate.of(2020, 1, 1));
      ban.put("verified", true);
      ban.put("source", "test ban");
      IcebergReference.append(catalog, Tables.BANS, List.of(ban));
      long bansNew = catalog.loadTable(Tables.BANS.identifier()).currentSnapshot().snapshotId();
      IcebergReference.Loaded v2 = IcebergReference.load(catalog);
      assertNotEquals(v1.version(), v2.version());

      RejudgeJob.Summary first = RejudgeJob.run(spark, c, v2, LocalDate.of(2021, 3, 5));
      assertTrue(first.verdictsChanged() >= 1, first.toString());
      assertTrue(first.samplesChanged() >= 1, first.toString());

      // the stream's code path: new Judging(IcebergReference.load(catalog).data()) on the parsed
      // record
      IngestBatch parsed =
          UploadAdapter.read(file, StandardCharsets.UTF_8, SharedSpark.config().zone());
      List<ParsedResult> results =
          parsed.results().stream().sorted(Comparator.comparing(ParsedResult::resultId)).toList();
      JudgedSample js =
          new Judging(IcebergReference.load(catalog).data())
              .judge(parsed.samples().get(0), results);
      Map<String, Object> streamResult =
          ResultRowValues.resultRow(js, js.results().get(0), "stream", Instant.EPOCH);
      Map<String, Object> streamSample = ResultRowValues.sampleRow(js, "stream", Instant.EPOCH);
      assertEquals(true, streamResult.get("banned_detection"));
      Row after = result(spark, c);
      for (String col : RejudgeJob.RESULT_VERDICT_COLUMNS) {
        assertEquals(streamResult.get(col), after.getAs(col), col);
      }
      Row s = sample(spark, c);
      for (String col : RejudgeJob.SAMPLE_VERDICT_COLUMNS) {
        assertEquals(streamSample.get(col), s.getAs(col), col);
      }
      String version = after.getAs("reference_version");
      assertEquals(v2.version(), version);
      assertTrue(version.contains("reference.bans@" + bansNew), version);
      assertEquals(v2.version(), s.getAs("reference_version"));
      Row revision =
          spark
              .sql(
                  "SELECT * FROM "
                      + Tables.RESULT_REVISIONS.qualifiedName(c)
                      + " WHERE result_id = '"
                      + after.getAs("result_id")
                      + "' AND revision = 1")
              .first();
      assertEquals(true, revision.getAs("banned_detection"));
      assertEquals(v2.version(), revision.getAs("reference_version"));

      long snapshot = catalog.loadTable(Tables.RESULTS.identifier()).currentSnapshot().snapshotId();
      RejudgeJob.Summary second = RejudgeJob.run(spark, c, v2, LocalDate.of(2021, 3, 5));
      assertEquals(0, second.verdictsChanged(), second.toString());
      assertEquals(0, second.samplesChanged(), second.toString());
      assertEquals(
          snapshot,
          catalog.loadTable(Tables.RESULTS.identifier()).currentSnapshot().snapshotId(),
          "a second rejudge commits nothing");

      // reference refresh: the bundled files lack the test ban, so bans get a new snapshot without
      // it
      List<IcebergReference.TableChange> refreshed =
          IcebergReference.refresh(catalog, ReferenceData.loadBundled());
      IcebergReference.TableChange bansChange = refreshed.get(2);
      assertEquals(List.of("TEST:RJ:procymidone"), bansChange.removed(), bansChange.toString());
      assertEquals(List.of(), bansChange.added());
      assertEquals(List.of(), bansChange.changed());
      assertEquals(1, refreshed.stream().filter(IcebergReference.TableChange::differs).count());
      assertNotEquals(
          bansNew, catalog.loadTable(Tables.BANS.identifier()).currentSnapshot().snapshotId());
    } finally {
      spark.sql(
          "DELETE FROM " + Tables.RESULTS.qualifiedName(c) + " WHERE sample_id = '" + SAMPLE + "'");
      spark.sql(
          "DELETE FROM "
              + Tables.RESULT_REVISIONS.qualifiedName(c)
              + " WHERE sample_id = '"
              + SAMPLE
              + "'");
      spark.sql(
          "DELETE FROM " + Tables.SAMPLES.qualifiedName(c) + " WHERE sample_id = '" + SAMPLE + "'");
      catalog.loadTable(Tables.BANS.identifier()).manageSnapshots().rollbackTo(bansBefore).commit();
    }
  }

  @Test
  void refreshOfAnUnchangedLakehouseReportsNoChangeAndCommitsNothing() {
    Catalog catalog = SparkSessions.icebergCatalog(SharedSpark.spark(), SharedSpark.config());
    IcebergReference.seedAndLoad(catalog, l -> {});
    String version = IcebergReference.version(catalog);

    List<IcebergReference.TableChange> changes =
        IcebergReference.refresh(catalog, ReferenceData.loadBundled());

    assertEquals(4, changes.size());
    for (IcebergReference.TableChange ch : changes) {
      assertFalse(ch.differs(), ch.describe(5));
      assertEquals(ch.table().identifier() + ": unchanged", ch.describe(5));
    }
    assertEquals(version, IcebergReference.version(catalog), "no snapshot committed");
  }

  private static Row result(SparkSession spark, String c) {
    List<Row> rows =
        spark
            .sql(
                "SELECT * FROM "
                    + Tables.RESULTS.qualifiedName(c)
                    + " WHERE sample_id = '"
                    + SAMPLE
                    + "'")
            .collectAsList();
    assertEquals(1, rows.size(), rows.toString());
    return rows.get(0);
  }

  private static Row sample(SparkSession spark, String c) {
    List<Row> rows =
        spark
            .sql(
                "SELECT * FROM "
                    + Tables.SAMPLES.qualifiedName(c)
                    + " WHERE sample_id = '"
                    + SAMPLE
                    + "'")
            .collectAsList();
    assertEquals(1, rows.size(), rows.toString());
    return rows.get(0);
  }
}
