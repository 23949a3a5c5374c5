package org.agrisafe.risk.score;

import java.time.LocalDate;

/**
 * One judged sample of a producer or region.
 *
 * @param sampleDate     sampling date, local date in the deployment's zone (Asia/Shanghai by default)
 * @param failed         true when the sample FAILED (a result exceeds its MRL, CONVENTIONS "Verdict of a sample")
 * @param bannedFinding  true when a substance banned for that commodity on that date was detected
 */
public record SampleOutcome(LocalDate sampleDate, boolean failed, boolean bannedFinding) {
}
