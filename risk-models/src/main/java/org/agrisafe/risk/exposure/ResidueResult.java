package org.agrisafe.risk.exposure;

import java.util.Objects;

/**
 * One (sample, analyte) result for exposure estimation, in mg/kg.
 *
 * @param censoring     whether the value was quantified or is below the LOQ or the LOD
 * @param valueMgPerKg  quantified value, mg/kg; null unless {@code QUANTIFIED}
 * @param lodMgPerKg    limit of detection, mg/kg; required for {@code BELOW_LOD}
 * @param loqMgPerKg    limit of quantification, mg/kg; required for {@code BELOW_LOQ}
 */
public record ResidueResult(
    Censoring censoring, Double valueMgPerKg, Double lodMgPerKg, Double loqMgPerKg) {

  /** Censoring state of a result. */
  public enum Censoring {
    /** A value was measured. */
    QUANTIFIED,
    /** Detected between LOD and LOQ, or reported as &lt; LOQ: substituted from the LOQ. */
    BELOW_LOQ,
    /** Not detected (&lt; LOD): substituted from the LOD. */
    BELOW_LOD
  }

  public ResidueResult {
    Objects.requireNonNull(censoring, "censoring");
    switch (censoring) {
      case QUANTIFIED -> requireNonNegative(valueMgPerKg, "value");
      case BELOW_LOQ -> requirePositive(loqMgPerKg, "LOQ");
      case BELOW_LOD -> requirePositive(lodMgPerKg, "LOD");
      default -> throw new IllegalStateException(censoring.toString());
    }
  }

  private static void requireNonNegative(Double v, String what) {
    if (v == null || !(v >= 0) || v.isInfinite()) {
      throw new IllegalArgumentException(
          "Residue " + what + " is " + v + " mg/kg: expected a finite value >= 0");
    }
  }

  private static void requirePositive(Double v, String what) {
    if (v == null || !(v > 0) || v.isInfinite()) {
      throw new IllegalArgumentException(
          "Residue " + what + " is " + v + " mg/kg: expected a finite value > 0");
    }
  }

  /** A quantified value, mg/kg. */
  public static ResidueResult quantified(double valueMgPerKg) {
    return new ResidueResult(Censoring.QUANTIFIED, valueMgPerKg, null, null);
  }

  /** A result reported below the LOQ (mg/kg). */
  public static ResidueResult belowLoq(double loqMgPerKg) {
    return new ResidueResult(Censoring.BELOW_LOQ, null, null, loqMgPerKg);
  }

  /** A result reported below the LOD (mg/kg). */
  public static ResidueResult belowLod(double lodMgPerKg) {
    return new ResidueResult(Censoring.BELOW_LOD, null, lodMgPerKg, null);
  }

  /** The value used for {@code bound}: the value itself, or fraction × LOQ / LOD for a censored result. */
  public double substituted(NonDetectBound bound) {
    return switch (censoring) {
      case QUANTIFIED -> valueMgPerKg;
      case BELOW_LOQ -> bound.fractionOfLimit() * loqMgPerKg;
      case BELOW_LOD -> bound.fractionOfLimit() * lodMgPerKg;
    };
  }
}
