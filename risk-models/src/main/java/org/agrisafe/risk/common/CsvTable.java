package org.agrisafe.risk.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small RFC-4180 CSV reader for the reference-data files (UTF-8, header row, double-quote quoting, quoted fields may
 * hold commas, quotes and line breaks). {@code risk-models} carries no CSV library, and these files are small.
 *
 * <p>Shape: a header (column names) and rows; {@link Row#get(String)} returns the trimmed cell or "" when empty.
 * Errors: {@link IllegalArgumentException} naming the source, the row number and the reason for a row whose cell count
 * differs from the header, an unterminated quote, or a missing required column.
 */
public final class CsvTable {
  private final String source;
  private final List<String> header;
  private final Map<String, Integer> index;
  private final List<Row> rows;

  private CsvTable(String source, List<String> header, List<List<String>> records) {
    this.source = source;
    this.header = List.copyOf(header);
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      idx.put(header.get(i).trim(), i);
    }
    this.index = idx;
    List<Row> out = new ArrayList<>();
    for (int r = 0; r < records.size(); r++) {
      List<String> cells = records.get(r);
      int rowNumber = r + 2; // 1-based file row, header is row 1
      if (cells.size() == 1 && cells.get(0).isBlank()) {
        continue; // blank line
      }
      if (cells.size() != header.size()) {
        throw new IllegalArgumentException(
            "Row "
                + rowNumber
                + " of "
                + source
                + " has "
                + cells.size()
                + " cells: expected "
                + header.size()
                + " as in the header "
                + header);
      }
      out.add(new Row(rowNumber, cells));
    }
    this.rows = List.copyOf(out);
  }

  /** Reads a CSV file (UTF-8). */
  public static CsvTable read(Path path) {
    Objects.requireNonNull(path, "path");
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read CSV file " + path, e);
    }
  }

  /** Reads CSV text from a stream (UTF-8); {@code sourceName} is used in error messages. The stream is not closed. */
  public static CsvTable read(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    StringBuilder text = new StringBuilder();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      char[] buf = new char[8192];
      int n;
      while ((n = reader.read(buf)) >= 0) {
        text.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read CSV " + sourceName, e);
    }
    if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
      text.deleteCharAt(0);
    }
    List<List<String>> records = parse(text, sourceName);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("CSV " + sourceName + " is empty: expected a header row");
    }
    return new CsvTable(sourceName, records.get(0), records.subList(1, records.size()));
  }

  private static List<List<String>> parse(CharSequence s, String sourceName) {
    List<List<String>> records = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cur.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        cur.add(cell.toString());
        cell.setLength(0);
        records.add(cur);
        cur = new ArrayList<>();
        line++;
      } else {
        cell.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException(
          "CSV " + sourceName + " has an unterminated quoted field near line " + line);
    }
    if (cell.length() > 0 || !cur.isEmpty()) {
      cur.add(cell.toString());
      records.add(cur);
    }
    return records;
  }

  public String source() {
    return source;
  }

  public List<String> header() {
    return header;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Fails with a message naming the file when any of {@code columns} is missing from the header. */
  public void requireColumns(String... columns) {
    for (String c : columns) {
      if (!index.containsKey(c)) {
        throw new IllegalArgumentException(
            "CSV " + source + " lacks column '" + c + "': header is " + header);
      }
    }
  }

  /** One data row. */
  public final class Row {
    private final int rowNumber;
    private final List<String> cells;

    private Row(int rowNumber, List<String> cells) {
      this.rowNumber = rowNumber;
      this.cells = List.copyOf(cells);
    }

    /** 1-based row number in the file (the header is row 1). */
    public int rowNumber() {
      return rowNumber;
    }

    /** The trimmed cell of {@code column}, "" when empty. */
    public String get(String column) {
      Integer i = index.get(column);
      if (i == null) {
        throw new IllegalArgumentException(
            "CSV " + source + " lacks column '" + column + "': header is " + header);
      }
      return cells.get(i).trim();
    }

    /** The cell parsed as a number, or null when empty. */
    public Double getDouble(String column) {
      String v = get(column);
      if (v.isEmpty()) {
        return null;
      }
      try {
        return Double.valueOf(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Cannot parse "
                + column
                + " '"
                + v
                + "' in row "
                + rowNumber
                + " of "
                + source
                + ": expected a number");
      }
    }

    /** The cell parsed as an integer, or null when empty. */
    public Integer getInt(String column) {
      String v = get(column);
      if (v.isEmpty()) {
        return null;
      }
      try {
        return Integer.valueOf(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Cannot parse "
                + column
                + " '"
                + v
                + "' in row "
                + rowNumber
                + " of "
                + source
                + ": expected an integer");
      }
    }

    /** Where this row is, for messages: "row 17 of file X". */
    public String where() {
      return "row " + rowNumber + " of " + source;
    }
  }
}
