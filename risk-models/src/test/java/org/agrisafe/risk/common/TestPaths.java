package org.agrisafe.risk.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root for tests; fails (not skips) when a file is missing. */
public final class TestPaths {
  private TestPaths() {}

  /** The repository root: system property {@code agrisafe.repo.dir}, else the parent of the module directory. */
  public static Path repoDir() {
    String p = System.getProperty("agrisafe.repo.dir");
    if (p != null) {
      return Path.of(p).toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath();
    return Files.exists(cwd.resolve("reference-data")) ? cwd : cwd.getParent();
  }

  /** A file under the repository root that must exist. */
  public static Path repoFile(String relative) {
    return mustExist(repoDir().resolve(relative));
  }

  private static Path mustExist(Path p) {
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("Required test file missing: " + p);
    }
    return p;
  }
}
