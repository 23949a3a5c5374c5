package org.agrisafe.risk.exposure;

/**
 * Substitution of left-censored results in exposure estimates (docs/conventions.md §8; EFSA / GEMS-Food
 * practice): a result below the LOQ is replaced by a fraction of the LOQ, a result below the LOD by that fraction of
 * the LOD.
 */
public enum NonDetectBound {
  /** Lower bound: non-detects are 0. */
  LOWER(0.0),
  /** Middle bound: half the limit. */
  MIDDLE(0.5),
  /** Upper bound: the limit. */
  UPPER(1.0);

  private final double fractionOfLimit;

  NonDetectBound(double fractionOfLimit) {
    this.fractionOfLimit = fractionOfLimit;
  }

  /** Fraction of the LOD/LOQ substituted for a non-detect: 0, 0.5 or 1. */
  public double fractionOfLimit() {
    return fractionOfLimit;
  }
}
