package org.agrisafe.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.agrisafe.intake.reference.ReferenceFiles;
import org.apache.commons.csv.CSVRecord;

/**
 * The county-level divisions of Shandong province (districts, counties, county-level cities), as 6-digit adcodes,
 * from {@code reference-data/regions/shandong_areas.csv} (NBS 2023 statistical division codes, see that folder's
 * PROVENANCE.md). The statistical-only units whose code ends in 71-79 (development and high-tech zones such as
 * 370176, which have no polygon) are left out: 136 of the file's 151 rows remain, 12 of them in Jinan (3701xx).
 */
public final class ShandongCounties {
  private ShandongCounties() {}

  /** Reference file read by {@link #codes()}. */
  public static final String FILE = "regions/shandong_areas.csv";

  /**
   * The county-level adcodes in file order.
   *
   * @throws IllegalStateException if a row's code is not 6 digits of Shandong (37xxxx)
   */
  public static List<String> codes() {
    List<String> codes = new ArrayList<>();
    List<CSVRecord> rows = ReferenceFiles.csv(FILE);
    for (CSVRecord r : rows) {
      String code = r.get("code");
      if (!code.matches("37\\d{4}")) {
        throw new IllegalStateException(
            "Division code '"
                + code
                + "' in row "
                + r.getRecordNumber()
                + " of "
                + FILE
                + ": expected 6 digits starting with 37 (Shandong)");
      }
      if (!isStatisticalZone(code)) {
        codes.add(code);
      }
    }
    return List.copyOf(codes);
  }

  /** Whether a county-level code is a statistical-only unit (suffix 71-79: development or high-tech zone). */
  static boolean isStatisticalZone(String code) {
    int suffix = Integer.parseInt(code.substring(4));
    return suffix >= 71 && suffix <= 79;
  }
}
