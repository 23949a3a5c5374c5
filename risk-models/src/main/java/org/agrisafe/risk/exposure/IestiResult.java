package org.agrisafe.risk.exposure;

/**
 * One acute intake estimate with its components.
 *
 * @param analyte             analyte as given
 * @param commodity           commodity
 * @param iestiCase           the equation applied
 * @param caseReason          why that case applied (unit weight vs threshold and LP, or bulked)
 * @param residueMgPerKg      residue used: HR (cases 1, 2a, 2b) or STMR (case 3), mg/kg
 * @param residueKind         "HR" or "STMR"
 * @param largePortionKg      LP, kg
 * @param unitWeightKg        U, kg (null when not used)
 * @param variabilityFactor   v (1 when the case does not use it)
 * @param bodyWeightKg        bw, kg
 * @param iestiMgPerKgBw      IESTI, mg/kg bw
 * @param substance           substance whose ARfD was used
 * @param arfdMgPerKgBw       ARfD, mg/kg bw
 * @param arfdSource          source and year of the ARfD
 * @param percentArfd         100 × IESTI / ARfD, %; &gt; 100 means the ARfD is exceeded
 */
public record IestiResult(
    String analyte,
    String commodity,
    IestiCase iestiCase,
    String caseReason,
    double residueMgPerKg,
    String residueKind,
    double largePortionKg,
    Double unitWeightKg,
    double variabilityFactor,
    double bodyWeightKg,
    double iestiMgPerKgBw,
    String substance,
    double arfdMgPerKgBw,
    String arfdSource,
    double percentArfd) {}
