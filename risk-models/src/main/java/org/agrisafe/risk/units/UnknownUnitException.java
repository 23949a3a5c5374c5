package org.agrisafe.risk.units;

/**
 * Thrown when a concentration unit is not one that {@link Units} knows. The unit is never guessed (docs/conventions.md
 * §14.3).
 */
public final class UnknownUnitException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String unit;

  /**
   * @param unit the unit text as given (may be null)
   * @param detail what was expected
   */
  public UnknownUnitException(String unit, String detail) {
    super("Unknown concentration unit '" + unit + "': " + detail);
    this.unit = unit;
  }

  /** The unit text as given. */
  public String unit() {
    return unit;
  }
}
