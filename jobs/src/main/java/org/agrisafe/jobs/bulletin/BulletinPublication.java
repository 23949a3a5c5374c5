package org.agrisafe.jobs.bulletin;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.jobs.spark.Rows;
import org.agrisafe.jobs.spark.SnapshotSet;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.BulletinTables;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Publication workflow of a bulletin edition: DRAFT -> APPROVED -> PUBLISHED, each step with who and when (UTC),
 * kept in the Iceberg table {@code analytics.bulletin_publication_events} ({@link BulletinTables}), one row per
 * state entered. An edition is (source, period type, period, revision), read from the folder's
 * {@code bulletin.json}; an edition without rows is a DRAFT. Publishing tags every input snapshot in Iceberg
 * ({@code bulletin-<source>-<period>-r<revision>}), so snapshot expiry keeps them and the bulletin can always be
 * regenerated. Data that arrive after publication go into a revision ({@link #revise}): a new draft edition in
 * {@code revision-<n>/} with the list of figures that changed.
 *
 * <p>The state used to be a {@code publication.json} file in the bulletin folder; such files are not read or
 * migrated (an edition whose state was only in that file starts again as a DRAFT in the table).
 */
public final class BulletinPublication {
  /** Publication states, in workflow order. */
  public enum State {
    DRAFT,
    APPROVED,
    PUBLISHED
  }

  /**
   * One bulletin edition: the key of its publication rows.
   *
   * @param revision 0 for the first edition, n for the n-th revision
   */
  public record Edition(String sourceSystem, PeriodType periodType, String period, int revision) {
    /** The edition of a bulletin folder, from its {@code bulletin.json} (spec and revision; no revision = 0). */
    public static Edition of(Path dir) {
      Path json = dir.resolve("bulletin.json");
      if (!Files.isRegularFile(json)) {
        throw new IllegalArgumentException(
            "Folder " + dir + " has no bulletin.json: expected a bulletin folder");
      }
      Map<String, Object> doc = BulletinJob.readJson(json);
      BulletinSpec spec = BulletinJob.specOf(doc);
      return new Edition(
          spec.sourceSystem(), spec.periodType(), spec.period(), BulletinJob.revisionOf(doc));
    }

    /** The same bulletin's edition {@code n}. */
    Edition withRevision(int n) {
      return new Edition(sourceSystem, periodType, period, n);
    }
  }

  private BulletinPublication() {}

  /**
   * The publication record of a bulletin folder's edition, as read from the table: {@code revision}, {@code state}
   * (DRAFT when no state was recorded), {@code history} (each recorded state with {@code who} and {@code at}, in
   * workflow order), {@code tags} (input table -> tag@snapshot, once published) and, for a revision,
   * {@code revises}.
   *
   * @throws IllegalArgumentException when the folder has no bulletin.json
   */
  public static Map<String, Object> read(SparkSession spark, LakehouseConfig cfg, Path dir) {
    return read(spark, cfg.catalogName(), Edition.of(dir));
  }

  /** The publication record of an edition (see {@link #read(SparkSession, LakehouseConfig, Path)}). */
  public static Map<String, Object> read(SparkSession spark, String catalog, Edition e) {
    List<Row> rows =
        spark
            .table(BulletinTables.PUBLICATION_EVENTS.qualifiedName(catalog))
            .filter(
                col("source_system")
                    .equalTo(e.sourceSystem())
                    .and(col("period_type").equalTo(e.periodType().name()))
                    .and(col("period").equalTo(e.period()))
                    .and(col("revision").equalTo(e.revision())))
            .collectAsList();
    TreeMap<State, Row> byState = new TreeMap<>();
    for (Row r : rows) {
      State s = State.valueOf(r.getAs("state"));
      if (byState.put(s, r) != null) {
        throw new IllegalStateException(
            "Bulletin "
                + e
                + " has two "
                + s
                + " rows in "
                + BulletinTables.PUBLICATION_EVENTS.qualifiedName(catalog)
                + ": expected at most one per state");
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("revision", e.revision());
    m.put("state", byState.isEmpty() ? State.DRAFT.name() : byState.lastKey().name());
    List<Object> history = new ArrayList<>();
    Map<String, Object> tags = new LinkedHashMap<>();
    String revises = null;
    for (Map.Entry<State, Row> x : byState.entrySet()) {
      Row r = x.getValue();
      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("state", x.getKey().name());
      ev.put("who", r.getAs("who"));
      ev.put("at", r.<Instant>getAs("at").toString());
      history.add(ev);
      if (!r.isNullAt(r.fieldIndex("tags"))) {
        new TreeMap<String, String>(r.getJavaMap(r.fieldIndex("tags"))).forEach(tags::put);
      }
      if (r.getAs("revises") != null) {
        revises = r.getAs("revises");
      }
    }
    if (revises != null) {
      m.put("revises", revises);
    }
    m.put("history", history);
    m.put("tags", tags);
    return m;
  }

  /**
   * DRAFT -> APPROVED.
   *
   * @throws IllegalStateException when the bulletin is not a draft
   * @throws IllegalArgumentException when who is blank or the folder has no bulletin.json
   */
  public static Map<String, Object> approve(
      SparkSession spark, LakehouseConfig cfg, Path dir, String who) {
    Edition e = Edition.of(dir);
    move(spark, cfg.catalogName(), e, State.DRAFT, State.APPROVED, who, dir, null, null);
    return read(spark, cfg.catalogName(), e);
  }

  /**
   * APPROVED -> PUBLISHED, tagging each input table's recorded snapshot; the tags are stored with the state.
   *
   * @throws IllegalStateException when the bulletin is not approved, or a recorded snapshot no longer exists
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> publish(
      SparkSession spark, LakehouseConfig cfg, Path dir, String who) {
    Edition e = Edition.of(dir);
    requireWho(who);
    requireState(spark, cfg.catalogName(), e, State.APPROVED, State.PUBLISHED);
    Map<String, Object> doc = BulletinJob.readJson(dir.resolve("bulletin.json"));
    Map<String, Object> meta =
        (Map<String, Object>) ((Map<String, Object>) doc.get("figures")).get("meta");
    String tag = tagName(e.sourceSystem(), e.period(), e.revision());
    Map<String, String> tags = new TreeMap<>();
    for (Map.Entry<String, Object> x : ((Map<String, Object>) meta.get("snapshots")).entrySet()) {
      if (x.getValue() == null) {
        continue;
      }
      long id = ((Number) x.getValue()).longValue();
      Table t = LakehouseIo.icebergTable(spark, cfg.catalogName() + "." + x.getKey());
      if (t.snapshot(id) == null) {
        throw new IllegalStateException(
            "Snapshot "
                + id
                + " of "
                + x.getKey()
                + " no longer exists: regenerate the"
                + " bulletin on current data before publishing");
      }
      if (t.refs().containsKey(tag)) {
        t.manageSnapshots().replaceTag(tag, id).commit();
      } else {
        t.manageSnapshots().createTag(tag, id).commit();
      }
      tags.put(x.getKey(), tag + "@" + id);
    }
    move(spark, cfg.catalogName(), e, State.APPROVED, State.PUBLISHED, who, dir, null, tags);
    return read(spark, cfg.catalogName(), e);
  }

  /** Iceberg tag of a published bulletin's snapshots. */
  public static String tagName(String source, String period, int revision) {
    return "bulletin-" + source + "-" + period + "-r" + revision;
  }

  /**
   * Re-runs a PUBLISHED bulletin on the current snapshots into {@code revision-<n>/} as a new DRAFT edition n
   * (recorded with who and when, and the bulletin.json it revises) whose {@code changes.json} lists every figure
   * that differs from the published one (path, published, now). Running it again while revision n is still a
   * draft rewrites that draft.
   *
   * @throws IllegalStateException when the bulletin is not published, or its revision n was already approved
   * @return the revision's folder
   */
  @SuppressWarnings("unchecked")
  public static Path revise(SparkSession spark, LakehouseConfig cfg, Path dir, String who) {
    Edition e = Edition.of(dir);
    requireWho(who);
    String catalog = cfg.catalogName();
    Map<String, Object> p = read(spark, catalog, e);
    if (!State.PUBLISHED.name().equals(p.get("state"))) {
      throw new IllegalStateException(
          "Bulletin "
              + dir
              + " is "
              + p.get("state")
              + ": only a PUBLISHED bulletin"
              + " gets a revision (edit the draft otherwise)");
    }
    Edition next = e.withRevision(e.revision() + 1);
    Map<String, Object> existing = read(spark, catalog, next);
    if (!State.DRAFT.name().equals(existing.get("state"))) {
      throw new IllegalStateException(
          "Bulletin "
              + dir
              + " already has revision "
              + next.revision()
              + " in state "
              + existing.get("state")
              + ": revise that revision instead");
    }
    Map<String, Object> doc = BulletinJob.readJson(dir.resolve("bulletin.json"));
    int rev = next.revision();
    Path out = dir.resolve("revision-" + rev);
    BulletinSpec spec = BulletinJob.specOf(doc);
    BulletinJob.Output o =
        BulletinJob.write(
            spark,
            cfg,
            spec,
            SnapshotSet.current(spark, catalog),
            "DRAFT revision " + rev,
            out,
            rev);
    Map<String, Object> before = new TreeMap<>();
    flatten("", BulletinJob.canonical((Map<String, Object>) doc.get("figures")), before);
    Map<String, Object> after = new TreeMap<>();
    flatten("", BulletinJob.canonical(o.figures()), after);
    List<Map<String, Object>> changes = new ArrayList<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String k : keys) {
      Object a = before.get(k);
      Object b = after.get(k);
      if (!java.util.Objects.equals(a, b)) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("figure", k);
        c.put("published", a);
        c.put("revised", b);
        changes.add(c);
      }
    }
    if (((List<?>) existing.get("history")).isEmpty()) {
      move(
          spark,
          catalog,
          next,
          null,
          State.DRAFT,
          who,
          out,
          dir.resolve("bulletin.json").toString(),
          null);
    }
    try {
      BulletinJob.JSON.writeValue(
          out.resolve("changes.json").toFile(), Map.of("revision", rev, "changes", changes));
    } catch (IOException ex) {
      throw new UncheckedIOException("Cannot write " + out.resolve("changes.json"), ex);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object v, Map<String, Object> out) {
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        flatten(
            prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(),
            e.getValue(),
            out);
      }
    } else if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        flatten(prefix + "[" + i + "]", l.get(i), out);
      }
    } else {
      out.put(prefix, v);
    }
  }

  private static void requireWho(String who) {
    if (who == null || who.isBlank()) {
      throw new IllegalArgumentException(
          "Who '" + who + "': expected the name or role of the person");
    }
  }

  private static void requireState(
      SparkSession spark, String catalog, Edition e, State from, State to) {
    Object state = read(spark, catalog, e).get("state");
    if (!from.name().equals(state)) {
      throw new IllegalStateException(
          "Cannot move bulletin " + e + " from " + state + " to " + to + ": expected " + from);
    }
  }

  /**
   * Records that edition {@code e} entered state {@code to}: checks that it is in {@code from} (null: any state
   * without rows, i.e. a new revision), then inserts the row with a MERGE that inserts only when the edition has
   * no row for {@code to} yet, so that of two concurrent moves one lands and the other fails here.
   */
  static void move(
      SparkSession spark,
      String catalog,
      Edition e,
      State from,
      State to,
      String who,
      Path dir,
      String revises,
      Map<String, String> tags) {
    requireWho(who);
    if (from != null) {
      requireState(spark, catalog, e, from, to);
    }
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS); // the table stores microseconds
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("source_system", e.sourceSystem());
    row.put("period_type", e.periodType().name());
    row.put("period", e.period());
    row.put("revision", e.revision());
    row.put("state", to.name());
    row.put("who", who);
    row.put("at", at);
    row.put("bulletin_dir", dir == null ? null : dir.toAbsolutePath().normalize().toString());
    row.put("revises", revises);
    row.put("tags", tags);
    String view = "bulletin_event_" + UUID.randomUUID().toString().replace("-", "");
    String table = BulletinTables.PUBLICATION_EVENTS.qualifiedName(catalog);
    Rows.frame(spark, BulletinTables.PUBLICATION_EVENTS, List.of(row))
        .createOrReplaceTempView(view);
    try {
      spark.sql(
          "MERGE INTO "
              + table
              + " t USING "
              + view
              + " s ON t.source_system = s.source_system"
              + " AND t.period_type = s.period_type AND t.period = s.period AND t.revision = s.revision"
              + " AND t.state = s.state WHEN NOT MATCHED THEN INSERT *");
    } finally {
      spark.catalog().dropTempView(view);
    }
    List<Row> mine =
        spark
            .table(table)
            .filter(
                col("source_system")
                    .equalTo(e.sourceSystem())
                    .and(col("period_type").equalTo(e.periodType().name()))
                    .and(col("period").equalTo(e.period()))
                    .and(col("revision").equalTo(e.revision()))
                    .and(col("state").equalTo(to.name())))
            .collectAsList();
    if (mine.size() != 1
        || !at.equals(mine.get(0).getAs("at"))
        || !who.equals(mine.get(0).getAs("who"))) {
      throw new IllegalStateException(
          "Bulletin "
              + e
              + " was moved to "
              + to
              + " concurrently by someone else: "
              + mine.stream().map(r -> r.getAs("who") + " at " + r.getAs("at")).toList());
    }
  }
}
