package org.agrisafe.risk.spatial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared data folder ({@code agrisafe.shared.dir}) for tests; missing files fail the test. */
final class SharedData {

  private SharedData() {}

  /**
   * @param relative path under the shared folder, e.g. "golden/spatial/columbus_crime.geojson"
   * @return the existing file
   * @throws IllegalStateException if the file does not exist (tests must fail, not skip)
   */
  static Path file(String relative) {
    Path repo = Paths.get(System.getProperty("agrisafe.repo.dir", ".."));
    Path shared = Paths.get(System.getProperty("agrisafe.shared.dir", "../shared"));
    if (!shared.isAbsolute()) {
      shared = repo.resolve(shared);
    }
    Path p = shared.resolve(relative).normalize();
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "Shared file " + p + " is missing: expected it under " + "agrisafe.shared.dir=" + shared);
    }
    return p;
  }
}
