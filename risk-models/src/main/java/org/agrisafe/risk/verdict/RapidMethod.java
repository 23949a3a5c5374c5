package org.agrisafe.risk.verdict;

/** Rapid-test methods used at markets and bases (快检). */
public enum RapidMethod {
  /**
   * Enzyme (acetylcholinesterase) inhibition for organophosphate and carbamate pesticides, GB/T 5009.199-2003
   * "蔬菜中有机磷和氨基甲酸酯类农药残留量的快速检测"; the result is an inhibition rate in %.
   */
  ENZYME_INHIBITION,
  /** Colloidal-gold immunochromatographic strip (胶体金); the result is positive or negative. */
  COLLOIDAL_GOLD
}
