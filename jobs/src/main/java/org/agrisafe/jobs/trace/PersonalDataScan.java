package org.agrisafe.jobs.trace;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.spark.sql.functions;

/**
 * Scans every lakehouse table ({@link LakehouseBootstrap#allTables()}) and every text file under an output folder
 * for personal data in clear: resident ID numbers (18 characters, a plausible birth date in characters 7-14 and a
 * valid GB 11643 check character) and mainland mobile numbers (11 digits, 1[3-9]…), plus, when given, exact
 * known values (the generator's synthetic IDs and phones) in the rows that have an ID-number or phone shape
 * (tables are pre-filtered in Spark on those shapes, every column cast to text; each column of a candidate row is
 * checked apart, so a hit names its table and column). Hex runs (HMAC hashes) and longer digit runs are not
 * matched. Binary files (Parquet, PNG) are skipped.
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
   * Scans the rows of one table: a Spark pre-filter keeps the rows whose columns, cast to text and joined, have an
   * ID-number or mobile shape; each column of those rows is then checked apart, so a hit names its field as
   * {@code <table>.<column>}.
   *
   * @param name the table's qualified name, used in {@link Hit#where()}
   */
  static void table(String name, Dataset<Row> df, Collection<String> known, List<Hit> hits) {
    String[] names = df.columns();
    Column[] cols =
        Arrays.stream(names).map(c -> col(c).cast("string").as(c)).toArray(Column[]::new);
    String shape = IdNumbers.ID_LIKE.pattern() + "|" + IdNumbers.MOBILE_LIKE.pattern();
    Dataset<Row> asText = df.select(cols);
    for (Row r :
        asText
            .filter(
                concat_ws(" | ", Arrays.stream(names).map(functions::col).toArray(Column[]::new))
                    .rlike(shape))
            .collectAsList()) {
      for (int i = 0; i < names.length; i++) {
        if (!r.isNullAt(i)) {
          text(name + "." + names[i], r.getString(i), known, hits);
        }
      }
    }
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
