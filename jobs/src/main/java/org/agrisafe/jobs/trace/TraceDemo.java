package org.agrisafe.jobs.trace;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.trace.BuyerHasher;
import org.agrisafe.intake.trace.TraceReference;
import org.agrisafe.jobs.ingest.IngestJob;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TraceTables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.synthetic.JinanTraceGenerator;
import org.agrisafe.synthetic.JinanTraceGenerator.Expectation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The traceability demo in one call: generates the SYNTHETIC Jinan data (seeded, {@link JinanTraceGenerator})
 * into {@code <lakehouse-dir>/landing/jinan-synthetic-trace} (a landing folder: the shop ledger export there
 * holds synthetic ID numbers in clear, as a real export would; it is not a published output), ingests the test
 * results with the platform batch ingest ({@code IngestJob.run(... Format.UPLOAD ...)}) and the input/trace
 * files with {@link TraceIngestJob}, runs the trace-back ({@link TraceBackJob}, 90-day window), the ledger checks
 * ({@link LedgerCheckJob}), the enforcement leads ({@link LeadsJob}) and the sales statistics
 * ({@link SalesStatsJob}), writes the trace lookup JSON of the first planted case
 * ({@code <output-dir>/trace/<code>.json}) and checks every planted case and decoy of the generator's manifest.
 */
public final class TraceDemo {
  private TraceDemo() {}

  /** One planted case or decoy and whether the outputs match it. */
  public record Check(String id, String kind, boolean passed, String detail) {}

  /** What the demo did; {@link #toString()} is the printable summary. */
  public record Result(
      JinanTraceGenerator.Manifest manifest,
      IngestJob.Summary results,
      TraceIngestJob.Summary inputs,
      long traceBackRows,
      LedgerCheckJob.Summary ledgerChecks,
      LeadsJob.Summary leads,
      long salesStatsRows,
      Path salesCsv,
      Path lookupJson,
      String lookupText,
      List<Check> checks,
      List<PersonalDataScan.Hit> personalData,
      List<String> timings) {

    /**
     * Whether every planted case was found, no decoy flagged and no personal data found in clear (a personal-data
     * hit in any table or output fails the demo, as docs/conventions.md §17 requires).
     */
    public boolean allPassed() {
      return failures().isEmpty();
    }

    /**
     * Why the demo failed, one line per cause: each planted case or decoy not as expected, and each personal-data
     * hit with the field (table column or file) that holds it and the masked value; empty when all passed.
     */
    public List<String> failures() {
      List<String> out = new ArrayList<>();
      for (Check c : checks) {
        if (!c.passed()) {
          out.add(c.kind() + " " + c.id() + " not as expected: " + c.detail());
        }
      }
      for (PersonalDataScan.Hit h : personalData) {
        out.add("personal data in clear: " + h.kind() + " " + h.masked() + " in " + h.where());
      }
      return out;
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      b.append("Traceability on SYNTHETIC Jinan data (seeded generator")
          .append(", landing ")
          .append(manifest.dir())
          .append("): ")
          .append(manifest.counts())
          .append('\n');
      b.append("  test results ingested: ")
          .append(results.accepted())
          .append(" samples accepted, ")
          .append(results.rejected())
          .append(" rejected\n");
      b.append("  ").append(inputs.toString().replace("\n", "\n  ")).append('\n');
      b.append("  trace-back rows (90-day window): ").append(traceBackRows).append('\n');
      b.append("  ").append(ledgerChecks).append('\n');
      b.append("  ").append(leads).append('\n');
      b.append("  sales statistics rows (month x county x active ingredient): ")
          .append(salesStatsRows)
          .append(", exported to ")
          .append(salesCsv)
          .append('\n');
      b.append("  trace lookup JSON: ").append(lookupJson).append('\n');
      b.append("  ").append(lookupText.replace("\n", "\n  ")).append('\n');
      b.append("  personal-data scan of every table and of ")
          .append(lookupJson.getParent().getParent())
          .append(": ")
          .append(
              personalData.isEmpty()
                  ? "nothing in clear"
                  : personalData.size() + " HITS " + personalData)
          .append('\n');
      b.append("  step times: ").append(String.join(", ", timings)).append('\n');
      long ok = checks.stream().filter(Check::passed).count();
      b.append(
          String.format(
              Locale.ROOT,
              "  planted cases and decoys: %d of %d as expected%n",
              ok,
              checks.size()));
      for (Check c : checks) {
        b.append(
            String.format(
                Locale.ROOT,
                "    %-4s %-40s %-18s %s%n",
                c.passed() ? "ok" : "FAIL",
                c.id(),
                c.kind(),
                c.detail()));
      }
      return b.toString();
    }
  }

  /**
   * Runs the whole traceability demo on the lakehouse of {@code cfg} (tables created if missing).
   *
   * @return the summary; call {@link Result#allPassed()} to know whether every expectation held
   */
  public static Result run(SparkSession spark, LakehouseConfig cfg, IcebergReference.Loaded ref) {
    return run(spark, cfg, ref, JinanTraceGenerator.Params.defaults());
  }

