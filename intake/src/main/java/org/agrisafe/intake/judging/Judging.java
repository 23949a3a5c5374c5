package org.agrisafe.intake.judging;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrisafe.intake.ingest.PrifAdapter;
import org.agrisafe.intake.model.MethodType;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.SourceSystem;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.risk.verdict.BanBook;
import org.agrisafe.risk.verdict.Confirmation;
import org.agrisafe.risk.verdict.LimitBook;
import org.agrisafe.risk.verdict.QuantitativeInput;
import org.agrisafe.risk.verdict.RapidInput;
import org.agrisafe.risk.verdict.RapidJudgement;
import org.agrisafe.risk.verdict.RapidOutcome;
import org.agrisafe.risk.verdict.ResultJudgement;
import org.agrisafe.risk.verdict.SampleJudgement;
import org.agrisafe.risk.verdict.SampleStatus;
import org.agrisafe.risk.verdict.SampleVerdict;
import org.agrisafe.risk.verdict.SampleVerdicts;
import org.agrisafe.risk.verdict.TestKind;
import org.agrisafe.risk.verdict.Verdicts;

/**
 * Applies the verdict rules of docs/conventions.md §2–§10 (risk-models {@link Verdicts}) to parsed records: the one bridge
 * between the source adapters and the rules, used by the Spark ingest and the Flink stream alike.
 *
 * <p>Jurisdiction: foreign data (UK PRiF) is judged against the MRL published with it, and China's bans do not
 * apply to it; Chinese sources (market-supervision notices, the platform's uploads) are judged against the loaded
 * GB 2763 limits and the verified ban rules. Rapid positives on alliums and wild-rice stem are flagged as
 * false-positive-prone (known interference in enzyme inhibition).
 */
public final class Judging implements Serializable {
  /** Commodity or group codes whose enzyme-inhibition positives are flagged (docs/conventions.md §9.6). */
  public static final Set<String> FALSE_POSITIVE_PRONE_DEFAULT =
      Set.of("veg_bulb", "wild_rice_stem");

  private final ReferenceData reference;
  private final Set<String> falsePositiveProne;

  public Judging(ReferenceData reference) {
    this(reference, FALSE_POSITIVE_PRONE_DEFAULT);
  }

  public Judging(ReferenceData reference, Set<String> falsePositiveProne) {
    this.reference = reference;
    this.falsePositiveProne = Set.copyOf(falsePositiveProne);
  }

  /** One result with its judgement: quantitative or rapid (the other is null). */
  public record JudgedResult(
      ParsedResult result,
      String analyteCode,
      ResultJudgement quantitative,
      RapidJudgement rapid,
      Confirmation confirmation,
      boolean falsePositiveProne)
      implements Serializable {}

  /**
   * One sample with its results and verdict.
   *
   * @param sampleVerdict PASS or FAIL; NOT_JUDGED when the sample has only rapid results (docs/conventions.md
   *     §9.4)
   * @param testKind QUANTITATIVE, RAPID, MIXED or PUBLISHED_VERDICT ({@link TestKind#of})
   * @param rapidOutcome POSITIVE when any rapid result is positive, NEGATIVE when all are negative, else null
   * @param rapidConfirmation for a rapid positive: the worst state of the sample's positives ({@link
   *     Confirmation#worst}): CONFIRMED_FAIL, AWAITING_CONFIRMATION or NOT_CONFIRMED; else null
   */
  public record JudgedSample(
      ParsedSample sample,
      String commodityCode,
      String category,
      SampleJudgement judgement,
      SampleStatus sampleVerdict,
      TestKind testKind,
      RapidOutcome rapidOutcome,
      Confirmation rapidConfirmation,
      int nDetected,
      List<JudgedResult> results)
      implements Serializable {}

  /** Samples judged, and samples that could not be judged (rejected whole, with the reason). */
  public record Outcome(List<JudgedSample> samples, List<RejectedRecord> rejected)
      implements Serializable {}

  /** Whether a source is judged against Chinese limits and bans. */
  public static boolean chineseJurisdiction(SourceSystem s) {
    return s != SourceSystem.UK_PRIF;
  }

  /**
   * Judges every sample of a batch. Superseded revisions are skipped (the current revision is judged).
   *
   * @param samples parsed samples
   * @param results parsed results; each refers to one of {@code samples}
   * @return judged samples in input order, and rejected records for samples whose results break a rule's
   *     preconditions (counted as rejected samples by the caller)
   */
  public Outcome judgeAll(List<ParsedSample> samples, List<ParsedResult> results) {
    Map<String, List<ParsedResult>> bySample = new LinkedHashMap<>();
    for (ParsedResult r : results) {
      if (!r.superseded()) {
        bySample.computeIfAbsent(r.sampleId(), k -> new ArrayList<>()).add(r);
      }
    }
    List<JudgedSample> out = new ArrayList<>(samples.size());
    List<RejectedRecord> rejected = new ArrayList<>();
    for (ParsedSample s : samples) {
      try {
        out.add(judge(s, bySample.getOrDefault(s.sampleId(), List.of())));
      } catch (RuntimeException e) {
        rejected.add(
            new RejectedRecord(
                s.sourceSystem(),
                s.sourceFile(),
                s.sourceLine(),
                s.sampleId(),
                "verdict",
                "Cannot judge sample " + s.sampleId() + ": " + e.getMessage(),
                null));
      }
    }
    return new Outcome(out, rejected);
  }

