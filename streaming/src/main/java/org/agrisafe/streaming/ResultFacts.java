package org.agrisafe.streaming;

import java.util.Map;
import org.agrisafe.lakehouse.ingest.UploadRecords;
import org.agrisafe.lakehouse.ingest.model.SourceSystem;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Turns the upsert rows of {@code monitoring.results} (the {@link ResultProcessor}'s main output) into the
 * changelog of {@link RuleFact}s the window rules count, keyed by the stored {@code result_id}
 * ({@code PLATFORM_UPLOAD:<lab result_id>}).
 *
 * <p>Why a second input: {@code producer_id} and {@code division_code} are sample columns; the results table has
 * neither. Rather than change the results schema or the {@link ResultProcessor}, this operator also reads the
 * uploads (same key, same event time) and takes them from the record that produced the row: for each revision, the
 * first upload that {@link UploadRecords#parse} accepts and that is not posted for another lab (the record the
 * {@link ResultProcessor} accepts for that revision; only a record whose judging throws could differ).
 *
 * <p>Per key: input 1 (uploads) stores the (producer, division) of each revision; input 2 (results rows) emits,
 * once both sides of a revision have arrived and the revision is higher than the current one, a retraction
 * ({@code add = false}) of the previous current fact, then the new fact ({@code add = true}). DELETE rows (a
 * correction that moved the result to another month) are not needed: the INSERT that follows retracts. All state of
 * a key is cleared by a processing-time timer {@code dedupe-ttl} after its last element, as in the
 * {@link ResultProcessor} (a correction after that TTL is a fresh result there too, and is not retracted here).
 */
public class ResultFacts extends KeyedCoProcessFunction<String, UploadEnvelope, RowData, RuleFact> {
  private static final String PREFIX = SourceSystem.PLATFORM_UPLOAD + ":";
  private static final int RESULT_ID = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "result_id");
  private static final int REVISION = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "revision");
  private static final int SAMPLE_ID = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "sample_id");
  private static final int SOURCE_SYSTEM = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "source_system");
  private static final int SAMPLE_DATE = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "sample_date");
  private static final int COMMODITY = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "commodity_code");
  private static final int METHOD_TYPE = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "method_type");
  private static final int VERDICT = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "verdict");
  private static final int FP_PRONE = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "false_positive_prone");

  private final StreamConfig config;
  private transient MapState<Integer, Tuple2<String, String>> contexts;
  private transient MapState<Integer, RowData> pending;
  private transient ValueState<RuleFact> current;
  private transient ValueState<Long> cleanupAt;

  /** @param config stream parameters (zone for parsing, dedupe TTL for state) */
  public ResultFacts(StreamConfig config) {
    this.config = config;
  }

  /** Keys an upload by the stored result ID, {@code PLATFORM_UPLOAD:<result_id>}. */
  public static final class UploadKey implements KeySelector<UploadEnvelope, String> {
    @Override
    public String getKey(UploadEnvelope e) {
      return PREFIX + UploadJson.resultKey(e.payload);
    }
  }

  /** Keys a results row by its {@code result_id}. */
  public static final class RowKey implements KeySelector<RowData, String> {
    @Override
    public String getKey(RowData r) {
      return r.getString(RESULT_ID).toString();
    }
  }

  @Override
  public void open(Configuration parameters) {
    contexts = getRuntimeContext().getMapState(new MapStateDescriptor<>("fact-contexts", Types.INT,
        Types.TUPLE(Types.STRING, Types.STRING)));
    pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("fact-pending", Types.INT,
        IcebergRows.typeInfo(ResultProcessor.RESULTS_SCHEMA)));
    current = getRuntimeContext().getState(new ValueStateDescriptor<>("fact-current",
        TypeInformation.of(RuleFact.class)));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("fact-cleanup-at", Types.LONG));
  }

  @Override
  public void processElement1(UploadEnvelope in, Context ctx, Collector<RuleFact> out) throws Exception {
    UploadRecords.Valid v = accepted(in);
    if (v == null) {
      return;
    }
    int revision = v.result().revision();
    RuleFact cur = current.value();
    if (cur != null && cur.revision >= revision) {
      scheduleCleanup(ctx);
      return;
    }
    if (!contexts.contains(revision)) {
      contexts.put(revision, Tuple2.of(v.sample().producerId(), v.sample().divisionCode()));
    }
    RowData row = pending.get(revision);
    if (row != null) {
      pending.remove(revision);
      emit(row, out);
    }
    scheduleCleanup(ctx);
  }

  @Override
  public void processElement2(RowData row, Context ctx, Collector<RuleFact> out) throws Exception {
    if (row.getRowKind() != RowKind.INSERT && row.getRowKind() != RowKind.UPDATE_AFTER) {
      return;
    }
    int revision = row.getInt(REVISION);
    if (contexts.contains(revision)) {
      emit(row, out);
    } else {
      pending.put(revision, row);
    }
    scheduleCleanup(ctx);
  }

  /** The parsed record if the {@link ResultProcessor} would accept it (before judging), else null. */
  private UploadRecords.Valid accepted(UploadEnvelope in) {
    Map<String, String> fields;
    try {
      fields = UploadJson.fields(in.payload);
    } catch (IllegalArgumentException e) {
      return null;
    }
    UploadRecords.Outcome o;
    try {
      o = UploadRecords.parse(fields, in.source, in.line, config.zone());
    } catch (RuntimeException e) {
      return null;
    }
    if (!(o instanceof UploadRecords.Valid v)) {
      return null;
    }
    return in.lab != null && !in.lab.equals(v.sample().labId()) ? null : v;
  }

  private void emit(RowData row, Collector<RuleFact> out) throws Exception {
    int revision = row.getInt(REVISION);
    RuleFact cur = current.value();
    Tuple2<String, String> c = contexts.get(revision);
    contexts.remove(revision);
    if (cur != null && cur.revision >= revision) {
      return;
    }
    RuleFact f = fact(row, c.f0, c.f1);
    if (cur != null) {
      out.collect(cur.withAdd(false));
    }
    out.collect(f);
    current.update(f);
  }

  /** The fact (add = true) of a results row, with the sample's producer and division. */
  static RuleFact fact(RowData row, String producerId, String divisionCode) {
    RuleFact f = new RuleFact();
    f.add = true;
    f.resultId = row.getString(RESULT_ID).toString();
    f.revision = row.getInt(REVISION);
    f.sampleId = row.getString(SAMPLE_ID).toString();
    f.sourceSystem = row.getString(SOURCE_SYSTEM).toString();
    f.producerId = producerId;
    f.divisionCode = divisionCode;
    f.commodityCode = IcebergRows.string(row, COMMODITY);
    f.sampleDay = row.getInt(SAMPLE_DATE);
    f.rapid = "RAPID".equals(row.getString(METHOD_TYPE).toString());
    String verdict = row.getString(VERDICT).toString();
    f.positive = f.rapid && "POSITIVE".equals(verdict);
    f.fail = !f.rapid && "FAIL".equals(verdict);
    f.falsePositiveProne = !row.isNullAt(FP_PRONE) && row.getBoolean(FP_PRONE);
    return f;
  }

  private void scheduleCleanup(Context ctx) throws Exception {
    Long previous = cleanupAt.value();
    if (previous != null) {
      ctx.timerService().deleteProcessingTimeTimer(previous);
    }
    long at = ctx.timerService().currentProcessingTime() + config.dedupeTtl().toMillis();
    ctx.timerService().registerProcessingTimeTimer(at);
    cleanupAt.update(at);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleFact> out) throws Exception {
    Long at = cleanupAt.value();
    if (at != null && at == timestamp) {
      contexts.clear();
      pending.clear();
      current.clear();
      cleanupAt.clear();
    }
  }
}