  /**
   * As {@link #run(SparkSession, LakehouseConfig, IcebergReference.Loaded)} with other generator parameters.
   *
   * @param ref the reference data judged with and its version ({@link IcebergReference#seedAndLoad})
   */
  public static Result run(
      SparkSession spark,
      LakehouseConfig cfg,
      IcebergReference.Loaded ref,
      JinanTraceGenerator.Params params) {
    String catalog = cfg.catalogName();
    Timer timer = new Timer();
    LakehouseBootstrap.createAll(SparkSessions.icebergCatalog(spark, cfg), cfg.zone());
    BuyerHasher hasher = BuyerHasher.fromConfig(cfg);
    TraceReference tref = TraceReference.loadBundled(ref.data());
    Path landing = cfg.lakehouseDir().resolve("landing").resolve("jinan-synthetic-trace");
    JinanTraceGenerator.Manifest manifest = JinanTraceGenerator.generate(landing, params);
    timer.lap("generate");
    IngestJob.Summary results =
        IngestJob.run(
            spark,
            catalog,
            IngestJob.Format.UPLOAD,
            manifest.uploadFile(),
            StandardCharsets.UTF_8,
            ref,
            cfg.zone());
    timer.lap("ingest results (upload)");
    TraceIngestJob.Summary inputs = TraceIngestJob.run(spark, catalog, landing, hasher, tref);
    timer.lap("ingest inputs and trace files");
    long tb = TraceBackJob.run(spark, catalog, TraceBackJob.WINDOW_DAYS_DEFAULT).count();
    timer.lap("trace-back");
    LedgerCheckJob.Summary checks = LedgerCheckJob.run(spark, catalog, tref);
    timer.lap("ledger checks");
    LeadsJob.Summary leads = LeadsJob.run(spark, catalog, LeadGrouping.WINDOW_DAYS_DEFAULT);
    timer.lap("leads");
    org.apache.spark.sql.Dataset<Row> statsRows =
        SalesStatsJob.run(spark, catalog).orderBy("month", "county_code", "active_ingredient");
    long stats = statsRows.count();
    Path statsCsv =
        org.agrisafe.jobs.export.Exporter.export(
            statsRows,
            org.agrisafe.jobs.export.Exporter.Format.CSV,
            cfg.outputDir().resolve("exports"),
            "pesticide_sales");
    timer.lap("sales statistics");
    Expectation first =
        manifest.expectations().stream()
            .filter(e -> e.kind().equals("TRACE_BACK"))
            .findFirst()
            .orElseThrow();
    String code =
        spark
            .table(org.agrisafe.lakehouse.tables.Tables.SAMPLES.qualifiedName(catalog))
            .join(
                spark
                    .table(org.agrisafe.lakehouse.tables.Tables.RESULTS.qualifiedName(catalog))
                    .filter(col("result_id").equalTo(resultId(first)))
                    .select("sample_id"),
                "sample_id")
            .select("trace_code")
            .first()
            .getString(0);
    ObjectNode doc = TraceLookup.lookup(spark, catalog, code, TraceLookup.LOOKBACK_DAYS_DEFAULT);
    Path json = TraceLookup.write(cfg.outputDir(), doc);
    timer.lap("trace lookup");
    List<String> known = new ArrayList<>(manifest.clearIdNumbers());
    known.addAll(manifest.clearPhones());
    List<PersonalDataScan.Hit> scan = PersonalDataScan.scan(spark, catalog, cfg.outputDir(), known);
    timer.lap("personal-data scan");
    return new Result(
        manifest,
        results,
        inputs,
        tb,
        checks,
        leads,
        stats,
        statsCsv,
        json,
        TraceLookup.text(doc),
        verify(spark, catalog, manifest),
        scan,
        timer.laps);
  }

  private static final class Timer {
    final List<String> laps = new ArrayList<>();
    long t = System.nanoTime();

    void lap(String name) {
      long now = System.nanoTime();
      laps.add(String.format(Locale.ROOT, "%s %.1f s", name, (now - t) / 1e9));
      t = now;
    }
  }

