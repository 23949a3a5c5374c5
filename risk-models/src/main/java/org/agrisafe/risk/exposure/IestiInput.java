package org.agrisafe.risk.exposure;

/**
 * Input of one acute (short-term) intake estimate.
 *
 * @param analyte               analyte as the lab writes it
 * @param commodity             commodity
 * @param largePortionKg        large portion LP (97.5th percentile of consumers' eating days), kg/person/day
 * @param bodyWeightKg          mean body weight of the population of the LP, kg
 * @param unitWeightKg          edible unit weight U, kg; null when unknown (then only case 3 can be computed)
 * @param highestResidueMgPerKg highest residue HR in the composite samples, mg/kg (cases 1, 2a, 2b)
 * @param stmrMgPerKg           supervised-trials median residue (or monitoring median), mg/kg (case 3)
 * @param bulkedOrBlended       true for a bulked or blended commodity (case 3)
 */
public record IestiInput(
    String analyte,
    String commodity,
    double largePortionKg,
    double bodyWeightKg,
    Double unitWeightKg,
    Double highestResidueMgPerKg,
    Double stmrMgPerKg,
    boolean bulkedOrBlended) {}
