package org.agrisafe.streaming;

import java.time.Duration;
import java.util.List;
import org.agrisafe.lakehouse.ingest.Judging;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;

/**
 * The streaming job: lab uploads into the lakehouse, exactly once, with live warnings. The graph is built by ONE
 * method, {@link #build}, from a source stream and a {@link StreamSinks}; production passes Kafka or a watched
 * directory and {@link IcebergSinks}, tests pass bounded sources.
 *
 * <pre>
 * reference-poll (parallelism 1: reference tables' snapshot IDs) ─ broadcast ─┐
 * uploads → event time (sampled_at, bounded out-of-orderness) → keyBy(result_id) → ResultProcessor
 *   ├─ main: results (upsert)          ├─ side: result_revisions (upsert)
 *   ├─ side: rejected_records          └─ side: warnings → keyBy(warning_id) → WarningDeduplicator
 *                                                     ├─ analytics.warnings   └─ notices (JSON; Kafka/webhook)
 * </pre>
 */
public final class StreamingJob {
  private StreamingJob() {}

  /** Keys an upload by its lab result ID. */
  public static final class ResultKey implements KeySelector<UploadEnvelope, String> {
    @Override
    public String getKey(UploadEnvelope e) {
      return UploadJson.resultKey(e.payload);
    }
  }

  /** Keys a warning row by its warning_id (column 0 of analytics.warnings). */
  public static final class WarningKey implements KeySelector<RowData, String> {
    @Override
    public String getKey(RowData w) {
      return w.getString(0).toString();
    }
  }

  /**
   * Builds the graph on {@code uploads} with fixed reference data ({@code judging} judges every record): for
   * bounded jobs and tests.
   *
   * @see #build(DataStream, DataStream, StreamSinks, StreamConfig, ReferenceVersion, List)
   */
  public static SingleOutputStreamOperator<RowData> build(DataStream<UploadEnvelope> uploads, StreamSinks sinks,
      StreamConfig config, Judging judging, List<StreamRules.Rule> rules) {
    ReferenceVersion fixed = new ReferenceVersion("fixed", System.currentTimeMillis(), judging);
    return build(uploads, ReferencePoller.fixed(uploads.getExecutionEnvironment(), List.of(fixed)), sinks, config,
        fixed, rules);
  }

  /**
   * Builds the graph on {@code uploads}.
   *
   * @param uploads the uploaded records (any source)
   * @param reference new versions of the reference data ({@link ReferencePoller#stream}), broadcast to the keyed
   *     operator
   * @param sinks where the outputs go
   * @param config stream parameters
   * @param initial the reference version loaded at job start; judges until a newer one is broadcast
   * @param rules the per-result warning rules switched on
   * @return the keyed operator (its metrics: received, accepted, rejected, duplicates, superseded, late,
   *     reference-versions, reference-loaded-at-ms)
   */
  public static SingleOutputStreamOperator<RowData> build(DataStream<UploadEnvelope> uploads,
      DataStream<ReferenceVersion> reference, StreamSinks sinks, StreamConfig config, ReferenceVersion initial,
      List<StreamRules.Rule> rules) {
    WatermarkStrategy<UploadEnvelope> wm = WatermarkStrategy
        .<UploadEnvelope>forBoundedOutOfOrderness(config.outOfOrderness())
        .withTimestampAssigner((e, previous) -> UploadJson.eventTimeMs(e.payload, e.receivedAtMs))
        .withIdleness(Duration.ofMinutes(1));
    SingleOutputStreamOperator<RowData> results = uploads
        .assignTimestampsAndWatermarks(wm).name("event-time").uid("event-time")
        .keyBy(new ResultKey())
        .connect(reference.broadcast(ResultProcessor.REFERENCE_STATE))
        .process(new ResultProcessor(initial, config, rules), IcebergRows.typeInfo(ResultProcessor.RESULTS_SCHEMA))
        .name("validate-judge-dedupe").uid("results");
    sinks.results(results);
    sinks.revisions(results.getSideOutput(ResultProcessor.REVISIONS));
    sinks.rejected(results.getSideOutput(ResultProcessor.REJECTED));
    SingleOutputStreamOperator<RowData> warnings = results.getSideOutput(ResultProcessor.WARNINGS)
        .keyBy(new WarningKey())
        .process(new WarningDeduplicator(config.dedupeTtl()), IcebergRows.typeInfo(ResultProcessor.WARNINGS_SCHEMA))
        .name("warning-dedupe").uid("warning-dedupe");
    sinks.warnings(warnings);
    sinks.warningNotices(warnings.map(new WarningNotices()).name("warning-json").uid("warning-json"));
    return results;
  }

  /**
   * The watched-directory source of the embedded default: every upload file that lands in {@code dir}
   * (names starting with '.' or '_' are ignored, so writers create a hidden file and rename it), checked every
   * {@code pollInterval}; bounded (reads what is there, then ends) when {@code pollInterval} is null.
   */
  public static DataStream<UploadEnvelope> directorySource(StreamExecutionEnvironment env, java.nio.file.Path dir,
      Duration pollInterval) {
    FileSource.FileSourceBuilder<UploadEnvelope> b =
        FileSource.forBulkFileFormat(new UploadFileFormat(), new Path(dir.toUri()));
    if (pollInterval != null) {
      b.monitorContinuously(pollInterval);
    }
    return env.fromSource(b.build(), WatermarkStrategy.noWatermarks(), "upload-directory").uid("upload-directory");
  }
}
