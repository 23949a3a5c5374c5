package org.agrisafe.streaming;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Starts the streaming job and the upload endpoint.
 *
 * <p>Options ({@code --key value}, parsed by {@link StreamCli}: {@code --help} lists them with their defaults; a bad
 * value exits with status 2 and a message naming the option, the value and what was expected; lakehouse keys as in
 * {@link LakehouseConfig}, e.g. {@code --lakehouse-dir}):
 * <ul>
 *   <li>{@code --api-keys FILE} (required): per-lab keys, {@code lab_id=key} ({@link ApiKeys});</li>
 *   <li>{@code --port N}: endpoint port, 0-65535 (0: any free port), default {@value #PORT_DEFAULT};</li>
 *   <li>{@code --uploads-dir DIR}: the watched directory (embedded default {@code <lakehouse-dir>/uploads});</li>
 *   <li>{@code --kafka-bootstrap HOST:PORT}: production mode: the endpoint writes to and the job reads from topic
 *       {@code --uploads-topic} (default {@value #UPLOADS_TOPIC_DEFAULT}), warnings also go to
 *       {@code --warnings-topic} (default {@value #WARNINGS_TOPIC_DEFAULT});</li>
 *   <li>{@code --checkpoint-interval-ms N}: &ge; 1, default {@value StreamConfig#CHECKPOINT_INTERVAL_MS_DEFAULT};</li>
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
@Command(name = "agrisafe-stream", mixinStandardHelpOptions = true, version = "agrisafe-stream 0.1.0",
    sortOptions = false,
    description = "Starts the streaming job (Flink, in this JVM) and the lab upload endpoint (README \"Streaming\").",
    footer = {"Lakehouse keys (README \"Configuration\") as --key value, e.g. --lakehouse-dir DIR (default"
        + " lakehouse), --catalog-uri URI, --warehouse PATH, --zone ZONE, --iceberg.<name> VALUE; also from the"
        + " environment (AGRISAFE_<KEY>). Unknown keys are rejected."})
public final class StreamingMain implements Callable<Integer> {
  public static final int PORT_DEFAULT = 8088;
  public static final String UPLOADS_TOPIC_DEFAULT = "agrisafe.uploads";
  public static final String WARNINGS_TOPIC_DEFAULT = "agrisafe.warnings";
  public static final String RESTORE_DEFAULT = "latest";

  @Spec
  CommandSpec spec;

  @Option(names = "--api-keys", paramLabel = "FILE", required = true,
      description = "Per-lab API keys, a properties file lab_id=key.")
  Path apiKeys;

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + PORT_DEFAULT, converter = StreamCli.Port.class,
      description = "Upload endpoint port (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--uploads-dir", paramLabel = "DIR",
      description = "Watched upload directory (embedded mode). Default: <lakehouse-dir>/uploads.")
  Path uploadsDir;

  @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
      description = "Production mode: the endpoint writes to and the job reads from Kafka.")
  String kafkaBootstrap;

  @Option(names = "--uploads-topic", paramLabel = "TOPIC", defaultValue = UPLOADS_TOPIC_DEFAULT,
      description = "Kafka topic of the uploads. Default: ${DEFAULT-VALUE}.")
  String uploadsTopic;

  @Option(names = "--warnings-topic", paramLabel = "TOPIC", defaultValue = WARNINGS_TOPIC_DEFAULT,
      description = "Kafka topic of the warning notices. Default: ${DEFAULT-VALUE}.")
  String warningsTopic;

  @Option(names = "--checkpoint-interval-ms", paramLabel = "MS",
      defaultValue = "" + StreamConfig.CHECKPOINT_INTERVAL_MS_DEFAULT, converter = StreamCli.PositiveMillis.class,
      description = "Checkpoint interval, ms (Iceberg commits rows at each). Default: ${DEFAULT-VALUE}.")
  long checkpointIntervalMs;

  @Option(names = "--checkpoint-dir", paramLabel = "DIR",
      description = "Retained checkpoints (kept on cancellation and failure). Default: <lakehouse-dir>/checkpoints.")
  Path checkpointDir;

  @Option(names = "--restore", paramLabel = "latest|none|PATH", defaultValue = RESTORE_DEFAULT,
      description = "Restore from the newest retained checkpoint (latest), not at all (none), or from a chk-N folder"
          + " or savepoint. Default: ${DEFAULT-VALUE}.")
  String restore;

  @Option(names = "--reference-poll-ms", paramLabel = "MS",
      defaultValue = "" + StreamConfig.REFERENCE_POLL_MS_DEFAULT, converter = StreamCli.PositiveMillis.class,
      description = "How often the reference tables are checked for a new snapshot, ms. Default: ${DEFAULT-VALUE}.")
  long referencePollMs;

  @Option(names = "--webhook-banned", paramLabel = "URL", description = "Webhook of BANNED_DETECTION warnings.")
  String webhookBanned;

  @Option(names = "--webhook-exceedance", paramLabel = "URL", description = "Webhook of EXCEEDANCE warnings.")
  String webhookExceedance;

  @Option(names = "--webhook-confirmed-after-rapid", paramLabel = "URL",
      description = "Webhook of CONFIRMED_AFTER_RAPID warnings.")
  String webhookConfirmedAfterRapid;

  @Mixin
  WindowRuleParams.Options windowRuleOptions = new WindowRuleParams.Options();

  /** The lakehouse keys ({@link StreamCli#lakehouseKeys}). */
  @Unmatched
  List<String> lakehouseKeys = new ArrayList<>();

  /** Set by {@link #check()}. */
  LakehouseConfig lakehouse;
  StreamConfig streamConfig;
  WindowRuleParams windowRules;

  StreamingMain() {}

  public static void main(String[] args) {
    System.exit(StreamCli.execute(new StreamingMain(), args));
  }

  /**
   * The options of {@code args}, checked ({@link #check()}).
   *
   * @throws ParameterException naming the option, the value and what was expected
   */
  static StreamingMain parse(String... args) {
    return StreamCli.parse(new StreamingMain(), args).check();
  }

  /**
   * Checks the values together and builds the parameter objects (lakehouse configuration, stream and window-rule
   * parameters).
   *
   * @throws ParameterException on an out-of-range window-rule parameter or a bad lakehouse key, with its message
   */
  StreamingMain check() {
    try {
      lakehouse = LakehouseConfig.load(null, StreamCli.lakehouseKeys(spec.commandLine(), lakehouseKeys), System.getenv());
      windowRules = windowRuleOptions.params();
      streamConfig = StreamConfig.defaults()
          .withCheckpointInterval(Duration.ofMillis(checkpointIntervalMs))
          .withReferencePoll(Duration.ofMillis(referencePollMs));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    return this;
  }

  @Override
  public Integer call() throws Exception {
    check();
    LakehouseConfig cfg = lakehouse;
    StreamConfig sc = streamConfig;
    Files.createDirectories(cfg.lakehouseDir());
    var catalogLoader = IcebergSinks.catalogLoader(cfg);
    var catalog = catalogLoader.loadCatalog();
    LakehouseBootstrap.createAll(catalog).forEach(l -> System.out.println("lakehouse: " + l));
    ApiKeys keys = ApiKeys.load(apiKeys);
    Path checkpoints = checkpointDir != null ? checkpointDir : cfg.lakehouseDir().resolve("checkpoints");
    Optional<Path> restoreFrom = Checkpoints.resolve(restore, checkpoints);
    System.out.println(restoreFrom.map(p -> "restore: from " + p.toAbsolutePath())
        .orElse("restore: none (no retained checkpoint in " + checkpoints.toAbsolutePath() + " or --restore none)"));

    IcebergReference.seedIfEmpty(catalog, ReferenceData.loadBundled()).forEach(l -> System.out.println("reference: " + l));
    ReferenceVersion reference = IcebergReference.load(catalog, System.currentTimeMillis());
    System.out.println("reference: judging with " + reference.version + "; polled every "
        + sc.referencePoll().toMillis() + " ms");

    StreamExecutionEnvironment env = environment(sc, checkpoints);
    DataStream<UploadEnvelope> uploads;
    Sink<String> notices;
    UploadTransport transport;
    if (kafkaBootstrap == null) {
      Path dir = uploadsDir != null ? uploadsDir : cfg.lakehouseDir().resolve("uploads");
      transport = new DirectoryTransport(dir);
      uploads = StreamingJob.directorySource(env, dir, Duration.ofMillis(200));
      notices = new PrintSink<>("WARNING");
      System.out.println("watching " + dir.toAbsolutePath());
    } else {
      String kafka = kafkaBootstrap;
      transport = new KafkaTransport(kafka, uploadsTopic);
      uploads = env.fromSource(KafkaSource.<UploadEnvelope>builder().setBootstrapServers(kafka)
              .setTopics(uploadsTopic)
              .setGroupId("agrisafe-stream").setStartingOffsets(OffsetsInitializer.earliest())
              .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new EnvelopeCodec())).build(),
          WatermarkStrategy.noWatermarks(), "kafka-uploads").uid("kafka-uploads");
      notices = KafkaSink.<String>builder().setBootstrapServers(kafka)
          .setRecordSerializer(KafkaRecordSerializationSchema.builder()
              .setTopic(warningsTopic)
              .setValueSerializationSchema(new SimpleStringSchema()).build())
          .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build();
    }
    List<Sink<String>> noticeSinks = new java.util.ArrayList<>(List.of(notices));
    Map<String, String> hooks = new LinkedHashMap<>();
    if (webhookBanned != null) {
      hooks.put(StreamRules.Rule.BANNED_DETECTION.name(), webhookBanned);
    }
    if (webhookExceedance != null) {
      hooks.put(StreamRules.Rule.EXCEEDANCE.name(), webhookExceedance);
    }
    if (webhookConfirmedAfterRapid != null) {
      hooks.put(StreamRules.Rule.CONFIRMED_AFTER_RAPID.name(), webhookConfirmedAfterRapid);
    }
    if (!hooks.isEmpty()) {
      noticeSinks.add(new WebhookSink(WebhookSink.Params.of(hooks,
          cfg.lakehouseDir().resolve("webhook-dead-letter.jsonl"))));
    }
    StreamingJob.build(uploads, ReferencePoller.stream(env, catalogLoader, reference, sc.referencePoll()),
        new IcebergSinks(cfg, noticeSinks), sc, reference, List.of(StreamRules.Rule.values()), windowRules);
    JobClient job = Checkpoints.executeAsync(env, "agrisafe-stream", restoreFrom);
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
    return 0;
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
   * {@code checkpointMs}, object reuse (safe: no operator of the job mutates an input or keeps a reference to one
   * that is mutated later, checked for every operator; saves a deep copy of every record between chained
   * operators), and the changelog state backend over the heap backend (Flink FLIP-158, "generalized incremental
   * checkpoints": state changes are written to a log as they happen and a checkpoint uploads only the changes since
   * the last one; the heap state is materialized every 10 minutes; measured 28 % less CPU per result than full heap
   * snapshots every 10 s, StreamingBenchmark). The changelog's storage is the cluster's or set by
   * {@link Checkpoints#retain}. Callers add their own restart strategy, parallelism and checkpoint storage.
   */
  static StreamExecutionEnvironment configure(StreamExecutionEnvironment env, long checkpointMs) {
    env.enableCheckpointing(checkpointMs, CheckpointingMode.EXACTLY_ONCE);
    env.getConfig().enableObjectReuse();
    org.apache.flink.configuration.Configuration c = new org.apache.flink.configuration.Configuration();
    c.set(org.apache.flink.configuration.StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
    env.configure(c);
    return env;
  }
}
