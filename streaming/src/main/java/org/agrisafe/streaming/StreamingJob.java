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
 * uploads → event time (sampled_at, bounded out-of-orderness) → keyBy(result_id) → ResultProcessor
 *   ├─ main: results (upsert)          ├─ side: result_revisions (upsert)
 *   ├─ side: rejected_records          └─ side: warnings → keyBy(warning_id) → WarningDeduplicator
 *   │                                                 ├─ analytics.warnings   └─ notices (JSON; Kafka/webhook)
 *   └─ side: current records → keyBy(sample_id) → SampleProcessor → samples (upsert)
 *                                          (+ sample-level warnings, e.g. CONFIRMED_AFTER_RAPID, to the dedupe)
 * </pre>
 * The window rules (PRODUCER_REPEAT, RAPID_POSITIVE_RATE) read the results and the uploads and union their warnings
 * into the side output before the deduplicator ({@link WindowRules}).
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
   * Builds the graph on {@code uploads}.
   *
   * @param uploads the uploaded records (any source)
   * @param sinks where the outputs go
   * @param config stream parameters
   * @param judging verdict rules with reference data
   * @param rules the warning rules switched on (per-result in ResultProcessor, sample-level in SampleProcessor)
   * @return the keyed operator (its metrics: received, accepted, rejected, duplicates, superseded, late)
   */
  public static SingleOutputStreamOperator<RowData> build(DataStream<UploadEnvelope> uploads, StreamSinks sinks,
      StreamConfig config, Judging judging, List<StreamRules.Rule> rules) {
    return build(uploads, sinks, config, judging, rules, WindowRuleParams.defaults());
  }

  /**
   * Builds the graph on {@code uploads}, with the parameters of the window rules (PRODUCER_REPEAT,
   * RAPID_POSITIVE_RATE; {@link WindowRules}) when they are among {@code rules}.
   *
   * @see #build(DataStream, StreamSinks, StreamConfig, Judging, List)
   */
  public static SingleOutputStreamOperator<RowData> build(DataStream<UploadEnvelope> uploads, StreamSinks sinks,
      StreamConfig config, Judging judging, List<StreamRules.Rule> rules, WindowRuleParams windowRules) {
    WatermarkStrategy<UploadEnvelope> wm = WatermarkStrategy
        .<UploadEnvelope>forBoundedOutOfOrderness(config.outOfOrderness())
        .withTimestampAssigner((e, previous) -> UploadJson.eventTimeMs(e.payload, e.receivedAtMs))
        .withIdleness(Duration.ofMinutes(1));
    DataStream<UploadEnvelope> timed =
        uploads.assignTimestampsAndWatermarks(wm).name("event-time").uid("event-time");
    SingleOutputStreamOperator<RowData> results = timed
        .keyBy(new ResultKey())
        .process(new ResultProcessor(judging, config, rules), IcebergRows.typeInfo(ResultProcessor.RESULTS_SCHEMA))
        .name("validate-judge-dedupe").uid("results");
    sinks.results(results);
    SingleOutputStreamOperator<RowData> samples = results.getSideOutput(ResultProcessor.CURRENT)
        .keyBy(new SampleProcessor.SampleKey())
        .process(new SampleProcessor(judging, config, rules), IcebergRows.typeInfo(SampleProcessor.SAMPLES_SCHEMA))
        .name("sample-verdict").uid("samples");
    sinks.samples(samples);
    sinks.revisions(results.getSideOutput(ResultProcessor.REVISIONS));
    sinks.rejected(results.getSideOutput(ResultProcessor.REJECTED)
        .union(samples.getSideOutput(SampleProcessor.REJECTED)));
    SingleOutputStreamOperator<RowData> warnings = WindowRules.attach(timed, results,
            results.getSideOutput(ResultProcessor.WARNINGS).union(samples.getSideOutput(SampleProcessor.WARNINGS)),
            config, windowRules, rules)
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
