package org.agrisafe.risk.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.agrisafe.risk.common.TestPaths;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class Gcj02Test {

  /** Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m). */
  static double metres(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
  }

  @Test
  void forwardMatchesThePublishedTestVector() {
    // value asserted by independent open-source implementations (coordtransform ports): (116.404,
    // 39.915)
    double[] g = Gcj02.fromWgs84(116.404, 39.915);
    assertEquals(116.41024449916938, g[0], 1e-12);
    assertEquals(39.91640428150164, g[1], 1e-12);
  }

  @Test
  void roundTripIsWithinOneMetreAcrossChina() {
    double worst = 0;
    for (double lon = 74; lon <= 134; lon += 1.5) {
      for (double lat = 18; lat <= 53; lat += 1.25) {
        double[] g = Gcj02.fromWgs84(lon, lat);
        double[] w = Gcj02.toWgs84(g[0], g[1]);
        worst = Math.max(worst, metres(lon, lat, w[0], w[1]));
        double[] g2 = Gcj02.fromWgs84(w[0], w[1]);
        worst = Math.max(worst, metres(g[0], g[1], g2[0], g2[1]));
      }
    }
    assertTrue(worst < 1.0, "worst round-trip error " + worst + " m");
    assertTrue(worst < 0.001, "the iteration converges far below a metre: " + worst + " m");
  }

  @Test
  void offsetInJinanIsSeveralHundredMetres() {
    double[] g = Gcj02.fromWgs84(117.0, 36.65);
    double d = metres(117.0, 36.65, g[0], g[1]);
    assertTrue(d > 100 && d < 1000, "GCJ-02 offset in Jinan " + d + " m");
  }

  @Test
  void outsideChinaNothingChanges() {
    assertTrue(Gcj02.isOutOfChina(-0.1276, 51.5072), "London");
    assertFalse(Gcj02.isOutOfChina(117.0, 36.65), "Jinan");
    double[] w = Gcj02.toWgs84(-0.1276, 51.5072);
    assertEquals(-0.1276, w[0], 0.0);
    assertEquals(51.5072, w[1], 0.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Gcj02.toWgs84(117, 95));
    assertTrue(e.getMessage().contains("latitude 95"), e.getMessage());
  }

  @Test
  void jinanDistrictBoundariesConvertAndRoundTrip() throws IOException {
    List<GeoJsonPolygons.Feature> districts =
        GeoJsonPolygons.read(
            TestPaths.repoFile("reference-data/regions/jinan_districts_gcj02.geojson"));
    assertEquals(12, districts.size());
    double worst = 0;
    for (GeoJsonPolygons.Feature f : districts) {
      Geometry gcj = f.geometry();
      Geometry wgs = Gcj02.toWgs84(gcj);
      assertEquals(gcj.getGeometryType(), wgs.getGeometryType());
      assertEquals(gcj.getNumPoints(), wgs.getNumPoints());
      Coordinate[] a = gcj.getCoordinates();
      Coordinate[] b = wgs.getCoordinates();
      Coordinate[] back = Gcj02.fromWgs84(wgs).getCoordinates();
      for (int k = 0; k < a.length; k += 7) {
        double shift = metres(a[k].x, a[k].y, b[k].x, b[k].y);
        assertTrue(
            shift > 100 && shift < 1000, "shift " + shift + " m in " + f.properties().get("name"));
        worst = Math.max(worst, metres(a[k].x, a[k].y, back[k].x, back[k].y));
      }
      assertEquals(
          gcj.getArea(), wgs.getArea(), 1e-2 * gcj.getArea(), "area changes by well under 1 %");
    }
    assertTrue(worst < 1.0, "round trip " + worst + " m");
  }
}
