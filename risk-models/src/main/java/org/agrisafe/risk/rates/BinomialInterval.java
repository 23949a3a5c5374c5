package org.agrisafe.risk.rates;

import java.io.Serializable;
import java.util.Objects;

/**
 * A two-sided confidence interval for a binomial proportion.
 *
 * <p>Bounds are proportions in [0, 1] (not percentages; multiply by 100 for display), with {@code lower <=
 * upper}.
 *
 * @param lower lower bound, proportion in [0, 1]
 * @param upper upper bound, proportion in [0, 1]
 * @param method the method that produced the bounds
 */
public record BinomialInterval(double lower, double upper, IntervalMethod method)
    implements Serializable {

  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException if a bound is not a number in [0, 1] or lower &gt; upper
   * @throws NullPointerException if method is null
   */
  public BinomialInterval {
    Objects.requireNonNull(method, "Cannot create BinomialInterval: method is null");
    if (!(lower >= 0.0 && lower <= 1.0)) {
      throw new IllegalArgumentException(
          "Cannot create BinomialInterval: lower bound "
              + lower
              + " is not a proportion in [0, 1]");
    }
    if (!(upper >= 0.0 && upper <= 1.0)) {
      throw new IllegalArgumentException(
          "Cannot create BinomialInterval: upper bound "
              + upper
              + " is not a proportion in [0, 1]");
    }
    if (lower > upper) {
      throw new IllegalArgumentException(
          "Cannot create BinomialInterval: lower bound "
              + lower
              + " is above upper bound "
              + upper);
    }
  }
}
