package org.agrisafe.risk.common;

import java.util.Objects;

/**
 * One input that a risk method could not assess, returned beside the results instead of an exception that would stop a
 * whole run, and never dropped silently.
 *
 * @param key    the key of the record that was not assessed, e.g. {@code "analyte=boscalid"} or {@code "unit=P-017"}
 * @param reason why it was not assessed, naming the field and the expected value
 */
public record NotAssessed(String key, String reason) {
  public NotAssessed {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reason, "reason");
  }
}
