package org.agrisafe.jobs.warnings;

import static org.agrisafe.jobs.report.Html.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * The HTML summary of one run of {@link WarningJob}: {@code <output-dir>/reports/warnings-<period>.html}, where
 * period is the last month of the series (yyyy-MM, local zone), or {@code none} when there was no series. It
 * lists the run summary (series per method, too-short counts) and the warnings by rank score. No personal data.
 */
public final class WarningReport {
  private WarningReport() {}

  static final List<String> COLUMNS =
      List.of(
          "rank_score",
          "severity",
          "warning_type",
          "state",
          "series_level",
          "source_system",
          "commodity_code",
          "category",
          "period",
          "observed",
          "denominator",
          "expected",
          "threshold",
          "method",
          "recurrence",
          "group_id",
          "warning_id");

  /**
   * Writes the report.
   *
   * @return the path written
   * @throws UncheckedIOException when the file cannot be written
   */
  public static Path write(Path outputDir, WarningSummary summary, List<Row> warnings) {
    return write(outputDir, summary, warnings, Measure.EXCEEDANCE_SAMPLES);
  }

  /** The same, for a measure; the default measure's file is {@code warnings-<period>.html}. */
  public static Path write(
      Path outputDir, WarningSummary summary, List<Row> warnings, Measure measure) {
    String period = summary.lastPeriod() == null ? "none" : summary.lastPeriod();
    String tag =
        measure == Measure.EXCEEDANCE_SAMPLES
            ? ""
            : "-" + measure.name().toLowerCase(java.util.Locale.ROOT);
    Path file = outputDir.resolve("reports").resolve("warnings-" + period + tag + ".html");
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Warnings ")
        .append(escape(period))
        .append(
            "</title><style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:2px 6px}"
                + "table{border-collapse:collapse}</style></head><body>\n")
        .append("<h1>Batch aberration warnings up to ")
        .append(escape(period))
        .append("</h1>\n<pre>")
        .append(escape(summary.describe()))
        .append("</pre>\n")
        .append(
            "<p>Measure: samples with at least one result above its MRL, per month (local zone), with samples"
                + " tested as the denominator. Threshold and expected are counts for that month.</p>\n");
    h.append("<table><tr>");
    for (String c : COLUMNS) {
      h.append("<th>").append(escape(c)).append("</th>");
    }
    h.append("</tr>\n");
    for (Row r : warnings) {
      h.append("<tr>");
      for (String c : COLUMNS) {
        Object v = r.get(r.fieldIndex(c));
        String s =
            v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(v);
        h.append("<td>").append(escape(v == null ? "" : s)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n</body></html>\n");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the warnings report " + file, e);
    }
    return file;
  }
}
