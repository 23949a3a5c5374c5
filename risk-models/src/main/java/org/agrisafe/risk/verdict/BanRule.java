package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One ban or use restriction of a substance (docs/conventions.md §5),
 * e.g. 农业部公告第199号. A detection of a substance banned for that commodity on that date raises an illegal-use
 * signal even under the MRL. Rules with {@code verified == false} never drive a verdict or a warning.
 *
 * @param ruleId unique id, non-blank
 * @param substanceCode the substance, in the same code set as result analyte codes
 * @param scope all uses, or the commodity/group codes it is banned on
 * @param effectiveFrom first day the ban applies (inclusive); null when the source states no date, in which case
 *     the ban is treated as in force on every date and the reason says the date is not stated
 * @param verified whether the rule was checked against a cited source
 * @param source the legal basis and evidence, e.g. "农业部公告第199号; http://..."
 */
public record BanRule(
    String ruleId,
    String substanceCode,
    BanScope scope,
    LocalDate effectiveFrom,
    boolean verified,
    String source)
    implements Serializable {

  /** Validates the fields. */
  public BanRule {
    if (ruleId == null || ruleId.isBlank()) {
      throw new IllegalArgumentException("Cannot create BanRule: ruleId is null or blank");
    }
    if (substanceCode == null || substanceCode.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot create BanRule '" + ruleId + "': substanceCode is null or blank");
    }
    Objects.requireNonNull(scope, "Cannot create BanRule '" + ruleId + "': scope is null");
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot create BanRule '" + ruleId + "': source is null or blank");
    }
  }

  /** Whether the ban applies on the date (effectiveFrom &le; date, or no date stated). */
  public boolean inForceOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return effectiveFrom == null || !date.isBefore(effectiveFrom);
  }
}
