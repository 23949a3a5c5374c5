package org.agrisafe.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.jobs.ingest.IngestJob;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real Trino server (io.trino:trino-server, started by {@code trino/trino-server.sh} with the shipped catalog
 * file {@code trino/catalog/agrisafe.properties}) over the Iceberg JDBC catalog in PostgreSQL, queried through
 * trino-jdbc: the analytics tables hold exactly what Spark wrote, the saved queries run, and a lab's correction
 * shows once in Spark, Trino and PyIceberg.
 *
 * <p>Needs {@code scripts/postgres-catalog.sh start}, {@code trino/trino-server.sh install} (download cached in
 * ~/.m2) and a Java 24+ JDK for the server, and {@code notebooks/run.sh --setup} for the PyIceberg reader; each
 * missing piece FAILS the test with the command to run. {@code ./mvnw -B -Ptrino -pl jobs -am verify}.
 */
@Tag("trino")
class TrinoLakehouseTest {
  static final int PORT = Integer.getInteger("agrisafe.trino.port", 18081);
  static final String CATEGORY_FILTER =
      "period_type = 'YEAR' AND dimension_set = 'source_system+category'"
          + " AND programme_scope = 'RANDOM_MONITORING'";
  static final String RATE_COLUMNS =
      "source_system, period, category, tested, judged, passed, detected, exceeding,"
          + " pass_rate, pass_rate_low, pass_rate_high, exceedance_rate, exceedance_rate_low, exceedance_rate_high";
  static Path state;
  static String correctedId;

