package org.agrisafe.risk.ranking;

/** Risk class of an (analyte, commodity) pair from its matrix score, by the RANK rows of the scoring table. */
public enum RiskRank {
  HIGH,
  MEDIUM,
  LOW
}
