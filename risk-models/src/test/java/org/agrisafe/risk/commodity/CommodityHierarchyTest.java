package org.agrisafe.risk.commodity;

import static org.agrisafe.risk.commodity.CommodityLevel.CATEGORY;
import static org.agrisafe.risk.commodity.CommodityLevel.COMMODITY;
import static org.agrisafe.risk.commodity.CommodityLevel.GROUP;
import static org.agrisafe.risk.commodity.CommodityLevel.SUBGROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommodityHierarchyTest {

  private static final List<CommodityNode> ROWS =
      List.of(
          new CommodityNode("VEG", null, CATEGORY, "蔬菜", "vegetables"),
          new CommodityNode("VEG.LEAFY", "VEG", GROUP, "叶菜类蔬菜", "leafy vegetables"),
          new CommodityNode("VEG.LEAFY.GREEN", "VEG.LEAFY", SUBGROUP, "绿叶类", "green leafy"),
          new CommodityNode("celery", "VEG.LEAFY.GREEN", COMMODITY, "芹菜", "celery"),
          new CommodityNode("pakchoi", "VEG.LEAFY", COMMODITY, "普通白菜", null));

  @Test
  void ancestorsMostSpecificFirst() {
    CommodityHierarchy h = CommodityHierarchy.of(ROWS);
    assertEquals(
        List.of("VEG.LEAFY.GREEN", "VEG.LEAFY", "VEG"),
        h.ancestorsOf("celery").stream().map(CommodityNode::code).toList());
    assertEquals(
        List.of("celery", "VEG.LEAFY.GREEN", "VEG.LEAFY", "VEG"),
        h.selfAndAncestors("celery").stream().map(CommodityNode::code).toList());
    assertEquals(List.of(), h.ancestorsOf("VEG"));
    assertTrue(h.isSelfOrDescendant("celery", "VEG"));
    assertTrue(h.isSelfOrDescendant("celery", "celery"));
    assertFalse(h.isSelfOrDescendant("VEG", "celery"));
    assertFalse(h.isSelfOrDescendant("unknown", "VEG"));
    assertEquals("普通白菜", h.displayName("pakchoi"));
    assertEquals("celery", h.displayName("celery"));
    assertEquals(5, h.size());
  }

  @Test
  void rejectsBadRows() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CommodityHierarchy.of(
                    List.of(new CommodityNode("apple", "FRUIT.POME", COMMODITY, "苹果", "apple"))));
    assertTrue(missing.getMessage().contains("FRUIT.POME"), missing.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CommodityHierarchy.of(
                List.of(
                    new CommodityNode("VEG", null, CATEGORY, "蔬菜", "vegetables"),
                    new CommodityNode("VEG", null, CATEGORY, "蔬菜", "vegetables"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CommodityHierarchy.of(
                List.of(
                    new CommodityNode("VEG", null, CATEGORY, "蔬菜", "vegetables"),
                    new CommodityNode("celery", "VEG", COMMODITY, "芹菜", "celery"),
                    new CommodityNode("x", "celery", GROUP, "x", "x"))));
    assertThrows(
        IllegalArgumentException.class, () -> new CommodityNode("VEG", "X", CATEGORY, "蔬菜", null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CommodityNode("apple", null, COMMODITY, "苹果", null));
    assertThrows(
        IllegalArgumentException.class, () -> CommodityHierarchy.of(ROWS).ancestorsOf("nope"));
  }
}
