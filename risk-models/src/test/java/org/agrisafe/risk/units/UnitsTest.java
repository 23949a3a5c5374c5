package org.agrisafe.risk.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

  @ParameterizedTest(name = "{0} {1} = {2} mg/kg")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.05 | mg/kg     | 0.05",
        "0.05 | mg/Kg     | 0.05",
        "0.05 | MG/KG     | 0.05",
        "0.05 | mg kg-1   | 0.05",
        "0.05 | mg·kg⁻¹   | 0.05",
        "527  | \u00B5g/kg | 0.527",
        "527  | \u03BCg/kg | 0.527",
        "527  | ug/kg     | 0.527",
        "527  | μg kg-1   | 0.527",
        "0.5  | μg/g      | 0.5",
        "0.5  | µg/g      | 0.5",
        "2    | g/kg      | 2000",
        "15   | ng/g      | 0.015",
        "0.05 | ｍｇ／ｋｇ  | 0.05",
        "527  | ｕｇ／ｋｇ  | 0.527",
        "527  | μｇ／ｋｇ   | 0.527",
      })
  void convertsKnownUnits(double value, String unit, double expectedMgPerKg) {
    assertEquals(expectedMgPerKg, Units.toMgPerKg(value, unit), 0.0, unit);
    assertTrue(Units.isKnownUnit(unit));
  }

  @Test
  void microSignAndGreekMuAreTheSameUnit() {
    assertEquals('\u00B5', "\u00B5g/kg".charAt(0));
    assertEquals('\u03BC', "\u03BCg/kg".charAt(0));
    assertEquals(Units.toMgPerKg(1.0, "\u00B5g/kg"), Units.toMgPerKg(1.0, "\u03BCg/kg"));
    assertEquals(-3, Units.decimalExponentToMgPerKg("\u00B5g/kg"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"mg/L", "mg", "%", "mg/kg bw", "Mg/kg", "kg/mg", "cfu/g", "mmol/kg", "ppt", " "})
  void rejectsUnknownUnitsNamingThem(String unit) {
    UnknownUnitException e =
        assertThrows(UnknownUnitException.class, () -> Units.toMgPerKg(1.0, unit));
    assertEquals(unit, e.unit());
    assertTrue(e.getMessage().contains("'" + unit + "'"), e.getMessage());
    assertTrue(e instanceof IllegalArgumentException);
    assertFalse(Units.isKnownUnit(unit));
  }

  @Test
  void rejectsNullUnitAndBadValues() {
    assertThrows(UnknownUnitException.class, () -> Units.toMgPerKg(1.0, null));
    assertThrows(IllegalArgumentException.class, () -> Units.toMgPerKg(-0.1, "mg/kg"));
    assertThrows(IllegalArgumentException.class, () -> Units.toMgPerKg(Double.NaN, "mg/kg"));
  }

  @Test
  void parsesValuesGluedToUnits() {
    ValueWithUnit v = Units.parseValueWithUnit("527μg/kg");
    assertEquals(527.0, v.value());
    assertEquals("μg/kg", v.unit());
    assertEquals(0.527, v.valueMgPerKg());
    assertEquals(0.19, Units.parseValueWithUnit("0.19mg/kg").valueMgPerKg());
    assertEquals(0.05, Units.parseValueWithUnit(" 0.05 mg/kg ").valueMgPerKg());
    assertEquals(0.5, Units.parseValueWithUnit("０．５ｍｇ／ｋｇ").valueMgPerKg());
    assertEquals(0.527, Units.parseValueWithUnit("527\u00B5g/kg").valueMgPerKg());
    assertEquals(0.001, Units.parseValueWithUnit("1e-3mg/kg").valueMgPerKg(), 1e-18);
    assertThrows(IllegalArgumentException.class, () -> Units.parseValueWithUnit("0.O2mg/kg"));
    assertThrows(IllegalArgumentException.class, () -> Units.parseValueWithUnit("0.05"));
    assertThrows(UnknownUnitException.class, () -> Units.parseValueWithUnit("0.05mg/L"));
    assertThrows(IllegalArgumentException.class, () -> Units.parseValueWithUnit(null));
  }

  @Test
  void parsesChineseLimitText() {
    LimitSpec a = LimitSpec.parse("≤100μg/kg");
    assertEquals(LimitType.NUMERIC_MRL, a.type());
    assertEquals(0.1, a.valueMgPerKg());
    assertEquals("≤100μg/kg", a.sourceText());
    assertEquals(0.5, LimitSpec.parse("≤0.5mg/kg").valueMgPerKg());
    assertEquals(0.01, LimitSpec.parse("<0.01mg/kg").valueMgPerKg());
    assertEquals(0.01, LimitSpec.parse("<=0.01 mg/kg").valueMgPerKg());
    assertEquals(0.01, LimitSpec.parse("＜0.01ｍｇ／ｋｇ").valueMgPerKg());
    assertEquals(0.01, LimitSpec.parse("≦10μg/kg").valueMgPerKg());
    assertEquals(0.02, LimitSpec.parse("0.02 mg/kg").valueMgPerKg());
    // Wording of the Zichuan notice 2022 No.35 (reference-data/limits/gb2763_partial_mrl.csv).
    assertEquals(0.05, LimitSpec.parse("标准规定为≤0.05mg/kg").valueMgPerKg());
    assertEquals(0.2, LimitSpec.parse("标准值为≤0.2mg/kg").valueMgPerKg());

    LimitSpec nd = LimitSpec.parse("不得检出");
    assertEquals(LimitType.NOT_DETECTABLE, nd.type());
    assertNull(nd.valueMgPerKg());
    assertEquals(LimitType.NOT_DETECTABLE, LimitSpec.parse(" 不得檢出 ").type());
  }

  @Test
  void rejectsLimitTextThatIsNotALimit() {
    assertThrows(UnknownUnitException.class, () -> LimitSpec.parse("≤0.2"));
    assertThrows(IllegalArgumentException.class, () -> LimitSpec.parse("≥0.2mg/kg"));
    assertThrows(IllegalArgumentException.class, () -> LimitSpec.parse("未检出"));
    assertThrows(IllegalArgumentException.class, () -> LimitSpec.parse(""));
    assertThrows(IllegalArgumentException.class, () -> LimitSpec.parse("≤0mg/kg"));
    assertThrows(UnknownUnitException.class, () -> LimitSpec.parse("≤0.2mg/L"));
    assertThrows(
        IllegalArgumentException.class, () -> new LimitSpec(LimitType.NOT_DETECTABLE, 0.1, "x"));
  }
}
