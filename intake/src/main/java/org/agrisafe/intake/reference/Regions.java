package org.agrisafe.intake.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.risk.spatial.Gcj02;
import org.locationtech.jts.geom.Geometry;

/**
 * Loads the bundled region layers of {@code reference-data/regions/} (see its PROVENANCE.md) into JTS geometries
 * in <b>WGS-84 lon/lat</b>:
 *
 * <ul>
 *   <li>{@link #world()}: 177 countries (Natural Earth 1:110m, already WGS-84), code ISO 3166-1 alpha-2. Namibia's
 *       code is the string {@code "NA"}. Northern Cyprus and Somaliland have no ISO code and are keyed
 *       {@code X-NCY} and {@code X-SOL};
 *   <li>{@link #jinanDistricts()}: the 12 districts/counties of Jinan (adcode), source GCJ-02, every vertex converted
 *       to WGS-84 with {@link Gcj02#toWgs84(Geometry)} (offset 100–700 m removed; accuracy a few metres);
 *   <li>{@link #shandongCities()}: the 16 cities of Shandong, same source and conversion.
 * </ul>
 *
 * Layers are parsed once per JVM and cached (they are immutable). Errors in a file (a feature without a code, a
 * geometry that is not a Polygon/MultiPolygon) throw {@link IllegalArgumentException} naming the file and feature.
 */
public final class Regions {
  public static final String WORLD_FILE = "regions/world_countries.geojson";
  public static final String JINAN_FILE = "regions/jinan_districts_gcj02.geojson";
  public static final String SHANDONG_FILE = "regions/shandong_cities_gcj02.geojson";

  /** Layer id of countries of origin. */
  public static final String WORLD_ORIGIN = "world-origin";

  /** Layer id of Jinan's districts. */
  public static final String JINAN_DISTRICT = "jinan-district";

  /** Layer id of Shandong's cities. */
  public static final String SHANDONG_CITY = "shandong-city";

  /** Keys of the Natural Earth countries that have no ISO 3166-1 code (not ISO: {@code X-} + 3 letters). */
  static final Map<String, String> NO_ISO_CODE =
      Map.of("Northern Cyprus", "X-NCY", "Somaliland", "X-SOL");

  private static final String GCJ_NOTE =
      "converted from GCJ-02 (AMap/DataV boundaries) to WGS-84 vertex by vertex; residual error a few metres";

  private static RegionLayer world;
  private static RegionLayer jinan;
  private static RegionLayer shandong;

  private Regions() {}

  /** The world layer (countries of origin), WGS-84. */
  public static synchronized RegionLayer world() {
    if (world == null) {
      CountryNames names = CountryNames.bundled();
      List<Region> out = new ArrayList<>();
      for (Feature f : features(WORLD_FILE)) {
        String name = f.properties().path("name").asText(null);
        JsonNode iso = f.properties().get("iso_a2");
        String code = iso == null || iso.isNull() ? NO_ISO_CODE.get(name) : iso.asText();
        if (code == null || code.isBlank()) {
          throw new IllegalArgumentException(
              "Feature "
                  + f.index()
                  + " ("
                  + name
                  + ") of "
                  + WORLD_FILE
                  + " has no iso_a2 and no fallback key");
        }
        out.add(new Region(code, name, names.chineseName(code), f.geometry()));
      }
      world = new RegionLayer(WORLD_ORIGIN, "ISO3166_1", "WGS-84", null, out);
    }
    return world;
  }

  /** Jinan's 12 districts and counties, converted from GCJ-02 to WGS-84. */
  public static synchronized RegionLayer jinanDistricts() {
    if (jinan == null) {
      jinan = chinese(JINAN_FILE, JINAN_DISTRICT);
    }
    return jinan;
  }

  /** Shandong's 16 cities, converted from GCJ-02 to WGS-84. */
  public static synchronized RegionLayer shandongCities() {
    if (shandong == null) {
      shandong = chinese(SHANDONG_FILE, SHANDONG_CITY);
    }
    return shandong;
  }

  /** The layer with this id. */
  public static RegionLayer layer(String id) {
    return switch (id) {
      case WORLD_ORIGIN -> world();
      case JINAN_DISTRICT -> jinanDistricts();
      case SHANDONG_CITY -> shandongCities();
      default ->
          throw new IllegalArgumentException(
              "Unknown region layer '"
                  + id
                  + "': expected "
                  + WORLD_ORIGIN
                  + ", "
                  + JINAN_DISTRICT
                  + " or "
                  + SHANDONG_CITY);
    };
  }

  private static RegionLayer chinese(String file, String id) {
    Divisions divisions = Divisions.bundled();
    List<Region> out = new ArrayList<>();
    for (Feature f : features(file)) {
      JsonNode adcode = f.properties().get("adcode");
      if (adcode == null || adcode.isNull()) {
        throw new IllegalArgumentException(
            "Feature " + f.index() + " of " + file + " has no adcode");
      }
      String code = adcode.asText();
      String nameZh = f.properties().path("name").asText(code);
      Divisions.Division d = divisions.get(code);
      String name = d != null && d.nameEn() != null ? d.nameEn() : nameZh;
      out.add(new Region(code, name, nameZh, Gcj02.toWgs84(f.geometry())));
    }
    return new RegionLayer(id, "CN_ADCODE", "GCJ-02", GCJ_NOTE, out);
  }

  /** A parsed feature: index in the file, its properties and its geometry as in the file (source CRS). */
  record Feature(int index, JsonNode properties, Geometry geometry) {}

  /** Parses the features of a bundled GeoJSON FeatureCollection. */
  static List<Feature> features(String file) {
    try (InputStream in = ReferenceFiles.open(file)) {
      return features(new ObjectMapper().readTree(in), file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference file " + file, e);
    }
  }

  static List<Feature> features(JsonNode root, String file) {
    if (!"FeatureCollection".equals(root.path("type").asText())) {
      throw new IllegalArgumentException(file + " is not a GeoJSON FeatureCollection");
    }
    List<Feature> out = new ArrayList<>();
    JsonNode fs = root.path("features");
    for (int i = 0; i < fs.size(); i++) {
      JsonNode f = fs.get(i);
      out.add(
          new Feature(
              i,
              f.path("properties"),
              GeoJsonGeometry.read(f.get("geometry"), file + " feature " + i)));
    }
    return out;
  }
}
