package org.agrisafe.jobs.period;

import java.util.Objects;
import java.util.Set;

/**
 * Period granularity of every job's output (pass rates, risk assessment, heat maps, bulletins), cut in the
 * deployment's zone from the stored local {@code sample_date} / {@code sample_month} (docs/conventions.md §13.4–§13.5). The enum
 * name is the value of the {@code --period-type} CLI options and of the tables' {@code period_type} columns.
 *
 * <p>Not every job supports every type: a spec that supports a subset checks it in its constructor with
 * {@link #requireOneOf}.
 */
public enum PeriodType {
  /** Calendar month, periods {@code yyyy-MM}. */
  MONTH("yyyy-MM", "\\d{4}-(0[1-9]|1[0-2])"),
  /** Calendar quarter, periods {@code yyyy-Qn}. */
  QUARTER("yyyy-Qn", "\\d{4}-Q[1-4]"),
  /** Calendar year, periods {@code yyyy}. */
  YEAR("yyyy", "\\d{4}");

  /** The period's pattern in words, for messages, e.g. {@code yyyy-MM}. */
  public final String pattern;

  private final String regex;

  PeriodType(String pattern, String regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  /** Whether {@code period} is a period of this type ({@link #pattern}); false for null. */
  public boolean matches(String period) {
    return period != null && period.matches(regex);
  }

  /**
   * Checks that this type is one a job supports.
   *
   * @param supported the types the job supports
   * @param what the job or spec, for the message (e.g. "the risk assessment")
   * @return this type
   * @throws IllegalArgumentException naming the type, the job and the supported types when it is not supported
   */
  public PeriodType requireOneOf(Set<PeriodType> supported, String what) {
    Objects.requireNonNull(supported, "supported");
    if (!supported.contains(this)) {
      throw new IllegalArgumentException(
          "Period type "
              + this
              + " is not supported by "
              + what
              + ": expected one of "
              + supported);
    }
    return this;
  }
}
