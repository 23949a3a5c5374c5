package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.util.Objects;

/**
 * The judgement of a rapid test. Rapid-test statistics are reported apart from quantitative ones.
 *
 * @param resultId the result's id
 * @param method the method
 * @param outcome POSITIVE (suspected) or NEGATIVE
 * @param falsePositiveProne a POSITIVE enzyme-inhibition result on an allium or wild-rice stem, which are known to
 *     give false positives
 * @param reason a sentence such as "inhibition 62.5 % ≥ 50 % (GB/T 5009.199): POSITIVE (suspected)"
 */
public record RapidJudgement(
    String resultId,
    RapidMethod method,
    RapidOutcome outcome,
    boolean falsePositiveProne,
    String reason)
    implements Serializable {

  /** Validates the fields. */
  public RapidJudgement {
    Objects.requireNonNull(resultId, "RapidJudgement: resultId is null");
    Objects.requireNonNull(method, "RapidJudgement: method is null");
    Objects.requireNonNull(outcome, "RapidJudgement: outcome is null");
    Objects.requireNonNull(reason, "RapidJudgement: reason is null");
    if (falsePositiveProne && outcome != RapidOutcome.POSITIVE) {
      throw new IllegalArgumentException(
          "RapidJudgement '" + resultId + "': only a POSITIVE can be flagged false-positive-prone");
    }
  }
}
