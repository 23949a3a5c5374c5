package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.util.Objects;

/**
 * A result's concentration for an exposure estimate, after left-censored substitution.
 *
 * @param resultId the result's id
 * @param valueMgPerKg the concentration in mg/kg; null when the bound cannot be computed (basis
 *     LIMIT_NOT_REPORTED, middle or upper bound)
 * @param bound the bound used
 * @param basis the reported value, or the limit (LOD or LOQ) the substitution used
 */
public record SubstitutedValue(
    String resultId, Double valueMgPerKg, Bound bound, SubstitutionBasis basis)
    implements Serializable {

  /** Validates the fields. */
  public SubstitutedValue {
    Objects.requireNonNull(resultId, "SubstitutedValue: resultId is null");
    Objects.requireNonNull(bound, "SubstitutedValue: bound is null");
    Objects.requireNonNull(basis, "SubstitutedValue: basis is null");
    if (valueMgPerKg == null
        && !(basis == SubstitutionBasis.LIMIT_NOT_REPORTED && bound != Bound.LOWER)) {
      throw new IllegalArgumentException(
          "SubstitutedValue '"
              + resultId
              + "': value is null but the "
              + bound
              + " bound on "
              + basis
              + " is computable");
    }
  }

  /** Whether the result was censored (any basis other than REPORTED_VALUE). */
  public boolean censored() {
    return basis != SubstitutionBasis.REPORTED_VALUE;
  }
}
