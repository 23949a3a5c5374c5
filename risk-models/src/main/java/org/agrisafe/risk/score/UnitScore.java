package org.agrisafe.risk.score;

/**
 * Score of one unit with all its components.
 *
 * @param unitKey                unit
 * @param status                 SCORED, or NO_HISTORY for a unit without samples (posterior = prior)
 * @param samples                judged samples (count)
 * @param failures               failed samples (count)
 * @param bannedFindings         samples with a banned-substance finding (count) — a separate component, not part
 *                               of the failure rate or the ranking probability
 * @param weightedSamples        Σ recency weights of the samples, n_i
 * @param weightedFailures       Σ recency weights of the failures, x_i
 * @param weightedBannedFindings Σ recency weights of the banned findings
 * @param observedRate           failures / samples (unweighted); null when no samples
 * @param posteriorAlpha         α + x_i
 * @param posteriorBeta          β + n_i − x_i
 * @param posteriorMean          shrunk failure rate, in [0, 1]
 * @param probabilityAboveTarget P(true rate &gt; target | data), in [0, 1]; the ranking key
 * @param rank                   1 = most likely above target
 */
public record UnitScore(
    String unitKey,
    Status status,
    int samples,
    int failures,
    int bannedFindings,
    double weightedSamples,
    double weightedFailures,
    double weightedBannedFindings,
    Double observedRate,
    double posteriorAlpha,
    double posteriorBeta,
    double posteriorMean,
    double probabilityAboveTarget,
    int rank) {

  /** Whether the unit had any history. */
  public enum Status {
    SCORED,
    NO_HISTORY
  }
}
