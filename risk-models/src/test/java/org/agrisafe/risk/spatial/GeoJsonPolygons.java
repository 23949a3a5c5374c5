package org.agrisafe.risk.spatial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Test-only GeoJSON reader for FeatureCollections of Polygon / MultiPolygon features (RFC 7946 §3.1.6–3.1.7),
 * with a minimal JSON tokenizer (risk-models has no JSON library; production GeoJSON I/O lives elsewhere).
 * Coordinates are taken as given (x = lon or easting, y = lat or northing); no CRS handling.
 */
final class GeoJsonPolygons {

  /** One feature: its geometry and its properties (numbers as Double, strings, booleans, nested maps/lists). */
  record Feature(Geometry geometry, Map<String, Object> properties) {}

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final String text;
  private final String source;
  private int pos;

  private GeoJsonPolygons(String text, String source) {
    this.text = text;
    this.source = source;
  }

  static List<Feature> read(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    GeoJsonPolygons p = new GeoJsonPolygons(s, file.toString());
    Object root = p.value();
    p.skipWs();
    if (p.pos != s.length()) {
      throw p.error("trailing content");
    }
    return toFeatures(root, file.toString());
  }

  /** Parses any JSON text into maps, lists, strings, Doubles, Booleans and nulls. */
  static Object parseJson(String text, String source) {
    GeoJsonPolygons p = new GeoJsonPolygons(text, source);
    Object v = p.value();
    p.skipWs();
    if (p.pos != text.length()) {
      throw p.error("trailing content");
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private static List<Feature> toFeatures(Object root, String source) {
    if (!(root instanceof Map<?, ?> m) || !"FeatureCollection".equals(m.get("type"))) {
      throw new IllegalArgumentException("GeoJSON " + source + ": expected a FeatureCollection");
    }
    List<Feature> out = new ArrayList<>();
    List<Object> features = (List<Object>) m.get("features");
    for (int i = 0; i < features.size(); i++) {
      Map<String, Object> f = (Map<String, Object>) features.get(i);
      Map<String, Object> geom = (Map<String, Object>) f.get("geometry");
      Object props = f.get("properties");
      out.add(
          new Feature(
              geometry(geom, source, i), props == null ? Map.of() : (Map<String, Object>) props));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Geometry geometry(Map<String, Object> g, String source, int feature) {
    if (g == null) {
      throw new IllegalArgumentException(
          "GeoJSON " + source + " feature " + feature + ": geometry is null");
    }
    String type = (String) g.get("type");
    List<Object> c = (List<Object>) g.get("coordinates");
    return switch (type) {
      case "Polygon" -> polygon(c);
      case "MultiPolygon" -> {
        Polygon[] ps = new Polygon[c.size()];
        for (int k = 0; k < ps.length; k++) {
          ps[k] = polygon((List<Object>) c.get(k));
        }
        yield FACTORY.createMultiPolygon(ps);
      }
      default ->
          throw new IllegalArgumentException(
              "GeoJSON "
                  + source
                  + " feature "
                  + feature
                  + ": geometry type "
                  + type
                  + " is not supported, expected Polygon or MultiPolygon");
    };
  }

  @SuppressWarnings("unchecked")
  private static Polygon polygon(List<Object> rings) {
    LinearRing shell = ring((List<Object>) rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int k = 1; k < rings.size(); k++) {
      holes[k - 1] = ring((List<Object>) rings.get(k));
    }
    return FACTORY.createPolygon(shell, holes);
  }

  @SuppressWarnings("unchecked")
  private static LinearRing ring(List<Object> pts) {
    Coordinate[] cs = new Coordinate[pts.size()];
    for (int k = 0; k < cs.length; k++) {
      List<Object> xy = (List<Object>) pts.get(k);
      cs[k] = new Coordinate((Double) xy.get(0), (Double) xy.get(1));
    }
    return FACTORY.createLinearRing(cs);
  }

  // ------------------------------------------------------------------------------ minimal JSON
  // parser

  private Object value() {
    skipWs();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        expect("true");
        return Boolean.TRUE;
      case 'f':
        expect("false");
        return Boolean.FALSE;
      case 'n':
        expect("null");
        return null;
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    pos++;
    skipWs();
    if (text.charAt(pos) == '}') {
      pos++;
      return m;
    }
    while (true) {
      skipWs();
      String key = string();
      skipWs();
      if (text.charAt(pos++) != ':') {
        throw error("expected ':'");
      }
      m.put(key, value());
      skipWs();
      char c = text.charAt(pos++);
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array() {
    List<Object> a = new ArrayList<>();
    pos++;
    skipWs();
    if (text.charAt(pos) == ']') {
      pos++;
      return a;
    }
    while (true) {
      a.add(value());
      skipWs();
      char c = text.charAt(pos++);
      if (c == ']') {
        return a;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    if (text.charAt(pos) != '"') {
      throw error("expected '\"'");
    }
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
  }

  private Double number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected character '" + text.charAt(pos) + "'");
    }
    return Double.valueOf(text.substring(start, pos));
  }

  private void expect(String word) {
    if (!text.startsWith(word, pos)) {
      throw error("expected " + word);
    }
    pos += word.length();
  }

  private void skipWs() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        "Cannot parse GeoJSON " + source + " at character " + pos + ": " + what);
  }
}
