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
import java.util.Set;
import org.agrisafe.risk.commodity.CommodityHierarchy;

/**
 * The banned and restricted substances (禁限用农药) as dated, scoped rules. Immutable, serializable, no I/O.
 *
 * <p>A scoped ban on a group code covers every commodity below that group in the {@link CommodityHierarchy}. A
 * commodity code that is not in the hierarchy matches only ALL_USES bans and bans naming that exact code.
 */
public final class BanBook implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, List<BanRule>> bySubstance;
  private final CommodityHierarchy hierarchy;

  /**
   * @param rules the ban rules, verified and unverified
   * @param hierarchy the commodity hierarchy the scope codes refer to
   * @throws IllegalArgumentException if a rule id repeats or a scope code is not in the hierarchy
   */
  public BanBook(Collection<BanRule> rules, CommodityHierarchy hierarchy) {
    Objects.requireNonNull(rules, "Cannot create BanBook: rules is null");
    this.hierarchy = Objects.requireNonNull(hierarchy, "Cannot create BanBook: hierarchy is null");
    Set<String> ids = new HashSet<>();
    Map<String, List<BanRule>> index = new HashMap<>();
    for (BanRule r : rules) {
      if (r == null) {
        throw new IllegalArgumentException("Cannot create BanBook: a rule is null");
      }
      if (!ids.add(r.ruleId())) {
        throw new IllegalArgumentException(
            "Cannot create BanBook: rule id '" + r.ruleId() + "' appears twice");
      }
      for (String code : r.scope().commodityCodes()) {
        if (!hierarchy.contains(code)) {
          throw new IllegalArgumentException(
              "Cannot create BanBook: scope code '"
                  + code
                  + "' of rule '"
                  + r.ruleId()
                  + "' is not in the commodity hierarchy");
        }
      }
      index.computeIfAbsent(r.substanceCode(), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<BanRule>> frozen = new HashMap<>();
    index.forEach(
        (k, v) -> {
          v.sort(Comparator.comparing(BanRule::ruleId));
          frozen.put(k, List.copyOf(v));
        });
    this.bySubstance = Map.copyOf(frozen);
  }

  /** A book with no bans. */
  public static BanBook empty() {
    return new BanBook(List.of(), CommodityHierarchy.empty());
  }

  /**
   * The bans of a substance on a commodity in force on a date.
   *
   * @param substanceCode the substance (same code set as the results' analyte codes)
   * @param commodityCode the sample's commodity
   * @param date the sampling date (local date in the deployment's zone)
   * @return verified bans in force, and, apart, unverified rules that would match (information only); each sorted
   *     by rule id
   */
  public BanMatches bansFor(String substanceCode, String commodityCode, LocalDate date) {
    Objects.requireNonNull(substanceCode, "bansFor: substanceCode is null");
    Objects.requireNonNull(commodityCode, "bansFor: commodityCode is null");
    Objects.requireNonNull(date, "bansFor: date is null");
    List<BanRule> verified = new ArrayList<>();
    List<BanRule> unverified = new ArrayList<>();
    for (BanRule r : bySubstance.getOrDefault(substanceCode, List.of())) {
      if (!r.inForceOn(date) || !covers(r.scope(), commodityCode)) {
        continue;
      }
      (r.verified() ? verified : unverified).add(r);
    }
    return new BanMatches(verified, unverified);
  }

  private boolean covers(BanScope scope, String commodityCode) {
    if (scope.allUses()) {
      return true;
    }
    for (String code : scope.commodityCodes()) {
      if (hierarchy.isSelfOrDescendant(commodityCode, code)) {
        return true;
      }
    }
    return false;
  }
}
