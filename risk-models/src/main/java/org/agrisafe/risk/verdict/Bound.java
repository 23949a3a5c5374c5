package org.agrisafe.risk.verdict;

/**
 * Substitution bound for left-censored results in exposure estimates (EFSA 2010, "Management of left-censored data
 * in dietary exposure assessment of chemical substances", EFSA Journal 8(3):1557, section 4.1 substitution method;
 * WHO GEMS/Food 1995 low-level contamination guidance). Always say which bound a figure uses.
 */
public enum Bound {
  /** Lower bound: a censored result counts as 0. */
  LOWER,
  /** Middle bound: half the limit. */
  MIDDLE,
  /** Upper bound: the limit. */
  UPPER
}
