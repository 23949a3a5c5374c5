package org.agrisafe.risk.exposure;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mean residue per non-detect bound for one (analyte, food group).
 *
 * <p>Method (docs/conventions.md §8; EFSA (2010) Management of left-censored data in dietary exposure
 * assessment of chemical substances, EFSA Journal 8(3):1557, substitution method; WHO GEMS/Food (2013) Reliable
 * evaluation of low-level contamination of food, substitution LB/MB/UB):
 * <ol>
 *   <li>{@code ENUMERATED}: every tested sample has a result; mean_b = Σ substituted_b(result) / n, where a result
 *       below the LOQ becomes b × LOQ and one below the LOD b × LOD, b = 0 (LOWER), 0.5 (MIDDLE), 1 (UPPER).</li>
 *   <li>{@code DETECTIONS_ONLY}: only detections are listed; the caller gives the number of samples tested of that
 *       food (samples with no listed detection count as 0). mean_LOWER = Σ detected values / samples tested; middle
 *       and upper bounds are not computed and the result says so ({@link BoundAvailability#LOWER_ONLY}).</li>
 * </ol>
 * Output: {@link ResidueLevels}. Errors: {@link IllegalArgumentException} for an empty group, fewer samples tested
 * than detections, or a censored result in a detections-only list.
 */
public final class ResidueStatistics {
  private ResidueStatistics() {}

  /**
   * Summarises one group.
   *
   * @param key            group key for messages and output
   * @param reporting      how non-detects are reported
   * @param results        ENUMERATED: one result per tested sample; DETECTIONS_ONLY: the detections (quantified)
   * @param samplesTested  DETECTIONS_ONLY: number of samples tested, ≥ number of detections; ENUMERATED: ignored
   *                       (pass null) — n is the number of results
   */
  public static ResidueLevels summarize(
      String key,
      NonDetectReporting reporting,
      List<ResidueResult> results,
      Integer samplesTested) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reporting, "reporting");
    Objects.requireNonNull(results, "results");
    int detections =
        (int)
            results.stream()
                .filter(r -> r.censoring() == ResidueResult.Censoring.QUANTIFIED)
                .count();
    Map<NonDetectBound, Double> means = new EnumMap<>(NonDetectBound.class);
    if (reporting == NonDetectReporting.ENUMERATED) {
      if (results.isEmpty()) {
        throw new IllegalArgumentException(
            "Group " + key + " has no results: expected at least one tested sample");
      }
      for (NonDetectBound b : NonDetectBound.values()) {
        double sum = 0;
        for (ResidueResult r : results) {
          sum += r.substituted(b);
        }
        means.put(b, sum / results.size());
      }
      return new ResidueLevels(
          key, reporting, BoundAvailability.ALL_BOUNDS, results.size(), detections, means);
    }
    if (samplesTested == null || samplesTested <= 0) {
      throw new IllegalArgumentException(
          "Group "
              + key
              + " has samplesTested "
              + samplesTested
              + ": expected the number of samples tested (> 0) for a detections-only source");
    }
    if (detections != results.size()) {
      throw new IllegalArgumentException(
          "Group "
              + key
              + " has "
              + (results.size() - detections)
              + " censored results in a detections-only list: expected quantified values only");
    }
    if (samplesTested < detections) {
      throw new IllegalArgumentException(
          "Group "
              + key
              + " has "
              + detections
              + " detections but samplesTested "
              + samplesTested
              + ": expected samplesTested >= detections");
    }
    double sum = 0;
    for (ResidueResult r : results) {
      sum += r.valueMgPerKg();
    }
    means.put(NonDetectBound.LOWER, sum / samplesTested);
    return new ResidueLevels(
        key, reporting, BoundAvailability.LOWER_ONLY, samplesTested, detections, means);
  }
}
