package org.agrisafe.intake.reference;

import java.io.Serializable;
import java.util.Objects;

/**
 * Assigns a sample to a region of a map layer (engine-free; the Spark job calls it from a UDF).
 *
 * <p>Jinan districts ({@link #district}), in order:
 * <ol>
 *   <li>by division code: a county code (6 digits) or a township/village code (9/12 digits) rolls up to its
 *       county ({@link Divisions#county}); 370176 (high-tech zone) is a county-level code without a polygon and is
 *       returned as such, to be reported as not drawn;
 *   <li>else by point in polygon when lon/lat (WGS-84) exist ({@link RegionLocator}, polygons converted from GCJ-02);
 *   <li>else unassigned, with the reason.
 * </ol>
 * Countries of origin ({@link #origin}): the ISO code {@code origin_iso2} when present, else the published name
 * through {@link CountryNames}; names that are not one country (EU, sea areas, several countries, unknown) stay
 * unassigned with their {@link CountryNames.Status}.
 */
public final class RegionAssigner implements Serializable {
  /** How a region was found. */
  public enum Method {
    DIVISION_CODE,
    POINT_IN_POLYGON,
    COUNTRY_CODE,
    COUNTRY_NAME,
    NONE
  }

  /**
   * The result.
   *
   * @param code region code, or null when unassigned
   * @param method how it was found ({@link Method#NONE} when unassigned)
   * @param reason why unassigned (or the name status for origins), null when assigned by code or point
   */
  public record Assignment(String code, Method method, String reason) implements Serializable {}

  private final Divisions divisions;
  private final RegionLocator districts;
  private final CountryNames countries;

  public RegionAssigner(Divisions divisions, RegionLocator districts, CountryNames countries) {
    this.divisions = Objects.requireNonNull(divisions, "divisions");
    this.districts = Objects.requireNonNull(districts, "districts");
    this.countries = Objects.requireNonNull(countries, "countries");
  }

  private static RegionAssigner bundled;

  /** The assigner on the bundled reference data (built once per JVM). */
  public static synchronized RegionAssigner bundled() {
    if (bundled == null) {
      bundled =
          new RegionAssigner(
              Divisions.bundled(),
              new RegionLocator(Regions.jinanDistricts()),
              CountryNames.bundled());
    }
    return bundled;
  }

  /**
   * The Jinan district of a sample.
   *
   * @param regionCode division code of the sampling place (adcode or township code), may be null
   * @param lon WGS-84 longitude, may be null
   * @param lat WGS-84 latitude, may be null
   */
  public Assignment district(String regionCode, Double lon, Double lat) {
    Divisions.Division county = divisions.county(regionCode);
    if (county != null) {
      return new Assignment(county.code(), Method.DIVISION_CODE, null);
    }
    Region r = districts.locate(lon, lat);
    if (r != null) {
      return new Assignment(r.code(), Method.POINT_IN_POLYGON, null);
    }
    String why;
    if (regionCode != null && !regionCode.isBlank()) {
      why = "region_code '" + regionCode.strip() + "' is not a Jinan county or township code";
    } else {
      why = "no region_code";
    }
    if (lon != null && lat != null) {
      why += "; point (" + lon + ", " + lat + ") is in no Jinan district";
    } else {
      why += " and no coordinates";
    }
    return new Assignment(null, Method.NONE, why);
  }

  /**
   * The country of origin of a sample.
   *
   * @param originIso2 ISO 3166-1 alpha-2 when the source gave one, may be null or blank
   * @param countryRaw the published country-of-origin text, may be null
   * @return the assignment; unassigned ones carry the {@link CountryNames.Status} name as reason
   */
  public Assignment origin(String originIso2, String countryRaw) {
    if (originIso2 != null && !originIso2.isBlank()) {
      return new Assignment(originIso2.strip(), Method.COUNTRY_CODE, null);
    }
    CountryNames.Match m = countries.lookup(countryRaw);
    if (m.status().mappable()) {
      return new Assignment(m.iso2(), Method.COUNTRY_NAME, null);
    }
    return new Assignment(null, Method.NONE, m.status().name());
  }
}
