package org.agrisafe.jobs.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.agrisafe.jobs.bulletin.BulletinJob;
import org.agrisafe.jobs.bulletin.BulletinSpec;
import org.agrisafe.jobs.disclosure.DisclosureExport;
import org.agrisafe.jobs.disclosure.DisclosureSpec;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** CLI of the bulletin: {@code run bulletin}, {@code run disclosure} and the {@code bulletin} command group. */
public final class BulletinCommands {
  private BulletinCommands() {}

  @Command(
      name = "bulletin",
      description =
          "Write the bulletin of a period (JSON figures, HTML, PDF, DOCX) from the"
              + " tables of the pass-rate, risk, warning and map jobs, recording their snapshots.")
  public static final class Run implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(
        names = "--period-type",
        defaultValue = "MONTH",
        description = "MONTH (default), QUARTER or YEAR")
    PeriodType periodType;

    @Option(names = "--period", required = true, description = "e.g. 2022-06, 2022-Q2 or 2022")
    String period;

    @Option(
        names = "--source",
        defaultValue = "UK_PRIF",
        description = "Region scope: source system (default " + "UK_PRIF)")
    String source;

    @Option(names = "--language", description = "EN or ZH (default: EN for UK data, ZH otherwise)")
    BulletinSpec.Language language;

    @Option(
        names = "--target",
        defaultValue = "0.98",
        description = "Pass-rate target, proportion (default 0.98)")
    double target;

