package org.agrisafe.risk.exposure;

/**
 * Parameters of the IESTI calculation.
 *
 * @param variabilityFactor    unit-to-unit variability factor v; default {@link #VARIABILITY_FACTOR_DEFAULT} (3, the
 *                             JMPR default since 2003 and EFSA PRIMo rev. 3 default for cases 2a/2b)
 * @param unitWeightThresholdKg unit weight below which case 1 applies; default
 *                             {@link #UNIT_WEIGHT_THRESHOLD_KG_DEFAULT} (0.025 kg = 25 g, JMPR)
 */
public record IestiParameters(double variabilityFactor, double unitWeightThresholdKg) {
  /** Default variability factor v. */
  public static final double VARIABILITY_FACTOR_DEFAULT = 3.0;

  /** Default case-1 unit-weight threshold, kg. */
  public static final double UNIT_WEIGHT_THRESHOLD_KG_DEFAULT = 0.025;

  public IestiParameters {
    if (!(variabilityFactor >= 1) || Double.isInfinite(variabilityFactor)) {
      throw new IllegalArgumentException(
          "Variability factor is " + variabilityFactor + ": expected a finite value >= 1");
    }
    if (!(unitWeightThresholdKg > 0)) {
      throw new IllegalArgumentException(
          "Unit weight threshold is " + unitWeightThresholdKg + " kg: expected > 0");
    }
  }

  /** Parameters with every default. */
  public static IestiParameters defaults() {
    return new IestiParameters(VARIABILITY_FACTOR_DEFAULT, UNIT_WEIGHT_THRESHOLD_KG_DEFAULT);
  }
}
