package org.agrisafe.jobs.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.tables.MapTables;
import org.agrisafe.lakehouse.tables.RiskTables;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Iceberg snapshot of every table a bulletin reads, keyed by {@code namespace.table}. A bulletin reads each
 * table only at its recorded snapshot (time travel, {@code VERSION AS OF}), so regenerating from the same set
 * gives identical figures whatever was written since.
 */
public final class SnapshotSet {
  /** The tables a bulletin reads, each with the command that writes it (named when the table is empty). */
  public static final Map<TableDef, String> INPUTS = inputs();

  private final Map<String, Long> ids;

  private SnapshotSet(Map<String, Long> ids) {
    this.ids = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ids));
  }

  private static Map<TableDef, String> inputs() {
    Map<TableDef, String> m = new LinkedHashMap<>();
    m.put(Tables.SAMPLES, "agrisafe ingest");
    m.put(Tables.RESULTS, "agrisafe ingest");
    m.put(Tables.REJECTED_RECORDS, "agrisafe ingest");
    m.put(Tables.INGEST_RUNS, "agrisafe ingest");
    m.put(Tables.PASS_RATES, "agrisafe run pass-rates");
    m.put(RiskTables.RISK_RANKING, "agrisafe run risk");
    m.put(WarningTables.WARNINGS, "agrisafe run warnings");
    m.put(MapTables.REGION_STATS, "agrisafe run maps");
    return m;
  }

  /**
   * The current snapshot of every input table.
   *
   * @throws IllegalStateException naming the job to run first when a required table has no snapshot yet
   *     (monitoring.samples, monitoring.results, analytics.pass_rates); the other tables may be empty and their
   *     sections then say so
   */
  public static SnapshotSet current(SparkSession spark, String catalog) {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (Map.Entry<TableDef, String> e : INPUTS.entrySet()) {
      TableDef def = e.getKey();
      Long id = LakehouseIo.currentSnapshotId(spark, def.qualifiedName(catalog));
      boolean required = def == Tables.SAMPLES || def == Tables.RESULTS || def == Tables.PASS_RATES;
      if (id == null && required) {
        throw new IllegalStateException(
            "Table "
                + def.namespace()
                + "."
                + def.name()
                + " has no data yet: run `"
                + e.getValue()
                + "` first");
      }
      ids.put(key(def), id);
    }
    return new SnapshotSet(ids);
  }

  /** A recorded set, e.g. read back from a bulletin's JSON; null values mean "table was empty". */
  public static SnapshotSet of(Map<String, Long> ids) {
    for (TableDef def : INPUTS.keySet()) {
      if (!ids.containsKey(key(def))) {
        throw new IllegalArgumentException(
            "Snapshot set "
                + ids
                + " has no entry for "
                + key(def)
                + ": expected one per input table "
                + INPUTS.keySet().stream().map(SnapshotSet::key).toList());
      }
    }
    return new SnapshotSet(ids);
  }

  /** {@code namespace.table}. */
  public static String key(TableDef def) {
    return def.namespace() + "." + def.name();
  }

  /** Snapshot IDs by table, in {@link #INPUTS} order (null = empty table). */
  public Map<String, Long> ids() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (TableDef def : INPUTS.keySet()) {
      m.put(key(def), ids.get(key(def)));
    }
    return m;
  }

  /** The snapshot ID recorded for a table, or null when it was empty. */
  public Long id(TableDef def) {
    return ids.get(key(def));
  }

  /**
   * The table as of its recorded snapshot; an empty table gives an empty frame of the right schema.
   *
   * @throws IllegalArgumentException when the table is not an input of the bulletin
   */
  public Dataset<Row> read(SparkSession spark, String catalog, TableDef def) {
    if (!ids.containsKey(key(def))) {
      throw new IllegalArgumentException("Table " + key(def) + " is not a bulletin input");
    }
    Long id = ids.get(key(def));
    String name = def.qualifiedName(catalog);
    return id == null
        ? spark.table(name).limit(0)
        : spark.sql("SELECT * FROM " + name + " VERSION AS OF " + id);
  }

  /** Commit time (epoch ms, UTC) of a table's recorded snapshot, or null. */
  public Long committedAtMillis(SparkSession spark, String catalog, TableDef def) {
    Long id = id(def);
    if (id == null) {
      return null;
    }
    Table t = LakehouseIo.icebergTable(spark, def.qualifiedName(catalog));
    Snapshot s = t.snapshot(id);
    if (s == null) {
      throw new IllegalStateException(
          "Snapshot "
              + id
              + " of "
              + key(def)
              + " no longer exists (expired?): published bulletins keep theirs through Iceberg tags");
    }
    return s.timestampMillis();
  }

  /** Tables in the order of {@link #INPUTS}. */
  public static List<TableDef> tables() {
    return List.copyOf(INPUTS.keySet());
  }
}
