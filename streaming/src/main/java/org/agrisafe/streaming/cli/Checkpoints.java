package org.agrisafe.streaming.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Retained checkpoints, so that the streaming job survives a restart of its process: checkpoints go to a
 * directory ({@code checkpoint-dir}, default {@code <lakehouse-dir>/checkpoints}) and are kept when the job is
 * cancelled or fails; a new job restores the keyed state (dedupe, current revisions, timers), the broadcast reference
 * version, the sources' positions and the Iceberg committers' state from one of them.
 *
 * <p>Flink's layout: {@code <checkpoint-dir>/<job id>/chk-<n>/_metadata}; a checkpoint is complete when its
 * {@code _metadata} file exists.
 *
 * <p>The checkpoint directory is a {@link #location location}: a local directory (as a {@code file:} URI) or, for a
 * job on a Flink cluster, a URI with a scheme ({@code s3://bucket/path}, {@code hdfs://namenode/path},
 * {@code file:///path}) that the checkpoint storage and the changelog storage use as given. Only a local directory
 * can be searched for the newest checkpoint ({@code --restore latest}).
 */
public final class Checkpoints {
  private static final Pattern CHK = Pattern.compile("chk-(\\d+)");

  /** {@code scheme://...}: a URI (RFC 3986 scheme). */
  private static final Pattern URI_WITH_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

  /** {@code scheme:...} without {@code //} (e.g. the typo {@code s3:/bucket}); one letter is a Windows drive. */
  private static final Pattern SCHEME_WITHOUT_SLASHES =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  private static final String LOCATION_EXPECTED =
      "expected a local directory or a URI with a scheme"
          + " (s3://bucket/path, hdfs://namenode/path, file:///path)";

  private Checkpoints() {}

  /** What to restore from: {@code latest} (default), {@code none}, or a checkpoint or savepoint path. */
  public enum RestoreMode {
    LATEST,
    NONE,
    PATH
  }

  /**
   * The checkpoint directory {@code dir} as a location: a value with a scheme ({@code s3://bucket/path},
   * {@code hdfs://namenode:8020/path}, {@code file:///path}) is the URI as given; anything else is a local path,
   * made absolute ({@link #location(Path)}).
   *
   * @throws IllegalArgumentException on a blank value, a value that is not a valid URI, a scheme without
   *     {@code //} (e.g. {@code s3:/bucket}), a URI without host and path, or a {@code file:} URI with a host or a
   *     relative path; the message names the value and what was expected
   */
  public static URI location(String dir) {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid checkpoint directory '" + dir + "': " + LOCATION_EXPECTED);
    }
    if (!URI_WITH_SCHEME.matcher(dir).matches()) {
      if (SCHEME_WITHOUT_SLASHES.matcher(dir).matches()) {
        throw new IllegalArgumentException(
            "Invalid checkpoint directory '" + dir + "': " + LOCATION_EXPECTED);
      }
      return location(Path.of(dir));
    }
    URI u;
    try {
      u = new URI(dir);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "Invalid checkpoint directory '" + dir + "': " + e.getReason() + "; " + LOCATION_EXPECTED,
          e);
    }
    boolean noPath = u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/");
    if (u.getAuthority() == null && noPath) {
      throw new IllegalArgumentException(
          "Invalid checkpoint directory '" + dir + "': no host and no path; " + LOCATION_EXPECTED);
    }
    if (u.getScheme().equalsIgnoreCase("file") && (u.getAuthority() != null || noPath)) {
      throw new IllegalArgumentException(
          "Invalid checkpoint directory '"
              + dir
              + "': expected a file URI with an absolute path and no host, file:///path");
    }
    return u;
  }

  /**
   * A local directory as a location: its absolute, normalized {@code file:} URI, without a trailing {@code /}
   * whether or not the directory exists.
   */
  public static URI location(Path dir) {
    String s = dir.toAbsolutePath().normalize().toUri().toString();
    return URI.create(s.endsWith("/") && !s.endsWith(":///") ? s.substring(0, s.length() - 1) : s);
  }

  /** The local directory of a {@code file:} location, or empty for any other scheme (s3, hdfs, ...). */
  public static Optional<Path> localDir(URI location) {
    return "file".equalsIgnoreCase(location.getScheme())
        ? Optional.of(Path.of(location))
        : Optional.empty();
  }

  /** The location as printed: the local path of a {@code file:} location, else the URI. */
  public static String describe(URI location) {
    return localDir(location).map(Path::toString).orElse(location.toString());
  }

  /** {@code <location>/<name>}, with one {@code /} between them. */
  static String child(URI location, String name) {
    String s = location.toString();
    return s.endsWith("/") ? s + name : s + "/" + name;
  }

  /**
   * Checkpoints of {@code env} go to {@code dir} (file storage) and are retained on cancellation and failure.
   *
   * @throws IllegalArgumentException if checkpointing is not enabled on {@code env}
   */
  public static void retain(StreamExecutionEnvironment env, Path dir) {
    retain(env, location(dir));
  }

  /**
   * Checkpoints of {@code env} go to {@code location} (a {@link #location}: a local directory or an s3, hdfs or file
   * URI, used as given; the Flink file system of its scheme must be available where the job runs, e.g. the
   * cluster's S3 plugin) and are retained on cancellation and failure; the changelog goes to
   * {@code <location>/changelog} ({@link #changelogStorage(URI)}).
   *
   * @throws IllegalArgumentException if checkpointing is not enabled on {@code env}
   */
  public static void retain(StreamExecutionEnvironment env, URI location) {
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      throw new IllegalArgumentException(
          "Cannot retain checkpoints in " + location + ": checkpointing is not enabled");
    }
    // file checkpoint storage: the job manager's in-memory storage caps state at 5 MB and is lost
    // with the process
    env.getCheckpointConfig().setCheckpointStorage(location.toString());
    env.getCheckpointConfig()
        .setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    env.configure(changelogStorage(location));
  }

  /**
   * The settings that put the changelog state backend's log ({@link StreamingMain#configure}) in
   * {@code <dir>/changelog} on the local file system ({@link #changelogStorage(URI)}).
   */
  public static Configuration changelogStorage(Path dir) {
    return changelogStorage(location(dir));
  }

  /**
   * The settings that put the changelog state backend's log ({@link StreamingMain#configure}) in
   * {@code <location>/changelog}, the location used as given (a local directory's {@code file:} URI, or
   * {@code s3://...}, {@code hdfs://...}): {@code state.changelog.storage = filesystem} and
   * {@code dstl.dfs.base-path = <location>/changelog}. The job sets them ({@link #retain(StreamExecutionEnvironment,
   * URI)}); a cluster may set the same two keys in its configuration (README "Configuration, and moving to a
   * cluster").
   */
  public static Configuration changelogStorage(URI location) {
    Configuration c = new Configuration();
    c.set(
        org.apache.flink.configuration.StateChangelogOptions.STATE_CHANGE_LOG_STORAGE,
        "filesystem");
    c.setString("dstl.dfs.base-path", child(location, "changelog"));
    return c;
  }

  /**
   * The newest complete checkpoint under {@code dir}: of all {@code <job id>/chk-<n>} folders with a
   * {@code _metadata} file, the one whose {@code _metadata} was written last (ties: the higher {@code n}).
   *
   * @return the {@code chk-<n>} folder, or empty when there is none (or {@code dir} does not exist)
   */
  public static Optional<Path> latest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> jobs = Files.list(dir)) {
      return jobs.filter(Files::isDirectory)
          .flatMap(Checkpoints::completed)
          .max(
              Comparator.comparingLong(Checkpoints::metadataTime)
                  .thenComparingLong(Checkpoints::number));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list checkpoints in " + dir, e);
    }
  }

  private static Stream<Path> completed(Path jobDir) {
    try (Stream<Path> s = Files.list(jobDir)) {
      return s
          .filter(p -> CHK.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list checkpoints in " + jobDir, e);
    }
  }

  private static long metadataTime(Path chk) {
    try {
      return Files.getLastModifiedTime(chk.resolve("_metadata")).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + chk.resolve("_metadata"), e);
    }
  }

  private static long number(Path chk) {
    Matcher m = CHK.matcher(chk.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * Resolves a {@code --restore} value against the checkpoint directory.
   *
   * @param restore {@code latest} (the newest retained checkpoint, if any), {@code none}, or a path to a
   *     {@code chk-<n>} folder, its {@code _metadata} file, or a savepoint
   * @param dir the checkpoint directory
   * @return the path to restore from, or empty to start without state
   * @throws IllegalArgumentException if a given path does not exist
   */
  public static Optional<Path> resolve(String restore, Path dir) {
    if (restore == null || restore.equalsIgnoreCase(RestoreMode.LATEST.name())) {
      return latest(dir);
    }
    if (restore.equalsIgnoreCase(RestoreMode.NONE.name())) {
      return Optional.empty();
    }
    Path p = Path.of(restore);
    if (!Files.exists(p)) {
      throw new IllegalArgumentException(
          "Cannot restore from '"
              + restore
              + "': no such checkpoint; expected latest, none, or the path of a chk-N folder or savepoint");
    }
    return Optional.of(p);
  }

  /**
   * Checks a {@code --restore} value against the checkpoint location, without touching any file system.
   *
   * @param restore {@code latest} (also for null), {@code none}, or a checkpoint or savepoint path or URI
   * @param location the checkpoint directory ({@link #location})
   * @return the mode the value selects
   * @throws IllegalArgumentException on {@code latest} with a location that is not local (s3, hdfs, ...): only a
   *     local directory is searched for the newest checkpoint; the message points to {@code --restore PATH} and to
   *     Flink's {@code flink run -s PATH} with {@code --restore none}
   */
  public static RestoreMode restoreMode(String restore, URI location) {
    if (restore == null || restore.equalsIgnoreCase(RestoreMode.LATEST.name())) {
      if (localDir(location).isEmpty()) {
        throw new IllegalArgumentException(
            "Cannot restore 'latest' from checkpoint directory "
                + location
                + ": only a local checkpoint directory is searched for the newest checkpoint; expected --restore PATH"
                + " (the checkpoint's chk-N folder, e.g. "
                + child(location, "<job id>/chk-N")
                + ", or a savepoint),"
                + " or --restore none with Flink's flink run -s PATH");
      }
      return RestoreMode.LATEST;
    }
    return restore.equalsIgnoreCase(RestoreMode.NONE.name()) ? RestoreMode.NONE : RestoreMode.PATH;
  }

  /**
   * Resolves a {@code --restore} value against the checkpoint location ({@link #restoreMode}) into the pointer Flink
   * restores from: {@code latest} is the newest retained checkpoint of a local directory ({@link #latest}; its
   * absolute path); a path with a scheme other than {@code file} (e.g. {@code s3://bucket/chk/<job id>/chk-7}) is
   * passed as given (Flink checks it when the job starts); a local path or {@code file:} URI must exist.
   *
   * @return the pointer, or empty to start without state
   * @throws IllegalArgumentException as {@link #restoreMode}, or if a given local path does not exist
   */
  public static Optional<String> restorePointer(String restore, URI location) {
    return switch (restoreMode(restore, location)) {
      case LATEST ->
          latest(localDir(location).orElseThrow()).map(p -> p.toAbsolutePath().toString());
      case NONE -> Optional.empty();
      case PATH -> {
        Optional<Path> local =
            URI_WITH_SCHEME.matcher(restore).matches()
                ? localDir(location(restore))
                : Optional.of(Path.of(restore));
        yield local.isEmpty()
            ? Optional.of(restore)
            : resolve(local.get().toString(), Path.of(".")).map(p -> p.toAbsolutePath().toString());
      }
    };
  }

  /**
   * Runs the job built on {@code env}, restored from {@code restoreFrom} when present (all state must map to an
   * operator of the graph: operator uids are stable), in CLAIM mode: the new job owns the restored checkpoint and
   * Flink deletes it once newer checkpoints subsume it (the changelog state backend cannot take the full first
   * snapshot that the default NO_CLAIM mode requires). The path is set both in the environment's configuration
   * ({@code execution.state-recovery.path}, which the local and remote executors apply to the job graph, overriding
   * the stream graph's) and on the stream graph (which the test MiniCluster's executor applies).
   */
  public static JobClient executeAsync(
      StreamExecutionEnvironment env, String name, Optional<Path> restoreFrom) throws Exception {
    return executeAsyncFrom(env, name, restoreFrom.map(p -> p.toAbsolutePath().toString()));
  }

  /**
   * {@link #executeAsync} from a restore pointer as Flink takes it: a local absolute path, or a URI such as
   * {@code s3://bucket/checkpoints/<job id>/chk-7} ({@link #restorePointer}).
   */
  public static JobClient executeAsyncFrom(
      StreamExecutionEnvironment env, String name, Optional<String> restoreFrom) throws Exception {
    restoreFrom.ifPresent(
        p -> {
          Configuration c = new Configuration();
          c.set(StateRecoveryOptions.SAVEPOINT_PATH, p);
          c.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, false);
          c.set(
              StateRecoveryOptions.RESTORE_MODE, org.apache.flink.core.execution.RestoreMode.CLAIM);
          env.configure(c);
        });
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(name);
    restoreFrom.ifPresent(
        p ->
            graph.setSavepointRestoreSettings(
                SavepointRestoreSettings.forPath(
                    p, false, org.apache.flink.core.execution.RestoreMode.CLAIM)));
    return env.executeAsync(graph);
  }
}
