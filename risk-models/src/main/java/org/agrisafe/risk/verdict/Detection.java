package org.agrisafe.risk.verdict;

/** Detection state of one result (docs/conventions.md §7). */
public enum Detection {
  /** Below the LOD (未检出, ND). */
  NOT_DETECTED,
  /** At or above the LOD, below the LOQ: detected, not quantified. */
  DETECTED_NOT_QUANTIFIED,
  /** A value at or above the LOQ (or a positive value where no limits were reported). */
  QUANTIFIED;

  /** Whether the analyte was detected (DETECTED_NOT_QUANTIFIED or QUANTIFIED). */
  public boolean isDetected() {
    return this != NOT_DETECTED;
  }
}
