package org.agrisafe.jobs.trace;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.map_values;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.agrisafe.intake.trace.IdNumbers;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * Scans every lakehouse table ({@link LakehouseBootstrap#allTables()}) and every text file under an output folder
 * for personal data in clear: resident ID numbers (18 characters, a plausible birth date in characters 7-14 and a
 * valid GB 11643 check character) and mainland mobile numbers (11 digits, 1[3-9]…), plus, when given, exact
 * known values (the generator's synthetic IDs and phones) in the rows that have an ID-number or phone shape
 * (tables are pre-filtered in Spark on those shapes; each text column of a candidate row is checked apart, so a
 * hit names its table and column). Only text is read: string columns (and the string parts of arrays and maps)
 * and text files (JSON, GeoJSON, CSV, HTML, TXT); numeric, date and timestamp columns are never read, since a
 * number cast to text can take a phone's shape (docs/conventions.md §17.3). Hex runs (HMAC hashes) and longer
 * digit runs are not matched. Binary files (Parquet, PNG) are skipped.
 */
public final class PersonalDataScan {
  private PersonalDataScan() {}

  /**
   * One hit; the matched value is masked (first 3 and last 2 characters kept).
   *
   * @param where the field that holds it: {@code <catalog>.<namespace>.<table>.<column>}, or a file's path
   * @param kind ID_NUMBER, MOBILE or KNOWN_VALUE
   */
  public record Hit(String where, String kind, String masked) {}

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  /** Scans; {@code known} may be empty. */
  public static List<Hit> scan(
      SparkSession spark, String catalog, Path outputDir, Collection<String> known) {
    List<Hit> hits = new ArrayList<>();
    for (TableDef t : LakehouseBootstrap.allTables()) {
      String name = t.qualifiedName(catalog);
      if (!spark.catalog().tableExists(name)) {
        continue;
      }
      table(name, spark.table(name), known, hits);
    }
    if (outputDir != null && Files.isDirectory(outputDir)) {
      try (Stream<Path> files = Files.walk(outputDir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
          if (n.endsWith(".json")
              || n.endsWith(".geojson")
              || n.endsWith(".csv")
              || n.endsWith(".html")
              || n.endsWith(".txt")) {
            text(f.toString(), Files.readString(f, StandardCharsets.UTF_8), known, hits);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot scan " + outputDir, e);
      }
    }
    return hits;
  }

  /**
   * Scans the text columns of one table: a column is text when it is a {@code string}, or an array or map whose
   * elements, keys or values are strings (only their string parts are read). Numbers, dates and timestamps are
   * never read: their digits are not personal data (docs/conventions.md §17.3), and a {@code double} cast to text
   * can show a mobile-number shape (a posterior {@code 0.16912345648}). A Spark pre-filter keeps the rows whose
   * text columns, joined, have an ID-number or mobile shape; each text column of those rows is then checked
   * apart, so a hit names its field as {@code <table>.<column>}. A table with no text column has no hit.
   *
   * @param name the table's qualified name, used in {@link Hit#where()}
   */
  static void table(String name, Dataset<Row> df, Collection<String> known, List<Hit> hits) {
    List<String> names = new ArrayList<>();
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      Column t = textOf(col(quoted(f.name())), f.dataType());
      if (t != null) {
        names.add(f.name());
        cols.add(t.as(f.name()));
      }
    }
    if (names.isEmpty()) {
      return;
    }
    String shape = IdNumbers.ID_LIKE.pattern() + "|" + IdNumbers.MOBILE_LIKE.pattern();
    Dataset<Row> asText = df.select(cols.toArray(Column[]::new));
    for (Row r :
        asText
            .filter(
                concat_ws(" | ", names.stream().map(c -> col(quoted(c))).toArray(Column[]::new))
                    .rlike(shape))
            .collectAsList()) {
      for (int i = 0; i < names.size(); i++) {
        if (!r.isNullAt(i)) {
          text(name + "." + names.get(i), r.getString(i), known, hits);
        }
      }
    }
  }

  /**
   * The text held by a column of type {@code type}, as one string (array elements and map entries joined by
   * {@code " | "}), or null when the type holds no text.
   */
  private static Column textOf(Column c, DataType type) {
    if (type instanceof StringType) {
      return c;
    }
    if (type instanceof ArrayType a && a.elementType() instanceof StringType) {
      return concat_ws(" | ", c);
    }
    if (type instanceof MapType m) {
      boolean k = m.keyType() instanceof StringType;
      boolean v = m.valueType() instanceof StringType;
      if (k && v) {
        return concat_ws(" | ", map_keys(c), map_values(c));
      } else if (k) {
        return concat_ws(" | ", map_keys(c));
      } else if (v) {
        return concat_ws(" | ", map_values(c));
      }
    }
    return null;
  }

  private static String quoted(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  static void text(String where, String s, Collection<String> known, List<Hit> hits) {
    Matcher m = IdNumbers.ID_LIKE.matcher(s);
    while (m.find()) {
      String v = m.group();
      if (IdNumbers.valid(v) && plausibleBirth(v.substring(6, 14))) {
        hits.add(new Hit(where, "ID_NUMBER", mask(v)));
      }
    }
    Matcher p = IdNumbers.MOBILE_LIKE.matcher(s);
    while (p.find()) {
      hits.add(new Hit(where, "MOBILE", mask(p.group())));
    }
    for (String k : known) {
      if (s.contains(k)) {
        hits.add(new Hit(where, "KNOWN_VALUE", mask(k)));
      }
    }
  }

  private static boolean plausibleBirth(String yyyymmdd) {
    try {
      LocalDate d = LocalDate.parse(yyyymmdd, BASIC);
      return d.getYear() >= 1900 && d.getYear() <= 2030;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String mask(String v) {
    return v.substring(0, 3)
        + "*".repeat(Math.max(0, v.length() - 5))
        + v.substring(v.length() - 2);
  }
}
