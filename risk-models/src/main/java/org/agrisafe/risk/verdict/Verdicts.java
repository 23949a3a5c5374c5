package org.agrisafe.risk.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.agrisafe.risk.commodity.CommodityHierarchy;
import org.agrisafe.risk.commodity.CommodityNode;
import org.agrisafe.risk.units.LimitType;

/**
 * The verdict rules of docs/conventions.md §2, as pure static functions for batch and stream
 * jobs.
 */
public final class Verdicts {

  /**
   * Enzyme-inhibition threshold in %, 50: an inhibition rate at or above it is POSITIVE (GB/T 5009.199-2003
   * "蔬菜中有机磷和氨基甲酸酯类农药残留量的快速检测", enzyme-inhibition-rate method, result-judgement clause 结果判定:
   * an inhibition rate ≥ 50 % indicates organophosphate or carbamate residues at a high level; the clause number was
   * not checked against the official text). Recommended value: 50 (the standard's).
   */
  public static final double INHIBITION_THRESHOLD_PCT_DEFAULT = 50.0;

  private Verdicts() {}

  /**
   * Judges one quantitative result.
   *
   * <p>Steps:
   *
   * <ol>
   *   <li>detection state by {@link Detections#classify};
   *   <li>limit: the {@link LimitBook#lookup most specific rule in force on the sampling date}; if the book has
   *       none, the MRL published by the source with the result; if neither, NO_STANDARD (never PASS, never 999);
   *   <li>NUMERIC_MRL: FAIL if the value is quantified and value &gt; MRL strictly (a value exactly at the MRL
   *       passes; no deduction for uncertainty). A result detected but not quantified (&lt; LOQ) is not shown to
   *       exceed; if its LOQ is above the MRL the reason says the method cannot show compliance;
   *   <li>NOT_DETECTABLE (不得检出): FAIL on any detection at or above the LOD, PASS if not detected;
   *   <li>non-compliance (EFSA, extra figure): quantified and value − U &gt; MRL, U = fraction × value (for
   *       NOT_DETECTABLE: value − U &ge; LOD, or &gt; 0 with no LOD);
   *   <li>bans: a detection of a substance with a verified ban in force on that commodity and date sets
   *       bannedDetection, even under the MRL; unverified matching rules are listed apart and change nothing.
   * </ol>
   *
   * @param input the result, concentrations in mg/kg
   * @param limits the limit book (use {@link LimitBook#empty()} when only published MRLs apply)
   * @param bans the ban book (use {@link BanBook#empty()} if none)
   * @return the judgement, never null
   * @throws NullPointerException if an argument is null
   */
  public static ResultJudgement judgeQuantitative(
      QuantitativeInput input, LimitBook limits, BanBook bans) {
    Objects.requireNonNull(input, "judgeQuantitative: input is null");
    Objects.requireNonNull(limits, "judgeQuantitative: limits is null (use LimitBook.empty())");
    Objects.requireNonNull(bans, "judgeQuantitative: bans is null (use BanBook.empty())");

    Detection detection = Detections.classify(input);
    LimitLookup lookup =
        limits.lookup(input.analyteCode(), input.commodityCode(), input.sampleDate());
    AppliedLimit limit = appliedLimit(input, lookup, limits.hierarchy());

    StringBuilder reason = new StringBuilder(describeDetection(input, detection));
    Verdict verdict;
    boolean exceeds = false;
    boolean nonCompliant = false;
    if (limit == null) {
      verdict = Verdict.NO_STANDARD;
      if (detection == Detection.QUANTIFIED) {
        reason.append(" detected");
      }
      reason
          .append("; no limit for ")
          .append(input.analyteCode())
          .append(" on ")
          .append(limits.hierarchy().displayName(input.commodityCode()))
          .append(" on ")
          .append(input.sampleDate())
          .append(" (NO_STANDARD)");
      if (!lookup.commodityInHierarchy()) {
        reason
            .append("; commodity code '")
            .append(input.commodityCode())
            .append(
                "' is not in the commodity hierarchy, so only limits on that exact code were searched");
      }
    } else if (limit.limitType() == LimitType.NOT_DETECTABLE) {
      exceeds = detection.isDetected();
      verdict = exceeds ? Verdict.FAIL : Verdict.PASS;
      if (detection == Detection.QUANTIFIED) {
        reason.append(" detected");
      }
      reason.append(exceeds ? "; fails " : "; ").append(limit.describe());
      if (detection == Detection.QUANTIFIED) {
        double u = input.expandedUncertaintyFraction() * input.valueMgPerKg();
        double lowerValue = input.valueMgPerKg() - u;
        nonCompliant =
            input.lodMgPerKg() != null ? lowerValue >= input.lodMgPerKg() : lowerValue > 0;
      }
    } else {
      double mrl = limit.mrlMgPerKg();
      if (detection == Detection.QUANTIFIED) {
        double value = input.valueMgPerKg();
        exceeds = value > mrl;
        double u = input.expandedUncertaintyFraction() * value;
        nonCompliant = value - u > mrl;
        reason.append(exceeds ? " > " : " ≤ ").append(limit.describe());
        if (nonCompliant) {
          reason
              .append("; non-compliant: value − U = ")
              .append(Format.mgPerKg(value - u))
              .append(" > MRL (U = ")
              .append(Format.number(input.expandedUncertaintyFraction() * 100))
              .append(" % of the value)");
        }
      } else {
        reason
            .append(detection == Detection.NOT_DETECTED ? "; " : ", not shown to exceed ")
            .append(limit.describe());
        if (detection == Detection.DETECTED_NOT_QUANTIFIED
            && input.loqMgPerKg() != null
            && input.loqMgPerKg() > mrl) {
          reason
              .append("; LOQ ")
              .append(Format.mgPerKg(input.loqMgPerKg()))
              .append(" is above the MRL: the method cannot show compliance");
        }
      }
      verdict = exceeds ? Verdict.FAIL : Verdict.PASS;
    }
    if (lookup.rule() != null
        && limit != null
        && limit.source() == LimitSource.LIMIT_BOOK
        && !lookup.alternatives().isEmpty()) {
      reason
          .append(lookup.ambiguous() ? "; AMBIGUOUS limit: " : "; same limit also in ")
          .append(ruleIds(lookup.alternatives()))
          .append(
              lookup.ambiguous()
                  ? " apply at the same level with a different limit; chose "
                      + lookup.rule().ruleId()
                      + " (latest validFrom, then strictest, then smallest id)"
                  : "");
    }

    List<String> verifiedBans = List.of();
    List<String> unverifiedBans = List.of();
    if (detection.isDetected()) {
      BanMatches matches =
          bans.bansFor(input.analyteCode(), input.commodityCode(), input.sampleDate());
      verifiedBans = banIds(matches.verified());
      unverifiedBans = banIds(matches.unverified());
      for (BanRule b : matches.verified()) {
        reason
            .append("; BANNED substance detected (illegal-use signal): rule ")
            .append(b.ruleId())
            .append(" (")
            .append(b.source())
            .append(b.effectiveFrom() == null ? ", effective date not stated in source" : "")
            .append(")");
      }
      if (!unverifiedBans.isEmpty()) {
        reason
            .append("; unverified ban rules ")
            .append(unverifiedBans)
            .append(" match (information only, not a warning)");
      }
    }

    return new ResultJudgement(
        input.resultId(),
        input.analyteCode(),
        input.commodityCode(),
        input.sampleDate(),
        detection,
        verdict,
        exceeds,
        nonCompliant,
        limit,
        lookup.ambiguous() && limit != null && limit.source() == LimitSource.LIMIT_BOOK,
        limit != null && limit.source() == LimitSource.LIMIT_BOOK
            ? ruleIds(lookup.alternatives())
            : List.of(),
        !verifiedBans.isEmpty(),
        verifiedBans,
        unverifiedBans,
        reason.toString());
  }

