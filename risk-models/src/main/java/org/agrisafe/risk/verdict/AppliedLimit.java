package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.util.Objects;
import org.agrisafe.risk.units.LimitType;

/**
 * The limit a result was judged against, with its source, so that every verdict shows where its limit came from.
 *
 * @param source LIMIT_BOOK or PUBLISHED_BY_SOURCE
 * @param ruleId the {@link LimitRule} id; null for a published MRL
 * @param limitType NUMERIC_MRL or NOT_DETECTABLE
 * @param mrlMgPerKg the MRL in mg/kg; null for NOT_DETECTABLE
 * @param standard the standard with its version, or the published MRL's source text
 * @param scope the commodity or group the limit covers, in words, e.g. "celery", "pome fruit except apple"
 */
public record AppliedLimit(
    LimitSource source,
    String ruleId,
    LimitType limitType,
    Double mrlMgPerKg,
    String standard,
    String scope)
    implements Serializable {

  /** Validates the fields. */
  public AppliedLimit {
    Objects.requireNonNull(source, "AppliedLimit: source is null");
    Objects.requireNonNull(limitType, "AppliedLimit: limitType is null");
    Objects.requireNonNull(standard, "AppliedLimit: standard is null");
    Objects.requireNonNull(scope, "AppliedLimit: scope is null");
    if (source == LimitSource.LIMIT_BOOK && ruleId == null) {
      throw new IllegalArgumentException("AppliedLimit: a LIMIT_BOOK limit needs its rule id");
    }
    if ((limitType == LimitType.NUMERIC_MRL) != (mrlMgPerKg != null)) {
      throw new IllegalArgumentException(
          "AppliedLimit: limit type " + limitType + " does not match MRL value " + mrlMgPerKg);
    }
  }

  /** "MRL 0.01 mg/kg (GB 2763-2021, celery)" or "不得检出 (must not be detected) (GB 31650-2019, ...)". */
  public String describe() {
    String limit =
        limitType == LimitType.NUMERIC_MRL
            ? "MRL " + Format.mgPerKg(mrlMgPerKg)
            : "limit 不得检出 (must not be detected)";
    return limit + " (" + standard + ", " + scope + ")";
  }
}
