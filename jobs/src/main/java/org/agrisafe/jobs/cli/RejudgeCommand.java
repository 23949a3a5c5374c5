package org.agrisafe.jobs.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.jobs.ingest.RejudgeJob;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rejudge",
    description =
        "Re-judge the stored lab-upload results and samples against the current reference version, rewriting"
            + " only rows whose verdict changes (idempotent); prints counts.")
final class RejudgeCommand implements Callable<Integer> {
  @Mixin LakehouseOptions config;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First sampling date, yyyy-MM-dd (default: all)")
  LocalDate from;

  @Override
  public Integer call() {
    LakehouseConfig cfg = config.load();
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-rejudge");
    Catalog iceberg = SparkSessions.icebergCatalog(spark, cfg);
    LakehouseBootstrap.createAll(iceberg, cfg.zone());
    IcebergReference.Loaded reference =
        IcebergReference.seedAndLoad(iceberg, l -> System.err.println("reference: " + l));
    System.out.println(RejudgeJob.run(spark, cfg.catalogName(), reference, from));
    return 0;
  }
}
