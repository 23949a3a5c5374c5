package org.agrisafe.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.streaming.sinks.CompactionJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same lakehouse arguments give the same {@link LakehouseConfig} in {@code ./agrisafe-stream} and the
 * compaction job as in {@code ./agrisafe} (the jobs' twin of this test, {@code SameLakehouseArgumentsTest} in
 * {@code jobs}, uses the same arguments and the same expected configuration).
 */
class SameLakehouseArgumentsTest {
  static String[] args(Path file) {
    return new String[] {
      "--config",
      file.toString(),
      "--lakehouse-dir",
      "/tmp/agrisafe-same-args/lake",
      "--zone",
      "Europe/London",
      "--catalog-uri=jdbc:sqlite:/tmp/agrisafe-same-args/catalog.db",
      "--iceberg.io-impl",
      "org.example.FileIO",
      "--conf",
      "output-dir=/tmp/agrisafe-same-args/out"
    };
  }

  static Map<String, String> expected(Path file) {
    return LakehouseConfig.load(
            file,
            Map.of(
                "lakehouse-dir", "/tmp/agrisafe-same-args/lake",
                "zone", "Europe/London",
                "catalog-uri", "jdbc:sqlite:/tmp/agrisafe-same-args/catalog.db",
                "iceberg.io-impl", "org.example.FileIO",
                "output-dir", "/tmp/agrisafe-same-args/out"),
            System.getenv())
        .describe();
  }

  @Test
  void streamAndCompactionBuildTheSameConfiguration(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("lake.properties"), "commit-retries=3\nzone=UTC\n");
    String[] a = args(file);
    String[] stream = new String[a.length + 2];
    stream[0] = "--role";
    stream[1] = "job";
    System.arraycopy(a, 0, stream, 2, a.length);
    assertEquals(expected(file), StreamingMain.parse(stream).lakehouse.describe());
    assertEquals(expected(file), CompactionJob.Options.parse(a).lakehouse.describe());
    assertEquals("3", StreamingMain.parse(stream).lakehouse.get("commit-retries"));
  }
}
