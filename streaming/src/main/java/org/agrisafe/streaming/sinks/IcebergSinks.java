package org.agrisafe.streaming.sinks;

import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * The production sinks: Iceberg tables of the lakehouse through {@link FlinkSink} (exactly once: data files are
 * committed once per completed checkpoint, and a restored job does not commit a checkpoint twice), plus an
 * optional sink for warning notices (Kafka topic).
 *
 * <p>Upsert keys include the partition source columns, as Iceberg requires for equality deletes:
 * {@code results} on (result_id, source_system, sample_month); {@code samples} on (sample_id, source_system,
 * sample_month, test_kind); {@code result_revisions} on (result_id, revision,
 * source_system, sample_month). Writers run with the parallelism of the upstream keyed operator; for an upsert
 * table {@link FlinkSink} keys the rows by the equality fields before its writers (it always does with equality
 * fields, even in distribution mode none), so every row of one key reaches the same writer in order - at the cost
 * of one more network exchange per upsert table (measured by {@code StreamingBenchmark}'s breakdown line).
 */
public final class IcebergSinks implements StreamSinks {
  public static final List<String> RESULTS_KEY =
      List.of("result_id", "source_system", "sample_month");
  public static final List<String> SAMPLES_KEY =
      List.of("sample_id", "source_system", "sample_month", "test_kind");
  public static final List<String> REVISIONS_KEY =
      List.of("result_id", "revision", "source_system", "sample_month");

  private final CatalogLoader catalogLoader;
  private final List<Sink<String>> notices;

  /**
   * @param config the lakehouse configuration
   * @param notices every sink warning notices go to (Kafka topic, stdout, webhooks); may be empty
   */
  public IcebergSinks(LakehouseConfig config, List<Sink<String>> notices) {
    this.catalogLoader = catalogLoader(config);
    this.notices = List.copyOf(notices);
  }

  /** The catalog loader for {@code config} (JDBC on SQLite embedded; JDBC or REST otherwise). */
  public static CatalogLoader catalogLoader(LakehouseConfig config) {
    Map<String, String> p = config.icebergCatalogProperties();
    String impl =
        "rest".equals(p.get("type"))
            ? "org.apache.iceberg.rest.RESTCatalog"
            : "org.apache.iceberg.jdbc.JdbcCatalog";
    Map<String, String> props = new java.util.HashMap<>(p);
    props.remove("type");
    return CatalogLoader.custom(
        config.catalogName(), props, new org.apache.hadoop.conf.Configuration(), impl);
  }

  /** A loaded catalog, e.g. to bootstrap the tables or read them in tests. */
  public static Catalog catalog(LakehouseConfig config) {
    return catalogLoader(config).loadCatalog();
  }

  private TableLoader loader(TableDef def) {
    return TableLoader.fromCatalog(catalogLoader, def.identifier());
  }

  private void write(DataStream<RowData> rows, TableDef def, List<String> upsertKey) {
    FlinkSink.Builder b =
        FlinkSink.forRowData(rows)
            .tableLoader(loader(def))
            .writeParallelism(rows.getParallelism())
            .uidPrefix("iceberg-" + def.name());
    if (upsertKey != null) {
      b.upsert(true).equalityFieldColumns(upsertKey);
    }
    b.append();
  }

  @Override
  public void results(DataStream<RowData> rows) {
    write(rows, Tables.RESULTS, RESULTS_KEY);
  }

  @Override
  public void samples(DataStream<RowData> rows) {
    write(rows, Tables.SAMPLES, SAMPLES_KEY);
  }

  @Override
  public void revisions(DataStream<RowData> rows) {
    write(rows, Tables.RESULT_REVISIONS, REVISIONS_KEY);
  }

  @Override
  public void rejected(DataStream<RowData> rows) {
    write(rows, Tables.REJECTED_RECORDS, null);
  }

  @Override
  public void warnings(DataStream<RowData> rows) {
    write(rows, WarningTables.WARNINGS, null);
  }

  @Override
  public void warningNotices(DataStream<String> json) {
    for (int i = 0; i < notices.size(); i++) {
      json.sinkTo(notices.get(i)).name("warning-notices-" + i).uid("warning-notices-" + i);
    }
  }
}
