package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link LimitBook#lookup}: the applicable rule, if any, and how it was chosen.
 *
 * @param rule the most specific rule in force, or null when none applies (NO_STANDARD)
 * @param alternatives the other rules in force at the same level of specificity, not chosen; empty if none
 * @param ambiguous true when an alternative has a different limit type or value than the chosen rule
 * @param commodityInHierarchy false when the commodity code is not in the hierarchy, so only rules on that exact
 *     code were searched
 */
public record LimitLookup(
    LimitRule rule, List<LimitRule> alternatives, boolean ambiguous, boolean commodityInHierarchy)
    implements Serializable {

  /** Copies the alternatives. */
  public LimitLookup {
    alternatives = List.copyOf(Objects.requireNonNull(alternatives, "alternatives"));
    if (rule == null && !alternatives.isEmpty()) {
      throw new IllegalArgumentException("LimitLookup: alternatives without a chosen rule");
    }
  }
}
