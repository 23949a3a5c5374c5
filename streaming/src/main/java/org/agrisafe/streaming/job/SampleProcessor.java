package org.agrisafe.streaming.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.agrisafe.intake.ingest.ResultRowValues;
import org.agrisafe.intake.ingest.UploadRecords;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.judging.Judging.JudgedSample;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.SourceSystem;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.rules.WarningDeduplicator;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.agrisafe.streaming.transport.UploadEnvelope;
import org.agrisafe.streaming.transport.UploadJson;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.iceberg.Schema;

/**
 * Writes {@code monitoring.samples} from the stream, keyed by the stored {@code sample_id}
 * ({@code <source_system>:<lab's sample ID>}, so the key includes the source system): keeps, per sample, the
 * record of each result's current revision (MapState by {@code result_id}, fed by {@link ResultProcessor#CURRENT})
 * (each record parsed once: a per-subtask cache of parsed records by result ID, checked against the stored record)
 * and re-judges the sample on all of them with the batch ingest's code: {@link Judging#judge} for the sample-level
 * verdict, counts, rapid outcome and confirmation, and {@link ResultRowValues#sampleRow} for the row, exactly as
 * {@code IngestJob} does for a file.
 *
 * <p>Per record (a result's new current revision):
 * <ol>
 *   <li>the record replaces that result's earlier revision in state; the sample's attributes are those of the
 *       record just received (a correction of the sampling time moves the sample);</li>
 *   <li>the sample row is recomputed; if it equals the last emitted one, ignoring {@code ingested_at},
 *       {@code ingest_run_id}, {@code source_file} and {@code source_line}, nothing is emitted (counted
 *       {@code samples_unchanged}); otherwise an upsert row is emitted (counted {@code samples_emitted}), preceded by
 *       a DELETE of the previous row when its {@code sample_month} or {@code test_kind} (partition) changed, so
 *       that exactly one current
 *       row per sample remains;</li>
 *   <li>the sample-level rules switched on ({@link StreamRules#sampleWarnings}, e.g.
 *       {@link StreamRules.Rule#CONFIRMED_AFTER_RAPID}) raise warnings on {@link #WARNINGS}; repeats of the same
 *       finding carry the same warning ID and are suppressed downstream ({@link WarningDeduplicator}).</li>
 * </ol>
 * A record that cannot be re-parsed or judged (not expected: {@link ResultProcessor} accepted it with the same
 * code) becomes a {@code rejected_records} row on {@link #REJECTED}. State is cleared by a processing-time timer
 * {@code dedupe-ttl} after the last record of the sample (explicit timers, as in {@link ResultProcessor}); a
 * correction arriving after that sees only itself, so the TTL must outlast re-upload windows.
 */
