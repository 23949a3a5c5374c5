package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * Where a ban applies: to all uses (全面禁止), or to a set of commodity or group codes (e.g. "禁止在蔬菜、瓜果、茶叶上使用"
 * = the codes of the vegetable, fruit and tea nodes). A group code covers every commodity below it.
 *
 * @param allUses true for a ban on every use
 * @param commodityCodes the commodity or group codes banned on; empty when {@code allUses}, non-empty otherwise
 */
public record BanScope(boolean allUses, Set<String> commodityCodes) implements Serializable {

  /** A ban on every use (全面禁止). */
  public static final BanScope ALL_USES = new BanScope(true, Set.of());

  /** Validates that exactly one of the two forms is given. */
  public BanScope {
    Objects.requireNonNull(
        commodityCodes, "Cannot create BanScope: commodityCodes is null (use Set.of())");
    commodityCodes = Set.copyOf(commodityCodes);
    if (allUses && !commodityCodes.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot create BanScope: ALL_USES takes no commodity codes, got " + commodityCodes);
    }
    if (!allUses && commodityCodes.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot create BanScope: a scoped ban needs at least one commodity or group code");
    }
  }

  /** A ban on the given commodity or group codes. */
  public static BanScope commodities(Set<String> codes) {
    return new BanScope(false, codes);
  }

  @Override
  public String toString() {
    return allUses ? "ALL_USES" : "commodities " + commodityCodes;
  }
}
