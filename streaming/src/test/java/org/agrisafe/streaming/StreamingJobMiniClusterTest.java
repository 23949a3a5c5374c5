package org.agrisafe.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.ingest.Judging;
import org.agrisafe.lakehouse.reference.ReferenceData;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** MiniCluster run: bounded watched-directory source (JSON Lines and CSV) into the embedded Iceberg lakehouse. */
class StreamingJobMiniClusterTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  @Test
  void uploadsLandOnceWithCorrectionsRejectionsAndWarnings(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("uploads"));
    Files.write(in.resolve("lab-a.jsonl"), List.of(
        Uploads.banned("R1", 1, "S1", "2024-07-01T09:00:00+08:00"),
        Uploads.procymidone("R2", 1, "S2", "0.3", "2022-07-01T00:30:00+08:00"),
        Uploads.procymidone("R2", 1, "S2", "0.3", "2022-07-01T00:30:00+08:00"),
        Uploads.procymidone("R2", 2, "S2", "0.1", "2022-07-01T00:30:00+08:00"),
        Uploads.procymidone("R3", 1, "S3", "0.1", "2024-06-30T23:30:00+08:00"),
        "",
        Uploads.procymidone("R3", 2, "S3", "0.1", "2024-07-01T08:00:00+08:00"),
        Uploads.rec("R4", 1, "S4", "芹菜", "毒死蜱", "0.1", "ppm", "2024-07-01T09:00:00+08:00")),
        StandardCharsets.UTF_8);
    Files.writeString(in.resolve("lab-b.csv"),
        "result_id,sample_id,lab_id,lab_level,sampling_stage,commodity,analyte,method,value,unit,sampled_at,programme\n"
            + "R5,S5,L2,county,retail,芹菜,毒死蜱,GC-MS,0.01,mg/kg,2024-07-02T10:00:00+08:00,random_monitoring\n"
            + "R6,S6,L2,county,retail,芹菜,毒死蜱,GC-MS,0.01,mg/kg,2024-07-02T10:00:00,random_monitoring\n",
        StandardCharsets.UTF_8);
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));

    StreamExecutionEnvironment env = FlinkTestCluster.env(2, 200, 0);
    StreamingJob.build(StreamingJob.directorySource(env, in, null), new IcebergSinks(lake, List.of()),
        StreamConfig.defaults(), new Judging(ReferenceData.loadBundled()), List.of(StreamRules.Rule.values()));
    env.execute("streaming-minicluster-test");

    List<Record> results = FlinkTestCluster.rows(lake, Tables.RESULTS);
    Map<String, Long> perResult = results.stream()
        .collect(Collectors.groupingBy(r -> (String) r.getField("result_id"), TreeMap::new, Collectors.counting()));
    assertEquals(Map.of("PLATFORM_UPLOAD:R1", 1L, "PLATFORM_UPLOAD:R2", 1L, "PLATFORM_UPLOAD:R3", 1L,
        "PLATFORM_UPLOAD:R5", 1L), perResult, "each current result exactly once");
    Record r3 = results.stream().filter(r -> r.getField("result_id").equals("PLATFORM_UPLOAD:R3")).findFirst()
        .orElseThrow();
    assertEquals(2, r3.getField("revision"));
    assertEquals("2024-07", r3.getField("sample_month"), "the correction moved the result from June to July");
    Record r1 = results.stream().filter(r -> r.getField("result_id").equals("PLATFORM_UPLOAD:R1")).findFirst()
        .orElseThrow();
    assertEquals(true, r1.getField("banned_detection"));

    List<Record> revisions = FlinkTestCluster.rows(lake, Tables.RESULT_REVISIONS);
    assertEquals(6, revisions.size(), "R1, R2 r1+r2, R3 r1+r2, R5");
    assertEquals(4, revisions.stream().filter(r -> (Boolean) r.getField("is_current")).count());

    List<Record> rejected = FlinkTestCluster.rows(lake, Tables.REJECTED_RECORDS);
    assertEquals(2, rejected.size(), "unknown unit 'ppm'; sampled_at without offset");
    assertTrue(rejected.stream().anyMatch(r -> ((String) r.getField("reason")).contains("has no UTC offset")));

    List<Record> warnings = FlinkTestCluster.rows(lake, WarningTables.WARNINGS);
    assertEquals(List.of("BANNED_DETECTION", "EXCEEDANCE"),
        warnings.stream().map(r -> (String) r.getField("measure")).sorted().toList());
    assertTrue(warnings.stream().allMatch(r -> "STREAM_RULE".equals(r.getField("producer"))));

    // compaction: afterwards no data file of monitoring.results needs a delete file, so readers that ignore
    // equality deletes (PyIceberg, DuckDB) see the corrected results once
    org.apache.iceberg.Table table = IcebergSinks.catalog(lake).loadTable(Tables.RESULTS.identifier());
    assertTrue(hasDeletes(table), "the corrections wrote delete files");
    CompactionJob.compact(FlinkTestCluster.env(1, 200, 0), IcebergSinks.catalog(lake), List.of(Tables.RESULTS),
        CompactionJob.TARGET_FILE_SIZE_BYTES_DEFAULT);
    table.refresh();
    assertTrue(!hasDeletes(table), "after compaction no scan task carries deletes");
    List<Record> compacted = FlinkTestCluster.rows(lake, Tables.RESULTS);
    assertEquals(perResult, compacted.stream().collect(Collectors.groupingBy(r -> (String) r.getField("result_id"),
        TreeMap::new, Collectors.counting())));
  }

  private static boolean hasDeletes(org.apache.iceberg.Table t) throws Exception {
    try (var tasks = t.newScan().planFiles()) {
      for (var task : tasks) {
        if (!task.deletes().isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }
}
