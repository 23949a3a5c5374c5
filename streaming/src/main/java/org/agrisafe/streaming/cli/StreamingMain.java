package org.agrisafe.streaming.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.streaming.endpoint.ApiKeys;
import org.agrisafe.streaming.endpoint.UploadServer;
import org.agrisafe.streaming.job.ReferencePoller;
import org.agrisafe.streaming.job.ReferenceVersion;
import org.agrisafe.streaming.job.StreamConfig;
import org.agrisafe.streaming.job.StreamingJob;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.rules.WindowRuleParams;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.agrisafe.streaming.sinks.WebhookSink;
import org.agrisafe.streaming.transport.DirectoryTransport;
import org.agrisafe.streaming.transport.EnvelopeCodec;
import org.agrisafe.streaming.transport.KafkaTransport;
import org.agrisafe.streaming.transport.UploadEnvelope;
import org.agrisafe.streaming.transport.UploadTransport;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.DeploymentOptions;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Starts the streaming job and the upload endpoint, or one of them ({@code --role}).
 *
 * <p>Roles ({@link Role}): {@code all} (the default) runs both in this process, the job on a local Flink MiniCluster;
 * {@code job} builds and runs only the Flink job, on the environment the JVM was started in (under
 * {@code flink run -c org.agrisafe.streaming.cli.StreamingMain} the cluster's, README "Configuration, and moving to a
 * cluster"); {@code endpoint} runs only the HTTP endpoint, writing to the transport (Kafka with
 * {@code --kafka-bootstrap}, else the watched directory), without Flink. An option the role does not use is refused
 * (e.g. {@code --port} with {@code --role job}, {@code --checkpoint-dir} with {@code --role endpoint}).
 *
 * <p>Options ({@code --key value}, parsed by {@link StreamCli}: {@code --help} lists them with their defaults; a bad
 * value exits with status 2 and a message naming the option, the value and what was expected; lakehouse keys as in
 * {@link LakehouseConfig}, e.g. {@code --lakehouse-dir}):
 * <ul>
 *   <li>{@code --role all|job|endpoint}: what this process runs, default {@value #ROLE_DEFAULT};</li>
 *   <li>{@code --config FILE} and the lakehouse keys ({@code --lakehouse-dir DIR}, {@code --zone ZONE}, ...):
 *       {@link LakehouseOptions}, the lakehouse mixin of every launcher; every role takes them;</li>
 *   <li>{@code --api-keys FILE} (required by roles {@code all} and {@code endpoint}, refused by {@code job}): per-lab
 *       keys, {@code lab_id=key} ({@link ApiKeys});</li>
 *   <li>{@code --port N}: endpoint port, 0-65535 (0: any free port), default {@value #PORT_DEFAULT};</li>
 *   <li>{@code --uploads-dir DIR}: the watched directory (embedded default {@code <lakehouse-dir>/uploads});</li>
 *   <li>{@code --kafka-bootstrap HOST:PORT}: production mode: the endpoint writes to and the job reads from topic
 *       {@code --uploads-topic} (default {@value #UPLOADS_TOPIC_DEFAULT}), warnings also go to
 *       {@code --warnings-topic} (default {@value #WARNINGS_TOPIC_DEFAULT});</li>
 *   <li>{@code --checkpoint-interval-ms N}: &ge; 1, default {@value StreamConfig#CHECKPOINT_INTERVAL_MS_DEFAULT};</li>
 *   <li>{@code --checkpoint-dir DIR|URI}: retained checkpoints (kept on cancellation and failure), default
 *       {@code <lakehouse-dir>/checkpoints}; a local directory or, on a cluster, a URI used as given
 *       ({@code s3://bucket/path}, {@code hdfs://namenode/path}, {@code file:///path}); the changelog state
 *       backend's log goes to {@code <checkpoint-dir>/changelog} ({@link Checkpoints#location},
 *       {@link Checkpoints#retain(StreamExecutionEnvironment, URI)});</li>
 *   <li>{@code --restore latest|none|PATH}: restore the job's state (dedupe, current revisions, source positions,
 *       reference version) from the newest retained checkpoint in the checkpoint dir ({@code latest}, the default:
 *       when there is none the job starts fresh; refused with a checkpoint URI other than {@code file:}, which is not
 *       searched: give {@code --restore PATH}, or {@code --restore none} with {@code flink run -s PATH}), from a
 *       given {@code chk-N} folder or savepoint (a local path or a URI such as {@code s3://.../chk-N}), or not at all
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
 * commit of the checkpoint makes the row visible in {@code analytics.warnings}. Runs until stopped (Ctrl-C); with
 * {@code --role job} under a detached {@code flink run -d}, returns once the job is submitted.
 */
@Command(
    name = "agrisafe-stream",
    mixinStandardHelpOptions = true,
    version = "agrisafe-stream 0.1.0",
    sortOptions = false,
    description = {
      "Starts the streaming job (Flink, in this JVM) and the lab upload endpoint (README \"Streaming\")",
      "or one of them (--role): the job alone under flink run on a Flink cluster, the endpoint alone as a service."
    },
    footer = {
      "Lakehouse keys (README \"Configuration\") are the options --lakehouse-dir DIR, --zone ZONE, ... above"
          + " (also from the environment, AGRISAFE_<KEY>); pass-through keys as --iceberg.<name> VALUE or"
          + " --spark.<name> VALUE. Unknown keys are rejected."
    })
public final class StreamingMain implements Callable<Integer> {
  public static final int PORT_DEFAULT = 8088;
  public static final String UPLOADS_TOPIC_DEFAULT = "agrisafe.uploads";
  public static final String WARNINGS_TOPIC_DEFAULT = "agrisafe.warnings";
  public static final String RESTORE_DEFAULT = "latest";
  public static final String ROLE_DEFAULT = "all";

  /** What one process of {@code agrisafe-stream} runs. */
  public enum Role {
    /** The Flink job (on a local MiniCluster) and the upload endpoint, in this process. */
    ALL,
    /** Only the Flink job, on the environment of the JVM (a Flink cluster under {@code flink run}). */
    JOB,
    /** Only the upload endpoint, writing to the transport (Kafka or the watched directory); no Flink. */
    ENDPOINT
  }

  /** The options {@code --role endpoint} uses; it refuses the others. */
  private static final Set<String> ENDPOINT_OPTIONS =
      Set.of(
          "--role",
          "--config",
          "--api-keys",
          "--port",
          "--uploads-dir",
          "--kafka-bootstrap",
          "--uploads-topic");

  /** The options only the endpoint uses; {@code --role job} refuses them. */
  private static final Set<String> ENDPOINT_ONLY_OPTIONS = Set.of("--api-keys", "--port");

  @Spec CommandSpec spec;

  @Option(
      names = "--role",
      paramLabel = "all|job|endpoint",
      defaultValue = ROLE_DEFAULT,
      converter = RoleConverter.class,
      description =
          "What this process runs: all (job on a local Flink and endpoint), job (only the Flink job, e.g."
              + " under flink run on a cluster) or endpoint (only the upload endpoint). Default: ${DEFAULT-VALUE}.")
  Role role;

  /** {@code --config FILE} and the lakehouse keys ({@code --lakehouse-dir DIR}, ...): one mixin for every launcher. */
  @Mixin LakehouseOptions lakehouseOptions = new LakehouseOptions();

  @Option(
      names = "--api-keys",
      paramLabel = "FILE",
      description =
          "Per-lab API keys, a properties file lab_id=key (required by roles all and endpoint).")
  Path apiKeys;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "" + PORT_DEFAULT,
      converter = StreamCli.Port.class,
      description = "Upload endpoint port (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--uploads-dir",
      paramLabel = "DIR",
      description = "Watched upload directory (embedded mode). Default: <lakehouse-dir>/uploads.")
  Path uploadsDir;

  @Option(
      names = "--kafka-bootstrap",
      paramLabel = "HOST:PORT",
      description = "Production mode: the endpoint writes to and the job reads from Kafka.")
  String kafkaBootstrap;

  @Option(
      names = "--uploads-topic",
      paramLabel = "TOPIC",
      defaultValue = UPLOADS_TOPIC_DEFAULT,
      description = "Kafka topic of the uploads. Default: ${DEFAULT-VALUE}.")
  String uploadsTopic;

  @Option(
      names = "--warnings-topic",
      paramLabel = "TOPIC",
      defaultValue = WARNINGS_TOPIC_DEFAULT,
      description = "Kafka topic of the warning notices. Default: ${DEFAULT-VALUE}.")
  String warningsTopic;

  @Option(
      names = "--checkpoint-interval-ms",
      paramLabel = "MS",
      defaultValue = "" + StreamConfig.CHECKPOINT_INTERVAL_MS_DEFAULT,
      converter = StreamCli.PositiveMillis.class,
      description =
          "Checkpoint interval, ms (Iceberg commits rows at each). Default: ${DEFAULT-VALUE}.")
  long checkpointIntervalMs;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "DIR|URI",
      converter = CheckpointDirConverter.class,
      description =
          "Retained checkpoints (kept on cancellation and failure) and the changelog (<dir>/changelog): a"
              + " directory, or a URI such as s3://bucket/path or hdfs://namenode/path. Default: <lakehouse-dir>/checkpoints.")
  URI checkpointDir;

  @Option(
      names = "--restore",
      paramLabel = "latest|none|PATH",
      defaultValue = RESTORE_DEFAULT,
      description =
          "Restore from the newest retained checkpoint of a local --checkpoint-dir (latest), not at all"
              + " (none), or from a chk-N folder or savepoint (a path or a URI). Default: ${DEFAULT-VALUE}.")
  String restore;

  @Option(
      names = "--reference-poll-ms",
      paramLabel = "MS",
      defaultValue = "" + StreamConfig.REFERENCE_POLL_MS_DEFAULT,
      converter = StreamCli.PositiveMillis.class,
      description =
          "How often the reference tables are checked for a new snapshot, ms. Default: ${DEFAULT-VALUE}.")
  long referencePollMs;

  @Option(
      names = "--webhook-banned",
      paramLabel = "URL",
      description = "Webhook of BANNED_DETECTION warnings.")
  String webhookBanned;

  @Option(
      names = "--webhook-exceedance",
      paramLabel = "URL",
      description = "Webhook of EXCEEDANCE warnings.")
  String webhookExceedance;

  @Option(
      names = "--webhook-confirmed-after-rapid",
      paramLabel = "URL",
      description = "Webhook of CONFIRMED_AFTER_RAPID warnings.")
  String webhookConfirmedAfterRapid;

  @Mixin WindowRuleParams.Options windowRuleOptions = new WindowRuleParams.Options();

  /** Set by {@link #check()}. */
  LakehouseConfig lakehouse;

  StreamConfig streamConfig;
  WindowRuleParams windowRules;

  /** The checkpoint location: {@code --checkpoint-dir}, or {@code <lakehouse-dir>/checkpoints}; set by {@link #check()}. */
  URI checkpoints;

  /** Completed with the running server once the endpoint listens (roles all and endpoint). */
  final CompletableFuture<UploadServer> endpoint = new CompletableFuture<>();

  /** The job started by this process, if any (roles all and job). */
  volatile JobClient job;

  /** Counted down by {@link #stop()}: ends {@code --role endpoint}. */
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  /** Counted down once {@code --role endpoint} has closed its server and transport. */
  private final CountDownLatch endpointClosed = new CountDownLatch(1);

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
   * parameters, checkpoint location).
   *
   * @throws ParameterException on a missing {@code --api-keys} (roles all and endpoint), an option the role does not
   *     use, an out-of-range window-rule parameter, a bad lakehouse key or configuration file, or
   *     {@code --restore latest} with a checkpoint URI that is not local, with its message
   */
  StreamingMain check() {
    CommandLine cl = spec.commandLine();
    Set<String> lakehouseOptionNames = new java.util.HashSet<>();
    CommandSpec lakehouseMixin = spec.mixins().get("lakehouseOptions");
    for (OptionSpec o : lakehouseMixin.options()) {
      lakehouseOptionNames.add(o.longestName());
    }
    if (role != Role.JOB && apiKeys == null) {
      throw new ParameterException(cl, "Missing required option: '--api-keys=FILE'");
    }
    if (cl.getParseResult() != null) {
      for (OptionSpec o : cl.getParseResult().matchedOptions()) {
        String name = o.longestName();
        if (lakehouseOptionNames.contains(name)) {
          continue; // every role reads the lakehouse configuration
        }
        if (role == Role.ENDPOINT && !ENDPOINT_OPTIONS.contains(name)) {
          throw new ParameterException(
              cl,
              name
                  + " is not used by --role endpoint: expected only "
                  + new java.util.TreeSet<>(ENDPOINT_OPTIONS)
                  + " (the job's options go to the --role job process)");
        }
        if (role == Role.JOB && ENDPOINT_ONLY_OPTIONS.contains(name)) {
          throw new ParameterException(
              cl,
              name
                  + " is not used by --role job: the upload endpoint runs as its own"
                  + " process (--role endpoint)");
        }
      }
    }
    try {
      lakehouse = lakehouseOptions.load();
      windowRules = windowRuleOptions.params();
      streamConfig =
          StreamConfig.defaults()
              .withZone(lakehouse.zone())
              .withCheckpointInterval(Duration.ofMillis(checkpointIntervalMs))
              .withReferencePoll(Duration.ofMillis(referencePollMs));
      checkpoints =
          checkpointDir != null
              ? checkpointDir
              : Checkpoints.location(lakehouse.lakehouseDir().resolve("checkpoints"));
      if (role != Role.ENDPOINT) {
        Checkpoints.restoreMode(restore, checkpoints);
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ParameterException(cl, e.getMessage(), e);
    }
    return this;
  }

  /** Ends a running {@code --role endpoint} ({@link #call()} then closes the server and returns 0). */
  void stop() {
    stopRequested.countDown();
  }

  @Override
  public Integer call() throws Exception {
    check();
    return switch (role) {
      case ALL -> runAll();
      case JOB -> runJob();
      case ENDPOINT -> runEndpoint();
    };
  }

  /** Job (local MiniCluster) and endpoint in this process; stopping the process cancels the job. */
  private int runAll() throws Exception {
    ApiKeys keys = ApiKeys.load(apiKeys);
    UploadTransport transport = transport();
    JobClient job = startJob().client();
    UploadServer server = startEndpoint(keys, transport, "; job " + job.getJobID());
    cancelOnExit(job, server, transport);
    job.getJobExecutionResult().get();
    return 0;
  }

  /** When the process stops: closes {@code first} in order, then cancels {@code job}; failures are printed. */
  private static void cancelOnExit(JobClient job, AutoCloseable... first) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    for (AutoCloseable c : first) {
                      c.close();
                    }
                    job.cancel().get();
                  } catch (Exception e) {
                    System.err.println("stopping: " + e);
                  }
                }));
  }

  /**
   * Only the job. Run locally, stopping the process cancels the job; on a cluster ({@code flink run}) the job
   * outlives this client ({@code flink cancel <job id>} stops it). Waits for the job's result unless the submission
   * is detached ({@code flink run -d}).
   */
  private int runJob() throws Exception {
    Started started = startJob();
    JobClient job = started.client();
    if (!started.attached()) {
      System.out.println(
          "job "
              + job.getJobID()
              + " submitted (detached); stop it with: flink cancel "
              + job.getJobID());
      return 0;
    }
    System.out.println(
        "job "
            + job.getJobID()
            + (started.local()
                ? " running in this process"
                : " running on the cluster (stop it with: flink cancel " + job.getJobID() + ")"));
    if (started.local()) {
      cancelOnExit(job);
    }
    job.getJobExecutionResult().get();
    return 0;
  }

  /** Only the endpoint, until the process is stopped (Ctrl-C) or {@link #stop()}; no Flink. */
  private int runEndpoint() throws Exception {
    ApiKeys keys = ApiKeys.load(apiKeys);
    UploadTransport transport = transport();
    Thread hook =
        new Thread(
            () -> {
              stop();
              try {
                endpointClosed.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    try (transport;
        UploadServer server =
            startEndpoint(
                keys,
                transport,
                kafkaBootstrap == null
                    ? "; into " + uploadsDirectory().toAbsolutePath()
                    : "; into Kafka topic " + uploadsTopic + " at " + kafkaBootstrap)) {
      Runtime.getRuntime().addShutdownHook(hook);
      stopRequested.await();
    } finally {
      endpointClosed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotAdded) {
        // the JVM is shutting down (the hook is running) or the server never started
      }
    }
    return 0;
  }

  /** The watched directory: {@code --uploads-dir}, or {@code <lakehouse-dir>/uploads}. */
  private Path uploadsDirectory() {
    return uploadsDir != null ? uploadsDir : lakehouse.lakehouseDir().resolve("uploads");
  }

  /** The endpoint's side of the transport: Kafka with {@code --kafka-bootstrap}, else the watched directory. */
  private UploadTransport transport() throws IOException {
    return kafkaBootstrap == null
        ? new DirectoryTransport(uploadsDirectory())
        : new KafkaTransport(kafkaBootstrap, uploadsTopic);
  }

  /** Starts the upload endpoint on {@code --port} with the labs' {@code keys}, and prints its address. */
  private UploadServer startEndpoint(ApiKeys keys, UploadTransport transport, String note)
      throws IOException {
    UploadServer server =
        new UploadServer(
            port, keys, transport, UploadServer.MAX_BODY_BYTES_DEFAULT, lakehouse.zone());
    System.out.println(
        "upload endpoint: POST http://localhost:"
            + server.port()
            + UploadServer.PATH
            + " (header "
            + UploadServer.API_KEY_HEADER
            + ")"
            + note);
    endpoint.complete(server);
    return server;
  }

  /**
   * Opens the lakehouse's catalog with {@code loader} and creates what is missing
   * ({@link LakehouseBootstrap#createAll}) in the configured zone; prints one {@code lakehouse:} line each.
   *
   * @throws IllegalStateException if the lakehouse was built with another zone than {@code cfg.zone()} (names
   *     both; docs/conventions.md §13.2); nothing is created then
   */
  static org.apache.iceberg.catalog.Catalog openLakehouse(
      LakehouseConfig cfg, org.apache.iceberg.flink.CatalogLoader loader) throws IOException {
    Files.createDirectories(cfg.lakehouseDir());
    var catalog = loader.loadCatalog();
    LakehouseBootstrap.createAll(catalog, cfg.zone())
        .forEach(l -> System.out.println("lakehouse: " + l));
    return catalog;
  }

  /** A submitted job: its client, whether it runs in this JVM, and whether the submission waits for its result. */
  private record Started(JobClient client, boolean local, boolean attached) {}

  /**
   * Creates the lakehouse tables and seeds the reference tables if needed, builds the job on
   * {@link #environment(StreamConfig, URI)} (reading Kafka with {@code --kafka-bootstrap}, else the watched
   * directory) and submits it, restored as {@code --restore} says.
   */
  private Started startJob() throws Exception {
    LakehouseConfig cfg = lakehouse;
    StreamConfig sc = streamConfig;
    var catalogLoader = IcebergSinks.catalogLoader(cfg);
    var catalog = openLakehouse(cfg, catalogLoader);
    Optional<String> restoreFrom = Checkpoints.restorePointer(restore, checkpoints);
    System.out.println(
        restoreFrom
            .map(p -> "restore: from " + p)
            .orElse(
                "restore: none (no retained checkpoint in "
                    + Checkpoints.describe(checkpoints)
                    + " or --restore none)"));

    IcebergReference.seedIfEmpty(catalog, ReferenceData.loadBundled())
        .forEach(l -> System.out.println("reference: " + l));
    ReferenceVersion reference = ReferenceVersion.load(catalog, System.currentTimeMillis());
    System.out.println(
        "reference: judging with "
            + reference.version
            + "; polled every "
            + sc.referencePoll().toMillis()
            + " ms");

    StreamExecutionEnvironment env = environment(sc, checkpoints);
    DataStream<UploadEnvelope> uploads;
    Sink<String> notices;
    if (kafkaBootstrap == null) {
      Path dir = Files.createDirectories(uploadsDirectory());
      uploads = StreamingJob.directorySource(env, dir, Duration.ofMillis(200));
      notices = new PrintSink<>("WARNING");
      System.out.println("watching " + dir.toAbsolutePath());
    } else {
      String kafka = kafkaBootstrap;
      uploads =
          env.fromSource(
                  KafkaSource.<UploadEnvelope>builder()
                      .setBootstrapServers(kafka)
                      .setTopics(uploadsTopic)
                      .setGroupId("agrisafe-stream")
                      .setStartingOffsets(OffsetsInitializer.earliest())
                      .setDeserializer(
                          KafkaRecordDeserializationSchema.valueOnly(new EnvelopeCodec()))
                      .build(),
                  WatermarkStrategy.noWatermarks(),
                  "kafka-uploads")
              .uid("kafka-uploads");
      notices =
          KafkaSink.<String>builder()
              .setBootstrapServers(kafka)
              .setRecordSerializer(
                  KafkaRecordSerializationSchema.builder()
                      .setTopic(warningsTopic)
                      .setValueSerializationSchema(new SimpleStringSchema())
                      .build())
              .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
              .build();
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
      noticeSinks.add(
          new WebhookSink(
              WebhookSink.Params.of(
                  hooks, cfg.lakehouseDir().resolve("webhook-dead-letter.jsonl"))));
    }
    StreamingJob.build(
        uploads,
        ReferencePoller.stream(env, catalogLoader, reference, sc.referencePoll()),
        new IcebergSinks(cfg, noticeSinks),
        sc,
        reference,
        List.of(StreamRules.Rule.values()),
        windowRules);
    JobClient client = Checkpoints.executeAsyncFrom(env, "agrisafe-stream", restoreFrom);
    job = client;
    return new Started(
        client,
        "local".equals(env.getConfiguration().get(DeploymentOptions.TARGET)),
        env.getConfiguration().get(DeploymentOptions.ATTACHED));
  }

  /**
   * The environment of this JVM ({@link StreamExecutionEnvironment#getExecutionEnvironment()}: a local MiniCluster,
   * or the cluster's under {@code flink run}) with exactly-once checkpoints retained in {@code checkpoints} (a
   * {@link Checkpoints#location}; {@link Checkpoints#retain(StreamExecutionEnvironment, URI)}) and a bounded restart
   * strategy.
   */
  @SuppressWarnings("deprecation")
  static StreamExecutionEnvironment environment(StreamConfig sc, URI checkpoints) {
    StreamExecutionEnvironment env =
        configure(
            StreamExecutionEnvironment.getExecutionEnvironment(),
            sc.checkpointInterval().toMillis());
    Checkpoints.retain(env, checkpoints);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, 1000));
    return env;
  }

  /** Network buffer timeout, ms (Flink's {@code execution.buffer-timeout.interval}; its default is 100). */
  public static final long BUFFER_TIMEOUT_MS = 5;

  /**
   * The job's execution settings, the same in production, tests and the benchmark: exactly-once checkpoints every
   * {@code checkpointMs}, object reuse (safe: no operator of the job mutates an input or keeps a reference to one
   * that is mutated later, checked for every operator; saves a deep copy of every record between chained
   * operators), a {@link #BUFFER_TIMEOUT_MS} network buffer timeout, and the changelog state backend over the heap
   * backend (Flink FLIP-158, "generalized incremental checkpoints": state changes are written to a log as they
   * happen and a checkpoint uploads only the changes since the last one; the heap state is materialized every 10
   * minutes). Its cost and saving against full heap snapshots, measured by StreamingBenchmark: docs/benchmarks.md,
   * "Streaming".
   * The changelog's storage is the cluster's or set by {@link Checkpoints#retain}. Callers add their own restart
   * strategy, parallelism and checkpoint storage.
   */
  public static StreamExecutionEnvironment configure(
      StreamExecutionEnvironment env, long checkpointMs) {
    env.enableCheckpointing(checkpointMs, CheckpointingMode.EXACTLY_ONCE);
    env.getConfig().enableObjectReuse();
    // a network buffer is sent when full or after this many ms: Flink's default, 100 ms, is paid at
    // each of the
    // shuffles on a warning's path when uploads trickle in (the supervision stream's normal state)
    env.setBufferTimeout(BUFFER_TIMEOUT_MS);
    org.apache.flink.configuration.Configuration c =
        new org.apache.flink.configuration.Configuration();
    c.set(org.apache.flink.configuration.StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
    env.configure(c);
    return env;
  }

  /** {@code --role}: all, job or endpoint, in any case. */
  static final class RoleConverter extends StreamCli.Checked<Role> {
    RoleConverter() {
      super(
          "one of all, job, endpoint",
          v ->
              java.util.Arrays.stream(Role.values())
                  .filter(r -> r.name().equalsIgnoreCase(v))
                  .findFirst()
                  .orElse(null));
    }
  }

  /** {@code --checkpoint-dir}: a local directory or a URI with a scheme ({@link Checkpoints#location(String)}). */
  static final class CheckpointDirConverter extends StreamCli.Checked<URI> {
    CheckpointDirConverter() {
      super(
          "a local directory or a URI with a scheme (s3://bucket/path, hdfs://namenode/path, file:///path)",
          v -> {
            try {
              return Checkpoints.location(v);
            } catch (IllegalArgumentException e) {
              return null;
            }
          });
    }
  }
}
