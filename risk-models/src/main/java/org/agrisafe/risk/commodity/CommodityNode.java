package org.agrisafe.risk.commodity;

import java.io.Serializable;
import java.util.Objects;

/**
 * One node of the commodity hierarchy (GB 2763-2021 Annex A shape).
 *
 * @param code unique code of the node, non-blank
 * @param parentCode code of the parent node; null only for a CATEGORY
 * @param level the node's level
 * @param nameZh Chinese name, e.g. 芹菜; non-blank
 * @param nameEn English name, e.g. celery; may be null where none is known
 */
public record CommodityNode(
    String code, String parentCode, CommodityLevel level, String nameZh, String nameEn)
    implements Serializable {

  /** Validates the fields. */
  public CommodityNode {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("Cannot create CommodityNode: code is null or blank");
    }
    Objects.requireNonNull(level, "Cannot create CommodityNode '" + code + "': level is null");
    if (nameZh == null || nameZh.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot create CommodityNode '" + code + "': nameZh is null or blank");
    }
    if (level == CommodityLevel.CATEGORY && parentCode != null) {
      throw new IllegalArgumentException(
          "Cannot create CommodityNode '"
              + code
              + "': a CATEGORY has no parent, got parentCode '"
              + parentCode
              + "'");
    }
    if (level != CommodityLevel.CATEGORY && (parentCode == null || parentCode.isBlank())) {
      throw new IllegalArgumentException(
          "Cannot create CommodityNode '" + code + "': a " + level + " needs a parentCode");
    }
    if (code.equals(parentCode)) {
      throw new IllegalArgumentException(
          "Cannot create CommodityNode '" + code + "': it is its own parent");
    }
  }

  /** The English name if known, else the Chinese name; for human-readable reasons. */
  public String displayName() {
    return nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
  }
}
