package org.agrisafe.jobs.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Period arithmetic on the period keys of {@code analytics.pass_rates}: {@code yyyy-MM}, {@code yyyy-Qn} and
 * {@code yyyy}, all cut in the deployment's zone (the keys carry no zone; the jobs that wrote them did the cut).
 * Pure functions; every method throws {@link IllegalArgumentException} on a key that does not match its type.
 */
public final class Periods {
  private Periods() {}

  /** The period before {@code period} (环比 reference): 2022-01 -> 2021-12, 2022-Q1 -> 2021-Q4, 2022 -> 2021. */
  public static String previous(PeriodType type, String period) {
    return shift(type, period, -1);
  }

  /** The same period one year before (同比 reference): 2022-06 -> 2021-06, 2022-Q2 -> 2021-Q2. */
  public static String yearBefore(PeriodType type, String period) {
    return switch (type) {
      case MONTH -> shift(type, period, -12);
      case QUARTER -> shift(type, period, -4);
      case YEAR -> shift(type, period, -1);
    };
  }

  /** The {@code n} periods ending with {@code period}, oldest first (trend charts). */
  public static List<String> lastN(PeriodType type, String period, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Number of periods " + n + ": expected >= 1");
    }
    List<String> out = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      out.add(shift(type, period, -i));
    }
    return out;
  }

  /** The months ({@code yyyy-MM}) a period covers, in order. */
  public static List<String> months(PeriodType type, String period) {
    check(type, period);
    YearMonth first = firstMonth(type, period);
    int count =
        switch (type) {
          case MONTH -> 1;
          case QUARTER -> 3;
          case YEAR -> 12;
        };
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(first.plusMonths(i).toString());
    }
    return out;
  }

  /** Last local day of the period. */
  public static LocalDate lastDay(PeriodType type, String period) {
    List<String> m = months(type, period);
    return YearMonth.parse(m.get(m.size() - 1)).atEndOfMonth();
  }

  /** The period of {@code type} that contains month {@code yyyy-MM}. */
  public static String ofMonth(PeriodType type, String month) {
    YearMonth ym = YearMonth.parse(month);
    return switch (type) {
      case MONTH -> ym.toString();
      case QUARTER -> ym.getYear() + "-Q" + ((ym.getMonthValue() - 1) / 3 + 1);
      case YEAR -> Integer.toString(ym.getYear());
    };
  }

  private static YearMonth firstMonth(PeriodType type, String period) {
    return switch (type) {
      case MONTH -> YearMonth.parse(period);
      case QUARTER ->
          YearMonth.of(
              Integer.parseInt(period.substring(0, 4)),
              (Integer.parseInt(period.substring(6)) - 1) * 3 + 1);
      case YEAR -> YearMonth.of(Integer.parseInt(period), 1);
    };
  }

  private static String shift(PeriodType type, String period, int steps) {
    check(type, period);
    YearMonth first = firstMonth(type, period);
    return switch (type) {
      case MONTH -> first.plusMonths(steps).toString();
      case QUARTER -> ofMonth(PeriodType.QUARTER, first.plusMonths(3L * steps).toString());
      case YEAR -> Integer.toString(first.getYear() + steps);
    };
  }

  private static void check(PeriodType type, String period) {
    if (period == null || !type.matches(period)) {
      throw new IllegalArgumentException(
          "Invalid period '" + period + "': expected the " + type + " pattern " + type.pattern);
    }
  }
}
