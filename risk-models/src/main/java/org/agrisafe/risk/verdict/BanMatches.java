package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The bans that apply to a substance on a commodity and date.
 *
 * @param verified verified bans in force; these drive the banned-detection signal
 * @param unverified unverified rules that would match; for information only, never a verdict or warning
 */
public record BanMatches(List<BanRule> verified, List<BanRule> unverified) implements Serializable {
  /** Copies both lists; checks the verified flag of each rule matches its list. */
  public BanMatches {
    verified = List.copyOf(Objects.requireNonNull(verified, "verified"));
    unverified = List.copyOf(Objects.requireNonNull(unverified, "unverified"));
    for (BanRule r : verified) {
      if (!r.verified()) {
        throw new IllegalArgumentException("BanMatches: rule '" + r.ruleId() + "' is unverified");
      }
    }
    for (BanRule r : unverified) {
      if (r.verified()) {
        throw new IllegalArgumentException("BanMatches: rule '" + r.ruleId() + "' is verified");
      }
    }
  }

  /** No bans. */
  public static BanMatches none() {
    return new BanMatches(List.of(), List.of());
  }
}
