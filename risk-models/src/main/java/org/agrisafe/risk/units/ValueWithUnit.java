package org.agrisafe.risk.units;

import java.io.Serializable;
import java.util.Objects;

/**
 * A concentration read from text such as {@code "527μg/kg"}, with its value converted to mg/kg.
 *
 * @param value the number as written
 * @param unit the unit as written (after NFKC normalisation and trimming)
 * @param valueMgPerKg the value in mg/kg
 */
public record ValueWithUnit(double value, String unit, double valueMgPerKg)
    implements Serializable {
  /** Validates that both numbers are finite and the unit is present. */
  public ValueWithUnit {
    Objects.requireNonNull(unit, "Cannot create ValueWithUnit: unit is null");
    if (!Double.isFinite(value) || !Double.isFinite(valueMgPerKg)) {
      throw new IllegalArgumentException(
          "Cannot create ValueWithUnit: value "
              + value
              + " / "
              + valueMgPerKg
              + " mg/kg is not finite");
    }
  }
}
