package org.agrisafe.intake.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

class RegionsTest {

  @Test
  void worldLayerKeepsNamibiaAsTheStringNa() {
    RegionLayer w = Regions.world();
    assertEquals(177, w.regions().size());
    Region namibia = w.byCode("NA");
    assertNotNull(namibia, "Namibia's code NA must not be read as missing");
    assertEquals("Namibia", namibia.name());
    assertEquals("纳米比亚", namibia.nameZh());
    assertNotNull(w.byCode("X-NCY"));
    assertNotNull(w.byCode("X-SOL"));
    assertEquals("WGS-84", w.sourceCrs());
  }

  /** The 12 districts stay within plausible WGS-84 bounds of Jinan, shifted by the GCJ-02 offset (100–700 m). */
  @Test
  void jinanDistrictsAreConvertedFromGcj02ToWgs84() {
    RegionLayer j = Regions.jinanDistricts();
    assertEquals(12, j.regions().size());
    assertEquals("GCJ-02", j.sourceCrs());
    List<Regions.Feature> raw = Regions.features(Regions.JINAN_FILE);
    Envelope all = new Envelope();
    for (int i = 0; i < raw.size(); i++) {
      Region r = j.regions().get(i);
      Envelope e = r.geometry().getEnvelopeInternal();
      all.expandToInclude(e);
      Coordinate gcj = raw.get(i).geometry().getCoordinates()[0];
      Coordinate wgs = r.geometry().getCoordinates()[0];
      double dxM = (gcj.x - wgs.x) * 111_320 * Math.cos(Math.toRadians(wgs.y));
      double dyM = (gcj.y - wgs.y) * 110_574;
      double shift = Math.hypot(dxM, dyM);
      assertTrue(
          shift > 100 && shift < 700, r.code() + " shifted by " + shift + " m: expected 100-700 m");
      // WGS-84 = GCJ-02 minus the offset, which is positive in lon (east) around Jinan
      assertTrue(wgs.x < gcj.x, r.code() + ": WGS-84 longitude should be west of the GCJ-02 one");
    }
    // PROVENANCE bbox of the GCJ-02 file: 116.226–117.975 E, 35.991–37.533 N; WGS-84 is a few
    // hundred m off
    assertTrue(all.getMinX() > 116.2 && all.getMaxX() < 117.98, "lon range " + all);
    assertTrue(all.getMinY() > 35.98 && all.getMaxY() < 37.54, "lat range " + all);
    assertEquals("历下区", j.byCode("370102").nameZh());
    assertEquals("Lixia", j.byCode("370102").name());
    assertNull(j.byCode("370176"), "the high-tech zone has no polygon");
  }

  @Test
  void shandongCitiesLoad() {
    RegionLayer s = Regions.shandongCities();
    assertEquals(16, s.regions().size());
    assertEquals("Jinan", s.byCode("370100").name());
  }
}
