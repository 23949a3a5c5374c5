package org.agrisafe.risk.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.function.IntUnaryOperator;

/**
 * An immutable neighbour list (spdep class {@code nb}): for each of n regions, the sorted indices of its
 * neighbours, stored in compressed-row form (primitive arrays).
 *
 * <p>Regions are indexed 0..n-1 in the order of this list. When islands were removed
 * ({@link IslandPolicy#EXCLUDE}) that order is the input order with the islands left out;
 * {@link #originalIndex(int)} and {@link #alignValues(double[])} map between the two.
 *
 * <p>Built by {@link SpatialNeighbours}; turned into weights by {@link #weights(WeightStyle)}.
 */
public final class NeighbourList {

  /** An island: a region without neighbours, named by its id and name and its index in the input order. */
  public record Island(int inputIndex, String id, String name) {
    @Override
    public String toString() {
      return id + " (" + name + ")";
    }
  }

  private final List<String> ids;
  private final List<String> names;
  private final int[] offsets;
  private final int[] neighbours;
  private final int[] originalIndex;
  private final int inputSize;
  private final boolean selfIncluded;
  private final List<Island> islands;
  private final List<String> warnings;

  private NeighbourList(
      List<String> ids,
      List<String> names,
      int[] offsets,
      int[] neighbours,
      int[] originalIndex,
      int inputSize,
      boolean selfIncluded,
      List<Island> islands,
      List<String> warnings) {
    this.ids = ids;
    this.names = names;
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.originalIndex = originalIndex;
    this.inputSize = inputSize;
    this.selfIncluded = selfIncluded;
    this.islands = islands;
    this.warnings = warnings;
  }

  /**
   * Builds a neighbour list from raw adjacency sets and applies the island policy.
   *
   * @param ids         region ids, input order, size n
   * @param names       region names, input order, size n
   * @param adjacency   for each region the set of neighbour indices (input order; no self links); modified
   *                    in place when islands are linked to their nearest neighbour
   * @param policy      what to do with regions that have no neighbour
   * @param nearest     for an island index, the index of its nearest other region (used only by
   *                    {@link IslandPolicy#NEAREST_NEIGHBOUR}); must return -1 if there is none
   * @param rule        description of the neighbour rule, used in messages (for example "queen contiguity")
   * @throws IllegalArgumentException under {@link IslandPolicy#FAIL} when there are islands, or when no
   *                                  region is left / no nearest neighbour exists
   */
  static NeighbourList resolve(
      List<String> ids,
      List<String> names,
      List<SortedSet<Integer>> adjacency,
      IslandPolicy policy,
      IntUnaryOperator nearest,
      String rule) {
    Objects.requireNonNull(policy, "island policy");
    int n = ids.size();
    List<Island> islands = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (adjacency.get(i).isEmpty()) {
        islands.add(new Island(i, ids.get(i), names.get(i)));
      }
    }
    List<String> warnings = new ArrayList<>();
    int[] keep;
    if (islands.isEmpty()) {
      keep = identity(n);
    } else {
      switch (policy) {
        case FAIL ->
            throw new IllegalArgumentException(
                "Found "
                    + islands.size()
                    + " island(s) without any neighbour under "
                    + rule
                    + ": "
                    + islands
                    + "; expected every region to have at least one neighbour (island policy FAIL; choose"
                    + " EXCLUDE or NEAREST_NEIGHBOUR to proceed)");
        case EXCLUDE -> {
          if (islands.size() == n) {
            throw new IllegalArgumentException(
                "All "
                    + n
                    + " region(s) are islands under "
                    + rule
                    + ": "
                    + islands
                    + "; excluding them leaves no region to analyse");
          }
          warnings.add(
              "Excluded "
                  + islands.size()
                  + " island(s) without any neighbour under "
                  + rule
                  + " from the analysis: "
                  + islands);
          boolean[] isIsland = new boolean[n];
          for (Island is : islands) {
            isIsland[is.inputIndex()] = true;
          }
          keep = new int[n - islands.size()];
          int k = 0;
          for (int i = 0; i < n; i++) {
            if (!isIsland[i]) {
              keep[k++] = i;
            }
          }
        }
        case NEAREST_NEIGHBOUR -> {
          List<String> links = new ArrayList<>();
          for (Island is : islands) {
            int j = nearest.applyAsInt(is.inputIndex());
            if (j < 0) {
              throw new IllegalArgumentException(
                  "Island "
                      + is
                      + " has no other region to link"
                      + " to under "
                      + rule
                      + " (only "
                      + n
                      + " region(s) given)");
            }
            adjacency.get(is.inputIndex()).add(j);
            adjacency.get(j).add(is.inputIndex());
            links.add(is + " -> " + ids.get(j) + " (" + names.get(j) + ")");
          }
          warnings.add(
              "Linked "
                  + islands.size()
                  + " island(s) without any neighbour under "
                  + rule
                  + " to their nearest region (both directions): "
                  + links);
          keep = identity(n);
        }
        default -> throw new IllegalStateException("Unhandled island policy " + policy);
      }
    }
    int[] newIndex = new int[n];
    Arrays.fill(newIndex, -1);
    for (int k = 0; k < keep.length; k++) {
      newIndex[keep[k]] = k;
    }
    int m = keep.length;
    int[] offsets = new int[m + 1];
    for (int k = 0; k < m; k++) {
      offsets[k + 1] = offsets[k] + adjacency.get(keep[k]).size();
    }
    int[] nb = new int[offsets[m]];
    List<String> keptIds = new ArrayList<>(m);
    List<String> keptNames = new ArrayList<>(m);
    for (int k = 0; k < m; k++) {
      int p = offsets[k];
      for (int j : adjacency.get(keep[k])) {
        int nj = newIndex[j];
        if (nj < 0) {
          throw new IllegalStateException(
              "Neighbour "
                  + ids.get(j)
                  + " of "
                  + ids.get(keep[k])
                  + " was excluded as an island although it has a neighbour");
        }
        nb[p++] = nj;
      }
      Arrays.sort(nb, offsets[k], offsets[k + 1]);
      keptIds.add(ids.get(keep[k]));
      keptNames.add(names.get(keep[k]));
    }
    return new NeighbourList(
        List.copyOf(keptIds),
        List.copyOf(keptNames),
        offsets,
        nb,
        keep,
        n,
        false,
        List.copyOf(islands),
        List.copyOf(warnings));
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** @return the number of regions in this list (input regions minus excluded islands) */
  public int size() {
    return ids.size();
  }

