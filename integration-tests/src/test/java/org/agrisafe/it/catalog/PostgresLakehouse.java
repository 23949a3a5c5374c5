package org.agrisafe.it.catalog;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.spark.sql.SparkSession;

/**
 * The lakehouse of the server-backed tests: the Iceberg JDBC catalog on the PostgreSQL server started by
 * {@code scripts/postgres-catalog.sh start} (database {@code iceberg_test}, role {@code iceberg}), a fresh
 * warehouse folder, and the one SparkSession of the test JVM built from that configuration only (the jobs are
 * unchanged). The database is emptied first (its catalog tables dropped), so each run starts from nothing.
 *
 * <p>When the server does not answer the test FAILS with the command that starts it: no silent skip. The URL can
 * be changed with {@code -Dagrisafe.pg.url=jdbc:postgresql://host:port/db} (the database name must end in
 * {@code _test}, as it is wiped).
 */
public final class PostgresLakehouse {
  static final String URL_DEFAULT = "jdbc:postgresql://127.0.0.1:5433/iceberg_test";
  static final String USER = "iceberg";
  static final String PASSWORD = System.getProperty("agrisafe.pg.password", "iceberg");

  private static SparkSession spark;
  private static LakehouseConfig config;
  private static Path dir;

  private PostgresLakehouse() {}

  static String url() {
    return System.getProperty("agrisafe.pg.url", URL_DEFAULT);
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  static Path repo() {
    return Path.of(System.getProperty("agrisafe.repo.dir", "..")).toAbsolutePath().normalize();
  }

  static synchronized SparkSession spark() {
    if (spark != null) {
      return spark;
    }
    if (!url().matches(".*/[A-Za-z0-9_]+_test(\\?.*)?$")) {
      fail("Refusing to wipe " + url() + ": the test database's name must end in _test");
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS iceberg_tables");
      s.execute("DROP TABLE IF EXISTS iceberg_namespace_properties");
    } catch (SQLException e) {
      fail(
          "The PostgreSQL catalog is not reachable at "
              + url()
              + " as "
              + USER
              + " ("
              + e.getMessage()
              + "). Start it with: scripts/postgres-catalog.sh start");
    }
    try {
      dir = Files.createTempDirectory("agrisafe-pg-lakehouse");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config =
        LakehouseConfig.load(
            null,
            Map.of(
                LakehouseConfig.CATALOG_URI,
                url(),
                LakehouseConfig.CATALOG_USER,
                USER,
                LakehouseConfig.CATALOG_PASSWORD,
                PASSWORD,
                LakehouseConfig.LAKEHOUSE_DIR,
                dir.toString(),
                LakehouseConfig.OUTPUT_DIR,
                dir.resolve("out").toString(),
                LakehouseConfig.SPARK_SHUFFLE_PARTITIONS,
                "2"),
            Map.of());
    spark = SparkSessions.create(config, "agrisafe-pg-tests");
    String uri = spark.conf().get("spark.sql.catalog." + config.catalogName() + ".uri");
    if (!uri.equals(url())) {
      fail(
          "The test JVM's SparkSession uses catalog "
              + uri
              + ", not "
              + url()
              + ": run the server tests in their own profile (-Pcatalog-pg or -Ptrino)");
    }
    LakehouseBootstrap.createAll(SparkSessions.icebergCatalog(spark, config), config.zone());
    return spark;
  }

  static synchronized LakehouseConfig config() {
    spark();
    return config;
  }

  /** The warehouse folder's URI (file:...), as the catalog has it. */
  static String warehouse() {
    return config().warehouse();
  }
}