  /**
   * Judges a rapid test with the {@linkplain #INHIBITION_THRESHOLD_PCT_DEFAULT default} 50 % threshold.
   *
   * @see #judgeRapid(RapidInput, double)
   */
  public static RapidJudgement judgeRapid(RapidInput input) {
    return judgeRapid(input, INHIBITION_THRESHOLD_PCT_DEFAULT);
  }

  /**
   * Judges a rapid test (docs/conventions.md §9.2 and §9.6): POSITIVE (suspected) when the enzyme inhibition rate is
   * at or above the threshold or the colloidal-gold strip is positive. A POSITIVE enzyme-inhibition result on a
   * false-positive-prone commodity (alliums, wild-rice stem) is flagged.
   *
   * @param input the rapid result
   * @param inhibitionThresholdPct threshold in %, in (0, 100]; default and GB/T 5009.199 value {@value
   *     #INHIBITION_THRESHOLD_PCT_DEFAULT}
   * @return the judgement
   * @throws IllegalArgumentException if the threshold is out of range
   */
  public static RapidJudgement judgeRapid(RapidInput input, double inhibitionThresholdPct) {
    Objects.requireNonNull(input, "judgeRapid: input is null");
    if (!(inhibitionThresholdPct > 0 && inhibitionThresholdPct <= 100)) {
      throw new IllegalArgumentException(
          "judgeRapid: inhibitionThresholdPct "
              + inhibitionThresholdPct
              + " is not in (0, 100]; default "
              + INHIBITION_THRESHOLD_PCT_DEFAULT);
    }
    RapidOutcome outcome;
    String reason;
    if (input.method() == RapidMethod.ENZYME_INHIBITION) {
      boolean positive = input.inhibitionRatePct() >= inhibitionThresholdPct;
      outcome = positive ? RapidOutcome.POSITIVE : RapidOutcome.NEGATIVE;
      reason =
          "enzyme inhibition "
              + Format.number(input.inhibitionRatePct())
              + " % "
              + (positive ? "≥" : "<")
              + " "
              + Format.number(inhibitionThresholdPct)
              + " % (GB/T 5009.199)";
    } else {
      outcome = input.stripPositive() ? RapidOutcome.POSITIVE : RapidOutcome.NEGATIVE;
      reason = "colloidal-gold strip " + (input.stripPositive() ? "positive" : "negative");
    }
    boolean prone =
        outcome == RapidOutcome.POSITIVE
            && input.method() == RapidMethod.ENZYME_INHIBITION
            && input.falsePositiveProneCommodity();
    reason +=
        outcome == RapidOutcome.POSITIVE
            ? ": POSITIVE (suspected; a failure only if a quantitative test on the same sample confirms it)"
            : ": NEGATIVE";
    if (prone) {
      reason +=
          "; commodity known to give false positives in enzyme inhibition (alliums, wild-rice stem)";
    }
    return new RapidJudgement(input.resultId(), input.method(), outcome, prone, reason);
  }

