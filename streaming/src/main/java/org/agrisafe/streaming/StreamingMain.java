package org.agrisafe.streaming;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.reference.ReferenceData;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.PrintSink;
import org.apache.flink.api.common.serialization.SimpleStringSchema;

/**
 * Starts the streaming job and the upload endpoint.
 *
 * <p>Options ({@code --key value}; lakehouse keys as in {@link LakehouseConfig}, e.g. {@code --lakehouse-dir}):
 * <ul>
 *   <li>{@code --api-keys FILE} (required): per-lab keys, {@code lab_id=key} ({@link ApiKeys});</li>
 *   <li>{@code --port N}: endpoint port, default {@value #PORT_DEFAULT};</li>
 *   <li>{@code --uploads-dir DIR}: the watched directory (embedded default {@code <lakehouse-dir>/uploads});</li>
 *   <li>{@code --kafka-bootstrap HOST:PORT}: production mode: the endpoint writes to and the job reads from topic
 *       {@code --uploads-topic} (default {@value #UPLOADS_TOPIC_DEFAULT}), warnings also go to
 *       {@code --warnings-topic} (default {@value #WARNINGS_TOPIC_DEFAULT});</li>
 *   <li>{@code --checkpoint-interval-ms N}: default {@value StreamConfig#CHECKPOINT_INTERVAL_MS_DEFAULT};</li>
 *   <li>{@code --checkpoint-dir DIR}: retained checkpoints (kept on cancellation and failure), default
 *       {@code <lakehouse-dir>/checkpoints} ({@link Checkpoints});</li>
 *   <li>{@code --restore latest|none|PATH}: restore the job's state (dedupe, current revisions, source positions,
 *       reference version) from the newest retained checkpoint in the checkpoint dir ({@code latest}, the default:
 *       when there is none the job starts fresh), from a given {@code chk-N} folder or savepoint, or not at all
 *       ({@code none}); the choice is printed ({@code restore: ...});</li>
 *   <li>{@code --reference-poll-ms N}: how often the reference tables ({@code reference.limits/bans/analytes/
 *       commodities}) are checked for a new snapshot, default {@value StreamConfig#REFERENCE_POLL_MS_DEFAULT};
 *       a change reloads the verdict reference data while the job runs ({@link ReferencePoller}). Reference tables
 *       never written are first seeded from the bundled files ({@link IcebergReference#seedIfEmpty});</li>
 *   <li>{@code --webhook-banned URL}, {@code --webhook-exceedance URL}, {@code --webhook-confirmed-after-rapid URL}:
 *       the duty officer's webhook per rule
 *       ({@link WebhookSink}: retries with back-off; undeliverable notices in
 *       {@code <lakehouse-dir>/webhook-dead-letter.jsonl});</li>
 *   <li>window rules ({@link WindowRuleParams}): {@code --producer-repeat-failures N} (default 3),
 *       {@code --producer-repeat-window-days D} (30), {@code --rapid-rate-window-days} (7),
 *       {@code --rapid-rate-baseline-days} (28), {@code --rapid-rate-min-tests} (20), {@code --rapid-rate-alpha}
 *       (0.001), {@code --rapid-rate-prior-positives} and {@code --rapid-rate-prior-negatives} (½ each, Jeffreys).</li>
 * </ul>
 * Embedded, warnings are also printed on standard output at once ({@code WARNING> {...}}), before the Iceberg
 * commit of the checkpoint makes the row visible in {@code analytics.warnings}. Runs until stopped (Ctrl-C).
 */
public final class StreamingMain {
  public static final int PORT_DEFAULT = 8088;
  public static final String UPLOADS_TOPIC_DEFAULT = "agrisafe.uploads";
  public static final String WARNINGS_TOPIC_DEFAULT = "agrisafe.warnings";
  private static final List<String> OWN_KEYS = List.of("api-keys", "port", "uploads-dir", "kafka-bootstrap",
      "uploads-topic", "warnings-topic", "checkpoint-interval-ms", "webhook-banned", "webhook-exceedance",
      "webhook-confirmed-after-rapid", "checkpoint-dir", "restore", "reference-poll-ms");

