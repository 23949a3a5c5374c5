package org.agrisafe.jobs.report;

import static org.agrisafe.jobs.report.Html.escape;
import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Ad-hoc statistical reports without code: a small JSON definition selects measures, dimensions, filters and a
 * period range from {@code analytics.pass_rates} (computed by the pass-rate job; nothing is recomputed here) and
 * writes one table as CSV, XLSX and HTML under {@code <output-dir>/reports/adhoc/<name>.*}.
 *
 * <p>Definition (JSON): {@code {"name": "cereals-2022", "period_type": "MONTH", "from": "2022-01", "to":
 * "2022-06", "dimensions": ["category"], "measures": ["tested", "pass_rate", "pass_rate_low", "pass_rate_high"],
 * "filters": {"source_system": "UK_PRIF", "category": "cereals"}, "programme_scope": "RANDOM_MONITORING"}}.
 * Dimensions are pass-rate dimensions ({@link PassRateSpec.Dimension}); the row set
 * {@code source_system+<dimensions>} must have been computed (the error names the command otherwise).
 */
public final class AdHocReport {
  /** Measures a definition may ask for: the count and rate columns of analytics.pass_rates. */
  public static final Set<String> MEASURES =
      Set.of(
          "tested",
          "judged",
          "passed",
          "detected",
          "exceeding",
          "non_compliant",
          "detected_without_standard",
          "no_standard_results",
          "pass_rate",
          "pass_rate_low",
          "pass_rate_high",
          "detection_rate",
          "detection_rate_low",
          "detection_rate_high",
          "exceedance_rate",
          "exceedance_rate_low",
          "exceedance_rate_high");

  /** A parsed, validated definition. */
  public record Definition(
      String name,
      PeriodType periodType,
      String from,
      String to,
      List<PassRateSpec.Dimension> dimensions,
      List<String> measures,
      Map<String, String> filters,
      String programmeScope) {
    public Definition {
      if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException(
            "Report name '" + name + "': expected letters, digits, '.', '_' or '-'");
      }
      if (measures == null || measures.isEmpty()) {
        throw new IllegalArgumentException(
            "Report " + name + " has no measures: expected some of " + MEASURES);
      }
      for (String m : measures) {
        if (!MEASURES.contains(m)) {
          throw new IllegalArgumentException(
              "Unknown measure '" + m + "' in report " + name + ": expected one of " + MEASURES);
        }
      }
      for (String f : filters.keySet()) {
        if (!f.equals("source_system")
            && dimensions.stream().noneMatch(d -> d.column().equals(f))) {
          throw new IllegalArgumentException(
              "Filter on '"
                  + f
                  + "' in report "
                  + name
                  + ": expected source_system or one of the report's dimensions");
        }
      }
      if (from != null && !periodType.matches(from)) {
        throw new IllegalArgumentException("From '" + from + "': expected " + periodType.pattern);
      }
      if (to != null && !periodType.matches(to)) {
        throw new IllegalArgumentException("To '" + to + "': expected " + periodType.pattern);
      }
    }

