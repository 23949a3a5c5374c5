package org.agrisafe.jobs.maps;

import java.util.List;
import org.agrisafe.risk.rates.Rate;
import org.agrisafe.risk.spatial.HotSpotClass;

/**
 * The statistics of one region in one period of one layer: a row of {@code analytics.region_stats}.
 *
 * @param layer layer id
 * @param period {@code yyyy} or {@code yyyy-MM}
 * @param code region code
 * @param name region name (English), or the code when the layer has no such region
 * @param onMap whether the layer has a polygon for the code (Jersey, Singapore, the EU, 370176 have none)
 * @param counts the counts
 * @param pass pass rate = passed / judged, with its 95 % Wilson interval
 * @param detection detection rate = detected / samples
 * @param exceedance exceedance rate = exceeding / samples
 * @param exceedanceEb empirical-Bayes smoothed exceedance rate (proportion), null when off the map
 * @param tooFewSamples samples &lt; min_samples
 * @param giStarZ Gi* z, null when undefined
 * @param giStarP two-sided permutation pseudo p of Gi*, null when undefined
 * @param hotspot hot-spot class
 * @param lisaI local Moran I_i, null when undefined
 * @param lisaP two-sided permutation pseudo p of I_i, null when undefined
 * @param lisaClass HH, LL, HL, LH or NS; null when undefined or too few samples
 * @param neighbourRule the neighbour rule used, null when no statistic was computed
 * @param neighbours codes of the region's neighbours (empty when none)
 */
public record RegionStat(
    String layer,
    String period,
    String code,
    String name,
    boolean onMap,
    RegionCounts counts,
    Rate pass,
    Rate detection,
    Rate exceedance,
    Double exceedanceEb,
    boolean tooFewSamples,
    Double giStarZ,
    Double giStarP,
    HotSpotClass hotspot,
    Double lisaI,
    Double lisaP,
    String lisaClass,
    String neighbourRule,
    List<String> neighbours) {}
