package org.agrisafe.bench.streaming;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.streaming.cli.Checkpoints;
import org.agrisafe.streaming.cli.StreamingMain;
import org.agrisafe.streaming.job.FlinkTestCluster;
import org.agrisafe.streaming.job.KafkaExactlyOnceTest;
import org.agrisafe.streaming.job.StreamConfig;
import org.agrisafe.streaming.job.StreamingJob;
import org.agrisafe.streaming.job.Uploads;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.agrisafe.streaming.sinks.StreamSinks;
import org.agrisafe.streaming.transport.EnvelopeCodec;
import org.agrisafe.streaming.transport.KafkaTransport;
import org.agrisafe.streaming.transport.UploadEnvelope;
import org.agrisafe.synthetic.JinanUploadGenerator;
import org.agrisafe.synthetic.UkResidueProfile;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * Benchmark (not a test) of the streaming job, local execution in this JVM (2 cores shared), synthetic Jinan uploads
 * (seeded generator). Aims (issue 6): &gt;= 100k results/s sustained into Iceberg, p99 &lt; 250 ms upload to warning.
 * <ul>
 *   <li>A, throughput: the job reads a Kafka topic (real in-process KRaft broker, 2 partitions) filled before it starts,
 *       so that the generator does not share the cores. First a warm-up run with every table sink discarding its
 *       rows (the breakdown line: what share the Iceberg writers take); then the product (changelog state backend)
 *       and the baseline (heap snapshots, no changelog) alternated twice, each printing wall time, CPU per result
 *       and the load average, and the ratio of their means. {@code -Dagrisafe.bench.only=A}: one product run only.</li>
 *   <li>B, latency: from a record's emission by a rate-limited source to its warning notice (the "at once" path to
 *       the Kafka topic/webhook), 1 % banned detections, Iceberg sinks running. {@code -Dagrisafe.bench.only=B}.
 *       It also prints the latency past a warm-up ({@code -Dagrisafe.bench.warm-up-s=N}, default 5; how long the JIT
 *       warm-up lasts is in docs/benchmarks.md, "Streaming") and the seconds in which notices took over 300 ms. Experiments:
 *       {@code -Dagrisafe.bench.heap=true} (no changelog), {@code b-discard=true} (table sinks discard rows),
 *       {@code unaligned=true} (unaligned checkpoints), {@code b-one-day=true} (no record behind the watermark).</li>
 *   <li>C ({@code -Dagrisafe.bench.idle=true}): after the topic is read, 30 s of idling with 1 s checkpoints, CPU and
 *       bytes written to checkpoint storage, changelog vs heap (the production steady state).</li>
 *   <li>{@code -Dagrisafe.bench.rocksdb=true}: A with incremental RocksDB checkpoints (an experiment).</li>
 * </ul>
 * Run: {@code benchmarks/streaming/bench.sh [records=200000] [rate-per-s=20000] [latency-seconds=15] [checkpoint-ms=10000]},
 * system properties in {@code AGRISAFE_JAVA_OPTS}.
 */
public final class StreamingBenchmark {
  static final Map<Long, Long> SENT_NANOS = new ConcurrentHashMap<>();
  static final ConcurrentLinkedQueue<Long> LATENCY_NANOS = new ConcurrentLinkedQueue<>();

  /** Latencies of the records emitted after the warm-up of part B (the JVM's JIT compilation excluded). */
  static final ConcurrentLinkedQueue<Long> LATENCY_STEADY_NANOS = new ConcurrentLinkedQueue<>();

  /** Warm-up of part B, ns after the first emission (both source subtasks emit from the start). */
  static volatile long WARM_UP_NANOS;

