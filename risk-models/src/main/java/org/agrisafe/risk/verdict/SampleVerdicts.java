package org.agrisafe.risk.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Sample-level verdicts (docs/conventions.md §10). */
public final class SampleVerdicts {
  private SampleVerdicts() {}

  /**
   * Judges a sample from its quantitative result judgements.
   *
   * <ol>
   *   <li>FAIL if any result is FAIL; otherwise PASS. All not detected is PASS; detections that are only
   *       NO_STANDARD give PASS with {@code detectedWithoutStandard}.
   *   <li>Where the source publishes a sample-level verdict (the Chinese notices' 合格/不合格), that verdict is kept
   *       and marked as published by the source; the computed verdict is reported beside it.
   * </ol>
   *
   * @param results the sample's result judgements; may be empty only when a published verdict is given
   * @param publishedSourceVerdict the source's sample-level verdict, or null if it publishes none (see {@link
   *     SampleVerdict#fromPublishedChinese})
   * @return the judgement
   * @throws IllegalArgumentException if there are no results and no published verdict
   */
  public static SampleJudgement judgeSample(
      List<ResultJudgement> results, SampleVerdict publishedSourceVerdict) {
    Objects.requireNonNull(results, "judgeSample: results is null (use List.of())");
    if (results.isEmpty() && publishedSourceVerdict == null) {
      throw new IllegalArgumentException(
          "Cannot judge a sample with no results and no published verdict: expected at least one of them");
    }
    boolean hasDetection = false;
    boolean hasExceedance = false;
    boolean hasNonCompliant = false;
    boolean hasBanned = false;
    int nNoStandard = 0;
    int nNoStandardDetected = 0;
    int nDetectedWithStandard = 0;
    List<String> failing = new ArrayList<>();
    for (ResultJudgement r : results) {
      Objects.requireNonNull(r, "judgeSample: a result judgement is null");
      boolean detected = r.detection().isDetected();
      hasDetection |= detected;
      hasExceedance |= r.exceeds();
      hasNonCompliant |= r.nonCompliant();
      hasBanned |= r.bannedDetection();
      if (r.verdict() == Verdict.NO_STANDARD) {
        nNoStandard++;
        if (detected) {
          nNoStandardDetected++;
        }
      } else if (detected) {
        nDetectedWithStandard++;
      }
      if (r.verdict() == Verdict.FAIL) {
        failing.add(r.resultId());
      }
    }
    SampleVerdict computed =
        results.isEmpty() ? null : (failing.isEmpty() ? SampleVerdict.PASS : SampleVerdict.FAIL);
    SampleVerdict verdict = publishedSourceVerdict != null ? publishedSourceVerdict : computed;
    boolean detectedWithoutStandard =
        verdict == SampleVerdict.PASS && nNoStandardDetected > 0 && nDetectedWithStandard == 0;
    return new SampleJudgement(
        verdict,
        publishedSourceVerdict != null,
        computed,
        results.size(),
        hasDetection,
        hasExceedance,
        hasNonCompliant,
        hasBanned,
        nNoStandard,
        nNoStandardDetected,
        detectedWithoutStandard,
        failing);
  }

  /**
   * The judgement of a sample that was tested and whose source reports that no analyte was detected above the
   * reporting limit, without listing the analytes (e.g. UK PRiF "None were detected above the set RL"):
   * PASS, with no detection (docs/conventions.md §10.2).
   */
  public static SampleJudgement noneDetected() {
    return new SampleJudgement(
        SampleVerdict.PASS,
        false,
        SampleVerdict.PASS,
        0,
        false,
        false,
        false,
        false,
        0,
        0,
        false,
        List.of());
  }
}
