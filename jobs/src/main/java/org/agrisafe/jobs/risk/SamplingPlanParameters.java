package org.agrisafe.jobs.risk;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;
import org.agrisafe.jobs.rates.PassRateSpec.Programme;

/**
 * Parameters of {@link SamplingPlanJob}, every default in one place.
 *
 * @param totalSamples N samples to plan; default {@value #TOTAL_SAMPLES_DEFAULT}
 * @param floorPerStratum fewest samples per stratum (commodity × region); default {@value #FLOOR_PER_STRATUM_DEFAULT}
 * @param randomShare share of N spread uniformly at random (RANDOM_MONITORING); default {@value #RANDOM_SHARE_DEFAULT}
 * @param seed random seed of the models and the allocation; default {@value #SEED_DEFAULT}
 * @param planMonth month planned ({@code yyyy-MM}, local zone); null = the month after the last sample
 * @param strataLookbackMonths strata are the (commodity, region) pairs sampled in this many months before the plan
 *     month; default {@value #STRATA_LOOKBACK_MONTHS_DEFAULT}
 * @param historyPriorStrength pseudo-samples pulling a stratum's past failure rate towards the overall training rate,
 *     (x + k·m)/(n + k); default {@value #HISTORY_PRIOR_STRENGTH_DEFAULT}
 * @param minLevelCount a categorical level seen fewer times in training is pooled into "other"; default
 *     {@value #MIN_LEVEL_COUNT_DEFAULT}
 * @param trees gradient-boosting trees; default {@value #TREES_DEFAULT}
 * @param maxNodes leaves per tree; default {@value #MAX_NODES_DEFAULT}
 * @param shrinkage learning rate; default {@value #SHRINKAGE_DEFAULT}
 * @param subsample row share per tree; default {@value #SUBSAMPLE_DEFAULT}
 * @param lambda L2 penalty of the logistic regression; default {@value #LAMBDA_DEFAULT}
 * @param programmes sampling programmes the models learn from; default RANDOM_MONITORING (targeted samples fail
 *     more often by design)
 */
public record SamplingPlanParameters(
    int totalSamples,
    int floorPerStratum,
    double randomShare,
    long seed,
    YearMonth planMonth,
    int strataLookbackMonths,
    double historyPriorStrength,
    int minLevelCount,
    int trees,
    int maxNodes,
    double shrinkage,
    double subsample,
    double lambda,
    Set<Programme> programmes) {

  public static final int TOTAL_SAMPLES_DEFAULT = 500;
  public static final int FLOOR_PER_STRATUM_DEFAULT = 1;
  public static final double RANDOM_SHARE_DEFAULT = 0.30;
  public static final long SEED_DEFAULT = 20240601L;
  public static final int STRATA_LOOKBACK_MONTHS_DEFAULT = 12;
  public static final double HISTORY_PRIOR_STRENGTH_DEFAULT = 2.0;
  public static final int MIN_LEVEL_COUNT_DEFAULT = 5;
  public static final int TREES_DEFAULT = 200;
  public static final int MAX_NODES_DEFAULT = 8;
  public static final double SHRINKAGE_DEFAULT = 0.05;
  public static final double SUBSAMPLE_DEFAULT = 0.7;
  public static final double LAMBDA_DEFAULT = 0.1;

  public SamplingPlanParameters {
    if (totalSamples < 1) {
      throw new IllegalArgumentException("Total samples " + totalSamples + ": expected >= 1");
    }
    if (floorPerStratum < 0) {
      throw new IllegalArgumentException(
          "Floor per stratum " + floorPerStratum + ": expected >= 0");
    }
    if (!(randomShare >= 0 && randomShare <= 1)) {
      throw new IllegalArgumentException(
          "Random share " + randomShare + ": expected a proportion in [0, 1]");
    }
    if (strataLookbackMonths < 1) {
      throw new IllegalArgumentException(
          "Strata lookback " + strataLookbackMonths + " months: expected >= 1");
    }
    if (!(historyPriorStrength > 0)) {
      throw new IllegalArgumentException(
          "History prior strength " + historyPriorStrength + ": expected > 0");
    }
    if (minLevelCount < 1 || trees < 1 || maxNodes < 2) {
      throw new IllegalArgumentException(
          "minLevelCount "
              + minLevelCount
              + ", trees "
              + trees
              + ", maxNodes "
              + maxNodes
              + ": expected >= 1, >= 1 and >= 2");
    }
    if (!(shrinkage > 0 && shrinkage <= 1) || !(subsample > 0 && subsample <= 1)) {
      throw new IllegalArgumentException(
          "Shrinkage " + shrinkage + ", subsample " + subsample + ": expected both in (0, 1]");
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("Lambda " + lambda + ": expected >= 0");
    }
    if (programmes == null || programmes.isEmpty()) {
      throw new IllegalArgumentException("Programmes " + programmes + ": expected at least one");
    }
    programmes = Set.copyOf(programmes);
  }

  public static SamplingPlanParameters defaults() {
    return new SamplingPlanParameters(
        TOTAL_SAMPLES_DEFAULT,
        FLOOR_PER_STRATUM_DEFAULT,
        RANDOM_SHARE_DEFAULT,
        SEED_DEFAULT,
        null,
        STRATA_LOOKBACK_MONTHS_DEFAULT,
        HISTORY_PRIOR_STRENGTH_DEFAULT,
        MIN_LEVEL_COUNT_DEFAULT,
        TREES_DEFAULT,
        MAX_NODES_DEFAULT,
        SHRINKAGE_DEFAULT,
        SUBSAMPLE_DEFAULT,
        LAMBDA_DEFAULT,
        EnumSet.of(Programme.RANDOM_MONITORING));
  }

  /** A copy with another N, floor, random share, seed and plan month. */
  public SamplingPlanParameters with(
      int n, int floor, double share, long newSeed, YearMonth month) {
    return new SamplingPlanParameters(
        n,
        floor,
        share,
        newSeed,
        month,
        strataLookbackMonths,
        historyPriorStrength,
        minLevelCount,
        trees,
        maxNodes,
        shrinkage,
        subsample,
        lambda,
        programmes);
  }
}
