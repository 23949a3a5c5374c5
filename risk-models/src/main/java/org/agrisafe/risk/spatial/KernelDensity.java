package org.agrisafe.risk.spatial;

import java.util.Arrays;
import java.util.Objects;

/**
 * Kernel density (intensity) of points on a regular grid, for mapping where samples or detections concentrate.
 *
 * <p>Sources: Silverman, B. W. (1986), <i>Density Estimation for Statistics and Data Analysis</i>, Chapman &amp;
 * Hall, §4.2 (multivariate kernels; the quartic/biweight kernel, eq. 4.4) and §4.3.2 (normal-reference
 * bandwidth, eq. 4.14: h = σ (4/(d + 2))^{1/(d+4)} n^{−1/(d+4)}, which for d = 2 is σ n^{−1/6});
 * Scott, D. W. (1992), <i>Multivariate Density Estimation</i>, Wiley, §6.3.1 (Scott's rule h_j = σ_j
 * n^{−1/(d+4)}, the same value for d = 2); ESRI, "How Kernel Density works", ArcGIS Pro 3 documentation (quartic
 * kernel and the "spatial variant of Silverman's rule of thumb" for the default search radius).
 *
 * <p>Algorithm:
 * <ol>
 *   <li>bandwidth h by the {@link BandwidthRule}: {@link BandwidthRule#SCOTT}: h = σ̄ n^{−1/6} with
 *       σ̄ = √((s_x² + s_y²)/2) (sample variances, denominator n − 1), i.e. Scott's rule with one isotropic
 *       bandwidth, equal to Silverman's normal-reference rule in 2-D;
 *       {@link BandwidthRule#SILVERMAN_ARCGIS}: h = 0.9 · min(SD, √(1/ln 2) · D_m) · n^{−0.2}, SD the standard
 *       distance √(Σ((x − x̄)² + (y − ȳ)²)/n), D_m the median distance to the mean centre (ArcGIS's default);
 *       {@link BandwidthRule#FIXED}: the given h;</li>
 *   <li>h is the kernel's scale as is: the radius of the quartic kernel, the standard deviation of the
 *       Gaussian (ArcGIS likewise uses its rule's value directly as the quartic search radius);</li>
 *   <li>at every grid cell centre c, density(c) = Σ_i K_h(‖c − p_i‖) with quartic
 *       K_h(d) = 3/(π h²) (1 − d²/h²)² for d &lt; h (0 beyond) or Gaussian K_h(d) = exp(−d²/(2h²))/(2π h²),
 *       truncated at 6h (relative error &lt; 1e-7).</li>
 * </ol>
 * Each kernel integrates to 1, so the output is an intensity in points per square coordinate unit; divide by n
 * for a probability density. Coordinates are planar: project lon/lat (e.g. to a UTM zone, metres) first.
 */
public final class KernelDensity {

  /** Kernel function. */
  public enum Kernel {
    /** Quartic (biweight) kernel, compact support of radius h: ArcGIS Kernel Density's kernel. */
    QUARTIC,
    /** Gaussian kernel with standard deviation h. */
    GAUSSIAN
  }

  /** Bandwidth selection rule; see the class Javadoc for the formulas. */
  public enum BandwidthRule {
    /** Scott's rule (= Silverman's normal reference in 2-D): h = σ̄ n^{−1/6}. */
    SCOTT,
    /** ArcGIS's spatial variant of Silverman's rule: h = 0.9 min(SD, √(1/ln 2) D_m) n^{−0.2}. */
    SILVERMAN_ARCGIS,
    /** A given bandwidth ({@link Params#fixedBandwidth()}). */
    FIXED
  }

  /**
   * Kernel density settings.
   *
   * @param kernel         kernel; default {@link Kernel#QUARTIC}
   * @param rule           bandwidth rule; default {@link BandwidthRule#SILVERMAN_ARCGIS}
   * @param fixedBandwidth bandwidth in coordinate units when rule is FIXED (&gt; 0); ignored (use NaN) otherwise
   */
  public record Params(Kernel kernel, BandwidthRule rule, double fixedBandwidth) {
    /** Default kernel. */
    public static final Kernel KERNEL_DEFAULT = Kernel.QUARTIC;

    /** Default bandwidth rule. */
    public static final BandwidthRule RULE_DEFAULT = BandwidthRule.SILVERMAN_ARCGIS;

