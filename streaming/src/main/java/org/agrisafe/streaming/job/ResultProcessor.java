package org.agrisafe.streaming.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.ingest.ResultRowValues;
import org.agrisafe.intake.ingest.UploadRecords;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.judging.Judging.JudgedResult;
import org.agrisafe.intake.judging.Judging.JudgedSample;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.SourceSystem;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.agrisafe.streaming.transport.UploadEnvelope;
import org.agrisafe.streaming.transport.UploadJson;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.iceberg.Schema;

/**
 * The heart of the stream, keyed by the lab's {@code result_id}: validates each uploaded record with the batch
 * adapters' code ({@link UploadRecords#parse}), judges it ({@link Judging}), suppresses duplicates, applies
 * corrections, and raises the per-result warnings ({@link StreamRules}).
 *
 * <p>Reference data (MRLs, bans, analyte and commodity names) is broadcast state: the second input carries
 * {@link ReferenceVersion}s (from {@link ReferencePoller} when the reference tables change), stored under
 * {@link ReferenceVersion#CURRENT} in {@link ReferenceVersion#STATE} (checkpointed with the job). A record is judged with the
 * newer ({@link ReferenceVersion#newer}, by load time) of the broadcast version and the version the function was
 * built with. So no record is ever judged with nothing: the version loaded at job start judges until the first
 * broadcast arrives (the simplest correct choice; nothing is buffered), and after a restore the restored broadcast
 * version is not preferred to a newer load at restart. Metrics: {@code reference-versions} (broadcast versions
 * received), {@code reference-loaded-at-ms} (load time of the version in force, epoch ms); each new version is
 * printed once per subtask ({@code reference: judging with ...}).
 *
 * <p>Per record:
 * <ol>
 *   <li>not JSON, invalid, or posted for another lab than the authenticated one: a {@code rejected_records} row
 *       ({@link #REJECTED}); counted {@code rejected};</li>
 *   <li>(result_id, revision) already seen with the same content: suppressed, counted {@code duplicates}; with
 *       different content: rejected (a correction must raise the revision, as in the batch adapter);</li>
 *   <li>a revision higher than the current one: the new current row; the previous revision's history row is
 *       rewritten with {@code is_current=false}; if the correction moved the result to another
 *       {@code sample_month} (partition), a DELETE of the old key is emitted first so that exactly one current row
 *       remains; counted {@code superseded};</li>
 *   <li>a revision lower than the current one arriving late: history row only, {@code is_current=false}; counted
 *       {@code superseded}.</li>
 * </ol>
 * Hence received = accepted + rejected, and accepted = current rows + duplicates + superseded.
 *
 * <p>Main output: upsert rows of {@code monitoring.results} (INSERT, or DELETE of a moved key). Side outputs:
 * {@link #REVISIONS} (upsert rows of {@code monitoring.result_revisions}), {@link #REJECTED}, {@link #WARNINGS},
 * {@link #CURRENT} (the record of each new current revision, for {@link SampleProcessor}), {@link #FACTS} (the
 * window rules' input: the record is parsed once, here).
 * A record whose event time ({@code sampled_at}) is behind the watermark is still processed and written, and
 * counted on the {@code late} metric. The counts are metrics and job accumulators ({@code agrisafe.received} etc.,
 * {@link ReconciledCounter}). State is cleared by a processing-time timer {@code dedupe-ttl} after the
 * last record of a result (explicit timers rather than state TTL, so that harness tests see state and timers
 * return to zero).
 */
