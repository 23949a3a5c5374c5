package org.agrisafe.jobs.maps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agrisafe.risk.spatial.KernelDensity;

/**
 * Kernel density of sampling sites that have coordinates, written as a GeoJSON FeatureCollection of grid cells
 * (Polygon, WGS-84 lon/lat) with {@code density_per_km2} = expected samples per km² (cells with density 0 are left
 * out).
 *
 * <p>Method: {@link KernelDensity} with its defaults, the quartic kernel and ArcGIS's spatial variant of
 * Silverman's rule for the bandwidth (h = 0.9 · min(SD, √(1/ln 2) · D_m) · n^−0.2; KernelDensity's Javadoc
 * cites the sources), on a local equirectangular projection in metres around the points' mean latitude
 * (x = lon · 111 320 · cos φ0, y = lat · 110 574; distortion &lt; 0.1 % over a city). Grid: {@value #CELL_M} m cells
 * over the points' extent plus one bandwidth. When more than half of the points coincide (median distance 0, so
 * the ArcGIS rule gives 0) Scott's rule (σ̄ n^−1/6) is used instead, and the metadata says so. Needs at least 2
 * distinct points; otherwise nothing is written (the UK data has no coordinates).
 */
public final class SampleDensity {
  private SampleDensity() {}

  /** Grid cell side, metres. */
  public static final double CELL_M = 500.0;
  static final double M_PER_DEG_LAT = 110_574.0;
  static final double M_PER_DEG_LON_EQUATOR = 111_320.0;

  /**
   * Writes the density grid.
   *
   * @param lon WGS-84 longitudes of the samples
   * @param lat WGS-84 latitudes
   * @param out the GeoJSON file
   * @return the bandwidth in metres, or NaN when fewer than 2 distinct points were given (nothing written)
   */
  public static double write(double[] lon, double[] lat, Path out) {
    int n = lon.length;
    if (n < 2) {
      return Double.NaN;
    }
    double phi0 = 0;
    for (double v : lat) {
      phi0 += v / n;
    }
    double kx = M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(phi0));
    double[] x = new double[n];
    double[] y = new double[n];
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      x[i] = lon[i] * kx;
      y[i] = lat[i] * M_PER_DEG_LAT;
      minX = Math.min(minX, x[i]);
      maxX = Math.max(maxX, x[i]);
      minY = Math.min(minY, y[i]);
      maxY = Math.max(maxY, y[i]);
    }
    if (maxX == minX && maxY == minY) {
      return Double.NaN;
    }
    KernelDensity.BandwidthRule rule = KernelDensity.Params.RULE_DEFAULT;
    double h;
    try {
      h = KernelDensity.bandwidth(x, y, rule);
    } catch (IllegalArgumentException medianDistanceZero) {
      rule = KernelDensity.BandwidthRule.SCOTT;
      h = KernelDensity.bandwidth(x, y, rule);
    }
    KernelDensity.Params params = KernelDensity.Params.fixed(KernelDensity.Params.KERNEL_DEFAULT, h);
    int cols = (int) Math.ceil((maxX - minX + 2 * h) / CELL_M);
    int rows = (int) Math.ceil((maxY - minY + 2 * h) / CELL_M);
    KernelDensity.Grid grid = new KernelDensity.Grid(minX - h, minY - h, CELL_M, cols, rows);
    KernelDensity.Result r = KernelDensity.estimate(x, y, grid, params);
    ObjectNode root = MapGeoJson.JSON.createObjectNode();
    root.put("type", "FeatureCollection");
    ObjectNode md = root.putObject("metadata");
    md.put("title", "Kernel density of sampling sites");
    md.put("title_zh", "抽样点核密度");
    md.put("crs", "WGS-84 lon/lat (RFC 7946)");
    md.put("kernel", params.kernel().name());
    md.put("bandwidth_rule", rule.name());
    md.put("bandwidth_m", h);
    md.put("cell_m", CELL_M);
    md.put("points", n);
    md.put("unit", "samples per km²");
    ArrayNode features = root.putArray("features");
    for (int row = 0; row < rows; row++) {
      for (int c = 0; c < cols; c++) {
        double d = r.at(c, row);
        if (d <= 0) {
          continue;
        }
        double x0 = grid.minX() + c * CELL_M;
        double y0 = grid.minY() + row * CELL_M;
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Polygon");
        ArrayNode ring = g.putArray("coordinates").addArray();
        double[][] corners = {{x0, y0}, {x0 + CELL_M, y0}, {x0 + CELL_M, y0 + CELL_M}, {x0, y0 + CELL_M}, {x0, y0}};
        for (double[] p : corners) {
          ArrayNode xy = ring.addArray();
          xy.add(Math.round(p[0] / kx * 1e6) / 1e6);
          xy.add(Math.round(p[1] / M_PER_DEG_LAT * 1e6) / 1e6);
        }
        f.putObject("properties").put("density_per_km2", d * 1e6);
      }
    }
    try {
      Files.createDirectories(out.toAbsolutePath().getParent());
      MapGeoJson.JSON.writeValue(out.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out, e);
    }
    return h;
  }
}
