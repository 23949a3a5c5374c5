package org.agrisafe.risk.aberration;

/**
 * Power transformation of the counts used by the Farrington threshold (R {@code powertrans}): the prediction interval
 * is computed as normal on the scale y^exponent and transformed back. Farrington et al. (1996), Section 3.3, recommend
 * 2/3, which makes the Poisson distribution nearly symmetric.
 */
public enum PowerTransform {
  /** R "none": exponent 1. */
  NONE(1.0),
  /** R "1/2": square root. */
  SQUARE_ROOT(0.5),
  /** R "2/3": the default and the paper's choice. */
  TWO_THIRDS(2.0 / 3.0);

  private final double exponent;

  PowerTransform(double exponent) {
    this.exponent = exponent;
  }

  public double exponent() {
    return exponent;
  }

  /** From R's string ("none", "1/2", "2/3"). @throws IllegalArgumentException on another value */
  public static PowerTransform fromR(String r) {
    return switch (r) {
      case "none" -> NONE;
      case "1/2" -> SQUARE_ROOT;
      case "2/3" -> TWO_THIRDS;
      default ->
          throw new IllegalArgumentException(
              "Power transformation '" + r + "' is unknown: expected \"none\", \"1/2\" or \"2/3\"");
    };
  }
}
