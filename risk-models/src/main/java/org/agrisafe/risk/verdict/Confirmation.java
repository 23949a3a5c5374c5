package org.agrisafe.risk.verdict;

/** Whether a rapid-test positive was confirmed by quantitative tests on the same sample. */
public enum Confirmation {
  /** At least one quantitative result on the same sample is FAIL: the sample fails. */
  CONFIRMED_FAIL,
  /** Quantitative results exist and none is FAIL: the positive was not confirmed. */
  NOT_CONFIRMED,
  /** The rapid test is positive and no quantitative result exists yet. */
  AWAITING_CONFIRMATION,
  /** The rapid test is negative: there is nothing to confirm. */
  NOT_APPLICABLE
}
