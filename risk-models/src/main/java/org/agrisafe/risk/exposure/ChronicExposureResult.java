package org.agrisafe.risk.exposure;

import java.util.List;
import java.util.Map;

/**
 * Chronic exposure of one analyte, with every component the panel needs to read why.
 *
 * @param analyte            analyte as given
 * @param substance          substance whose ADI was used
 * @param matchRule          how the analyte was matched to it ({@link AdiResolution#matchRule()})
 * @param availability       which bounds were computed ({@code LOWER_ONLY} if any food's residue is lower-only)
 * @param availabilityMessage a sentence saying which bounds exist and why
 * @param foods              per food group: residue means per bound, consumption and intake
 * @param bodyWeightKg       body weight used, kg
 * @param adiMgPerKgBwPerDay ADI used, mg/kg bw/day
 * @param adiSource          source of the ADI (EFSA output or publication) and its year
 * @param estimates          per available bound: EDI, HQ, %ADI and IFS
 */
public record ChronicExposureResult(
    String analyte,
    String substance,
    String matchRule,
    BoundAvailability availability,
    String availabilityMessage,
    List<FoodContribution> foods,
    double bodyWeightKg,
    double adiMgPerKgBwPerDay,
    String adiSource,
    Map<NonDetectBound, BoundEstimate> estimates) {

  /**
   * One food group's contribution.
   *
   * @param foodGroup                 food group
   * @param residueMeanMgPerKg        mean residue per available bound, mg/kg
   * @param samples                   samples behind the mean
   * @param consumptionKgPerDay       consumption, kg/person/day
   * @param intakeMgPerPersonPerDay   residue × consumption per bound, mg/person/day
   */
  public record FoodContribution(
      String foodGroup,
      Map<NonDetectBound, Double> residueMeanMgPerKg,
      int samples,
      double consumptionKgPerDay,
      Map<NonDetectBound, Double> intakeMgPerPersonPerDay) {}

  /**
   * Estimate for one bound.
   *
   * @param bound                   the non-detect bound
   * @param intakeMgPerPersonPerDay Σ residue × consumption, mg/person/day (EDI′ of the IFS method)
   * @param ediMgPerKgBwPerDay      estimated daily intake, mg/kg bw/day
   * @param hazardQuotient          EDI / ADI (dimensionless; &gt; 1 means the ADI is exceeded)
   * @param percentAdi              100 × HQ, %
   * @param foodSafetyIndex         IFS = EDI′·f/(SI·bw) with SI = ADI, f = 1; equal to HQ
   */
  public record BoundEstimate(
      NonDetectBound bound,
      double intakeMgPerPersonPerDay,
      double ediMgPerKgBwPerDay,
      double hazardQuotient,
      double percentAdi,
      double foodSafetyIndex) {}
}
