package org.agrisafe.risk.verdict;

/** Outcome of a rapid test. A POSITIVE is a suspicion, not a failure, until a quantitative test confirms it. */
public enum RapidOutcome {
  /** Inhibition rate &ge; threshold, or a positive strip: suspected. */
  POSITIVE,
  /** Below the threshold, or a negative strip. */
  NEGATIVE
}