  /** @return the id of region i (0-based index in this list) */
  public String id(int i) {
    return ids.get(i);
  }

  /** @return the name of region i */
  public String name(int i) {
    return names.get(i);
  }

  /** @return all region ids in list order (unmodifiable) */
  public List<String> ids() {
    return ids;
  }

  /** @return the number of neighbours of region i (spdep {@code card}); includes i itself when self is included */
  public int cardinality(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** @return the sorted neighbour indices of region i (a copy) */
  public int[] neighbours(int i) {
    return Arrays.copyOfRange(neighbours, offsets[i], offsets[i + 1]);
  }

  /** @return whether each region counts itself among its neighbours (spdep {@code include.self}) */
  public boolean selfIncluded() {
    return selfIncluded;
  }

  /** @return the islands found while building, in input order (empty if none); see {@link IslandPolicy} */
  public List<Island> islands() {
    return islands;
  }

  /** @return human-readable warnings raised while building (islands excluded or linked); empty if none */
  public List<String> warnings() {
    return warnings;
  }

  /** @return the index, in the input order given to the builder, of region i of this list */
  public int originalIndex(int i) {
    return originalIndex[i];
  }

  /**
   * Selects, from values given in the builder's input order, those of the regions in this list.
   *
   * @param inputOrderValues one value per input region (length = number of regions given to the builder)
   * @return the values in this list's order (length {@link #size()})
   * @throws IllegalArgumentException if the length is not the input size
   */
  public double[] alignValues(double[] inputOrderValues) {
    if (inputOrderValues.length != inputSize) {
      throw new IllegalArgumentException(
          "Cannot align "
              + inputOrderValues.length
              + " values to the neighbour"
              + " list: expected one value per input region ("
              + inputSize
              + ")");
    }
    double[] out = new double[originalIndex.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = inputOrderValues[originalIndex[i]];
    }
    return out;
  }

  /**
   * Adds each region to its own neighbour set, as spdep {@code include.self} does for the Getis–Ord Gi*
   * statistic (Ord and Getis 1995, §2).
   *
   * @return a new list with self included; this list if self is already included
   */
  public NeighbourList includeSelf() {
    if (selfIncluded) {
      return this;
    }
    int n = size();
    int[] off = new int[n + 1];
    int[] nb = new int[neighbours.length + n];
    for (int i = 0; i < n; i++) {
      int p = off[i];
      boolean placed = false;
      for (int q = offsets[i]; q < offsets[i + 1]; q++) {
        if (!placed && neighbours[q] > i) {
          nb[p++] = i;
          placed = true;
        }
        nb[p++] = neighbours[q];
      }
      if (!placed) {
        nb[p++] = i;
      }
      off[i + 1] = p;
    }
    return new NeighbourList(
        ids, names, off, nb, originalIndex, inputSize, true, islands, warnings);
  }

  /** @return whether j is a neighbour of i for every neighbour pair (i, j) */
  public boolean isSymmetric() {
    for (int i = 0; i < size(); i++) {
      for (int q = offsets[i]; q < offsets[i + 1]; q++) {
        int j = neighbours[q];
        if (Arrays.binarySearch(neighbours, offsets[j], offsets[j + 1], i) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Codes this neighbour list as spatial weights (spdep {@code nb2listw(nb, style)}).
   *
   * @param style {@link WeightStyle#W} (row-standardised, recommended for Moran's I) or
   *              {@link WeightStyle#B} (binary, used for Gi*)
   * @return the weights, same region order
   */
  public SpatialWeights weights(WeightStyle style) {
    Objects.requireNonNull(style, "weight style");
    double[] w = new double[neighbours.length];
    for (int i = 0; i < size(); i++) {
      int c = cardinality(i);
      double v = style == WeightStyle.W ? 1.0 / c : 1.0;
      Arrays.fill(w, offsets[i], offsets[i + 1], v);
    }
    return new SpatialWeights(this, style, offsets, neighbours, w);
  }

  @Override
  public String toString() {
    return "NeighbourList[n="
        + size()
        + ", links="
        + neighbours.length
        + ", selfIncluded="
        + selfIncluded
        + ", islands="
        + islands
        + "]";
  }
}
