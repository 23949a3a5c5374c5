package org.agrisafe.intake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A documented alias table: a UTF-8 CSV resource next to this class, with a header row, whose first column is
 * the alias and whose other columns are the values. Lookups normalise both the table's aliases and the query
 * with the same key function. Two aliases with the same normalised key are an error in the table.
 */
public final class AliasTable {

  private final String resource;
  private final UnaryOperator<String> keyFunction;
  private final Map<String, Map<String, String>> rows;

  private AliasTable(
      String resource, UnaryOperator<String> keyFunction, Map<String, Map<String, String>> rows) {
    this.resource = resource;
    this.keyFunction = keyFunction;
    this.rows = rows;
  }

  /**
   * Loads a table.
   *
   * @throws IllegalStateException if the resource is missing or two aliases share a normalised key
   */
  static AliasTable load(String resource, UnaryOperator<String> keyFunction) {
    Map<String, Map<String, String>> rows = new HashMap<>();
    try (InputStream in = AliasTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Alias table resource "
                + resource
                + " not found next to "
                + AliasTable.class.getName());
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      try (CSVParser parser = CSVParser.parse(reader, format)) {
        String aliasColumn = parser.getHeaderNames().get(0);
        for (CSVRecord r : parser) {
          String key = keyFunction.apply(r.get(aliasColumn));
          Map<String, String> values = new LinkedHashMap<>(r.toMap());
          Map<String, String> previous = rows.put(key, Collections.unmodifiableMap(values));
          if (previous != null) {
            throw new IllegalStateException(
                "Alias table "
                    + resource
                    + " row "
                    + r.getRecordNumber()
                    + ": alias '"
                    + r.get(aliasColumn)
                    + "' has the same key '"
                    + key
                    + "' as '"
                    + previous.get(aliasColumn)
                    + "'");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read alias table " + resource, e);
    }
    return new AliasTable(resource, keyFunction, Collections.unmodifiableMap(rows));
  }

  /** The row for {@code alias} (column name to value), or null when the alias is not in the table. */
  Map<String, String> lookup(String alias) {
    return alias == null ? null : rows.get(keyFunction.apply(alias));
  }

  /** The value of {@code column} for {@code alias}, or null when the alias is not in the table. */
  String value(String alias, String column) {
    Map<String, String> row = lookup(alias);
    return row == null ? null : row.get(column);
  }

  String resource() {
    return resource;
  }
}