public class ResultProcessor
    extends KeyedBroadcastProcessFunction<String, UploadEnvelope, ReferenceVersion, RowData> {
  public static final Schema RESULTS_SCHEMA = Tables.RESULTS.schema();
  public static final Schema REVISIONS_SCHEMA = Tables.RESULT_REVISIONS.schema();
  public static final Schema REJECTED_SCHEMA = Tables.REJECTED_RECORDS.schema();
  public static final Schema WARNINGS_SCHEMA = WarningTables.WARNINGS.schema();

  public static final OutputTag<RowData> REVISIONS =
      new OutputTag<>("result-revisions", IcebergRows.typeInfo(REVISIONS_SCHEMA));
  public static final OutputTag<RowData> REJECTED =
      new OutputTag<>("rejected-records", IcebergRows.typeInfo(REJECTED_SCHEMA));
  public static final OutputTag<RowData> WARNINGS =
      new OutputTag<>("warnings", IcebergRows.typeInfo(WARNINGS_SCHEMA));

  /** Each record that became the current revision of its result: the input of {@link SampleProcessor}. */
  public static final OutputTag<CurrentRecord> CURRENT =
      new OutputTag<>("current-records", TypeInformation.of(CurrentRecord.class));

  /**
   * The changelog of {@link RuleFact}s the window rules count (only when PRODUCER_REPEAT or RAPID_POSITIVE_RATE is
   * switched on): for each new current revision, the retraction ({@code add = false}) of the previous current
   * revision's fact, then the new fact ({@code add = true}), with the sample's producer and division from the
   * record itself. A late lower revision emits nothing.
   */
  public static final OutputTag<RuleFact> FACTS =
      new OutputTag<>("rule-facts", TypeInformation.of(RuleFact.class));

  private static final int IS_CURRENT = IcebergRows.index(REVISIONS_SCHEMA, "is_current");
  private static final int SUPERSEDED_BY =
      IcebergRows.index(REVISIONS_SCHEMA, "superseded_by_revision");
  private static final int REVISION = IcebergRows.index(REVISIONS_SCHEMA, "revision");
  private static final int SAMPLE_MONTH = IcebergRows.index(REVISIONS_SCHEMA, "sample_month");

  private static final RowData.FieldGetter[] REVISION_GETTERS =
      IcebergRows.getters(REVISIONS_SCHEMA);
  private static final int RESULTS_ARITY = RESULTS_SCHEMA.columns().size();

  private final ReferenceVersion initial;
  private final StreamConfig config;
  private final List<StreamRules.Rule> rules;

  /**
   * All the state of a result as one byte array ({@link ResultState}): the revisions seen with their content
   * fingerprints ({@link UploadJson#fingerprint}), the current revision's row, its rule fact and the clean-up expiry.
   */
  private transient ValueState<byte[]> state;

  private transient org.apache.flink.core.memory.DataOutputSerializer stateBuffer;
  private final boolean facts;
  private transient Counter received;
  private transient Counter accepted;
  private transient Counter rejected;
  private transient Counter duplicates;
  private transient Counter superseded;
  private transient Counter late;
  private transient Counter referenceVersions;
  private transient ReferenceVersion inForce;
  private transient RowDataSerializer revisionRows;

  /**
   * @param initial the reference version loaded at job start: judges until a newer version is broadcast
   * @param config stream parameters (dedupe TTL, zone, run ID)
   * @param rules the per-result warning rules that are switched on
   * @throws IllegalArgumentException if {@code initial} is null
   */
  public ResultProcessor(
      ReferenceVersion initial, StreamConfig config, List<StreamRules.Rule> rules) {
    if (initial == null) {
      throw new IllegalArgumentException(
          "Invalid initial reference version null: expected the version loaded at " + "job start");
    }
    this.initial = initial;
    this.config = config;
    this.rules = List.copyOf(rules);
    this.facts =
        rules.contains(StreamRules.Rule.PRODUCER_REPEAT)
            || rules.contains(StreamRules.Rule.RAPID_POSITIVE_RATE);
  }

  @Override
  public void open(Configuration parameters) {
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "result-state",
                    org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo
                        .BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    stateBuffer = new org.apache.flink.core.memory.DataOutputSerializer(1024);
    revisionRows = IcebergRows.serializer(REVISIONS_SCHEMA);
    var g = getRuntimeContext().getMetricGroup().addGroup("agrisafe");
    received = ReconciledCounter.register(getRuntimeContext(), g, "received");
    accepted = ReconciledCounter.register(getRuntimeContext(), g, "accepted");
    rejected = ReconciledCounter.register(getRuntimeContext(), g, "rejected");
    duplicates = ReconciledCounter.register(getRuntimeContext(), g, "duplicates");
    superseded = ReconciledCounter.register(getRuntimeContext(), g, "superseded");
    late = ReconciledCounter.register(getRuntimeContext(), g, "late");
    referenceVersions = g.counter("reference-versions");
    g.gauge(
        "reference-loaded-at-ms",
        (Gauge<Long>) () -> inForce == null ? initial.loadedAtMs : inForce.loadedAtMs);
  }

  @Override
  public void processBroadcastElement(ReferenceVersion v, Context ctx, Collector<RowData> out)
      throws Exception {
    referenceVersions.inc();
    ReferenceVersion.store(ctx.getBroadcastState(ReferenceVersion.STATE), v);
  }

  /** The version in force: the newer of the broadcast one and the initial one. */
  private ReferenceVersion reference(ReadOnlyContext ctx) throws Exception {
    ReferenceVersion v =
        ReferenceVersion.inForce(initial, ctx.getBroadcastState(ReferenceVersion.STATE));
    if (inForce == null
        || !inForce.version.equals(v.version)
        || inForce.loadedAtMs != v.loadedAtMs) {
      if (inForce != null || v != initial) {
        System.out.println("reference: judging with " + v.version);
      }
      inForce = v;
    }
    return inForce;
  }

  @Override
  public void processElement(UploadEnvelope in, ReadOnlyContext ctx, Collector<RowData> out)
      throws Exception {
    received.inc();
    Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
    Long ts = ctx.timestamp();
    if (ts != null && ts < ctx.timerService().currentWatermark()) {
      late.inc();
    }
    Map<String, String> fields;
    try {
      fields = UploadJson.fields(in.payload);
    } catch (IllegalArgumentException e) {
      reject(
          ctx,
          org.agrisafe.intake.ingest.UploadJsonFields.rejectedUnreadable(
              in.source, in.line, in.payload, e),
          now);
      return;
    }
    UploadRecords.Outcome o;
    try {
      o = UploadRecords.parse(fields, in.source, in.line, config.zone());
    } catch (RuntimeException e) {
      // the parser reports bad data as Invalid; anything it throws is still a rejection, never a
      // crash loop
      reject(
          ctx,
          new RejectedRecord(
              SourceSystem.PLATFORM_UPLOAD,
              in.source,
              in.line,
              null,
              "line",
              "Cannot validate record " + in.line + " of " + in.source + ": " + e.getMessage(),
              in.payload),
          now);
      return;
    }
    if (o instanceof UploadRecords.Invalid inv) {
      reject(ctx, inv.rejected(), now);
      return;
    }
    UploadRecords.Valid v = (UploadRecords.Valid) o;
    String key = SourceSystem.PLATFORM_UPLOAD + ":" + ctx.getCurrentKey();
    if (in.lab != null && !in.lab.equals(v.sample().labId())) {
      reject(
          ctx,
          new RejectedRecord(
              SourceSystem.PLATFORM_UPLOAD,
              in.source,
              in.line,
              key,
              UploadRecords.LAB_ID,
              "Record posted by lab '"
                  + in.lab
                  + "' names lab_id '"
                  + v.sample().labId()
                  + "': expected a lab to post only its own results",
              v.sample().labId()),
          now);
      return;
    }
    int revision = v.result().revision();
    byte[] fingerprint = UploadJson.fingerprintBytes(fields);
    ResultState st = ResultState.decode(state.value(), revisionRows);
    byte[] seen = st.fingerprint(revision);
    if (seen != null) {
      if (java.util.Arrays.equals(seen, fingerprint)) {
        accepted.inc();
        duplicates.inc();
        save(st, ctx);
        return;
      }
      reject(
          ctx,
          new RejectedRecord(
              SourceSystem.PLATFORM_UPLOAD,
              in.source,
              in.line,
              key,
              UploadRecords.REVISION,
              "Result "
                  + ctx.getCurrentKey()
                  + " revision "
                  + revision
                  + " was already received with different content: expected a higher revision for a correction",
              Integer.toString(revision)),
          now);
      return;
    }
    JudgedSample js;
    ReferenceVersion reference;
    try {
      reference = reference(ctx);
      js = reference.judging().judge(v.sample(), List.of(v.result()));
    } catch (RuntimeException e) {
      reject(
          ctx,
          new RejectedRecord(
              SourceSystem.PLATFORM_UPLOAD,
              in.source,
              in.line,
              key,
              "verdict",
              "Cannot judge result " + key + ": " + e.getMessage(),
              in.payload),
          now);
      return;
    }
    accepted.inc();
    JudgedResult jr = js.results().get(0);
    Map<String, Object> values = ResultRowValues.resultRow(js, jr, config.runId(), now);
    values.put("reference_version", reference.version); // docs/conventions.md §3.7
    st.addRevision(revision, fingerprint);
    RowData cur = st.current;
    int curRev = cur == null ? 0 : cur.getInt(REVISION);
    if (revision > curRev) {
      values.put("is_current", true);
      GenericRowData history = IcebergRows.toRow(REVISIONS_SCHEMA, values, RowKind.INSERT);
      if (cur != null) {
        superseded.inc();
        GenericRowData old =
            IcebergRows.prefix(cur, REVISION_GETTERS, REVISION_GETTERS.length, RowKind.INSERT);
        old.setField(IS_CURRENT, false);
        old.setField(SUPERSEDED_BY, revision);
        ctx.output(REVISIONS, old);
        String oldMonth = IcebergRows.string(cur, SAMPLE_MONTH);
        if (!oldMonth.equals(values.get("sample_month"))) {
          out.collect(IcebergRows.prefix(cur, REVISION_GETTERS, RESULTS_ARITY, RowKind.DELETE));
        }
      }
      ctx.output(REVISIONS, history);
      out.collect(IcebergRows.prefix(history, REVISION_GETTERS, RESULTS_ARITY, RowKind.INSERT));
      st.current = history;
      ctx.output(
          CURRENT, new CurrentRecord(v.sample().sampleId(), v.result().resultId(), revision, in));
      if (facts) {
        RuleFact fact = RuleFact.of(history, v.sample().producerId(), v.sample().divisionCode());
        RuleFact previous = st.fact;
        if (previous != null) {
          ctx.output(FACTS, previous.withAdd(false));
        }
        ctx.output(FACTS, fact);
        st.fact = fact;
      }
      for (StreamRules.Rule rule : rules) {
        Map<String, Object> w = StreamRules.warning(rule, js, jr, now);
        if (w != null) {
          ctx.output(WARNINGS, IcebergRows.toRow(WARNINGS_SCHEMA, w, RowKind.INSERT));
        }
      }
    } else {
      superseded.inc();
      values.put("is_current", false);
      values.put("superseded_by_revision", curRev);
      ctx.output(REVISIONS, IcebergRows.toRow(REVISIONS_SCHEMA, values, RowKind.INSERT));
    }
    save(st, ctx);
  }

  /** The {@code monitoring.rejected_records} row (INSERT) of {@code r}, written by run {@code runId} at {@code now}. */
  static RowData rejectedRow(RejectedRecord r, String runId, Instant now) {
    return IcebergRows.toRow(
        REJECTED_SCHEMA, ResultRowValues.rejectedRow(r, runId, now), RowKind.INSERT);
  }

  private void reject(ReadOnlyContext ctx, RejectedRecord r, Instant now) {
    rejected.inc();
    ctx.output(REJECTED, rejectedRow(r, config.runId(), now));
  }

  /** Stores the result's state with its expiry moved to now + dedupe TTL ({@link StateTtl#touch}). */
  private void save(ResultState st, ReadOnlyContext ctx) throws Exception {
    st.expiry = StateTtl.touch(st.expiry, ctx.timerService(), config.dedupeTtl());
    state.update(st.encode(revisionRows, stateBuffer));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
    byte[] bytes = state.value();
    if (bytes != null
        && StateTtl.expired(ResultState.expiryOf(bytes), timestamp, ctx.timerService())) {
      state.clear();
    }
  }
}
