package org.agrisafe.jobs.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.risk.PanelDecisions;
import org.agrisafe.jobs.risk.PanelReport;
import org.agrisafe.jobs.risk.RiskExposureJob;
import org.agrisafe.jobs.risk.RiskJob;
import org.agrisafe.jobs.risk.RiskParameters;
import org.agrisafe.jobs.risk.RiskRankingJob;
import org.agrisafe.jobs.risk.RiskReference;
import org.agrisafe.jobs.risk.RiskScoresJob;
import org.agrisafe.jobs.risk.SamplingPlanJob;
import org.agrisafe.jobs.risk.SamplingPlanParameters;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.agrisafe.risk.ranking.RiskRank;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Commands of the risk assessment for the expert panel: {@code risk} (exposure, ranking, scores and the panel
 * report), {@code risk-exposure}, {@code risk-ranking}, {@code risk-scores} (one of those three jobs alone),
 * {@code sampling-plan} (model evaluation and next month's plan) and {@code panel-decision} (record a decision).
 */
public final class RiskCommands {
  private RiskCommands() {}

  @Command(
      name = "risk",
      description =
          "Risk assessment per period: exposure, ranking matrix, producer/region "
              + "scores, and the panel review report under <output-dir>/reports/.")
  public static final class Risk implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Mixin Periods periods;

    @Option(names = "--no-report", description = "Do not write the HTML report")
    boolean noReport;

    @Override
    public Integer call() {
      Progress progress = new Progress(3);
      LakehouseConfig cfg = config.load();
      progress.step("start Spark and load reference data");
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-risk");
      RiskReference ref = RiskReference.loadBundled();
      RiskParameters p = periods.params();
      progress.step("risk job (" + p.periodType() + ", " + p.programmeScope() + ")");
      RiskJob.Outputs o = RiskJob.run(spark, cfg.catalogName(), p, ref);
      progress.step("panel reports");
      for (String period : o.periods()) {
        if (!noReport) {
          Path f =
              PanelReport.write(spark, cfg.catalogName(), cfg.outputDir(), p.periodType(), period);
          System.out.println("report " + f);
        }
      }
      progress.done();
      System.out.println(
          "assessed periods "
              + o.periods()
              + ": "
              + o.exposure().count()
              + " exposure rows, "
              + o.ranking().count()
              + " ranked pairs, "
              + o.scores().count()
              + " unit scores, "
              + o.notAssessed().count()
              + " not assessed");
      return 0;
    }
  }

  /** The periods the risk jobs assess: {@code --period-type}, {@code --from}, {@code --to}. */
  static final class Periods {
    @Option(names = "--period-type", defaultValue = "YEAR", description = "YEAR (default) or MONTH")
    PeriodType periodType;

    @Option(
        names = "--from",
        description = "First period (yyyy or yyyy-MM); default: first in the data")
    String from;

    @Option(names = "--to", description = "Last period; default: last in the data")
    String to;

    RiskParameters params() {
      return RiskParameters.defaults().withPeriods(periodType, from, to);
    }
  }

  /** One of the three risk jobs on its own: runs it and prints what it wrote. */
  abstract static class OneJob implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Mixin Periods periods;

    abstract String table();

    abstract RiskJob.Part run(
        SparkSession spark, String catalog, RiskParameters p, RiskReference ref);

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-" + table().replace('_', '-'));
      RiskParameters p = periods.params();
      RiskJob.Part o = run(spark, cfg.catalogName(), p, RiskReference.loadBundled());
      System.out.println(
          "assessed periods "
              + o.periods()
              + ": "
              + o.rows().count()
              + " rows to analytics."
              + table()
              + ", "
              + o.notAssessed().count()
              + " not assessed ("
              + p.periodType()
              + ", "
              + p.programmeScope()
              + ")");
      return 0;
    }
  }

  @Command(
      name = "risk-exposure",
      description =
          "Chronic dietary exposure per period (the first of the three jobs of `run risk`), alone.")
  public static final class Exposure extends OneJob {
    @Override
    String table() {
      return "risk_exposure";
    }

    @Override
    RiskJob.Part run(SparkSession spark, String catalog, RiskParameters p, RiskReference ref) {
      return RiskExposureJob.run(spark, catalog, p, ref);
    }
  }

  @Command(
      name = "risk-ranking",
      description =
          "Risk-ranking matrix per period (the second of the three jobs of `run risk`), alone.")
  public static final class Ranking extends OneJob {
    @Override
    String table() {
      return "risk_ranking";
    }

    @Override
    RiskJob.Part run(SparkSession spark, String catalog, RiskParameters p, RiskReference ref) {
      return RiskRankingJob.run(spark, catalog, p, ref);
    }
  }

  @Command(
      name = "risk-scores",
      description =
          "Producer, region and sampling-point scores per period (the third of the three jobs of `run risk`),"
              + " alone.")
  public static final class Scores extends OneJob {
    @Override
    String table() {
      return "risk_scores";
    }

    @Override
    RiskJob.Part run(SparkSession spark, String catalog, RiskParameters p, RiskReference ref) {
      return RiskScoresJob.run(spark, catalog, p, ref);
    }
  }

  @Command(
      name = "sampling-plan",
      description =
          "Evaluate P(sample fails) models on the last year and plan N "
              + "samples for the next month. Uses Smile (GPL-3.0).")
  public static final class SamplingPlan implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(
        names = "--samples",
        defaultValue = "" + SamplingPlanParameters.TOTAL_SAMPLES_DEFAULT,
        description = "N samples to plan (default ${DEFAULT-VALUE})")
    int samples;

    @Option(
        names = "--floor",
        defaultValue = "" + SamplingPlanParameters.FLOOR_PER_STRATUM_DEFAULT,
        description = "Fewest samples per stratum (default ${DEFAULT-VALUE})")
    int floor;

    @Option(
        names = "--random-share",
        defaultValue = "" + SamplingPlanParameters.RANDOM_SHARE_DEFAULT,
        description = "Share spread uniformly at random, in [0, 1] (default ${DEFAULT-VALUE})")
    double randomShare;

    @Option(
        names = "--seed",
        defaultValue = "" + SamplingPlanParameters.SEED_DEFAULT,
        description = "Random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--month",
        description = "Month to plan, yyyy-MM (default: the month after the last sample)")
    YearMonth month;

    @Override
    public Integer call() {
      Progress progress = new Progress(2);
      LakehouseConfig cfg = config.load();
      progress.step("start Spark");
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-sampling-plan");
      progress.step("evaluate models and plan");
      SamplingPlanJob.Outputs o =
          SamplingPlanJob.run(
              spark,
              cfg.catalogName(),
              SamplingPlanParameters.defaults().with(samples, floor, randomShare, seed, month));
      progress.done();
      System.out.println(
          "test year "
              + o.testPeriod()
              + ", selected model "
              + o.selectedModel()
              + ", plan for "
              + o.planMonth()
              + ": "
              + o.plan().count()
              + " samples");
      return 0;
    }
  }

  @Command(
      name = "panel-decision",
      description =
          "Record an expert-panel decision on a ranked (analyte, "
              + "commodity) pair: ACCEPT, or ADJUST to a rank with a reason.")
  public static final class PanelDecision implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--period-type", defaultValue = "YEAR", description = "YEAR (default) or MONTH")
    PeriodType periodType;

    @Option(names = "--period", required = true, description = "yyyy or yyyy-MM")
    String period;

    @Option(
        names = "--source",
        defaultValue = "UK_PRIF",
        description = "Source system (default ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--analyte", required = true)
    String analyte;

    @Option(names = "--commodity", required = true)
    String commodity;

    @Option(names = "--decision", required = true, description = "ACCEPT or ADJUST")
    PanelDecisions.Kind decision;

    @Option(names = "--rank", description = "HIGH, MEDIUM or LOW (ADJUST only)")
    RiskRank rank;

    @Option(names = "--reason", description = "Required for ADJUST")
    String reason;

    @Option(names = "--by", required = true, description = "Who decided (name or role)")
    String by;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      PanelDecisions.Decision d =
          new PanelDecisions.Decision(
              periodType,
              period,
              source,
              analyte,
              commodity,
              decision,
              rank,
              reason,
              by,
              Instant.now());
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-panel-decision");
      PanelDecisions.record(spark, cfg.catalogName(), d);
      System.out.println(
          "recorded " + decision + " on " + analyte + " / " + commodity + " (" + period + ")");
      return 0;
    }
  }
}
