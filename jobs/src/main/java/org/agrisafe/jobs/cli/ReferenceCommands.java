package org.agrisafe.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code agrisafe reference ...}: the lakehouse's verdict reference tables (docs/conventions.md §3.7). */
@Command(
    name = "reference",
    description = "The lakehouse's reference tables (limits, bans, analytes, commodities).",
    subcommands = {ReferenceCommands.Refresh.class})
final class ReferenceCommands implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "Missing subcommand: expected refresh");
  }

  /** Keys listed per table and kind of change. */
  static final int KEYS_SHOWN = 5;

  @Command(
      name = "refresh",
      description =
          "Load the bundled reference files (reference-data/) into the lakehouse: a new snapshot of each"
              + " reference table whose content differs; prints what changed (idempotent).")
  static final class Refresh implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-reference-refresh");
      Catalog iceberg = SparkSessions.icebergCatalog(spark, cfg);
      LakehouseBootstrap.createAll(iceberg, cfg.zone());
      System.out.println(report(IcebergReference.refresh(iceberg, ReferenceData.loadBundled())));
      System.out.println("reference version now " + IcebergReference.version(iceberg));
      return 0;
    }
  }

  /** The lines printed by {@code reference refresh}: one per table, then a total. */
  static String report(List<IcebergReference.TableChange> changes) {
    StringBuilder b = new StringBuilder();
    long written = changes.stream().filter(IcebergReference.TableChange::differs).count();
    for (IcebergReference.TableChange c : changes) {
      b.append(c.describe(KEYS_SHOWN)).append('\n');
    }
    b.append(
        written == 0
            ? "nothing changed: no snapshot committed"
            : written + " reference table(s) written, one new snapshot each");
    return b.toString();
  }
}
