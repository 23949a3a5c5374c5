package org.agrisafe.risk.exposure;

/**
 * Food safety index (IFS, 食品安全指数).
 *
 * <p>Source: the food safety index (IFS) method of Chinese residue risk assessment, as applied e.g. in the 2021
 * study of pesticide residues in Shanxi tomatoes (农业环境科学学报, http://www.aes.org.cn/html/2021/7/20210706.htm,
 * section 1, methods, which uses IFS beside the FSA/VRC ranking): IFS = EDI′ × f / (SI × bw), where EDI′ is the intake in
 * mg/person/day
 * (Σ residue × consumption), f the correction factor (default 1), SI the safety intake (the ADI, mg/kg bw/day) and bw
 * the body weight (kg). IFS ≤ 1: acceptable; IFS &gt; 1: not acceptable. The body weight is divided ONCE: IFS is
 * numerically equal to the hazard quotient EDI/ADI with EDI = EDI′/bw.
 */
public final class FoodSafetyIndex {
  /** Default correction factor f. */
  public static final double CORRECTION_FACTOR_DEFAULT = 1.0;

  /** Threshold: IFS ≤ 1 is acceptable. */
  public static final double ACCEPTABLE_MAX = 1.0;

  private FoodSafetyIndex() {}

  /**
   * IFS.
   *
   * @param ediPrimeMgPerPersonPerDay intake, mg/person/day (≥ 0)
   * @param safetyIntakeMgPerKgBwPerDay SI, usually the ADI, mg/kg bw/day (&gt; 0)
   * @param bodyWeightKg body weight, kg (&gt; 0)
   * @param correctionFactor f (&gt; 0), default {@link #CORRECTION_FACTOR_DEFAULT}
   * @return IFS, dimensionless
   * @throws IllegalArgumentException for a negative intake or a non-positive SI, bw or f
   */
  public static double ifs(
      double ediPrimeMgPerPersonPerDay,
      double safetyIntakeMgPerKgBwPerDay,
      double bodyWeightKg,
      double correctionFactor) {
    if (!(ediPrimeMgPerPersonPerDay >= 0)) {
      throw new IllegalArgumentException(
          "EDI' is " + ediPrimeMgPerPersonPerDay + " mg/person/day: expected >= 0");
    }
    if (!(safetyIntakeMgPerKgBwPerDay > 0)) {
      throw new IllegalArgumentException(
          "SI is " + safetyIntakeMgPerKgBwPerDay + " mg/kg bw/day: expected > 0");
    }
    if (!(bodyWeightKg > 0)) {
      throw new IllegalArgumentException("Body weight is " + bodyWeightKg + " kg: expected > 0");
    }
    if (!(correctionFactor > 0)) {
      throw new IllegalArgumentException(
          "Correction factor f is " + correctionFactor + ": expected > 0");
    }
    return ediPrimeMgPerPersonPerDay
        * correctionFactor
        / (safetyIntakeMgPerKgBwPerDay * bodyWeightKg);
  }

  /** True when {@code ifs} ≤ 1. */
  public static boolean acceptable(double ifs) {
    return ifs <= ACCEPTABLE_MAX;
  }
}
