package org.agrisafe.intake.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.SourceSystem;

/**
 * The one reader of an upload record written as JSON (a line of a JSON Lines upload, or a record in the stream;
 * {@code docs/formats/upload-format.md}, section "Containers"): the batch {@link UploadAdapter} and the stream
 * ({@code org.agrisafe.streaming.transport.UploadJson}) both call it, so that a record has the same fields and the same
 * rejection reason in both.
 *
 * <p>One pass of Jackson's streaming parser ({@link JsonParser}), no tree. The values are those of
 * {@code ObjectMapper.readTree} followed by {@code JsonNode.asText()} per field: strings as written (not trimmed),
 * {@code true}/{@code false} as text, integers as written in decimal ({@code -0} is {@code "0"}, integers beyond
 * 64 bits kept exactly), numbers with a fraction or exponent as {@link Double#toString} of their double value
 * ({@code 1.50} is {@code "1.5"}, {@code 1e-3} is {@code "0.001"}), JSON {@code null} as Java null. A repeated field
 * keeps its last value at the position of its first occurrence. Content after the object's closing brace is not
 * read (as {@code readTree} does not).
 */
public final class UploadJsonFields {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** What a record must be: appended to every parse error. */
  static final String EXPECTED = " (expected one JSON object with string, number or null values)";

  private UploadJsonFields() {}

  /**
   * The fields of one JSON record as text, in the order written.
   *
   * @param payload one JSON object (one line of a JSON Lines upload); not null
   * @return field name → text value (null for JSON null); a new mutable map
   * @throws IllegalArgumentException if {@code payload} is not one JSON object of scalar values. The message names
   *     the reason: "Cannot parse JSON: not a JSON object (expected ...)", "Cannot parse JSON: &lt;Jackson's
   *     first message line&gt; (expected ...)", or, for a nested value, "Field 'x' is an array or object:
   *     expected a string, number or null"
   */
  public static Map<String, String> fields(String payload) {
    Map<String, String> fields = new LinkedHashMap<>();
    scan(payload, fields::put);
    return fields;
  }

  /**
   * The text of one field (its last occurrence), as {@link #fields} would give it, without building a map: for
   * per-record key selectors and timestamp assigners.
   *
   * @param payload one JSON object; not null
   * @param name the field name
   * @return the field's text; null when the field is absent or JSON null, or when {@code payload} is not a JSON
   *     object of scalars (any reason {@link #fields} would throw for)
   */
  public static String field(String payload, String name) {
    return values(payload, name)[0];
  }

  /**
   * The texts of several fields in ONE pass, as {@link #field} gives each: element i is the last occurrence of
   * {@code names[i]}, or null when absent or JSON null; all null when the payload is not a JSON object of scalars.
   */
  public static String[] values(String payload, String... names) {
    String[] found = new String[names.length];
    try {
      scan(
          payload,
          (k, v) -> {
            for (int i = 0; i < names.length; i++) {
              if (k.equals(names[i])) {
                found[i] = v;
              }
            }
          });
    } catch (IllegalArgumentException e) {
      return new String[names.length];
    }
    return found;
  }

  /**
   * The rejection of a record that {@link #fields} could not read: field {@code line}, no record key, the raw
   * text, and the reason {@code "<error message> (record <line> of <file>)"} — the wording of the stream's
   * rejected records, which the batch uses too.
   *
   * @param file the upload's file name (or stream source)
   * @param line the record's 1-based line (CSV: record number, header = 1)
   * @param raw the record as read
   * @param error what {@link #fields} threw
   */
  public static RejectedRecord rejectedUnreadable(
      String file, long line, String raw, IllegalArgumentException error) {
    return new RejectedRecord(
        SourceSystem.PLATFORM_UPLOAD,
        file,
        line,
        null,
        "line",
        error.getMessage() + " (record " + line + " of " + file + ")",
        raw);
  }

  /**
   * Calls {@code field} for every (name, text value) of the payload's object, in the order written (a repeated
   * field is passed each time), without building a map: for callers that need a few fields in one pass.
   *
   * @param payload one JSON object; not null
   * @param field receives (name, the text {@link #fields} gives, or null for JSON null)
   * @throws IllegalArgumentException as {@link #fields}, possibly after some fields were passed
   */
  public static void scan(String payload, BiConsumer<String, String> field) {
    try (JsonParser p = FACTORY.createParser(payload)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("Cannot parse JSON: not a JSON object" + EXPECTED);
      }
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        field.accept(name, text(p, p.nextToken(), name));
      }
      if (t != JsonToken.END_OBJECT) {
        throw new IllegalArgumentException("Cannot parse JSON: unexpected end of input" + EXPECTED);
      }
    } catch (JsonProcessingException e) {
      String m = e.getOriginalMessage();
      throw new IllegalArgumentException(
          "Cannot parse JSON: " + (m == null ? "invalid JSON" : m.split("\n")[0]) + EXPECTED);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot parse JSON: " + e.getMessage() + EXPECTED);
    }
  }

  /** The text of the scalar value {@code v} at the parser's position; rejects arrays and objects. */
  private static String text(JsonParser p, JsonToken v, String name) throws IOException {
    if (v == null) {
      throw new IllegalArgumentException("Cannot parse JSON: unexpected end of input" + EXPECTED);
    }
    return switch (v) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> p.getNumberValue().toString();
      case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
      case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> p.getText();
      case START_ARRAY, START_OBJECT ->
          throw new IllegalArgumentException(
              "Field '" + name + "' is an array or object: expected a string, number or null");
      default ->
          throw new IllegalArgumentException("Cannot parse JSON: unexpected " + v + EXPECTED);
    };
  }
}
