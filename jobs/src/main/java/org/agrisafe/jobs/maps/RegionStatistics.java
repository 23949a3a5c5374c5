package org.agrisafe.jobs.maps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.intake.reference.Region;
import org.agrisafe.intake.reference.RegionLayer;
import org.agrisafe.risk.rates.Rate;
import org.agrisafe.risk.spatial.ConditionalPermutation;
import org.agrisafe.risk.spatial.ContiguityParams;
import org.agrisafe.risk.spatial.EmpiricalBayes;
import org.agrisafe.risk.spatial.GetisOrdG;
import org.agrisafe.risk.spatial.HotSpotClass;
import org.agrisafe.risk.spatial.HotSpotClassifier;
import org.agrisafe.risk.spatial.IslandPolicy;
import org.agrisafe.risk.spatial.LocalMoran;
import org.agrisafe.risk.spatial.NeighbourList;
import org.agrisafe.risk.spatial.SpatialNeighbours;
import org.agrisafe.risk.spatial.WeightStyle;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The spatial statistics of one layer and period, on the driver (pure Java, no Spark): a layer has at most a few
 * hundred regions. Follows the hot-spot pipeline of {@code org.agrisafe.risk.spatial} (package documentation).
 *
 * <p>Steps, for the regions of the layer that have a polygon and at least one sample in the period:
 * <ol>
 *   <li>rates with 95 % Wilson intervals ({@link Rate}); pass rate over judged samples, detection and exceedance
 *       rates over samples tested;
 *   <li>exceedance rate smoothed by global empirical Bayes (Marshall 1991, {@link EmpiricalBayes#poissonGlobal});
 *       regions with fewer than {@code minSamples} samples are flagged "too few samples";
 *   <li>neighbours: world layer k nearest neighbours (k default 5, reduced to n − 1 when fewer regions have data)
 *       of the centroid of each country's <i>largest polygon</i> in lon/lat degrees (so that France's centroid is
 *       not pulled into the Atlantic by French Guiana); Jinan layer queen contiguity with islands linked to their
 *       nearest district;
 *   <li>Getis–Ord Gi* (Ord and Getis 1995) on binary weights with self included: z by the normal approximation,
 *       p by conditional permutation (two-sided: twice the folded pseudo p, capped at 1; fixed seed);
 *   <li>hot-spot class from that p and the sign of (observed − permutation mean) ({@link HotSpotClassifier}: 90,
 *       95, 99 %); "too few samples" regions are {@link HotSpotClass#INSUFFICIENT_DATA}, never hot or cold, but
 *       their smoothed rate still enters their neighbours' statistics;
 *   <li>local Moran I_i (Anselin 1995) on row-standardised weights, permutation p as above; LISA class = its
 *       quadrant when p &lt; {@value HeatMapSpec#LISA_ALPHA}, else NS.
 * </ol>
 * With fewer than 3 regions with data, or when every smoothed rate is equal (e.g. no exceedance anywhere), the
 * statistics are undefined: classes {@link HotSpotClass#UNDEFINED} and null z, p and LISA class, never zeros.
 * Regions with samples but no polygon get rates only.
 */
public final class RegionStatistics {
  private RegionStatistics() {}

  /**
   * Computes every region's statistics for one period.
   *
   * @param layer the layer
   * @param regions its regions (WGS-84)
   * @param period the period label
   * @param counts counts of the regions with at least one sample, one per code
   * @param spec parameters (min samples, k, permutations, seed)
   * @return one row per entry of {@code counts}, sorted by code
   */
  public static List<RegionStat> compute(
      MapLayer layer,
      RegionLayer regions,
      String period,
      List<RegionCounts> counts,
      HeatMapSpec spec) {
    List<RegionCounts> sorted = new ArrayList<>(counts);
    sorted.sort(Comparator.comparing(RegionCounts::code));
    List<RegionCounts> onMap = new ArrayList<>();
    for (RegionCounts c : sorted) {
      if (c.samples() < 1) {
        throw new IllegalArgumentException(
            "Region "
                + c.code()
                + " in period "
                + period
                + " of "
                + layer.id
                + " has "
                + c.samples()
                + " samples: expected >= 1 (regions without samples have no rate)");
      }
      if (regions.byCode(c.code()) != null) {
        onMap.add(c);
      }
    }
    Spatial s = spatial(layer, regions, onMap, spec);
    List<RegionStat> out = new ArrayList<>();
    for (RegionCounts c : sorted) {
      Region r = regions.byCode(c.code());
      boolean tooFew = c.samples() < spec.minSamples();
      Integer i = s.index.get(c.code());
      HotSpotClass hot =
          i == null ? (tooFew ? HotSpotClass.INSUFFICIENT_DATA : HotSpotClass.UNDEFINED) : s.hot[i];
      out.add(
          new RegionStat(
              layer.id,
              period,
              c.code(),
              r == null ? c.code() : r.name(),
              r != null,
              c,
              Rate.of(c.passed(), c.judged()),
              Rate.of(c.detected(), c.samples()),
              Rate.of(c.exceeding(), c.samples()),
              i == null ? null : s.eb[i],
              tooFew,
              get(s.z, i),
              get(s.p, i),
              hot,
              get(s.lisaI, i),
              get(s.lisaP, i),
              i == null || s.lisa == null || tooFew ? null : s.lisa[i],
              i == null ? null : s.rule,
              i == null ? List.of() : s.neighbours.get(i)));
    }
    return out;
  }

  private static Double get(double[] a, Integer i) {
    return a == null || i == null || Double.isNaN(a[i]) ? null : a[i];
  }

  /** Per on-map region arrays, in the order of {@code index}. */
  private record Spatial(
      Map<String, Integer> index,
      double[] eb,
      double[] z,
      double[] p,
      HotSpotClass[] hot,
      double[] lisaI,
      double[] lisaP,
      String[] lisa,
      String rule,
      List<List<String>> neighbours) {}

  private static Spatial spatial(
      MapLayer layer, RegionLayer regions, List<RegionCounts> onMap, HeatMapSpec spec) {
    int n = onMap.size();
    Map<String, Integer> index = new TreeMap<>();
    double[] events = new double[n];
    double[] population = new double[n];
    List<Geometry> geoms = new ArrayList<>(n);
    List<String> ids = new ArrayList<>(n);
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      RegionCounts c = onMap.get(i);
      index.put(c.code(), i);
      events[i] = c.exceeding();
      population[i] = c.samples();
      Region r = regions.byCode(c.code());
      geoms.add(r.geometry());
      ids.add(r.code());
      names.add(r.name());
    }
    HotSpotClass[] hot = new HotSpotClass[n];
    if (n == 0) {
      return new Spatial(index, new double[0], null, null, hot, null, null, null, null, List.of());
    }
    EmpiricalBayes.Result eb = EmpiricalBayes.poissonGlobal(events, population, spec.minSamples());
    double[] x = eb.smoothed();
    boolean constant = true;
    for (int i = 1; i < n && constant; i++) {
      constant = x[i] == x[0];
    }
    if (n < 3 || constant) {
      for (int i = 0; i < n; i++) {
        hot[i] = eb.insufficient()[i] ? HotSpotClass.INSUFFICIENT_DATA : HotSpotClass.UNDEFINED;
      }
      List<List<String>> none = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        none.add(List.of());
      }
      return new Spatial(index, x, null, null, hot, null, null, null, null, none);
    }
    NeighbourList nb = neighbours(layer, geoms, ids, names, spec);
    double[] xa = nb.alignValues(x);
    ConditionalPermutation.Params perm =
        new ConditionalPermutation.Params(
            spec.permutations(), spec.seed(), Runtime.getRuntime().availableProcessors());
    var wStar = nb.includeSelf().weights(WeightStyle.B);
    GetisOrdG.Result gi = GetisOrdG.compute(wStar, xa);
    ConditionalPermutation.Result giPerm = ConditionalPermutation.getisOrd(wStar, xa, perm);
    var wRow = nb.weights(WeightStyle.W);
    LocalMoran.Result lm = LocalMoran.compute(wRow, xa);
    ConditionalPermutation.Result lmPerm = ConditionalPermutation.localMoran(wRow, xa, perm);
    double[] z = new double[n];
    double[] p = new double[n];
    double[] direction = new double[n];
    double[] lisaI = new double[n];
    double[] lisaP = new double[n];
    String[] lisa = new String[n];
    boolean[] insufficient = new boolean[n];
    List<List<String>> neighbourCodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      neighbourCodes.add(List.of());
    }
    for (int a = 0; a < nb.size(); a++) {
      int i = nb.originalIndex(a);
      z[i] = gi.z()[a];
      p[i] = Math.min(1.0, 2.0 * giPerm.foldedP()[a]);
      direction[i] = giPerm.observed()[a] - giPerm.permutationMean()[a];
      lisaI[i] = lm.statistic()[a];
      lisaP[i] = Math.min(1.0, 2.0 * lmPerm.foldedP()[a]);
      lisa[i] = lisaP[i] < HeatMapSpec.LISA_ALPHA ? lm.quadrant()[a].name() : "NS";
      insufficient[i] = eb.insufficient()[i];
      List<String> codes = new ArrayList<>();
      for (int j : nb.neighbours(a)) {
        codes.add(nb.id(j));
      }
      neighbourCodes.set(i, List.copyOf(codes));
    }
    hot = HotSpotClassifier.fromPValues(p, direction, insufficient);
    String rule =
        layer == MapLayer.WORLD_ORIGIN
            ? Math.min(spec.k(), n - 1)
                + "-nearest neighbours of largest-polygon centroids (lon/lat)"
            : "queen contiguity, islands linked to nearest";
    return new Spatial(index, x, z, p, hot, lisaI, lisaP, lisa, rule, neighbourCodes);
  }

  static NeighbourList neighbours(
      MapLayer layer,
      List<Geometry> geoms,
      List<String> ids,
      List<String> names,
      HeatMapSpec spec) {
    if (layer == MapLayer.WORLD_ORIGIN) {
      double[] lon = new double[geoms.size()];
      double[] lat = new double[geoms.size()];
      for (int i = 0; i < geoms.size(); i++) {
        Point c = largestPart(geoms.get(i)).getCentroid();
        lon[i] = c.getX();
        lat[i] = c.getY();
      }
      return SpatialNeighbours.kNearest(lon, lat, ids, names, Math.min(spec.k(), geoms.size() - 1));
    }
    return SpatialNeighbours.contiguity(
        geoms,
        ids,
        names,
        ContiguityParams.defaults()
            .withSnapDistance(1e-5)
            .withIslandPolicy(IslandPolicy.NEAREST_NEIGHBOUR));
  }

  /** The polygon of largest area of a (multi)polygon. */
  static Geometry largestPart(Geometry g) {
    Geometry best = g.getGeometryN(0);
    for (int i = 1; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i).getArea() > best.getArea()) {
        best = g.getGeometryN(i);
      }
    }
    return best;
  }
}
