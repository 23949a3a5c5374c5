package org.agrisafe.risk.aberration;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared folder (golden values) from the system properties surefire sets. */
final class SharedFolder {

  private SharedFolder() {}

  /** The shared folder; fails (does not skip) when it is missing. */
  static Path root() {
    Path repo = Path.of(System.getProperty("agrisafe.repo.dir", ".."));
    Path shared = repo.resolve(System.getProperty("agrisafe.shared.dir", "../shared")).normalize();
    if (!Files.isDirectory(shared)) {
      throw new AssertionError(
          "Shared folder " + shared + " is missing: set -Dagrisafe.shared.dir");
    }
    return shared;
  }

  /** A file under golden/aberration; fails when it is missing. */
  static Path goldenAberration(String fileName) {
    Path p = root().resolve("golden").resolve("aberration").resolve(fileName);
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("Golden file " + p + " is missing");
    }
    return p;
  }
}
