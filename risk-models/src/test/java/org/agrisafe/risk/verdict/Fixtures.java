package org.agrisafe.risk.verdict;

import static org.agrisafe.risk.commodity.CommodityLevel.CATEGORY;
import static org.agrisafe.risk.commodity.CommodityLevel.COMMODITY;
import static org.agrisafe.risk.commodity.CommodityLevel.GROUP;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.agrisafe.risk.commodity.CommodityHierarchy;
import org.agrisafe.risk.commodity.CommodityNode;
import org.agrisafe.risk.units.LimitType;

/**
 * A small GB 2763 Annex A shaped hierarchy and limit/ban books for the verdict tests. Values marked "real" are the
 * rows of reference-data/limits/gb2763_partial_mrl.csv; the others are hand-made test values (apple / pome fruit follows
 * the docs/conventions.md §4.3 example).
 */
final class Fixtures {
  private Fixtures() {}

  static final LocalDate D2022 = LocalDate.of(2022, 11, 30);

  static final CommodityHierarchy HIERARCHY =
      CommodityHierarchy.of(
          List.of(
              new CommodityNode("FRUIT", null, CATEGORY, "水果", "fruit"),
              new CommodityNode("FRUIT.POME", "FRUIT", GROUP, "仁果类水果", "pome fruit"),
              new CommodityNode("apple", "FRUIT.POME", COMMODITY, "苹果", "apple"),
              new CommodityNode("pear", "FRUIT.POME", COMMODITY, "梨", "pear"),
              new CommodityNode("FRUIT.TROPICAL", "FRUIT", GROUP, "热带和亚热带水果", "tropical fruit"),
              new CommodityNode("banana", "FRUIT.TROPICAL", COMMODITY, "香蕉", "banana"),
              new CommodityNode("VEG", null, CATEGORY, "蔬菜", "vegetables"),
              new CommodityNode("VEG.LEAFY", "VEG", GROUP, "叶菜类蔬菜", "leafy vegetables"),
              new CommodityNode("celery", "VEG.LEAFY", COMMODITY, "芹菜", "celery"),
              new CommodityNode("pakchoi", "VEG.LEAFY", COMMODITY, "普通白菜", "pakchoi"),
              new CommodityNode("VEG.BULB", "VEG", GROUP, "鳞茎类蔬菜", "bulb vegetables"),
              new CommodityNode("chives", "VEG.BULB", COMMODITY, "韭菜", "Chinese chives"),
              new CommodityNode("garlic", "VEG.BULB", COMMODITY, "大蒜", "garlic"),
              new CommodityNode("VEG.LEGUME", "VEG", GROUP, "豆类蔬菜", "legume vegetables"),
              new CommodityNode("cowpea", "VEG.LEGUME", COMMODITY, "豇豆", "cowpea"),
              new CommodityNode("VEG.AQUATIC", "VEG", GROUP, "水生类蔬菜", "aquatic vegetables"),
              new CommodityNode("wild-rice-stem", "VEG.AQUATIC", COMMODITY, "茭白", "wild-rice stem"),
              new CommodityNode("ANIMAL", null, CATEGORY, "动物源性食品", "food of animal origin"),
              new CommodityNode("egg", "ANIMAL", COMMODITY, "鸡蛋", "egg")));

  static final String GB2763 = "GB 2763-2021";

  static final List<LimitRule> LIMITS =
      List.of(
          // real: chlorpyrifos / celery 0.05 (GB 2763-2021 named), two pages
          LimitRule.numeric("L-chlorpyrifos-celery", "chlorpyrifos", "celery", 0.05, GB2763),
          // real: clothianidin / cowpea 0.01 (Zichuan notice 2022-11-30)
          LimitRule.numeric("L-clothianidin-cowpea", "clothianidin", "cowpea", 0.01, GB2763),
          // real: isofenphos-methyl / legume vegetables (group) 0.01
          LimitRule.numeric(
              "L-isofenphos-methyl-legume", "isofenphos-methyl", "VEG.LEGUME", 0.01, GB2763),
          // real: procymidone / chives 0.2 until GB 2763.1-2022 raised it to 5 (dates: test values
          // for the
          // amendment's start; the page says May 2023)
          new LimitRule(
              "L-procymidone-chives-2021",
              "procymidone",
              "chives",
              Set.of(),
              LimitType.NUMERIC_MRL,
              0.2,
              GB2763,
              LocalDate.of(2021, 9, 3),
              LocalDate.of(2023, 5, 1)),
          new LimitRule(
              "L-procymidone-chives-2022",
              "procymidone",
              "chives",
              Set.of(),
              LimitType.NUMERIC_MRL,
              5.0,
              "GB 2763.1-2022",
              LocalDate.of(2023, 5, 1),
              null),
          // docs/conventions.md §4.3 example: apple 0.5, pome fruit (apple excepted) 0.1
          LimitRule.numeric("L-x-apple", "pesticide-x", "apple", 0.5, GB2763),
          new LimitRule(
              "L-x-pome",
              "pesticide-x",
              "FRUIT.POME",
              Set.of("apple"),
              LimitType.NUMERIC_MRL,
              0.1,
              GB2763,
              null,
              null),
          // test: a veterinary drug that must not be detected in eggs
          new LimitRule(
              "L-enro-egg",
              "enrofloxacin",
              "egg",
              Set.of(),
              LimitType.NOT_DETECTABLE,
              null,
              "GB 31650-2019",
              null,
              null),
          // test: a group rule excluding one commodity, with no specific rule for it
          new LimitRule(
              "L-y-leafy",
              "pesticide-y",
              "VEG.LEAFY",
              Set.of("celery"),
              LimitType.NUMERIC_MRL,
              1.0,
              GB2763,
              null,
              null),
          LimitRule.numeric("L-y-veg", "pesticide-y", "VEG", 0.3, GB2763));

  static final LimitBook LIMIT_BOOK = new LimitBook(LIMITS, HIERARCHY);

  static final List<BanRule> BANS =
      List.of(
          // restricted scope: banned on vegetables (test dates)
          new BanRule(
              "B-chlorpyrifos-veg",
              "chlorpyrifos",
              BanScope.commodities(Set.of("VEG")),
              LocalDate.of(2016, 12, 31),
              true,
              "农业部公告第2032号 (test fixture)"),
          // an unverified rule must never drive a signal
          new BanRule(
              "B-clothianidin-unverified",
              "clothianidin",
              BanScope.ALL_USES,
              LocalDate.of(2019, 1, 1),
              false,
              "recalled, not checked (test fixture)"),
          // a ban that starts after the sample
          new BanRule(
              "B-procymidone-future",
              "procymidone",
              BanScope.ALL_USES,
              LocalDate.of(2030, 1, 1),
              true,
              "test fixture"));

  static final BanBook BAN_BOOK = new BanBook(BANS, HIERARCHY);

  static QuantitativeInput.Builder result(String id, String analyte, String commodity) {
    return QuantitativeInput.builder(id, analyte, commodity, D2022);
  }
}
