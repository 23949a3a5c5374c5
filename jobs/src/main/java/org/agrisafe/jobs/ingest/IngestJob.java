package org.agrisafe.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.agrisafe.intake.ingest.PrifAdapter;
import org.agrisafe.intake.ingest.SamrAdapter;
import org.agrisafe.intake.ingest.UploadAdapter;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.judging.Judging.JudgedResult;
import org.agrisafe.intake.judging.Judging.JudgedSample;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.IngestReport;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.model.SourceSystem;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.jobs.spark.Rows;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Ingests one source into the lakehouse: parse (the engine-free adapters), judge ({@link Judging}), write samples,
 * current results, every revision, rejected records and the run's reconciled counts.
 *
 * <p>Published datasets (UK PRiF, the SAMR notices) are <em>snapshot sources</em>: each ingest replaces that
 * source's rows in every table (partition-aligned overwrite on {@code source_system}), so a re-run leaves the
 * same rows. Lab uploads are <em>incremental</em>: results are merged by {@code (result_id, revision)}; a higher
 * revision replaces the current row and the earlier one stays in {@code result_revisions}.
 */
public final class IngestJob {
  private IngestJob() {}

  /** Input formats. */
  public enum Format {
    UK_PRIF("uk-prif"),
    CN_SAMR("cn-samr"),
    UPLOAD("upload");

    public final String cli;

    Format(String cli) {
      this.cli = cli;
    }

    public static Format parse(String s) {
      for (Format f : values()) {
        if (f.cli.equalsIgnoreCase(s) || f.name().equalsIgnoreCase(s)) {
          return f;
        }
      }
      throw new IllegalArgumentException(
          "Unknown format '" + s + "': expected uk-prif, cn-samr or upload");
    }
  }

