package org.agrisafe.risk.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Builds neighbour lists ({@link NeighbourList}) from polygons or points: polygon contiguity (queen, rook),
 * k nearest neighbours and distance bands, following R {@code spdep} 1.2-7 ({@code poly2nb}, {@code knearneigh},
 * {@code dnearneigh}); Bivand, Pebesma and Gómez-Rubio (2013), <i>Applied Spatial Data Analysis with R</i>,
 * 2nd ed., Springer, §9.2.1 "Neighbour objects".
 *
 * <p>Coordinates are planar: distances are Euclidean in coordinate units. Project lon/lat data (or accept that
 * degrees of longitude are shorter than degrees of latitude) before using k-nearest or distance-band rules;
 * contiguity is topological and works in any CRS. Region ids must be unique; names are free text used in
 * messages.
 */
public final class SpatialNeighbours {

  private SpatialNeighbours() {}

  /**
   * Polygon contiguity neighbours (spdep {@code poly2nb}).
   *
   * <p>Algorithm: (1) index the envelopes, expanded by the snap distance, in a JTS STRtree; (2) for each
   * candidate pair with intersecting envelopes, test for a shared boundary point: with
   * {@link ContiguityTest#SHARED_VERTEX}, any vertex pair within the snap distance (vertices sorted by x,
   * binary search, as spdep's vertex comparison); with {@link ContiguityTest#BOUNDARY_DISTANCE}, boundary
   * within the snap distance; (3) for {@link ContiguityRule#ROOK}, additionally require two boundary
   * segments that are collinear within the snap distance and overlap over a length greater than the snap
   * distance; (4) resolve islands by the {@link IslandPolicy} (nearest by JTS geometry distance).
   *
   * @param polygons Polygon or MultiPolygon geometries, one per region, size n &gt;= 1
   * @param ids      unique region ids (for example adcodes), size n
   * @param names    region names, size n
   * @param params   rule, test, snap distance and island policy; see {@link ContiguityParams#defaults()}
   * @return a symmetric neighbour list, without self links
   * @throws IllegalArgumentException on null, empty or non-polygonal geometry (naming the region), duplicate
   *                                  ids, mismatched sizes, or islands under {@link IslandPolicy#FAIL}
   */
  public static NeighbourList contiguity(
      List<? extends Geometry> polygons,
      List<String> ids,
      List<String> names,
      ContiguityParams params) {
    Objects.requireNonNull(params, "params");
    validateRegions(polygons, ids, names);
    int n = polygons.size();
    for (int i = 0; i < n; i++) {
      Geometry g = polygons.get(i);
      if (g == null || g.isEmpty()) {
        throw new IllegalArgumentException(
            "Geometry of region "
                + ids.get(i)
                + " ("
                + names.get(i)
                + ") at index "
                + i
                + " is "
                + (g == null ? "null" : "empty")
                + ": expected a non-empty Polygon or MultiPolygon");
      }
      if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
        throw new IllegalArgumentException(
            "Geometry of region "
                + ids.get(i)
                + " ("
                + names.get(i)
                + ") at index "
                + i
                + " is a "
                + g.getGeometryType()
                + ": expected a Polygon or MultiPolygon");
      }
    }
    double snap = params.snapDistance();
    STRtree tree = new STRtree();
    for (int i = 0; i < n; i++) {
      Envelope e = new Envelope(polygons.get(i).getEnvelopeInternal());
      e.expandBy(snap);
      tree.insert(e, i);
    }
    tree.build();
    SortedVertices[] vertices = new SortedVertices[n];
    Geometry[] boundaries = new Geometry[n];
    List<SortedSet<Integer>> adjacency = emptyAdjacency(n);
    for (int i = 0; i < n; i++) {
      Envelope e = new Envelope(polygons.get(i).getEnvelopeInternal());
      e.expandBy(snap);
      @SuppressWarnings("unchecked")
      List<Integer> candidates = tree.query(e);
      for (int j : candidates) {
        if (j <= i) {
          continue;
        }
        boolean touch;
        if (params.test() == ContiguityTest.SHARED_VERTEX) {
          touch =
              vertices(vertices, polygons, i)
                  .sharesVertexWith(vertices(vertices, polygons, j), snap);
        } else {
          touch =
              DistanceOp.isWithinDistance(
                  boundary(boundaries, polygons, i), boundary(boundaries, polygons, j), snap);
        }
        if (touch && params.rule() == ContiguityRule.ROOK) {
          touch = sharesEdge(polygons.get(i), polygons.get(j), snap);
        }
        if (touch) {
          adjacency.get(i).add(j);
          adjacency.get(j).add(i);
        }
      }
    }
    String rule =
        (params.rule() == ContiguityRule.QUEEN ? "queen" : "rook")
            + " contiguity (snap "
            + snap
            + ")";
    return NeighbourList.resolve(
        ids, names, adjacency, params.islandPolicy(), i -> nearestGeometry(polygons, i), rule);
  }

  /**
   * k nearest neighbours of region centroids (JTS {@link Geometry#getCentroid()}), spdep
   * {@code knn2nb(knearneigh(coords, k))}. The relation is not symmetric. Ties in distance go to the lower
   * index. Brute force, O(n² log k); fine for the few thousand regions of an administrative layer.
   *
   * @param geometries one geometry per region (any type; its centroid is used)
   * @param ids        unique region ids
   * @param names      region names
   * @param k          number of neighbours, 1 &lt;= k &lt; n; spdep's default is 1, GeoDa suggests 4–8
   * @return the neighbour list (every region has exactly k neighbours, so no islands)
   * @throws IllegalArgumentException on bad sizes, duplicate ids, empty geometries or k out of range
   */
  public static NeighbourList kNearest(
      List<? extends Geometry> geometries, List<String> ids, List<String> names, int k) {
    double[][] xy = centroids(geometries, ids, names);
    return kNearest(xy[0], xy[1], ids, names, k);
  }

  /**
   * k nearest neighbours of points; see {@link #kNearest(List, List, List, int)}.
   *
   * @param x  planar x (e.g. easting, or longitude), size n
   * @param y  planar y, size n
   * @param ids unique region ids, size n
   * @param names region names, size n
   * @param k  number of neighbours, 1 &lt;= k &lt; n
   * @return the neighbour list
   */
  public static NeighbourList kNearest(
      double[] x, double[] y, List<String> ids, List<String> names, int k) {
    validatePoints(x, y, ids, names);
    int n = x.length;
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException(
          "Invalid number of nearest neighbours k="
              + k
              + ": expected 1 <= k < number of regions ("
              + n
              + ")");
    }
    List<SortedSet<Integer>> adjacency = emptyAdjacency(n);
    Integer[] order = new Integer[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        order[j] = j;
        d[j] = j == i ? Double.POSITIVE_INFINITY : Math.hypot(x[i] - x[j], y[i] - y[j]);
      }
      Arrays.sort(
          order,
          (a, b) -> {
            int c = Double.compare(d[a], d[b]);
            return c != 0 ? c : Integer.compare(a, b);
          });
      for (int t = 0; t < k; t++) {
        adjacency.get(i).add(order[t]);
      }
    }
    return NeighbourList.resolve(
        ids, names, adjacency, IslandPolicy.FAIL, i -> -1, k + "-nearest neighbours");
  }

  /**
   * Distance-band neighbours of region centroids: j is a neighbour of i when lower &lt; d_ij &lt;= upper
   * (spdep {@code dnearneigh(coords, d1 = lower, d2 = upper)}, bounds "GT" and "LE").
   *
   * @param geometries one geometry per region (its centroid is used)
   * @param ids        unique region ids
   * @param names      region names
   * @param lower  lower bound, &gt;= 0 (usually 0), coordinate units
   * @param upper  upper bound, &gt; lower, coordinate units; a common choice is the largest nearest-neighbour
   *               distance, which guarantees no islands
   * @param policy what to do with regions that have no neighbour within the band
   * @return a symmetric neighbour list
   */
  public static NeighbourList distanceBand(
      List<? extends Geometry> geometries,
      List<String> ids,
      List<String> names,
      double lower,
      double upper,
      IslandPolicy policy) {
    double[][] xy = centroids(geometries, ids, names);
    return distanceBand(xy[0], xy[1], ids, names, lower, upper, policy);
  }

  /**
   * Distance-band neighbours of points; see {@link #distanceBand(List, List, List, double, double, IslandPolicy)}.
   *
   * @param x      planar x, size n
   * @param y      planar y, size n
   * @param ids    unique region ids
   * @param names  region names
   * @param lower  lower bound (exclusive), &gt;= 0
   * @param upper  upper bound (inclusive), &gt; lower
   * @param policy island policy
   * @return the neighbour list
   */
  public static NeighbourList distanceBand(
      double[] x,
      double[] y,
      List<String> ids,
      List<String> names,
      double lower,
      double upper,
      IslandPolicy policy) {
    validatePoints(x, y, ids, names);
    Objects.requireNonNull(policy, "island policy");
    if (!(lower >= 0) || Double.isInfinite(lower)) {
      throw new IllegalArgumentException(
          "Invalid lower distance bound " + lower + ": expected a finite number >= 0");
    }
    if (!(upper > lower) || Double.isInfinite(upper)) {
      throw new IllegalArgumentException(
          "Invalid upper distance bound "
              + upper
              + ": expected a finite number > lower bound "
              + lower);
    }
    int n = x.length;
    STRtree tree = new STRtree();
    for (int i = 0; i < n; i++) {
      tree.insert(new Envelope(x[i], x[i], y[i], y[i]), i);
    }
    tree.build();
    List<SortedSet<Integer>> adjacency = emptyAdjacency(n);
    for (int i = 0; i < n; i++) {
      @SuppressWarnings("unchecked")
      List<Integer> cand =
          tree.query(new Envelope(x[i] - upper, x[i] + upper, y[i] - upper, y[i] + upper));
      for (int j : cand) {
        if (j == i) {
          continue;
        }
        double d = Math.hypot(x[i] - x[j], y[i] - y[j]);
        if (d > lower && d <= upper) {
          adjacency.get(i).add(j);
        }
      }
    }
    return NeighbourList.resolve(
        ids,
        names,
        adjacency,
        policy,
        i -> nearestPoint(x, y, i),
        "distance band (" + lower + ", " + upper + "]");
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  private static List<SortedSet<Integer>> emptyAdjacency(int n) {
    List<SortedSet<Integer>> adjacency = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      adjacency.add(new TreeSet<>());
    }
    return adjacency;
  }

  private static void validateRegions(List<?> items, List<String> ids, List<String> names) {
    Objects.requireNonNull(items, "geometries");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(names, "names");
    if (items.isEmpty()) {
      throw new IllegalArgumentException("No regions given: expected at least one region");
    }
    if (ids.size() != items.size()) {
      throw new IllegalArgumentException(
          "Got "
              + ids.size()
              + " ids for "
              + items.size()
              + " regions: expected one id per region");
    }
    if (names.size() != items.size()) {
      throw new IllegalArgumentException(
          "Got "
              + names.size()
              + " names for "
              + items.size()
              + " regions: expected one name per region");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null) {
        throw new IllegalArgumentException(
            "Region id at index " + i + " is null: expected a unique id");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(
            "Region id '" + id + "' at index " + i + " is duplicated: expected unique ids");
      }
    }
  }

  private static void validatePoints(double[] x, double[] y, List<String> ids, List<String> names) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "Got " + x.length + " x and " + y.length + " y coordinates: expected the same number");
    }
    validateRegions(Arrays.asList(new Object[x.length]), ids, names);
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            "Coordinate of region "
                + ids.get(i)
                + " ("
                + names.get(i)
                + ") is ("
                + x[i]
                + ", "
                + y[i]
                + "): expected finite numbers");
      }
    }
  }

  private static double[][] centroids(
      List<? extends Geometry> geometries, List<String> ids, List<String> names) {
    validateRegions(geometries, ids, names);
    int n = geometries.size();
    double[][] xy = new double[2][n];
    for (int i = 0; i < n; i++) {
      Geometry g = geometries.get(i);
      if (g == null || g.isEmpty()) {
        throw new IllegalArgumentException(
            "Geometry of region "
                + ids.get(i)
                + " ("
                + names.get(i)
                + ") is "
                + (g == null ? "null" : "empty")
                + ": expected a non-empty geometry");
      }
      Point c = g.getCentroid();
      xy[0][i] = c.getX();
      xy[1][i] = c.getY();
    }
    return xy;
  }

  private static int nearestGeometry(List<? extends Geometry> polygons, int i) {
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int j = 0; j < polygons.size(); j++) {
      if (j == i) {
        continue;
      }
      double d = polygons.get(i).distance(polygons.get(j));
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    return best;
  }

  private static int nearestPoint(double[] x, double[] y, int i) {
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int j = 0; j < x.length; j++) {
      if (j == i) {
        continue;
      }
      double d = Math.hypot(x[i] - x[j], y[i] - y[j]);
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    return best;
  }

  private static SortedVertices vertices(
      SortedVertices[] cache, List<? extends Geometry> polygons, int i) {
    if (cache[i] == null) {
      cache[i] = new SortedVertices(polygons.get(i).getCoordinates());
    }
    return cache[i];
  }

  private static Geometry boundary(Geometry[] cache, List<? extends Geometry> polygons, int i) {
    if (cache[i] == null) {
      cache[i] = polygons.get(i).getBoundary();
    }
    return cache[i];
  }

  /** Vertices sorted by x, for a snapped vertex-match search in O(m log m). */
  private static final class SortedVertices {
    final double[] xs;
    final double[] ys;

    SortedVertices(Coordinate[] coords) {
      Coordinate[] c = coords.clone();
      Arrays.sort(c, (a, b) -> Double.compare(a.x, b.x));
      xs = new double[c.length];
      ys = new double[c.length];
      for (int k = 0; k < c.length; k++) {
        xs[k] = c[k].x;
        ys[k] = c[k].y;
      }
    }

    boolean sharesVertexWith(SortedVertices other, double snap) {
      SortedVertices small = xs.length <= other.xs.length ? this : other;
      SortedVertices large = small == this ? other : this;
      double snap2 = snap * snap;
      for (int k = 0; k < small.xs.length; k++) {
        double x = small.xs[k];
        double y = small.ys[k];
        int lo = lowerBound(large.xs, x - snap);
        for (int m = lo; m < large.xs.length && large.xs[m] <= x + snap; m++) {
          double dx = large.xs[m] - x;
          double dy = large.ys[m] - y;
          if (dx * dx + dy * dy <= snap2) {
            return true;
          }
        }
      }
      return false;
    }

    private static int lowerBound(double[] a, double v) {
      int lo = 0;
      int hi = a.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] < v) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** Whether two polygons share a boundary segment longer than the snap distance. */
  static boolean sharesEdge(Geometry a, Geometry b, double snap) {
    List<Coordinate[]> ringsA = rings(a);
    List<Coordinate[]> ringsB = rings(b);
    for (Coordinate[] ra : ringsA) {
      for (int p = 0; p + 1 < ra.length; p++) {
        Coordinate a0 = ra[p];
        Coordinate a1 = ra[p + 1];
        for (Coordinate[] rb : ringsB) {
          for (int q = 0; q + 1 < rb.length; q++) {
            Coordinate b0 = rb[q];
            Coordinate b1 = rb[q + 1];
            if (Math.max(a0.x, a1.x) + snap < Math.min(b0.x, b1.x)
                || Math.max(b0.x, b1.x) + snap < Math.min(a0.x, a1.x)
                || Math.max(a0.y, a1.y) + snap < Math.min(b0.y, b1.y)
                || Math.max(b0.y, b1.y) + snap < Math.min(a0.y, a1.y)) {
              continue;
            }
            if (collinearOverlap(a0, a1, b0, b1, snap) > snap
                || collinearOverlap(b0, b1, a0, a1, snap) > snap) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /**
   * Length of the overlap of segment (b0,b1) projected on segment (a0,a1) when both ends of b lie within
   * snap of the line through a; 0 otherwise.
   */
  private static double collinearOverlap(
      Coordinate a0, Coordinate a1, Coordinate b0, Coordinate b1, double snap) {
    double dx = a1.x - a0.x;
    double dy = a1.y - a0.y;
    double len = Math.hypot(dx, dy);
    if (len <= snap) {
      return 0.0;
    }
    double ux = dx / len;
    double uy = dy / len;
    double perp0 = Math.abs((b0.x - a0.x) * uy - (b0.y - a0.y) * ux);
    double perp1 = Math.abs((b1.x - a0.x) * uy - (b1.y - a0.y) * ux);
    if (perp0 > snap || perp1 > snap) {
      return 0.0;
    }
    double t0 = (b0.x - a0.x) * ux + (b0.y - a0.y) * uy;
    double t1 = (b1.x - a0.x) * ux + (b1.y - a0.y) * uy;
    return Math.min(len, Math.max(t0, t1)) - Math.max(0.0, Math.min(t0, t1));
  }

  private static List<Coordinate[]> rings(Geometry g) {
    List<Coordinate[]> out = new ArrayList<>();
    for (int k = 0; k < g.getNumGeometries(); k++) {
      Polygon p = (Polygon) g.getGeometryN(k);
      out.add(p.getExteriorRing().getCoordinates());
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        LineString hole = p.getInteriorRingN(h);
        out.add(hole.getCoordinates());
      }
    }
    return out;
  }
}
