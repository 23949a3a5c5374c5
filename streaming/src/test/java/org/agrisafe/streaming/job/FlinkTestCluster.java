package org.agrisafe.streaming.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.streaming.cli.Checkpoints;
import org.agrisafe.streaming.cli.StreamingMain;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The ONE Flink test harness: a MiniCluster (1 task manager, 4 slots) shared by every MiniCluster test class of the
 * JVM, each registering {@code @RegisterExtension static final FlinkTestCluster.Shared FLINK =
 * FlinkTestCluster.extension();}, an
 * embedded lakehouse (SQLite JDBC catalog, the one Spark reads) in a temporary folder, and table reading.
 */
public final class FlinkTestCluster {
  private FlinkTestCluster() {}

  /** The one MiniCluster of the test JVM, started by the first class that needs it, stopped when the run ends. */
  private static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(4)
              .setConfiguration(changelogStorage())
              .build());

  /** The changelog state backend's log (the job enables it, StreamingMain.configure) in a temporary folder. */
  private static org.apache.flink.configuration.Configuration changelogStorage() {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "test-changelog");
      java.nio.file.Files.createDirectories(dir);
      return Checkpoints.changelogStorage(java.nio.file.Files.createTempDirectory(dir, "run"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The extension each MiniCluster test class registers; every class shares {@link #CLUSTER} (one per test JVM):
   * it is started once, in the root context, and stopped when that context closes at the end of the run. Jobs a
   * test leaves behind are cancelled after each test, as MiniClusterExtension does.
   */
  public static Shared extension() {
    return new Shared();
  }

  public static final class Shared
      implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      ExtensionContext root = context.getRoot();
      root.getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(
              Shared.class,
              k -> {
                try {
                  CLUSTER.beforeAll(root);
                } catch (Exception e) {
                  throw new IllegalStateException(
                      "Cannot start the test MiniCluster: " + e.getMessage(), e);
                }
                return (ExtensionContext.Store.CloseableResource) () -> CLUSTER.afterAll(root);
              });
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
      CLUSTER.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
      CLUSTER.afterEach(context);
    }
  }

  /** An environment with exactly-once checkpoints every {@code checkpointMs} and an explicit restart strategy. */
  @SuppressWarnings("deprecation")
  public static StreamExecutionEnvironment env(int parallelism, long checkpointMs, int restarts) {
    StreamExecutionEnvironment env =
        StreamingMain.configure(StreamExecutionEnvironment.getExecutionEnvironment(), checkpointMs);
    env.setParallelism(parallelism);
    env.setRestartStrategy(
        restarts == 0
            ? RestartStrategies.noRestart()
            : RestartStrategies.fixedDelayRestart(restarts, 100));
    return env;
  }

  /** An embedded lakehouse in {@code dir}, all tables created. */
  public static LakehouseConfig lakehouse(Path dir) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir);
    LakehouseConfig cfg =
        LakehouseConfig.load(null, Map.of(LakehouseConfig.LAKEHOUSE_DIR, dir.toString()), Map.of());
    LakehouseBootstrap.createAll(IcebergSinks.catalog(cfg), cfg.zone());
    return cfg;
  }

  /** All rows of a table (deletes applied). */
  public static List<Record> rows(LakehouseConfig cfg, TableDef def) throws Exception {
    Catalog catalog = IcebergSinks.catalog(cfg);
    Table t = catalog.loadTable(def.identifier());
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> it = IcebergGenerics.read(t).build()) {
      it.forEach(r -> out.add(r.copy()));
    }
    return out;
  }
}
