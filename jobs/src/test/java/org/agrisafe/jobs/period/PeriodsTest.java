package org.agrisafe.jobs.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodsTest {
  @Test
  void previousAndYearBeforeAcrossTheYearBoundary() {
    assertEquals("2021-12", Periods.previous(PeriodType.MONTH, "2022-01"));
    assertEquals("2021-01", Periods.yearBefore(PeriodType.MONTH, "2022-01"));
    assertEquals("2021-Q4", Periods.previous(PeriodType.QUARTER, "2022-Q1"));
    assertEquals("2021-Q1", Periods.yearBefore(PeriodType.QUARTER, "2022-Q1"));
    assertEquals("2021", Periods.previous(PeriodType.YEAR, "2022"));
  }

  @Test
  void lastNMonthsOldestFirst() {
    assertEquals(
        List.of("2021-11", "2021-12", "2022-01"), Periods.lastN(PeriodType.MONTH, "2022-01", 3));
    assertEquals(12, Periods.lastN(PeriodType.MONTH, "2022-06", 12).size());
    assertEquals("2021-07", Periods.lastN(PeriodType.MONTH, "2022-06", 12).get(0));
  }

  @Test
  void monthsAndLastDayOfAQuarter() {
    assertEquals(
        List.of("2022-04", "2022-05", "2022-06"), Periods.months(PeriodType.QUARTER, "2022-Q2"));
    assertEquals(LocalDate.of(2022, 6, 30), Periods.lastDay(PeriodType.QUARTER, "2022-Q2"));
    assertEquals(LocalDate.of(2024, 2, 29), Periods.lastDay(PeriodType.MONTH, "2024-02"));
    assertEquals("2022-Q4", Periods.ofMonth(PeriodType.QUARTER, "2022-12"));
  }

  @Test
  void aMalformedPeriodNamesTheExpectedPattern() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Periods.previous(PeriodType.MONTH, "2022-13"));
    assertEquals("Invalid period '2022-13': expected the MONTH pattern yyyy-MM", e.getMessage());
  }
}
