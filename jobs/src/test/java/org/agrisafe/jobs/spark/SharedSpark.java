package org.agrisafe.jobs.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM (docs/conventions.md §20.5): local[2], UI off, 2 shuffle partitions, a
 * temporary lakehouse (SQLite JDBC catalog + warehouse folder) with every table created. Tests that write
 * must use their own source systems or clean up what they wrote; the session is never stopped by a test.
 */
public final class SharedSpark {
  private static SparkSession spark;
  private static LakehouseConfig config;

  private SharedSpark() {}

  public static synchronized SparkSession spark() {
    if (spark == null) {
      try {
        Path dir = Files.createTempDirectory("agrisafe-test-lakehouse");
        config =
            LakehouseConfig.load(
                null,
                Map.of(
                    LakehouseConfig.LAKEHOUSE_DIR,
                    dir.toString(),
                    LakehouseConfig.OUTPUT_DIR,
                    dir.resolve("out").toString(),
                    LakehouseConfig.SPARK_SHUFFLE_PARTITIONS,
                    "2",
                    LakehouseConfig.ZONE,
                    "Asia/Shanghai"),
                Map.of());
        spark = SparkSessions.create(config, "agrisafe-tests");
        LakehouseBootstrap.createAll(SparkSessions.icebergCatalog(spark, config), config.zone());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return spark;
  }

  public static synchronized LakehouseConfig config() {
    spark();
    return config;
  }
}
