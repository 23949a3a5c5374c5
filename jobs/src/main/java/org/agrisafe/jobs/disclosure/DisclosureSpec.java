package org.agrisafe.jobs.disclosure;

/**
 * Rules of the public open-data export (凡检必公开).
 *
 * @param discloseProducerOnConfirmedFailure when true, the producer's identity (producer ID, else the packer
 *     published with the data) is given for a sample whose FAIL verdict is confirmed (a quantitative result above
 *     its MRL, or a must-not-be-detected detection); never for a PASS, a NO_STANDARD detection or an unconfirmed
 *     rapid-test positive. Default false (no producer identity at all), the bureau turns it on where its rules
 *     allow.
 * @param programmes which programmes are disclosed, '+'-joined programme names; default every programme
 *     ("ALL"), since every test is disclosed
 */
public record DisclosureSpec(boolean discloseProducerOnConfirmedFailure, String programmes) {
  public static final boolean DISCLOSE_PRODUCER_ON_CONFIRMED_FAILURE_DEFAULT = false;
  public static final String PROGRAMMES_DEFAULT = "ALL";

  public DisclosureSpec {
    if (programmes == null || programmes.isBlank()) {
      throw new IllegalArgumentException(
          "Programmes '" + programmes + "': expected ALL or e.g. RANDOM_MONITORING");
    }
  }

  public static DisclosureSpec defaults() {
    return new DisclosureSpec(DISCLOSE_PRODUCER_ON_CONFIRMED_FAILURE_DEFAULT, PROGRAMMES_DEFAULT);
  }
}
