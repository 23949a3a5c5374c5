package org.agrisafe.intake.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the bundled reference files ({@code reference-data/} at the repo root, packaged into the jar). */
public final class ReferenceFiles {
  private ReferenceFiles() {}

  /** Opens {@code reference-data/<path>} from the classpath. */
  public static InputStream open(String path) {
    String name = "/reference-data/" + path;
    InputStream in = ReferenceFiles.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          "Bundled reference file " + name + " is missing from the classpath");
    }
    return in;
  }

  /** All records of a UTF-8 CSV with a header row. */
  public static List<CSVRecord> csv(String path) {
    try (Reader r = new InputStreamReader(open(path), StandardCharsets.UTF_8);
        CSVParser p =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get()
                .parse(r)) {
      return new ArrayList<>(p.getRecords());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference file " + path, e);
    }
  }
}
