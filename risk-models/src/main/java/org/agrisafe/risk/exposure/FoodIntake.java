package org.agrisafe.risk.exposure;

/**
 * One food group's part of an analyte's chronic exposure input.
 *
 * @param foodGroup            food group, as in the consumption table
 * @param residue              mean residue of the analyte in that food per bound
 * @param consumptionKgPerDay  mean daily consumption, kg/person/day (must be &gt; 0; checked by
 *                             {@link ChronicExposure}, which reports a bad value as not assessed)
 */
public record FoodIntake(String foodGroup, ResidueLevels residue, double consumptionKgPerDay) {}
