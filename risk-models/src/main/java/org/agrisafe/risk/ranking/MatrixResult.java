package org.agrisafe.risk.ranking;

import java.util.List;

/**
 * Matrix score of one (analyte, commodity) pair with every factor's level, score and input.
 *
 * @param analyte            analyte
 * @param commodity          commodity
 * @param factors            A–F in order
 * @param toxicityScore      A + B
 * @param exposureScore      C + D + E + F
 * @param totalScore         S = (A + B) × (C + D + E + F)
 * @param rank               HIGH / MEDIUM / LOW by the RANK cut-offs
 * @param unverifiedLevels   levels used (including the RANK level) whose cut-off was not read in its source;
 *                           empty when all were verified
 */
public record MatrixResult(
    String analyte,
    String commodity,
    List<FactorScore> factors,
    int toxicityScore,
    int exposureScore,
    int totalScore,
    RiskRank rank,
    List<String> unverifiedLevels) {

  /**
   * One factor's contribution.
   *
   * @param factor      A–F
   * @param level       level name
   * @param score       score of the level
   * @param input       the input value that produced it, as text with its unit
   * @param description the level's description
   * @param source      the level's source
   */
  public record FactorScore(
      Factor factor, String level, int score, String input, String description, String source) {}
}
