package org.agrisafe.risk.ranking;

/**
 * Factors of the Veterinary Residues Committee matrix, S = (A + B) × (C + D + E + F).
 * {@link #RANK} is not a factor: its rows in the scoring table hold the score cut-offs of {@link RiskRank}.
 */
public enum Factor {
  /** Toxicity (hazard) class of the substance; categorical. */
  A,
  /** Potency: ADI, mg/kg bw/day; numeric. */
  B,
  /** Proportion of the commodity in the diet, %; numeric. */
  C,
  /** Frequency of use or detection, %; numeric. */
  D,
  /** High-exposure groups; categorical. */
  E,
  /** Residue evidence (detection and exceedance of the MRL); categorical. */
  F,
  /** Score cut-offs of HIGH / MEDIUM / LOW. */
  RANK
}
