package org.agrisafe.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the checkpoint to restore from (the newest complete {@code chk-N} across job folders), and the checkpoint
 * location: a local directory or a URI (s3, hdfs, file) used as given by the checkpoint and changelog storage.
 */
class CheckpointsTest {
  private static Path chk(Path dir, String job, int n, long metadataMs) throws Exception {
    Path c = Files.createDirectories(dir.resolve(job).resolve("chk-" + n));
    if (metadataMs >= 0) {
      Files.writeString(c.resolve("_metadata"), "x");
      Files.setLastModifiedTime(c.resolve("_metadata"), FileTime.fromMillis(metadataMs));
    }
    return c;
  }

  @Test
  void latestIsTheNewestCompleteCheckpointOfAnyJob(@TempDir Path dir) throws Exception {
    assertEquals(Optional.empty(), Checkpoints.latest(dir.resolve("missing")));
    assertEquals(Optional.empty(), Checkpoints.latest(dir));
    chk(dir, "job-a", 7, 1_000_000);
    Path newest =
        chk(dir, "job-b", 2, 2_000_000); // a later job restarts numbering lower: time decides
    chk(dir, "job-b", 3, -1); // in progress: no _metadata
    Files.createDirectories(dir.resolve("job-b").resolve("shared"));
    assertEquals(Optional.of(newest), Checkpoints.latest(dir));
    assertEquals(Optional.of(newest), Checkpoints.resolve("latest", dir));
    assertEquals(Optional.empty(), Checkpoints.resolve("none", dir));
    assertEquals(
        Optional.of(dir.resolve("job-a/chk-7")),
        Checkpoints.resolve(dir.resolve("job-a/chk-7").toString(), dir));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Checkpoints.resolve(dir.resolve("nope").toString(), dir));
    assertTrue(e.getMessage().contains("expected latest, none, or the path"), e.getMessage());
  }

  private static final String BASE_PATH = "dstl.dfs.base-path";

  private static String basePath(Configuration c) {
    return c.get(ConfigOptions.key(BASE_PATH).stringType().noDefaultValue());
  }

  @Test
  void aLocalDirectoryIsItsAbsoluteFileUri(@TempDir Path dir) {
    assertEquals(
        URI.create("file:///tmp/agrisafe%20chk/x"), Checkpoints.location("/tmp/agrisafe chk/x"));
    assertEquals(
        Optional.of(Path.of("/tmp/agrisafe chk/x")),
        Checkpoints.localDir(Checkpoints.location("/tmp/agrisafe chk/x")));
    assertEquals(URI.create("file:///tmp/chk"), Checkpoints.location("/tmp/a/../chk/"));
    URI relative = Checkpoints.location("rel/chk");
    assertEquals(Optional.of(Path.of("rel/chk").toAbsolutePath()), Checkpoints.localDir(relative));
    // an existing directory: no trailing slash either (Path.toUri adds one)
    assertEquals(dir.toUri().toString(), Checkpoints.location(dir) + "/");
    assertEquals(Checkpoints.location(dir), Checkpoints.location(dir.toString()));
    assertEquals(dir.toString(), Checkpoints.describe(Checkpoints.location(dir)));
    assertEquals(
        Optional.of(Path.of("/tmp/chk")),
        Checkpoints.localDir(Checkpoints.location("file:///tmp/chk")));
  }

  @Test
  void aUriWithASchemeIsUsedAsGiven() {
    for (String u :
        new String[] {
          "s3://agrisafe-lakehouse/checkpoints",
          "s3://agrisafe-lakehouse/checkpoints/",
          "hdfs://namenode:8020/agrisafe/checkpoints",
          "hdfs:///agrisafe/checkpoints",
          "s3a://bucket"
        }) {
      URI l = Checkpoints.location(u);
      assertEquals(u, l.toString());
      assertEquals(Optional.empty(), Checkpoints.localDir(l));
      assertEquals(u, Checkpoints.describe(l));
    }
    for (String bad :
        new String[] {
          "",
          " ",
          "s3:/bucket/chk",
          "hdfs:chk",
          "s3://",
          "s3://bucket/a b",
          "file://host/tmp/chk",
          "file://relative",
          "file:///"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Checkpoints.location(bad), bad);
      assertTrue(
          e.getMessage().startsWith("Invalid checkpoint directory '" + bad + "': "),
          e.getMessage());
    }
  }

  @Test
  void changelogStorageIsUnderTheLocationAsGiven(@TempDir Path dir) {
    Configuration s3 =
        Checkpoints.changelogStorage(URI.create("s3://agrisafe-lakehouse/checkpoints"));
    assertEquals("filesystem", s3.get(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE));
    assertEquals("s3://agrisafe-lakehouse/checkpoints/changelog", basePath(s3));
    assertEquals(
        "s3://b/chk/changelog", basePath(Checkpoints.changelogStorage(URI.create("s3://b/chk/"))));
    assertEquals(
        "hdfs://nn:8020/chk/changelog",
        basePath(Checkpoints.changelogStorage(Checkpoints.location("hdfs://nn:8020/chk"))));
    assertEquals(dir.toUri() + "changelog", basePath(Checkpoints.changelogStorage(dir)));
    assertEquals(
        "file:///tmp/chk/changelog", basePath(Checkpoints.changelogStorage(Path.of("/tmp/chk"))));
  }

  @Test
  void retainPutsCheckpointsAndChangelogAtTheUri() {
    StreamExecutionEnvironment env =
        StreamingMain.configure(StreamExecutionEnvironment.getExecutionEnvironment(), 1000);
    Checkpoints.retain(env, URI.create("s3://agrisafe-lakehouse/checkpoints"));
    FileSystemCheckpointStorage storage =
        (FileSystemCheckpointStorage) env.getCheckpointConfig().getCheckpointStorage();
    assertEquals(
        URI.create("s3://agrisafe-lakehouse/checkpoints"), storage.getCheckpointPath().toUri());
    assertEquals(
        "s3://agrisafe-lakehouse/checkpoints/changelog",
        basePath((Configuration) env.getConfiguration()));
    assertEquals(
        "filesystem", env.getConfiguration().get(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE));
  }

  @Test
  void restoreWithARemoteLocation(@TempDir Path dir) throws Exception {
    URI s3 = URI.create("s3://b/chk");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Checkpoints.restorePointer("latest", s3));
    assertTrue(e.getMessage().contains("expected --restore PATH"), e.getMessage());
    assertTrue(
        e.getMessage().contains("--restore none with Flink's flink run -s PATH"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoints.restoreMode(null, URI.create("hdfs:///chk")));
    assertEquals(Checkpoints.RestoreMode.NONE, Checkpoints.restoreMode("none", s3));
    assertEquals(Optional.empty(), Checkpoints.restorePointer("none", s3));
    assertEquals(
        Checkpoints.RestoreMode.PATH, Checkpoints.restoreMode("s3://b/chk/0a1b/chk-7", s3));
    assertEquals(
        Optional.of("s3://b/chk/0a1b/chk-7"),
        Checkpoints.restorePointer("s3://b/chk/0a1b/chk-7", s3));

    // a local location: latest is searched; a local path or file URI must exist
    URI local = Checkpoints.location(dir);
    assertEquals(Optional.empty(), Checkpoints.restorePointer("latest", local));
    Path newest = chk(dir, "job-a", 3, 1_000_000);
    assertEquals(
        Optional.of(newest.toAbsolutePath().toString()),
        Checkpoints.restorePointer("latest", local));
    assertEquals(
        Optional.of(newest.toAbsolutePath().toString()),
        Checkpoints.restorePointer(newest.toUri().toString(), s3));
    assertEquals(
        Optional.of(newest.toAbsolutePath().toString()),
        Checkpoints.restorePointer(newest.toString(), s3));
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoints.restorePointer(dir.resolve("nope").toUri().toString(), local));
  }
}
