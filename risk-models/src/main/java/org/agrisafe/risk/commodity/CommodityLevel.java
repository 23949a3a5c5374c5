package org.agrisafe.risk.commodity;

/**
 * Level of a node in the GB 2763 Annex A food classification (食品类别及测定部位), from the most general to the most
 * specific. A child is always at a deeper level than its parent; SUBGROUP is optional.
 */
public enum CommodityLevel {
  /** 类别, e.g. 蔬菜 vegetables, 水果 fruit. */
  CATEGORY,
  /** 类, e.g. 仁果类水果 pome fruit, 叶菜类蔬菜 leafy vegetables. */
  GROUP,
  /** Optional sub-group, e.g. 绿叶类 within leafy vegetables. */
  SUBGROUP,
  /** A single commodity, e.g. 苹果 apple, 芹菜 celery. */
  COMMODITY
}