    /** Validates the settings. */
    public Params {
      Objects.requireNonNull(kernel, "kernel");
      Objects.requireNonNull(rule, "rule");
      if (rule == BandwidthRule.FIXED && !(fixedBandwidth > 0 && Double.isFinite(fixedBandwidth))) {
        throw new IllegalArgumentException(
            "Invalid fixed bandwidth "
                + fixedBandwidth
                + ": expected a finite number > 0 (coordinate units)");
      }
    }

    /** @return quartic kernel, ArcGIS Silverman bandwidth */
    public static Params defaults() {
      return new Params(KERNEL_DEFAULT, RULE_DEFAULT, Double.NaN);
    }

    /** @return the given kernel with a fixed bandwidth */
    public static Params fixed(Kernel kernel, double bandwidth) {
      return new Params(kernel, BandwidthRule.FIXED, bandwidth);
    }
  }

  /**
   * A regular grid: cell (column c, row r) has its centre at (minX + (c + ½)·cellSize, minY + (r + ½)·cellSize).
   *
   * @param minX     west edge
   * @param minY     south edge
   * @param cellSize cell side, &gt; 0
   * @param columns  number of columns, &gt;= 1
   * @param rows     number of rows, &gt;= 1
   */
  public record Grid(double minX, double minY, double cellSize, int columns, int rows) {
    /** Validates the grid. */
    public Grid {
      if (!Double.isFinite(minX) || !Double.isFinite(minY)) {
        throw new IllegalArgumentException(
            "Invalid grid origin (" + minX + ", " + minY + "): expected finite coordinates");
      }
      if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
        throw new IllegalArgumentException(
            "Invalid cell size " + cellSize + ": expected a finite number > 0");
      }
      if (columns < 1 || rows < 1 || (long) columns * rows > 100_000_000L) {
        throw new IllegalArgumentException(
            "Invalid grid of " + columns + " x " + rows + " cells: expected 1..100,000,000 cells");
      }
    }

    /** @return x of the centre of column c */
    public double centreX(int c) {
      return minX + (c + 0.5) * cellSize;
    }

