package org.agrisafe.streaming;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The ONE Flink test harness: a MiniCluster (1 task manager, 4 slots) registered by each MiniCluster test class
 * with {@code @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();}, an
 * embedded lakehouse (SQLite JDBC catalog, the one Spark reads) in a temporary folder, and table reading.
 */
final class FlinkTestCluster {
  private FlinkTestCluster() {}

  static MiniClusterExtension extension() {
    return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
        .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());
  }

  /** An environment with exactly-once checkpoints every {@code checkpointMs} and an explicit restart strategy. */
  @SuppressWarnings("deprecation")
  static StreamExecutionEnvironment env(int parallelism, long checkpointMs, int restarts) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    // safe: no operator of the job mutates an input or keeps a reference to one that is mutated later
    // (see StreamingMain.environment); saves a deep copy of every record between chained operators
    env.getConfig().enableObjectReuse();
    env.enableCheckpointing(checkpointMs, CheckpointingMode.EXACTLY_ONCE);
    env.setRestartStrategy(restarts == 0 ? RestartStrategies.noRestart()
        : RestartStrategies.fixedDelayRestart(restarts, 100));
    return env;
  }

  /** An embedded lakehouse in {@code dir}, all tables created. */
  static LakehouseConfig lakehouse(Path dir) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir);
    LakehouseConfig cfg = LakehouseConfig.load(null, Map.of(LakehouseConfig.LAKEHOUSE_DIR, dir.toString()), Map.of());
    LakehouseBootstrap.createAll(IcebergSinks.catalog(cfg));
    return cfg;
  }

  /** All rows of a table (deletes applied). */
  static List<Record> rows(LakehouseConfig cfg, TableDef def) throws Exception {
    Catalog catalog = IcebergSinks.catalog(cfg);
    Table t = catalog.loadTable(def.identifier());
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> it = IcebergGenerics.read(t).build()) {
      it.forEach(r -> out.add(r.copy()));
    }
    return out;
  }
}
