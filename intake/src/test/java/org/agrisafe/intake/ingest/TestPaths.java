package org.agrisafe.intake.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the repository for tests; missing files fail the test (never skip). */
public final class TestPaths {

  private TestPaths() {}

  /** The repository root: system property {@code agrisafe.repo.dir}, else the parent of the module directory. */
  static Path repoDir() {
    String repo = System.getProperty("agrisafe.repo.dir");
    return repo != null
        ? Paths.get(repo).toAbsolutePath().normalize()
        : Paths.get("").toAbsolutePath().getParent().normalize();
  }

  /** A file in the repository that must exist. */
  static Path repoFile(String relative) {
    return requireFile(repoDir().resolve(relative));
  }

  private static Path requireFile(Path p) {
    if (!Files.exists(p)) {
      throw new AssertionError("Required test file is missing: " + p);
    }
    return p;
  }
}
