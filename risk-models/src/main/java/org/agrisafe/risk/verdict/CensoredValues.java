package org.agrisafe.risk.verdict;

import java.util.Objects;

/**
 * Left-censored substitution for exposure estimates (docs/conventions.md §8).
 *
 * <p>Source: EFSA (2010) "Management of left-censored data in dietary exposure assessment of chemical substances",
 * EFSA Journal 8(3):1557, section 4.1 (substitution method: lower bound 0, middle bound half the limit, upper bound
 * the limit); WHO GEMS/Food (1995) "Reliable evaluation of low-level contamination of food".
 */
public final class CensoredValues {
  private CensoredValues() {}

  /**
   * The concentration of a result under a bound.
   *
   * <ol>
   *   <li>A result with a reported value at or above its LOD (or with no LOD) keeps its value, under every bound.
   *   <li>A censored result: reported "&lt;LOD", or a value below the LOD, uses the LOD as the limit; reported
   *       "&lt;LOQ" uses the LOQ.
   *   <li>LOWER → 0; MIDDLE → limit / 2; UPPER → limit (mg/kg).
   *   <li>If the limit was not reported, LOWER is still 0 and MIDDLE/UPPER are null with basis LIMIT_NOT_REPORTED:
   *       only the lower bound can be computed.
   * </ol>
   *
   * @param result the result; concentrations in mg/kg
   * @param bound LOWER, MIDDLE or UPPER; no default, the caller always states it
   * @return the value with the bound and basis used
   */
  public static SubstitutedValue substitute(QuantitativeInput result, Bound bound) {
    Objects.requireNonNull(result, "substitute: result is null");
    Objects.requireNonNull(bound, "substitute: bound is null");
    SubstitutionBasis basis;
    Double limit;
    if (result.reportedBelowLoq()) {
      basis = SubstitutionBasis.LOQ;
      limit = result.loqMgPerKg();
    } else if (result.reportedBelowLod() || Detections.classify(result) == Detection.NOT_DETECTED) {
      basis = SubstitutionBasis.LOD;
      limit = result.lodMgPerKg();
    } else {
      return new SubstitutedValue(
          result.resultId(), result.valueMgPerKg(), bound, SubstitutionBasis.REPORTED_VALUE);
    }
    if (limit == null) {
      return new SubstitutedValue(
          result.resultId(),
          bound == Bound.LOWER ? 0.0 : null,
          bound,
          SubstitutionBasis.LIMIT_NOT_REPORTED);
    }
    double value;
    switch (bound) {
      case LOWER:
        value = 0.0;
        break;
      case MIDDLE:
        value = limit / 2.0;
        break;
      default:
        value = limit;
        break;
    }
    return new SubstitutedValue(result.resultId(), value, bound, basis);
  }
}
