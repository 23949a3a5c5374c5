package org.agrisafe.risk.aberration;

/** Why an evaluated period has, or has not, an upperbound. */
public enum ThresholdStatus {
  /** The upperbound was computed; it is present. */
  COMPUTED,
  /**
   * Farrington {@code limit54} rule: fewer than {@code limit54Cases} cases in the last {@code limit54Weeks} periods
   * (current one included), so no alarm is possible. R writes upperbound 0 ({@code algo.farrington}) or {@code NA}
   * ({@code farringtonFlexible}); here the upperbound is empty and the computed threshold is kept in
   * {@link AberrationPoint#thresholdBeforeSuppression()}.
   */
  SUPPRESSED_LIMIT54,
  /**
   * The formula is undefined (R gives {@code NA}/{@code NaN}): e.g. EARS C3 with a zero baseline standard deviation
   * and {@code minSigma = 0}, or a negative binomial quantile of an infinite mean. No alarm.
   */
  UNDEFINED,
  /** The GLM did not converge with nor without trend (R {@code farringtonFlexible} gives {@code NA}). No alarm. */
  MODEL_NOT_CONVERGED
}
