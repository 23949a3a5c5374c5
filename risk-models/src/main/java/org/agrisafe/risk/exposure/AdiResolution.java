package org.agrisafe.risk.exposure;

import java.util.Objects;

/**
 * How an analyte name as a lab writes it was matched to a substance with reference values.
 *
 * @param analyte    the name as given
 * @param normalized lower-case, whitespace-collapsed name used for matching
 * @param status     outcome
 * @param matchRule  the rule that matched (synonym table rule, {@code EXACT_SUBSTANCE_NAME}, {@code CAS},
 *                   {@code RESIDUE_DEFINITION_SUFFIX}) or {@code NONE}
 * @param entry      the reference values; null unless {@code status == RESOLVED}
 * @param message    why it is not resolved, or the synonym table's note
 */
public record AdiResolution(
    String analyte,
    String normalized,
    Status status,
    String matchRule,
    AdiEntry entry,
    String message) {

  /** Outcome of a lookup. */
  public enum Status {
    /** A substance with an entry in the ADI table was found. */
    RESOLVED,
    /** The analyte is known (synonym table) but no substance with reference values applies. */
    NO_REFERENCE_VALUE,
    /** The analyte is in neither the synonym table nor the ADI table. */
    UNKNOWN_ANALYTE
  }

  public AdiResolution {
    Objects.requireNonNull(analyte, "analyte");
    Objects.requireNonNull(status, "status");
    if ((status == Status.RESOLVED) != (entry != null)) {
      throw new IllegalArgumentException(
          "entry must be given exactly when status is RESOLVED, status " + status);
    }
  }

  /** True when resolved and the entry has an ADI. */
  public boolean hasAdi() {
    return entry != null && entry.adiMgPerKgBwPerDay() != null;
  }

  /** True when resolved and the entry has an ARfD. */
  public boolean hasArfd() {
    return entry != null && entry.arfdMgPerKgBw() != null;
  }
}
