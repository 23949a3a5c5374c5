package org.agrisafe.it.xengine;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A class of the packaged streaming module ({@code org.agrisafe.streaming.cli.StreamingMain}, {@code CompactionJob})
 * run in a child JVM, exactly as {@code ./agrisafe-stream} runs it: {@code streaming/target/streaming-*.jar} plus
 * {@code streaming/target/launcher/classpath.txt} and {@code jvm-options.txt}. Flink and Spark cannot share one
 * test JVM (Kafka broker / Jackson versions, one SparkSession per JVM), and in production they are separate
 * processes anyway.
 *
 * <p>The child logs through log4j2 into one file ({@link #log()}): the streaming classpath has no SLF4J binding,
 * so the test JVM's own log4j2 and SLF4J 2 jars are put in front of it, with root level WARN (Iceberg's
 * "Retrying task after failure" of a conflicting commit is a WARN), Flink's job and task state changes at INFO
 * ({@code switched from state RUNNING to RESTARTING}) and Iceberg's Flink committer at INFO.
 *
 * <p>The jar must exist and be newer than every file of {@code streaming/src/main}: the reactor builds it before
 * the jobs module ({@code ./mvnw -pl jobs,streaming -am verify}); otherwise the test FAILS naming the command.
 */
public final class StreamProcess implements AutoCloseable {
  /** Log line of a Flink job that failed and restarts (the JobMaster's execution graph). */
  public static final String RESTARTING = "switched from state RUNNING to RESTARTING";

  /** Log line of a Flink job that failed for good. */
  public static final String FAILING = "switched from state RUNNING to FAILING";

  /** Iceberg's WARN before retrying a task, here a commit that lost the race ({@code CommitFailedException}). */
  public static final String RETRY = "Retrying task after failure";

  private static final String LOG4J2 =
      String.join(
          "\n",
          "status = warn",
          "appender.out.type = Console",
          "appender.out.name = out",
          "appender.out.layout.type = PatternLayout",
          "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} - %m%n",
          "rootLogger.level = WARN",
          "rootLogger.appenderRef.out.ref = out",
          "logger.graph.name = org.apache.flink.runtime.executiongraph",
          "logger.graph.level = INFO",
          "logger.commit.name = org.apache.iceberg.flink.sink",
          "logger.commit.level = INFO",
          "");

  private final Process process;
  private final Path log;
  private final String name;

  private StreamProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** The repository root (surefire's {@code agrisafe.repo.dir}). */
  public static Path repo() {
    return Path.of(System.getProperty("agrisafe.repo.dir", "..")).toAbsolutePath().normalize();
  }

  /**
   * Starts the streaming job ({@code StreamingMain}) on a watched upload directory with the demo's lab API keys, an
   * ephemeral endpoint port and 1 s checkpoints, and waits until its upload endpoint is up (at most 3 minutes).
   *
   * @param uploads the watched directory
   * @param lakehouseDir the stream's {@code --lakehouse-dir}
   * @param env environment on top of the test JVM's (e.g. the PostgreSQL catalog settings)
   * @param workDir an existing folder for the log
   */
  public static StreamProcess startStream(
      Path uploads, Path lakehouseDir, Map<String, String> env, Path workDir)
      throws InterruptedException {
    StreamProcess p =
        start(
            "stream",
            "org.agrisafe.streaming.cli.StreamingMain",
            List.of(
                "--api-keys",
                repo().resolve("streaming/demo/lab-api-keys.properties").toString(),
                "--port",
                "0",
                "--uploads-dir",
                uploads.toString(),
                "--checkpoint-interval-ms",
                "1000",
                "--lakehouse-dir",
                lakehouseDir.toString()),
            env,
            workDir);
    boolean up = false;
    try {
      p.awaitLog("upload endpoint:", java.time.Duration.ofMinutes(3));
      up = true;
      return p;
    } finally {
      if (!up) {
        p.close();
      }
    }
  }

  /**
   * Starts {@code mainClass} of the streaming module in a child JVM ({@code -Xmx1g}, UTC, UTF-8), its working
   * directory {@code workDir}, standard output and error into {@code workDir/<name>.log}.
   *
   * @param name a short name, for the log file and messages
   * @param mainClass e.g. {@code org.agrisafe.streaming.cli.StreamingMain}
   * @param args its arguments
   * @param env environment variables to set (e.g. {@code AGRISAFE_CATALOG_URI}), on top of the test JVM's
   * @param workDir an existing folder
   */
  public static StreamProcess start(
      String name, String mainClass, List<String> args, Map<String, String> env, Path workDir) {
    Path target = repo().resolve("streaming/target");
    Path cpFile = target.resolve("launcher/classpath.txt");
    Path optsFile = target.resolve("launcher/jvm-options.txt");
    Path jar = streamingJar(target);
    String build =
        "./mvnw -B -pl jobs,streaming -am verify (the reactor packages streaming first), or"
            + " ./mvnw -B -q -DskipTests -pl streaming -am package";
    if (jar == null || !Files.isRegularFile(cpFile) || !Files.isRegularFile(optsFile)) {
      fail(
          "The packaged streaming job is missing ("
              + target
              + "/streaming-*.jar, launcher/classpath.txt,"
              + " launcher/jvm-options.txt): build it with "
              + build);
    }
    Path newer = newestSourceNewerThan(repo().resolve("streaming/src/main"), jar);
    if (newer != null) {
      fail(
          "The packaged streaming job "
              + jar
              + " is older than "
              + newer
              + ": rebuild it with "
              + build);
    }
    try {
      Path log4j = workDir.resolve("log4j2-" + name + ".properties");
      Files.writeString(log4j, LOG4J2, StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx1g");
      cmd.add("-Duser.timezone=UTC");
      cmd.add("-Dfile.encoding=UTF-8");
      cmd.add("-Dagrisafe.repo.dir=" + repo());
      cmd.add("-Dlog4j2.configurationFile=" + log4j.toUri());
      cmd.addAll(Arrays.asList(Files.readString(optsFile).trim().split("\\s+")));
      cmd.add("-cp");
      cmd.add(
          String.join(File.pathSeparator, loggingJars())
              + File.pathSeparator
              + jar
              + File.pathSeparator
              + Files.readString(cpFile).trim());
      cmd.add(mainClass);
      cmd.addAll(args);
      Path logFile = workDir.resolve(name + ".log");
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      return new StreamProcess(name, p, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + mainClass, e);
    }
  }

  private static Path streamingJar(Path target) {
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(
              p ->
                  p.getFileName().toString().matches("streaming-.*\\.jar")
                      && !p.getFileName().toString().matches(".*-(tests|sources|javadoc)\\.jar"))
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path newestSourceNewerThan(Path dir, Path jar) {
    try (Stream<Path> s = Files.walk(dir)) {
      long built = Files.getLastModifiedTime(jar).toMillis();
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                try {
                  return Files.getLastModifiedTime(p).toMillis() > built;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** log4j-api, log4j-core, the SLF4J 2 binding and slf4j-api 2 of the test JVM (Spark's logging). */
  private static List<String> loggingJars() {
    List<String> jars = new ArrayList<>();
    for (String cls :
        List.of(
            "org.apache.logging.log4j.LogManager",
            "org.apache.logging.log4j.core.LoggerContext",
            "org.apache.logging.slf4j.SLF4JServiceProvider",
            "org.slf4j.LoggerFactory")) {
      try {
        jars.add(
            Path.of(Class.forName(cls).getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
      } catch (ReflectiveOperationException
          | java.net.URISyntaxException
          | NullPointerException e) {
        fail("Cannot locate the jar of " + cls + " for the child JVM's logging: " + e);
      }
    }
    return jars;
  }

  /** The child's output so far. */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last {@code lines} lines of the output, for failure messages. */
  public String tail(int lines) {
    List<String> all = log().lines().toList();
    return name
        + " (last "
        + lines
        + " lines of "
        + log
        + "):\n"
        + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Number of occurrences of {@code text} in the output. */
  public int count(String text) {
    String s = log();
    int n = 0;
    for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + text.length())) {
      n++;
    }
    return n;
  }

  /** Waits until the output contains {@code text}; FAILS (with the output's tail) if the child exits first. */
  public void awaitLog(String text, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!log().contains(text)) {
      if (!process.isAlive()) {
        fail(
            name
                + " exited with "
                + process.exitValue()
                + " before printing '"
                + text
                + "'\n"
                + tail(60));
      }
      if (System.nanoTime() > end) {
        fail(name + " did not print '" + text + "' within " + timeout + "\n" + tail(60));
      }
      Thread.sleep(200);
    }
  }

  /** Waits for the child to exit by itself and returns its exit code; FAILS on timeout. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      fail(name + " did not exit within " + timeout + "\n" + tail(60));
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the child as Ctrl-C would (SIGTERM: StreamingMain's shutdown hook cancels the job), forcibly after 30 s.
   */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
