package org.agrisafe.risk.aberration;

import java.util.OptionalDouble;

/**
 * Result of one evaluated period.
 *
 * @param index        1-based index of the period in the series
 * @param observed     count observed in the period
 * @param upperbound   alarm threshold (counts; R's {@code upperbound}); empty where R gives {@code NA} or a
 *                     placeholder, with the reason in {@code status}; never {@code NaN}
 * @param alarm        R's {@code alarm}; {@code false} where R gives {@code NA}
 * @param status       why the upperbound is present or not
 * @param expected     expected count: Farrington {@code mu0} (for the {@code nbPlugin}/{@code muan} methods
 *                     {@code exp(eta0)}), EARS the baseline mean, CUSUM the reference mean {@code m}; when the GLM
 *                     did not converge ({@link ThresholdStatus#MODEL_NOT_CONVERGED}) the mean of the baseline counts
 * @param trendUsed    Farrington: whether the time trend was kept (significant, no extrapolation, b &ge; 3); other
 *                     methods {@code false}
 * @param dispersion   Farrington: over-dispersion {@code phi} (&ge; 1) used in the threshold; EARS: the sigma used,
 *                     {@code max(sd, minSigma)}; CUSUM: the variance used to standardise (m for "standard");
 *                     {@code NaN} when the GLM did not converge
 * @param statistic    Farrington: exceedance score {@code X} (alarm when &gt; 1; 0 in algo.farrington when suppressed);
 *                     EARS: the C statistic {@code (y - mean) / sigma} (C3: the sum of the three truncated
 *                     C2 terms); CUSUM: the cumulative sum after this period (before any reset)
 * @param baselineSize number of baseline (reference) periods the estimate used
 * @param thresholdBeforeSuppression the threshold computed before the {@code limit54} rule was applied; equals the
 *                     upperbound when it is present; {@code NaN} when not computable
 */
public record AberrationPoint(
    int index,
    long observed,
    OptionalDouble upperbound,
    boolean alarm,
    ThresholdStatus status,
    double expected,
    boolean trendUsed,
    double dispersion,
    double statistic,
    int baselineSize,
    double thresholdBeforeSuppression) {}