  /** Judges one sample and its current results. */
  public JudgedSample judge(ParsedSample s, List<ParsedResult> results) {
    boolean cn = chineseJurisdiction(s.sourceSystem());
    String commodity = cn ? reference.resolveCommodity(s.commodityCode()) : s.commodityCode();
    LimitBook limits = cn ? reference.limits() : LimitBook.empty();
    BanBook bans = cn ? reference.bans() : BanBook.empty();
    List<JudgedResult> judged = new ArrayList<>();
    List<ResultJudgement> quantitative = new ArrayList<>();
    List<RapidJudgement> rapids = new ArrayList<>();
    for (ParsedResult r : results) {
      if (r.methodType() == MethodType.RAPID) {
        boolean prone =
            reference.commodities().contains(commodity)
                && Verdicts.isFalsePositiveProne(
                    commodity, falsePositiveProne, reference.commodities());
        RapidInput in =
            r.inhibitionRatePct() != null
                ? RapidInput.enzymeInhibition(r.resultId(), commodity, prone, r.inhibitionRatePct())
                : RapidInput.colloidalGold(
                    r.resultId(), commodity, prone, Boolean.TRUE.equals(r.stripPositive()));
        RapidJudgement j = Verdicts.judgeRapid(in);
        rapids.add(j);
        judged.add(new JudgedResult(r, analyte(cn, r), null, j, null, j.falsePositiveProne()));
      } else {
        QuantitativeInput.Builder b =
            QuantitativeInput.builder(r.resultId(), analyte(cn, r), commodity, s.sampleDate());
        if (r.reportedBelowLod()) {
          b.belowLod(r.lodMgPerKg());
        } else if (r.reportedBelowLoq()) {
          b.belowLoq(r.loqMgPerKg());
          if (r.lodMgPerKg() != null) {
            b.lod(r.lodMgPerKg());
          }
        } else {
          b.value(r.valueMgPerKg()).lod(r.lodMgPerKg()).loq(r.loqMgPerKg());
        }
        if (r.publishedMrlMgPerKg() != null) {
          String flags =
              r.publishedMrlFlags() == null || r.publishedMrlFlags().isEmpty()
                  ? ""
                  : " " + r.publishedMrlFlags();
          b.publishedMrl(r.publishedMrlMgPerKg(), publishedSource(s.sourceSystem()) + flags);
        }
        ResultJudgement j = Verdicts.judgeQuantitative(b.build(), limits, bans);
        quantitative.add(j);
        judged.add(new JudgedResult(r, analyte(cn, r), j, null, null, false));
      }
    }
    // Rapid confirmations against the quantitative results of the same sample.
    RapidOutcome rapidOutcome = null;
    Confirmation rapidConfirmation = null;
    if (!rapids.isEmpty()) {
      boolean anyPositive = rapids.stream().anyMatch(j -> j.outcome() == RapidOutcome.POSITIVE);
      rapidOutcome = anyPositive ? RapidOutcome.POSITIVE : RapidOutcome.NEGATIVE;
      for (int i = 0; i < judged.size(); i++) {
        JudgedResult jr = judged.get(i);
        if (jr.rapid() != null) {
          Confirmation c = Verdicts.confirm(jr.rapid(), quantitative);
          judged.set(
              i,
              new JudgedResult(
                  jr.result(), jr.analyteCode(), null, jr.rapid(), c, jr.falsePositiveProne()));
          if (jr.rapid().outcome() == RapidOutcome.POSITIVE) {
            rapidConfirmation = Confirmation.worst(rapidConfirmation, c);
          }
        }
      }
    }
    SampleVerdict published = toRisk(s.publishedSampleVerdict());
    SampleJudgement sj = null;
    SampleStatus verdict;
    TestKind kind;
    if (quantitative.isEmpty() && !rapids.isEmpty() && published == null) {
      kind = TestKind.RAPID;
      verdict = SampleStatus.NOT_JUDGED;
    } else if (results.isEmpty()
        && published == null
        && "true".equals(s.attributes().get(PrifAdapter.ATTR_NONE_DETECTED))) {
      sj = SampleVerdicts.noneDetected();
      verdict = SampleStatus.of(sj.verdict());
      kind = TestKind.QUANTITATIVE;
    } else {
      sj = SampleVerdicts.judgeSample(quantitative, published);
      verdict = SampleStatus.of(sj.verdict());
      kind = TestKind.of(!quantitative.isEmpty(), !rapids.isEmpty(), published != null);
    }
    int detected = (int) quantitative.stream().filter(j -> j.detection().isDetected()).count();
    return new JudgedSample(
        s,
        commodity,
        reference.categoryOf(commodity),
        sj,
        verdict,
        kind,
        rapidOutcome,
        rapidConfirmation,
        detected,
        judged);
  }

  private String analyte(boolean cn, ParsedResult r) {
    return cn ? reference.resolveAnalyte(r.analyteCode()) : r.analyteCode();
  }

  static String publishedSource(SourceSystem s) {
    return switch (s) {
      case UK_PRIF -> "MRL published by UK PRiF (GB/EU MRL)";
      case CN_SAMR -> "limit published in the SAMR notice";
      case PLATFORM_UPLOAD -> "limit reported by the lab";
    };
  }

  static SampleVerdict toRisk(org.agrisafe.intake.model.SampleVerdict v) {
    return v == null ? null : SampleVerdict.valueOf(v.name());
  }
}
