package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MiniCluster run of the production wiring ({@link ReferencePoller} → broadcast → {@link ResultProcessor}) on a
 * watched directory: a ban committed to {@code reference.bans} while the job runs judges the results uploaded after
 * it (a BANNED_DETECTION warning that the result uploaded before it did not raise).
 */
class ReferenceRefreshMiniClusterTest {
  @RegisterExtension static final FlinkTestCluster.Shared FLINK = FlinkTestCluster.extension();

  private static final String SAMPLED = "2024-07-01T09:00:00+08:00";

  @Test
  void aBanCommittedWhileTheJobRunsJudgesLaterResults(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("uploads"));
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));
    Catalog catalog = IcebergSinks.catalog(lake);
    IcebergReference.seedIfEmpty(catalog, ReferenceData.loadBundled());
    ReferenceVersion initial = ReferenceVersion.load(catalog, System.currentTimeMillis());

    StreamExecutionEnvironment env = FlinkTestCluster.env(2, 200, 0);
    StreamingJob.build(
        StreamingJob.directorySource(env, in, Duration.ofMillis(200)),
        ReferencePoller.stream(
            env, IcebergSinks.catalogLoader(lake), initial, Duration.ofMillis(200)),
        new IcebergSinks(lake, List.of()),
        StreamConfig.defaults(),
        initial,
        List.of(StreamRules.Rule.values()));
    JobClient job = env.executeAsync("reference-refresh-test");
    try {
      // procymidone 0.1 mg/kg on chives in 2024: under its MRL (5 mg/kg), not banned
      upload(in, "before", Uploads.procymidone("R0", 1, "S0", "0.1", SAMPLED));
      await(() -> result(lake, "R0") != null, "R0 committed");

      Map<String, Object> ban = new LinkedHashMap<>();
      ban.put("rule_id", "TEST:procymidone");
      ban.put("substance_code", "procymidone");
      ban.put("name_zh", "腐霉利");
      ban.put("rule_type", "BANNED");
      ban.put("effective_from", LocalDate.of(2020, 1, 1));
      ban.put("verified", true);
      ban.put("source", "test ban");
      IcebergReference.append(catalog, Tables.BANS, List.of(ban));

      // the poller picks the new snapshot up within a poll or two; upload one result a second until
      // one is judged
      // by the new ban (bounded wait: the test fails if none is)
      int[] n = {0};
      await(
          () -> {
            n[0]++;
            upload(
                in,
                "after-" + n[0],
                Uploads.procymidone("R" + n[0], 1, "S" + n[0], "0.1", SAMPLED));
            Thread.sleep(1000);
            return FlinkTestCluster.rows(lake, WarningTables.WARNINGS).stream()
                .anyMatch(w -> "BANNED_DETECTION".equals(w.getField("measure")));
          },
          "a banned-detection warning after the ban was committed");
    } finally {
      job.cancel().get();
    }
    assertEquals(
        false, result(lake, "R0").getField("banned_detection"), "R0 was judged before the ban");
    List<Record> banned =
        FlinkTestCluster.rows(lake, Tables.RESULTS).stream()
            .filter(r -> Boolean.TRUE.equals(r.getField("banned_detection")))
            .toList();
    assertTrue(!banned.isEmpty());
    assertTrue(
        banned.stream().noneMatch(r -> r.getField("result_id").equals("PLATFORM_UPLOAD:R0")));
    // the sample operator judges with the same broadcast version as the result operator
    Map<String, Object> bannedSample =
        FlinkTestCluster.rows(lake, Tables.SAMPLES).stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    r -> (String) r.getField("sample_id"),
                    r -> r.getField("has_banned_detection")));
    assertEquals(false, bannedSample.get("PLATFORM_UPLOAD:S0"), bannedSample.toString());
    for (Record r : banned) {
      assertEquals(
          true,
          bannedSample.get(r.getField("sample_id")),
          r.getField("sample_id") + " in " + bannedSample);
    }
    List<Record> warnings = FlinkTestCluster.rows(lake, WarningTables.WARNINGS);
    assertTrue(
        warnings.stream()
            .allMatch(
                w ->
                    "BANNED_DETECTION".equals(w.getField("measure"))
                        && "procymidone".equals(w.getField("analyte_code"))),
        warnings.toString());
  }

  private static final java.util.Queue<Long> FIRED =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** Registers an event-time timer per element; emits the timer's time when the combined watermark passes it. */
  static final class EventTimers
      extends org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction<
          Long, Long, ReferenceVersion, Long> {
    @Override
    public void processElement(
        Long v, ReadOnlyContext ctx, org.apache.flink.util.Collector<Long> out) {
      ctx.timerService().registerEventTimeTimer(v);
    }

    @Override
    public void processBroadcastElement(
        ReferenceVersion v, Context ctx, org.apache.flink.util.Collector<Long> out) {}

    @Override
    public void onTimer(long ts, OnTimerContext ctx, org.apache.flink.util.Collector<Long> out) {
      FIRED.add(ts);
    }
  }

  @Test
  void theRunningPollerDoesNotHoldBackEventTime(@TempDir Path tmp) throws Exception {
    // the window rules after ResultProcessor need its event-time watermark: the unbounded reference
    // input must not
    // pin it at Long.MIN_VALUE (the poller emits the final watermark at once)
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));
    ReferenceVersion initial =
        ReferenceVersion.load(IcebergSinks.catalog(lake), System.currentTimeMillis());
    FIRED.clear();
    StreamExecutionEnvironment env = FlinkTestCluster.env(1, 200, 0);
    env.fromSequence(1, 3)
        .assignTimestampsAndWatermarks(
            org.apache.flink.api.common.eventtime.WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, p) -> v * 1000))
        .map(v -> v * 1000)
        .keyBy(v -> v)
        .connect(
            ReferencePoller.stream(
                    env, IcebergSinks.catalogLoader(lake), initial, Duration.ofSeconds(60))
                .broadcast(ReferenceVersion.STATE))
        .process(new EventTimers(), org.apache.flink.api.common.typeinfo.Types.LONG)
        .sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
    JobClient job = env.executeAsync("poller-watermark-test");
    try {
      await(() -> FIRED.size() == 3, "3 event-time timers to fire while the poller runs");
    } finally {
      job.cancel().get();
    }
    assertEquals(List.of(1000L, 2000L, 3000L), FIRED.stream().sorted().toList());
  }

  /** Writes one upload file atomically (hidden name, then renamed: the directory source ignores '.' names). */
  static void upload(Path dir, String name, String... lines) throws Exception {
    Path hidden = dir.resolve("." + name + ".jsonl");
    Files.write(hidden, List.of(lines), StandardCharsets.UTF_8);
    Files.move(hidden, dir.resolve(name + ".jsonl"), StandardCopyOption.ATOMIC_MOVE);
  }

  static Record result(LakehouseConfig lake, String resultId) throws Exception {
    return FlinkTestCluster.rows(lake, Tables.RESULTS).stream()
        .filter(r -> r.getField("result_id").equals("PLATFORM_UPLOAD:" + resultId))
        .findFirst()
        .orElse(null);
  }

  /** Polls {@code condition} every 200 ms for up to 120 s; fails naming {@code what}. */
  static void await(Callable<Boolean> condition, String what) throws Exception {
    long until = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < until) {
      if (condition.call()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Timed out after 120 s waiting for " + what);
  }
}
