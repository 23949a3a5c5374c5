package org.agrisafe.risk.golden;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The comparison behind {@link GoldenCopyTest}, on a temporary shared folder and copy. */
class GoldenFoldersTest {

  @TempDir Path tmp;

  private Path sharedDir;
  private Path shared;
  private Path copy;

  @BeforeEach
  void twoEqualFolders() throws IOException {
    sharedDir = tmp.resolve("shared");
    shared = sharedDir.resolve("golden");
    copy = tmp.resolve("repo/golden");
    for (Path root : List.of(shared, copy)) {
      write(root.resolve("README.md"), "# Golden\n");
      write(root.resolve("binomial/intervals_95.csv"), "successes,trials\n0,10\n");
      write(root.resolve("aberration/cusum.expected.csv"), "index,upperbound,alarm\n1,2.5,FALSE\n");
    }
    write(copy.resolve("PROVENANCE.md"), "copied\n");
  }

  @Test
  void equalFoldersPass() {
    assertEquals(List.of(), GoldenFolders.differences(shared, copy));
    assertDoesNotThrow(() -> GoldenFolders.check(sharedDir, copy, true));
  }

  @Test
  void oneChangedByteNamesTheFile() throws IOException {
    write(copy.resolve("binomial/intervals_95.csv"), "successes,trials\n0,11\n");
    assertEquals(
        List.of("differs: binomial/intervals_95.csv (first different byte at offset 20)"),
        GoldenFolders.differences(shared, copy));
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> GoldenFolders.check(sharedDir, copy, false));
    assertTrue(e.getMessage().contains("differs: binomial/intervals_95.csv"), e.getMessage());
  }

  @Test
  void missingAndExtraFilesAreEachNamed() throws IOException {
    Files.delete(copy.resolve("aberration/cusum.expected.csv"));
    write(shared.resolve("spatial/new_case.geojson"), "{}");
    write(copy.resolve("binomial/old.csv"), "x\n");
    assertEquals(
        List.of(
            "missing in golden/: aberration/cusum.expected.csv",
            "missing in golden/: spatial/new_case.geojson",
            "only in golden/, no longer in ../shared/golden: binomial/old.csv"),
        GoldenFolders.differences(shared, copy));
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> GoldenFolders.check(sharedDir, copy, true));
    assertTrue(e.getMessage().contains("3 difference(s)"), e.getMessage());
    assertTrue(
        e.getMessage().contains("missing in golden/: aberration/cusum.expected.csv"),
        e.getMessage());
    assertTrue(e.getMessage().contains("missing in golden/: spatial/new_case.geojson"));
    assertTrue(e.getMessage().contains("no longer in ../shared/golden: binomial/old.csv"));
  }

  @Test
  void absentSharedFolderSkipsVisiblyOrFailsWhenRequired() {
    Path absent = tmp.resolve("no-such-shared");
    TestAbortedException skipped =
        assertThrows(TestAbortedException.class, () -> GoldenFolders.check(absent, copy, false));
    assertTrue(skipped.getMessage().contains("../shared is absent"), skipped.getMessage());
    assertTrue(skipped.getMessage().contains("did not run"), skipped.getMessage());
    AssertionFailedError failed =
        assertThrows(AssertionFailedError.class, () -> GoldenFolders.check(absent, copy, true));
    assertTrue(failed.getMessage().contains("shared folder is missing"), failed.getMessage());
    assertTrue(failed.getMessage().contains("agrisafe.shared.required=true"), failed.getMessage());
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