  /**
   * Whether a rapid positive is confirmed by quantitative results on the same sample. The caller passes only
   * results of that sample.
   *
   * @param rapid the rapid judgement
   * @param quantitativeOnSameSample judgements of quantitative results on the same sample; empty if none yet
   * @return NOT_APPLICABLE for a NEGATIVE; AWAITING_CONFIRMATION with no quantitative result; CONFIRMED_FAIL if any
   *     is FAIL; NOT_CONFIRMED otherwise
   */
  public static Confirmation confirm(
      RapidJudgement rapid, List<ResultJudgement> quantitativeOnSameSample) {
    Objects.requireNonNull(rapid, "confirm: rapid is null");
    Objects.requireNonNull(
        quantitativeOnSameSample, "confirm: quantitativeOnSameSample is null (use List.of())");
    if (rapid.outcome() == RapidOutcome.NEGATIVE) {
      return Confirmation.NOT_APPLICABLE;
    }
    if (quantitativeOnSameSample.isEmpty()) {
      return Confirmation.AWAITING_CONFIRMATION;
    }
    for (ResultJudgement r : quantitativeOnSameSample) {
      if (r.verdict() == Verdict.FAIL) {
        return Confirmation.CONFIRMED_FAIL;
      }
    }
    return Confirmation.NOT_CONFIRMED;
  }

