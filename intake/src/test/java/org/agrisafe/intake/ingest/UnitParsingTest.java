package org.agrisafe.intake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitParsingTest {

  @Test
  void convertsTheListedUnitsToMgPerKg() {
    UnitConverter c = UnitConverter.DEFAULT;
    assertEquals(0.5, c.toMgPerKg(0.5, "mg/kg"), 0.0);
    assertEquals(0.527, c.toMgPerKg(527, "\u00b5g/kg"), 1e-12, "MICRO SIGN");
    assertEquals(0.527, c.toMgPerKg(527, "\u03bcg/kg"), 1e-12, "GREEK SMALL LETTER MU");
    assertEquals(0.527, c.toMgPerKg(527, "ug/kg"), 1e-12);
    assertEquals(0.527, c.toMgPerKg(527, " UG / KG "), 1e-12, "case and spaces ignored");
    assertEquals(3.0, c.toMgPerKg(3, "\u03bcg/g"), 0.0);
    assertEquals(161.0, c.toMgPerKg(0.161, "g/kg"), 1e-9);
  }

  @Test
  void rejectsUnknownUnitsWithoutGuessing() {
    for (String u : new String[] {"ppm", "ppb", "mg/L", "CFU/g", "g/100g", "", "kg/kg", "μg"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> UnitConverter.DEFAULT.toMgPerKg(1.0, u), u);
      assertTrue(
          e.getMessage().contains("'" + u + "'")
              && e.getMessage().toLowerCase().contains("unknown"),
          e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> UnitConverter.DEFAULT.toMgPerKg(1.0, null));
    assertThrows(
        IllegalArgumentException.class, () -> UnitConverter.DEFAULT.toMgPerKg(Double.NaN, "mg/kg"));
  }
}
