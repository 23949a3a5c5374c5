package org.agrisafe.intake.model;

import java.util.Locale;

/**
 * Why a sample was taken (docs/conventions.md §11). Headline pass rates use {@link #RANDOM_MONITORING}
 * only; the other programmes are reported apart.
 */
public enum Programme {
  /** Random/routine monitoring (例行监测); the UK PRiF programme is mapped here. */
  RANDOM_MONITORING,
  /** Risk-targeted or supervisory sampling (监督抽查); the Chinese SAMR notices are mapped here. */
  RISK_TARGETED,
  /** Follow-up of an earlier failure. */
  FOLLOW_UP,
  /** An enterprise's self-check. */
  SELF_CHECK,
  /** Not stated by the source. */
  UNKNOWN;

  /**
   * Parses the upload-format spelling ({@code random_monitoring}, {@code risk_targeted}, {@code follow_up},
   * {@code self_check}), case-insensitive.
   *
   * @throws IllegalArgumentException if {@code text} is none of these (UNKNOWN is not accepted from uploads)
   */
  public static Programme fromUploadCode(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (Programme p : values()) {
      if (p != UNKNOWN && p.name().equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "Cannot parse programme '"
            + text
            + "': expected one of random_monitoring, risk_targeted, follow_up, self_check");
  }
}
