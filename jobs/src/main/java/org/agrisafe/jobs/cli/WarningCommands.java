package org.agrisafe.jobs.cli;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.agrisafe.intake.model.Programme;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.jobs.warnings.WarningJob;
import org.agrisafe.jobs.warnings.WarningLifecycle;
import org.agrisafe.jobs.warnings.WarningSpec;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.agrisafe.lakehouse.tables.WarningTables.State;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code warnings} (run the batch aberration job) and {@code warning} (change a state) commands. */
public final class WarningCommands {
  private WarningCommands() {}

  @Command(
      name = "warnings",
      description =
          "Batch aberration detection on monthly exceedance counts; writes "
              + "analytics.warnings and <output-dir>/reports/warnings-<period>.html.")
  public static final class Run implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--programmes", split = ",", description = "Default RANDOM_MONITORING")
    Set<Programme> programmes = EnumSet.copyOf(WarningSpec.PROGRAMMES_DEFAULT);

    @Option(
        names = "--measure",
        description =
            "EXCEEDANCE_SAMPLES (default), BANNED_DETECTION_SAMPLES or" + " RAPID_POSITIVE_SAMPLES")
    org.agrisafe.jobs.warnings.Measure measure = WarningSpec.MEASURE_DEFAULT;

    @Option(
        names = "--from",
        description = "First month whose alarms are written (yyyy-MM); default all")
    String from;

    @Override
    public Integer call() {
      Progress p = new Progress(2);
      p.step("Opening the lakehouse");
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-warnings");
      p.step("Detecting aberrations and merging warnings");
      WarningSpec spec =
          WarningSpec.defaults()
              .withProgrammes(programmes)
              .withFromPeriod(from)
              .withMeasure(measure);
      WarningJob.WarningRun run = WarningJob.run(spark, cfg, spec);
      p.done();
      System.out.println(run.summary().describe());
      System.out.println("report: " + run.report());
      return 0;
    }
  }

  @Command(
      name = "warning",
      description =
          "Change the state of a warning (NEW -> VALIDATED -> ESCALATED or "
              + "CLOSED) and record who and why.")
  public static final class Transition implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--id", required = true, description = "warning_id")
    String id;

    @Option(names = "--to", required = true, description = "VALIDATED, ESCALATED or CLOSED")
    State to;

    @Option(names = "--who", required = true, description = "User making the change")
    String who;

    @Option(names = "--why", required = true, description = "Reason")
    String why;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-warning");
      WarningLifecycle.Transition t =
          WarningLifecycle.transition(spark, cfg.catalogName(), id, to, who, why);
      System.out.println(
          "warning "
              + t.warningId()
              + ": "
              + t.from()
              + " -> "
              + t.to()
              + " by "
              + t.who()
              + " at "
              + t.at());
      return 0;
    }
  }
}
