package org.agrisafe.streaming.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadJsonTest {
  private static final ObjectMapper TREE = new ObjectMapper();

  /** The tree-model definition the streaming parser replaced: readTree, then asText per scalar. */
  private static Map<String, String> reference(String payload) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    TREE.readTree(payload)
        .fields()
        .forEachRemaining(
            e -> m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return m;
  }

  @Test
  void fieldsEqualTheTreeModelsText() throws Exception {
    for (String p :
        List.of(
            "{\"result_id\":\"R1\",\"revision\":2,\"value\":0.00001,\"lod\":1e-3,\"n\":12345678901234,\"x\":null}",
            "{\"a\":true,\"b\":false,\"c\":\"  spaced  \",\"d\":-0.5,\"e\":3.0,\"big\":123456789012345678901234567890}",
            "{\"dup\":\"first\",\"dup\":\"last\"}",
            "{}",
            "{\"result_id\":\"R1\"} trailing")) {
      assertEquals(reference(p), UploadJson.fields(p), p);
    }
  }

  @Test
  void badPayloadsAreNamedErrors() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> UploadJson.fields("[1,2]"))
            .getMessage()
            .contains("not a JSON object"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> UploadJson.fields("{\"a\":[1]}"))
            .getMessage()
            .contains("Field 'a' is an array or object"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> UploadJson.fields("{\"a\":"))
            .getMessage()
            .startsWith("Cannot parse JSON"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> UploadJson.fields("not json"))
            .getMessage()
            .startsWith("Cannot parse JSON"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> UploadJson.fields(""))
            .getMessage()
            .startsWith("Cannot parse JSON"));
  }

  @Test
  void keyAndEventTimeReadOneFieldAndFallBack() {
    String p = "{\"sampled_at\":\"2024-07-01T23:30:00+08:00\",\"result_id\":\" R9 \"}";
    assertEquals("R9", UploadJson.resultKey(p));
    assertEquals(
        java.time.OffsetDateTime.parse("2024-07-01T15:30:00Z").toInstant().toEpochMilli(),
        UploadJson.eventTimeMs(p, -1));
    assertEquals("", UploadJson.resultKey("{oops"));
    assertEquals(-1, UploadJson.eventTimeMs("{\"sampled_at\":\"yesterday\"}", -1));
    assertEquals(-1, UploadJson.eventTimeMs("[]", -1));
  }

  @Test
  void fingerprintIgnoresOrderAndBlanksButNotContent() {
    Map<String, String> a = new LinkedHashMap<>(Map.of("result_id", "R1", "value", "0.1"));
    Map<String, String> b = new LinkedHashMap<>();
    b.put("value", " 0.1 ");
    b.put("unit", "");
    b.put("result_id", "R1");
    assertEquals(UploadJson.fingerprint(a), UploadJson.fingerprint(b));
    assertEquals(32, UploadJson.fingerprint(a).length());
    assertNotEquals(
        UploadJson.fingerprint(a),
        UploadJson.fingerprint(Map.of("result_id", "R1", "value", "0.2")));
  }
}
