package org.agrisafe.risk.verdict;

import java.util.Objects;

/**
 * Classifies a quantitative result as not detected, detected not quantified, or quantified (docs/conventions.md §7:
 * below the LOD is ND (未检出); between LOD and LOQ is detected, not quantified).
 */
public final class Detections {
  private Detections() {}

  /**
   * The detection state of a result.
   *
   * <ol>
   *   <li>reported "&lt;LOD" → NOT_DETECTED;
   *   <li>reported "&lt;LOQ" → DETECTED_NOT_QUANTIFIED;
   *   <li>a value below the LOD → NOT_DETECTED; a value of 0 with no LOD → NOT_DETECTED;
   *   <li>a value at or above the LOD and below the LOQ → DETECTED_NOT_QUANTIFIED;
   *   <li>otherwise (value &ge; LOQ, or a positive value with no limits reported) → QUANTIFIED.
   * </ol>
   *
   * @param input a validated result
   * @return the detection state, never null
   */
  public static Detection classify(QuantitativeInput input) {
    Objects.requireNonNull(input, "classify: input is null");
    if (input.reportedBelowLod()) {
      return Detection.NOT_DETECTED;
    }
    if (input.reportedBelowLoq()) {
      return Detection.DETECTED_NOT_QUANTIFIED;
    }
    double v = input.valueMgPerKg();
    Double lod = input.lodMgPerKg();
    Double loq = input.loqMgPerKg();
    if (lod != null ? v < lod : v == 0.0) {
      return Detection.NOT_DETECTED;
    }
    if (loq != null && v < loq) {
      return Detection.DETECTED_NOT_QUANTIFIED;
    }
    return Detection.QUANTIFIED;
  }
}
