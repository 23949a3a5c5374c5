package org.agrisafe.jobs.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.agrisafe.jobs.maps.HeatMapSpec;
import org.agrisafe.jobs.risk.RiskParameters;
import org.junit.jupiter.api.Test;

class PeriodTypeTest {
  @Test
  void namesAreTheCliAndColumnValues() {
    assertEquals(
        List.of("MONTH", "QUARTER", "YEAR"),
        EnumSet.allOf(PeriodType.class).stream().map(Enum::name).toList());
  }

  @Test
  void matchesItsOwnPatternOnly() {
    assertTrue(PeriodType.MONTH.matches("2022-06"));
    assertFalse(PeriodType.MONTH.matches("2022-13"));
    assertFalse(PeriodType.MONTH.matches("2022"));
    assertTrue(PeriodType.QUARTER.matches("2022-Q4"));
    assertFalse(PeriodType.QUARTER.matches("2022-Q5"));
    assertTrue(PeriodType.YEAR.matches("2022"));
    assertFalse(PeriodType.YEAR.matches("2022-06"));
    assertFalse(PeriodType.YEAR.matches(null));
  }

  @Test
  void requireOneOfNamesTheTypeTheJobAndTheSupportedTypes() {
    assertEquals(
        PeriodType.YEAR,
        PeriodType.YEAR.requireOneOf(
            EnumSet.of(PeriodType.YEAR, PeriodType.MONTH), "the heat maps"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PeriodType.QUARTER.requireOneOf(
                    EnumSet.of(PeriodType.YEAR, PeriodType.MONTH), "the heat maps"));
    assertEquals(
        "Period type QUARTER is not supported by the heat maps: expected one of [MONTH, YEAR]",
        e.getMessage());
  }

  @Test
  void specsThatSupportASubsetRejectTheOthersInTheirConstructor() {
    IllegalArgumentException risk =
        assertThrows(
            IllegalArgumentException.class,
            () -> RiskParameters.defaults().withPeriods(PeriodType.QUARTER, null, null));
    assertEquals(
        "Period type QUARTER is not supported by the risk assessment: expected one of [MONTH, YEAR]",
        risk.getMessage());
    IllegalArgumentException maps =
        assertThrows(
            IllegalArgumentException.class,
            () -> HeatMapSpec.defaults().withPeriodType(PeriodType.QUARTER));
    assertEquals(
        "Period type QUARTER is not supported by the heat maps: expected one of [MONTH, YEAR]",
        maps.getMessage());
    assertEquals(
        PeriodType.MONTH, HeatMapSpec.defaults().withPeriodType(PeriodType.MONTH).periodType());
    assertEquals(
        PeriodType.MONTH,
        RiskParameters.defaults().withPeriods(PeriodType.MONTH, "2022-01", "2022-06").periodType());
  }
}