    /** Reads a JSON definition file. */
    @SuppressWarnings("unchecked")
    public static Definition read(Path file) {
      try {
        Map<String, Object> m = new ObjectMapper().readValue(file.toFile(), Map.class);
        List<PassRateSpec.Dimension> dims = new ArrayList<>();
        for (Object d : (List<Object>) m.getOrDefault("dimensions", List.of())) {
          dims.add(PassRateSpec.Dimension.parse(String.valueOf(d)));
        }
        return new Definition(
            (String) m.get("name"),
            PeriodType.valueOf(String.valueOf(m.getOrDefault("period_type", "MONTH"))),
            (String) m.get("from"),
            (String) m.get("to"),
            dims,
            (List<String>) m.get("measures"),
            (Map<String, String>) m.getOrDefault("filters", Map.of()),
            String.valueOf(m.getOrDefault("programme_scope", "RANDOM_MONITORING")));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read report definition " + file + ": expected JSON", e);
      }
    }
  }

  private AdHocReport() {}

  /** The report's table: period, source_system, the dimensions, then the measures; sorted by those keys. */
  public static Dataset<Row> table(SparkSession spark, String catalog, Definition d) {
    String set =
        "source_system"
            + d.dimensions().stream().map(x -> "+" + x.column()).reduce("", String::concat);
    Dataset<Row> r =
        spark
            .table(Tables.PASS_RATES.qualifiedName(catalog))
            .filter(
                col("period_type")
                    .equalTo(d.periodType().name())
                    .and(col("dimension_set").equalTo(set))
                    .and(col("programme_scope").equalTo(d.programmeScope())));
    if (r.isEmpty()) {
      throw new IllegalStateException(
          "analytics.pass_rates has no "
              + d.periodType()
              + " rows by "
              + set
              + ": run `agrisafe run pass-rates --period-type "
              + d.periodType()
              + " --dims "
              + set.replace('+', ',')
              + "` first");
    }
    if (d.from() != null) {
      r = r.filter(col("period").geq(d.from()));
    }
    if (d.to() != null) {
      r = r.filter(col("period").leq(d.to()));
    }
    for (Map.Entry<String, String> f : d.filters().entrySet()) {
      r = r.filter(col(f.getKey()).equalTo(f.getValue()));
    }
    List<Column> cols = new ArrayList<>();
    cols.add(col("period"));
    cols.add(col("source_system"));
    d.dimensions().forEach(x -> cols.add(col(x.column())));
    List<Column> keys = List.copyOf(cols);
    d.measures().forEach(m -> cols.add(col(m)));
    return r.select(cols.toArray(Column[]::new)).orderBy(keys.toArray(Column[]::new));
  }

  /** Writes CSV, XLSX and HTML; returns the three files. */
  public static List<Path> write(SparkSession spark, String catalog, Definition d, Path outputDir) {
    Dataset<Row> t = table(spark, catalog, d);
    String[] header = t.columns();
    List<Row> rows = t.collectAsList();
    Path dir = outputDir.resolve("reports").resolve("adhoc");
    try {
      Files.createDirectories(dir);
      Path csv = dir.resolve(d.name() + ".csv");
      try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
          CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
        for (Row r : rows) {
          List<Object> v = new ArrayList<>();
          for (int i = 0; i < header.length; i++) {
            v.add(r.isNullAt(i) ? "" : r.get(i));
          }
          p.printRecord(v);
        }
      }
      Path xlsx = dir.resolve(d.name() + ".xlsx");
      try (XSSFWorkbook wb = new XSSFWorkbook();
          OutputStream os = Files.newOutputStream(xlsx)) {
        XSSFSheet s = wb.createSheet(d.name().length() > 31 ? d.name().substring(0, 31) : d.name());
        var h = s.createRow(0);
        for (int i = 0; i < header.length; i++) {
          h.createCell(i).setCellValue(header[i]);
        }
        for (int j = 0; j < rows.size(); j++) {
          var x = s.createRow(j + 1);
          Row r = rows.get(j);
          for (int i = 0; i < header.length; i++) {
            if (r.isNullAt(i)) {
              continue;
            }
            Object v = r.get(i);
            if (v instanceof Number n) {
              x.createCell(i).setCellValue(n.doubleValue());
            } else {
              x.createCell(i).setCellValue(String.valueOf(v));
            }
          }
        }
        wb.write(os);
      }
      StringBuilder html =
          new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>")
              .append(escape(d.name()))
              .append("</title></head><body><h1>")
              .append(escape(d.name()))
              .append("</h1><p>analytics.pass_rates, ")
              .append(d.periodType())
              .append(", ")
              .append(escape(d.programmeScope()))
              .append(
                  "; rates are proportions, 95 % Wilson bounds</p>" + "<table border=\"1\"><tr>");
      for (String c : header) {
        html.append("<th>").append(escape(c)).append("</th>");
      }
      html.append("</tr>\n");
      for (Row r : rows) {
        html.append("<tr>");
        for (int i = 0; i < header.length; i++) {
          html.append("<td>")
              .append(r.isNullAt(i) ? "" : escape(String.valueOf(r.get(i))))
              .append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</table></body></html>\n");
      Path htmlFile =
          Files.writeString(dir.resolve(d.name() + ".html"), html, StandardCharsets.UTF_8);
      return List.of(csv, xlsx, htmlFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write report " + d.name() + " under " + dir, e);
    }
  }
}
