package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of one sample and its counts, from {@link SampleVerdicts#judgeSample}.
 *
 * @param verdict PASS or FAIL; the published verdict where the source gives one
 * @param verdictPublishedBySource true when {@code verdict} is the source's published sample-level verdict
 *     (合格/不合格)
 * @param computedVerdict the verdict computed from the results; null when there are none
 * @param nResults number of result judgements
 * @param hasDetection at least one result detected (&ge; LOD)
 * @param hasExceedance at least one result exceeds its limit (超标)
 * @param hasNonCompliant at least one result is non-compliant (value − U &gt; MRL; EFSA extra figure)
 * @param hasBannedDetection at least one detection of a substance with a verified ban in force
 * @param nNoStandard number of NO_STANDARD results (detected or not)
 * @param nNoStandardDetected number of NO_STANDARD results that were detected
 * @param detectedWithoutStandard the sample is not FAIL and its only detections are NO_STANDARD ones (counted in
 *     the separate "detected without a standard" figure)
 * @param failingResultIds ids of the FAIL results
 */
public record SampleJudgement(
    SampleVerdict verdict,
    boolean verdictPublishedBySource,
    SampleVerdict computedVerdict,
    int nResults,
    boolean hasDetection,
    boolean hasExceedance,
    boolean hasNonCompliant,
    boolean hasBannedDetection,
    int nNoStandard,
    int nNoStandardDetected,
    boolean detectedWithoutStandard,
    List<String> failingResultIds)
    implements Serializable {

  /** Validates; copies the list. */
  public SampleJudgement {
    Objects.requireNonNull(verdict, "SampleJudgement: verdict is null");
    failingResultIds = List.copyOf(failingResultIds);
    if (!verdictPublishedBySource && verdict != computedVerdict) {
      throw new IllegalArgumentException(
          "SampleJudgement: verdict "
              + verdict
              + " is neither published nor the computed "
              + computedVerdict);
    }
  }

  /** Whether the source's published verdict and the verdict computed from its results disagree. */
  public boolean publishedDisagreesWithComputed() {
    return verdictPublishedBySource && computedVerdict != null && computedVerdict != verdict;
  }
}
