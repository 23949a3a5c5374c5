package org.agrisafe.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrisafe.it.xengine.StreamOutputs;
import org.agrisafe.it.xengine.StreamProcess;
import org.agrisafe.it.xengine.UploadFiles;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9: the Flink streaming job writes {@code monitoring.results} while Spark reads it and commits to it, both
 * on the Iceberg JDBC catalog in PostgreSQL, in separate processes as in production, and no commit is lost or
 * conflicting.
 *
 * <ol>
 *   <li>The lakehouse: {@link PostgresLakehouse} (catalog tables wiped, a fresh warehouse, every table created).</li>
 *   <li>The stream: {@code org.agrisafe.streaming.cli.StreamingMain} of the packaged streaming module in a child JVM
 *       ({@link StreamProcess}), configured only by environment variables pointing at the same catalog (URI, user,
 *       password, warehouse; the catalog name and JDBC schema V1 are the configuration's defaults), watching an
 *       upload directory, checkpoints (= Iceberg commits) every second.</li>
 *   <li>{@value #FILES} upload files, one every {@value #POST_INTERVAL_MS} ms: seeded synthetic Jinan records ({@link UploadFiles}) and,
 *       from the third file on, corrections (revision 2) of records of two files before, some of which move the
 *       sample to another month (DELETE of the old key + INSERT in one commit).</li>
 *   <li>Meanwhile Spark, in the test JVM: reads the count and pass rate of these results again and again
 *       ({@code REFRESH TABLE} first: Spark's catalog caches loaded tables), and commits to the same table with
 *       {@code CALL system.rewrite_data_files} on the upload partitions (a 'replace' snapshot each time).</li>
 * </ol>
 * Checks: one current row per result at its highest revision, every revision in {@code result_revisions}; the
 * table's snapshots form one parent chain with every snapshot in it, every Spark rewrite and strictly increasing
 * Flink checkpoint IDs in it, and at least one Spark commit between two stream commits; Spark's counts never
 * decreased; the stream never failed or restarted. Needs {@code scripts/postgres-catalog.sh start}; run with
 * {@code ./mvnw -B -Pcatalog-pg -pl jobs,streaming -am verify}.
 */
@Tag("catalog-pg")
class StreamWhileSparkReadsTest {
  static final int FILES = 16;

  /** Time between two upload files, ms: several Spark reads and rewrites and stream checkpoints in between. */
  static final long POST_INTERVAL_MS = 2000;

  static final long SEED = 9009;
  static final String PREFIX = "PLATFORM_UPLOAD:SYN-" + SEED + "-";

  @TempDir Path tmp;

  @Test
  void streamWritesWhileSparkReadsAndCompactsLosingNoCommit() throws Exception {
    Instant since = Instant.now();
    try {
      run(since);
    } finally {
      // PostgresCatalogTest, in the same JVM, counts every results row
      StreamOutputs.delete(
          PostgresLakehouse.spark(),
          PostgresLakehouse.config().catalogName(),
          List.of(PREFIX),
          since);
    }
  }

  private void run(Instant since) throws Exception {
    long t0 = System.nanoTime();
    SparkSession spark = PostgresLakehouse.spark();
    LakehouseConfig cfg = PostgresLakehouse.config();
    String c = cfg.catalogName();
    String results = Tables.RESULTS.qualifiedName(c);

    // the upload files: originals in FILES chunks, corrections of the chunk two before from the
    // third file on
    List<ObjectNode> originals =
        UploadFiles.synthetic(SEED, 160, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30));
    List<List<ObjectNode>> files = new ArrayList<>();
    int per = (originals.size() + FILES - 1) / FILES;
    for (int i = 0; i < FILES; i++) {
      files.add(
          new ArrayList<>(
              originals.subList(
                  Math.min(i * per, originals.size()), Math.min((i + 1) * per, originals.size()))));
    }
    List<ObjectNode> posted = new ArrayList<>(originals);
    int moved = 0;
    for (int i = 2; i < FILES; i++) {
      List<ObjectNode> earlier =
          originals.subList(
              Math.min((i - 2) * per, originals.size()), Math.min((i - 1) * per, originals.size()));
      for (int k = 0; k < Math.min(3, earlier.size()); k++) {
        int moveDays = k == 0 && i % 3 == 0 ? 35 : 0;
        moved += moveDays != 0 ? 1 : 0;
        ObjectNode corr = UploadFiles.correction(earlier.get(k), moveDays);
        files.get(i).add(corr);
        posted.add(corr);
      }
    }
    Map<String, Integer> expected = UploadFiles.currentRevisions(posted);
    assertTrue(moved >= 3, "corrections that move a sample to another month");

    Path uploads = Files.createDirectories(tmp.resolve("uploads"));
    Path streamDir = Files.createDirectories(tmp.resolve("stream"));
    Map<String, String> env = new HashMap<>();
    env.put("AGRISAFE_CATALOG_URI", PostgresLakehouse.url());
    env.put("AGRISAFE_CATALOG_USER", PostgresLakehouse.USER);
    env.put("AGRISAFE_CATALOG_PASSWORD", PostgresLakehouse.PASSWORD);
    env.put("AGRISAFE_WAREHOUSE", PostgresLakehouse.warehouse());
    long tStart = System.nanoTime();
    try (StreamProcess stream = StreamProcess.startStream(uploads, streamDir, env, streamDir)) {
      double startSeconds = (System.nanoTime() - tStart) / 1e9;

      // warm Spark up (the first query of a session plans and compiles for seconds), so that its
      // reads and
      // commits interleave with the stream's from the first file on
      spark.sql("REFRESH TABLE " + results);
      assertEquals(
          0,
          spark
              .sql("SELECT * FROM " + results + " WHERE result_id LIKE '" + PREFIX + "%'")
              .count());
      spark
          .sql(
              "CALL "
                  + c
                  + ".system.rewrite_data_files(table => 'monitoring.results',"
                  + " where => \"source_system = 'PLATFORM_UPLOAD'\")")
          .collectAsList();
      AtomicBoolean allPosted = new AtomicBoolean(false);
      List<Long> counts = Collections.synchronizedList(new ArrayList<>());
      List<Integer> rewrites = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newSingleThreadExecutor();
      long tPost = System.nanoTime();
      try {
        Future<Boolean> reader =
            pool.submit(
                () -> {
                  long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                  while (System.nanoTime() < deadline) {
                    spark.sql("REFRESH TABLE " + results);
                    Row r =
                        spark
                            .sql(
                                "SELECT count(*), count_if(verdict IN ('PASS', 'FAIL')), count_if(verdict = 'PASS')"
                                    + " FROM "
                                    + results
                                    + " WHERE result_id LIKE '"
                                    + PREFIX
                                    + "%'")
                            .first();
                    long n = r.getLong(0);
                    assertTrue(r.getLong(2) <= r.getLong(1), "passed <= judged, read " + r);
                    counts.add(n);
                    if (allPosted.get()
                        && n == expected.size()
                        && currentRevisions(spark, results).equals(expected)) {
                      return true;
                    }
                    if (n > 0) {
                      Row w =
                          spark
                              .sql(
                                  "CALL "
                                      + c
                                      + ".system.rewrite_data_files(table => 'monitoring.results',"
                                      + " where => \"source_system = 'PLATFORM_UPLOAD'\", options => map('rewrite-all', 'true'))")
                              .first();
                      rewrites.add(w.getInt(0));
                    }
                  }
                  return false;
                });
        for (int i = 0; i < FILES; i++) {
          UploadFiles.drop(uploads, String.format("syn-%02d.jsonl", i), files.get(i));
          Thread.sleep(POST_INTERVAL_MS);
          assertTrue(stream.isAlive(), "the stream died\n" + stream.tail(80));
        }
        allPosted.set(true);
        assertTrue(
            reader.get(6, TimeUnit.MINUTES),
            "Spark never read the final state: counts "
                + counts
                + " of "
                + expected.size()
                + "\n"
                + stream.tail(80));
      } finally {
        pool.shutdownNow();
      }
      double postSeconds = (System.nanoTime() - tPost) / 1e9;

      // the stream stayed healthy: alive, never failed, never restarted
      assertTrue(stream.isAlive(), "the stream exited\n" + stream.tail(80));
      assertEquals(
          0, stream.count(StreamProcess.RESTARTING), "the stream restarted\n" + stream.tail(80));
      assertEquals(0, stream.count(StreamProcess.FAILING), "the stream failed\n" + stream.tail(80));

      // Spark's reads never went backwards
      for (int i = 1; i < counts.size(); i++) {
        assertTrue(
            counts.get(i) >= counts.get(i - 1),
            "Spark read " + counts.get(i - 1) + " then " + counts.get(i));
      }
      assertEquals(
          expected,
          currentRevisions(spark, results),
          "one current row per result, at its highest revision");
      assertEquals(
          posted.size(),
          spark
              .sql(
                  "SELECT * FROM "
                      + Tables.RESULT_REVISIONS.qualifiedName(c)
                      + " WHERE result_id LIKE '"
                      + PREFIX
                      + "%'")
              .count(),
          "every revision in result_revisions");

      // no lost commit: one parent chain holding every snapshot; every Spark rewrite and every
      // stream checkpoint
      Table t = SparkSessions.icebergCatalog(spark, cfg).loadTable(Tables.RESULTS.identifier());
      // the back-off both writers used (README "Concurrent writers"): table properties from the
      // catalog defaults
      assertEquals(
          cfg.get(LakehouseConfig.COMMIT_RETRIES), t.properties().get("commit.retry.num-retries"));
      assertEquals(
          Long.toString(LakehouseConfig.COMMIT_RETRY_MIN_WAIT_MS_DEFAULT),
          t.properties().get("commit.retry.min-wait-ms"));
      assertEquals(
          Long.toString(LakehouseConfig.COMMIT_RETRY_MAX_WAIT_MS_DEFAULT),
          t.properties().get("commit.retry.max-wait-ms"));
      assertEquals(
          Long.toString(LakehouseConfig.COMMIT_RETRY_TOTAL_TIMEOUT_MS_DEFAULT),
          t.properties().get("commit.retry.total-timeout-ms"));
      List<Snapshot> all = new ArrayList<>();
      for (Snapshot s = t.currentSnapshot();
          s != null;
          s = s.parentId() == null ? null : t.snapshot(s.parentId())) {
        all.add(0, s);
      }
      Set<Long> inChain = new HashSet<>();
      all.forEach(s -> inChain.add(s.snapshotId()));
      // this test's part of the chain (other tests of the JVM may have committed before)
      List<Snapshot> chain =
          all.stream().filter(s -> s.timestampMillis() >= since.toEpochMilli()).toList();
      for (Snapshot s : t.snapshots()) {
        assertTrue(
            inChain.contains(s.snapshotId()),
            "snapshot "
                + s.snapshotId()
                + " ("
                + s.operation()
                + ") is not an ancestor of the current snapshot: a lost commit");
      }
      t.history()
          .forEach(
              h -> assertTrue(inChain.contains(h.snapshotId()), "history entry " + h.snapshotId()));
      // the stream only appends and upserts ('append', 'overwrite'); 'replace' is a rewrite, here
      // only Spark's
      long sparkRewrites = chain.stream().filter(s -> "replace".equals(s.operation())).count();
      assertEquals(
          rewrites.stream().filter(n -> n > 0).count(),
          sparkRewrites,
          "every committed Spark rewrite is in the chain (rewrites " + rewrites + ")");
      long lastCheckpoint = -1;
      int streamCommits = 0;
      boolean interleaved = false;
      boolean sawSpark = false;
      for (Snapshot s : chain) {
        String cp = s.summary().get("flink.max-committed-checkpoint-id");
        if (cp != null) {
          long id = Long.parseLong(cp);
          assertTrue(
              id > lastCheckpoint, "checkpoint " + id + " committed after " + lastCheckpoint);
          lastCheckpoint = id;
          streamCommits++;
          interleaved |= sawSpark;
        } else if ("replace".equals(s.operation())) {
          sawSpark = true;
        }
      }
      assertNotNull(t.currentSnapshot());
      assertTrue(streamCommits >= 2, "stream commits: " + streamCommits);
      assertTrue(
          interleaved,
          "a Spark commit between two stream commits: chain "
              + describe(chain)
              + ", rewrites "
              + rewrites
              + ", counts "
              + counts);
      System.out.printf(
          "StreamWhileSparkReadsTest: %d files, %d records (%d results), stream start %.1f s,"
              + " posting to final state %.1f s, %d Spark reads, %d Spark rewrites (%d committed), %d stream commits,"
              + " %d commit retries in the stream, total %.1f s%n",
          FILES,
          posted.size(),
          expected.size(),
          startSeconds,
          postSeconds,
          counts.size(),
          rewrites.size(),
          sparkRewrites,
          streamCommits,
          stream.count(StreamProcess.RETRY),
          (System.nanoTime() - t0) / 1e9);
    }
  }

  private static String describe(List<Snapshot> chain) {
    StringBuilder sb = new StringBuilder();
    for (Snapshot s : chain) {
      sb.append(s.operation())
          .append(
              s.summary().containsKey("flink.max-committed-checkpoint-id")
                  ? "(flink cp " + s.summary().get("flink.max-committed-checkpoint-id") + ")"
                  : "")
          .append(' ');
    }
    return sb.toString().trim();
  }

  private static Map<String, Integer> currentRevisions(SparkSession spark, String results) {
    Map<String, Integer> m = new HashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT result_id, revision FROM "
                    + results
                    + " WHERE result_id LIKE '"
                    + PREFIX
                    + "%'")
            .collectAsList()) {
      Integer before = m.put(r.getString(0), r.getInt(1));
      if (before != null) {
        return Map.of("duplicate current row", -1, r.getString(0), r.getInt(1));
      }
    }
    return m;
  }
}
