package org.agrisafe.intake.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits the text of one upload file ({@code docs/formats/upload-format.md}, section "Containers") into records,
 * the same way for the batch {@link UploadAdapter} and the stream's file and endpoint readers.
 *
 * <p>Numbering: JSON Lines count every line from 1 (blank ones included); CSV counts records from 2 (the header is
 * 1), empty rows included, so that without quoted line breaks the number is the line of the file.
 *
 * <p>Blank rule: a JSON line that is empty or only white space, and a CSV row that is empty or only white space
 * (one blank cell, quoted or not), is <em>not a record</em>: it is reported to {@link Visitor#blank} and is neither
 * accepted nor rejected. A CSV row of empty cells separated by commas is a record (with empty values).
 *
 * <p>A leading U+FEFF byte-order mark (UTF-8 files written by Excel start with one) is not part of the first line
 * or of the first CSV header name.
 */
public final class UploadFileRecords {

  private UploadFileRecords() {}

  /** Receives the records of one file in order. */
  public interface Visitor {
    /** A blank line or row at {@code line}: not a record. */
    void blank(long line);

    /** A non-blank line of a JSON Lines file, as read (not parsed, not trimmed). */
    void jsonLine(long line, String text);

    /** A CSV row with as many cells as the header: header name → cell text (empty cells as ""). */
    void csvRecord(long line, Map<String, String> fields);

    /**
     * A non-blank CSV row whose number of cells differs from the header's.
     *
     * @param cells the row's cells
     * @param expected the header's number of names
     */
    void csvCellCount(long line, List<String> cells, int expected);
  }

  /**
   * Splits {@code text} in {@code format} and hands each record, and each blank line, to {@code visitor}.
   *
   * @param format the container (see {@link UploadAdapter.Format#of})
   * @param text the decoded file text; a leading U+FEFF is skipped
   * @param visitor receives the records
   * @throws IOException if the CSV text cannot be read
   * @throws IllegalArgumentException if the CSV header is invalid (e.g. a repeated or empty name)
   * @throws java.io.UncheckedIOException if a CSV row is malformed (e.g. an unterminated quote)
   */
  public static void read(UploadAdapter.Format format, String text, Visitor visitor)
      throws IOException {
    String body = text.startsWith("\ufeff") ? text.substring(1) : text;
    if (format == UploadAdapter.Format.JSON_LINES) {
      jsonLines(body, visitor);
    } else {
      csv(body, visitor);
    }
  }

  private static void jsonLines(String text, Visitor visitor) {
    String[] lines = text.split("\r?\n", -1);
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) {
      n--; // the newline ending the last line does not start another line
    }
    for (int i = 0; i < n; i++) {
      long line = i + 1L;
      if (lines[i].isBlank()) {
        visitor.blank(line);
      } else {
        visitor.jsonLine(line, lines[i]);
      }
    }
  }

  private static void csv(String text, Visitor visitor) throws IOException {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setAllowMissingColumnNames(false)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header = parser.getHeaderNames();
      for (CSVRecord r : parser) {
        long line = r.getRecordNumber() + 1;
        if (r.size() == 1 && r.get(0).isBlank()) {
          visitor.blank(line);
        } else if (r.size() != header.size()) {
          visitor.csvCellCount(line, r.toList(), header.size());
        } else {
          Map<String, String> fields = new LinkedHashMap<>();
          for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), r.get(i));
          }
          visitor.csvRecord(line, fields);
        }
      }
    }
  }
}
