package org.agrisafe.lakehouse.ingest;

import java.util.Locale;
import java.util.Map;

/**
 * Minimal mass-fraction unit conversion to mg/kg (CONVENTIONS, "Units"). Accepted units (case-insensitive,
 * spaces ignored): {@code mg/kg} (×1), {@code µg/kg} with MICRO SIGN U+00B5 or GREEK SMALL LETTER MU U+03BC and
 * {@code ug/kg} (×0.001), {@code μg/g} / {@code ug/g} (×1), {@code g/kg} (×1000). Anything else is rejected with
 * an {@link IllegalArgumentException}; a unit is never guessed (so {@code ppm}, {@code mg/L}, {@code CFU/g},
 * {@code g/100g} are rejected).
 */
final class UnitParsing {

  private static final Map<String, Double> FACTORS_TO_MG_PER_KG = Map.of(
      "mg/kg", 1.0,
      "ug/kg", 0.001,
      "ug/g", 1.0,
      "g/kg", 1000.0);

  private UnitParsing() {
  }

  /**
   * Converts a value to mg/kg.
   *
   * @throws IllegalArgumentException if the unit is null, empty or unknown, or the value is not finite
   */
  static double toMgPerKg(double value, String unit) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Cannot convert value " + value + ": expected a finite number");
    }
    Double factor = FACTORS_TO_MG_PER_KG.get(canonicalUnit(unit));
    if (factor == null) {
      throw new IllegalArgumentException("Unknown unit '" + unit
          + "': expected one of mg/kg, µg/kg (U+00B5 or U+03BC), ug/kg, μg/g, g/kg");
    }
    return value * factor;
  }

  /** True if {@link #toMgPerKg} accepts {@code unit}. */
  static boolean isKnown(String unit) {
    return FACTORS_TO_MG_PER_KG.containsKey(canonicalUnit(unit));
  }

  private static String canonicalUnit(String unit) {
    if (unit == null) {
      return "";
    }
    return unit.replaceAll("[\\s\\u00a0]+", "")
        .replace('\u00b5', 'u')
        .replace('\u03bc', 'u')
        .replace('\uff0f', '/')
        .toLowerCase(Locale.ROOT);
  }
}