  /**
   * Whether a commodity is false-positive-prone in enzyme inhibition: the commodity or one of its ancestors is in
   * {@code proneCodes} (e.g. the codes of 鳞茎类蔬菜 alliums and 茭白 wild-rice stem, supplied by the caller).
   * A commodity not in the hierarchy is matched on its own code only.
   */
  public static boolean isFalsePositiveProne(
      String commodityCode, Set<String> proneCodes, CommodityHierarchy hierarchy) {
    Objects.requireNonNull(commodityCode, "isFalsePositiveProne: commodityCode is null");
    Objects.requireNonNull(proneCodes, "isFalsePositiveProne: proneCodes is null");
    Objects.requireNonNull(hierarchy, "isFalsePositiveProne: hierarchy is null");
    if (proneCodes.contains(commodityCode)) {
      return true;
    }
    if (!hierarchy.contains(commodityCode)) {
      return false;
    }
    for (CommodityNode a : hierarchy.ancestorsOf(commodityCode)) {
      if (proneCodes.contains(a.code())) {
        return true;
      }
    }
    return false;
  }

  private static AppliedLimit appliedLimit(
      QuantitativeInput input, LimitLookup lookup, CommodityHierarchy hierarchy) {
    LimitRule rule = lookup.rule();
    if (rule != null) {
      return new AppliedLimit(
          LimitSource.LIMIT_BOOK,
          rule.ruleId(),
          rule.limitType(),
          rule.mrlMgPerKg(),
          rule.standard(),
          scopeText(rule, hierarchy));
    }
    if (input.publishedMrlMgPerKg() != null) {
      return new AppliedLimit(
          LimitSource.PUBLISHED_BY_SOURCE,
          null,
          LimitType.NUMERIC_MRL,
          input.publishedMrlMgPerKg(),
          input.publishedMrlSource(),
          hierarchy.displayName(input.commodityCode()));
    }
    return null;
  }

  private static String scopeText(LimitRule rule, CommodityHierarchy hierarchy) {
    String scope = hierarchy.displayName(rule.commodityCode());
    if (rule.excludedCommodityCodes().isEmpty()) {
      return scope;
    }
    List<String> names = new ArrayList<>();
    rule.excludedCommodityCodes().stream()
        .sorted()
        .forEach(c -> names.add(hierarchy.displayName(c)));
    return scope + " except " + String.join(", ", names);
  }

  private static String describeDetection(QuantitativeInput input, Detection detection) {
    if (input.reportedBelowLod()) {
      return "not detected (reported < LOD"
          + (input.lodMgPerKg() == null ? "" : " " + Format.mgPerKg(input.lodMgPerKg()))
          + ")";
    }
    if (input.reportedBelowLoq()) {
      return "detected, not quantified (reported < LOQ"
          + (input.loqMgPerKg() == null ? "" : " " + Format.mgPerKg(input.loqMgPerKg()))
          + ")";
    }
    String value = Format.mgPerKg(input.valueMgPerKg());
    switch (detection) {
      case NOT_DETECTED:
        return input.lodMgPerKg() == null
            ? value + ": not detected"
            : value + " below LOD " + Format.mgPerKg(input.lodMgPerKg()) + ": not detected";
      case DETECTED_NOT_QUANTIFIED:
        return value
            + " below LOQ "
            + Format.mgPerKg(input.loqMgPerKg())
            + ": detected, not quantified";
      default:
        return value;
    }
  }

  private static List<String> ruleIds(List<LimitRule> rules) {
    return rules.stream().map(LimitRule::ruleId).toList();
  }

  private static List<String> banIds(List<BanRule> rules) {
    return rules.stream().map(BanRule::ruleId).toList();
  }
}
