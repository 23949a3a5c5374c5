package org.agrisafe.jobs.spark;

import java.util.Map;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession a job (or a test JVM) uses, wired to the lakehouse's Iceberg catalog.
 *
 * <p>Embedded default: {@code local[2]}, UI off, few shuffle partitions, the Iceberg JDBC catalog on a SQLite
 * file. Under {@code spark-submit} the master comes from the submitter ({@code spark.master} is already set) and
 * this class only adds the catalog, so the same jar runs on a cluster with a different configuration file.
 * The session time zone is UTC: local periods are stored columns ({@code sample_month}), not computed from
 * the session zone.
 *
 * <p>{@link #create} refuses a lakehouse built with another zone than {@link LakehouseConfig#zone()}
 * ({@link LakehouseBootstrap#checkZone}, docs/conventions.md §13.2), so every job of the {@code ./agrisafe} CLI
 * cuts its days, weeks and months in the lakehouse's one zone.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * The session for {@code config}'s lakehouse.
   *
   * @throws IllegalStateException if the lakehouse records another zone than {@code config.zone()} (names both)
   */
  public static SparkSession create(LakehouseConfig config, String appName) {
    if (config.isEmbedded()) {
      try {
        java.nio.file.Files.createDirectories(config.lakehouseDir());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(
            "Cannot create the lakehouse folder " + config.lakehouseDir(), e);
      }
    }
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    boolean submitted = System.getProperty("spark.master") != null;
    if (!submitted) {
      b.master(config.get(LakehouseConfig.SPARK_MASTER))
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    b.config("spark.sql.shuffle.partitions", config.get(LakehouseConfig.SPARK_SHUFFLE_PARTITIONS))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config(
            "spark.sql.extensions",
            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.defaultCatalog", config.catalogName());
    String prefix = "spark.sql.catalog." + config.catalogName();
    b.config(prefix, "org.apache.iceberg.spark.SparkCatalog");
    for (Map.Entry<String, String> e : config.icebergCatalogProperties().entrySet()) {
      b.config(prefix + "." + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : config.sparkProperties().entrySet()) {
      b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    checkZone(spark, config);
    return spark;
  }

  /**
   * Refuses {@code config}'s lakehouse when it was built with another zone than {@code config.zone()}
   * ({@link LakehouseBootstrap#checkZone}); {@link #create} calls it.
   *
   * @throws IllegalStateException naming both zones
   */
  public static void checkZone(SparkSession spark, LakehouseConfig config) {
    LakehouseBootstrap.checkZone(icebergCatalog(spark, config), config.zone());
  }

  /**
   * An Iceberg catalog client for the lakehouse (same properties as the session's catalog), for table
   * administration: creating tables, reading snapshots, tagging. It is cached per session and closed with the
   * JVM.
   */
  public static synchronized Catalog icebergCatalog(SparkSession spark, LakehouseConfig config) {
    return CATALOGS.computeIfAbsent(
        config.catalogName() + "|" + config.catalogUri(),
        k ->
            CatalogUtil.buildIcebergCatalog(
                config.catalogName(),
                config.icebergCatalogProperties(),
                spark.sparkContext().hadoopConfiguration()));
  }

  private static final Map<String, Catalog> CATALOGS = new java.util.HashMap<>();
}
