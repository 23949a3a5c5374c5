package org.agrisafe.risk.golden;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Byte-for-byte comparison of the repository's {@code golden/} with the project's shared golden folder
 * ({@code ../shared/golden}), of which it is a copy (golden/PROVENANCE.md; docs/testing.md).
 */
final class GoldenFolders {

  /** Files of the repository copy that the shared folder does not have by design. */
  static final Set<String> COPY_ONLY = Set.of("PROVENANCE.md");

  /** System property: when {@code true}, an absent shared folder fails the check instead of skipping it. */
  static final String REQUIRED_PROPERTY = "agrisafe.shared.required";

  private GoldenFolders() {}

  /**
   * Every difference between the shared golden folder and its repository copy, one line each, sorted by path:
   * {@code differs: P}, {@code missing in golden/: P} (in the shared folder, not in the copy) and {@code only in
   * golden/, no longer in ../shared/golden: P}. Paths are relative, with {@code /} separators. Files named in
   * {@link #COPY_ONLY} at the top of the copy are not reported.
   *
   * @param shared the shared golden folder ({@code ../shared/golden}); must be a directory
   * @param copy the repository copy ({@code golden/}); a missing folder reports every shared file as missing
   * @return the differences; empty when both hold the same files with the same bytes
   * @throws UncheckedIOException when a folder or file cannot be read
   */
  static List<String> differences(Path shared, Path copy) {
    Set<String> inShared = files(shared);
    Set<String> inCopy = Files.isDirectory(copy) ? files(copy) : new TreeSet<>();
    List<String> out = new ArrayList<>();
    for (String rel : inShared) {
      if (!inCopy.contains(rel)) {
        out.add("missing in golden/: " + rel);
      } else if (mismatch(shared.resolve(rel), copy.resolve(rel)) >= 0) {
        out.add(
            "differs: "
                + rel
                + " (first different byte at offset "
                + mismatch(shared.resolve(rel), copy.resolve(rel))
                + ")");
      }
    }
    for (String rel : inCopy) {
      if (!inShared.contains(rel) && !COPY_ONLY.contains(rel)) {
        out.add("only in golden/, no longer in ../shared/golden: " + rel);
      }
    }
    return out;
  }

  /**
   * The equality check: passes when {@code sharedDir/golden} and {@code copy} are equal (see {@link
   * #differences}); fails listing every difference otherwise. When {@code sharedDir} is absent the check fails if
   * {@code required}, and is otherwise aborted with a JUnit assumption (reported as skipped, with the reason).
   *
   * @param sharedDir the shared folder ({@code ../shared})
   * @param copy the repository's {@code golden/}
   * @param required whether an absent shared folder is an error
   */
  static void check(Path sharedDir, Path copy, boolean required) {
    if (!Files.isDirectory(sharedDir)) {
      String why =
          "../shared is absent ("
              + sharedDir
              + " is not a directory): the equality check of golden/ against ../shared/golden did not run";
      if (required) {
        fail("The shared folder is missing although " + REQUIRED_PROPERTY + "=true: " + why);
      }
      Assumptions.abort(why);
    }
    Path shared = sharedDir.resolve("golden");
    if (!Files.isDirectory(shared)) {
      fail("The shared folder " + sharedDir + " has no golden/ folder to compare golden/ with");
    }
    List<String> diff = differences(shared, copy);
    if (!diff.isEmpty()) {
      fail(
          "golden/ ("
              + copy
              + ") is not a copy of "
              + shared
              + "; copy the shared files unchanged (golden/PROVENANCE.md). "
              + diff.size()
              + " difference(s):\n  "
              + String.join("\n  ", diff));
    }
  }

  private static Set<String> files(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      Set<String> out = new TreeSet<>();
      s.filter(Files::isRegularFile)
          .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
  }

  private static long mismatch(Path a, Path b) {
    try {
      return Files.mismatch(a, b);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot compare " + a + " with " + b, e);
    }
  }
}
