package org.agrisafe.jobs.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Exports a DataFrame for analysts as ONE file (CSV with a header, UTF-8, or Parquet), replacing an earlier
 * export of the same name. Meant for analytics outputs (thousands of rows), not raw tables at scale: those are
 * read in place from the lakehouse (Trino, PyIceberg).
 */
public final class Exporter {
  private Exporter() {}

  /** Output formats. */
  public enum Format {
    CSV,
    PARQUET;

    public static Format parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Unknown export format '" + s + "': expected csv or parquet");
      }
    }

    String extension() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Writes {@code df} to {@code dir/name.<csv|parquet>}.
   *
   * @return the file written
   */
  public static Path export(Dataset<Row> df, Format format, Path dir, String name) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempDirectory(dir, "." + name + "-");
      String tmpUri = tmp.resolve("data").toUri().toString();
      var w = df.coalesce(1).write().mode(SaveMode.Overwrite);
      if (format == Format.CSV) {
        w.option("header", "true").option("encoding", "UTF-8").option("nullValue", "").csv(tmpUri);
      } else {
        w.parquet(tmpUri);
      }
      Path part;
      try (Stream<Path> files = Files.list(tmp.resolve("data"))) {
        List<Path> parts =
            files.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
        if (parts.size() != 1) {
          throw new IllegalStateException(
              "Expected one part file in " + tmp + ", found " + parts.size());
        }
        part = parts.get(0);
      }
      Path target = dir.resolve(name + "." + format.extension());
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      deleteTree(tmp);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot export " + name + " to " + dir, e);
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
