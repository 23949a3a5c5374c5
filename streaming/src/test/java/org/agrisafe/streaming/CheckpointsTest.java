package org.agrisafe.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the checkpoint to restore from: the newest complete {@code chk-N} across job folders. */
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
    Path newest = chk(dir, "job-b", 2, 2_000_000);     // a later job restarts numbering lower: time decides
    chk(dir, "job-b", 3, -1);                          // in progress: no _metadata
    Files.createDirectories(dir.resolve("job-b").resolve("shared"));
    assertEquals(Optional.of(newest), Checkpoints.latest(dir));
    assertEquals(Optional.of(newest), Checkpoints.resolve("latest", dir));
    assertEquals(Optional.empty(), Checkpoints.resolve("none", dir));
    assertEquals(Optional.of(dir.resolve("job-a/chk-7")), Checkpoints.resolve(dir.resolve("job-a/chk-7").toString(),
        dir));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checkpoints.resolve(dir.resolve("nope").toString(), dir));
    assertTrue(e.getMessage().contains("expected latest, none, or the path"), e.getMessage());
  }
}
