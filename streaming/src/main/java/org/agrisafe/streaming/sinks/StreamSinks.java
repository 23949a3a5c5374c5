package org.agrisafe.streaming.sinks;

import org.agrisafe.streaming.job.SampleProcessor;
import org.agrisafe.streaming.job.StreamingJob;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;

/**
 * Where the stream's outputs go; passed to {@link StreamingJob#build} so that tests and production choose
 * (flink-training job shape). Rows are in the column order of the {@code lakehouse-schemas} table named.
 */
public interface StreamSinks {
  /** Upsert rows (INSERT, or DELETE of a key moved to another partition) of {@code monitoring.results}. */
  void results(DataStream<RowData> rows);

  /**
   * Upsert rows (INSERT, or DELETE of a sample moved to another {@code sample_month}) of {@code monitoring.samples},
   * one current row per sample ({@link SampleProcessor}).
   */
  void samples(DataStream<RowData> rows);

  /** Upsert rows of {@code monitoring.result_revisions} (a superseded revision is re-sent with is_current=false). */
  void revisions(DataStream<RowData> rows);

  /** Append rows of {@code monitoring.rejected_records}. */
  void rejected(DataStream<RowData> rows);

  /** Append rows of {@code analytics.warnings}, duplicates already suppressed. */
  void warnings(DataStream<RowData> rows);

  /** The same warnings as JSON objects, for immediate delivery (Kafka topic, webhook); default: none. */
  default void warningNotices(DataStream<String> json) {}
}
