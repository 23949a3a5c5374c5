package org.agrisafe.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.synthetic.NationalGenerator;
import org.apache.spark.sql.SparkSession;

/**
 * The cold-process half of {@link PassRateCubeBenchmark}: a new JVM that computes the pass-rate cube once and
 * prints {@code RESULT <epoch ms> <groups>} when it has the result, then halts (tear-down is not part of the
 * figure). {@code spark}: session start (the benchmark's session settings) + Iceberg catalog + the cube on
 * {@code bench.samples}; {@code duckdb FILE}: DuckDB driver load + the SQL in FILE (the same cube over the
 * snapshot's files, from {@link PassRateCubeBenchmark#duckSql}).
 */
public final class ColdCube {
  private ColdCube() {}

  public static void main(String[] args) throws Exception {
    long groups;
    if (args[0].equals("spark")) {
      LakehouseConfig cfg =
          LakehouseConfig.load(null, PassRateCubeBenchmark.SESSION, System.getenv());
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-bench-cold");
      groups =
          PassRateJob.transform(
                  spark.table(NationalGenerator.samplesTable().qualifiedName(cfg.catalogName())),
                  PassRateCubeBenchmark.CUBE,
                  null)
              .collectAsList()
              .size();
    } else if (args[0].equals("duckdb")) {
      String sql = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement()) {
        st.execute("SET threads TO 2");
        groups = PassRateCubeBenchmark.duckRows(st, sql).size();
      }
    } else {
      throw new IllegalArgumentException(
          "Unknown engine '" + args[0] + "': expected spark or duckdb");
    }
    System.out.println("RESULT " + System.currentTimeMillis() + " " + groups);
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  /**
   * Starts a new JVM (this JVM's java, options and class path) running {@link #main} and returns the seconds from
   * just before the start to the moment it printed its result.
   *
   * @throws IllegalStateException if the process fails or prints no result (its stderr tail is in the message)
   */
  static double launch(String engine, String sqlFile) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ColdCube.class.getName());
    cmd.add(engine);
    if (sqlFile != null) {
      cmd.add(sqlFile);
    }
    File err = File.createTempFile("agrisafe-cold", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err);
    long start = System.currentTimeMillis();
    Process p = pb.start();
    String result = null;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line;
        }
      }
    }
    int rc = p.waitFor();
    String tail = tail(err.toPath());
    err.delete();
    if (rc != 0 || result == null) {
      throw new IllegalStateException(
          "Cold " + engine + " process failed (exit " + rc + "): " + tail);
    }
    String[] f = result.split(" ");
    System.err.println("  cold " + engine + ": " + f[2] + " groups");
    return (Long.parseLong(f[1]) - start) / 1000.0;
  }

  private static String tail(Path p) throws java.io.IOException {
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
