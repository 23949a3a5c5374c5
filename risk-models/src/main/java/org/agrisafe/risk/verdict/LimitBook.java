package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.agrisafe.risk.commodity.CommodityHierarchy;
import org.agrisafe.risk.units.LimitType;

/**
 * The residue limits (GB 2763 for pesticides, GB 31650 for veterinary drugs, or a foreign source's MRLs) with the
 * commodity hierarchy they refer to. Immutable, serializable, no I/O: loading a full GB 2763 edition is a data load
 * into this class, not a code change (docs/conventions.md §3.4).
 *
 * <p><b>Lookup</b> ({@link #lookup}): walk the sample's commodity, then its ancestors (group, category), most
 * specific first. At each node take the rules for the analyte that are in force on the sampling date and whose
 * exclusions do not cover the commodity (a group rule "pome fruit except apple" does not apply to apple or anything
 * below apple; the walk then goes on to the next ancestor). The first node with a candidate gives the rule.
 *
 * <p><b>Ties</b> (two rules at the same node, both in force): the rule with the latest {@code validFrom} wins (an
 * open start counts as earliest), then the stricter (NOT_DETECTABLE before any numeric MRL, then the lowest MRL),
 * then the smallest rule id. The others are returned as alternatives, and the lookup is flagged ambiguous when an
 * alternative's limit differs from the chosen one.
 */
public final class LimitBook implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The tie-break order documented on the class, best first. */
  static final Comparator<LimitRule> TIE_BREAK =
      Comparator.<LimitRule, LocalDate>comparing(
              r -> r.validFrom() == null ? LocalDate.MIN : r.validFrom(), Comparator.reverseOrder())
          .thenComparing(r -> r.limitType() == LimitType.NOT_DETECTABLE ? 0 : 1)
          .thenComparing(r -> r.mrlMgPerKg() == null ? 0.0 : r.mrlMgPerKg())
          .thenComparing(LimitRule::ruleId);

  /** analyte code → commodity code → rules. */
  private final Map<String, Map<String, List<LimitRule>>> index;

  private final CommodityHierarchy hierarchy;
  private final int size;

  /**
   * @param rules the limit rules
   * @param hierarchy the commodity hierarchy the rules' commodity codes refer to
   * @throws IllegalArgumentException if a rule id repeats, a rule's commodity or excluded code is not in the
   *     hierarchy, or an excluded code is not below the rule's commodity
   */
  public LimitBook(Collection<LimitRule> rules, CommodityHierarchy hierarchy) {
    Objects.requireNonNull(rules, "Cannot create LimitBook: rules is null");
    this.hierarchy =
        Objects.requireNonNull(hierarchy, "Cannot create LimitBook: hierarchy is null");
    Set<String> ids = new HashSet<>();
    Map<String, Map<String, List<LimitRule>>> building = new HashMap<>();
    for (LimitRule r : rules) {
      if (r == null) {
        throw new IllegalArgumentException("Cannot create LimitBook: a rule is null");
      }
      if (!ids.add(r.ruleId())) {
        throw new IllegalArgumentException(
            "Cannot create LimitBook: rule id '" + r.ruleId() + "' appears twice");
      }
      if (!hierarchy.contains(r.commodityCode())) {
        throw new IllegalArgumentException(
            "Cannot create LimitBook: commodity code '"
                + r.commodityCode()
                + "' of rule '"
                + r.ruleId()
                + "' is not in the commodity hierarchy");
      }
      for (String excluded : r.excludedCommodityCodes()) {
        if (!hierarchy.contains(excluded)) {
          throw new IllegalArgumentException(
              "Cannot create LimitBook: excluded code '"
                  + excluded
                  + "' of rule '"
                  + r.ruleId()
                  + "' is not in the commodity hierarchy");
        }
        if (!hierarchy.isSelfOrDescendant(excluded, r.commodityCode())) {
          throw new IllegalArgumentException(
              "Cannot create LimitBook: excluded code '"
                  + excluded
                  + "' of rule '"
                  + r.ruleId()
                  + "' is not below its commodity '"
                  + r.commodityCode()
                  + "'");
        }
      }
      building
          .computeIfAbsent(r.analyteCode(), k -> new HashMap<>())
          .computeIfAbsent(r.commodityCode(), k -> new ArrayList<>())
          .add(r);
    }
    Map<String, Map<String, List<LimitRule>>> frozen = new HashMap<>();
    building.forEach(
        (analyte, byCommodity) -> {
          Map<String, List<LimitRule>> inner = new HashMap<>();
          byCommodity.forEach((c, list) -> inner.put(c, List.copyOf(list)));
          frozen.put(analyte, Map.copyOf(inner));
        });
    this.index = Map.copyOf(frozen);
    this.size = ids.size();
  }

  /** A book with no limits: every result is NO_STANDARD unless the source published an MRL. */
  public static LimitBook empty() {
    return new LimitBook(List.of(), CommodityHierarchy.empty());
  }

  /** The commodity hierarchy. */
  public CommodityHierarchy hierarchy() {
    return hierarchy;
  }

  /** Number of rules. */
  public int size() {
    return size;
  }

  /**
   * The most specific applicable rule in force on the date, or empty (NO_STANDARD).
   *
   * @see #lookup(String, String, LocalDate)
   */
  public Optional<LimitRule> find(String analyteCode, String commodityCode, LocalDate sampleDate) {
    return Optional.ofNullable(lookup(analyteCode, commodityCode, sampleDate).rule());
  }

  /**
   * Finds the applicable limit as described on the class, with the tie report.
   *
   * @param analyteCode the residue definition code
   * @param commodityCode the sample's commodity code
   * @param sampleDate the sampling date, local to the deployment's zone (Asia/Shanghai by default)
   * @return the chosen rule (or null), its same-level alternatives and flags; never null
   */
  public LimitLookup lookup(String analyteCode, String commodityCode, LocalDate sampleDate) {
    Objects.requireNonNull(analyteCode, "lookup: analyteCode is null");
    Objects.requireNonNull(commodityCode, "lookup: commodityCode is null");
    Objects.requireNonNull(sampleDate, "lookup: sampleDate is null");
    boolean known = hierarchy.contains(commodityCode);
    Map<String, List<LimitRule>> byCommodity = index.get(analyteCode);
    if (byCommodity == null) {
      return new LimitLookup(null, List.of(), false, known);
    }
    List<String> path = new ArrayList<>();
    if (known) {
      hierarchy.selfAndAncestors(commodityCode).forEach(n -> path.add(n.code()));
    } else {
      path.add(commodityCode);
    }
    for (String node : path) {
      List<LimitRule> candidates = new ArrayList<>();
      for (LimitRule r : byCommodity.getOrDefault(node, List.of())) {
        if (r.inForceOn(sampleDate) && !excludes(r, commodityCode)) {
          candidates.add(r);
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      candidates.sort(TIE_BREAK);
      LimitRule chosen = candidates.get(0);
      List<LimitRule> alternatives = candidates.subList(1, candidates.size());
      boolean ambiguous =
          alternatives.stream()
              .anyMatch(
                  a ->
                      a.limitType() != chosen.limitType()
                          || !Objects.equals(a.mrlMgPerKg(), chosen.mrlMgPerKg()));
      return new LimitLookup(chosen, alternatives, ambiguous, known);
    }
    return new LimitLookup(null, List.of(), false, known);
  }

  private boolean excludes(LimitRule rule, String commodityCode) {
    for (String excluded : rule.excludedCommodityCodes()) {
      if (hierarchy.isSelfOrDescendant(commodityCode, excluded)) {
        return true;
      }
    }
    return false;
  }
}
