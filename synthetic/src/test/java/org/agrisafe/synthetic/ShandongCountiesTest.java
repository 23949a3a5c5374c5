package org.agrisafe.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShandongCountiesTest {

  @Test
  void countyLevelCodesOfTheProvinceWithoutStatisticalZones() {
    List<String> codes = ShandongCounties.codes();
    assertEquals(136, codes.size());
    assertEquals(136, new HashSet<>(codes).size());
    assertEquals(12, codes.stream().filter(c -> c.startsWith("3701")).count());
    assertEquals(16, codes.stream().map(c -> c.substring(0, 4)).distinct().count());
    assertTrue(codes.contains("370102"));
    assertTrue(codes.contains("370781")); // county-level city (Qingzhou)
    assertFalse(codes.contains("370176")); // Jinan high-tech zone: statistical unit only
    assertTrue(ShandongCounties.isStatisticalZone("370571"));
    assertFalse(ShandongCounties.isStatisticalZone("370181"));
  }
}
