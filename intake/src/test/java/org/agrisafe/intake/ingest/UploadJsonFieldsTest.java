package org.agrisafe.intake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.model.RejectedRecord;
import org.junit.jupiter.api.Test;

/** {@link UploadJsonFields} (the one JSON record reader) and {@link UploadFileRecords} (the one file splitter). */
class UploadJsonFieldsTest {
  private static final ObjectMapper TREE = new ObjectMapper();

  /** The tree-model definition: readTree, then asText per scalar (the batch adapter's former reader). */
  private static Map<String, String> tree(String payload) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    TREE.readTree(payload)
        .fields()
        .forEachRemaining(
            e -> m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return m;
  }

  @Test
  void numbersAreTheirTreeModelTextHandChecked() throws Exception {
    String p =
        "{\"a\":1,\"b\":1.50,\"c\":1e-3,\"d\":-0,\"e\":-0.0,\"f\":12345678901234567890,\"g\":true,"
            + "\"h\":null,\"i\":\" x \"}";
    Map<String, String> f = UploadJsonFields.fields(p);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("a", "1");
    expected.put("b", "1.5");
    expected.put("c", "0.001");
    expected.put("d", "0");
    expected.put("e", "-0.0");
    expected.put("f", "12345678901234567890");
    expected.put("g", "true");
    expected.put("h", null);
    expected.put("i", " x ");
    assertEquals(expected, f);
    assertEquals(tree(p), f, "same text as readTree + asText");
  }

  @Test
  void repeatedFieldKeepsItsLastValueAtItsFirstPosition() throws Exception {
    String p = "{\"x\":\"first\",\"y\":2,\"x\":\"last\"}";
    assertEquals(List.of("x", "y"), List.copyOf(UploadJsonFields.fields(p).keySet()));
    assertEquals("last", UploadJsonFields.fields(p).get("x"));
    assertEquals(tree(p), UploadJsonFields.fields(p));
    assertEquals("last", UploadJsonFields.field(p, "x"));
    assertEquals("2", UploadJsonFields.field(p, "y"));
    assertNull(UploadJsonFields.field(p, "z"));
    List<String> scanned = new ArrayList<>();
    UploadJsonFields.scan(p, (k, v) -> scanned.add(k + "=" + v));
    assertEquals(
        List.of("x=first", "y=2", "x=last"), scanned, "scan passes every occurrence in order");
  }

  @Test
  void nestedValuesAndNonObjectsAreRejectedNamingTheReason() {
    assertEquals(
        "Field 'value' is an array or object: expected a string, number or null",
        assertThrows(
                IllegalArgumentException.class, () -> UploadJsonFields.fields("{\"value\":[1]}"))
            .getMessage());
    assertEquals(
        "Field 'unit' is an array or object: expected a string, number or null",
        assertThrows(
                IllegalArgumentException.class,
                () -> UploadJsonFields.fields("{\"unit\":{\"a\":1}}"))
            .getMessage());
    assertEquals(
        "Cannot parse JSON: not a JSON object" + UploadJsonFields.EXPECTED,
        assertThrows(IllegalArgumentException.class, () -> UploadJsonFields.fields("[1]"))
            .getMessage());
    for (String bad : List.of("not json", "{\"a\":", "", "{\"a\" 1}")) {
      String m =
          assertThrows(IllegalArgumentException.class, () -> UploadJsonFields.fields(bad))
              .getMessage();
      assertTrue(m.startsWith("Cannot parse JSON: ") && m.endsWith(UploadJsonFields.EXPECTED), m);
      assertNull(UploadJsonFields.field(bad, "a"), "field() is null where fields() throws");
    }
    assertNull(UploadJsonFields.field("{\"a\":[1],\"b\":\"x\"}", "b"));
  }

  @Test
  void unreadableRecordNamesRecordFieldAndReason() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> UploadJsonFields.fields("{\"lod\":[5]}"));
    RejectedRecord r = UploadJsonFields.rejectedUnreadable("lab.jsonl", 7, "{\"lod\":[5]}", e);
    assertEquals(7, r.sourceLine());
    assertEquals("line", r.field());
    assertEquals(
        "Field 'lod' is an array or object: expected a string, number or null (record 7 of lab.jsonl)",
        r.reason());
    assertEquals("{\"lod\":[5]}", r.rawText());
    assertNull(r.recordKey());
  }

  /** Records what a split hands over, one string per call. */
  private static List<String> split(UploadAdapter.Format format, String text) throws Exception {
    List<String> calls = new ArrayList<>();
    UploadFileRecords.read(
        format,
        text,
        new UploadFileRecords.Visitor() {
          @Override
          public void blank(long line) {
            calls.add(line + " blank");
          }

          @Override
          public void jsonLine(long line, String json) {
            calls.add(line + " json " + json);
          }

          @Override
          public void csvRecord(long line, Map<String, String> fields) {
            calls.add(line + " csv " + fields);
          }

          @Override
          public void csvCellCount(long line, List<String> cells, int expected) {
            calls.add(line + " cells " + cells + "/" + expected);
          }
        });
    return calls;
  }

  @Test
  void blankLinesAndRowsAreReportedAsBlankAndKeepTheNumbering() throws Exception {
    assertEquals(
        List.of("1 json {}", "2 blank", "3 blank", "4 json  {\"a\":1} "),
        split(UploadAdapter.Format.JSON_LINES, "{}\r\n\n \t\n {\"a\":1} \n"));
    assertEquals(List.of("1 blank"), split(UploadAdapter.Format.JSON_LINES, " "));
    assertEquals(List.of(), split(UploadAdapter.Format.JSON_LINES, ""));
    assertEquals(
        List.of(
            "2 csv {a=1, b=}",
            "3 blank",
            "4 blank",
            "5 csv {a=, b=}",
            "6 cells [x, y, z]/2",
            "7 blank",
            "8 csv {a=2, b=3}"),
        split(UploadAdapter.Format.CSV, "a,b\n1,\n\n   \n,\nx,y,z\n\"\"\n2,3\n"));
  }

  @Test
  void aLeadingByteOrderMarkIsNotPartOfTheFirstRecord() throws Exception {
    assertEquals(
        List.of("1 json {\"a\":1}"), split(UploadAdapter.Format.JSON_LINES, "\ufeff{\"a\":1}\n"));
    assertEquals(List.of("2 csv {a=1, b=2}"), split(UploadAdapter.Format.CSV, "\ufeffa,b\n1,2\n"));
  }
}
