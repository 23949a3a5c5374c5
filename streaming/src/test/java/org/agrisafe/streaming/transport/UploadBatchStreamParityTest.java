package org.agrisafe.streaming.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.intake.ingest.UploadAdapter;
import org.agrisafe.intake.ingest.UploadJsonFields;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.IngestReport;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.streaming.job.ReferenceVersion;
import org.agrisafe.streaming.job.ResultProcessor;
import org.agrisafe.streaming.job.ResultProcessorHarnessTest;
import org.agrisafe.streaming.job.Uploads;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same upload file through the batch ({@link UploadAdapter#read}) and through the stream
 * ({@link UploadFileFormat#parse}, {@link UploadJson#fields}, then {@link ResultProcessor} in its operator harness):
 * equal field maps, equal accepted and rejected record counts, the same rejected records (line, field, reason), and
 * blank lines that are neither accepted nor rejected in both (docs/formats/upload-format.md, "Blank lines are not
 * records" and "Reconciliation").
 */
class UploadBatchStreamParityTest {
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final int REV_LINE =
      IcebergRows.index(ResultProcessor.REVISIONS_SCHEMA, "source_line");
  private static final int REV_VALUE_RAW =
      IcebergRows.index(ResultProcessor.REVISIONS_SCHEMA, "value_raw");
  private static final int REJ_LINE =
      IcebergRows.index(ResultProcessor.REJECTED_SCHEMA, "source_line");
  private static final int REJ_FIELD = IcebergRows.index(ResultProcessor.REJECTED_SCHEMA, "field");
  private static final int REJ_REASON =
      IcebergRows.index(ResultProcessor.REJECTED_SCHEMA, "reason");
  private static ReferenceVersion reference;

  @TempDir Path tmp;

  @BeforeAll
  static void load() {
    reference = new ReferenceVersion("bundled", 1_000L, new Judging(ReferenceData.loadBundled()));
  }

  /** Procymidone on chives with {@code value} written as raw JSON (a number, or a quoted string). */
  private static String withValue(String resultId, String sampleId, String valueJson) {
    return Uploads.procymidone(resultId, 1, sampleId, "X", "2024-07-01T09:00:00+08:00")
        .replace("\"value\":\"X\"", "\"value\":" + valueJson);
  }

  /** Line 1..n of the JSON Lines file; blank lines at 3 and 8. */
  private static final List<String> LINES =
      List.of(
          /* 1 valid */ withValue("P1", "S1", "\"0.1\""),
          /* 2 nested object */ withValue("P2", "S2", "{\"v\":1}"),
          /* 3 blank */ "   ",
          /* 4 array */ withValue("P3", "S3", "[0.1]"),
          /* 5 not JSON */ "result_id=P4;value=0.1",
          /* 6 duplicated field: the last unit (mg/kg) wins, the record is valid */
          withValue("P5", "S5", "\"0.1\"")
              .replace("\"unit\":\"mg/kg\"", "\"unit\":\"ppm\",\"unit\":\"mg/kg\""),
          /* 7 duplicated field: the last unit (ppm) wins, the record is rejected on unit */
          withValue("P6", "S6", "\"0.1\"")
              .replace("\"unit\":\"mg/kg\"", "\"unit\":\"mg/kg\",\"unit\":\"ppm\""),
          /* 8 blank */ "",
          /* 9..12 numbers */ withValue("P7", "S7", "1"),
          withValue("P8", "S8", "1.50"),
          withValue("P9", "S9", "1e-3"),
          withValue("P10", "S10", "-0"),
          /* 13 the same record as line 1 again: a duplicate, accepted once */ withValue(
              "P1", "S1", "\"0.1\""),
          /* 14 truncated */ "{\"result_id\":\"P11\",\"value\":");

  /** The text of {@code value} per readable line. */
  private static final Map<Long, String> VALUE_TEXT =
      Map.of(
          1L, "0.1", 6L, "0.1", 7L, "0.1", 9L, "1", 10L, "1.5", 11L, "0.001", 12L, "0", 13L, "0.1");

  /** The tree-model text of a JSON line: readTree, then asText per scalar (the batch's former reader). */
  private static Map<String, String> tree(String line) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    TREE.readTree(line)
        .fields()
        .forEachRemaining(
            e -> m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return m;
  }

  /** The stream's figures for {@code envelopes}: received, accepted, rejected, and the side outputs. */
  private record StreamRun(
      long received,
      long accepted,
      long rejected,
      List<RowData> revisions,
      List<RowData> rejectedRows) {}

  private static StreamRun stream(List<UploadEnvelope> envelopes) throws Exception {
    KeyedBroadcastOperatorTestHarness<String, UploadEnvelope, ReferenceVersion, RowData> h =
        ResultProcessorHarnessTest.harness(Duration.ofDays(1), reference);
    for (UploadEnvelope e : envelopes) {
      h.processElement(e, e.receivedAtMs);
    }
    var ctx = ((AbstractStreamOperator<?>) h.getOperator()).getRuntimeContext();
    StreamRun run =
        new StreamRun(
            (Long) ctx.getAccumulator("agrisafe.received").getLocalValue(),
            (Long) ctx.getAccumulator("agrisafe.accepted").getLocalValue(),
            (Long) ctx.getAccumulator("agrisafe.rejected").getLocalValue(),
            side(h.getSideOutput(ResultProcessor.REVISIONS)),
            side(h.getSideOutput(ResultProcessor.REJECTED)));
    h.close();
    return run;
  }

  private static List<RowData> side(java.util.Queue<StreamRecord<RowData>> q) {
    return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
  }

  /** line → "field | reason" of the batch's rejected records. */
  private static Map<Long, String> rejections(IngestBatch b) {
    Map<Long, String> m = new TreeMap<>();
    b.rejected().forEach(r -> m.put(r.sourceLine(), r.field() + " | " + r.reason()));
    return m;
  }

  /** line → "field | reason" of the stream's rejected rows. */
  private static Map<Long, String> rejections(StreamRun s) {
    Map<Long, String> m = new TreeMap<>();
    s.rejectedRows()
        .forEach(
            r ->
                m.put(
                    r.getLong(REJ_LINE),
                    IcebergRows.string(r, REJ_FIELD) + " | " + IcebergRows.string(r, REJ_REASON)));
    return m;
  }

  private static long batchAccepted(IngestReport r) {
    return r.rows(RowKind.SAMPLE_HEADER) + r.rows(RowKind.CONTINUATION) + r.rows(RowKind.DUPLICATE);
  }

  @Test
  void jsonLinesGiveTheSameFieldsCountsAndRejectionsInBatchAndStream() throws Exception {
    String text = String.join("\n", LINES) + "\n";
    Path file = tmp.resolve("parity.jsonl");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    // stream: one envelope per non-blank line, numbered as the file's lines
    List<UploadEnvelope> envelopes =
        UploadFileFormat.parse("parity.jsonl", text, 1_700_000_000_000L);
    assertEquals(
        List.of(1L, 2L, 4L, 5L, 6L, 7L, 9L, 10L, 11L, 12L, 13L, 14L),
        envelopes.stream().map(e -> e.line).toList(),
        "blank lines 3 and 8 give no envelope");

    // field maps: the stream's reader, the shared reader the batch calls, and the tree model agree
    List<Long> readable = new ArrayList<>();
    for (UploadEnvelope e : envelopes) {
      String line = LINES.get((int) e.line - 1);
      assertEquals(line, e.payload);
      Map<String, String> streamFields;
      try {
        streamFields = UploadJson.fields(e.payload);
      } catch (IllegalArgumentException err) {
        assertEquals(err.getMessage(), assertThrowsMessage(line), "line " + e.line);
        continue;
      }
      readable.add(e.line);
      assertEquals(UploadJsonFields.fields(line), streamFields, "line " + e.line);
      assertEquals(tree(line), streamFields, "line " + e.line);
      assertEquals(
          VALUE_TEXT.get(e.line), streamFields.get("value"), "value text of line " + e.line);
    }
    assertEquals(List.of(1L, 6L, 7L, 9L, 10L, 11L, 12L, 13L), readable);
    assertEquals(
        "mg/kg",
        UploadJson.fields(LINES.get(5)).get("unit"),
        "a repeated field keeps its last value");
    assertEquals("ppm", UploadJson.fields(LINES.get(6)).get("unit"));

    IngestBatch batch =
        UploadAdapter.read(
            file,
            StandardCharsets.UTF_8,
            org.agrisafe.streaming.job.StreamConfig.defaults().zone());
    IngestReport report = batch.report().reconcile();
    StreamRun stream = stream(envelopes);

    // blank lines: rows of their own in the batch report, never records, in either path
    assertEquals(14, report.rowsRead());
    assertEquals(2, report.rows(RowKind.BLANK));
    assertEquals(
        12, stream.received(), "the stream receives the 12 records, not the 2 blank lines");
    assertEquals(report.rowsRead() - report.rows(RowKind.BLANK), stream.received());
    assertEquals(
        stream.received(),
        stream.accepted() + stream.rejected(),
        "stream: received = accepted + rejected");

    // accepted: lines 1, 6, 9, 10, 11, 12 and the duplicate 13; rejected: 2, 4, 5, 7, 14
    assertEquals(7, batchAccepted(report));
    assertEquals(1, report.rows(RowKind.DUPLICATE));
    assertEquals(5, report.rows(RowKind.REJECTED));
    assertEquals(batchAccepted(report), stream.accepted());
    assertEquals(report.rows(RowKind.REJECTED), stream.rejected());

    // the same rejected records: line, field and reason
    Map<Long, String> batchRejected = rejections(batch);
    assertEquals(batchRejected, rejections(stream));
    assertEquals(List.of(2L, 4L, 5L, 7L, 14L), List.copyOf(batchRejected.keySet()));
    assertEquals(
        "line | Field 'value' is an array or object: expected a string, number or null (record 2 of "
            + "parity.jsonl)",
        batchRejected.get(2L));
    assertEquals(
        "line | Field 'value' is an array or object: expected a string, number or null (record 4 of "
            + "parity.jsonl)",
        batchRejected.get(4L));
    assertEquals("unit", batchRejected.get(7L).split(" \\| ")[0]);
    for (long line : List.of(5L, 14L)) {
      String r = batchRejected.get(line);
      assertTrue(
          r.startsWith("line | Cannot parse JSON: ")
              && r.endsWith(
                  " (expected one JSON object with "
                      + "string, number or null values) (record "
                      + line
                      + " of parity.jsonl)"),
          r);
    }

    // the values that reached the results: the same text, line by line
    Map<Long, String> batchValues = new TreeMap<>();
    for (ParsedResult r : batch.results()) {
      batchValues.put(r.sourceLine(), r.valueRaw());
    }
    Map<Long, String> streamValues = new TreeMap<>();
    stream
        .revisions()
        .forEach(r -> streamValues.put(r.getLong(REV_LINE), IcebergRows.string(r, REV_VALUE_RAW)));
    assertEquals(
        Map.of(1L, "0.1", 6L, "0.1", 9L, "1", 10L, "1.5", 11L, "0.001", 12L, "0"), batchValues);
    assertEquals(batchValues, streamValues);
  }

  private static String assertThrowsMessage(String line) {
    try {
      UploadJsonFields.fields(line);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return null;
  }

  @Test
  void csvBlankRowsAreSkippedInBothAndKeepTheRecordNumbers() throws Exception {
    String header =
        "result_id,revision,sample_id,lab_id,lab_level,sampling_stage,division_code,commodity,analyte,"
            + "method,value,unit,sampled_at,programme\n";
    String row =
        ",1,{s},370100-QC-01,city,wholesale_market,370102,韭菜,腐霉利,LC-MS/MS,0.1,{u},"
            + "2024-07-01T09:00:00+08:00,random_monitoring\n";
    String text =
        header
            + "C1"
            + row.replace("{s}", "S1").replace("{u}", "mg/kg") // 2 valid
            + "\n" // 3 empty row
            + "   \n" // 4 white space only
            + "C2"
            + row.replace("{s}", "S2").replace("{u}", "ppm") // 5 unknown unit
            + "\"\"\n" // 6 one empty quoted cell
            + "C3,1,S3\n" // 7 wrong number of cells
            + "C4"
            + row.replace("{s}", "S4").replace("{u}", "mg/kg"); // 8 valid
    Path file = tmp.resolve("parity.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    List<UploadEnvelope> envelopes = UploadFileFormat.parse("parity.csv", text, 1_700_000_000_000L);
    assertEquals(
        List.of(2L, 5L, 7L, 8L),
        envelopes.stream().map(e -> e.line).toList(),
        "blank rows give no envelope and do not shift the record numbers");
    IngestBatch batch =
        UploadAdapter.read(
            file,
            StandardCharsets.UTF_8,
            org.agrisafe.streaming.job.StreamConfig.defaults().zone());
    IngestReport report = batch.report().reconcile();
    StreamRun stream = stream(envelopes);

    assertEquals(7, report.rowsRead());
    assertEquals(3, report.rows(RowKind.BLANK));
    assertEquals(report.rowsRead() - report.rows(RowKind.BLANK), stream.received());
    assertEquals(stream.received(), stream.accepted() + stream.rejected());
    assertEquals(2, batchAccepted(report));
    assertEquals(batchAccepted(report), stream.accepted());
    assertEquals(report.rows(RowKind.REJECTED), stream.rejected());

    Map<Long, String> batchRejected = rejections(batch);
    Map<Long, String> streamRejected = rejections(stream);
    assertEquals(batchRejected.keySet(), streamRejected.keySet());
    assertEquals(List.of(5L, 7L), List.copyOf(batchRejected.keySet()));
    assertEquals(
        batchRejected.get(5L), streamRejected.get(5L), "the unit is rejected with the same reason");
    assertEquals("line", batchRejected.get(7L).split(" \\| ")[0]);
    assertEquals(
        "line",
        streamRejected.get(7L).split(" \\| ")[0],
        "a row of the wrong width is field 'line' in "
            + "both (the reasons differ: the stream receives its raw text)");
    assertNull(UploadJsonFields.field("C3,1,S3", "result_id"));
  }

  @Test
  void aUtf8ByteOrderMarkIsSkippedInBoth() throws Exception {
    String csv =
        "\ufeffresult_id,revision,sample_id,lab_id,lab_level,sampling_stage,division_code,commodity,"
            + "analyte,method,value,unit,sampled_at,programme\n"
            + "B1,1,SB1,370100-QC-01,city,wholesale_market,370102,韭菜,腐霉利,LC-MS/MS,0.1,mg/kg,"
            + "2024-07-01T09:00:00+08:00,random_monitoring\n";
    String jsonl = "\ufeff" + withValue("B2", "SB2", "\"0.1\"") + "\n";
    for (String[] f : new String[][] {{"bom.csv", csv}, {"bom.jsonl", jsonl}}) {
      Path file = tmp.resolve(f[0]);
      Files.writeString(file, f[1], StandardCharsets.UTF_8);
      IngestReport report =
          UploadAdapter.read(
                  file,
                  StandardCharsets.UTF_8,
                  org.agrisafe.streaming.job.StreamConfig.defaults().zone())
              .report()
              .reconcile();
      StreamRun stream = stream(UploadFileFormat.parse(f[0], f[1], 1_700_000_000_000L));
      assertEquals(1, batchAccepted(report), f[0]);
      assertEquals(
          1,
          stream.accepted(),
          f[0] + ": Excel's UTF-8 BOM is not part of the first header name or line");
      assertEquals(0, stream.rejected(), f[0]);
    }
  }
}
