package org.agrisafe.intake.reference;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agrisafe.risk.commodity.CommodityHierarchy;
import org.agrisafe.risk.commodity.CommodityLevel;
import org.agrisafe.risk.commodity.CommodityNode;
import org.agrisafe.risk.units.LimitType;
import org.agrisafe.risk.verdict.BanBook;
import org.agrisafe.risk.verdict.BanRule;
import org.agrisafe.risk.verdict.BanScope;
import org.agrisafe.risk.verdict.LimitBook;
import org.agrisafe.risk.verdict.LimitRule;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference data that verdicts need, loaded from the bundled files of {@code reference-data/} (see each
 * folder's PROVENANCE.md): the commodity hierarchy, the limits (MRLs) and the bans as rules.
 *
 * <p>Rows that cannot be turned into a rule are not dropped silently: each becomes a {@link Issue} with its file,
 * line and reason, and the caller prints and stores them.
 */
public final class ReferenceData implements Serializable {
  public static final String COMMODITIES = "commodities/commodities.csv";
  public static final String LIMITS = "limits/limits.csv";
  public static final String LIMITS_SOURCE = "limits/gb2763_partial_mrl.csv";
  public static final String BANS = "bans/cn_banned_restricted_pesticides.csv";
  public static final String BAN_SCOPE_KEYWORDS = "bans/scope_keywords.csv";

  /** A reference row that was not loaded as a rule, or was loaded with a caveat. */
  public record Issue(String file, long line, String key, String reason) implements Serializable {}

  private final CommodityHierarchy commodities;
  private final Map<String, String> categoryOf;
  private final LimitBook limits;
  private final BanBook bans;
  private final List<BanRule> banRules;
  private final List<Issue> issues;
  private final Map<String, String> commodityByName;
  private final Map<String, String> analyteByName;

  private final List<CommodityNode> commodityNodes;
  private final List<LimitRule> limitRules;

  private ReferenceData(
      List<CommodityNode> nodes,
      Map<String, String> categoryOf,
      List<LimitRule> limitRules,
      List<BanRule> banRules,
      Map<String, String> analyteNames,
      List<Issue> issues) {
    this.commodityNodes = List.copyOf(nodes);
    this.commodities = CommodityHierarchy.of(nodes);
    this.categoryOf = Collections.unmodifiableMap(new LinkedHashMap<>(categoryOf));
    this.limitRules = List.copyOf(limitRules);
    this.limits = new LimitBook(limitRules, commodities);
    this.banRules = List.copyOf(banRules);
    this.bans = new BanBook(banRules, commodities);
    this.issues = List.copyOf(issues);
    this.commodityByName = new LinkedHashMap<>();
    for (CommodityNode n : nodes) {
      commodityByName.putIfAbsent(key(n.nameZh()), n.code());
      commodityByName.putIfAbsent(key(n.nameEn()), n.code());
    }
    this.analyteByName = new LinkedHashMap<>();
    analyteNames.forEach((name, code) -> analyteByName.putIfAbsent(key(name), code));
  }

  /**
   * Reference data from rows that were loaded elsewhere (e.g. the lakehouse's {@code reference.*} tables, see
   * {@link ReferenceRecords}).
   *
   * @param nodes the commodity hierarchy, one node per code; names (Chinese, English) resolve commodity names
   * @param categoryOf commodity code → category code
   * @param limitRules the limits
   * @param banRules the bans (only verified rules drive verdicts; {@link BanBook} decides)
   * @param analyteNames a name as labs write it (Chinese or English) → analyte code; the first mapping of a name
   *     wins
   * @param issues rows that were not loaded, with the reason
   * @throws IllegalArgumentException if the commodity rows do not form a hierarchy ({@link CommodityHierarchy#of})
   */
  public static ReferenceData of(
      List<CommodityNode> nodes,
      Map<String, String> categoryOf,
      List<LimitRule> limitRules,
      List<BanRule> banRules,
      Map<String, String> analyteNames,
      List<Issue> issues) {
    return new ReferenceData(nodes, categoryOf, limitRules, banRules, analyteNames, issues);
  }

  private static String key(String s) {
    return java.text.Normalizer.normalize(s == null ? "" : s, java.text.Normalizer.Form.NFKC)
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The commodity code for a code or a name as labs write it (Chinese or English name of the hierarchy,
   * e.g. 韭菜 → chinese_chives), or the input unchanged when nothing matches (the verdict is then NO_STANDARD
   * unless a limit names that code).
   */
  public String resolveCommodity(String codeOrName) {
    if (codeOrName == null || commodities.contains(codeOrName)) {
      return codeOrName;
    }
    return commodityByName.getOrDefault(key(codeOrName), codeOrName);
  }

  /**
   * The analyte code (lower-case English residue name, the key of limits and bans) for a Chinese or English
   * name as labs write it (毒死蜱 → chlorpyrifos), from the names in the bundled ban list and GB 2763 rows; the
   * input unchanged when nothing matches.
   */
  public String resolveAnalyte(String codeOrName) {
    if (codeOrName == null) {
      return null;
    }
    return analyteByName.getOrDefault(key(codeOrName), codeOrName);
  }

  /** Loads the bundled files. */
  public static ReferenceData loadBundled() {
    List<Issue> issues = new ArrayList<>();
    Map<String, String> categoryOf = new LinkedHashMap<>();
    List<CommodityNode> nodes = loadCommodities(categoryOf);
    CommodityHierarchy h = CommodityHierarchy.of(nodes);
    List<LimitRule> limitRules = loadLimits(issues);
    List<BanRule> banRules = loadBans(h, issues);
    Map<String, String> analyteNames = new LinkedHashMap<>();
    for (CSVRecord r : ReferenceFiles.csv(BANS)) {
      if (r.isConsistent() && !r.get("name_en").isBlank()) {
        analyteNames.putIfAbsent(
            r.get("name_cn"), r.get("name_en").trim().toLowerCase(Locale.ROOT));
      }
    }
    for (CSVRecord r : ReferenceFiles.csv(LIMITS_SOURCE)) {
      analyteNames.putIfAbsent(
          r.get("pesticide_cn"), r.get("pesticide_en").trim().toLowerCase(Locale.ROOT));
    }
    return new ReferenceData(nodes, categoryOf, limitRules, banRules, analyteNames, issues);
  }

  private static List<CommodityNode> loadCommodities(Map<String, String> categoryOf) {
    List<CommodityNode> nodes = new ArrayList<>();
    for (CSVRecord r : ReferenceFiles.csv(COMMODITIES)) {
      String parent = r.get("parent_code").isEmpty() ? null : r.get("parent_code");
      nodes.add(
          new CommodityNode(
              r.get("commodity_code"),
              parent,
              CommodityLevel.valueOf(r.get("level")),
              r.get("name_zh"),
              r.get("name_en")));
      categoryOf.put(r.get("commodity_code"), r.get("category"));
    }
    return nodes;
  }

  private static List<LimitRule> loadLimits(List<Issue> issues) {
    List<LimitRule> rules = new ArrayList<>();
    for (CSVRecord r : ReferenceFiles.csv(LIMITS)) {
      try {
        Set<String> excluded = new LinkedHashSet<>();
        for (String e : r.get("excluded_commodity_codes").split(";")) {
          if (!e.isBlank()) {
            excluded.add(e.trim());
          }
        }
        LimitType type = LimitType.valueOf(r.get("limit_type"));
        Double mrl =
            r.get("mrl_mg_per_kg").isEmpty() ? null : Double.valueOf(r.get("mrl_mg_per_kg"));
        rules.add(
            new LimitRule(
                r.get("rule_id"),
                r.get("analyte_code"),
                r.get("commodity_code"),
                excluded,
                type,
                mrl,
                r.get("standard") + " (" + r.get("source") + ")",
                date(r.get("valid_from")),
                date(r.get("valid_to"))));
      } catch (RuntimeException e) {
        issues.add(
            new Issue(LIMITS, r.getRecordNumber() + 1, r.get(0), "not loaded: " + e.getMessage()));
      }
    }
    return rules;
  }

  private static LocalDate date(String s) {
    return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
  }

  /** Scope keyword → commodity codes, longest keyword first so that 十字花科蔬菜 wins over 蔬菜. */
  private static List<String[]> scopeKeywords() {
    List<String[]> k = new ArrayList<>();
    for (CSVRecord r : ReferenceFiles.csv(BAN_SCOPE_KEYWORDS)) {
      k.add(new String[] {r.get("keyword"), r.get("commodity_code")});
    }
    k.sort((a, b) -> Integer.compare(b[0].length(), a[0].length()));
    return k;
  }

  private static List<BanRule> loadBans(CommodityHierarchy h, List<Issue> issues) {
    List<String[]> keywords = scopeKeywords();
    List<BanRule> rules = new ArrayList<>();
    for (CSVRecord r : ReferenceFiles.csv(BANS)) {
      long line = r.getRecordNumber() + 1;
      String nameZh = r.get("name_cn");
      if (!r.isConsistent()) {
        issues.add(
            new Issue(
                BANS,
                line,
                nameZh,
                "not loaded: " + r.size() + " columns, expected 9 (unquoted comma)"));
        continue;
      }
      String nameEn = r.get("name_en").trim();
      String code = nameEn.isEmpty() ? nameZh : nameEn.toLowerCase(Locale.ROOT);
      if (nameEn.isEmpty()) {
        issues.add(
            new Issue(BANS, line, nameZh, "no English name: substance code is the Chinese name"));
      }
      boolean verified = r.get("verified").equalsIgnoreCase("yes");
      LocalDate from;
      try {
        from = banDate(r.get("effective_date"));
      } catch (DateTimeParseException | NumberFormatException e) {
        issues.add(
            new Issue(
                BANS,
                line,
                nameZh,
                "not loaded: effective_date '"
                    + r.get("effective_date")
                    + "' is not an ISO date or a year"));
        continue;
      }
      String type = r.get("rule_type");
      String scopeText = r.get("prohibited_scope_cn");
      Optional<BanScope> scope = scope(type, scopeText, keywords, h);
      if (scope.isEmpty()) {
        issues.add(
            new Issue(
                BANS, line, nameZh, "scope not understood, rule drives no verdict: " + scopeText));
        continue;
      }
      String source = r.get("legal_basis") + " (" + r.get("evidence_url").split(" ")[0] + ")";
      rules.add(
          new BanRule("CNBAN:" + line + ":" + code, code, scope.get(), from, verified, source));
    }
    return rules;
  }

  static LocalDate banDate(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return null;
    }
    if (t.matches("\\d{4}")) {
      return LocalDate.of(Integer.parseInt(t), 1, 1);
    }
    return LocalDate.parse(t);
  }

  static Optional<BanScope> scope(
      String type, String text, List<String[]> keywords, CommodityHierarchy h) {
    if (!type.equals("RESTRICTED_SCOPE")) {
      return Optional.of(BanScope.ALL_USES);
    }
    if (text.startsWith("仅限") || text.startsWith("除")) {
      return Optional.empty(); // "only allowed on ..." / "except ...": not a list of banned crops
    }
    Set<String> codes = new LinkedHashSet<>();
    String rest = text;
    for (String[] k : keywords) {
      if (rest.contains(k[0])) {
        if (h.contains(k[1])) {
          codes.add(k[1]);
        }
        rest = rest.replace(k[0], "");
      }
    }
    return codes.isEmpty() ? Optional.empty() : Optional.of(BanScope.commodities(codes));
  }

  public CommodityHierarchy commodities() {
    return commodities;
  }

  /** The category of a commodity code, or null when the code is not in the hierarchy. */
  public String categoryOf(String commodityCode) {
    return categoryOf.get(commodityCode);
  }

  /** The commodity hierarchy's rows, in load order. */
  public List<CommodityNode> commodityNodes() {
    return commodityNodes;
  }

  /** Commodity code → category code. */
  public Map<String, String> categories() {
    return categoryOf;
  }

  /** The limit rules, in load order. */
  public List<LimitRule> limitRules() {
    return limitRules;
  }

  /** Normalised analyte name (Chinese or English, NFKC, lower case) → analyte code. */
  public Map<String, String> analyteNames() {
    return Collections.unmodifiableMap(analyteByName);
  }

  public LimitBook limits() {
    return limits;
  }

  public BanBook bans() {
    return bans;
  }

  public List<BanRule> banRules() {
    return banRules;
  }

  public List<Issue> issues() {
    return issues;
  }

  @Override
  public String toString() {
    return "ReferenceData["
        + commodities.size()
        + " commodities, "
        + limits.size()
        + " limits, "
        + banRules.size()
        + " ban rules ("
        + banRules.stream().filter(BanRule::verified).count()
        + " verified), "
        + issues.size()
        + " issues]";
  }
}
