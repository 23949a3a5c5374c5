package org.agrisafe.jobs.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrisafe.jobs.bulletin.BulletinPublication;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;

/**
 * Lakehouse maintenance with Iceberg's Spark actions, table by table over {@link LakehouseBootstrap#allTables()}:
 * compaction (bin-pack {@code rewriteDataFiles}), snapshot expiry ({@code expireSnapshots}: older than
 * {@code retainDays}, keeping the last {@code retainLast}; snapshots referenced by a tag, such as those a
 * published bulletin tagged ({@link BulletinPublication}), are kept by Iceberg whatever their age) and orphan-file
 * removal ({@code deleteOrphanFiles}, files older than {@code orphanDays} days that no metadata references).
 * Every step returns one line per table.
 */
public final class LakehouseMaintenance {
  /** Days of snapshots kept for time travel (default 30). */
  public static final int RETAIN_DAYS_DEFAULT = 30;

  /** Snapshots always kept per table (default 5). */
  public static final int RETAIN_LAST_DEFAULT = 5;

  /** Minimum age of an orphan file before removal, days (default 3: never a file of a running commit). */
  public static final int ORPHAN_DAYS_DEFAULT = 3;

  private LakehouseMaintenance() {}

  /** Rewrites small data files of every table that has a snapshot. */
  public static List<String> compact(SparkSession spark, String catalog) {
    List<String> log = new ArrayList<>();
    for (Table t : tables(spark, catalog)) {
      var r = SparkActions.get(spark).rewriteDataFiles(t).execute();
      log.add(
          t.name()
              + ": rewrote "
              + r.rewrittenDataFilesCount()
              + " files into "
              + r.addedDataFilesCount());
    }
    return log;
  }

  /** Expires snapshots older than {@code retainDays} beyond the last {@code retainLast}; tagged ones stay. */
  public static List<String> expireSnapshots(
      SparkSession spark, String catalog, int retainDays, int retainLast) {
    if (retainDays < 1 || retainLast < 1) {
      throw new IllegalArgumentException(
          "retainDays " + retainDays + ", retainLast " + retainLast + ": expected both >= 1");
    }
    long olderThan = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(retainDays);
    List<String> log = new ArrayList<>();
    for (Table t : tables(spark, catalog)) {
      var r =
          SparkActions.get(spark)
              .expireSnapshots(t)
              .expireOlderThan(olderThan)
              .retainLast(retainLast)
              .execute();
      log.add(
          t.name()
              + ": deleted "
              + r.deletedDataFilesCount()
              + " data files, "
              + r.deletedManifestsCount()
              + " manifests; tags kept: "
              + t.refs().keySet().stream().filter(k -> !k.equals("main")).sorted().toList());
    }
    return log;
  }

  /** Removes files no metadata references, older than {@code orphanDays}. */
  public static List<String> removeOrphans(SparkSession spark, String catalog, int orphanDays) {
    if (orphanDays < 1) {
      throw new IllegalArgumentException(
          "orphanDays " + orphanDays + ": expected >= 1 (never touch running commits)");
    }
    long olderThan = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(orphanDays);
    List<String> log = new ArrayList<>();
    for (Table t : tables(spark, catalog)) {
      var r = SparkActions.get(spark).deleteOrphanFiles(t).olderThan(olderThan).execute();
      long n = 0;
      for (var ignored : r.orphanFileLocations()) {
        n++;
      }
      log.add(t.name() + ": removed " + n + " orphan files");
    }
    return log;
  }

  private static List<Table> tables(SparkSession spark, String catalog) {
    List<Table> out = new ArrayList<>();
    for (TableDef def : LakehouseBootstrap.allTables()) {
      Table t = LakehouseIo.icebergTable(spark, def.qualifiedName(catalog));
      if (t.currentSnapshot() != null) {
        out.add(t);
      }
    }
    return out;
  }
}
