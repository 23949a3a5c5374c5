package org.agrisafe.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.jobs.ingest.IngestJob;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production-shaped catalog: the same ingest and pass-rate jobs on the Iceberg JDBC catalog in a real
 * PostgreSQL server (only the configuration changed), the catalog's schema V1 with the shared catalog name, and
 * concurrent writers with a reader losing no commit (Iceberg's optimistic commits retried,
 * {@code commit.retry.num-retries} = the configuration's {@code commit-retries}).
 *
 * <p>Needs {@code scripts/postgres-catalog.sh start}; run with {@code ./mvnw -B -Pcatalog-pg -pl jobs -am verify}.
 */
@Tag("catalog-pg")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresCatalogTest {

  @Test
  @Order(1)
  void ingestAndPassRatesRunUnchangedOnPostgres() throws Exception {
    SparkSession spark = PostgresLakehouse.spark();
    String c = PostgresLakehouse.config().catalogName();
    Path file =
        PostgresLakehouse.repo().resolve("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz");
    IngestJob.Summary s =
        IngestJob.run(
            spark,
            c,
            IngestJob.Format.UK_PRIF,
            file,
            null,
            ReferenceData.loadBundled(),
            PostgresLakehouse.config().zone());
    assertEquals(20_865, s.report().samplesReceived());
    String samples = Tables.SAMPLES.qualifiedName(c);
    assertEquals(20_865, spark.table(samples).count());
    // the same figures as on the embedded SQLite catalog (PrifEndToEndTest; PROVENANCE of the
    // annex)
    assertEquals(
        234,
        spark
            .sql("SELECT * FROM " + samples + " WHERE year(sample_date) = 2019 AND has_exceedance")
            .count());
    assertEquals(
        1_308,
        spark.sql("SELECT * FROM " + Tables.RESULTS.qualifiedName(c) + " WHERE exceeds").count());

    List<Row> rates =
        PassRateJob.run(
                spark,
                c,
                PassRateSpec.of(PeriodType.YEAR, List.of(PassRateSpec.Dimension.SOURCE_SYSTEM)))
            .collectAsList();
    assertEquals(7, rates.size(), "one row per year 2016-2022");
    Row byHand =
        spark
            .sql(
                "SELECT count(*) AS n, count_if(sample_verdict = 'PASS') AS p FROM "
                    + samples
                    + " WHERE programme = 'RANDOM_MONITORING' AND sample_verdict IN ('PASS', 'FAIL')")
            .first();
    assertEquals(byHand.getLong(0), rates.stream().mapToLong(r -> r.getAs("judged")).sum());
    assertEquals(byHand.getLong(1), rates.stream().mapToLong(r -> r.getAs("passed")).sum());
    assertEquals(
        7,
        spark
            .sql(
                "SELECT * FROM "
                    + Tables.PASS_RATES.qualifiedName(c)
                    + " WHERE period_type = 'YEAR' AND dimension_set = 'source_system'")
            .count());

    // The catalog in PostgreSQL: schema V1 (iceberg_type), one catalog name, every table
    // registered.
    try (Connection pg = PostgresLakehouse.connect();
        Statement st = pg.createStatement()) {
      ResultSet r =
          st.executeQuery(
              "SELECT catalog_name, iceberg_type, count(*) FROM iceberg_tables"
                  + " GROUP BY catalog_name, iceberg_type");
      assertTrue(r.next());
      assertEquals("agrisafe", r.getString(1));
      assertEquals(
          "TABLE", r.getString(2), "JDBC catalog schema V1 records the type of each entry");
      assertEquals(LakehouseBootstrap.allTables().size(), r.getInt(3));
      assertTrue(!r.next(), "one catalog name and one type only");
    }
    Table t =
        SparkSessions.icebergCatalog(spark, PostgresLakehouse.config())
            .loadTable(
                TableIdentifier.parse(Tables.SAMPLES.namespace() + "." + Tables.SAMPLES.name()));
    assertEquals(
        PostgresLakehouse.config().get("commit-retries"),
        t.properties().get("commit.retry.num-retries"));
  }

  @Test
  @Order(2)
  void concurrentWritersAndAReaderLoseNoCommit() throws Exception {
    SparkSession spark = PostgresLakehouse.spark();
    String c = PostgresLakehouse.config().catalogName();
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + c + ".it_scratch");
    spark.sql("DROP TABLE IF EXISTS " + c + ".it_scratch.commits PURGE");
    spark.sql(
        "CREATE TABLE "
            + c
            + ".it_scratch.commits (writer STRING, seq INT) USING iceberg"
            + " TBLPROPERTIES ('format-version' = '2')");
    int writers = 2;
    int perWriter = 8;
    AtomicBoolean done = new AtomicBoolean(false);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String name = "w" + w;
        jobs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perWriter; i++) {
                    spark.sql(
                        "INSERT INTO "
                            + c
                            + ".it_scratch.commits VALUES ('"
                            + name
                            + "', "
                            + i
                            + ")");
                  }
                  return null;
                }));
      }
      Future<List<Long>> reader =
          pool.submit(
              () -> {
                List<Long> seen = new ArrayList<>();
                while (!done.get()) {
                  seen.add(spark.read().format("iceberg").load(c + ".it_scratch.commits").count());
                }
                return seen;
              });
      for (Future<?> j : jobs) {
        j.get(10, TimeUnit.MINUTES);
      }
      done.set(true);
      List<Long> seen = reader.get(5, TimeUnit.MINUTES);
      assertTrue(!seen.isEmpty());
      for (long n : seen) {
        assertTrue(n >= 0 && n <= writers * perWriter, "reader saw " + n + " rows");
      }
    } finally {
      pool.shutdownNow();
    }
    Row r =
        spark
            .sql("SELECT count(*), count(DISTINCT writer, seq) FROM " + c + ".it_scratch.commits")
            .first();
    assertEquals(writers * perWriter, r.getLong(0), "no lost commit");
    assertEquals(writers * perWriter, r.getLong(1), "no duplicated commit");
    assertEquals(
        writers * perWriter,
        spark
            .sql("SELECT * FROM " + c + ".it_scratch.commits.snapshots WHERE operation = 'append'")
            .count());
  }
}
