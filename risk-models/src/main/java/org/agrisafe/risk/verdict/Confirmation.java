package org.agrisafe.risk.verdict;

import java.util.List;

/**
 * Whether a rapid-test positive was confirmed by quantitative tests on the same sample (docs/conventions.md §9.3).
 * Stored by {@link #name()} in the {@code rapid_confirmation} columns.
 */
public enum Confirmation {
  /** At least one quantitative result on the same sample is FAIL: the sample fails. */
  CONFIRMED_FAIL,
  /** Quantitative results exist and none is FAIL: the positive was not confirmed. */
  NOT_CONFIRMED,
  /** The rapid test is positive and no quantitative result exists yet. */
  AWAITING_CONFIRMATION,
  /** The rapid test is negative: there is nothing to confirm. */
  NOT_APPLICABLE;

  private static final List<Confirmation> WORST_FIRST =
      List.of(CONFIRMED_FAIL, AWAITING_CONFIRMATION, NOT_CONFIRMED, NOT_APPLICABLE);

  /**
   * The order in which a sample's rapid positives are summed up, worst first: CONFIRMED_FAIL,
   * AWAITING_CONFIRMATION, NOT_CONFIRMED, NOT_APPLICABLE. A sample's {@code rapid_confirmation} is the worst
   * state of its positives (docs/conventions.md §9.3): one confirmed positive makes the sample CONFIRMED_FAIL, and
   * a positive still awaiting its quantitative test outweighs one that was not confirmed.
   */
  public static List<Confirmation> worstFirst() {
    return WORST_FIRST;
  }

  /**
   * The worse of two states in the {@linkplain #worstFirst() worst-first order}.
   *
   * @param current the worst state so far, or null for none yet
   * @param next a state, not null
   * @return {@code next} if {@code current} is null or better than it, else {@code current}
   */
  public static Confirmation worst(Confirmation current, Confirmation next) {
    java.util.Objects.requireNonNull(next, "Confirmation.worst: next is null");
    if (current == null || WORST_FIRST.indexOf(next) < WORST_FIRST.indexOf(current)) {
      return next;
    }
    return current;
  }
}
