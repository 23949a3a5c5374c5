package org.agrisafe.risk.score;

import java.util.List;
import org.agrisafe.risk.common.NotAssessed;

/**
 * Result of {@link BetaBinomialScores#score}.
 *
 * @param prior        the prior fitted across units, with its method
 * @param targetRate   the target used for the ranking probability
 * @param scores       unit scores, ranked (rank 1 first)
 * @param notAssessed  units not scored (bad dates, duplicate keys) and an empty group, each with its reason
 */
public record ScoreReport(
    PriorFit prior, double targetRate, List<UnitScore> scores, List<NotAssessed> notAssessed) {
  public ScoreReport {
    scores = List.copyOf(scores);
    notAssessed = List.copyOf(notAssessed);
  }
}
