package org.agrisafe.intake.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.io.OutputFile;

/**
 * The verdict reference data in the lakehouse's reference tables ({@link #TABLES}): their version (current
 * snapshot IDs), loading them ({@link Loaded}), and seeding empty tables from the bundled files.
 * Rows are mapped by {@link ReferenceRecords}.
 */
public final class IcebergReference {
  /** The tables verdicts depend on, in the order of {@link #version(Catalog)}. */
  public static final List<TableDef> TABLES =
      List.of(Tables.COMMODITIES, Tables.LIMITS, Tables.BANS, Tables.ANALYTES);

  private IcebergReference() {}

  /**
   * The reference data read from the tables, with its version ({@link #version(Catalog)}'s text for the snapshots
   * read).
   */
  public record Loaded(String version, ReferenceData data) {}

  /**
   * The current version of the reference tables: {@code <table>@<snapshot id>} per table of {@link #TABLES}, space
   * separated, {@code none} for a table without a snapshot.
   */
  public static String version(Catalog catalog) {
    return version(
        TABLES.stream().map(def -> catalog.loadTable(def.identifier()).currentSnapshot()).toList());
  }

  /** The version text of the current snapshots (null: none) of {@link #TABLES}, in that order. */
  private static String version(List<Snapshot> snapshots) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < TABLES.size(); i++) {
      Snapshot s = snapshots.get(i);
      b.append(i == 0 ? "" : " ")
          .append(TABLES.get(i).identifier())
          .append('@')
          .append(s == null ? "none" : Long.toString(s.snapshotId()));
    }
    return b.toString();
  }

  /**
   * Loads the reference tables at their current snapshots (each table read at the snapshot named in the version,
   * so that the data and the version agree).
   *
   * @throws IllegalArgumentException if the commodity rows do not form a hierarchy
   */
  public static Loaded load(Catalog catalog) {
    List<List<Record>> rows = new ArrayList<>();
    List<Snapshot> snapshots = new ArrayList<>();
    for (TableDef def : TABLES) {
      Table t = catalog.loadTable(def.identifier());
      Snapshot s = t.currentSnapshot();
      snapshots.add(s);
      List<Record> out = new ArrayList<>();
      if (s != null) {
        try (CloseableIterable<Record> it =
            IcebergGenerics.read(t).useSnapshot(s.snapshotId()).build()) {
          it.forEach(r -> out.add(r.copy()));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + def.identifier(), e);
        }
      }
      rows.add(out);
    }
    ReferenceData ref =
        ReferenceRecords.fromRecords(rows.get(0), rows.get(1), rows.get(2), rows.get(3));
    return new Loaded(version(snapshots), ref);
  }

  /**
   * The reference data every judge starts from (batch ingest, rejudge; the stream does the same at start): the
   * reference tables, seeded from the bundled files ({@link ReferenceData#loadBundled()}) when never written
   * ({@link #seedIfEmpty}), then loaded at their current snapshots ({@link #load}) (docs/conventions.md §3.7).
   *
   * @param log receives one line per table seeded
   * @throws IllegalArgumentException if the commodity rows do not form a hierarchy
   */
  public static Loaded seedAndLoad(Catalog catalog, java.util.function.Consumer<String> log) {
    boolean empty =
        TABLES.stream().anyMatch(d -> catalog.loadTable(d.identifier()).currentSnapshot() == null);
    if (empty) {
      seedIfEmpty(catalog, ReferenceData.loadBundled()).forEach(log);
    }
    return load(catalog);
  }

  /**
   * Writes {@code bundled} into every reference table of {@link #TABLES} that has never been written (no snapshot),
   * so that a fresh lakehouse judges as the batch ingest does. Tables with a snapshot (even an empty one) are left
   * as they are: the lakehouse is then the source of the reference data.
   *
   * @return one line per table written, e.g. "seeded reference.limits with 12 rows from the bundled files"
   */
  public static List<String> seedIfEmpty(Catalog catalog, ReferenceData bundled) {
    ReferenceRecords.Rows rows = ReferenceRecords.rows(bundled);
    List<List<Map<String, Object>>> perTable =
        List.of(rows.commodities(), rows.limits(), rows.bans(), rows.analytes());
    List<String> log = new ArrayList<>();
    for (int i = 0; i < TABLES.size(); i++) {
      TableDef def = TABLES.get(i);
      if (catalog.loadTable(def.identifier()).currentSnapshot() == null) {
        append(catalog, def, perTable.get(i));
        log.add(
            "seeded "
                + def.identifier()
                + " with "
                + perTable.get(i).size()
                + " rows from the bundled files");
      }
    }
    return log;
  }

  /**
   * Appends rows (column name → Iceberg generic value) to an unpartitioned table as one Parquet file, in one commit.
   *
   * @throws IllegalArgumentException if the table is partitioned or a row names an unknown column
   */
  public static void append(Catalog catalog, TableDef def, List<Map<String, Object>> rows) {
    Table t = catalog.loadTable(def.identifier());
    DataFile df = write(t, def, rows);
    t.newAppend().appendFile(df).commit();
  }

  /**
   * Replaces every row of an unpartitioned table with {@code rows} (column name → Iceberg generic value), in one
   * commit (one new snapshot).
   *
   * @throws IllegalArgumentException if the table is partitioned or a row names an unknown column
   */
  public static void replace(Catalog catalog, TableDef def, List<Map<String, Object>> rows) {
    Table t = catalog.loadTable(def.identifier());
    if (rows.isEmpty()) {
      t.newDelete().deleteFromRowFilter(Expressions.alwaysTrue()).commit();
    } else {
      t.newOverwrite()
          .overwriteByRowFilter(Expressions.alwaysTrue())
          .addFile(write(t, def, rows))
          .commit();
    }
  }

  /** What {@link #refresh} found in one reference table. */
  public record TableChange(
      TableDef table, List<String> added, List<String> removed, List<String> changed) {
    /** Whether the table's content differs from the bundled rows. */
    public boolean differs() {
      return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
    }

    /**
     * One line, e.g. {@code reference.bans: 1 added (BAN-9), 0 removed, 0 changed}, or {@code reference.bans:
     * unchanged}; at most {@code shown} keys are listed per kind.
     */
    public String describe(int shown) {
      if (!differs()) {
        return table.identifier() + ": unchanged";
      }
      return table.identifier()
          + ": "
          + count(added, "added", shown)
          + ", "
          + count(removed, "removed", shown)
          + ", "
          + count(changed, "changed", shown);
    }

    private static String count(List<String> keys, String what, int shown) {
      if (keys.isEmpty()) {
        return "0 " + what;
      }
      String first = String.join(", ", keys.subList(0, Math.min(shown, keys.size())));
      return keys.size() + " " + what + " (" + first + (keys.size() > shown ? ", ..." : "") + ")";
    }
  }

  /** The key column of each table of {@link #TABLES}, in that order (the rows {@link #refresh} reports). */
  private static final List<String> KEYS =
      List.of("commodity_code", "rule_id", "rule_id", "analyte_code");

  /**
   * Loads {@code bundled} (the bundled files, {@link ReferenceData#loadBundled()}) into the reference tables of an
   * existing lakehouse: each table whose current content differs from the bundled rows ({@link
   * ReferenceRecords#rows}, compared on every column, a column the bundled rows lack counting as null) is replaced
   * by them in one new snapshot; a table whose content is the same is not written. Run twice, the second run
   * finds no change and commits nothing (docs/conventions.md §3.7).
   *
   * @return per table of {@link #TABLES}, the keys (commodity code, rule ID, analyte code) of the rows added,
   *     removed and changed, sorted
   */
  public static List<TableChange> refresh(Catalog catalog, ReferenceData bundled) {
    ReferenceRecords.Rows rows = ReferenceRecords.rows(bundled);
    List<List<Map<String, Object>>> perTable =
        List.of(rows.commodities(), rows.limits(), rows.bans(), rows.analytes());
    List<TableChange> changes = new ArrayList<>();
    for (int i = 0; i < TABLES.size(); i++) {
      TableDef def = TABLES.get(i);
      Table t = catalog.loadTable(def.identifier());
      List<String> columns = t.schema().columns().stream().map(f -> f.name()).toList();
      List<Map<String, Object>> wanted = new ArrayList<>();
      for (Map<String, Object> row : perTable.get(i)) {
        wanted.add(complete(def, columns, row));
      }
      List<Map<String, Object>> stored = new ArrayList<>();
      Snapshot s = t.currentSnapshot();
      if (s != null) {
        try (CloseableIterable<Record> it =
            IcebergGenerics.read(t).useSnapshot(s.snapshotId()).build()) {
          for (Record r : it) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (String c : columns) {
              m.put(c, r.getField(c));
            }
            stored.add(m);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + def.identifier(), e);
        }
      }
      TableChange change = diff(def, KEYS.get(i), stored, wanted);
      boolean sameRows = multiset(stored).equals(multiset(wanted));
      if (!sameRows) {
        replace(catalog, def, perTable.get(i));
      }
      changes.add(change);
    }
    return changes;
  }

  private static Map<String, Object> complete(
      TableDef def, List<String> columns, Map<String, Object> row) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (String c : columns) {
      m.put(c, row.get(c));
    }
    for (String c : row.keySet()) {
      if (!m.containsKey(c)) {
        throw new IllegalArgumentException(
            "Cannot refresh " + def.identifier() + ": unknown column '" + c + "'");
      }
    }
    return m;
  }

  private static Map<Map<String, Object>, Integer> multiset(List<Map<String, Object>> rows) {
    Map<Map<String, Object>, Integer> m = new java.util.HashMap<>();
    rows.forEach(r -> m.merge(r, 1, Integer::sum));
    return m;
  }

  private static TableChange diff(
      TableDef def, String key, List<Map<String, Object>> before, List<Map<String, Object>> after) {
    Map<String, List<Map<String, Object>>> old = byKey(before, key);
    Map<String, List<Map<String, Object>>> now = byKey(after, key);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (String k : now.keySet()) {
      if (!old.containsKey(k)) {
        added.add(k);
      } else if (!multiset(old.get(k)).equals(multiset(now.get(k)))) {
        changed.add(k);
      }
    }
    for (String k : old.keySet()) {
      if (!now.containsKey(k)) {
        removed.add(k);
      }
    }
    return new TableChange(def, added, removed, changed);
  }

  private static Map<String, List<Map<String, Object>>> byKey(
      List<Map<String, Object>> rows, String key) {
    Map<String, List<Map<String, Object>>> m = new java.util.TreeMap<>();
    for (Map<String, Object> r : rows) {
      m.computeIfAbsent(String.valueOf(r.get(key)), k -> new ArrayList<>()).add(r);
    }
    return m;
  }

  /** Writes rows to one new Parquet data file of {@code t} (not committed). */
  private static DataFile write(Table t, TableDef def, List<Map<String, Object>> rows) {
    if (!t.spec().isUnpartitioned()) {
      throw new IllegalArgumentException(
          "Cannot append to " + def.identifier() + ": expected an unpartitioned table");
    }
    OutputFile file =
        t.io().newOutputFile(t.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"));
    FileAppender<Record> appender =
        new GenericAppenderFactory(t.schema(), t.spec()).newAppender(file, FileFormat.PARQUET);
    try (appender) {
      for (Map<String, Object> row : rows) {
        GenericRecord r = GenericRecord.create(t.schema());
        row.forEach(
            (column, value) -> {
              if (t.schema().findField(column) == null) {
                throw new IllegalArgumentException(
                    "Cannot append to " + def.identifier() + ": unknown column '" + column + "'");
              }
              r.setField(column, value);
            });
        appender.add(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to " + def.identifier(), e);
    }
    return DataFiles.builder(t.spec())
        .withPath(file.location())
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(appender.length())
        .withMetrics(appender.metrics())
        .build();
  }
}
