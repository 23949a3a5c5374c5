package org.agrisafe.jobs.cli;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.jobs.ingest.IngestJob;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "ingest",
    description =
        "Ingest a file or folder in a given format; prints reconciled counts (idempotent).")
final class IngestCommand implements Callable<Integer> {
  @Mixin LakehouseOptions config;

  @Option(names = "--format", required = true, description = "uk-prif, cn-samr or upload")
  String format;

  @Option(names = "--charset", description = "upload files only: UTF-8 or GBK (default: detected)")
  String charset;

  @Parameters(index = "0", paramLabel = "PATH", description = "File (or folder for cn-samr)")
  Path path;

  @Override
  public Integer call() {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("Input " + path + " does not exist");
    }
    LakehouseConfig cfg = config.load();
    Progress p = new Progress(2);
    p.step("Opening the lakehouse " + cfg.catalogUri());
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-ingest");
    Catalog iceberg = SparkSessions.icebergCatalog(spark, cfg);
    LakehouseBootstrap.createAll(iceberg, cfg.zone());
    // judged with the lakehouse's reference tables, as the stream is (docs/conventions.md §3.7)
    IcebergReference.Loaded reference =
        IcebergReference.seedAndLoad(iceberg, l -> System.err.println("reference: " + l));
    p.step("Ingesting " + path);
    IngestJob.Summary s =
        IngestJob.run(
            spark,
            cfg.catalogName(),
            IngestJob.Format.parse(format),
            path,
            charset == null ? null : Charset.forName(charset),
            reference,
            cfg.zone());
    p.done();
    System.out.println(s);
    return 0;
  }
}
