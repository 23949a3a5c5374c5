package org.agrisafe.intake.reference;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon lookup of a layer's regions: a JTS {@link STRtree} on the region envelopes, then an exact
 * {@link PreparedGeometry#covers} test of the candidates. The point and the polygons must be in the same CRS: both
 * WGS-84 lon/lat here ({@link Regions} converts GCJ-02 polygons on load; never test a GPS point against a GCJ-02
 * polygon).
 *
 * <p>A point on the shared border of two regions is covered by both; the region listed first in the layer wins,
 * so the answer is deterministic. Cost: O(log n) envelope query plus one prepared test per candidate.
 */
public final class RegionLocator implements Serializable {
  private final RegionLayer layer;
  private transient STRtree tree;

  public RegionLocator(RegionLayer layer) {
    this.layer = layer;
  }

  private record Entry(int order, Region region, PreparedGeometry prepared) {}

  private synchronized STRtree tree() {
    if (tree == null) {
      STRtree t = new STRtree();
      List<Region> regions = layer.regions();
      for (int i = 0; i < regions.size(); i++) {
        Region r = regions.get(i);
        t.insert(
            r.geometry().getEnvelopeInternal(),
            new Entry(i, r, PreparedGeometryFactory.prepare(r.geometry())));
      }
      t.build();
      tree = t;
    }
    return tree;
  }

  /**
   * The region covering a point.
   *
   * @param lon WGS-84 longitude, degrees
   * @param lat WGS-84 latitude, degrees
   * @return the region, or null when the point is in none, or a coordinate is null or not finite
   */
  public Region locate(Double lon, Double lat) {
    if (lon == null || lat == null || !Double.isFinite(lon) || !Double.isFinite(lat)) {
      return null;
    }
    Point p = GeoJsonGeometry.FACTORY.createPoint(new Coordinate(lon, lat));
    @SuppressWarnings("unchecked")
    List<Entry> candidates = tree().query(new Envelope(lon, lon, lat, lat));
    return candidates.stream()
        .filter(e -> e.prepared().covers(p))
        .min(Comparator.comparingInt(Entry::order))
        .map(Entry::region)
        .orElse(null);
  }
}
