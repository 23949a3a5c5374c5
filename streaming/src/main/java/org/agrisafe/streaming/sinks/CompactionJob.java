package org.agrisafe.streaming.sinks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.cli.StreamCli;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.RewriteDataFilesActionResult;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.actions.Actions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Maintenance job: compacts the small files the stream commits at every checkpoint (Iceberg's rewrite action,
 * Flink {@link Actions#rewriteDataFiles()}), for the tables the stream writes. The rewrite reads each file group
 * with its delete files applied and writes new data files, so that after it readers that ignore equality deletes
 * (PyIceberg, DuckDB) see each current result once; partitions whose files still carry deletes are then rewritten
 * by {@link DeleteFreeRewrite}. Run on a schedule (cron, Airflow) with
 * {@code --every-minutes N} to loop, or once.
 */
public final class CompactionJob {
  /** Target data file size, bytes (Iceberg's default write.target-file-size-bytes is 512 MiB). */
  public static final long TARGET_FILE_SIZE_BYTES_DEFAULT = 128L * 1024 * 1024;

  /** The tables the stream writes. */
  public static final List<TableDef> TABLES =
      List.of(
          Tables.RESULTS,
          Tables.SAMPLES,
          Tables.RESULT_REVISIONS,
          Tables.REJECTED_RECORDS,
          WarningTables.WARNINGS);

  private CompactionJob() {}

  /**
   * Compacts {@code tables} once.
   *
   * @return per table, "rewrote N files into M" lines
   */
  public static List<String> compact(
      StreamExecutionEnvironment env,
      Catalog catalog,
      List<TableDef> tables,
      long targetFileSizeBytes) {
    List<String> log = new ArrayList<>();
    for (TableDef def : tables) {
      Table t = catalog.loadTable(def.identifier());
      if (t.currentSnapshot() == null) {
        log.add(def.identifier() + ": empty");
        continue;
      }
      RewriteDataFilesActionResult r =
          Actions.forTable(env, t)
              .rewriteDataFiles()
              .targetSizeInBytes(targetFileSizeBytes)
              .execute();
      t.refresh();
      int withDeletes = DeleteFreeRewrite.rewrite(t);
      log.add(
          def.identifier()
              + ": rewrote "
              + r.deletedDataFiles().size()
              + " data files into "
              + r.addedDataFiles().size()
              + "; "
              + withDeletes
              + " partitions rewritten without delete files");
    }
    return log;
  }

  /** {@code [--every-minutes N] [lakehouse keys as --key value]}; exit status 2 on a bad option. */
  public static void main(String[] args) {
    System.exit(StreamCli.execute(new Options(), args));
  }

  /** The command line of {@link #main} ({@link StreamCli}). */
  @Command(
      name = "compaction-job",
      mixinStandardHelpOptions = true,
      version = "agrisafe compaction 0.1.0",
      description =
          "Compacts the small files of the tables the stream writes (README \"Streaming\").",
      footer = {
        "Lakehouse keys (README \"Configuration\"): the options --lakehouse-dir DIR, ... above; pass-through"
            + " keys as --iceberg.<name> VALUE. Unknown keys are rejected."
      })
  public static final class Options implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--every-minutes",
        paramLabel = "N",
        defaultValue = "0",
        converter = StreamCli.NonNegativeLong.class,
        description = "Compact every N minutes until stopped; 0 (default): once.")
    public long everyMinutes;

    /** {@code --config FILE} and the lakehouse keys: the lakehouse mixin of every launcher. */
    @Mixin LakehouseOptions lakehouseOptions = new LakehouseOptions();

    /** Set by {@link #check()}. */
    public LakehouseConfig lakehouse;

    /**
     * The options of {@code args}, checked.
     *
     * @throws ParameterException naming the option, the value and what was expected
     */
    public static Options parse(String... args) {
      return StreamCli.parse(new Options(), args).check();
    }

    Options check() {
      try {
        lakehouse = lakehouseOptions.load();
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      return this;
    }

    @Override
    public Integer call() throws Exception {
      check();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      do {
        compact(env, IcebergSinks.catalog(lakehouse), TABLES, TARGET_FILE_SIZE_BYTES_DEFAULT)
            .forEach(System.out::println);
        if (everyMinutes > 0) {
          Thread.sleep(everyMinutes * 60_000);
        }
      } while (everyMinutes > 0);
      return 0;
    }
  }
}
