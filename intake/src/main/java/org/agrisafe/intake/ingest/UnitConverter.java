package org.agrisafe.intake.ingest;

/**
 * The one seam through which every adapter converts a concentration to the canonical unit, mg/kg.
 *
 * <p>{@link #DEFAULT} is this package's minimal {@link UnitParsing}. It is meant to be switched to the shared
 * {@code org.agrisafe.risk.units.Units::toMgPerKg} (risk-models) when that exists on the same branch: change
 * the one line below, nothing else.
 */
@FunctionalInterface
public interface UnitConverter {

  /** The converter all adapters use. */
  UnitConverter DEFAULT = UnitParsing::toMgPerKg; // delegates to risk-models Units

  /**
   * Converts {@code value} expressed in {@code unit} to mg/kg.
   *
   * @param value the value in {@code unit}
   * @param unit the unit text as published (e.g. {@code μg/kg})
   * @return the value in mg/kg
   * @throws IllegalArgumentException if the unit is unknown (never guessed) or the value is not finite
   */
  double toMgPerKg(double value, String unit);
}
