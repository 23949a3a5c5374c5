package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.agrisafe.intake.ingest.ResultRowValues;
import org.agrisafe.intake.ingest.UploadAdapter;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.CompactionJob;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** MiniCluster run: bounded watched-directory source (JSON Lines and CSV) into the embedded Iceberg lakehouse. */
class StreamingJobMiniClusterTest {
  @RegisterExtension static final FlinkTestCluster.Shared FLINK = FlinkTestCluster.extension();

  @Test
  void uploadsLandOnceWithCorrectionsRejectionsAndWarnings(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("uploads"));
    Files.write(
        in.resolve("lab-a.jsonl"),
        List.of(
            Uploads.banned("R1", 1, "S1", "2024-07-01T09:00:00+08:00"),
            Uploads.procymidone("R2", 1, "S2", "0.3", "2022-07-01T00:30:00+08:00"),
            Uploads.procymidone("R2", 1, "S2", "0.3", "2022-07-01T00:30:00+08:00"),
            Uploads.procymidone("R2", 2, "S2", "0.1", "2022-07-01T00:30:00+08:00"),
            Uploads.procymidone("R3", 1, "S3", "0.1", "2024-06-30T23:30:00+08:00"),
            "",
            Uploads.procymidone("R3", 2, "S3", "0.1", "2024-07-01T08:00:00+08:00"),
            Uploads.rec("R4", 1, "S4", "芹菜", "毒死蜱", "0.1", "ppm", "2024-07-01T09:00:00+08:00"),
            Uploads.banned("R8", 1, "S7", "2024-07-03T09:00:00+08:00")),
        StandardCharsets.UTF_8);
    // the rapid test of S7 comes in another file: CONFIRMED_AFTER_RAPID whatever the order
    Files.write(
        in.resolve("lab-c.jsonl"),
        List.of(Uploads.rapid("R7", 1, "S7", "芹菜", "62.5", "2024-07-03T09:00:00+08:00")),
        StandardCharsets.UTF_8);
    Files.writeString(
        in.resolve("lab-b.csv"),
        "result_id,sample_id,lab_id,lab_level,sampling_stage,commodity,analyte,method,value,unit,sampled_at,programme\n"
            + "R5,S5,L2,county,retail,芹菜,毒死蜱,GC-MS,0.01,mg/kg,2024-07-02T10:00:00+08:00,random_monitoring\n"
            + "R6,S6,L2,county,retail,芹菜,毒死蜱,GC-MS,0.01,mg/kg,2024-07-02T10:00:00,random_monitoring\n",
        StandardCharsets.UTF_8);
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));

    StreamExecutionEnvironment env = FlinkTestCluster.env(2, 200, 0);
    StreamingJob.build(
        StreamingJob.directorySource(env, in, null),
        new IcebergSinks(lake, List.of()),
        StreamConfig.defaults(),
        new Judging(ReferenceData.loadBundled()),
        List.of(StreamRules.Rule.values()));
    env.execute("streaming-minicluster-test");

    List<Record> results = FlinkTestCluster.rows(lake, Tables.RESULTS);
    Map<String, Long> perResult =
        results.stream()
            .collect(
                Collectors.groupingBy(
                    r -> (String) r.getField("result_id"), TreeMap::new, Collectors.counting()));
    assertEquals(
        Map.of(
            "PLATFORM_UPLOAD:R1",
            1L,
            "PLATFORM_UPLOAD:R2",
            1L,
            "PLATFORM_UPLOAD:R3",
            1L,
            "PLATFORM_UPLOAD:R5",
            1L,
            "PLATFORM_UPLOAD:R7",
            1L,
            "PLATFORM_UPLOAD:R8",
            1L),
        perResult,
        "each current result exactly once");
    Record r3 =
        results.stream()
            .filter(r -> r.getField("result_id").equals("PLATFORM_UPLOAD:R3"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, r3.getField("revision"));
    assertEquals(
        "2024-07",
        r3.getField("sample_month"),
        "the correction moved the result from June to July");
    Record r1 =
        results.stream()
            .filter(r -> r.getField("result_id").equals("PLATFORM_UPLOAD:R1"))
            .findFirst()
            .orElseThrow();
    assertEquals(true, r1.getField("banned_detection"));

    List<Record> revisions = FlinkTestCluster.rows(lake, Tables.RESULT_REVISIONS);
    assertEquals(8, revisions.size(), "R1, R2 r1+r2, R3 r1+r2, R5, R7, R8");
    assertEquals(6, revisions.stream().filter(r -> (Boolean) r.getField("is_current")).count());

    List<Record> rejected = FlinkTestCluster.rows(lake, Tables.REJECTED_RECORDS);
    assertEquals(2, rejected.size(), "unknown unit 'ppm'; sampled_at without offset");
    assertTrue(
        rejected.stream()
            .anyMatch(r -> ((String) r.getField("reason")).contains("has no UTC offset")));

    List<Record> warnings = FlinkTestCluster.rows(lake, WarningTables.WARNINGS);
    assertEquals(
        List.of("BANNED_DETECTION", "BANNED_DETECTION", "CONFIRMED_AFTER_RAPID", "EXCEEDANCE"),
        warnings.stream().map(r -> (String) r.getField("measure")).sorted().toList());
    Record confirmed =
        warnings.stream()
            .filter(r -> "CONFIRMED_AFTER_RAPID".equals(r.getField("measure")))
            .findFirst()
            .orElseThrow();
    assertEquals("HIGH", confirmed.getField("severity"));
    assertTrue(
        ((String) confirmed.getField("details")).contains("PLATFORM_UPLOAD:R7")
            && ((String) confirmed.getField("details")).contains("PLATFORM_UPLOAD:R8"),
        (String) confirmed.getField("details"));

    // monitoring.samples: exactly one current row per sample, with the batch ingest's verdict and
    // counts
    List<Record> samples = FlinkTestCluster.rows(lake, Tables.SAMPLES);
    Map<String, Long> perSample =
        samples.stream()
            .collect(
                Collectors.groupingBy(
                    r -> (String) r.getField("sample_id"), TreeMap::new, Collectors.counting()));
    assertEquals(
        Map.of(
            "PLATFORM_UPLOAD:S1",
            1L,
            "PLATFORM_UPLOAD:S2",
            1L,
            "PLATFORM_UPLOAD:S3",
            1L,
            "PLATFORM_UPLOAD:S5",
            1L,
            "PLATFORM_UPLOAD:S7",
            1L),
        perSample,
        "one current row per sample");
    Map<String, Record> sampleRows =
        samples.stream().collect(Collectors.toMap(r -> (String) r.getField("sample_id"), r -> r));
    assertEquals(
        "2024-07",
        sampleRows.get("PLATFORM_UPLOAD:S3").getField("sample_month"),
        "the correction moved the sample from June to July");
    assertEquals(true, sampleRows.get("PLATFORM_UPLOAD:S1").getField("has_banned_detection"));
    assertEquals(
        "PASS",
        sampleRows.get("PLATFORM_UPLOAD:S2").getField("sample_verdict"),
        "corrected to 0.1");
    assertEquals(2, sampleRows.get("PLATFORM_UPLOAD:S7").getField("n_results"));
    assertEquals("MIXED", sampleRows.get("PLATFORM_UPLOAD:S7").getField("test_kind"));
    Map<String, Map<String, Object>> batch = batchSampleRows(in);
    assertEquals(perSample.keySet(), batch.keySet());
    for (Record r : samples) {
      Map<String, Object> b = batch.get((String) r.getField("sample_id"));
      for (String col : BATCH_COMPARED) {
        assertEquals(b.get(col), r.getField(col), r.getField("sample_id") + " " + col);
      }
    }
    assertTrue(warnings.stream().allMatch(r -> "STREAM_RULE".equals(r.getField("producer"))));

    // compaction: afterwards no data file of monitoring.results needs a delete file, so readers
    // that ignore
    // equality deletes (PyIceberg, DuckDB) see the corrected results once
    org.apache.iceberg.Table table =
        IcebergSinks.catalog(lake).loadTable(Tables.RESULTS.identifier());
    assertTrue(hasDeletes(table), "the corrections wrote delete files");
    CompactionJob.compact(
        FlinkTestCluster.env(1, 200, 0),
        IcebergSinks.catalog(lake),
        List.of(Tables.RESULTS, Tables.SAMPLES),
        CompactionJob.TARGET_FILE_SIZE_BYTES_DEFAULT);
    table.refresh();
    assertTrue(!hasDeletes(table), "after compaction no scan task carries deletes");
    List<Record> compacted = FlinkTestCluster.rows(lake, Tables.RESULTS);
    assertEquals(
        perResult,
        compacted.stream()
            .collect(
                Collectors.groupingBy(
                    r -> (String) r.getField("result_id"), TreeMap::new, Collectors.counting())));
    assertEquals(
        perSample,
        FlinkTestCluster.rows(lake, Tables.SAMPLES).stream()
            .collect(
                Collectors.groupingBy(
                    r -> (String) r.getField("sample_id"), TreeMap::new, Collectors.counting())));
  }

  /** The sample-level columns compared with the batch ingest (not lineage, bookkeeping or the sampling time). */
  static final List<String> BATCH_COMPARED =
      List.of(
          "sample_verdict",
          "verdict_published_by_source",
          "n_results",
          "n_detected",
          "has_detection",
          "has_exceedance",
          "has_non_compliant",
          "has_banned_detection",
          "n_no_standard",
          "detected_without_standard",
          "rapid_outcome",
          "rapid_confirmation",
          "test_kind",
          "programme",
          "commodity_code",
          "category",
          "lab_id",
          "region_code");

  /**
   * The batch ingest's sample rows for the uploads in {@code dir} (IngestJob's path without Spark: the upload
   * adapter on all records as one file, {@link Judging#judgeAll}, {@link ResultRowValues#sampleRow}). The batch
   * adapter rejects a record whose sample fields differ from its sample's first record, so S3 keeps June there;
   * the compared columns do not include the sampling time.
   */
  static Map<String, Map<String, Object>> batchSampleRows(Path dir) throws Exception {
    Path all = Files.createTempFile(dir.getParent(), "batch-", ".jsonl");
    List<String> lines = new java.util.ArrayList<>();
    for (String f : List.of("lab-a.jsonl", "lab-c.jsonl")) {
      lines.addAll(Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8));
    }
    Files.write(all, lines, StandardCharsets.UTF_8);
    Map<String, Map<String, Object>> out = new TreeMap<>();
    Judging judging = new Judging(ReferenceData.loadBundled());
    for (Path p : List.of(all, dir.resolve("lab-b.csv"))) {
      var batch = UploadAdapter.read(p, StandardCharsets.UTF_8, StreamConfig.defaults().zone());
      for (var js : judging.judgeAll(batch.samples(), batch.results()).samples()) {
        out.put(
            js.sample().sampleId(),
            ResultRowValues.sampleRow(js, "batch", java.time.Instant.EPOCH));
      }
    }
    return out;
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