  /** What an ingest did, with its reconciled counts. */
  public record Summary(
      String runId,
      SourceSystem source,
      IngestReport report,
      long samplesWritten,
      long resultsWritten,
      long rejectedWritten,
      long judgingRejected) {

    /** Received = accepted + rejected, after judging. */
    public long accepted() {
      return report.samplesAccepted() - judgingRejected;
    }

    public long rejected() {
      return report.samplesRejected() + judgingRejected;
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "%s ingest run %s%n", source, runId));
      b.append(String.format(Locale.ROOT, "  source rows read %,d:", report.rowsRead()));
      for (RowKind k : RowKind.values()) {
        b.append(String.format(Locale.ROOT, " %s %,d", k, report.rows(k)));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "%n  samples received %,d = accepted %,d + rejected %,d%s%n",
              report.samplesReceived(),
              accepted(),
              rejected(),
              judgingRejected > 0 ? " (" + judgingRejected + " rejected when judged)" : ""));
      b.append(
          String.format(
              Locale.ROOT,
              "  written: %,d samples, %,d results, %,d rejected records",
              samplesWritten,
              resultsWritten,
              rejectedWritten));
      return b.toString();
    }
  }

  /**
   * Parses a source with its adapter.
   *
   * @param zone the lakehouse's zone ({@code LakehouseConfig.zone()}): an upload's {@code sampled_at} is cut in it
   *     into {@code sample_date} and {@code sample_month}; PRiF and the SAMR notices publish dates without a time
   *     and keep them as published (docs/conventions.md §13.2, §13.7)
   */
  public static IngestBatch parse(Format format, Path path, Charset charset, ZoneId zone) {
    return switch (format) {
      case UK_PRIF -> PrifAdapter.read(path);
      case CN_SAMR ->
          Files.isDirectory(path) ? SamrAdapter.readFolder(path) : SamrAdapter.read(List.of(path));
      case UPLOAD -> UploadAdapter.read(path, charset, zone);
    };
  }

  /** The version text of rows judged with reference data given outside a lakehouse ({@link #run} with data). */
  public static final String BUNDLED_VERSION = "bundled";

  /**
   * As {@link #run(SparkSession, String, Format, Path, Charset, IcebergReference.Loaded, ZoneId)} with reference data given
   * outside the lakehouse (tests, benchmarks): rows record {@code reference_version} {@value #BUNDLED_VERSION}. The
   * launcher judges with the lakehouse's reference tables instead (docs/conventions.md §3.7).
   */
  public static Summary run(
      SparkSession spark,
      String catalog,
      Format format,
      Path path,
      Charset charset,
      ReferenceData reference,
      ZoneId zone) {
    return run(
        spark,
        catalog,
        format,
        path,
        charset,
        new IcebergReference.Loaded(BUNDLED_VERSION, reference),
        zone);
  }

  /**
   * Parses, judges and writes one source.
   *
   * @param catalog the Spark catalog name of the lakehouse
   * @param reference the reference data judged with and its version ({@link IcebergReference#load}), recorded in
   *     every sample and result row's {@code reference_version} (docs/conventions.md §3.7)
   * @param zone the lakehouse's zone ({@code LakehouseConfig.zone()}), see {@link #parse}
   * @throws IllegalStateException if the counts do not reconcile (nothing is written then)
   */
  public static Summary run(
      SparkSession spark,
      String catalog,
      Format format,
      Path path,
      Charset charset,
      IcebergReference.Loaded reference,
      ZoneId zone) {
    IngestBatch batch = parse(format, path, charset, zone);
    IngestReport report = batch.report().reconcile();
    List<ParsedResult> toJudge = batch.results();
    if (format == Format.UPLOAD) {
      // re-judge each uploaded sample on all its current results, earlier uploads included
      List<ParsedResult> all = new ArrayList<>(batch.results());
      all.addAll(
          UploadMerge.earlierResults(
              spark,
              catalog,
              batch.samples().stream().map(ParsedSample::sampleId).toList(),
              batch.results().stream().map(ParsedResult::resultId).toList()));
      toJudge = all;
    }
    Judging.Outcome judged = new Judging(reference.data()).judgeAll(batch.samples(), toJudge);
    String runId = runId(report.sourceSystem(), path);
    Instant now = Instant.now();
    List<Map<String, Object>> samples = new ArrayList<>();
    List<Map<String, Object>> current = new ArrayList<>();
    List<Map<String, Object>> revisions = new ArrayList<>();
    Map<String, JudgedSample> bySample = new HashMap<>();
    for (JudgedSample js : judged.samples()) {
      bySample.put(js.sample().sampleId(), js);
      Map<String, Object> sr = sampleRow(js, runId, now);
      sr.put(REFERENCE_VERSION, reference.version());
      samples.add(sr);
      for (JudgedResult jr : js.results()) {
        Map<String, Object> r = resultRow(js, jr, runId, now);
        r.put(REFERENCE_VERSION, reference.version());
        current.add(r);
        Map<String, Object> h = new LinkedHashMap<>(r);
        h.put("is_current", true);
        revisions.add(h);
      }
    }
    // Superseded revisions of the same batch go to history only.
    for (ParsedResult r : batch.results()) {
      JudgedSample js = bySample.get(r.sampleId());
      if (r.superseded() && js != null) {
        Map<String, Object> h =
            resultRow(
                js, new JudgedResult(r, r.analyteCode(), null, null, null, false), runId, now);
        h.put("verdict", "SUPERSEDED");
        h.put(REFERENCE_VERSION, reference.version());
        h.put("is_current", false);
        revisions.add(h);
      }
    }
    List<Map<String, Object>> rejected = new ArrayList<>();
    for (RejectedRecord r : batch.rejected()) {
      rejected.add(rejectedRow(r, runId, now));
    }
    for (RejectedRecord r : judged.rejected()) {
      rejected.add(rejectedRow(r, runId, now));
    }
    long judgingRejected = judged.rejected().size();
    Summary summary =
        new Summary(
            runId,
            report.sourceSystem(),
            report,
            samples.size(),
            current.size(),
            rejected.size(),
            judgingRejected);
    if (summary.accepted() + summary.rejected() != report.samplesReceived()) {
      throw new IllegalStateException("Counts do not reconcile: " + summary);
    }
    String src = report.sourceSystem().name();
    Dataset<Row> s = Rows.frame(spark, Tables.SAMPLES, samples);
    Dataset<Row> r = Rows.frame(spark, Tables.RESULTS, current);
    Dataset<Row> h = Rows.frame(spark, Tables.RESULT_REVISIONS, revisions);
    Dataset<Row> x = Rows.frame(spark, Tables.REJECTED_RECORDS, rejected);
    if (format == Format.UPLOAD) {
      UploadMerge.merge(spark, catalog, s, r, h, x);
    } else {
      replaceSource(s, Tables.SAMPLES.qualifiedName(catalog), src);
      replaceSource(r, Tables.RESULTS.qualifiedName(catalog), src);
      replaceSource(h, Tables.RESULT_REVISIONS.qualifiedName(catalog), src);
      replaceSource(x, Tables.REJECTED_RECORDS.qualifiedName(catalog), src);
    }
    writeRun(spark, catalog, summary, path, now);
    return summary;
  }

  private static void replaceSource(Dataset<Row> df, String table, String source) {
    try {
      Dataset<Row> sorted =
          java.util.Arrays.asList(df.columns()).contains("sample_month")
              ? df.sortWithinPartitions("sample_month")
              : df;
      sorted.writeTo(table).overwrite(col("source_system").equalTo(lit(source)));
    } catch (org.apache.spark.sql.AnalysisException e) {
      throw new IllegalStateException("Cannot write " + table + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw e;
    }
  }

  private static void writeRun(
      SparkSession spark, String catalog, Summary s, Path path, Instant now) {
    String table = Tables.INGEST_RUNS.qualifiedName(catalog);
    spark.sql("DELETE FROM " + table + " WHERE ingest_run_id = '" + s.runId() + "'");
    Map<String, Long> counts = new LinkedHashMap<>();
    for (RowKind k : RowKind.values()) {
      counts.put(k.name(), s.report().rows(k));
    }
    Map<String, Object> m = new HashMap<>();
    m.put("ingest_run_id", s.runId());
    m.put("source_system", s.source().name());
    m.put("source_path", path.getFileName().toString());
    m.put("content_sha256", s.runId().substring(s.runId().lastIndexOf('-') + 1));
    m.put("started_at", now);
    m.put("finished_at", Instant.now());
    m.put("samples_received", s.report().samplesReceived());
    m.put("samples_accepted", s.accepted());
    m.put("samples_rejected", s.rejected());
    m.put("results_accepted", s.resultsWritten());
    m.put("row_counts", scala.jdk.javaapi.CollectionConverters.asScala(counts));
    try {
      Rows.frame(spark, Tables.INGEST_RUNS, List.of(m)).writeTo(table).append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "Table " + table + " is missing: run `agrisafe create` first", e);
    }
  }

  /** Run ID: source and a digest of the input's bytes, so the same input always gets the same ID. */
  static String runId(SourceSystem source, Path path) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      List<Path> files;
      if (Files.isDirectory(path)) {
        try (Stream<Path> st = Files.list(path)) {
          files = st.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(path);
      }
      byte[] buf = new byte[1 << 16];
      for (Path f : files) {
        d.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(f)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            d.update(buf, 0, n);
          }
        }
      }
      return source.name().toLowerCase(Locale.ROOT)
          + "-"
          + HexFormat.of().formatHex(d.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The column naming the reference version a verdict row was judged with (docs/conventions.md §3.7). */
  public static final String REFERENCE_VERSION = "reference_version";

  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  /** {@link org.agrisafe.intake.ingest.ResultRowValues#sampleRow}, with {@code attributes} as a Scala map. */
  static Map<String, Object> sampleRow(JudgedSample js, String runId, Instant now) {
    Map<String, Object> m =
        new HashMap<>(org.agrisafe.intake.ingest.ResultRowValues.sampleRow(js, runId, now));
    m.put("attributes", scala.jdk.javaapi.CollectionConverters.asScala(js.sample().attributes()));
    return m;
  }

  static Map<String, Object> resultRow(
      JudgedSample js, JudgedResult jr, String runId, Instant now) {
    return new HashMap<>(org.agrisafe.intake.ingest.ResultRowValues.resultRow(js, jr, runId, now));
  }

  static Map<String, Object> rejectedRow(RejectedRecord r, String runId, Instant now) {
    return new HashMap<>(org.agrisafe.intake.ingest.ResultRowValues.rejectedRow(r, runId, now));
  }
}
