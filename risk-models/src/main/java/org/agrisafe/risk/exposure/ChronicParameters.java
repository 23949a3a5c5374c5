package org.agrisafe.risk.exposure;

/**
 * Parameters of the chronic (long-term) dietary exposure estimate.
 *
 * @param bodyWeightKg body weight of the population, kg; default {@link #BODY_WEIGHT_KG_DEFAULT} (60 kg, the WHO
 *                     GEMS/Food default adult body weight; Chinese pesticide risk papers often use 63 kg — set it to
 *                     the body weight of the population whose consumption figures are used)
 */
public record ChronicParameters(double bodyWeightKg) {
  /** Default body weight, kg. */
  public static final double BODY_WEIGHT_KG_DEFAULT = 60.0;

  public ChronicParameters {
    if (!(bodyWeightKg > 0) || Double.isInfinite(bodyWeightKg)) {
      throw new IllegalArgumentException(
          "Body weight is " + bodyWeightKg + " kg: expected a finite value > 0");
    }
  }

  /** Parameters with every default. */
  public static ChronicParameters defaults() {
    return new ChronicParameters(BODY_WEIGHT_KG_DEFAULT);
  }
}
