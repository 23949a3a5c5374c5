package org.agrisafe.intake.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the repository and the shared folder for tests; missing files fail the test (never skip). */
public final class TestPaths {

  private TestPaths() {}

  /** The repository root: system property {@code agrisafe.repo.dir}, else the parent of the module directory. */
  static Path repoDir() {
    String repo = System.getProperty("agrisafe.repo.dir");
    return repo != null
        ? Paths.get(repo).toAbsolutePath().normalize()
        : Paths.get("").toAbsolutePath().getParent().normalize();
  }

  /** The shared folder: {@code agrisafe.shared.dir} (default {@code ../shared}), relative to the repo root. */
  static Path sharedDir() {
    return repoDir().resolve(System.getProperty("agrisafe.shared.dir", "../shared")).normalize();
  }

  /** A file in the repository that must exist. */
  static Path repoFile(String relative) {
    return requireFile(repoDir().resolve(relative));
  }

  /** A file in the shared folder that must exist. */
  static Path sharedFile(String relative) {
    return requireFile(sharedDir().resolve(relative));
  }

  private static Path requireFile(Path p) {
    if (!Files.exists(p)) {
      throw new AssertionError("Required test file is missing: " + p);
    }
    return p;
  }
}
