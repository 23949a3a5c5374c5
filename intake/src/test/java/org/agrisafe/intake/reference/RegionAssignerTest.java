package org.agrisafe.intake.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.agrisafe.intake.reference.RegionAssigner.Method;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

class RegionAssignerTest {

  /** STRtree + prepared geometry gives the same answer as testing every polygon, on 5,000 seeded points. */
  @Test
  void pointInPolygonAgreesWithBruteForce() {
    RegionLayer layer = Regions.jinanDistricts();
    RegionLocator locator = new RegionLocator(layer);
    Envelope box = new Envelope();
    layer.regions().forEach(r -> box.expandToInclude(r.geometry().getEnvelopeInternal()));
    box.expandBy(0.05);
    SplittableRandom rng = new SplittableRandom(20240601L);
    int inside = 0;
    for (int i = 0; i < 5000; i++) {
      double lon = box.getMinX() + rng.nextDouble() * box.getWidth();
      double lat = box.getMinY() + rng.nextDouble() * box.getHeight();
      Point p = GeoJsonGeometry.FACTORY.createPoint(new Coordinate(lon, lat));
      Region expected = null;
      for (Region r : layer.regions()) {
        if (r.geometry().covers(p)) {
          expected = r;
          break;
        }
      }
      assertSame(expected, locator.locate(lon, lat), "point " + lon + ", " + lat);
      if (expected != null) {
        inside++;
      }
    }
    // the districts fill a good part of their bounding box: the test exercises both answers
    assertEquals(true, inside > 1000 && inside < 4900, "points inside: " + inside);
  }

  @Test
  void divisionCodesRollUpBeforePoints() {
    RegionAssigner a = RegionAssigner.bundled();
    assertEquals(
        new RegionAssigner.Assignment("370102", Method.DIVISION_CODE, null),
        a.district("370102001", null, null));
    assertEquals("370112", a.district("370112", 999.0, 999.0).code());
    assertEquals(
        "370176",
        a.district("370176003", null, null).code(),
        "high-tech zone kept, reported as not drawn");
    // 李清照纪念堂/趵突泉 area, WGS-84, lies in 历下区 (Lixia)
    RegionAssigner.Assignment p = a.district(null, 117.0128, 36.6601);
    assertEquals(Method.POINT_IN_POLYGON, p.method());
    assertEquals("370102", p.code());
    RegionAssigner.Assignment none = a.district("370202", 120.38, 36.07);
    assertNull(none.code());
    assertEquals(Method.NONE, none.method());
  }

  @Test
  void originByCodeThenByName() {
    RegionAssigner a = RegionAssigner.bundled();
    assertEquals("ES", a.origin("ES", "Morocco").code());
    assertEquals(
        new RegionAssigner.Assignment("NA", Method.COUNTRY_NAME, null), a.origin(null, "Namibia"));
    assertEquals(
        new RegionAssigner.Assignment(null, Method.NONE, "NOT_A_COUNTRY"), a.origin(" ", "EU"));
    assertEquals(
        new RegionAssigner.Assignment(null, Method.NONE, "UNMATCHED"), a.origin(null, "Atlantis"));
  }
}
