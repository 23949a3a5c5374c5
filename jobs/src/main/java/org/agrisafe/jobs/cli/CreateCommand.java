package org.agrisafe.jobs.cli;

import java.util.concurrent.Callable;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "create",
    description =
        "Create the lakehouse's namespaces and tables, seeding never-written reference tables from"
            + " reference-data/ (idempotent).")
final class CreateCommand implements Callable<Integer> {
  @Mixin LakehouseOptions config;

  @Override
  public Integer call() {
    LakehouseConfig cfg = config.load();
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-create");
    org.apache.iceberg.catalog.Catalog iceberg = SparkSessions.icebergCatalog(spark, cfg);
    LakehouseBootstrap.createAll(iceberg, cfg.zone()).forEach(System.out::println);
    // reference tables never written are seeded from reference-data/ (docs/conventions.md §3.7)
    org.agrisafe.intake.reference.IcebergReference.seedIfEmpty(
            iceberg, org.agrisafe.intake.reference.ReferenceData.loadBundled())
        .forEach(System.out::println);
    System.out.println(
        "catalog "
            + cfg.catalogName()
            + " at "
            + cfg.catalogUri()
            + ", warehouse "
            + cfg.warehouse());
    return 0;
  }
}
