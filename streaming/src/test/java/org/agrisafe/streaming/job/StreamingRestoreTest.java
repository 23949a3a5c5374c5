package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.cli.Checkpoints;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process restart of the production job: the job runs on a watched directory with part of the uploads, is
 * cancelled after a completed checkpoint (retained on cancellation, {@link Checkpoints#retain}), and a NEW job is
 * started from the latest retained checkpoint ({@link Checkpoints#latest}, {@link Checkpoints#executeAsync}) with the
 * rest of the uploads: duplicates of results seen before the restart, a re-sent revision with changed content, a
 * correction and a new result. Keyed state (revisions seen, current rows), the source's processed files and the
 * warning dedupe are restored: each current result lands exactly once and the counts of the second job reconcile.
 */
@Tag("integration")
class StreamingRestoreTest {
  @RegisterExtension static final FlinkTestCluster.Shared FLINK = FlinkTestCluster.extension();

  private static final String OLD = "2022-07-01T00:30:00+08:00"; // procymidone MRL 0.2 mg/kg then

  private static JobClient start(
      Path in,
      LakehouseConfig lake,
      Path checkpoints,
      ReferenceVersion initial,
      Optional<Path> restore)
      throws Exception {
    StreamExecutionEnvironment env = FlinkTestCluster.env(2, 200, 0);
    Checkpoints.retain(env, checkpoints);
    StreamingJob.build(
        StreamingJob.directorySource(env, in, Duration.ofMillis(200)),
        ReferencePoller.stream(
            env, IcebergSinks.catalogLoader(lake), initial, Duration.ofSeconds(1)),
        new IcebergSinks(lake, List.of()),
        StreamConfig.defaults(),
        initial,
        List.of(StreamRules.Rule.values()));
    return Checkpoints.executeAsync(env, "restore-test", restore);
  }

  private static Map<String, Integer> currentRevisions(LakehouseConfig lake) throws Exception {
    return FlinkTestCluster.rows(lake, Tables.RESULTS).stream()
        .collect(
            Collectors.toMap(
                r -> (String) r.getField("result_id"),
                r -> (Integer) r.getField("revision"),
                (a, b) -> -1,
                TreeMap::new));
  }

  @Test
  void aNewJobRestoredFromTheRetainedCheckpointKeepsDedupeAndCorrections(@TempDir Path tmp)
      throws Exception {
    Path in = Files.createDirectories(tmp.resolve("uploads"));
    Path checkpoints = tmp.resolve("lakehouse/checkpoints");
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));
    IcebergReference.seedIfEmpty(IcebergSinks.catalog(lake), ReferenceData.loadBundled());
    ReferenceVersion initial =
        ReferenceVersion.load(IcebergSinks.catalog(lake), System.currentTimeMillis());

    // run 1: R1; R2 with a correction; R3 over its MRL
    ReferenceRefreshMiniClusterTest.upload(
        in,
        "part-1",
        Uploads.procymidone("R1", 1, "S1", "0.1", OLD),
        Uploads.procymidone("R2", 1, "S2", "0.3", OLD),
        Uploads.procymidone("R2", 2, "S2", "0.1", OLD),
        Uploads.procymidone("R3", 1, "S3", "0.3", OLD));
    JobClient first = start(in, lake, checkpoints, initial, Optional.empty());
    ReferenceRefreshMiniClusterTest.await(
        () ->
            currentRevisions(lake)
                .equals(
                    Map.of(
                        "PLATFORM_UPLOAD:R1", 1, "PLATFORM_UPLOAD:R2", 2, "PLATFORM_UPLOAD:R3", 1)),
        "run 1 committed");
    first.cancel().get();
    awaitTerminal(first);
    Path latest =
        Checkpoints.latest(checkpoints)
            .orElseThrow(() -> new AssertionError("no retained checkpoint"));
    assertTrue(Files.isRegularFile(latest.resolve("_metadata")), latest.toString());
    assertEquals(Optional.of(latest), Checkpoints.resolve("latest", checkpoints));

    // run 2, a new job from the retained checkpoint: 2 duplicates, 1 changed re-send, 1 correction,
    // 1 new result
    ReferenceRefreshMiniClusterTest.upload(
        in,
        "part-2",
        Uploads.procymidone("R1", 1, "S1", "0.1", OLD),
        Uploads.procymidone("R2", 1, "S2", "0.3", OLD),
        Uploads.procymidone("R3", 2, "S3", "0.1", OLD),
        Uploads.procymidone("R4", 1, "S4", "0.1", OLD),
        Uploads.procymidone("R1", 1, "S1", "0.2", OLD));
    JobClient second = start(in, lake, checkpoints, initial, Optional.of(latest));
    ReferenceRefreshMiniClusterTest.await(
        () ->
            currentRevisions(lake)
                    .equals(
                        Map.of(
                            "PLATFORM_UPLOAD:R1",
                            1,
                            "PLATFORM_UPLOAD:R2",
                            2,
                            "PLATFORM_UPLOAD:R3",
                            2,
                            "PLATFORM_UPLOAD:R4",
                            1))
                && FlinkTestCluster.rows(lake, Tables.REJECTED_RECORDS).size() == 1,
        "run 2 committed");
    second
        .stopWithSavepoint(
            false, tmp.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
        .get();
    JobExecutionResult r = second.getJobExecutionResult().get();

    List<Record> results = FlinkTestCluster.rows(lake, Tables.RESULTS);
    assertEquals(4, results.size(), "each current result exactly once: " + results);
    assertEquals(
        Map.of(
            "PLATFORM_UPLOAD:R1",
            1,
            "PLATFORM_UPLOAD:R2",
            2,
            "PLATFORM_UPLOAD:R3",
            2,
            "PLATFORM_UPLOAD:R4",
            1),
        currentRevisions(lake),
        "the stale duplicate of R2 revision 1 did not win");
    Record r1 = ReferenceRefreshMiniClusterTest.result(lake, "R1");
    assertEquals(
        0.1,
        (Double) r1.getField("value_mg_per_kg"),
        1e-12,
        "the changed re-send of R1 was rejected");
    List<Record> revisions = FlinkTestCluster.rows(lake, Tables.RESULT_REVISIONS);
    assertEquals(6, revisions.size(), "R1 r1, R2 r1+r2, R3 r1+r2, R4 r1");
    assertEquals(4, revisions.stream().filter(x -> (Boolean) x.getField("is_current")).count());
    List<Record> rejected = FlinkTestCluster.rows(lake, Tables.REJECTED_RECORDS);
    assertTrue(
        ((String) rejected.get(0).getField("reason"))
            .contains("already received with different content"));
    List<String> warnings =
        FlinkTestCluster.rows(lake, WarningTables.WARNINGS).stream()
            .map(w -> w.getField("measure") + ":" + w.getField("commodity_code"))
            .sorted()
            .toList();
    assertEquals(
        2,
        warnings.size(),
        "R2 r1 and R3 r1 exceeded in run 1; the duplicate of R2 r1 raised none: " + warnings);

    // run 2's reconciliation: received = accepted + rejected; accepted = new current + duplicates +
    // superseded
    long received = r.getAccumulatorResult("agrisafe.received");
    long accepted = r.getAccumulatorResult("agrisafe.accepted");
    long rejectedN = r.getAccumulatorResult("agrisafe.rejected");
    long duplicates = r.getAccumulatorResult("agrisafe.duplicates");
    long superseded = r.getAccumulatorResult("agrisafe.superseded");
    assertEquals(5, received);
    assertEquals(received, accepted + rejectedN);
    assertEquals(1, rejectedN);
    assertEquals(2, duplicates, "R1 r1 and R2 r1 were seen before the restart");
    assertEquals(1, superseded, "R3 r2 superseded r1 restored from the checkpoint");
    assertEquals(accepted, 1 + duplicates + superseded, "one new current row (R4)");
  }

  private static void awaitTerminal(JobClient job) throws Exception {
    ReferenceRefreshMiniClusterTest.await(
        () -> {
          try {
            return job.getJobStatus().get().isGloballyTerminalState();
          } catch (Exception e) {
            return true; // the job is gone
          }
        },
        "job " + job.getJobID() + " to end");
  }
}