    @Option(
        names = "--min-group-samples",
        defaultValue = "5",
        description = "Suppress groups below this (default 5)")
    int minGroupSamples;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-bulletin");
      BulletinSpec spec =
          new BulletinSpec(
              periodType,
              period,
              source,
              language != null ? language : BulletinSpec.languageFor(source),
              target,
              minGroupSamples,
              BulletinSpec.TREND_PERIODS_DEFAULT,
              BulletinSpec.LATE_GRACE_DAYS_DEFAULT,
              BulletinSpec.TOP_RISKS_DEFAULT);
      BulletinJob.Output out = BulletinJob.run(spark, cfg, spec);
      report(out);
      return 0;
    }
  }

  @Command(
      name = "bulletin-rates",
      description =
          "Pass-rate row sets a bulletin reads (by source_system and by"
              + " category, commodity, district, sampling stage and lab level), random monitoring: the pass-rate job.")
  public static final class Rates implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(
        names = "--period-type",
        defaultValue = "MONTH",
        description = "MONTH (default), QUARTER or YEAR")
    PeriodType periodType;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-bulletin-rates");
      for (org.agrisafe.jobs.rates.PassRateSpec s : BulletinJob.upstreamPassRates(periodType)) {
        long n = org.agrisafe.jobs.rates.PassRateJob.run(spark, cfg.catalogName(), s).count();
        System.out.println(
            "wrote "
                + n
                + " rows to analytics.pass_rates ("
                + s.dimensionSet()
                + ", "
                + periodType
                + ")");
      }
      return 0;
    }
  }

  @Command(
      name = "disclosure-month",
      description = "Open-data export of every ISO week overlapping a month.")
  public static final class DisclosureMonth implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(
        names = "--source",
        defaultValue = "UK_PRIF",
        description = "Source system (default UK_PRIF)")
    String source;

    @Option(names = "--month", required = true, description = "yyyy-MM")
    String month;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-disclosure");
      var files = DisclosureExport.writeMonth(spark, cfg, source, month, DisclosureSpec.defaults());
      if (files.isEmpty()) {
        System.out.println(
            "no result of " + source + " in the weeks of " + month + ": nothing written");
      }
      files.forEach(f -> System.out.println("wrote " + f));
      return 0;
    }
  }

  @Command(
      name = "report",
      description =
          "Ad-hoc statistical report from a JSON definition (measures, dimensions,"
              + " filters, period) -> CSV, XLSX and HTML under <output-dir>/reports/adhoc/.")
  public static final class Report implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(
        names = "--definition",
        required = true,
        description = "JSON definition, e.g. docs/reports/*.json")
    Path definition;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-report");
      var d = org.agrisafe.jobs.report.AdHocReport.Definition.read(definition);
      org.agrisafe.jobs.report.AdHocReport.write(spark, cfg.catalogName(), d, cfg.outputDir())
          .forEach(f -> System.out.println("wrote " + f));
      return 0;
    }
  }

  @Command(
      name = "disclosure",
      description = "Weekly open-data export (CSV + JSON) of every result of a source.")
  public static final class Disclosure implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(
        names = "--source",
        defaultValue = "UK_PRIF",
        description = "Source system (default UK_PRIF)")
    String source;

    @Option(
        names = "--week-of",
        required = true,
        description = "Any date of the ISO week, yyyy-MM-dd")
    LocalDate weekOf;

    @Option(
        names = "--disclose-producers",
        description = "Name the producer of confirmed failures (default off)")
    boolean discloseProducers;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-disclosure");
      LocalDate monday =
          weekOf.with(
              java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
      var files =
          DisclosureExport.writeWeek(
              spark,
              cfg,
              source,
              monday,
              new DisclosureSpec(discloseProducers, DisclosureSpec.PROGRAMMES_DEFAULT));
      if (files.isEmpty()) {
        System.out.println(
            "no result of "
                + source
                + " in week "
                + DisclosureExport.weekKey(monday)
                + ": nothing written");
      }
      files.forEach(f -> System.out.println("wrote " + f));
      return 0;
    }
  }

  @Command(
      name = "bulletin",
      description = "Bulletin lifecycle: regenerate from recorded snapshots, approve, publish.",
      subcommands = {Regenerate.class, Approve.class, Publish.class, Revise.class})
  public static final class Group implements Runnable {
    @Override
    public void run() {
      new picocli.CommandLine(this).usage(System.out);
    }
  }

  @Command(
      name = "approve",
      description =
          "DRAFT -> APPROVED, recording who and when in"
              + " analytics.bulletin_publication_events.")
  public static final class Approve implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(
        names = "--dir",
        required = true,
        description = "Bulletin folder (out/bulletins/<source>-<period>)")
    Path dir;

    @Option(names = "--who", required = true, description = "Name or role of the approver")
    String who;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-bulletin");
      System.out.println(
          "state "
              + org.agrisafe.jobs.bulletin.BulletinPublication.approve(spark, cfg, dir, who)
                  .get("state"));
      return 0;
    }
  }

  @Command(
      name = "publish",
      description = "APPROVED -> PUBLISHED; tags every input snapshot in Iceberg.")
  public static final class Publish implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--dir", required = true, description = "Bulletin folder")
    Path dir;

    @Option(names = "--who", required = true, description = "Name or role of the publisher")
    String who;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-bulletin");
      var p = org.agrisafe.jobs.bulletin.BulletinPublication.publish(spark, cfg, dir, who);
      System.out.println("state " + p.get("state") + "; tags " + p.get("tags"));
      return 0;
    }
  }

  @Command(
      name = "revise",
      description = "Revision of a PUBLISHED bulletin on current data, listing what changed.")
  public static final class Revise implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--dir", required = true, description = "Bulletin folder")
    Path dir;

    @Option(names = "--who", required = true, description = "Who asked for the revision")
    String who;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-bulletin");
      System.out.println(
          "wrote " + org.agrisafe.jobs.bulletin.BulletinPublication.revise(spark, cfg, dir, who));
      return 0;
    }
  }

  @Command(
      name = "maintain",
      description =
          "Lakehouse maintenance: compaction, snapshot expiry (tagged snapshots of"
              + " published bulletins kept), orphan-file removal.")
  public static final class Maintain implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--compact")
    boolean compact;

    @Option(names = "--expire-snapshots")
    boolean expire;

    @Option(names = "--remove-orphans")
    boolean orphans;

    @Option(names = "--retain-days", defaultValue = "30")
    int retainDays;

    @Option(names = "--retain-last", defaultValue = "5")
    int retainLast;

    @Option(names = "--orphan-days", defaultValue = "3")
    int orphanDays;

    @Override
    public Integer call() {
      if (!compact && !expire && !orphans) {
        throw new IllegalArgumentException(
            "No step given: expected --compact, --expire-snapshots and/or" + " --remove-orphans");
      }
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-maintenance");
      String c = cfg.catalogName();
      if (compact) {
        org.agrisafe.jobs.maintenance.LakehouseMaintenance.compact(spark, c)
            .forEach(System.out::println);
      }
      if (expire) {
        org.agrisafe.jobs.maintenance.LakehouseMaintenance.expireSnapshots(
                spark, c, retainDays, retainLast)
            .forEach(System.out::println);
      }
      if (orphans) {
        org.agrisafe.jobs.maintenance.LakehouseMaintenance.removeOrphans(spark, c, orphanDays)
            .forEach(System.out::println);
      }
      return 0;
    }
  }

  @Command(
      name = "regenerate",
      description = "Re-create a bulletin from the snapshots recorded in its JSON.")
  public static final class Regenerate implements Callable<Integer> {
    @Mixin LakehouseOptions config;

    @Option(names = "--from", required = true, description = "bulletin.json of the bulletin")
    Path from;

    @Option(names = "--out", required = true, description = "Folder to write into")
    Path out;

    @Override
    public Integer call() {
      LakehouseConfig cfg = config.load();
      SparkSession spark = SparkSessions.create(cfg, "agrisafe-bulletin");
      BulletinJob.Output o = BulletinJob.regenerate(spark, cfg, from, out);
      report(o);
      boolean same =
          BulletinJob.canonical(o.figures())
              .equals(BulletinJob.canonical(castFigures(BulletinJob.readJson(from))));
      System.out.println(same ? "figures identical to " + from : "FIGURES DIFFER from " + from);
      return same ? 0 : 2;
    }
  }

  @SuppressWarnings("unchecked")
  static java.util.Map<String, Object> castFigures(java.util.Map<String, Object> doc) {
    return (java.util.Map<String, Object>) doc.get("figures");
  }

  static void report(BulletinJob.Output out) {
    out.files().forEach(f -> System.out.println("wrote " + f));
  }
}
