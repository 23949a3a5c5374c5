package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.ingest.UploadRecords;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.agrisafe.streaming.transport.UploadJson;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference tables as the source of verdict rules: seeding a fresh lakehouse from the bundled files, loading it
 * back (judges exactly as the bundled data does), the version moving with a commit, and a bad row reported.
 */
class IcebergReferenceTest {
  /** The sample verdict and the result's judgement of one upload line. */
  static String judge(Judging j, String payload) {
    UploadRecords.Valid v =
        (UploadRecords.Valid)
            UploadRecords.parse(
                UploadJson.fields(payload), "t.jsonl", 1, ZoneId.of("Asia/Shanghai"));
    Judging.JudgedSample js = j.judge(v.sample(), List.of(v.result()));
    return js.sampleVerdict() + " " + js.results().get(0).quantitative();
  }

  @Test
  void seededTablesJudgeAsTheBundledFilesAndTheVersionMovesWithACommit(@TempDir Path tmp)
      throws Exception {
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));
    Catalog catalog = IcebergSinks.catalog(lake);
    ReferenceData bundled = ReferenceData.loadBundled();
    assertTrue(IcebergReference.version(catalog).contains("reference.limits@none"));
    List<String> log = IcebergReference.seedIfEmpty(catalog, bundled);
    assertEquals(4, log.size(), String.join("\n", log));
    assertEquals(
        List.of(),
        IcebergReference.seedIfEmpty(catalog, bundled),
        "seeded tables are not seeded again");

    ReferenceVersion v1 = ReferenceVersion.load(catalog, 5L);
    assertEquals(IcebergReference.version(catalog), v1.version);
    assertFalse(v1.version.contains("none"));
    assertEquals(5L, v1.loadedAtMs);
    Judging fromFiles = new Judging(bundled);
    List<String> uploads =
        List.of(
            Uploads.procymidone(
                "R1", 1, "S1", "0.3", "2022-07-01T00:30:00+08:00"), // over MRL 0.2 (GB 2763-2021)
            Uploads.procymidone(
                "R2", 1, "S2", "0.3", "2024-07-01T00:30:00+08:00"), // under MRL 5 (GB 2763.1-2022)
            Uploads.banned(
                "R3", 1, "S3", "2024-07-01T09:00:00+08:00"), // carbofuran on celery: banned
            Uploads.rec("R4", 1, "S4", "芹菜", "毒死蜱", "0.1", "mg/kg", "2024-07-01T09:00:00+08:00"),
            Uploads.rec("R5", 1, "S5", "苹果", "某农药", "0.1", "mg/kg", "2024-07-01T09:00:00+08:00"));
    for (String u : uploads) {
      assertEquals(judge(fromFiles, u), judge(v1.judging(), u), u);
    }
    assertTrue(
        judge(v1.judging(), uploads.get(2)).contains("bannedDetection=true"),
        judge(v1.judging(), uploads.get(2)));

    // a new verified ban committed to reference.bans: a new version that judges by it
    Map<String, Object> ban = new LinkedHashMap<>();
    ban.put("rule_id", "TEST:procymidone");
    ban.put("substance_code", "procymidone");
    ban.put("name_zh", "腐霉利");
    ban.put("rule_type", "BANNED");
    ban.put("effective_from", LocalDate.of(2020, 1, 1));
    ban.put("verified", true);
    ban.put("source", "test ban");
    IcebergReference.append(catalog, Tables.BANS, List.of(ban));
    ReferenceVersion v2 = ReferenceVersion.load(catalog, 6L);
    assertNotEquals(v1.version, v2.version);
    assertTrue(judge(v1.judging(), uploads.get(1)).contains("bannedDetection=false"));
    assertTrue(
        judge(v2.judging(), uploads.get(1)).contains("bannedDetection=true"),
        judge(v2.judging(), uploads.get(1)));
  }

  @Test
  void aLimitRowThatIsNoRuleIsReportedNotDropped(@TempDir Path tmp) throws Exception {
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));
    Catalog catalog = IcebergSinks.catalog(lake);
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("rule_id", "BAD:1");
    bad.put("analyte_code", "procymidone");
    bad.put("commodity_code", "chinese_chives");
    bad.put("limit_type", "NUMERIC_MRL"); // without a value
    bad.put("standard", "GB 2763-2021");
    IcebergReference.append(catalog, Tables.LIMITS, List.of(bad));
    ReferenceVersion v = ReferenceVersion.load(catalog, 1L);
    assertTrue(v.version.contains("reference.commodities@none"), v.version);
    org.agrisafe.intake.reference.ReferenceData ref =
        org.agrisafe.intake.reference.ReferenceRecords.fromRecords(
            List.of(), FlinkTestCluster.rows(lake, Tables.LIMITS), List.of(), List.of());
    assertEquals(1, ref.issues().size(), ref.issues().toString());
    assertEquals("reference.limits", ref.issues().get(0).file());
    assertEquals("BAD:1", ref.issues().get(0).key());
    assertTrue(ref.issues().get(0).reason().contains("finite MRL"), ref.issues().get(0).reason());
    assertEquals(0, ref.limits().size());
  }
}