  static String resultId(Expectation e) {
    return "PLATFORM_UPLOAD:" + e.resultId();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Compares the outputs with every expectation of the manifest. */
  public static List<Check> verify(
      SparkSession spark, String catalog, JinanTraceGenerator.Manifest manifest) {
    List<Row> tb =
        spark
            .table(TraceTables.TRACE_BACK.qualifiedName(catalog))
            .orderBy("result_id", "rank")
            .collectAsList();
    List<String[]> warnings = new ArrayList<>(); // measure, line_id
    for (Row w :
        spark
            .table(WarningTables.WARNINGS.qualifiedName(catalog))
            .filter(col("producer").equalTo("LEDGER_CHECK"))
            .select("measure", "method_parameters")
            .collectAsList()) {
      try {
        warnings.add(
            new String[] {w.getString(0), JSON.readTree(w.getString(1)).path("line_id").asText()});
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    List<Row> leads =
        spark.table(TraceTables.ENFORCEMENT_LEADS.qualifiedName(catalog)).collectAsList();
    List<Row> rejected =
        spark.table(TraceTables.REJECTED_RECORDS.qualifiedName(catalog)).collectAsList();
    List<Row> findings =
        spark.table(TraceTables.DATA_QUALITY_FINDINGS.qualifiedName(catalog)).collectAsList();
    List<Check> out = new ArrayList<>();
    for (Expectation e : manifest.expectations()) {
      switch (e.kind()) {
        case "TRACE_BACK" -> {
          List<Row> rows =
              tb.stream().filter(r -> r.getAs("result_id").equals(resultId(e))).toList();
          Set<String> shops = new LinkedHashSet<>();
          Set<String> lines = new LinkedHashSet<>();
          rows.forEach(
              r -> {
                shops.add(r.getAs("licence_no"));
                lines.addAll(List.of(((String) r.getAs("line_ids")).split(";")));
              });
          boolean ok = List.copyOf(shops).equals(e.shops()) && lines.containsAll(e.lineIds());
          out.add(
              new Check(e.id(), e.kind(), ok, "shops ranked " + shops + ", expected " + e.shops()));
        }
        case "TRACE_BACK_DECOY" -> {
          long n = tb.stream().filter(r -> r.getAs("result_id").equals(resultId(e))).count();
          boolean lineFlagged =
              tb.stream()
                  .anyMatch(
                      r ->
                          e.lineIds().stream()
                              .anyMatch(
                                  l ->
                                      List.of(((String) r.getAs("line_ids")).split(";"))
                                          .contains(l)));
          out.add(
              new Check(
                  e.id(),
                  e.kind(),
                  n == 0 && !lineFlagged,
                  n
                      + " trace-back rows for the result"
                      + (lineFlagged ? "; a decoy line was flagged" : "")));
        }
        case "BANNED_SALE", "NOT_DESIGNATED", "CROP_RESTRICTED" -> {
          String measure =
              switch (e.kind()) {
                case "BANNED_SALE" -> LedgerCheckJob.BANNED_SALE;
                case "NOT_DESIGNATED" -> LedgerCheckJob.NOT_DESIGNATED;
                default -> LedgerCheckJob.CROP_SALE;
              };
          long hit =
              e.lineIds().stream()
                  .filter(
                      l -> warnings.stream().anyMatch(w -> w[0].equals(measure) && w[1].equals(l)))
                  .count();
          out.add(
              new Check(
                  e.id(),
                  e.kind(),
                  hit == e.lineIds().size(),
                  hit + " of " + e.lineIds().size() + " lines raised " + measure));
        }
        case "NOT_BANNED_SALE", "NOT_CROP_RESTRICTED" -> {
          String measure =
              e.kind().equals("NOT_BANNED_SALE")
                  ? LedgerCheckJob.BANNED_SALE
                  : LedgerCheckJob.CROP_SALE;
          long hit =
              e.lineIds().stream()
                  .filter(
                      l -> warnings.stream().anyMatch(w -> w[0].equals(measure) && w[1].equals(l)))
                  .count();
          out.add(new Check(e.id(), e.kind(), hit == 0, hit + " lines raised " + measure));
        }
        case "LEAD" -> {
          List<Row> ls =
              leads.stream()
                  .filter(
                      l ->
                          e.producerId().equals(l.getAs("producer_id"))
                              && e.hazard().equals(l.getAs("hazard")))
                  .toList();
          boolean ok =
              ls.size() == 1
                  && ((String) ls.get(0).getAs("result_ids")).contains(resultId(e))
                  && e.lineIds().stream()
                      .allMatch(x -> ((String) ls.get(0).getAs("ledger_line_ids")).contains(x))
                  && ((String) ls.get(0).getAs("triggers")).contains("UPHELD_COMPLAINT");
          out.add(
              new Check(
                  e.id(),
                  e.kind(),
                  ok,
                  ls.size()
                      + " lead(s)"
                      + (ls.isEmpty() ? "" : ", triggers " + ls.get(0).getAs("triggers"))));
        }
        case "NO_LEAD" -> {
          long n =
              leads.stream()
                  .filter(
                      l ->
                          e.producerId().equals(l.getAs("producer_id"))
                              && e.hazard().equals(l.getAs("hazard")))
                  .count();
          out.add(new Check(e.id(), e.kind(), n == 0, n + " lead(s)"));
        }
        case "REJECTED" -> {
          String line = e.lineIds().get(0);
          boolean ok =
              rejected.stream()
                  .anyMatch(
                      r ->
                          e.hazard().equals(r.getAs("field"))
                              && line.endsWith(":" + r.getAs("record_key")));
          out.add(new Check(e.id(), e.kind(), ok, "rejected on field " + e.hazard()));
        }
        case "FINDING" -> {
          boolean ok =
              findings.stream()
                  .anyMatch(
                      f ->
                          e.hazard().equals(f.getAs("check_name"))
                              && e.lineIds().get(0).equals(f.getAs("record_key")));
          out.add(new Check(e.id(), e.kind(), ok, "finding " + e.hazard()));
        }
        default -> throw new IllegalStateException("Unknown expectation kind " + e.kind());
      }
    }
    return out;
  }
}
