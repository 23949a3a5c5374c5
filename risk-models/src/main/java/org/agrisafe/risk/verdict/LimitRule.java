package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.agrisafe.risk.units.LimitType;

/**
 * One residue limit: an analyte's residue definition on a commodity or commodity group, with its type, value,
 * standard and the dates it is in force (docs/conventions.md §3.1).
 *
 * @param ruleId unique id of the rule, non-blank
 * @param analyteCode the residue definition the limit applies to (e.g. "chlorpyrifos"), non-blank
 * @param commodityCode a commodity or group node of the {@link org.agrisafe.risk.commodity.CommodityHierarchy}
 * @param excludedCommodityCodes nodes below {@code commodityCode} the rule does not cover ("pome fruit except
 *     apple"); empty if none, never null
 * @param limitType NUMERIC_MRL or NOT_DETECTABLE (不得检出)
 * @param mrlMgPerKg the MRL in mg/kg, finite and &gt; 0, for NUMERIC_MRL; null for NOT_DETECTABLE
 * @param standard the standard with its version as the source names it, e.g. "GB 2763-2021", "EU MRL as published
 *     by UK PRiF"
 * @param validFrom first day in force (inclusive), or null if open
 * @param validTo first day no longer in force (exclusive), or null if open
 */
public record LimitRule(
    String ruleId,
    String analyteCode,
    String commodityCode,
    Set<String> excludedCommodityCodes,
    LimitType limitType,
    Double mrlMgPerKg,
    String standard,
    LocalDate validFrom,
    LocalDate validTo)
    implements Serializable {

  /** Validates the fields; copies the exclusions to an immutable set. */
  public LimitRule {
    if (ruleId == null || ruleId.isBlank()) {
      throw new IllegalArgumentException("Cannot create LimitRule: ruleId is null or blank");
    }
    requireText(ruleId, "analyteCode", analyteCode);
    requireText(ruleId, "commodityCode", commodityCode);
    requireText(ruleId, "standard", standard);
    Objects.requireNonNull(
        limitType, "Cannot create LimitRule '" + ruleId + "': limitType is null");
    Objects.requireNonNull(
        excludedCommodityCodes,
        "Cannot create LimitRule '" + ruleId + "': excludedCommodityCodes is null");
    excludedCommodityCodes = Set.copyOf(excludedCommodityCodes);
    if (excludedCommodityCodes.contains(commodityCode)) {
      throw new IllegalArgumentException(
          "Cannot create LimitRule '"
              + ruleId
              + "': it excludes its own commodity '"
              + commodityCode
              + "'");
    }
    if (limitType == LimitType.NUMERIC_MRL
        && (mrlMgPerKg == null || !(mrlMgPerKg > 0) || mrlMgPerKg.isInfinite())) {
      throw new IllegalArgumentException(
          "Cannot create LimitRule '"
              + ruleId
              + "': a NUMERIC_MRL needs a finite MRL > 0 mg/kg, got "
              + mrlMgPerKg);
    }
    if (limitType == LimitType.NOT_DETECTABLE && mrlMgPerKg != null) {
      throw new IllegalArgumentException(
          "Cannot create LimitRule '"
              + ruleId
              + "': a NOT_DETECTABLE rule has no MRL value, got "
              + mrlMgPerKg);
    }
    if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
      throw new IllegalArgumentException(
          "Cannot create LimitRule '"
              + ruleId
              + "': validFrom "
              + validFrom
              + " is not before validTo "
              + validTo);
    }
  }

  /** A NUMERIC_MRL rule on a commodity or group, with no exclusions, open-ended. */
  public static LimitRule numeric(
      String ruleId, String analyteCode, String commodityCode, double mrlMgPerKg, String standard) {
    return new LimitRule(
        ruleId,
        analyteCode,
        commodityCode,
        Set.of(),
        LimitType.NUMERIC_MRL,
        mrlMgPerKg,
        standard,
        null,
        null);
  }

  /** Whether the rule is in force on the date: validFrom &le; date &lt; validTo, open ends allowed. */
  public boolean inForceOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || date.isBefore(validTo));
  }

  private static void requireText(String ruleId, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot create LimitRule '" + ruleId + "': " + field + " is null or blank");
    }
  }
}