    /** @return y of the centre of row r */
    public double centreY(int r) {
      return minY + (r + 0.5) * cellSize;
    }
  }

  /**
   * Kernel density output.
   *
   * @param grid      the grid
   * @param bandwidth h used, coordinate units
   * @param density   intensity per cell, row-major from the south row: index r·columns + c; points per square
   *                  coordinate unit
   */
  public record Result(Grid grid, double bandwidth, double[] density) {
    /** @return the density at column c, row r */
    public double at(int c, int r) {
      return density[r * grid.columns() + c];
    }
  }

  private KernelDensity() {}

  /**
   * Bandwidth by a rule.
   *
   * @param x    point x, size n &gt;= 2
   * @param y    point y, size n
   * @param rule {@link BandwidthRule#SCOTT} or {@link BandwidthRule#SILVERMAN_ARCGIS}
   * @return h &gt; 0, coordinate units
   * @throws IllegalArgumentException on fewer than 2 points, non-finite coordinates, FIXED, or when all points
   *                                  coincide (zero spread)
   */
  public static double bandwidth(double[] x, double[] y, BandwidthRule rule) {
    validatePoints(x, y);
    Objects.requireNonNull(rule, "rule");
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException(
          "Cannot choose a bandwidth from "
              + n
              + " point(s): expected at least 2, or use a FIXED bandwidth");
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double ss = 0;
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      ss += dx * dx + dy * dy;
      dist[i] = Math.sqrt(dx * dx + dy * dy);
    }
    double dm = Double.NaN;
    if (rule == BandwidthRule.SILVERMAN_ARCGIS) {
      Arrays.sort(dist);
      dm = n % 2 == 1 ? dist[n / 2] : 0.5 * (dist[n / 2 - 1] + dist[n / 2]);
    }
    return bandwidth(n, ss, dm, rule);
  }

  /**
   * Bandwidth by a rule from the points' summary, for callers that compute the summary elsewhere (e.g. a
   * distributed engine): the same formulas as {@link #bandwidth(double[], double[], BandwidthRule)}.
   *
   * @param n              number of points, &gt;= 2
   * @param sumSquares     Σ((x − x̄)² + (y − ȳ)²), squared coordinate units
   * @param medianDistance D_m, the median distance to the mean centre (mean of the two middle values for even
   *                       n); used by {@link BandwidthRule#SILVERMAN_ARCGIS} only (NaN otherwise)
   * @param rule           {@link BandwidthRule#SCOTT} or {@link BandwidthRule#SILVERMAN_ARCGIS}
   * @return h &gt; 0, coordinate units
   * @throws IllegalArgumentException on fewer than 2 points, FIXED, or a zero spread
   */
  public static double bandwidth(
      long n, double sumSquares, double medianDistance, BandwidthRule rule) {
    Objects.requireNonNull(rule, "rule");
    if (n < 2) {
      throw new IllegalArgumentException(
          "Cannot choose a bandwidth from "
              + n
              + " point(s): expected at least 2, or use a FIXED bandwidth");
    }
    double h =
        switch (rule) {
          case SCOTT -> Math.sqrt(sumSquares / (n - 1) / 2.0) * Math.pow(n, -1.0 / 6.0);
          case SILVERMAN_ARCGIS -> {
            double sd = Math.sqrt(sumSquares / n);
            yield 0.9
                * Math.min(sd, Math.sqrt(1.0 / Math.log(2.0)) * medianDistance)
                * Math.pow(n, -0.2);
          }
          case FIXED ->
              throw new IllegalArgumentException(
                  "Bandwidth rule FIXED has no formula: give the"
                      + " bandwidth in Params.fixed(kernel, h)");
        };
    if (!(h > 0)) {
      throw new IllegalArgumentException(
          "Bandwidth by "
              + rule
              + " is "
              + h
              + " because the "
              + n
              + " points have no spread (median distance or standard distance is 0): expected spread"
              + " points, or use a FIXED bandwidth");
    }
    return h;
  }

  /** Receives one point's contribution to one grid cell. */
  @FunctionalInterface
  public interface CellSink {
    /**
     * @param cell  row-major cell index r·columns + c, as in {@link Result#density()}
     * @param value the point's kernel value at the cell centre, points per square coordinate unit
     */
    void accept(int cell, double value);
  }

  /**
   * The contributions of one point to the grid cells within the kernel's reach (step 3 of the algorithm for a
   * single point); {@link #estimate} sums them over the points, cell by cell, in point order. Cells where the
   * kernel is 0 get no call.
   *
   * @param h bandwidth &gt; 0, coordinate units
   */
  public static void contributions(
      double x, double y, Grid grid, Kernel kernel, double h, CellSink sink) {
    boolean quartic = kernel == Kernel.QUARTIC;
    double reach = quartic ? h : 6.0 * h;
    double h2 = h * h;
    double norm = quartic ? 3.0 / (Math.PI * h2) : 1.0 / (2.0 * Math.PI * h2);
    double cs = grid.cellSize();
    int c0 = Math.max(0, (int) Math.floor((x - reach - grid.minX()) / cs));
    int c1 = Math.min(grid.columns() - 1, (int) Math.floor((x + reach - grid.minX()) / cs));
    int r0 = Math.max(0, (int) Math.floor((y - reach - grid.minY()) / cs));
    int r1 = Math.min(grid.rows() - 1, (int) Math.floor((y + reach - grid.minY()) / cs));
    for (int r = r0; r <= r1; r++) {
      double dy = grid.centreY(r) - y;
      for (int c = c0; c <= c1; c++) {
        double dx = grid.centreX(c) - x;
        double d2 = dx * dx + dy * dy;
        if (quartic) {
          if (d2 < h2) {
            double u = 1.0 - d2 / h2;
            sink.accept(r * grid.columns() + c, norm * u * u);
          }
        } else if (d2 <= reach * reach) {
          sink.accept(r * grid.columns() + c, norm * Math.exp(-d2 / (2.0 * h2)));
        }
      }
    }
  }

  /**
   * Kernel density of points on a grid.
   *
   * @param x      point x, size n &gt;= 1 (&gt;= 2 unless the bandwidth is FIXED)
   * @param y      point y, size n
   * @param grid   output grid
   * @param params kernel and bandwidth rule
   * @return the density grid and the bandwidth used
   */
  public static Result estimate(double[] x, double[] y, Grid grid, Params params) {
    validatePoints(x, y);
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(params, "params");
    if (x.length == 0) {
      throw new IllegalArgumentException("No points given: expected at least one point");
    }
    double h =
        params.rule() == BandwidthRule.FIXED
            ? params.fixedBandwidth()
            : bandwidth(x, y, params.rule());
    double[] density = new double[grid.columns() * grid.rows()];
    for (int i = 0; i < x.length; i++) {
      contributions(x[i], y[i], grid, params.kernel(), h, (cell, v) -> density[cell] += v);
    }
    return new Result(grid, h, density);
  }

  private static void validatePoints(double[] x, double[] y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "Got " + x.length + " x and " + y.length + " y coordinates: expected the same number");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            "Point " + i + " is (" + x[i] + ", " + y[i] + "): expected finite coordinates");
      }
    }
  }
}
