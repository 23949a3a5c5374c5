package org.agrisafe.streaming.job;

import java.time.Duration;
import java.util.List;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.rules.WarningDeduplicator;
import org.agrisafe.streaming.rules.WarningNotices;
import org.agrisafe.streaming.rules.WindowRuleParams;
import org.agrisafe.streaming.rules.WindowRules;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.agrisafe.streaming.sinks.StreamSinks;
import org.agrisafe.streaming.transport.UploadEnvelope;
import org.agrisafe.streaming.transport.UploadFileFormat;
import org.agrisafe.streaming.transport.UploadJson;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
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
 * reference-poll (parallelism 1: reference tables' snapshot IDs) ─ broadcast ─┬─ to ResultProcessor
 *                                                                              └─ to SampleProcessor
 * uploads → event time (sampled_at, bounded out-of-orderness) → keyBy(result_id) → ResultProcessor
 *   ├─ main: results (upsert)          ├─ side: result_revisions (upsert)
 *   ├─ side: rejected_records          └─ side: warnings → keyBy(warning_id) → WarningDeduplicator
 *   │                                                 ├─ analytics.warnings   └─ notices (JSON; Kafka/webhook)
 *   └─ side: current records → keyBy(sample_id) → SampleProcessor → samples (upsert)
 *                                          (+ sample-level warnings, e.g. CONFIRMED_AFTER_RAPID, to the dedupe)
 * </pre>
 * The window rules (PRODUCER_REPEAT, RAPID_POSITIVE_RATE) read the {@link ResultProcessor#FACTS} side output and
 * union their warnings into the side output before the deduplicator ({@link WindowRules}).
 */
public final class StreamingJob {
  private StreamingJob() {}

  /** Keys an upload by its lab result ID. */
  public static final class ResultKey implements KeySelector<UploadEnvelope, String> {
    @Override
    public String getKey(UploadEnvelope e) {
      return e.key != null ? e.key : UploadJson.resultKey(e.payload);
    }
  }

  /** Sets each envelope's key and event time from one scan of its payload ({@link UploadJson#stamp}). */
  public static final class Stamp
      implements org.apache.flink.api.common.functions.MapFunction<UploadEnvelope, UploadEnvelope> {
    @Override
    public UploadEnvelope map(UploadEnvelope e) {
      UploadJson.stamp(e);
      return e;
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
   * @see #build(DataStream, DataStream, StreamSinks, StreamConfig, ReferenceVersion, List, WindowRuleParams)
   */
  public static SingleOutputStreamOperator<RowData> build(
      DataStream<UploadEnvelope> uploads,
      StreamSinks sinks,
      StreamConfig config,
      Judging judging,
      List<StreamRules.Rule> rules) {
    return build(uploads, sinks, config, judging, rules, WindowRuleParams.defaults());
  }

  /**
   * Builds the graph on {@code uploads} with fixed reference data and the parameters of the window rules.
   *
   * @see #build(DataStream, DataStream, StreamSinks, StreamConfig, ReferenceVersion, List, WindowRuleParams)
   */
  public static SingleOutputStreamOperator<RowData> build(
      DataStream<UploadEnvelope> uploads,
      StreamSinks sinks,
      StreamConfig config,
      Judging judging,
      List<StreamRules.Rule> rules,
      WindowRuleParams windowRules) {
    ReferenceVersion fixed = ReferenceVersion.fixed(judging);
    return build(
        uploads,
        ReferencePoller.fixed(uploads.getExecutionEnvironment(), List.of(fixed)),
        sinks,
        config,
        fixed,
        rules,
        windowRules);
  }

  /**
   * Builds the graph on {@code uploads} with refreshed reference data and the default window-rule parameters.
   *
   * @see #build(DataStream, DataStream, StreamSinks, StreamConfig, ReferenceVersion, List, WindowRuleParams)
   */
  public static SingleOutputStreamOperator<RowData> build(
      DataStream<UploadEnvelope> uploads,
      DataStream<ReferenceVersion> reference,
      StreamSinks sinks,
      StreamConfig config,
      ReferenceVersion initial,
      List<StreamRules.Rule> rules) {
    return build(uploads, reference, sinks, config, initial, rules, WindowRuleParams.defaults());
  }

  /**
   * Builds the graph on {@code uploads}.
   *
   * @param uploads the uploaded records (any source)
   * @param reference new versions of the reference data ({@link ReferencePoller#stream}), broadcast to the keyed
   *     result and sample operators
   * @param sinks where the outputs go
   * @param config stream parameters
   * @param initial the reference version loaded at job start; judges until a newer one is broadcast
   * @param rules the warning rules switched on (per-result in ResultProcessor, sample-level in SampleProcessor)
   * @param windowRules the parameters of the window rules (PRODUCER_REPEAT, RAPID_POSITIVE_RATE; {@link WindowRules})
   *     when they are among {@code rules}
   * @return the keyed operator (its metrics: received, accepted, rejected, duplicates, superseded, late,
   *     reference-versions, reference-loaded-at-ms)
   */
  public static SingleOutputStreamOperator<RowData> build(
      DataStream<UploadEnvelope> uploads,
      DataStream<ReferenceVersion> reference,
      StreamSinks sinks,
      StreamConfig config,
      ReferenceVersion initial,
      List<StreamRules.Rule> rules,
      WindowRuleParams windowRules) {
    WatermarkStrategy<UploadEnvelope> wm =
        WatermarkStrategy.<UploadEnvelope>forBoundedOutOfOrderness(config.outOfOrderness())
            .withTimestampAssigner(
                (e, previous) ->
                    e.stamped ? e.eventTimeMs : UploadJson.eventTimeMs(e.payload, e.receivedAtMs))
            .withIdleness(Duration.ofMinutes(1));
    DataStream<UploadEnvelope> timed =
        uploads
            .map(new Stamp())
            .name("key-and-time")
            .uid("key-and-time")
            .assignTimestampsAndWatermarks(wm)
            .name("event-time")
            .uid("event-time");
    BroadcastStream<ReferenceVersion> referenceVersions =
        reference.broadcast(ReferenceVersion.STATE);
    SingleOutputStreamOperator<RowData> results =
        timed
            .keyBy(new ResultKey())
            .connect(referenceVersions)
            .process(
                new ResultProcessor(initial, config, rules),
                IcebergRows.typeInfo(ResultProcessor.RESULTS_SCHEMA))
            .name("validate-judge-dedupe")
            .uid("results");
    sinks.results(results);
    SingleOutputStreamOperator<RowData> samples =
        results
            .getSideOutput(ResultProcessor.CURRENT)
            .keyBy(new SampleProcessor.SampleKey())
            .connect(referenceVersions)
            .process(
                new SampleProcessor(initial, config, rules),
                IcebergRows.typeInfo(SampleProcessor.SAMPLES_SCHEMA))
            .name("sample-verdict")
            .uid("samples");
    sinks.samples(samples);
    sinks.revisions(results.getSideOutput(ResultProcessor.REVISIONS));
    sinks.rejected(
        results
            .getSideOutput(ResultProcessor.REJECTED)
            .union(samples.getSideOutput(SampleProcessor.REJECTED)));
    SingleOutputStreamOperator<RowData> warnings =
        WindowRules.attach(
                results.getSideOutput(ResultProcessor.FACTS),
                results
                    .getSideOutput(ResultProcessor.WARNINGS)
                    .union(samples.getSideOutput(SampleProcessor.WARNINGS)),
                config,
                windowRules,
                rules)
            .keyBy(new WarningKey())
            .process(
                new WarningDeduplicator(config.dedupeTtl()),
                IcebergRows.typeInfo(ResultProcessor.WARNINGS_SCHEMA))
            .name("warning-dedupe")
            .uid("warning-dedupe");
    sinks.warnings(warnings);
    sinks.warningNotices(
        warnings.map(new WarningNotices()).name("warning-json").uid("warning-json"));
    return results;
  }

  /**
   * The watched-directory source of the embedded default: every upload file that lands in {@code dir}
   * (names starting with '.' or '_' are ignored, so writers create a hidden file and rename it), checked every
   * {@code pollInterval}; bounded (reads what is there, then ends) when {@code pollInterval} is null.
   */
  public static DataStream<UploadEnvelope> directorySource(
      StreamExecutionEnvironment env, java.nio.file.Path dir, Duration pollInterval) {
    FileSource.FileSourceBuilder<UploadEnvelope> b =
        FileSource.forBulkFileFormat(new UploadFileFormat(), new Path(dir.toUri()));
    if (pollInterval != null) {
      b.monitorContinuously(pollInterval);
    }
    return env.fromSource(b.build(), WatermarkStrategy.noWatermarks(), "upload-directory")
        .uid("upload-directory");
  }
}
