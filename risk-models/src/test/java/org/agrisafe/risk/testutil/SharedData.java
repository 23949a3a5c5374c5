package org.agrisafe.risk.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared data folder for tests: the system property {@code agrisafe.shared.dir} (set by surefire),
 * resolved against {@code agrisafe.repo.dir}; default {@code ../shared}. Missing files make the test fail, not skip.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder. */
  public static Path sharedDir() {
    Path repo = Paths.get(System.getProperty("agrisafe.repo.dir", "."));
    return repo.resolve(System.getProperty("agrisafe.shared.dir", "../shared")).normalize();
  }

  /** A file under the shared folder; throws AssertionError when it does not exist. */
  public static Path require(String relative) {
    Path p = sharedDir().resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new AssertionError(
          "Shared file "
              + p
              + " is missing (agrisafe.shared.dir = "
              + System.getProperty("agrisafe.shared.dir")
              + ")");
    }
    return p;
  }
}
