package org.agrisafe.intake.ingest;

import org.agrisafe.risk.units.Units;
import org.agrisafe.risk.units.UnknownUnitException;

/**
 * The adapters' view of unit conversion: a thin delegate to {@link Units} in risk-models, the one place where
 * units are defined (mg/kg canonical; µg/kg with U+00B5 or U+03BC, ug/kg, μg/g, g/kg, ...; unknown units are
 * rejected, never guessed).
 */
public final class UnitParsing {
  private UnitParsing() {}

  /**
   * Converts to mg/kg.
   *
   * @throws IllegalArgumentException for a non-finite value or an unknown unit, naming it
   */
  static double toMgPerKg(double value, String unit) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "Cannot convert value " + value + ": expected a finite number");
    }
    return Units.toMgPerKg(value, unit);
  }

  /** Whether {@link Units} knows the unit. */
  static boolean isKnown(String unit) {
    if (unit == null || unit.isBlank()) {
      return false;
    }
    try {
      Units.toMgPerKg(1.0, unit);
      return true;
    } catch (UnknownUnitException e) {
      return false;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
