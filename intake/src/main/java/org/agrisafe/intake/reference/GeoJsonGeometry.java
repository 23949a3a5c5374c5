package org.agrisafe.intake.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * GeoJSON (RFC 7946 §3.1.6 Polygon, §3.1.7 MultiPolygon) ↔ JTS, with Jackson. Coordinates are (x, y) =
 * (longitude, latitude) in decimal degrees; no CRS handling here: the caller says which CRS a file is in.
 */
public final class GeoJsonGeometry {
  /** One factory (floating precision, SRID 4326 = WGS-84 lon/lat) for every geometry of the regions. */
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  /** Decimal places written by default: 6 (≈ 0.1 m), RFC 7946 §11.2 recommends no more. */
  public static final int DECIMALS_DEFAULT = 6;

  private GeoJsonGeometry() {}

  /**
   * Reads a Polygon or MultiPolygon.
   *
   * @param node the GeoJSON geometry object
   * @param where the file and feature, for messages
   * @return a JTS Polygon or MultiPolygon (SRID 4326)
   * @throws IllegalArgumentException on another type, a missing member or a bad ring, naming {@code where}
   */
  public static Geometry read(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException(
          "Geometry of " + where + " is null: expected a Polygon or MultiPolygon");
    }
    String type = node.path("type").asText("");
    JsonNode coords = node.get("coordinates");
    if (coords == null || !coords.isArray()) {
      throw new IllegalArgumentException("Geometry of " + where + " has no coordinates array");
    }
    return switch (type) {
      case "Polygon" -> polygon(coords, where);
      case "MultiPolygon" -> {
        Polygon[] parts = new Polygon[coords.size()];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = polygon(coords.get(i), where + " part " + i);
        }
        yield FACTORY.createMultiPolygon(parts);
      }
      default ->
          throw new IllegalArgumentException(
              "Geometry of " + where + " is a '" + type + "': expected a Polygon or MultiPolygon");
    };
  }

  private static Polygon polygon(JsonNode rings, String where) {
    if (rings.size() == 0) {
      throw new IllegalArgumentException(
          "Polygon of " + where + " has no ring: expected an exterior ring");
    }
    LinearRing shell = ring(rings.get(0), where + " exterior ring");
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), where + " hole " + i);
    }
    return FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode pts, String where) {
    Coordinate[] c = new Coordinate[pts.size()];
    for (int i = 0; i < c.length; i++) {
      JsonNode p = pts.get(i);
      if (p == null || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
        throw new IllegalArgumentException(
            "Point " + i + " of " + where + " is " + p + ": expected [lon, lat]");
      }
      c[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
    if (c.length < 4 || !c[0].equals2D(c[c.length - 1])) {
      throw new IllegalArgumentException(
          "Ring "
              + where
              + " has "
              + c.length
              + " points or is not closed: expected a closed ring of >= 4 points");
    }
    return FACTORY.createLinearRing(c);
  }

  /**
   * Writes a Polygon or MultiPolygon as a GeoJSON geometry object, exterior rings counter-clockwise and holes
   * clockwise (RFC 7946 §3.1.6 right-hand rule), coordinates rounded to {@code decimals} places.
   *
   * @throws IllegalArgumentException on another geometry type
   */
  public static ObjectNode write(Geometry g, int decimals) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (g instanceof Polygon p) {
      out.put("type", "Polygon");
      out.set("coordinates", polygonCoords(p, decimals));
    } else if (g instanceof MultiPolygon mp) {
      out.put("type", "MultiPolygon");
      ArrayNode parts = out.putArray("coordinates");
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        parts.add(polygonCoords((Polygon) mp.getGeometryN(i), decimals));
      }
    } else {
      throw new IllegalArgumentException(
          "Cannot write a "
              + g.getGeometryType()
              + " as a region: expected a Polygon or MultiPolygon");
    }
    return out;
  }

  private static ArrayNode polygonCoords(Polygon p, int decimals) {
    ArrayNode rings = JsonNodeFactory.instance.arrayNode();
    rings.add(ringCoords(p.getExteriorRing().getCoordinates(), true, decimals));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      rings.add(ringCoords(p.getInteriorRingN(i).getCoordinates(), false, decimals));
    }
    return rings;
  }

  private static ArrayNode ringCoords(Coordinate[] c, boolean ccw, int decimals) {
    boolean reverse = Orientation.isCCW(c) != ccw;
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < c.length; i++) {
      Coordinate p = c[reverse ? c.length - 1 - i : i];
      ArrayNode xy = a.addArray();
      xy.add(round(p.x, decimals));
      xy.add(round(p.y, decimals));
    }
    return a;
  }

  private static BigDecimal round(double v, int decimals) {
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }
}