public class SampleProcessor
    extends KeyedBroadcastProcessFunction<String, CurrentRecord, ReferenceVersion, RowData> {
  public static final Schema SAMPLES_SCHEMA = Tables.SAMPLES.schema();

  /** Warning rows of the sample-level rules (same tag and row type as the per-result rules'). */
  public static final OutputTag<RowData> WARNINGS = ResultProcessor.WARNINGS;

  public static final OutputTag<RowData> REJECTED =
      new OutputTag<>(
          "sample-rejected-records", IcebergRows.typeInfo(ResultProcessor.REJECTED_SCHEMA));

  /** Columns that do not make a sample row "changed": lineage and ingestion bookkeeping. */
  public static final Set<String> NOT_COMPARED =
      Set.of("ingested_at", "ingest_run_id", "source_file", "source_line");

  private static final int SAMPLE_MONTH = IcebergRows.index(SAMPLES_SCHEMA, "sample_month");
  private static final int TEST_KIND = IcebergRows.index(SAMPLES_SCHEMA, "test_kind");
  private static final RowData.FieldGetter[] GETTERS = IcebergRows.getters(SAMPLES_SCHEMA);

  /** Parsed records kept per subtask (a cache, not state): enough for the results of the samples in flight. */
  static final int PARSED_CACHE_ENTRIES = 20_000;

  /** Keys a current record by its stored sample ID. */
  public static final class SampleKey implements KeySelector<CurrentRecord, String> {
    @Override
    public String getKey(CurrentRecord r) {
      return r.sampleId;
    }
  }

  private final ReferenceVersion initial;
  private final StreamConfig config;
  private final List<StreamRules.Rule> rules;

  /** The record of each result's current revision ({@link UploadEnvelope#toBytes}), by stored result ID. */
  private transient MapState<String, byte[]> records;

  /**
   * The rest of the sample's state as one byte array: the clean-up expiry ({@link StateTtl}; long, epoch ms), then
   * a presence byte and the last emitted row in Flink's binary row format. One array, not one state each, because
   * the heap backend writes every state entry with its key at every checkpoint.
   */
  private transient ValueState<byte[]> sampleState;

  private transient org.apache.flink.core.memory.DataOutputSerializer stateBuffer;
  private transient Counter samplesEmitted;
  private transient Counter samplesUnchanged;

  /** Parsed records by result ID, least recently used evicted beyond {@link #PARSED_CACHE_ENTRIES}. */
  private transient Map<String, Parsed> cache;

  private transient org.apache.flink.table.runtime.typeutils.RowDataSerializer sampleRows;

  /**
   * With fixed reference data: {@code judging} judges every sample (no version is broadcast).
   *
   * @see #SampleProcessor(ReferenceVersion, StreamConfig, List)
   */
  public SampleProcessor(Judging judging, StreamConfig config, List<StreamRules.Rule> rules) {
    this(ReferenceVersion.fixed(judging), config, rules);
  }

  /**
   * @param initial the reference version loaded at job start; the reference data is broadcast state as in
   *     {@link ResultProcessor} (the same versions, {@link ReferenceVersion#inForce}), so that a sample is judged
   *     with the same limits and bans as its results
   * @param config stream parameters (dedupe TTL, zone, run ID)
   * @param rules the warning rules switched on; the sample-level ones are applied here
   */
  public SampleProcessor(
      ReferenceVersion initial, StreamConfig config, List<StreamRules.Rule> rules) {
    if (initial == null) {
      throw new IllegalArgumentException(
          "Invalid initial reference version null: expected the verdict rules");
    }
    if (config == null) {
      throw new IllegalArgumentException(
          "Invalid stream config null: expected StreamConfig.defaults() or a copy");
    }
    this.initial = initial;
    this.config = config;
    this.rules = List.copyOf(rules);
  }

  @Override
  public void open(Configuration parameters) {
    records =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "sample-records",
                    Types.STRING,
                    PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    sampleRows = IcebergRows.serializer(SAMPLES_SCHEMA);
    sampleState =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "sample-state", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    stateBuffer = new org.apache.flink.core.memory.DataOutputSerializer(1024);
    var g = getRuntimeContext().getMetricGroup().addGroup("agrisafe");
    samplesEmitted = g.counter("samples_emitted");
    samplesUnchanged = g.counter("samples_unchanged");
    cache =
        new java.util.LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > PARSED_CACHE_ENTRIES;
          }
        };
  }

  @Override
  public void processBroadcastElement(ReferenceVersion v, Context ctx, Collector<RowData> out)
      throws Exception {
    ReferenceVersion.store(ctx.getBroadcastState(ReferenceVersion.STATE), v);
  }

  @Override
  public void processElement(CurrentRecord in, ReadOnlyContext ctx, Collector<RowData> out)
      throws Exception {
    Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
    byte[] stored = in.record;
    UploadEnvelope env = in.envelope();
    records.put(in.resultId, stored);
    byte[] ss = sampleState.value();
    long expiry =
        StateTtl.touch(
            ss == null ? 0 : ResultState.expiryOf(ss), ctx.timerService(), config.dedupeTtl());
    RowData previous = ss == null ? null : emittedRow(ss);
    JudgedSample js;
    ReferenceVersion reference;
    try {
      UploadRecords.Valid self = parse(env);
      cache.put(in.resultId, new Parsed(stored, self));
      ParsedSample sample = self.sample();
      List<ParsedResult> results = new ArrayList<>();
      for (Map.Entry<String, byte[]> e : records.entries()) {
        results.add(parsed(e.getKey(), e.getValue()).result());
      }
      results.sort(Comparator.comparing(ParsedResult::resultId));
      reference = ReferenceVersion.inForce(initial, ctx.getBroadcastState(ReferenceVersion.STATE));
      js = reference.judging().judge(sample, results);
    } catch (RuntimeException e) {
      ctx.output(
          REJECTED,
          ResultProcessor.rejectedRow(
              new RejectedRecord(
                  SourceSystem.PLATFORM_UPLOAD,
                  env.source,
                  env.line,
                  in.sampleId,
                  "verdict",
                  "Cannot judge sample "
                      + in.sampleId
                      + " after result "
                      + in.resultId
                      + " rev "
                      + in.revision
                      + ": "
                      + e.getMessage(),
                  env.payload),
              config.runId(),
              now));
      saveState(expiry, previous);
      return;
    }
    Map<String, Object> values = ResultRowValues.sampleRow(js, config.runId(), now);
    values.put("reference_version", reference.version); // docs/conventions.md §3.7
    RowData row = IcebergRows.toRow(SAMPLES_SCHEMA, values, RowKind.INSERT);
    RowData binary = IcebergRows.binary(sampleRows, row);
    if (previous != null && sameContent(previous, binary)) {
      samplesUnchanged.inc();
      saveState(expiry, previous);
    } else {
      if (previous != null && movesPartition(previous, values)) {
        out.collect(IcebergRows.prefix(previous, GETTERS, GETTERS.length, RowKind.DELETE));
      }
      out.collect(row);
      saveState(expiry, binary);
      samplesEmitted.inc();
    }
    for (StreamRules.Rule rule : rules) {
      for (Map<String, Object> w : StreamRules.sampleWarnings(rule, js, now)) {
        ctx.output(WARNINGS, IcebergRows.toRow(ResultProcessor.WARNINGS_SCHEMA, w, RowKind.INSERT));
      }
    }
  }

  /**
   * The parsed record of result {@code resultId}: from the per-subtask cache when it holds the same record
   * (the same stored bytes), else decoded, parsed and cached. So each record is parsed once here, not once per
   * later result of its sample. The cache is not state: after a restore it refills from the stored records.
   */
  private UploadRecords.Valid parsed(String resultId, byte[] stored) {
    Parsed c = cache.get(resultId);
    if (c != null && (c.stored == stored || java.util.Arrays.equals(c.stored, stored))) {
      return c.valid;
    }
    UploadRecords.Valid v = parse(UploadEnvelope.fromBytes(stored));
    cache.put(resultId, new Parsed(stored, v));
    return v;
  }

  private record Parsed(byte[] stored, UploadRecords.Valid valid) {}

  private UploadRecords.Valid parse(UploadEnvelope e) {
    UploadRecords.Outcome o =
        UploadRecords.parse(UploadJson.fields(e.payload), e.source, e.line, config.zone());
    if (o instanceof UploadRecords.Invalid inv) {
      throw new IllegalStateException(
          "record "
              + e.line
              + " of "
              + e.source
              + " is no longer valid: "
              + inv.rejected().reason());
    }
    return (UploadRecords.Valid) o;
  }

  /** The indexes of the columns of {@code monitoring.samples} that are compared: all but {@link #NOT_COMPARED}. */
  private static final int[] COMPARED =
      IntStream.range(0, SAMPLES_SCHEMA.columns().size())
          .filter(i -> !NOT_COMPARED.contains(SAMPLES_SCHEMA.columns().get(i).name()))
          .toArray();

  /**
   * Whether two binary rows of {@code monitoring.samples} ({@link IcebergRows#binary}) have the same content in
   * every column but {@link #NOT_COMPARED}. The attributes map is sorted by key ({@link ResultRowValues#sampleRow}),
   * so equal maps have equal bytes.
   */
  static boolean sameContent(RowData a, RowData b) {
    for (int i : COMPARED) {
      if (!java.util.Objects.equals(GETTERS[i].getFieldOrNull(a), GETTERS[i].getFieldOrNull(b))) {
        return false;
      }
    }
    return true;
  }

  /** The last emitted row of a sample's encoded state, or null. */
  private RowData emittedRow(byte[] ss) throws java.io.IOException {
    org.apache.flink.core.memory.DataInputDeserializer in =
        new org.apache.flink.core.memory.DataInputDeserializer(
            ss, Long.BYTES, ss.length - Long.BYTES);
    return in.readBoolean() ? sampleRows.deserialize(in) : null;
  }

  /** Stores the sample's expiry and last emitted row (binary; or null). */
  private void saveState(long expiry, RowData emittedRow) throws java.io.IOException {
    stateBuffer.clear();
    stateBuffer.writeLong(expiry);
    stateBuffer.writeBoolean(emittedRow != null);
    if (emittedRow != null) {
      sampleRows.serialize(emittedRow, stateBuffer);
    }
    sampleState.update(stateBuffer.getCopyOfBuffer());
  }

  /**
   * Whether the new row of a sample is in another partition of {@code monitoring.samples} than the previous one:
   * another {@code sample_month} (a correction of the sampling date) or another {@code test_kind} (e.g. RAPID
   * becomes MIXED when a quantitative result of the sample arrives). The upsert key includes both
   * ({@link IcebergSinks#SAMPLES_KEY}), so the old key must be deleted.
   */
  static boolean movesPartition(RowData previous, Map<String, Object> values) {
    return !java.util.Objects.equals(
            IcebergRows.string(previous, SAMPLE_MONTH), values.get("sample_month"))
        || !java.util.Objects.equals(
            IcebergRows.string(previous, TEST_KIND), values.get("test_kind"));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
    byte[] ss = sampleState.value();
    if (ss != null && StateTtl.expired(ResultState.expiryOf(ss), timestamp, ctx.timerService())) {
      records.clear();
      sampleState.clear();
    }
  }
}
