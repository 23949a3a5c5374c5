package org.agrisafe.jobs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.agrisafe.jobs.export.Exporter;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    description = "Export a lakehouse table (optionally filtered) to one CSV or Parquet file.")
final class ExportCommand implements Callable<Integer> {
  @Mixin LakehouseOptions config;

  @Parameters(
      index = "0",
      paramLabel = "TABLE",
      description = "namespace.table, e.g. analytics.pass_rates")
  String table;

  @Option(
      names = "--format",
      defaultValue = "csv",
      description = "csv or parquet (default ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--where", description = "Spark SQL filter, e.g. \"period_type = 'YEAR'\"")
  String where;

  @Option(names = "--out", description = "Output folder (default: <output-dir>/exports)")
  Path out;

  @Override
  public Integer call() {
    LakehouseConfig cfg = config.load();
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-export");
    Dataset<Row> df = spark.table(cfg.catalogName() + "." + table);
    if (where != null) {
      df = df.filter(where);
    }
    Path dir = out != null ? out : cfg.outputDir().resolve("exports");
    Path file = Exporter.export(df, Exporter.Format.parse(format), dir, table.replace('.', '_'));
    System.out.println("wrote " + file);
    return 0;
  }
}
