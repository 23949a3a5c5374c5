package org.agrisafe.risk.score;

import java.time.LocalDate;

/**
 * {@code count} judged samples of a producer or region with the same date and outcome (1 for one sample). Counting
 * identical outcomes once keeps a unit's history bounded by its dates, not by its samples, at national scale.
 *
 * @param sampleDate     sampling date, local date in the deployment's zone (Asia/Shanghai by default)
 * @param failed         true when the samples FAILED (a result exceeds its MRL, docs/conventions.md §10.1)
 * @param bannedFinding  true when a substance banned for that commodity on that date was detected
 * @param count          number of samples with this date and outcome, &gt;= 1
 * @throws IllegalArgumentException if {@code count} &lt; 1
 */
public record SampleOutcome(
    LocalDate sampleDate, boolean failed, boolean bannedFinding, int count) {

  public SampleOutcome {
    if (count < 1) {
      throw new IllegalArgumentException(
          "Invalid sample count " + count + " on " + sampleDate + ": expected an integer >= 1");
    }
  }

  /** One sample. */
  public SampleOutcome(LocalDate sampleDate, boolean failed, boolean bannedFinding) {
    this(sampleDate, failed, bannedFinding, 1);
  }
}