  private StreamingMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> own = new LinkedHashMap<>();
    Map<String, String> lake = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Cannot parse argument '" + args[i] + "': expected --key value");
      }
      String k = args[i].substring(2);
      (OWN_KEYS.contains(k) || WindowRuleParams.KEYS.contains(k) ? own : lake).put(k, args[++i]);
    }
    if (!own.containsKey("api-keys")) {
      throw new IllegalArgumentException("Missing --api-keys FILE: expected a properties file lab_id=key");
    }
    LakehouseConfig cfg = LakehouseConfig.load(null, lake, System.getenv());
    Files.createDirectories(cfg.lakehouseDir());
    var catalogLoader = IcebergSinks.catalogLoader(cfg);
    var catalog = catalogLoader.loadCatalog();
    LakehouseBootstrap.createAll(catalog).forEach(l -> System.out.println("lakehouse: " + l));
    ApiKeys keys = ApiKeys.load(Path.of(own.get("api-keys")));
    int port = Integer.parseInt(own.getOrDefault("port", Integer.toString(PORT_DEFAULT)));
    StreamConfig sc = StreamConfig.defaults()
        .withCheckpointInterval(Duration.ofMillis(longOption(own, "checkpoint-interval-ms",
            StreamConfig.CHECKPOINT_INTERVAL_MS_DEFAULT)))
        .withReferencePoll(Duration.ofMillis(longOption(own, "reference-poll-ms",
            StreamConfig.REFERENCE_POLL_MS_DEFAULT)));
    Path checkpointDir = Path.of(own.getOrDefault("checkpoint-dir",
        cfg.lakehouseDir().resolve("checkpoints").toString()));
    Optional<Path> restore = Checkpoints.resolve(own.getOrDefault("restore", "latest"), checkpointDir);
    System.out.println(restore.map(p -> "restore: from " + p.toAbsolutePath())
        .orElse("restore: none (no retained checkpoint in " + checkpointDir.toAbsolutePath() + " or --restore none)"));
    WindowRuleParams windowRules = WindowRuleParams.fromOptions(own);

    IcebergReference.seedIfEmpty(catalog, ReferenceData.loadBundled()).forEach(l -> System.out.println("reference: " + l));
    ReferenceVersion reference = IcebergReference.load(catalog, System.currentTimeMillis());
    System.out.println("reference: judging with " + reference.version + "; polled every "
        + sc.referencePoll().toMillis() + " ms");

    StreamExecutionEnvironment env = environment(sc, checkpointDir);
    String kafka = own.get("kafka-bootstrap");
    DataStream<UploadEnvelope> uploads;
    Sink<String> notices;
    UploadTransport transport;
    if (kafka == null) {
      Path dir = Path.of(own.getOrDefault("uploads-dir", cfg.lakehouseDir().resolve("uploads").toString()));
      transport = new DirectoryTransport(dir);
      uploads = StreamingJob.directorySource(env, dir, Duration.ofMillis(200));
      notices = new PrintSink<>("WARNING");
      System.out.println("watching " + dir.toAbsolutePath());
    } else {
      String topic = own.getOrDefault("uploads-topic", UPLOADS_TOPIC_DEFAULT);
      transport = new KafkaTransport(kafka, topic);
      uploads = env.fromSource(KafkaSource.<UploadEnvelope>builder().setBootstrapServers(kafka).setTopics(topic)
              .setGroupId("agrisafe-stream").setStartingOffsets(OffsetsInitializer.earliest())
              .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new EnvelopeCodec())).build(),
          WatermarkStrategy.noWatermarks(), "kafka-uploads").uid("kafka-uploads");
      notices = KafkaSink.<String>builder().setBootstrapServers(kafka)
          .setRecordSerializer(KafkaRecordSerializationSchema.builder()
              .setTopic(own.getOrDefault("warnings-topic", WARNINGS_TOPIC_DEFAULT))
              .setValueSerializationSchema(new SimpleStringSchema()).build())
          .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build();
    }
    List<Sink<String>> noticeSinks = new java.util.ArrayList<>(List.of(notices));
    Map<String, String> hooks = new LinkedHashMap<>();
    if (own.containsKey("webhook-banned")) {
      hooks.put(StreamRules.Rule.BANNED_DETECTION.name(), own.get("webhook-banned"));
    }
    if (own.containsKey("webhook-exceedance")) {
      hooks.put(StreamRules.Rule.EXCEEDANCE.name(), own.get("webhook-exceedance"));
    }
    if (own.containsKey("webhook-confirmed-after-rapid")) {
      hooks.put(StreamRules.Rule.CONFIRMED_AFTER_RAPID.name(), own.get("webhook-confirmed-after-rapid"));
    }
    if (!hooks.isEmpty()) {
      noticeSinks.add(new WebhookSink(WebhookSink.Params.of(hooks,
          cfg.lakehouseDir().resolve("webhook-dead-letter.jsonl"))));
    }
    StreamingJob.build(uploads, ReferencePoller.stream(env, catalogLoader, reference, sc.referencePoll()),
        new IcebergSinks(cfg, noticeSinks), sc, reference, List.of(StreamRules.Rule.values()), windowRules);
    JobClient job = Checkpoints.executeAsync(env, "agrisafe-stream", restore);
    UploadServer server = new UploadServer(port, keys, transport, UploadServer.MAX_BODY_BYTES_DEFAULT);
    System.out.println("upload endpoint: POST http://localhost:" + server.port() + UploadServer.PATH
        + " (header " + UploadServer.API_KEY_HEADER + "); job " + job.getJobID());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      try {
        transport.close();
        job.cancel().get();
      } catch (Exception e) {
        System.err.println("stopping: " + e);
      }
    }));
    job.getJobExecutionResult().get();
  }

  private static long longOption(Map<String, String> own, String key, long dflt) {
    String v = own.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cannot parse --" + key + " '" + v + "': expected a whole number");
    }
  }

  /**
   * A local environment with exactly-once checkpoints retained in {@code checkpoints} ({@link Checkpoints#retain})
   * and a bounded restart strategy.
   */
  @SuppressWarnings("deprecation")
  static StreamExecutionEnvironment environment(StreamConfig sc, Path checkpoints) {
    StreamExecutionEnvironment env = configure(StreamExecutionEnvironment.getExecutionEnvironment(),
        sc.checkpointInterval().toMillis());
    Checkpoints.retain(env, checkpoints);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, 1000));
    return env;
  }

  /**
   * The job's execution settings, the same in production, tests and the benchmark: exactly-once checkpoints every
   * {@code checkpointMs} and object reuse (safe: no operator of the job mutates an input or keeps a reference to one
   * that is mutated later, checked for every operator; saves a deep copy of every record between chained
   * operators). Callers add their own restart strategy, parallelism and checkpoint storage.
   */
  static StreamExecutionEnvironment configure(StreamExecutionEnvironment env, long checkpointMs) {
    env.enableCheckpointing(checkpointMs, CheckpointingMode.EXACTLY_ONCE);
    env.getConfig().enableObjectReuse();
    return env;
  }
}
