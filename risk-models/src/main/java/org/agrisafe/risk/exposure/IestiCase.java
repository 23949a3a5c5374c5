package org.agrisafe.risk.exposure;

/** The IESTI equation applied (JMPR / EFSA PRIMo). */
public enum IestiCase {
  /** Unit weight of the whole commodity below 25 g: the composite sample reflects a meal portion. */
  CASE_1,
  /** Unit weight ≥ 25 g and below the large portion: one unit at HR × v, the rest at HR. */
  CASE_2A,
  /** Unit weight ≥ 25 g and ≥ the large portion: the whole portion at HR × v. */
  CASE_2B,
  /** Bulked or blended commodity (e.g. cereals, milk, juice): the median residue applies. */
  CASE_3
}
