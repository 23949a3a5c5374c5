package org.agrisafe.jobs.bulletin;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.jobs.disclosure.DisclosureExport;
import org.agrisafe.jobs.disclosure.DisclosureSpec;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.rates.PassRateSpec.Dimension;
import org.agrisafe.jobs.spark.SnapshotSet;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The bulletin job: reads the tables the other jobs wrote at their current snapshots (recorded), gathers the
 * figures ({@link BulletinFigures}), and writes under {@code <output-dir>/bulletins/<source>-<period>/}:
 * {@code bulletin.json} (every figure, the snapshot IDs, the spec), {@code bulletin.html}, {@code bulletin.pdf},
 * {@code bulletin.docx}, and the PNG charts and map it embeds. {@link #regenerate} re-reads the recorded snapshots
 * (Iceberg time travel) and gives identical figures.
 */
public final class BulletinJob {
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BulletinJob() {}

  /** What one run wrote. */
  public record Output(
      Path dir, Path json, Path html, Path pdf, Path docx, Map<String, Object> figures) {
    /** Every file written. */
    public List<Path> files() {
      return List.of(json, html, pdf, docx);
    }
  }

  /** Runs on the current snapshots. */
  public static Output run(SparkSession spark, LakehouseConfig cfg, BulletinSpec spec) {
    return write(spark, cfg, spec, SnapshotSet.current(spark, cfg.catalogName()), "DRAFT");
  }

  /**
   * Regenerates a bulletin from the snapshots recorded in its {@code bulletin.json}, into {@code outDir}.
   *
   * @throws IllegalStateException when a recorded snapshot no longer exists
   */
  @SuppressWarnings("unchecked")
  public static Output regenerate(
      SparkSession spark, LakehouseConfig cfg, Path bulletinJson, Path outDir) {
    Map<String, Object> doc = readJson(bulletinJson);
    BulletinSpec s = specOf(doc);
    Map<String, Object> snaps =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) doc.get("figures")).get("meta"))
                .get("snapshots");
    Map<String, Long> ids = new LinkedHashMap<>();
    snaps.forEach((k, v) -> ids.put(k, v == null ? null : ((Number) v).longValue()));
    return write(
        spark,
        cfg,
        s,
        SnapshotSet.of(ids),
        "REGENERATED from " + bulletinJson.getFileName(),
        outDir,
        revisionOf(doc));
  }

  /**
   * The edition recorded in a bulletin JSON document: 0 for a first edition (also when the field is absent, as in
   * bulletins written before it existed), n for the n-th revision ({@link BulletinPublication#revise}).
   */
  static int revisionOf(Map<String, Object> doc) {
    Object r = doc.get("revision");
    return r == null ? 0 : ((Number) r).intValue();
  }

  /** The spec recorded in a bulletin JSON document. */
  @SuppressWarnings("unchecked")
  static BulletinSpec specOf(Map<String, Object> doc) {
    Map<String, Object> spec = (Map<String, Object>) doc.get("spec");
    return new BulletinSpec(
        PeriodType.valueOf((String) spec.get("periodType")),
        (String) spec.get("period"),
        (String) spec.get("sourceSystem"),
        BulletinSpec.Language.valueOf((String) spec.get("language")),
        ((Number) spec.get("targetPassRate")).doubleValue(),
        ((Number) spec.get("minGroupSamples")).intValue(),
        ((Number) spec.get("trendPeriods")).intValue(),
        ((Number) spec.get("lateGraceDays")).intValue(),
        ((Number) spec.get("topRisks")).intValue());
  }

  static Output write(
      SparkSession spark, LakehouseConfig cfg, BulletinSpec spec, SnapshotSet snaps, String state) {
    return write(
        spark, cfg, spec, snaps, state, cfg.outputDir().resolve("bulletins").resolve(spec.stem()));
  }

  static Output write(
      SparkSession spark,
      LakehouseConfig cfg,
      BulletinSpec spec,
      SnapshotSet snaps,
      String state,
      Path dir) {
    return write(spark, cfg, spec, snaps, state, dir, 0);
  }

  /** Writes edition {@code revision} (0 = first edition) of a bulletin into {@code dir}. */
  @SuppressWarnings("unchecked")
  static Output write(
      SparkSession spark,
      LakehouseConfig cfg,
      BulletinSpec spec,
      SnapshotSet snaps,
      String state,
      Path dir,
      int revision) {
    Map<String, Object> figures =
        BulletinFigures.build(spark, cfg.catalogName(), spec, snaps, cfg.zone());
    try {
      Files.createDirectories(dir);
      Path trend = BulletinCharts.trend(figures, spec, dir.resolve("trend.png"));
      Path cats = BulletinCharts.groups(figures, spec, "category", dir.resolve("categories.png"));
      Path map = null;
      Map<String, Object> m = (Map<String, Object>) figures.get("map");
      if ("OK".equals(m.get("status"))) {
        Path src = cfg.outputDir().resolve("maps").resolve((String) m.get("png"));
        if (Files.isRegularFile(src)) {
          map = Files.copy(src, dir.resolve("map.png"), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("format", "agrisafe-bulletin/1");
      doc.put("generated_at", Instant.now().toString());
      doc.put("state", state);
      doc.put("revision", revision);
      doc.put("spec", spec);
      doc.put("figures", figures);
      Path json = dir.resolve("bulletin.json");
      JSON.writeValue(json.toFile(), doc);
      String html = BulletinHtml.render(figures, spec, name(trend), name(cats), name(map), state);
      Path htmlFile = Files.writeString(dir.resolve("bulletin.html"), html, StandardCharsets.UTF_8);
      Path pdf = BulletinPdf.write(html, dir, dir.resolve("bulletin.pdf"));
      Path docx =
          BulletinDocx.write(figures, spec, state, trend, map, dir.resolve("bulletin.docx"));
      return new Output(dir, json, htmlFile, pdf, docx, figures);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write bulletin under " + dir, e);
    }
  }

  private static String name(Path p) {
    return p == null ? null : p.getFileName().toString();
  }

  /** Reads a bulletin JSON as nested maps. */
  public static Map<String, Object> readJson(Path file) {
    try {
      return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read bulletin file " + file + ": expected bulletin.json", e);
    }
  }

  /** The figures as they read back from JSON (for comparing a run with a regeneration). */
  public static Object canonical(Map<String, Object> figures) {
    try {
      return JSON.readValue(JSON.writeValueAsBytes(figures), Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pass-rate row sets a bulletin reads, as PassRateJob specs for one period type (upstream job). */
  public static List<PassRateSpec> upstreamPassRates(PeriodType type) {
    List<PassRateSpec> specs = new ArrayList<>();
    specs.add(PassRateSpec.of(type, List.of(Dimension.SOURCE_SYSTEM)));
    for (Dimension d : BulletinFigures.BREAKDOWNS) {
      specs.add(PassRateSpec.of(type, List.of(Dimension.SOURCE_SYSTEM, d)));
    }
    return specs;
  }

  /** The latest month with random-monitoring samples of a source, or null when it has none. */
  public static String latestMonth(SparkSession spark, String catalog, String sourceSystem) {
    Row r =
        spark
            .table(Tables.SAMPLES.qualifiedName(catalog))
            .filter(
                col("source_system")
                    .equalTo(sourceSystem)
                    .and(col("programme").equalTo(BulletinFigures.PROGRAMME_SCOPE)))
            .agg(max("sample_month"))
            .first();
    return r.isNullAt(0) ? null : r.getString(0);
  }

  /**
   * The demo's one-line call: computes the monthly pass-rate row sets the bulletin reads (the upstream job), then
   * writes the bulletin of the latest month of {@code sourceSystem} and the weekly disclosure export of that
   * month's last week.
   *
   * @return the files written
   * @throws IllegalStateException when the source has no random-monitoring sample
   */
  public static List<Path> writeLatest(
      SparkSession spark, LakehouseConfig cfg, String sourceSystem) {
    String month = latestMonth(spark, cfg.catalogName(), sourceSystem);
    if (month == null) {
      throw new IllegalStateException(
          "No random-monitoring sample of " + sourceSystem + ": ingest data first");
    }
    for (PassRateSpec s : upstreamPassRates(PeriodType.MONTH)) {
      PassRateJob.run(spark, cfg.catalogName(), s);
    }
    Output out = run(spark, cfg, BulletinSpec.of(PeriodType.MONTH, month, sourceSystem));
    List<Path> files = new ArrayList<>(out.files());
    files.addAll(
        DisclosureExport.writeMonth(spark, cfg, sourceSystem, month, DisclosureSpec.defaults()));
    return files;
  }
}
