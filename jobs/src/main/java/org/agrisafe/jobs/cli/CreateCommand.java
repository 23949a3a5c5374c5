package org.agrisafe.jobs.cli;

import java.util.concurrent.Callable;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "create",
    description = "Create the lakehouse's namespaces and tables (idempotent).")
final class CreateCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    LakehouseConfig cfg = config.load();
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-create");
    LakehouseBootstrap.createAll(SparkSessions.icebergCatalog(spark, cfg), cfg.zone())
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
