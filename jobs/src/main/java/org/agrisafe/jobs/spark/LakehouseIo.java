package org.agrisafe.jobs.spark;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;

/** Small helpers shared by jobs for reading Iceberg metadata through a Spark session. */
public final class LakehouseIo {
  private LakehouseIo() {}

  /** The Iceberg table behind a Spark table name ({@code catalog.namespace.table}). */
  public static Table icebergTable(SparkSession spark, String name) {
    try {
      return Spark3Util.loadIcebergTable(spark, name);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot load table " + name + ": run `agrisafe create` first", e);
    }
  }

  /** Current snapshot ID of a table, or null when the table has no snapshot yet. */
  public static Long currentSnapshotId(SparkSession spark, String name) {
    Table t = icebergTable(spark, name);
    t.refresh();
    Snapshot s = t.currentSnapshot();
    return s == null ? null : s.snapshotId();
  }
}
