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
    DataFile df =
        DataFiles.builder(t.spec())
            .withPath(file.location())
            .withFormat(FileFormat.PARQUET)
            .withFileSizeInBytes(appender.length())
            .withMetrics(appender.metrics())
            .build();
    t.newAppend().appendFile(df).commit();
  }
}
