package org.agrisafe.intake.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.risk.commodity.CommodityLevel;
import org.agrisafe.risk.commodity.CommodityNode;
import org.agrisafe.risk.units.LimitType;
import org.agrisafe.risk.verdict.BanRule;
import org.agrisafe.risk.verdict.BanScope;
import org.agrisafe.risk.verdict.LimitRule;
import org.apache.iceberg.data.Record;

/**
 * {@link ReferenceData} to and from the rows of the lakehouse's reference tables ({@link Tables#COMMODITIES},
 * {@link Tables#LIMITS}, {@link Tables#BANS}, {@link Tables#ANALYTES}), engine-free: the caller reads or writes the
 * Iceberg records (the Flink stream reloads its verdict rules from the tables when they change).
 *
 * <p>Column mapping (the tables' schemas are the contract):
 * <ul>
 *   <li>limits: {@code standard} and {@code source} become the rule's standard "standard (source)", as the bundled
 *       loader does; {@code excluded_commodity_codes} null = none; dates are in force from (inclusive) / to
 *       (exclusive);</li>
 *   <li>bans: {@code scope_commodity_codes} null or empty = all uses; {@code source}, else {@code legal_basis},
 *       is the rule's source; {@code name_zh}/{@code name_en} resolve analyte names to {@code substance_code};</li>
 *   <li>analytes: {@code name_zh}/{@code name_en} resolve analyte names to {@code analyte_code}.</li>
 * </ul>
 * A limit or ban row that cannot become a rule is not dropped silently: it becomes a {@link ReferenceData.Issue}
 * naming the table, the row number (1-based, in scan order) and the reason.
 */
public final class ReferenceRecords {
  private ReferenceRecords() {}

  /** Rows for the four reference tables, as column name → value (Iceberg generic types: LocalDate, List). */
  public record Rows(
      List<Map<String, Object>> commodities,
      List<Map<String, Object>> limits,
      List<Map<String, Object>> bans,
      List<Map<String, Object>> analytes) {}

  /**
   * Builds reference data from table rows.
   *
   * @param commodities rows of {@code reference.commodities}
   * @param limits rows of {@code reference.limits}
   * @param bans rows of {@code reference.bans}
   * @param analytes rows of {@code reference.analytes}
   * @return the reference data, with an issue per limit or ban row not loaded
   * @throws IllegalArgumentException if a commodity row has an unknown level or the rows do not form a hierarchy
   */
  public static ReferenceData fromRecords(
      Iterable<? extends Record> commodities,
      Iterable<? extends Record> limits,
      Iterable<? extends Record> bans,
      Iterable<? extends Record> analytes) {
    List<CommodityNode> nodes = new ArrayList<>();
    Map<String, String> categoryOf = new LinkedHashMap<>();
    long line = 0;
    for (Record r : commodities) {
      line++;
      String code = text(r, "commodity_code");
      String level = text(r, "level");
      CommodityLevel lvl;
      try {
        lvl = CommodityLevel.valueOf(level);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException(
            "Cannot load row "
                + line
                + " of "
                + Tables.COMMODITIES.identifier()
                + " (commodity_code '"
                + code
                + "'): level '"
                + level
                + "' is not one of "
                + java.util.Arrays.toString(CommodityLevel.values()));
      }
      nodes.add(
          new CommodityNode(
              code, text(r, "parent_code"), lvl, text(r, "name_zh"), text(r, "name_en")));
      categoryOf.put(code, text(r, "category"));
    }
    List<ReferenceData.Issue> issues = new ArrayList<>();
    String limitsTable = Tables.LIMITS.identifier().toString();
    List<LimitRule> limitRules = new ArrayList<>();
    line = 0;
    for (Record r : limits) {
      line++;
      try {
        Set<String> excluded = new LinkedHashSet<>(strings(r, "excluded_commodity_codes"));
        String source = text(r, "source");
        String standard = text(r, "standard");
        limitRules.add(
            new LimitRule(
                text(r, "rule_id"),
                text(r, "analyte_code"),
                text(r, "commodity_code"),
                excluded,
                LimitType.valueOf(text(r, "limit_type")),
                (Double) r.getField("mrl_mg_per_kg"),
                source == null || source.isBlank() ? standard : standard + " (" + source + ")",
                (LocalDate) r.getField("valid_from"),
                (LocalDate) r.getField("valid_to")));
      } catch (RuntimeException e) {
        issues.add(
            new ReferenceData.Issue(
                limitsTable, line, text(r, "rule_id"), "not loaded: " + e.getMessage()));
      }
    }
    String bansTable = Tables.BANS.identifier().toString();
    List<BanRule> banRules = new ArrayList<>();
    Map<String, String> analyteNames = new LinkedHashMap<>();
    line = 0;
    for (Record r : bans) {
      line++;
      try {
        List<String> scope = strings(r, "scope_commodity_codes");
        String source =
            text(r, "source") == null || text(r, "source").isBlank()
                ? text(r, "legal_basis")
                : text(r, "source");
        Object verified = r.getField("verified");
        banRules.add(
            new BanRule(
                text(r, "rule_id"),
                text(r, "substance_code"),
                scope.isEmpty()
                    ? BanScope.ALL_USES
                    : BanScope.commodities(new LinkedHashSet<>(scope)),
                (LocalDate) r.getField("effective_from"),
                Boolean.TRUE.equals(verified),
                source));
        putName(analyteNames, text(r, "name_zh"), text(r, "substance_code"));
        putName(analyteNames, text(r, "name_en"), text(r, "substance_code"));
      } catch (RuntimeException e) {
        issues.add(
            new ReferenceData.Issue(
                bansTable, line, text(r, "rule_id"), "not loaded: " + e.getMessage()));
      }
    }
    for (Record r : analytes) {
      putName(analyteNames, text(r, "name_zh"), text(r, "analyte_code"));
      putName(analyteNames, text(r, "name_en"), text(r, "analyte_code"));
    }
    return ReferenceData.of(nodes, categoryOf, limitRules, banRules, analyteNames, issues);
  }

