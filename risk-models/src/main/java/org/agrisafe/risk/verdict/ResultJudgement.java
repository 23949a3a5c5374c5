package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The judgement of one quantitative result, from {@link Verdicts#judgeQuantitative}.
 *
 * @param resultId the result's id
 * @param analyteCode the analyte (residue definition)
 * @param commodityCode the sample's commodity
 * @param sampleDate the sampling date (deployment zone)
 * @param detection NOT_DETECTED, DETECTED_NOT_QUANTIFIED or QUANTIFIED
 * @param verdict PASS, FAIL or NO_STANDARD; FAIL if and only if {@code exceeds}
 * @param exceeds value &gt; MRL strictly, or any detection (&ge; LOD) under a NOT_DETECTABLE limit
 * @param nonCompliant EFSA figure: value − U &gt; MRL with U = expandedUncertaintyFraction × value (for a
 *     NOT_DETECTABLE limit: value − U &ge; LOD, or &gt; 0 when no LOD is reported); only for quantified values; an
 *     extra figure, never the verdict
 * @param appliedLimit the limit used and its source; null for NO_STANDARD
 * @param limitAmbiguous true when another rule at the same level of specificity gives a different limit
 * @param alternativeRuleIds ids of the same-level rules not chosen
 * @param bannedDetection the analyte was detected and a verified ban covers it on this commodity and date: an
 *     illegal-use signal, whatever the MRL verdict
 * @param verifiedBanRuleIds ids of the verified bans behind {@code bannedDetection}; empty if none
 * @param unverifiedBanMatches ids of unverified ban rules that match a detection; information only, never a
 *     verdict or warning
 * @param reason a sentence for a risk panel, e.g. "0.05 mg/kg &gt; MRL 0.01 mg/kg (GB 2763-2021, celery)"
 */
public record ResultJudgement(
    String resultId,
    String analyteCode,
    String commodityCode,
    LocalDate sampleDate,
    Detection detection,
    Verdict verdict,
    boolean exceeds,
    boolean nonCompliant,
    AppliedLimit appliedLimit,
    boolean limitAmbiguous,
    List<String> alternativeRuleIds,
    boolean bannedDetection,
    List<String> verifiedBanRuleIds,
    List<String> unverifiedBanMatches,
    String reason)
    implements Serializable {

  /** Checks that the fields agree with each other; copies the lists. */
  public ResultJudgement {
    Objects.requireNonNull(resultId, "ResultJudgement: resultId is null");
    Objects.requireNonNull(detection, "ResultJudgement '" + resultId + "': detection is null");
    Objects.requireNonNull(verdict, "ResultJudgement '" + resultId + "': verdict is null");
    Objects.requireNonNull(reason, "ResultJudgement '" + resultId + "': reason is null");
    alternativeRuleIds = List.copyOf(alternativeRuleIds);
    verifiedBanRuleIds = List.copyOf(verifiedBanRuleIds);
    unverifiedBanMatches = List.copyOf(unverifiedBanMatches);
    if ((verdict == Verdict.FAIL) != exceeds) {
      throw new IllegalArgumentException(
          "ResultJudgement '"
              + resultId
              + "': verdict "
              + verdict
              + " disagrees with exceeds = "
              + exceeds);
    }
    if ((verdict == Verdict.NO_STANDARD) != (appliedLimit == null)) {
      throw new IllegalArgumentException(
          "ResultJudgement '"
              + resultId
              + "': verdict "
              + verdict
              + " disagrees with applied limit "
              + appliedLimit);
    }
    if (bannedDetection == verifiedBanRuleIds.isEmpty()) {
      throw new IllegalArgumentException(
          "ResultJudgement '"
              + resultId
              + "': bannedDetection "
              + bannedDetection
              + " disagrees with ban ids "
              + verifiedBanRuleIds);
    }
    if (bannedDetection && !detection.isDetected()) {
      throw new IllegalArgumentException(
          "ResultJudgement '"
              + resultId
              + "': bannedDetection set for a result that was not detected");
    }
    if (nonCompliant && detection != Detection.QUANTIFIED) {
      throw new IllegalArgumentException(
          "ResultJudgement '"
              + resultId
              + "': nonCompliant set for a result that is not quantified");
    }
  }
}
