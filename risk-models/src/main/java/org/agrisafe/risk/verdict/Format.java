package org.agrisafe.risk.verdict;

import java.math.BigDecimal;

/** Number formatting for human-readable reasons. */
final class Format {
  private Format() {}

  /** The shortest decimal of the value, no exponent: 0.05, 0.015, 5. */
  static String number(double v) {
    if (v == 0.0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** "0.05 mg/kg". */
  static String mgPerKg(double v) {
    return number(v) + " mg/kg";
  }
}
