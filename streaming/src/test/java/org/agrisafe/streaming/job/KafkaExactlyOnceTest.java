package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.agrisafe.streaming.transport.EnvelopeCodec;
import org.agrisafe.streaming.transport.KafkaTransport;
import org.agrisafe.streaming.transport.UploadEnvelope;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once, proven: a fixed set of uploads with duplicates, corrections (some moving the sampling date to
 * another month), invalid records and banned detections is streamed from a real in-process Kafka (KRaft) broker;
 * the job is failed {@value #FAILURES} times (mid-stream after at least two completed checkpoints of the attempt,
 * or, on a machine too loaded for that, at the end of the input) and restarts from its checkpoint. At the end each current result is in {@code monitoring.results} exactly once,
 * each warning once, and the counts reconcile.
 */
@Tag("integration")
public class KafkaExactlyOnceTest {
  @RegisterExtension static final FlinkTestCluster.Shared FLINK = FlinkTestCluster.extension();

  static final int FAILURES = 3;
  private static final int RESULTS = 240;
  private static final AtomicInteger FAILED = new AtomicInteger();
  private static KafkaClusterTestKit kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = startBroker();
  }

  /**
   * A real in-process Kafka (KRaft) broker, one combined node; the offsets and transaction-log replication factors
   * are 1, as one broker requires. Shared with {@code StreamingBenchmark}.
   */
  public static KafkaClusterTestKit startBroker() throws Exception {
    KafkaClusterTestKit k =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .build();
    k.format();
    k.startup();
    k.waitForReadyBrokers();
    return k;
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  /**
   * Fails the job while fewer than {@link #FAILURES} failures happened: mid-stream, after 2 checkpoints completed
   * in this attempt and some records; and, so that a loaded machine cannot skip the failures (checkpoints slower
   * than the remaining input), at the end of its input if failures are still missing, which also restarts the job
   * from its last completed checkpoint with the records after it replayed.
   */
  static final class FailureInjector extends AbstractStreamOperator<UploadEnvelope>
      implements OneInputStreamOperator<UploadEnvelope, UploadEnvelope>, BoundedOneInput {
    private transient int seen;
    private transient int checkpoints;

    @Override
    public void processElement(StreamRecord<UploadEnvelope> e) throws Exception {
      Thread.sleep(20);
      seen++;
      if (checkpoints >= 2 && seen >= 10) {
        fail("after " + seen + " records");
      }
      output.collect(e);
    }

    @Override
    public void endInput() {
      fail(
          "at the end of the input ("
              + seen
              + " records, "
              + checkpoints
              + " checkpoints in this attempt)");
    }

    private static void fail(String when) {
      int n;
      do {
        n = FAILED.get();
        if (n >= FAILURES) {
          return;
        }
      } while (!FAILED.compareAndSet(n, n + 1));
      throw new IllegalStateException("Injected failure " + (n + 1) + " " + when);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      super.notifyCheckpointComplete(checkpointId);
      checkpoints++;
    }
  }

  /** The fixed input, with the expected outcome. */
  record Input(
      List<UploadEnvelope> records,
      int duplicates,
      int invalid,
      Map<String, Integer> currentRevision,
      Map<String, String> currentMonth,
      Set<String> banned) {}

  static Input input() {
    List<UploadEnvelope> recs = new ArrayList<>();
    Map<String, Integer> rev = new HashMap<>();
    Map<String, String> month = new HashMap<>();
    Set<String> banned = new java.util.HashSet<>();
    int dup = 0;
    int invalid = 0;
    for (int i = 0; i < RESULTS; i++) {
      String id = "K" + i;
      String sample = "KS" + i;
      String r1;
      if (i % 10 == 0) {
        r1 = Uploads.banned(id, 1, sample, "2024-06-30T23:30:00+08:00");
        banned.add("PLATFORM_UPLOAD:" + id);
      } else if (i % 13 == 0) {
        r1 = Uploads.rec(id, 1, sample, "芹菜", "毒死蜱", "0.1", "ppm", "2024-06-30T10:00:00+08:00");
        invalid++;
        recs.add(Uploads.env(r1, i + 1));
        continue;
      } else {
        r1 = Uploads.procymidone(id, 1, sample, "0.05", "2024-06-30T23:30:00+08:00");
      }
      recs.add(Uploads.env(r1, i + 1));
      rev.put("PLATFORM_UPLOAD:" + id, 1);
      month.put("PLATFORM_UPLOAD:" + id, "2024-06");
      if (i % 4 == 0) {
        recs.add(Uploads.env(r1, i + 1));
        dup++;
      }
      if (i % 7 == 0) {
        // correction: the lab fixes the sampling time (into July) and the value
        String r2 =
            i % 10 == 0
                ? Uploads.banned(id, 2, sample, "2024-07-01T08:00:00+08:00")
                : Uploads.procymidone(id, 2, sample, "0.02", "2024-07-01T08:00:00+08:00");
        recs.add(Uploads.env(r2, i + 1));
        rev.put("PLATFORM_UPLOAD:" + id, 2);
        month.put("PLATFORM_UPLOAD:" + id, "2024-07");
        if (i % 3 == 0) {
          recs.add(Uploads.env(r2, i + 1));
          dup++;
        }
      }
    }
    return new Input(recs, dup, invalid, rev, month, banned);
  }

  /**
   * {@code monitoring.samples} holds one row per distinct sample of the current results, in that result's month,
   * counting its current results, FAIL exactly when one of them fails, and flagging banned detections.
   */
  static void assertSamplesReconcile(List<Record> results, List<Record> samples) {
    Map<String, List<Record>> bySample =
        results.stream().collect(Collectors.groupingBy(r -> (String) r.getField("sample_id")));
    Map<String, Long> perSample =
        samples.stream()
            .collect(
                Collectors.groupingBy(
                    r -> (String) r.getField("sample_id"), Collectors.counting()));
    assertEquals(
        bySample.keySet(),
        perSample.keySet(),
        "one sample row per distinct sample of current results");
    assertTrue(perSample.values().stream().allMatch(c -> c == 1), "each sample exactly once");
    for (Record s : samples) {
      String id = (String) s.getField("sample_id");
      List<Record> rs = bySample.get(id);
      assertEquals(rs.size(), s.getField("n_results"), id);
      assertEquals(
          Set.of(s.getField("sample_month")),
          rs.stream().map(r -> r.getField("sample_month")).collect(Collectors.toSet()),
          id + ": the sample and its results are in the same month");
      boolean fails = rs.stream().anyMatch(r -> "FAIL".equals(r.getField("verdict")));
      assertEquals(fails ? "FAIL" : "PASS", s.getField("sample_verdict"), id);
      assertEquals(
          rs.stream().anyMatch(r -> (Boolean) r.getField("banned_detection")),
          s.getField("has_banned_detection"),
          id);
    }
  }

  @RepeatedTest(2)
  void resultsLandExactlyOnceDespiteFailures(@TempDir Path tmp) throws Exception {
    FAILED.set(0);
    String topic = "uploads-" + System.nanoTime();
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (Admin a = Admin.create(admin)) {
      a.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    Input in = input();
    try (KafkaTransport t = new KafkaTransport(kafka.bootstrapServers(), topic)) {
      t.send(Uploads.LAB, in.records());
    }
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));

    StreamExecutionEnvironment env = FlinkTestCluster.env(2, 150, FAILURES + 2);
    KafkaSource<UploadEnvelope> source =
        KafkaSource.<UploadEnvelope>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setTopics(topic)
            .setGroupId("agrisafe-stream-test")
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new EnvelopeCodec()))
            .build();
    DataStream<UploadEnvelope> uploads =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka-uploads")
            .uid("kafka-uploads")
            .transform(
                "failure-injector", TypeInformation.of(UploadEnvelope.class), new FailureInjector())
            .uid("failure-injector");
    StreamingJob.build(
        uploads,
        new IcebergSinks(lake, List.of()),
        StreamConfig.defaults(),
        new Judging(ReferenceData.loadBundled()),
        List.of(StreamRules.Rule.BANNED_DETECTION));
    env.execute("kafka-exactly-once-test");

    List<Record> results = FlinkTestCluster.rows(lake, Tables.RESULTS);
    Map<String, Long> count =
        results.stream()
            .collect(
                Collectors.groupingBy(
                    r -> (String) r.getField("result_id"), Collectors.counting()));
    assertEquals(in.currentRevision().keySet(), count.keySet());
    assertTrue(count.values().stream().allMatch(c -> c == 1), "each current result exactly once");
    for (Record r : results) {
      String id = (String) r.getField("result_id");
      assertEquals(in.currentRevision().get(id), r.getField("revision"), id);
      assertEquals(in.currentMonth().get(id), r.getField("sample_month"), id);
    }
    List<Record> revisions = FlinkTestCluster.rows(lake, Tables.RESULT_REVISIONS);
    long superseded = revisions.stream().filter(r -> !(Boolean) r.getField("is_current")).count();
    long current = revisions.stream().filter(r -> (Boolean) r.getField("is_current")).count();
    assertEquals(results.size(), current);
    List<Record> rejected = FlinkTestCluster.rows(lake, Tables.REJECTED_RECORDS);
    assertEquals(in.invalid(), rejected.size());

    long received = in.records().size();
    long accepted = received - rejected.size();
    assertEquals(received, accepted + rejected.size());
    assertEquals(
        accepted,
        results.size() + in.duplicates() + superseded,
        "accepted = current rows + duplicates suppressed + superseded revisions");

    List<Record> warnings = FlinkTestCluster.rows(lake, WarningTables.WARNINGS);
    Map<Object, Long> perWarning =
        warnings.stream()
            .collect(Collectors.groupingBy(r -> r.getField("warning_id"), Collectors.counting()));
    assertTrue(perWarning.values().stream().allMatch(c -> c == 1), "each warning once");
    // a banned result corrected into July raises a second warning (another sample date) - by design
    long expectedWarnings =
        in.banned().size()
            + in.banned().stream().filter(id -> in.currentRevision().get(id) == 2).count();
    assertEquals(expectedWarnings, warnings.size());
    assertSamplesReconcile(results, FlinkTestCluster.rows(lake, Tables.SAMPLES));
    assertEquals(FAILURES, FAILED.get(), "the job failed and restarted " + FAILURES + " times");
  }
}
