package org.agrisafe.intake.reference;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Country-of-origin names as published (the UK PRiF {@code country_of_origin} column) → ISO 3166-1 alpha-2, from
 * {@code reference-data/regions/country_names.csv} (see its PROVENANCE.md).
 *
 * <p>Matching: whitespace runs (including NBSP U+00A0 and U+3000) collapse to one space, the ends are trimmed and
 * the comparison ignores case ({@link Locale#ROOT}). A name not in the table is {@link Status#UNMATCHED} (or
 * {@link Status#MULTIPLE} when it joins names with {@code /}), a blank one {@link Status#BLANK}: nothing is dropped,
 * and {@link #unmatched(Collection)} lists them for the run report.
 *
 * <p>The two letters {@code NA} are Namibia's code: the CSV is read with no null marker, so {@code "NA"} stays a
 * string.
 */
public final class CountryNames implements Serializable {
  public static final String FILE = "regions/country_names.csv";

  /** What a raw name stands for. */
  public enum Status {
    /** A country (or a part of one rolled up to it): {@link Match#iso2()} is its ISO 3166-1 alpha-2 code. */
    COUNTRY,
    /** A union of states or a continent (EU has its own code {@code EU}); never drawn on a country map. */
    NOT_A_COUNTRY,
    /** A sea or ocean catch area (fish). */
    SEA_AREA,
    /** Several countries, e.g. {@code Spain/Morocco}: not attributed to any. */
    MULTIPLE,
    /** Could mean different places, e.g. {@code EC}. */
    AMBIGUOUS,
    /** Declared unknown or not stated. */
    UNKNOWN,
    /** Blank or null. */
    BLANK,
    /** Not in the table: to be added to country_names.csv. */
    UNMATCHED;

    /** Whether names of this status are drawn on the country map (only {@link #COUNTRY}). */
    public boolean mappable() {
      return this == COUNTRY;
    }
  }

  /**
   * The result of a lookup.
   *
   * @param raw the name as given
   * @param status what it stands for
   * @param iso2 ISO 3166-1 alpha-2 ({@code EU} for the European Union), or null
   * @param nameEn English name, or null
   * @param nameZh Chinese name, or null
   */
  public record Match(String raw, Status status, String iso2, String nameEn, String nameZh)
      implements Serializable {}

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");
  private static CountryNames bundled;

  private final Map<String, Match> byKey;
  private final Map<String, String> chineseByIso2;

  private CountryNames(Map<String, Match> byKey, Map<String, String> chineseByIso2) {
    this.byKey = Collections.unmodifiableMap(byKey);
    this.chineseByIso2 = Collections.unmodifiableMap(chineseByIso2);
  }

  /** The bundled table (parsed once). */
  public static synchronized CountryNames bundled() {
    if (bundled == null) {
      bundled = of(ReferenceFiles.csv(FILE));
    }
    return bundled;
  }

  static CountryNames of(List<CSVRecord> rows) {
    Map<String, Match> m = new LinkedHashMap<>();
    Map<String, String> zh = new LinkedHashMap<>();
    for (CSVRecord r : rows) {
      String raw = r.get("raw_name");
      Status s;
      try {
        s = Status.valueOf(r.get("status"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Cannot read status '"
                + r.get("status")
                + "' in line "
                + r.getRecordNumber()
                + " of "
                + FILE
                + ": expected one of "
                + List.of(Status.values()),
            e);
      }
      String iso2 = emptyToNull(r.get("iso2"));
      if (s == Status.COUNTRY && (iso2 == null || !iso2.matches("[A-Z]{2}"))) {
        throw new IllegalArgumentException(
            "Country '"
                + raw
                + "' in line "
                + r.getRecordNumber()
                + " of "
                + FILE
                + " has iso2 '"
                + iso2
                + "': expected two capital letters");
      }
      Match match =
          new Match(raw, s, iso2, emptyToNull(r.get("name_en")), emptyToNull(r.get("name_zh")));
      if (m.put(key(raw), match) != null) {
        throw new IllegalArgumentException("Name '" + raw + "' is listed twice in " + FILE);
      }
      if (s == Status.COUNTRY && match.nameZh() != null) {
        zh.putIfAbsent(iso2, match.nameZh());
      }
    }
    return new CountryNames(m, zh);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The comparison key: whitespace (NBSP too) collapsed, trimmed, lower case; null for blank input. */
  static String key(String raw) {
    if (raw == null) {
      return null;
    }
    String k = SPACES.matcher(raw).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    return k.isEmpty() ? null : k;
  }

  /**
   * Looks a raw name up.
   *
   * @param raw a country-of-origin text as published; may be null
   * @return the match; never null ({@link Status#BLANK} / {@link Status#UNMATCHED} when not found)
   */
  public Match lookup(String raw) {
    String k = key(raw);
    if (k == null) {
      return new Match(raw, Status.BLANK, null, null, null);
    }
    Match m = byKey.get(k);
    if (m != null) {
      return new Match(raw, m.status(), m.iso2(), m.nameEn(), m.nameZh());
    }
    if (k.contains("/")) {
      return new Match(raw, Status.MULTIPLE, null, null, null);
    }
    return new Match(raw, Status.UNMATCHED, null, null, null);
  }

  /** The Chinese name of a country code, or null. */
  public String chineseName(String iso2) {
    return iso2 == null ? null : chineseByIso2.get(iso2);
  }

  /**
   * The names of {@code raws} that are not in the table, with how often each occurs.
   *
   * @return cleaned name → count, sorted by name; empty when every name is known
   */
  public Map<String, Long> unmatched(Collection<String> raws) {
    Map<String, Long> out = new TreeMap<>();
    for (String r : raws) {
      if (lookup(r).status() == Status.UNMATCHED) {
        out.merge(SPACES.matcher(r).replaceAll(" ").strip(), 1L, Long::sum);
      }
    }
    return out;
  }
}
