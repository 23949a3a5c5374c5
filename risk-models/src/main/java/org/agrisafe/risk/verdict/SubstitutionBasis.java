package org.agrisafe.risk.verdict;

/** What a substituted value is based on. */
public enum SubstitutionBasis {
  /** The reported value, not censored. */
  REPORTED_VALUE,
  /** Censored below the LOD ("&lt;LOD", or a value under the LOD); the limit is the LOD. */
  LOD,
  /** Censored below the LOQ ("&lt;LOQ"); the limit is the LOQ. */
  LOQ,
  /**
   * Censored, but the limit was not reported (e.g. the UK annex lists detections only): only the lower bound can be
   * computed; middle and upper bounds are null.
   */
  LIMIT_NOT_REPORTED
}
