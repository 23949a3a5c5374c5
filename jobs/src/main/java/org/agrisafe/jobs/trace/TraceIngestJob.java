package org.agrisafe.jobs.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agrisafe.intake.trace.BuyerHasher;
import org.agrisafe.intake.trace.TraceInputs;
import org.agrisafe.intake.trace.TraceReference;
import org.agrisafe.lakehouse.tables.TraceTables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.apache.spark.sql.SparkSession;

/**
 * Loads one delivery of input-platform and trace files ({@link TraceInputs}, {@code docs/formats/trace-inputs.md})
 * into the {@code inputs} and {@code trace} namespaces. The files are a snapshot source: each run replaces the
 * tables' rows (a re-run leaves the same rows), and the residue-definition reference is rewritten from the
 * bundled file. Rejected records and data-quality findings are written with the run ID; personal fields are
 * hashed before anything is written.
 */
public final class TraceIngestJob {
  private TraceIngestJob() {}

  /** What was loaded. */
  public record Summary(
      String runId,
      Map<String, Long> recordsRead,
      Map<String, Integer> rowsWritten,
      List<TraceInputs.Rejected> rejected,
      List<TraceInputs.Finding> findings) {
    @Override
    public String toString() {
      StringBuilder b =
          new StringBuilder(
              "trace ingest run "
                  + runId
                  + "\n  read "
                  + recordsRead
                  + "\n  written "
                  + rowsWritten
                  + "\n  rejected "
                  + rejected.size()
                  + ", data-quality findings "
                  + findings.size());
      for (TraceInputs.Rejected r : rejected) {
        b.append("\n    rejected ")
            .append(r.dataset())
            .append(" line ")
            .append(r.sourceLine())
            .append(" [")
            .append(r.field())
            .append("] ")
            .append(r.reason());
      }
      Map<String, Integer> byCheck = new java.util.TreeMap<>();
      findings.forEach(f -> byCheck.merge(f.checkName(), 1, Integer::sum));
      b.append("\n    findings by check ").append(byCheck);
      return b.toString();
    }
  }

  /**
   * Reads, validates and writes a delivery folder.
   *
   * @throws IllegalArgumentException when a file is missing or lacks a required column
   * @throws IllegalStateException when the tables are missing
   */
  public static Summary run(
      SparkSession spark, String catalog, Path dir, BuyerHasher hasher, TraceReference ref) {
    TraceInputs.Batch b = TraceInputs.read(dir, hasher);
    String runId =
        "trace-"
            + WarningTables.groupId(
                    List.of(
                        dir.toAbsolutePath().toString(),
                        Long.toString(
                            b.recordsRead().values().stream().mapToLong(Long::longValue).sum())))
                .substring(2)
                .toLowerCase(Locale.ROOT);
    Map<String, Integer> written = new java.util.LinkedHashMap<>();
    write(spark, catalog, TraceTables.PRODUCERS, b.rows(TraceInputs.PRODUCERS), written);
    write(spark, catalog, TraceTables.SHOPS, b.rows(TraceInputs.SHOPS), written);
    write(spark, catalog, TraceTables.PRODUCTS, b.rows(TraceInputs.PRODUCTS), written);
    write(
        spark,
        catalog,
        TraceTables.PRODUCT_INGREDIENTS,
        b.rows(TraceInputs.PRODUCT_INGREDIENTS),
        written);
    List<Map<String, Object>> ledger = new ArrayList<>();
    for (Map<String, Object> m : b.rows(TraceInputs.LEDGER)) {
      Map<String, Object> x = new HashMap<>(m);
      x.put("ingest_run_id", runId);
      ledger.add(x);
    }
    write(spark, catalog, TraceTables.LEDGER_LINES, ledger, written);
    write(spark, catalog, TraceTables.TRACE_CODES, b.rows(TraceInputs.TRACE_CODES), written);
    write(spark, catalog, TraceTables.COMPLAINTS, b.rows(TraceInputs.COMPLAINTS), written);
    write(
        spark,
        catalog,
        TraceTables.COMPLAINT_EVENTS,
        b.rows(TraceInputs.COMPLAINT_EVENTS),
        written);
    List<Map<String, Object>> residues = new ArrayList<>();
    for (TraceReference.ResidueSource s : ref.residueSources()) {
      residues.add(
          Map.of(
              "residue_code",
              s.residueCode(),
              "active_ingredient",
              s.activeIngredient(),
              "relation",
              s.relation(),
              "source",
              s.source(),
              "verified",
              s.verified()));
    }
    write(spark, catalog, TraceTables.RESIDUE_SOURCES, residues, written);
    List<Map<String, Object>> rejected = new ArrayList<>();
    for (TraceInputs.Rejected r : b.rejected()) {
      Map<String, Object> m = new HashMap<>();
      m.put("dataset", r.dataset());
      m.put("source_file", r.sourceFile());
      m.put("source_line", r.sourceLine());
      m.put("record_key", r.recordKey());
      m.put("field", r.field());
      m.put("reason", r.reason());
      m.put("raw_text", r.rawText());
      m.put("ingest_run_id", runId);
      rejected.add(m);
    }
    write(spark, catalog, TraceTables.REJECTED_RECORDS, rejected, written);
    List<Map<String, Object>> findings = new ArrayList<>();
    for (TraceInputs.Finding f : b.findings()) {
      Map<String, Object> m = new HashMap<>();
      m.put(
          "finding_id",
          "F-"
              + WarningTables.groupId(
                      List.of(
                          f.checkName(),
                          String.valueOf(f.recordKey()),
                          String.valueOf(f.sourceLine())))
                  .substring(2));
      m.put("check_name", f.checkName());
      m.put("severity", f.severity());
      m.put("dataset", f.dataset());
      m.put("record_key", f.recordKey());
      m.put("source_file", f.sourceFile());
      m.put("source_line", f.sourceLine());
      m.put("details", f.details());
      m.put("ingest_run_id", runId);
      findings.add(m);
    }
    write(spark, catalog, TraceTables.DATA_QUALITY_FINDINGS, findings, written);
    return new Summary(runId, b.recordsRead(), written, b.rejected(), b.findings());
  }

  private static void write(
      SparkSession spark,
      String catalog,
      org.agrisafe.lakehouse.tables.TableDef t,
      List<Map<String, Object>> rows,
      Map<String, Integer> written) {
    TraceIo.replace(spark, catalog, t, rows);
    written.put(t.name(), rows.size());
  }
}
