package org.agrisafe.risk.ranking;

/**
 * Inputs of one (analyte, commodity) pair for the risk-ranking matrix.
 *
 * @param analyte                analyte
 * @param commodity              commodity
 * @param toxicityLevel          A: toxicity class, a level name of factor A in the scoring table
 * @param adiMgPerKgBwPerDay     B: ADI, mg/kg bw/day
 * @param dietProportionPercent  C: share of the commodity in the daily diet, % (0–100)
 * @param frequencyPercent       D: frequency of use or detection, % (0–100)
 * @param highExposureLevel      E: high-exposure-group level name of factor E
 * @param residueEvidenceLevel   F: residue-evidence level name of factor F (see {@link RiskMatrix#residueEvidence})
 */
public record MatrixInput(
    String analyte,
    String commodity,
    String toxicityLevel,
    Double adiMgPerKgBwPerDay,
    Double dietProportionPercent,
    Double frequencyPercent,
    String highExposureLevel,
    String residueEvidenceLevel) {}
