package org.agrisafe.jobs.maps;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.agrisafe.risk.spatial.KernelDensity;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

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
   * Writes the density grid from coordinates held in memory. The reference for {@link #write(Dataset, Path)},
   * which computes the same grid without collecting the points; kept for small inputs and the tests.
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
    double kx = kx(phi0);
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
    Bandwidth bw = Bandwidth.choose(r -> KernelDensity.bandwidth(x, y, r));
    KernelDensity.BandwidthRule rule = bw.rule();
    double h = bw.metres();
    KernelDensity.Params params =
        KernelDensity.Params.fixed(KernelDensity.Params.KERNEL_DEFAULT, h);
    KernelDensity.Grid grid = grid(minX, maxX, minY, maxY, h);
    KernelDensity.Result r = KernelDensity.estimate(x, y, grid, params);
    writeGeoJson(out, grid, r.density(), kx, n, rule, h);
    return h;
  }

  /**
   * Writes the density grid of points given as a Dataset, computed in Spark: the driver receives a few
   * aggregates (count, sums, extremes, the one or two middle distances of the median) and the grid cells with a
   * density, never a row per point. Same method and output as {@link #write(double[], double[], Path)}; the
   * sums are taken in Spark's order, so the numbers may differ from the in-memory ones in the last bits.
   *
   * @param points columns {@code lon} and {@code lat} (WGS-84 degrees, non-null)
   * @param out the GeoJSON file
   * @return the bandwidth in metres, or NaN when fewer than 2 distinct points were given (nothing written)
   */
  public static double write(Dataset<Row> points, Path out) {
    Dataset<Row> p =
        points
            .select(col("lon").cast("double").as("lon"), col("lat").cast("double").as("lat"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row a = p.agg(count(lit(1)), min("lon"), max("lon"), min("lat"), max("lat")).first();
      long n = a.getLong(0);
      if (n < 2) {
        return Double.NaN;
      }
      double phi0 = p.agg(sum(col("lat").divide(lit((double) n)))).first().getDouble(0);
      double kx = kx(phi0);
      // rounding is monotonic, so min(lon_i * kx) = min(lon_i) * kx (kx > 0): the same extremes as
      // in memory
      double minX = a.getDouble(1) * kx;
      double maxX = a.getDouble(2) * kx;
      double minY = a.getDouble(3) * M_PER_DEG_LAT;
      double maxY = a.getDouble(4) * M_PER_DEG_LAT;
      if (maxX == minX && maxY == minY) {
        return Double.NaN;
      }
      Column x = col("lon").multiply(lit(kx));
      Column y = col("lat").multiply(lit(M_PER_DEG_LAT));
      Row m = p.agg(sum(x), sum(y)).first();
      double mx = m.getDouble(0) / n;
      double my = m.getDouble(1) / n;
      Column dx = x.minus(lit(mx));
      Column dy = y.minus(lit(my));
      Dataset<Row> d2 = p.select(dx.multiply(dx).plus(dy.multiply(dy)).as("d2"));
      double ss = d2.agg(sum("d2")).first().getDouble(0);
      // median distance to the mean centre: the middle one (odd n) or two (even n) of the sorted
      // distances
      List<Row> middle =
          d2.select(sqrt(col("d2")).as("d"))
              .orderBy("d")
              .offset((int) ((n - 1) / 2))
              .limit(n % 2 == 1 ? 1 : 2)
              .collectAsList();
      double dm =
          n % 2 == 1
              ? middle.get(0).getDouble(0)
              : 0.5 * (middle.get(0).getDouble(0) + middle.get(1).getDouble(0));
      Bandwidth bw =
          Bandwidth.choose(
              r ->
                  KernelDensity.bandwidth(
                      n, ss, r == KernelDensity.BandwidthRule.SCOTT ? Double.NaN : dm, r));
      KernelDensity.BandwidthRule rule = bw.rule();
      double h = bw.metres();
      KernelDensity.Grid grid = grid(minX, maxX, minY, maxY, h);
      double[] density = new double[grid.columns() * grid.rows()];
      for (Row c :
          p.flatMap(
                  new CellContributions(kx, grid, KernelDensity.Params.KERNEL_DEFAULT, h),
                  Encoders.tuple(Encoders.INT(), Encoders.DOUBLE()))
              .groupBy("_1")
              .agg(sum("_2").as("density"))
              .filter(col("density").gt(0))
              .collectAsList()) {
        density[c.getInt(0)] = c.getDouble(1);
      }
      writeGeoJson(out, grid, density, kx, n, rule, h);
      return h;
    } finally {
      p.unpersist();
    }
  }

  /**
   * One point's kernel values at the grid cells within reach ({@link KernelDensity#contributions}), as (cell
   * index, value) pairs: the Spark side of {@link KernelDensity#estimate}'s sum.
   */
  static final class CellContributions implements FlatMapFunction<Row, Tuple2<Integer, Double>> {
    private final double kx;
    private final double minX;
    private final double minY;
    private final double cellSize;
    private final int columns;
    private final int rows;
    private final KernelDensity.Kernel kernel;
    private final double h;

    CellContributions(double kx, KernelDensity.Grid grid, KernelDensity.Kernel kernel, double h) {
      this.kx = kx;
      this.minX = grid.minX();
      this.minY = grid.minY();
      this.cellSize = grid.cellSize();
      this.columns = grid.columns();
      this.rows = grid.rows();
      this.kernel = kernel;
      this.h = h;
    }

    @Override
    public Iterator<Tuple2<Integer, Double>> call(Row point) {
      List<Tuple2<Integer, Double>> out = new ArrayList<>();
      KernelDensity.contributions(
          point.getDouble(0) * kx,
          point.getDouble(1) * M_PER_DEG_LAT,
          new KernelDensity.Grid(minX, minY, cellSize, columns, rows),
          kernel,
          h,
          (cell, v) -> out.add(new Tuple2<>(cell, v)));
      return out.iterator();
    }
  }

  /** Metres per degree of longitude at latitude phi0 (degrees). */
  private static double kx(double phi0) {
    return M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(phi0));
  }

  /** {@value #CELL_M} m cells over the points' extent plus one bandwidth on each side. */
  private static KernelDensity.Grid grid(
      double minX, double maxX, double minY, double maxY, double h) {
    int cols = (int) Math.ceil((maxX - minX + 2 * h) / CELL_M);
    int rows = (int) Math.ceil((maxY - minY + 2 * h) / CELL_M);
    return new KernelDensity.Grid(minX - h, minY - h, CELL_M, cols, rows);
  }

  /** The GeoJSON FeatureCollection of the cells with a density &gt; 0 (row-major from the south row). */
  private static void writeGeoJson(
      Path out,
      KernelDensity.Grid grid,
      double[] density,
      double kx,
      long n,
      KernelDensity.BandwidthRule rule,
      double h) {
    ObjectNode root = MapGeoJson.JSON.createObjectNode();
    root.put("type", "FeatureCollection");
    ObjectNode md = root.putObject("metadata");
    md.put("title", "Kernel density of sampling sites");
    md.put("title_zh", "抽样点核密度");
    md.put("crs", "WGS-84 lon/lat (RFC 7946)");
    md.put("kernel", KernelDensity.Params.KERNEL_DEFAULT.name());
    md.put("bandwidth_rule", rule.name());
    md.put("bandwidth_m", h);
    md.put("cell_m", CELL_M);
    md.put("points", n);
    md.put("unit", "samples per km²");
    ArrayNode features = root.putArray("features");
    for (int row = 0; row < grid.rows(); row++) {
      for (int c = 0; c < grid.columns(); c++) {
        double d = density[row * grid.columns() + c];
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
        double[][] corners = {
          {x0, y0}, {x0 + CELL_M, y0}, {x0 + CELL_M, y0 + CELL_M}, {x0, y0 + CELL_M}, {x0, y0}
        };
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
  }

  /** The bandwidth rule used and its bandwidth, metres. */
  private record Bandwidth(KernelDensity.BandwidthRule rule, double metres) {
    /**
     * The default rule's bandwidth, or Scott's when the default cannot apply (its median distance to the mean
     * centre is 0: KernelDensity throws IllegalArgumentException), for the in-memory and the Spark path alike.
     */
    static Bandwidth choose(
        java.util.function.ToDoubleFunction<KernelDensity.BandwidthRule> bandwidth) {
      KernelDensity.BandwidthRule rule = KernelDensity.Params.RULE_DEFAULT;
      try {
        return new Bandwidth(rule, bandwidth.applyAsDouble(rule));
      } catch (IllegalArgumentException medianDistanceZero) {
        return new Bandwidth(
            KernelDensity.BandwidthRule.SCOTT,
            bandwidth.applyAsDouble(KernelDensity.BandwidthRule.SCOTT));
      }
    }
  }
}
