package org.agrisafe.jobs.bulletin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.apache.iceberg.Table;
import org.apache.spark.sql.SparkSession;

/**
 * Publication workflow of a bulletin folder: DRAFT -> APPROVED -> PUBLISHED, each step with who and when (UTC),
 * kept in {@code publication.json} beside {@code bulletin.json}. Publishing tags every input snapshot in Iceberg
 * ({@code bulletin-<source>-<period>-r<revision>}), so snapshot expiry keeps them and the bulletin can always be
 * regenerated. Data that arrive after publication go into a revision ({@link #revise}): a new draft in
 * {@code revision-<n>/} with the list of figures that changed.
 */
public final class BulletinPublication {
  /** Publication states. */
  public enum State {
    DRAFT,
    APPROVED,
    PUBLISHED
  }

  private BulletinPublication() {}

  /** The publication record of a bulletin folder (a fresh DRAFT record when none was written yet). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(Path dir) {
    Path f = dir.resolve("publication.json");
    if (!Files.isRegularFile(dir.resolve("bulletin.json"))) {
      throw new IllegalArgumentException("Folder " + dir + " has no bulletin.json: expected a bulletin folder");
    }
    if (!Files.isRegularFile(f)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("revision", 0);
      m.put("state", State.DRAFT.name());
      m.put("history", new ArrayList<>());
      m.put("tags", new LinkedHashMap<>());
      return m;
    }
    try {
      return BulletinJob.JSON.readValue(f.toFile(), LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + f, e);
    }
  }

  /**
   * DRAFT -> APPROVED.
   *
   * @throws IllegalStateException when the bulletin is not a draft
   */
  public static Map<String, Object> approve(Path dir, String who) {
    Map<String, Object> p = read(dir);
    move(p, State.DRAFT, State.APPROVED, who);
    return write(dir, p);
  }

  /**
   * APPROVED -> PUBLISHED, tagging each input table's recorded snapshot.
   *
   * @throws IllegalStateException when the bulletin is not approved, or a recorded snapshot no longer exists
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> publish(SparkSession spark, LakehouseConfig cfg, Path dir, String who) {
    Map<String, Object> p = read(dir);
    move(p, State.APPROVED, State.PUBLISHED, who);
    Map<String, Object> doc = BulletinJob.readJson(dir.resolve("bulletin.json"));
    Map<String, Object> meta = (Map<String, Object>) ((Map<String, Object>) doc.get("figures")).get("meta");
    String tag = tagName((String) meta.get("source_system"), (String) meta.get("period"),
        ((Number) p.get("revision")).intValue());
    Map<String, Object> tags = (Map<String, Object>) p.get("tags");
    for (Map.Entry<String, Object> e : ((Map<String, Object>) meta.get("snapshots")).entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      long id = ((Number) e.getValue()).longValue();
      Table t = LakehouseIo.icebergTable(spark, cfg.catalogName() + "." + e.getKey());
      if (t.snapshot(id) == null) {
        throw new IllegalStateException("Snapshot " + id + " of " + e.getKey() + " no longer exists: regenerate the"
            + " bulletin on current data before publishing");
      }
      if (t.refs().containsKey(tag)) {
        t.manageSnapshots().replaceTag(tag, id).commit();
      } else {
        t.manageSnapshots().createTag(tag, id).commit();
      }
      tags.put(e.getKey(), tag + "@" + id);
    }
    return write(dir, p);
  }

  /** Iceberg tag of a published bulletin's snapshots. */
  public static String tagName(String source, String period, int revision) {
    return "bulletin-" + source + "-" + period + "-r" + revision;
  }

  /**
   * Re-runs a PUBLISHED bulletin on the current snapshots into {@code revision-<n>/} as a new DRAFT whose
   * {@code changes.json} lists every figure that differs from the published one (path, published, now).
   *
   * @throws IllegalStateException when the bulletin is not published
   * @return the revision's folder
   */
  @SuppressWarnings("unchecked")
  public static Path revise(SparkSession spark, LakehouseConfig cfg, Path dir, String who) {
    Map<String, Object> p = read(dir);
    if (!State.PUBLISHED.name().equals(p.get("state"))) {
      throw new IllegalStateException("Bulletin " + dir + " is " + p.get("state") + ": only a PUBLISHED bulletin"
          + " gets a revision (edit the draft otherwise)");
    }
    Map<String, Object> doc = BulletinJob.readJson(dir.resolve("bulletin.json"));
    int rev = ((Number) p.get("revision")).intValue() + 1;
    Path out = dir.resolve("revision-" + rev);
    BulletinSpec spec = BulletinJob.specOf(doc);
    BulletinJob.Output o = BulletinJob.write(spark, cfg, spec, SnapshotSet.current(spark, cfg.catalogName()),
        "DRAFT revision " + rev, out);
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
    Map<String, Object> rp = new LinkedHashMap<>();
    rp.put("revision", rev);
    rp.put("revises", dir.resolve("bulletin.json").toString());
    rp.put("state", State.DRAFT.name());
    List<Object> history = new ArrayList<>();
    history.add(event(State.DRAFT, who));
    rp.put("history", history);
    rp.put("tags", new LinkedHashMap<>());
    write(out, rp);
    try {
      BulletinJob.JSON.writeValue(out.resolve("changes.json").toFile(), Map.of("revision", rev, "changes", changes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object v, Map<String, Object> out) {
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        flatten(prefix + "[" + i + "]", l.get(i), out);
      }
    } else {
      out.put(prefix, v);
    }
  }

  @SuppressWarnings("unchecked")
  private static void move(Map<String, Object> p, State from, State to, String who) {
    if (who == null || who.isBlank()) {
      throw new IllegalArgumentException("Who '" + who + "': expected the name or role of the person");
    }
    if (!from.name().equals(p.get("state"))) {
      throw new IllegalStateException("Cannot move a bulletin from " + p.get("state") + " to " + to + ": expected "
          + from);
    }
    p.put("state", to.name());
    ((List<Object>) p.get("history")).add(event(to, who));
  }

  private static Map<String, Object> event(State s, String who) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("state", s.name());
    e.put("who", who);
    e.put("at", Instant.now().toString());
    return e;
  }

  private static Map<String, Object> write(Path dir, Map<String, Object> p) {
    try {
      Files.createDirectories(dir);
      BulletinJob.JSON.writeValue(dir.resolve("publication.json").toFile(), p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + dir.resolve("publication.json"), e);
    }
  }
}