  static final java.util.concurrent.atomic.AtomicLong FIRST_SENT_NANOS =
      new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);

  /** Emission times (ns) of the records whose notice took over 300 ms (when in the run the stalls fall). */
  static final ConcurrentLinkedQueue<Long> SLOW_AT = new ConcurrentLinkedQueue<>();

  private StreamingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    long checkpointMs = args.length > 3 ? Long.parseLong(args[3]) : 10_000;
    Path repo = Path.of(System.getProperty("agrisafe.repo.dir", "."));
    UkResidueProfile uk =
        UkResidueProfile.fromPrif(
            repo.resolve("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz"));
    Path tmp = Files.createTempDirectory("agrisafe-stream-bench");
    System.out.println("SYNTHETIC data (seeded Jinan generator); work dir " + tmp);

    if (!"B"
        .equals(
            System.getProperty(
                "agrisafe.bench.only", ""))) { // -Dagrisafe.bench.only=B: latency only
      // ---------------------------------------------------------------- A: throughput into Iceberg
      // from a Kafka topic filled BEFORE the job starts, so that the generator does not share the 2
      // cores
      List<String> lines = new ArrayList<>(records);
      new JinanUploadGenerator(
              JinanUploadGenerator.Params.of(
                  42, records, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31)),
              uk)
          .generate(lines::add);
      KafkaClusterTestKit kafka = KafkaExactlyOnceTest.startBroker();
      try {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin =
            Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
          admin.createTopics(List.of(new NewTopic("bench-uploads", 2, (short) 1))).all().get();
        }
        long f0 = System.nanoTime();
        try (KafkaTransport t = new KafkaTransport(bootstrap, "bench-uploads")) {
          List<UploadEnvelope> batch = new ArrayList<>();
          for (int i = 0; i < lines.size(); i++) {
            batch.add(
                new UploadEnvelope("bench", i + 1, lines.get(i), System.currentTimeMillis(), null));
            if (batch.size() == 10_000 || i == lines.size() - 1) {
              t.send("bench", batch);
              batch.clear();
            }
          }
        }
        System.out.printf(
            "topic filled with %d records in %.1f s (not part of the measurement)%n",
            lines.size(), (System.nanoTime() - f0) / 1e9);
        String only = System.getProperty("agrisafe.bench.only", "");
        // first, as JIT warm-up and breakdown (not the headline): the same job with every table
        // sink discarding rows;
        // the first job in a JVM pays class loading and compilation (the first and second product
        // runs' CPU per result are in docs/benchmarks.md, "Streaming")
        double[] d =
            "A".equals(only)
                ? null
                : throughput(
                    bootstrap,
                    "bench-discarding",
                    new DiscardingSinks(),
                    checkpointMs,
                    tmp.resolve("checkpoints-discarding"),
                    new org.apache.flink.configuration.Configuration());
        // the product, then the baseline (full heap snapshots at every checkpoint, no changelog),
        // alternated twice so
        // that neither always runs on a warmer JVM
        org.apache.flink.configuration.Configuration heap =
            new org.apache.flink.configuration.Configuration();
        heap.set(
            org.apache.flink.configuration.StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, false);
        int rounds = "A".equals(only) ? 1 : 2;
        double[] a = new double[3];
        double[] h = new double[3];
        for (int round = 1; round <= rounds; round++) {
          LakehouseConfig lakeA = lakehouse(tmp.resolve("lakehouse-a" + round));
          double[] ai =
              throughput(
                  bootstrap,
                  "bench-" + round,
                  new IcebergSinks(lakeA, List.of()),
                  checkpointMs,
                  tmp.resolve("checkpoints-a" + round),
                  new org.apache.flink.configuration.Configuration());
          long rows = FlinkTestCluster.rows(lakeA, Tables.RESULT_REVISIONS).size();
          System.out.printf(
              "A throughput (run %d): %d records from a pre-filled Kafka topic (%d result revisions "
                  + "committed): %.1f s from the first record read to the last commit = %.0f results/s sustained (aim >= "
                  + "100000/s; ratio to aim %.2f); %.1f s with job start; %.0f CPU-us per result, so %.0f results/s if the "
                  + "job had both cores to itself; load average %.1f; parallelism 2, checkpoint %d ms%n",
              round,
              lines.size(),
              rows,
              ai[0],
              lines.size() / ai[0],
              lines.size() / ai[0] / 100_000,
              ai[1],
              1e6 * ai[2] / lines.size(),
              2 * lines.size() / ai[2],
              loadAverage(),
              checkpointMs);
          for (int k = 0; k < 3; k++) {
            a[k] += ai[k] / rounds;
          }
          if (rounds > 1) {
            double[] hi =
                throughput(
                    bootstrap,
                    "bench-heap-" + round,
                    new IcebergSinks(lakehouse(tmp.resolve("lakehouse-heap" + round)), List.of()),
                    checkpointMs,
                    tmp.resolve("checkpoints-heap" + round),
                    heap);
            System.out.printf(
                "A baseline (run %d), full heap snapshots, no changelog: %.1f s = %.0f results/s, %.0f "
                    + "CPU-us per result; load average %.1f%n",
                round, hi[0], lines.size() / hi[0], 1e6 * hi[2] / lines.size(), loadAverage());
            for (int k = 0; k < 3; k++) {
              h[k] += hi[k] / rounds;
            }
          }
        }
        if (rounds > 1) {
          System.out.printf(
              "A product vs baseline (means of %d alternated runs): %.0f vs %.0f results/s = %.2fx the "
                  + "throughput; %.0f vs %.0f CPU-us per result = %.2fx the CPU%n",
              rounds,
              lines.size() / a[0],
              lines.size() / h[0],
              h[0] / a[0],
              1e6 * a[2] / lines.size(),
              1e6 * h[2] / lines.size(),
              a[2] / h[2]);
        }
        if (d != null) {
          System.out.printf(
              "A breakdown without Iceberg sinks (rows discarded, NOT the product; the JVM's first "
                  + "job): %.1f s = %.0f results/s sustained, %.0f CPU-us per result; so the Iceberg writers and commits "
                  + "take about %.0f %% of the product's time and %.0f %% of its CPU%n",
              d[0],
              lines.size() / d[0],
              1e6 * d[2] / lines.size(),
              100 * (1 - d[0] / a[0]),
              100 * (1 - d[2] / a[2]));
        }
        if (Boolean.getBoolean("agrisafe.bench.rocksdb")) {
          // experiment only: incremental RocksDB checkpoints (the module's runtime has only the
          // heap backend;
          // flink-statebackend-rocksdb is on the test classpath through the Flink test utilities)
          org.apache.flink.configuration.Configuration rocks =
              new org.apache.flink.configuration.Configuration();
          rocks.setString("state.backend.type", "rocksdb");
          rocks.set(
              org.apache.flink.configuration.StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, false);
          rocks.setString("execution.checkpointing.incremental", "true");
          LakehouseConfig lakeR = lakehouse(tmp.resolve("lakehouse-rocksdb"));
          double[] r =
              throughput(
                  bootstrap,
                  "bench-rocksdb",
                  new IcebergSinks(lakeR, List.of()),
                  checkpointMs,
                  tmp.resolve("checkpoints-rocksdb"),
                  rocks);
          System.out.printf(
              "A experiment with incremental RocksDB checkpoints (not the product's backend): %.1f s = "
                  + "%.0f results/s sustained into Iceberg%n",
              r[0], lines.size() / r[0]);
        }
        if (Boolean.getBoolean("agrisafe.bench.idle")) {
          // C: the production situation, a large state and few new records: after the topic is
          // read, the job idles
          // for 30 s with 1 s checkpoints (the default until session 3; now 5 s); CPU and
          // checkpoint bytes, changelog vs heap
          org.apache.flink.configuration.Configuration product =
              new org.apache.flink.configuration.Configuration();
          double[] ci =
              idle(
                  bootstrap,
                  "bench-idle-changelog",
                  lakehouse(tmp.resolve("lakehouse-idle-c")),
                  tmp.resolve("checkpoints-idle-c"),
                  product,
                  lines.size());
          double[] hi =
              idle(
                  bootstrap,
                  "bench-idle-heap",
                  lakehouse(tmp.resolve("lakehouse-idle-h")),
                  tmp.resolve("checkpoints-idle-h"),
                  heap,
                  lines.size());
          System.out.printf(
              "C idle after %d records, 1 s checkpoints, 30 s: changelog %.2f CPU-s, %.1f MB written "
                  + "to checkpoint storage; heap snapshots %.2f CPU-s, %.1f MB (%.0fx the bytes); load average %.1f%n",
              lines.size(),
              ci[0],
              ci[1] / 1e6,
              hi[0],
              hi[1] / 1e6,
              hi[1] / Math.max(1, ci[1]),
              loadAverage());
        }
      } finally {
        kafka.close();
      }
    }

    // ---------------------------------------------------------------- B: latency at a fixed rate
    if ("A".equals(System.getProperty("agrisafe.bench.only", ""))) {
      return; // -Dagrisafe.bench.only=A: the headline throughput only (quick comparisons)
    }
    List<String> payloads = new ArrayList<>();
    // -Dagrisafe.bench.b-one-day=true: every record sampled on 1 August (the banned records' day),
    // so none is
    // behind the watermark; by default days are random within August and most records arrive late
    LocalDate lastDay =
        Boolean.getBoolean("agrisafe.bench.b-one-day")
            ? LocalDate.of(2024, 8, 1)
            : LocalDate.of(2024, 8, 31);
    new JinanUploadGenerator(
            JinanUploadGenerator.Params.of(43, rate * seconds, LocalDate.of(2024, 8, 1), lastDay),
            uk)
        .generate(payloads::add);
    String[] pool = payloads.toArray(String[]::new);
    LakehouseConfig lakeB = lakehouse(tmp.resolve("lakehouse-b"));
    org.apache.flink.configuration.Configuration confB =
        new org.apache.flink.configuration.Configuration();
    if (Boolean.getBoolean(
        "agrisafe.bench.heap")) { // B with heap snapshots, no changelog (a comparison)
      confB.set(
          org.apache.flink.configuration.StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, false);
    }
    if (Boolean.getBoolean(
        "agrisafe.bench.unaligned")) { // experiment: barriers may overtake in-flight records
      confB.setString("execution.checkpointing.unaligned.enabled", "true");
      confB.setString("execution.checkpointing.aligned-checkpoint-timeout", "50 ms");
    }
    StreamExecutionEnvironment envB = env(checkpointMs, tmp.resolve("checkpoints-b"), confB);
    long count = (long) rate * seconds;
    WARM_UP_NANOS = Long.getLong("agrisafe.bench.warm-up-s", 5) * 1_000_000_000L;
    DataStream<UploadEnvelope> src =
        envB.fromSource(
            new DataGeneratorSource<>(
                new Emit(pool),
                count,
                RateLimiterStrategy.perSecond(rate),
                TypeInformation.of(UploadEnvelope.class)),
            WatermarkStrategy.noWatermarks(),
            "rate-source");
    // -Dagrisafe.bench.b-discard=true: B with the table sinks discarding rows (breakdown: the
    // Iceberg writers' and
    // commits' share of the latency)
    StreamSinks iceberg =
        Boolean.getBoolean("agrisafe.bench.b-discard")
            ? new DiscardingSinks()
            : new IcebergSinks(lakeB, List.of());
    StreamingJob.build(
        src,
        new StreamSinks() {
          public void results(DataStream<RowData> r) {
            iceberg.results(r);
          }

          public void samples(DataStream<RowData> r) {
            iceberg.samples(r);
          }

          public void revisions(DataStream<RowData> r) {
            iceberg.revisions(r);
          }

          public void rejected(DataStream<RowData> r) {
            iceberg.rejected(r);
          }

          public void warnings(DataStream<RowData> r) {
            iceberg.warnings(r);
          }

          public void warningNotices(DataStream<String> json) {
            json.map(new Measure())
                .name("latency")
                .sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
          }
        },
        StreamConfig.defaults(),
        new Judging(ReferenceData.loadBundled()),
        List.of(StreamRules.Rule.values()));
    envB.execute("bench-latency");
    long[] lat = LATENCY_NANOS.stream().mapToLong(Long::longValue).sorted().toArray();
    if (lat.length == 0) {
      System.out.println("B latency: no warning measured");
      return;
    }
    double p50 = lat[(int) (0.50 * (lat.length - 1))] / 1e6;
    double p99 = lat[(int) (0.99 * (lat.length - 1))] / 1e6;
    System.out.printf(
        "B latency upload->warning notice at %d records/s for %d s: n=%d p50 %.1f ms, p99 %.1f ms, "
            + "max %.1f ms (aim p99 < 250 ms; ratio to aim %.2f); the warnings-table row follows at the next "
            + "checkpoint commit (%d ms interval)%n",
        rate, seconds, lat.length, p50, p99, lat[lat.length - 1] / 1e6, p99 / 250, checkpointMs);
    long[] steady = LATENCY_STEADY_NANOS.stream().mapToLong(Long::longValue).sorted().toArray();
    if (steady.length > 0) {
      System.out.printf(
          "B latency without the first %d s (JIT warm-up, -Dagrisafe.bench.warm-up-s): n=%d p50 %.1f "
              + "ms, p99 %.1f ms, max %.1f ms (ratio to aim %.2f); network buffer timeout %d ms%n",
          WARM_UP_NANOS / 1_000_000_000L,
          steady.length,
          steady[(int) (0.50 * (steady.length - 1))] / 1e6,
          steady[(int) (0.99 * (steady.length - 1))] / 1e6,
          steady[steady.length - 1] / 1e6,
          steady[(int) (0.99 * (steady.length - 1))] / 1e6 / 250,
          StreamingMain.BUFFER_TIMEOUT_MS);
    }
    if (!SLOW_AT.isEmpty()) {
      System.out.println(
          "B notices over 300 ms, by second of the run (from the first emission): "
              + SLOW_AT.stream()
                  .map(t -> (t - FIRST_SENT_NANOS.get()) / 1_000_000_000L)
                  .collect(
                      java.util.stream.Collectors.groupingBy(
                          x -> x, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    }
    System.out.println(Arrays.toString(new double[] {p50, p99}));
  }

  /**
   * Runs the job on the whole topic (bounded at its current end) into {@code sinks}; returns {seconds from the
   * first record read to the job's end (the last commit), seconds with job start}.
   */
  private static double[] throughput(
      String bootstrap,
      String group,
      StreamSinks sinks,
      long checkpointMs,
      Path checkpoints,
      org.apache.flink.configuration.Configuration conf)
      throws Exception {
    FIRST_RECORD_NANOS.set(Long.MAX_VALUE);
    StreamExecutionEnvironment env = env(checkpointMs, checkpoints, conf);
    DataStream<UploadEnvelope> src =
        env.fromSource(
                KafkaSource.<UploadEnvelope>builder()
                    .setBootstrapServers(bootstrap)
                    .setTopics("bench-uploads")
                    .setGroupId(group)
                    .setStartingOffsets(OffsetsInitializer.earliest())
                    .setBounded(OffsetsInitializer.latest())
                    .setDeserializer(
                        KafkaRecordDeserializationSchema.valueOnly(new EnvelopeCodec()))
                    .build(),
                WatermarkStrategy.noWatermarks(),
                "kafka-uploads")
            .map(new Clock())
            .name("clock");
    StreamingJob.build(
        src,
        sinks,
        StreamConfig.defaults(),
        new Judging(ReferenceData.loadBundled()),
        List.of(StreamRules.Rule.values()));
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    env.execute("bench-throughput-" + group);
    long t1 = System.nanoTime();
    return new double[] {
      (t1 - FIRST_RECORD_NANOS.get()) / 1e9, (t1 - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9
    };
  }

  /**
   * Runs the job on the topic (unbounded), waits until all {@code records} passed the source and the next two
   * checkpoints, then measures 30 s of idling with 1 s checkpoints; returns {CPU-s of the process, bytes written under
   * {@code checkpoints} (checkpoint and changelog files) during those 30 s}.
   */
  private static double[] idle(
      String bootstrap,
      String group,
      LakehouseConfig lake,
      Path checkpoints,
      org.apache.flink.configuration.Configuration conf,
      long records)
      throws Exception {
    SEEN.set(0);
    StreamExecutionEnvironment env = env(1000, checkpoints, conf);
    DataStream<UploadEnvelope> src =
        env.fromSource(
                KafkaSource.<UploadEnvelope>builder()
                    .setBootstrapServers(bootstrap)
                    .setTopics("bench-uploads")
                    .setGroupId(group)
                    .setStartingOffsets(OffsetsInitializer.earliest())
                    .setDeserializer(
                        KafkaRecordDeserializationSchema.valueOnly(new EnvelopeCodec()))
                    .build(),
                WatermarkStrategy.noWatermarks(),
                "kafka-uploads")
            .map(new Count())
            .name("count");
    StreamingJob.build(
        src,
        new IcebergSinks(lake, List.of()),
        StreamConfig.defaults(),
        new Judging(ReferenceData.loadBundled()),
        List.of(StreamRules.Rule.values()));
    org.apache.flink.core.execution.JobClient job = env.executeAsync("bench-idle-" + group);
    while (SEEN.get() < records) {
      Thread.sleep(200);
    }
    Thread.sleep(10_000); // the records drain and are committed
    WrittenBytes written = new WrittenBytes(checkpoints);
    long cpu0 = processCpuNanos();
    for (int i = 0; i < 60; i++) {
      Thread.sleep(500);
      written.scan();
    }
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    job.cancel().get();
    return new double[] {cpu, written.total};
  }

  static final java.util.concurrent.atomic.AtomicLong SEEN =
      new java.util.concurrent.atomic.AtomicLong();

  /** Counts the records leaving the source (part C). */
  static final class Count implements MapFunction<UploadEnvelope, UploadEnvelope> {
    @Override
    public UploadEnvelope map(UploadEnvelope e) {
      SEEN.incrementAndGet();
      return e;
    }
  }

  /**
   * Bytes of the files that appear under a folder (checkpoint and changelog files are written once, never grown
   * after they are complete), sampled: each file is counted once at the size it has when first seen complete.
   */
  static final class WrittenBytes {
    private final Path root;
    private final java.util.Set<Path> before = new java.util.HashSet<>();
    private final java.util.Map<Path, Long> seen = new java.util.HashMap<>();
    long total;

    WrittenBytes(Path root) throws java.io.IOException {
      this.root = root;
      try (var files = Files.walk(root)) {
        files.filter(Files::isRegularFile).forEach(before::add);
      }
    }

    void scan() throws java.io.IOException {
      try (var files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          if (!before.contains(f)) {
            long size;
            try {
              size = Files.size(f);
            } catch (java.io.IOException gone) {
              continue;
            }
            Long old = seen.put(f, size);
            total += size - (old == null ? 0 : old);
          }
        }
      } catch (java.io.UncheckedIOException raced) {
        // a folder deleted while walking (a subsumed checkpoint): the next scan sees the rest
      }
    }
  }

  /**
   * CPU time of this whole process (all threads: the job, the in-process Kafka broker serving it, GC), ns. On a
   * shared machine the wall time depends on what else runs; the CPU time per result much less, so both are printed.
   */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The load average of the machine over the last minute (other processes share the 2 cores). */
  static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Table sinks that discard their rows (breakdown only); notices discarded too. */
  static final class DiscardingSinks implements StreamSinks {
    private static void discard(DataStream<?> rows) {
      rows.sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>())
          .name("discard");
    }

    public void results(DataStream<RowData> r) {
      discard(r);
    }

    public void samples(DataStream<RowData> r) {
      discard(r);
    }

    public void revisions(DataStream<RowData> r) {
      discard(r);
    }

    public void rejected(DataStream<RowData> r) {
      discard(r);
    }

    public void warnings(DataStream<RowData> r) {
      discard(r);
    }

    public void warningNotices(DataStream<String> json) {
      discard(json);
    }
  }

  static final java.util.concurrent.atomic.AtomicLong FIRST_RECORD_NANOS =
      new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);

  /** Notes when the first record leaves the source (the start of the sustained interval). */
  static final class Clock implements MapFunction<UploadEnvelope, UploadEnvelope> {
    @Override
    public UploadEnvelope map(UploadEnvelope e) {
      if (FIRST_RECORD_NANOS.get() == Long.MAX_VALUE) {
        FIRST_RECORD_NANOS.accumulateAndGet(System.nanoTime(), Math::min);
      }
      return e;
    }
  }

  private static LakehouseConfig lakehouse(Path dir) throws Exception {
    Files.createDirectories(dir);
    LakehouseConfig cfg =
        LakehouseConfig.load(null, Map.of(LakehouseConfig.LAKEHOUSE_DIR, dir.toString()), Map.of());
    LakehouseBootstrap.createAll(IcebergSinks.catalog(cfg), cfg.zone());
    return cfg;
  }

  private static StreamExecutionEnvironment env(long checkpointMs, Path checkpoints) {
    return env(checkpointMs, checkpoints, new org.apache.flink.configuration.Configuration());
  }

  @SuppressWarnings("deprecation")
  private static StreamExecutionEnvironment env(
      long checkpointMs, Path checkpoints, org.apache.flink.configuration.Configuration conf) {
    StreamExecutionEnvironment env =
        StreamingMain.configure(
            StreamExecutionEnvironment.getExecutionEnvironment(conf), checkpointMs);
    env.setParallelism(2);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
    env.configure(Checkpoints.changelogStorage(checkpoints));
    env.configure(conf); // an experiment's settings win over the product's
    env.setRestartStrategy(RestartStrategies.noRestart());
    return env;
  }

  /** Emits record i of the pool with a unique result ID; every 100th is a banned detection timed for latency. */
  static final class Emit implements GeneratorFunction<Long, UploadEnvelope> {
    private final String[] pool;

    Emit(String[] pool) {
      this.pool = pool;
    }

    @Override
    public UploadEnvelope map(Long i) {
      String payload;
      if (i % 100 == 0) {
        payload = Uploads.banned("LATR-" + i, 1, "LAT-" + i, "2024-08-01T09:00:00+08:00");
        long t = System.nanoTime();
        SENT_NANOS.put(i, t);
        FIRST_SENT_NANOS.accumulateAndGet(t, Math::min);
      } else {
        payload =
            pool[(int) (i % pool.length)].replace(
                "\"result_id\":\"SYN-", "\"result_id\":\"B" + i + "-");
      }
      return new UploadEnvelope("bench", i + 1, payload, System.currentTimeMillis(), null);
    }
  }

  /** Records the latency of each timed warning (sample LAT-i). */
  static final class Measure implements MapFunction<String, String> {
    @Override
    public String map(String json) {
      long now = System.nanoTime();
      int at = json.indexOf("sample PLATFORM_UPLOAD:LAT-");
      if (at >= 0) {
        int start = at + "sample PLATFORM_UPLOAD:LAT-".length();
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
          end++;
        }
        long i = Long.parseLong(json.substring(start, end));
        Long sent = SENT_NANOS.get(i);
        if (sent != null) {
          LATENCY_NANOS.add(now - sent);
          if (sent - FIRST_SENT_NANOS.get() >= WARM_UP_NANOS) {
            LATENCY_STEADY_NANOS.add(now - sent);
          }
          if (now - sent > 300_000_000L) {
            SLOW_AT.add(sent);
          }
        }
      }
      return json;
    }
  }
}
