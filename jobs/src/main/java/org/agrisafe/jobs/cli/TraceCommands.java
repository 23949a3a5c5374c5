package org.agrisafe.jobs.cli;

import java.util.concurrent.Callable;
import org.agrisafe.intake.reference.IcebergReference;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.intake.trace.TraceReference;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.jobs.trace.LeadGrouping;
import org.agrisafe.jobs.trace.LeadsJob;
import org.agrisafe.jobs.trace.LedgerCheckJob;
import org.agrisafe.jobs.trace.TraceBackJob;
import org.agrisafe.jobs.trace.TraceDemo;
import org.agrisafe.jobs.trace.TraceLookup;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code agrisafe trace ...}: traceability, ledger checks and enforcement leads. */
@Command(
    name = "trace",
    description =
        "Traceability: demo on synthetic Jinan data, trace lookup, trace-back, ledger checks, leads.",
    subcommands = {
      TraceCommands.Demo.class,
      TraceCommands.Ingest.class,
      TraceCommands.Lookup.class,
      TraceCommands.Back.class,
      TraceCommands.Checks.class,
      TraceCommands.Leads.class,
      TraceCommands.Lead.class
    })
final class TraceCommands implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  static SparkSession spark(LakehouseConfig cfg, String name) {
    return SparkSessions.create(cfg, name);
  }

  @Command(
      name = "demo",
      description =
          "Generate the SYNTHETIC Jinan data (seeded), ingest it, run trace-back,"
              + " ledger checks and leads, write a trace lookup JSON, check the planted cases; exit 1 if one fails.")
  static final class Demo implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = spark(cfg, "agrisafe-trace-demo");
      org.agrisafe.lakehouse.tables.LakehouseBootstrap.createAll(
          SparkSessions.icebergCatalog(spark, cfg), cfg.zone());
      TraceDemo.Result r =
          TraceDemo.run(
              spark,
              cfg,
              IcebergReference.seedAndLoad(
                  SparkSessions.icebergCatalog(spark, cfg),
                  l -> System.err.println("reference: " + l)));
      System.out.println(r);
      if (!r.allPassed()) {
        System.err.println(
            "agrisafe: traceability check failed:\n  " + String.join("\n  ", r.failures()));
        return 1;
      }
      return 0;
    }
  }

  @Command(
      name = "ingest",
      description =
          "Load a delivery folder of input/trace files (docs/formats/trace-inputs.md)."
              + " Re-running it on the retained files after a key rotation re-keys the buyer hashes.")
  static final class Ingest implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(
        names = "--dir",
        required = true,
        description = "Folder with producers.csv, shops.csv, ...")
    java.nio.file.Path dir;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = spark(cfg, "agrisafe-trace-ingest");
      org.agrisafe.lakehouse.tables.LakehouseBootstrap.createAll(
          SparkSessions.icebergCatalog(spark, cfg), cfg.zone());
      System.out.println(
          org.agrisafe.jobs.trace.TraceIngestJob.run(
              spark,
              cfg.catalogName(),
              dir,
              org.agrisafe.intake.trace.BuyerHasher.fromConfig(cfg),
              TraceReference.loadBundled(ReferenceData.loadBundled())));
      return 0;
    }
  }

  @Command(
      name = "lookup",
      description =
          "Trace code -> producer, inputs, tests, certificates; prints and writes"
              + " <output-dir>/trace/<code>.json for the QR landing page.")
  static final class Lookup implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--code", required = true, description = "Trace code")
    String code;

    @Option(
        names = "--lookback-days",
        description = "Days of input purchases before harvest (default 180)")
    int lookbackDays = TraceLookup.LOOKBACK_DAYS_DEFAULT;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      var doc =
          TraceLookup.lookup(
              spark(cfg, "agrisafe-trace-lookup"), cfg.catalogName(), code, lookbackDays);
      System.out.println(TraceLookup.text(doc));
      System.out.println("JSON: " + TraceLookup.write(cfg.outputDir(), doc));
      return 0;
    }
  }

  @Command(name = "back", description = "Trace-back from failed results into trace.trace_back.")
  static final class Back implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--window-days", description = "Days before sampling searched (default 90)")
    int windowDays = TraceBackJob.WINDOW_DAYS_DEFAULT;

    @Option(names = "--result-id", description = "Print only this result's shops")
    String resultId;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      var rows = TraceBackJob.run(spark(cfg, "agrisafe-trace-back"), cfg.catalogName(), windowDays);
      if (resultId != null) {
        rows = rows.filter(org.apache.spark.sql.functions.col("result_id").equalTo(resultId));
      }
      rows.select(
              "result_id",
              "producer_id",
              "analyte_code",
              "active_ingredient",
              "relation",
              "rank",
              "licence_no",
              "last_sale_date",
              "days_before_sampling",
              "quantity_kg",
              "line_ids")
          .orderBy("result_id", "rank")
          .show(1000, false);
      return 0;
    }
  }

  @Command(
      name = "ledger-checks",
      description =
          "Banned sales, non-designated restricted sales, crop"
              + " restrictions into analytics.warnings (producer LEDGER_CHECK).")
  static final class Checks implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      System.out.println(
          LedgerCheckJob.run(
              spark(cfg, "agrisafe-ledger-checks"),
              cfg.catalogName(),
              TraceReference.loadBundled(ReferenceData.loadBundled())));
      return 0;
    }
  }

  @Command(
      name = "leads",
      description = "Open or update enforcement leads (trace.enforcement_leads).")
  static final class Leads implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--window-days", description = "Days one lead spans (default 90)")
    int windowDays = LeadGrouping.WINDOW_DAYS_DEFAULT;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      System.out.println(LeadsJob.run(spark(cfg, "agrisafe-leads"), cfg.catalogName(), windowDays));
      return 0;
    }
  }

  @Command(
      name = "lead",
      description = "Move a lead: OPEN -> INVESTIGATING -> CASE_OPENED/CLOSED, with who and why.")
  static final class Lead implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--id", required = true)
    String id;

    @Option(names = "--to", required = true)
    LeadsJob.State to;

    @Option(names = "--who", required = true)
    String who;

    @Option(names = "--why", required = true)
    String why;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      LeadsJob.transition(spark(cfg, "agrisafe-lead"), cfg.catalogName(), id, to, who, why);
      System.out.println("lead " + id + " -> " + to);
      return 0;
    }
  }
}
