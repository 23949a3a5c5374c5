package org.agrisafe.risk.spatial;

import java.util.Objects;
import java.util.function.BiFunction;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Conversion between WGS-84 and GCJ-02, the obfuscated datum ("Mars coordinates") that Chinese web maps
 * (AMap/高德, Tencent, Google China) and DataV boundary exports use.
 *
 * <p>Source: the forward transform is the widely published reverse-engineered reproduction of the official
 * algorithm (Krasovsky 1940 ellipsoid, a = 6378245 m, e² = 0.00669342162296594323, polynomial-trigonometric
 * offsets centred on 105° E, 35° N), as in the open-source {@code eviltransform} and {@code coordtransform}
 * libraries; see also Wang, Y. (2016), "Dissecting the GCJ-02 Chinese coordinate obfuscation", and
 * GB/T 35764-2017 (which only states that such offsetting is required).
 *
 * <p>Accuracy: the published forward formula is reported to reproduce the official GCJ-02 offsets to about a
 * metre, with discrepancies of a few metres reported in places; this code has not been checked against the
 * official implementation, only against an independent open-source test vector. The inverse {@link #toWgs84}
 * has no closed form; it is computed by fixed-point iteration w ← w − (F(w) − g), which converges because the
 * offset varies slowly with position (its gradient is of order 1e-3): the iteration stops when the step is below
 * 1e-10° (about 0.01 mm), at most 20 iterations, so F(toWgs84(g)) reproduces g to well below 1 mm (tested: under
 * 1 mm across China). The end-to-end error of GCJ-02 → WGS-84 is therefore that of the forward formula, a few
 * metres at most, against the 100–700 m GCJ-02 offset it removes.
 *
 * <p>Outside China ({@link #isOutOfChina}) GCJ-02 equals WGS-84 and coordinates are returned unchanged.
 * Coordinates are longitude then latitude, in decimal degrees.
 */
public final class Gcj02 {

  /** Semi-major axis of the Krasovsky 1940 ellipsoid used by GCJ-02, metres. */
  static final double A = 6378245.0;

  /** First eccentricity squared of the Krasovsky 1940 ellipsoid. */
  static final double EE = 0.00669342162296594323;

  /** Stop the inverse iteration when the step is below this, degrees. */
  static final double INVERSE_TOLERANCE_DEGREES = 1e-10;

  /** Maximum iterations of the inverse. */
  static final int INVERSE_MAX_ITERATIONS = 20;

  private Gcj02() {}

  /**
   * Whether a point lies outside the rough bounding box within which GCJ-02 offsets are applied
   * (lon 72.004–137.8347° E, lat 0.8293–55.8271° N, the box used by the published implementations).
   *
   * @param lon longitude, degrees
   * @param lat latitude, degrees
   * @return true outside the box (no offset applied)
   */
  public static boolean isOutOfChina(double lon, double lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  /**
   * WGS-84 → GCJ-02.
   *
   * @param lon WGS-84 longitude, degrees, finite
   * @param lat WGS-84 latitude, degrees, finite
   * @return {lon, lat} in GCJ-02 degrees (unchanged outside China)
   * @throws IllegalArgumentException on non-finite or out-of-range coordinates
   */
  public static double[] fromWgs84(double lon, double lat) {
    check(lon, lat);
    if (isOutOfChina(lon, lat)) {
      return new double[] {lon, lat};
    }
    double[] d = offset(lon, lat);
    return new double[] {lon + d[0], lat + d[1]};
  }

  /**
   * GCJ-02 → WGS-84 by iterative inversion of {@link #fromWgs84}; see the class note on accuracy.
   *
   * @param lon GCJ-02 longitude, degrees, finite
   * @param lat GCJ-02 latitude, degrees, finite
   * @return {lon, lat} in WGS-84 degrees (unchanged outside China)
   * @throws IllegalArgumentException on non-finite or out-of-range coordinates
   */
  public static double[] toWgs84(double lon, double lat) {
    check(lon, lat);
    if (isOutOfChina(lon, lat)) {
      return new double[] {lon, lat};
    }
    double[] d = offset(lon, lat);
    double wLon = lon - d[0];
    double wLat = lat - d[1];
    for (int it = 0; it < INVERSE_MAX_ITERATIONS; it++) {
      double[] dd = offset(wLon, wLat);
      double errLon = wLon + dd[0] - lon;
      double errLat = wLat + dd[1] - lat;
      wLon -= errLon;
      wLat -= errLat;
      if (Math.abs(errLon) < INVERSE_TOLERANCE_DEGREES
          && Math.abs(errLat) < INVERSE_TOLERANCE_DEGREES) {
        break;
      }
    }
    return new double[] {wLon, wLat};
  }

  /**
   * Converts every coordinate of a geometry (x = longitude, y = latitude) from GCJ-02 to WGS-84.
   *
   * @param gcj02 any JTS geometry in GCJ-02 lon/lat; not modified
   * @return a converted copy (same type and structure; the SRID is kept, set it to 4326 if you use SRIDs)
   */
  public static Geometry toWgs84(Geometry gcj02) {
    return transform(gcj02, Gcj02::toWgs84);
  }

  /**
   * Converts every coordinate of a geometry from WGS-84 to GCJ-02.
   *
   * @param wgs84 any JTS geometry in WGS-84 lon/lat; not modified
   * @return a converted copy
   */
  public static Geometry fromWgs84(Geometry wgs84) {
    return transform(wgs84, Gcj02::fromWgs84);
  }

  private static Geometry transform(Geometry g, BiFunction<Double, Double, double[]> f) {
    Objects.requireNonNull(g, "geometry");
    Geometry copy = g.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            double[] r = f.apply(seq.getX(i), seq.getY(i));
            seq.setOrdinate(i, CoordinateSequence.X, r[0]);
            seq.setOrdinate(i, CoordinateSequence.Y, r[1]);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    copy.geometryChanged();
    return copy;
  }

  private static void check(double lon, double lat) {
    if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
      throw new IllegalArgumentException(
          "Invalid longitude " + lon + ": expected degrees in [-180, 180]");
    }
    if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
      throw new IllegalArgumentException(
          "Invalid latitude " + lat + ": expected degrees in [-90, 90]");
    }
  }

  /** The GCJ-02 offset {dLon, dLat} in degrees at a WGS-84 point. */
  private static double[] offset(double lon, double lat) {
    double x = lon - 105.0;
    double y = lat - 35.0;
    double dLat = transformLat(x, y);
    double dLon = transformLon(x, y);
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new double[] {dLon, dLat};
  }

  private static double transformLat(double x, double y) {
    double ret =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return ret;
  }

  private static double transformLon(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret +=
        (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return ret;
  }
}
