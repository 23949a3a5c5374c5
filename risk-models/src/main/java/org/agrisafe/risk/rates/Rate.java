package org.agrisafe.risk.rates;

import java.io.Serializable;
import java.util.Objects;

/**
 * A rate with its counts and 95 % Wilson score interval: pass rate (合格率) = PASS samples / judged samples,
 * detection rate (检出率) and exceedance rate (超标率) = samples / tested samples (docs/conventions.md §12.2).
 *
 * <p>{@code value} and the interval bounds are proportions in [0, 1], not percentages; use {@link #percent()} only
 * for display. An empty group ({@code denominator == 0}) has no rate: {@code value} and {@code wilson95} are null,
 * never 100 %.
 *
 * @param numerator count in the numerator, 0 &le; numerator &le; denominator
 * @param denominator count in the denominator, &ge; 0
 * @param value numerator / denominator as a proportion in [0, 1]; null when the denominator is 0
 * @param wilson95 95 % Wilson score interval ({@link BinomialIntervals#wilson(long, long)}); null when the
 *     denominator is 0
 */
public record Rate(long numerator, long denominator, Double value, BinomialInterval wilson95)
    implements Serializable {

  /**
   * Checks that the value and interval are the ones {@link #of(long, long)} computes.
   *
   * @throws IllegalArgumentException if the counts are out of range or the value or interval is inconsistent with
   *     them
   */
  public Rate {
    if (denominator < 0) {
      throw new IllegalArgumentException(
          "Cannot create Rate: denominator " + denominator + " is negative");
    }
    if (numerator < 0) {
      throw new IllegalArgumentException(
          "Cannot create Rate: numerator " + numerator + " is negative");
    }
    if (numerator > denominator) {
      throw new IllegalArgumentException(
          "Cannot create Rate: numerator " + numerator + " exceeds denominator " + denominator);
    }
    if (denominator == 0 && (value != null || wilson95 != null)) {
      throw new IllegalArgumentException(
          "Cannot create Rate: an empty group (denominator 0) has no value and no interval, got value "
              + value
              + " and interval "
              + wilson95);
    }
    if (denominator > 0) {
      Objects.requireNonNull(
          value, "Cannot create Rate: value is null for denominator " + denominator);
      Objects.requireNonNull(
          wilson95, "Cannot create Rate: interval is null for denominator " + denominator);
      if (value.doubleValue() != (double) numerator / denominator) {
        throw new IllegalArgumentException(
            "Cannot create Rate: value " + value + " is not " + numerator + "/" + denominator);
      }
      if (wilson95.method() != IntervalMethod.WILSON) {
        throw new IllegalArgumentException(
            "Cannot create Rate: interval method " + wilson95.method() + " is not WILSON");
      }
    }
  }

  /**
   * Builds a rate with its 95 % Wilson interval.
   *
   * @param numerator e.g. samples with an exceedance
   * @param denominator e.g. samples tested; 0 gives an empty rate (value and interval null)
   * @return the rate
   * @throws IllegalArgumentException if a count is negative or numerator &gt; denominator
   */
  public static Rate of(long numerator, long denominator) {
    if (denominator == 0 && numerator == 0) {
      return new Rate(0, 0, null, null);
    }
    BinomialInterval interval = BinomialIntervals.wilson(numerator, denominator).orElse(null);
    return new Rate(numerator, denominator, (double) numerator / denominator, interval);
  }

  /** Whether the group is empty (denominator 0), i.e. has no rate. */
  public boolean isEmpty() {
    return denominator == 0;
  }

  /** The value as a percentage in [0, 100] for display only; null for an empty group. */
  public Double percent() {
    return value == null ? null : value * 100.0;
  }
}
