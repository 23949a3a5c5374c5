package org.agrisafe.jobs.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateJob;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    description = "Run a batch job for a period.",
    subcommands = {
      RunCommand.PassRates.class,
      RiskCommands.Risk.class,
      RiskCommands.Exposure.class,
      RiskCommands.Ranking.class,
      RiskCommands.Scores.class,
      RiskCommands.SamplingPlan.class,
      MapCommands.class,
      WarningCommands.Run.class,
      BulletinCommands.Run.class,
      BulletinCommands.Rates.class,
      BulletinCommands.Disclosure.class,
      BulletinCommands.DisclosureMonth.class,
      BulletinCommands.Report.class
    })
final class RunCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "pass-rates",
      description = "Pass, detection and exceedance rates with Wilson intervals.")
  static final class PassRates implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--period-type", defaultValue = "MONTH", description = "MONTH, QUARTER or YEAR")
    PeriodType periodType;

    @Option(
        names = "--dims",
        split = ",",
        description = "Dimensions, e.g. commodity,origin (default: none)")
    List<String> dims = new ArrayList<>();

    @Option(names = "--programmes", split = ",", description = "Default RANDOM_MONITORING")
    Set<PassRateSpec.Programme> programmes = EnumSet.of(PassRateSpec.Programme.RANDOM_MONITORING);

    @Option(names = "--from", description = "First period, e.g. 2019-01, 2019-Q1 or 2019")
    String from;

    @Option(names = "--to", description = "Last period")
    String to;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-pass-rates");
      PassRateSpec spec =
          new PassRateSpec(
              periodType,
              dims.stream().map(PassRateSpec.Dimension::parse).toList(),
              programmes,
              from,
              to);
      Dataset<Row> rows = PassRateJob.run(spark, cfg.catalogName(), spec);
      System.out.println(
          "wrote "
              + rows.count()
              + " rows to analytics.pass_rates ("
              + spec.dimensionSet()
              + ", "
              + spec.periodType()
              + ", "
              + spec.programmeScope()
              + ")");
      return 0;
    }
  }
}
