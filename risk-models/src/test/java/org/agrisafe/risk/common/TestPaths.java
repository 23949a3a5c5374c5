package org.agrisafe.risk.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root and shared folder for tests; fails (not skips) when a file is missing. */
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

  /** The shared folder: {@code agrisafe.shared.dir} (default "../shared"), resolved against the repository root. */
  public static Path sharedDir() {
    return repoDir().resolve(System.getProperty("agrisafe.shared.dir", "../shared")).normalize();
  }

  /** A file under the repository root that must exist. */
  public static Path repoFile(String relative) {
    return mustExist(repoDir().resolve(relative));
  }

  /** A file under the shared folder that must exist. */
  public static Path sharedFile(String relative) {
    return mustExist(sharedDir().resolve(relative));
  }

  private static Path mustExist(Path p) {
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("Required test file missing: " + p);
    }
    return p;
  }
}
