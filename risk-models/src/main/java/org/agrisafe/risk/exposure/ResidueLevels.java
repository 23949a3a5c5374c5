package org.agrisafe.risk.exposure;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Mean residue of one analyte in one food group, per non-detect bound.
 *
 * @param key                  group key, e.g. "analyte=flonicamid (sum);food=fresh vegetables"
 * @param reporting            how the source reported non-detects
 * @param availability         which bounds exist; {@code LOWER_ONLY} for detections-only sources
 * @param samples              samples tested (the denominator of the means)
 * @param detections           results with a quantified value
 * @param meanMgPerKg          mean residue, mg/kg, per available bound (no entry for an unavailable bound)
 */
public record ResidueLevels(
    String key,
    NonDetectReporting reporting,
    BoundAvailability availability,
    int samples,
    int detections,
    Map<NonDetectBound, Double> meanMgPerKg) {
  public ResidueLevels {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(availability, "availability");
    meanMgPerKg = Map.copyOf(new EnumMap<>(meanMgPerKg));
    if (!meanMgPerKg.keySet().equals(availability.bounds())) {
      throw new IllegalArgumentException(
          "Residue levels "
              + key
              + " carry bounds "
              + meanMgPerKg.keySet()
              + ": expected exactly "
              + availability.bounds()
              + " for "
              + availability);
    }
  }

  /** The availability message for the panel. */
  public String availabilityMessage() {
    return availability.message();
  }
}
