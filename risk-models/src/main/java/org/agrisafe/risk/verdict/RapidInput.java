package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.util.Objects;

/**
 * One rapid-test result.
 *
 * @param resultId unique id, non-blank
 * @param commodityCode the sample's commodity
 * @param falsePositiveProneCommodity whether the commodity is known to give false positives in enzyme inhibition:
 *     alliums (leek, onion, garlic, chives) and wild-rice stem (茭白). The caller decides, e.g. with {@link
 *     Verdicts#isFalsePositiveProne}
 * @param method ENZYME_INHIBITION or COLLOIDAL_GOLD
 * @param inhibitionRatePct enzyme inhibition rate in % (finite, &le; 100; may be negative when the sample's enzyme
 *     activity exceeds the control's); required for ENZYME_INHIBITION, null otherwise
 * @param stripPositive whether the colloidal-gold strip is positive; required for COLLOIDAL_GOLD, null otherwise
 */
public record RapidInput(
    String resultId,
    String commodityCode,
    boolean falsePositiveProneCommodity,
    RapidMethod method,
    Double inhibitionRatePct,
    Boolean stripPositive)
    implements Serializable {

  /** Validates the fields and that the reading matches the method. */
  public RapidInput {
    if (resultId == null || resultId.isBlank()) {
      throw new IllegalArgumentException("Cannot create RapidInput: resultId is null or blank");
    }
    if (commodityCode == null || commodityCode.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot judge rapid result '" + resultId + "': commodityCode is blank");
    }
    Objects.requireNonNull(method, "Cannot judge rapid result '" + resultId + "': method is null");
    if (method == RapidMethod.ENZYME_INHIBITION) {
      if (inhibitionRatePct == null
          || !Double.isFinite(inhibitionRatePct)
          || inhibitionRatePct > 100.0) {
        throw new IllegalArgumentException(
            "Cannot judge rapid result '"
                + resultId
                + "': inhibitionRatePct "
                + inhibitionRatePct
                + " is not a finite percentage <= 100");
      }
      if (stripPositive != null) {
        throw new IllegalArgumentException(
            "Cannot judge rapid result '"
                + resultId
                + "': an ENZYME_INHIBITION result has no strip reading");
      }
    } else {
      if (stripPositive == null) {
        throw new IllegalArgumentException(
            "Cannot judge rapid result '"
                + resultId
                + "': a COLLOIDAL_GOLD result needs stripPositive");
      }
      if (inhibitionRatePct != null) {
        throw new IllegalArgumentException(
            "Cannot judge rapid result '"
                + resultId
                + "': a COLLOIDAL_GOLD result has no inhibition rate");
      }
    }
  }

  /** An enzyme-inhibition result. */
  public static RapidInput enzymeInhibition(
      String resultId,
      String commodityCode,
      boolean falsePositiveProneCommodity,
      double inhibitionRatePct) {
    return new RapidInput(
        resultId,
        commodityCode,
        falsePositiveProneCommodity,
        RapidMethod.ENZYME_INHIBITION,
        inhibitionRatePct,
        null);
  }

  /** A colloidal-gold strip result. */
  public static RapidInput colloidalGold(
      String resultId,
      String commodityCode,
      boolean falsePositiveProneCommodity,
      boolean stripPositive) {
    return new RapidInput(
        resultId,
        commodityCode,
        falsePositiveProneCommodity,
        RapidMethod.COLLOIDAL_GOLD,
        null,
        stripPositive);
  }
}
