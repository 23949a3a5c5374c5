package org.agrisafe.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
public final class Checkpoints {
  private static final Pattern CHK = Pattern.compile("chk-(\\d+)");

  private Checkpoints() {}

  /** What to restore from: {@code latest} (default), {@code none}, or a checkpoint or savepoint path. */
  public enum RestoreMode { LATEST, NONE, PATH }

  /**
   * Checkpoints of {@code env} go to {@code dir} (file storage) and are retained on cancellation and failure.
   *
   * @throws IllegalArgumentException if checkpointing is not enabled on {@code env}
   */
  public static void retain(StreamExecutionEnvironment env, Path dir) {
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      throw new IllegalArgumentException("Cannot retain checkpoints in " + dir + ": checkpointing is not enabled");
    }
    // file checkpoint storage: the job manager's in-memory storage caps state at 5 MB and is lost with the process
    env.getCheckpointConfig().setCheckpointStorage(dir.toAbsolutePath().toUri().toString());
    env.getCheckpointConfig().setExternalizedCheckpointRetention(
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    env.configure(changelogStorage(dir));
  }

  /**
   * The settings that put the changelog state backend's log ({@link StreamingMain#configure}) in
   * {@code <dir>/changelog} on the file system ({@code state.changelog.storage = filesystem},
   * {@code dstl.dfs.base-path}); a cluster sets the same two keys in its configuration (README "Streaming").
   */
  public static Configuration changelogStorage(Path dir) {
    Configuration c = new Configuration();
    c.set(org.apache.flink.configuration.StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
    c.setString("dstl.dfs.base-path", dir.toAbsolutePath().resolve("changelog").toUri().toString());
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
      return jobs.filter(Files::isDirectory).flatMap(Checkpoints::completed)
          .max(Comparator.comparingLong(Checkpoints::metadataTime).thenComparingLong(Checkpoints::number));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list checkpoints in " + dir, e);
    }
  }

  private static Stream<Path> completed(Path jobDir) {
    try (Stream<Path> s = Files.list(jobDir)) {
      return s.filter(p -> CHK.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.isRegularFile(p.resolve("_metadata"))).toList().stream();
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
      throw new IllegalArgumentException("Cannot restore from '" + restore
          + "': no such checkpoint; expected latest, none, or the path of a chk-N folder or savepoint");
    }
    return Optional.of(p);
  }

  /**
   * Runs the job built on {@code env}, restored from {@code restoreFrom} when present (all state must map to an
   * operator of the graph: operator uids are stable), in CLAIM mode: the new job owns the restored checkpoint and
   * Flink deletes it once newer checkpoints subsume it (the changelog state backend cannot take the full first
   * snapshot that the default NO_CLAIM mode requires). The path is set both in the environment's configuration
   * ({@code execution.state-recovery.path}, which the local and remote executors apply to the job graph, overriding
   * the stream graph's) and on the stream graph (which the test MiniCluster's executor applies).
   */
  public static JobClient executeAsync(StreamExecutionEnvironment env, String name, Optional<Path> restoreFrom)
      throws Exception {
    restoreFrom.ifPresent(p -> {
      Configuration c = new Configuration();
      c.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toAbsolutePath().toString());
      c.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, false);
      c.set(StateRecoveryOptions.RESTORE_MODE, org.apache.flink.core.execution.RestoreMode.CLAIM);
      env.configure(c);
    });
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(name);
    restoreFrom.ifPresent(p -> graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(
        p.toAbsolutePath().toString(), false, org.apache.flink.core.execution.RestoreMode.CLAIM)));
    return env.executeAsync(graph);
  }
}