  /**
   * The rows that hold {@code ref} in the reference tables (e.g. to seed empty tables from the bundled files), such
   * that {@link #fromRecords} of them judges as {@code ref} does. Bans: rule type BANNED for all uses,
   * RESTRICTED_SCOPE with the commodity codes otherwise; the rule's source in {@code source}. Analytes: one row per
   * analyte code named in {@code ref}'s name table, with its first Chinese name; ADI columns are left null (the ADIs
   * are the risk module's reference, not loaded here).
   */
  public static Rows rows(ReferenceData ref) {
    List<Map<String, Object>> commodities = new ArrayList<>();
    for (CommodityNode n : ref.commodityNodes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("commodity_code", n.code());
      m.put("parent_code", n.parentCode());
      m.put("level", n.level().name());
      m.put("name_en", n.nameEn());
      m.put("name_zh", n.nameZh());
      m.put("category", ref.categoryOf(n.code()));
      commodities.add(m);
    }
    List<Map<String, Object>> limits = new ArrayList<>();
    for (LimitRule l : ref.limitRules()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule_id", l.ruleId());
      m.put("analyte_code", l.analyteCode());
      m.put("commodity_code", l.commodityCode());
      m.put(
          "excluded_commodity_codes",
          List.copyOf(new java.util.TreeSet<>(l.excludedCommodityCodes())));
      m.put("limit_type", l.limitType().name());
      m.put("mrl_mg_per_kg", l.mrlMgPerKg());
      m.put("standard", l.standard());
      m.put("valid_from", l.validFrom());
      m.put("valid_to", l.validTo());
      limits.add(m);
    }
    Map<String, String> zhByCode = new LinkedHashMap<>();
    ref.analyteNames()
        .forEach(
            (name, code) -> {
              if (!name.equals(code) && name.codePoints().anyMatch(c -> c > 0x2E80)) {
                zhByCode.putIfAbsent(code, name);
              }
            });
    List<Map<String, Object>> bans = new ArrayList<>();
    for (BanRule b : ref.banRules()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule_id", b.ruleId());
      m.put("substance_code", b.substanceCode());
      m.put("name_zh", zhByCode.get(b.substanceCode()));
      m.put("name_en", b.substanceCode());
      m.put("rule_type", b.scope().allUses() ? "BANNED" : "RESTRICTED_SCOPE");
      m.put(
          "scope_commodity_codes",
          List.copyOf(new java.util.TreeSet<>(b.scope().commodityCodes())));
      m.put("effective_from", b.effectiveFrom());
      m.put("verified", b.verified());
      m.put("source", b.source());
      bans.add(m);
    }
    Map<String, Map<String, Object>> analytes = new LinkedHashMap<>();
    ref.analyteNames()
        .forEach(
            (name, code) ->
                analytes.computeIfAbsent(
                    code,
                    c -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("analyte_code", c);
                      m.put("name_en", c);
                      m.put("name_zh", zhByCode.get(c));
                      return m;
                    }));
    return new Rows(commodities, limits, bans, new ArrayList<>(analytes.values()));
  }

  private static void putName(Map<String, String> names, String name, String code) {
    if (name != null && !name.isBlank() && code != null) {
      names.putIfAbsent(name, code);
    }
  }

  private static String text(Record r, String column) {
    Object v = r.getField(column);
    return v == null ? null : v.toString();
  }

  private static List<String> strings(Record r, String column) {
    Object v = r.getField(column);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      String t = o == null ? "" : o.toString().trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