  @BeforeAll
  static void writeWithSparkThenStartTrino() throws Exception {
    SparkSession spark = PostgresLakehouse.spark();
    String c = PostgresLakehouse.config().catalogName();
    ReferenceData ref = ReferenceData.loadBundled();
    Path prif =
        PostgresLakehouse.repo().resolve("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz");
    IngestJob.run(
        spark, c, IngestJob.Format.UK_PRIF, prif, null, ref, PostgresLakehouse.config().zone());
    PassRateJob.run(
        spark,
        c,
        PassRateSpec.of(
            PeriodType.YEAR,
            List.of(PassRateSpec.Dimension.SOURCE_SYSTEM, PassRateSpec.Dimension.CATEGORY)));
    PassRateJob.run(
        spark,
        c,
        PassRateSpec.of(
            PeriodType.MONTH,
            List.of(PassRateSpec.Dimension.SOURCE_SYSTEM, PassRateSpec.Dimension.CATEGORY)));

    // A lab uploads a result (procymidone on chives 0.3 mg/kg, above the GB 2763 MRL 0.2), then
    // corrects it
    // (revision 2: 0.1 mg/kg). Spark's MERGE (merge-on-read) leaves revision 1 behind a position
    // delete.
    Path dir = Files.createTempDirectory("agrisafe-trino-upload");
    IngestJob.run(
        spark,
        c,
        IngestJob.Format.UPLOAD,
        write(dir.resolve("rev1.jsonl"), upload(1, "0.3")),
        null,
        ref,
        PostgresLakehouse.config().zone());
    IngestJob.run(
        spark,
        c,
        IngestJob.Format.UPLOAD,
        write(dir.resolve("rev2.jsonl"), upload(2, "0.1")),
        null,
        ref,
        PostgresLakehouse.config().zone());
    correctedId =
        spark
            .sql(
                "SELECT result_id FROM "
                    + Tables.RESULTS.qualifiedName(c)
                    + " WHERE result_id LIKE '%TRINO-R1'")
            .first()
            .getString(0);

    state = PostgresLakehouse.repo().resolve("jobs/target/trino-it");
    Process p = trinoScript("start").start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      fail(
          "Trino did not start ("
              + state.resolve("script.log")
              + "):\n"
              + tail(state.resolve("script.log"))
              + "\nInstall it with trino/trino-server.sh install; it needs a Java 24+ JDK (AGRISAFE_TRINO_JAVA_HOME).");
    }
  }

  @AfterAll
  static void stopTrino() throws Exception {
    if (state != null) {
      trinoScript("stop").start().waitFor(2, TimeUnit.MINUTES);
    }
  }

  @Test
  void trinoReadsExactlyWhatSparkWrote() throws Exception {
    SparkSession spark = PostgresLakehouse.spark();
    String c = PostgresLakehouse.config().catalogName();
    List<String> fromSpark =
        spark
            .sql(
                "SELECT "
                    + RATE_COLUMNS
                    + " FROM "
                    + Tables.PASS_RATES.qualifiedName(c)
                    + " WHERE "
                    + CATEGORY_FILTER
                    + " ORDER BY source_system, period, category")
            .collectAsList()
            .stream()
            .map(TrinoLakehouseTest::line)
            .collect(Collectors.toList());
    List<String> fromTrino =
        trino(
            "SELECT "
                + RATE_COLUMNS
                + " FROM analytics.pass_rates WHERE "
                + CATEGORY_FILTER
                + " ORDER BY source_system, period, category");
    assertTrue(fromSpark.size() > 50, "yearly rates by category: " + fromSpark.size());
    assertEquals(
        fromSpark,
        fromTrino,
        "analytics.pass_rates through Trino equals Spark's rows, value for value");

    assertEquals(
        List.of("20865|234"),
        trino(
            "SELECT count(*), count_if(year(sample_date) = 2019 AND has_exceedance)"
                + " FROM monitoring.samples WHERE source_system = 'UK_PRIF'"));
    assertEquals(
        List.of(String.valueOf(spark.table(Tables.RESULTS.qualifiedName(c)).count())),
        trino("SELECT count(*) FROM monitoring.results"));
  }

  @Test
  void savedQueriesRun() throws Exception {
    Path dir = PostgresLakehouse.repo().resolve("trino/queries");
    Map<String, Integer> rows = new TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
        rows.put(
            f.getFileName().toString(), trino(Files.readString(f, StandardCharsets.UTF_8)).size());
      }
    }
    assertEquals(3, rows.size(), rows.toString());
    assertTrue(rows.get("pass_rate_by_month_and_category.sql") > 100, rows.toString());
    assertEquals(50, rows.get("top_exceedances.sql"), rows.toString());
    assertTrue(rows.containsKey("warnings_by_state.sql"), rows.toString());
  }

  @Test
  void aCorrectionShowsOnceInSparkTrinoAndPyIceberg() throws Exception {
    SparkSession spark = PostgresLakehouse.spark();
    String c = PostgresLakehouse.config().catalogName();
    String q = " FROM %s WHERE result_id = '" + correctedId + "'";
    String expected = "1|2|0.1|PASS";
    String select = "SELECT count(*), max(revision), max(value_mg_per_kg), max(verdict)";
    assertEquals(
        List.of(expected),
        spark.sql(select + q.formatted(Tables.RESULTS.qualifiedName(c))).collectAsList().stream()
            .map(TrinoLakehouseTest::line)
            .toList(),
        "Spark");
    assertEquals(List.of(expected), trino(select + q.formatted("monitoring.results")), "Trino");
    assertEquals(
        List.of("2"),
        trino("SELECT count(*)" + q.formatted("monitoring.result_revisions")),
        "both revisions kept in the history");
    assertEquals(expected, pyIceberg(correctedId), "PyIceberg (position deletes applied)");
  }

  // ------------------------------------------------------------------ helpers

  static String upload(int revision, String value) {
    return "{\"result_id\":\"TRINO-R1\",\"revision\":"
        + revision
        + ",\"sample_id\":\"TRINO-S1\","
        + "\"lab_id\":\"370100-QC-01\",\"lab_level\":\"city\",\"sampling_stage\":\"wholesale_market\","
        + "\"division_code\":\"370102\",\"commodity\":\"韭菜\",\"analyte\":\"腐霉利\",\"method\":\"GC-MS\","
        + "\"value\":\""
        + value
        + "\",\"unit\":\"mg/kg\",\"sampled_at\":\"2022-07-01T00:30:00+08:00\","
        + "\"programme\":\"random_monitoring\"}";
  }

  static Path write(Path file, String line) throws IOException {
    return Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
  }

  static ProcessBuilder trinoScript(String command) throws IOException {
    Files.createDirectories(state);
    ProcessBuilder pb =
        new ProcessBuilder(
            "bash", PostgresLakehouse.repo().resolve("trino/trino-server.sh").toString(), command);
    pb.environment()
        .putAll(
            Map.of(
                "AGRISAFE_CATALOG_URI", PostgresLakehouse.url(),
                "AGRISAFE_CATALOG_USER", PostgresLakehouse.USER,
                "AGRISAFE_CATALOG_PASSWORD", PostgresLakehouse.PASSWORD,
                "AGRISAFE_WAREHOUSE", PostgresLakehouse.warehouse(),
                "AGRISAFE_TRINO_PORT", String.valueOf(PORT),
                "AGRISAFE_TRINO_STATE", state.toString()));
    pb.redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("script.log").toFile()));
    return pb;
  }

  static List<String> trino(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:trino://127.0.0.1:" + PORT + "/agrisafe", "agrisafe-it", null);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData md = r.getMetaData();
      List<String> out = new ArrayList<>();
      while (r.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cells.add(cell(r.getObject(i)));
        }
        out.add(String.join("|", cells));
      }
      return out;
    }
  }

  static String line(Row r) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      cells.add(cell(r.get(i)));
    }
    return String.join("|", cells);
  }

  /** One cell as text: doubles in full (Double.toString round-trips), integers of any width alike. */
  static String cell(Object o) {
    if (o == null) {
      return "null";
    }
    if (o instanceof Double d) {
      return Double.toString(d);
    }
    return o.toString();
  }

  /** Reads the result through PyIceberg's SQL catalog on the same PostgreSQL catalog, in the notebooks' venv. */
  static String pyIceberg(String resultId) throws Exception {
    Path python = PostgresLakehouse.repo().resolve(".venv-notebooks/bin/python");
    if (!Files.isExecutable(python)) {
      fail("No notebooks venv at " + python + ": create it with notebooks/run.sh --setup");
    }
    String url =
        PostgresLakehouse.url()
            .replace(
                "jdbc:postgresql://",
                "postgresql+psycopg2://"
                    + PostgresLakehouse.USER
                    + ":"
                    + PostgresLakehouse.PASSWORD
                    + "@");
    String code =
        String.join(
            "\n",
            "import sys",
            "from agrisafe_lakehouse import table",
            "from pyiceberg.expressions import EqualTo",
            "d = table('monitoring.results', EqualTo('result_id', sys.argv[1]))",
            "print(f\"{len(d)}|{d.revision.max()}|{d.value_mg_per_kg.max()}|{d.verdict.max()}\")");
    ProcessBuilder pb =
        new ProcessBuilder(python.toString(), "-c", code, resultId)
            .directory(PostgresLakehouse.repo().resolve("notebooks").toFile())
            .redirectErrorStream(true);
    pb.environment().put("AGRISAFE_PYICEBERG_URI", url);
    pb.environment().put("AGRISAFE_WAREHOUSE", PostgresLakehouse.warehouse());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(
        p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "PyIceberg reader failed:\n" + out);
    String[] lines = out.split("\n");
    return lines[lines.length - 1];
  }

  static String tail(Path log) {
    try {
      List<String> l = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
