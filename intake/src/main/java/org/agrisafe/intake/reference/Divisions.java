package org.agrisafe.intake.reference;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Chinese statistical division codes (NBS 2023) of Jinan and the Shandong cities, from
 * {@code reference-data/regions/cn_divisions_jinan.csv}: province and cities as 6-digit adcodes (37 → 370000,
 * 3701 → 370100), Jinan's county-level units (6 digits) and townships (9 digits).
 *
 * <p>{@link #county(String)} rolls a code up to its county/district: a 9-digit township code (or a 12-digit
 * village code) to its first 6 digits, checked against the table.
 */
public final class Divisions implements Serializable {
  public static final String FILE = "regions/cn_divisions_jinan.csv";

  /** Level of a division. */
  public enum Level {
    PROVINCE,
    CITY,
    COUNTY,
    TOWNSHIP
  }

  /** One row of the division table. */
  public record Division(String code, String nameZh, String nameEn, Level level, String parentCode)
      implements Serializable {}

  private static Divisions bundled;
  private final Map<String, Division> byCode;

  private Divisions(Map<String, Division> byCode) {
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  /** The bundled table (parsed once). */
  public static synchronized Divisions bundled() {
    if (bundled == null) {
      Map<String, Division> m = new LinkedHashMap<>();
      for (CSVRecord r : ReferenceFiles.csv(FILE)) {
        String en = r.get("name_en");
        String parent = r.get("parent_code");
        m.put(
            r.get("code"),
            new Division(
                r.get("code"),
                r.get("name_zh"),
                en.isEmpty() ? null : en,
                Level.valueOf(r.get("level")),
                parent.isEmpty() ? null : parent));
      }
      bundled = new Divisions(m);
    }
    return bundled;
  }

  /** The division with this exact code, or null. */
  public Division get(String code) {
    return code == null ? null : byCode.get(code);
  }

  /**
   * The county-level division (区/县, 6 digits) a code belongs to.
   *
   * @param code a division code: 6 digits (county), 9 (township) or 12 (village); surrounding blanks ignored
   * @return the county division, or null when the code is blank, not digits, of another length, a province or
   *     city code, or not in the table (for example a county of another city)
   */
  public Division county(String code) {
    if (code == null) {
      return null;
    }
    String c = code.strip();
    if (!c.chars().allMatch(Character::isDigit)
        || (c.length() != 6 && c.length() != 9 && c.length() != 12)) {
      return null;
    }
    Division d = byCode.get(c.substring(0, 6));
    return d != null && d.level() == Level.COUNTY ? d : null;
  }
}
