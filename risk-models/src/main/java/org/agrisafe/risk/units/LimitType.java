package org.agrisafe.risk.units;

/** The type of a residue limit. */
public enum LimitType {
  /** A numeric maximum residue limit (MRL) in mg/kg; a result fails when value &gt; MRL, strictly. */
  NUMERIC_MRL,
  /**
   * "Must not be detected" (不得检出), mostly veterinary drugs (GB 31650) and prohibited substances: any detection at
   * or above the LOD fails.
   */
  NOT_DETECTABLE
}
