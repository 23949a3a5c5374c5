package org.agrisafe.risk.score;

/**
 * Parameters of {@link BetaBinomialScores}.
 *
 * @param targetRate            rate the ranking tests against: units are ranked by P(true rate &gt; target);
 *                              default {@link #TARGET_RATE_DEFAULT} (0.02, i.e. 2 %), in (0, 1)
 * @param halfLifeDays          recency half-life: a sample {@code halfLifeDays} old weighs 0.5; default
 *                              {@link #HALF_LIFE_DAYS_DEFAULT} (365 days: one season-year of sampling counts half,
 *                              a design choice, not a published value); {@code Double.POSITIVE_INFINITY} turns
 *                              weighting off
 * @param minUnitsForPrior      fewest units with samples for a method-of-moments prior; default
 *                              {@link #MIN_UNITS_FOR_PRIOR_DEFAULT} (5); below it the fallback prior is used
 * @param fallbackPriorStrength α + β of the fallback prior centred on the group rate, in pseudo-samples; default
 *                              {@link #FALLBACK_PRIOR_STRENGTH_DEFAULT} (2)
 */
public record ScoreParameters(
    double targetRate, double halfLifeDays, int minUnitsForPrior, double fallbackPriorStrength) {
  public static final double TARGET_RATE_DEFAULT = 0.02;
  public static final double HALF_LIFE_DAYS_DEFAULT = 365.0;
  public static final int MIN_UNITS_FOR_PRIOR_DEFAULT = 5;
  public static final double FALLBACK_PRIOR_STRENGTH_DEFAULT = 2.0;

  public ScoreParameters {
    if (!(targetRate > 0 && targetRate < 1)) {
      throw new IllegalArgumentException(
          "Target rate is " + targetRate + ": expected a probability in (0, 1)");
    }
    if (!(halfLifeDays > 0)) {
      throw new IllegalArgumentException(
          "Half-life is " + halfLifeDays + " days: expected > 0 (or infinity)");
    }
    if (minUnitsForPrior < 2) {
      throw new IllegalArgumentException(
          "minUnitsForPrior is "
              + minUnitsForPrior
              + ": expected >= 2 (a variance needs two units)");
    }
    if (!(fallbackPriorStrength > 0) || Double.isInfinite(fallbackPriorStrength)) {
      throw new IllegalArgumentException(
          "Fallback prior strength is " + fallbackPriorStrength + ": expected a finite value > 0");
    }
  }

  /** Parameters with every default. */
  public static ScoreParameters defaults() {
    return new ScoreParameters(
        TARGET_RATE_DEFAULT,
        HALF_LIFE_DAYS_DEFAULT,
        MIN_UNITS_FOR_PRIOR_DEFAULT,
        FALLBACK_PRIOR_STRENGTH_DEFAULT);
  }
}
