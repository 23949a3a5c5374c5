/**
 * Spatial statistics for AgriSafe risk maps, matching R {@code spdep} 1.2-7: neighbour lists and weights
 * ({@link org.agrisafe.risk.spatial.SpatialNeighbours}, {@link org.agrisafe.risk.spatial.NeighbourList},
 * {@link org.agrisafe.risk.spatial.SpatialWeights}), global and local Moran's I
 * ({@link org.agrisafe.risk.spatial.GlobalMoran}, {@link org.agrisafe.risk.spatial.LocalMoran}), Getis–Ord Gi*
 * ({@link org.agrisafe.risk.spatial.GetisOrdG}), conditional permutation inference
 * ({@link org.agrisafe.risk.spatial.ConditionalPermutation}), Benjamini–Hochberg FDR
 * ({@link org.agrisafe.risk.spatial.FalseDiscoveryRate}), empirical-Bayes rate smoothing
 * ({@link org.agrisafe.risk.spatial.EmpiricalBayes}), hot-spot classes
 * ({@link org.agrisafe.risk.spatial.HotSpotClassifier}), GCJ-02 ↔ WGS-84 conversion
 * ({@link org.agrisafe.risk.spatial.Gcj02}) and kernel density ({@link org.agrisafe.risk.spatial.KernelDensity}).
 *
 * <p>Typical hot-spot pipeline: samples tested and exceedances per district → {@code EmpiricalBayes} smoothed
 * exceedance rate (flags districts with too few samples) → queen contiguity on WGS-84 (converted from GCJ-02)
 * district polygons → Gi* with self-included binary weights, z or permutation p → optional BH adjustment →
 * {@code HotSpotClassifier} (districts flagged insufficient are never hot or cold).
 *
 * <p>Pure Java (JTS, commons-math3); no engine code. Arrays are in the region order of the
 * {@link org.agrisafe.risk.spatial.NeighbourList}; value arrays given to the statistics must use that order
 * ({@link org.agrisafe.risk.spatial.NeighbourList#alignValues(double[])}).
 */
package org.agrisafe.risk.spatial;
