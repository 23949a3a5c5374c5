package org.agrisafe.risk.units;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts residue concentrations to the canonical unit, mg/kg (docs/conventions.md §14).
 *
 * <p>Accepted units (mass fraction only), matched after Unicode NFKC normalisation (full-width {@code ｍｇ／ｋｇ}
 * becomes {@code mg/kg}; the micro sign U+00B5 becomes the Greek mu U+03BC; superscript {@code ⁻¹} becomes
 * {@code -1}), trimming, and case-folding:
 *
 * <ul>
 *   <li>numerator {@code g}, {@code mg}, {@code µg}/{@code μg}/{@code ug}, {@code ng};
 *   <li>denominator {@code kg} or {@code g};
 *   <li>written as {@code num/den} ({@code mg/kg}, {@code mg/Kg}, {@code μg/g}, {@code ng/g}) or
 *       {@code num den-1} ({@code mg kg-1}, {@code µg·kg⁻¹});
 *   <li>not {@code ppm} or {@code ppb}: they do not say whether mass or volume, so they are rejected.
 * </ul>
 *
 * <p>Case is folded ({@code MG/KG} is mg/kg) except that a unit starting with {@code Mg} (megagram) is rejected as
 * ambiguous. Anything else, including volume units (mg/L) and units missing altogether, raises {@link
 * UnknownUnitException}; a unit is never guessed.
 */
public final class Units {

  /** The canonical concentration unit. */
  public static final String MG_PER_KG = "mg/kg";

  private static final String MASS = "(g|mg|μg|ug|ng)";
  private static final Pattern RATIO = Pattern.compile("^" + MASS + "\\s*/\\s*(kg|g)$");
  private static final Pattern NEGATIVE_POWER =
      Pattern.compile("^" + MASS + "\\s*[·.*⋅]?\\s*(kg|g)\\s*\\^?\\s*-\\s*1$");
  private static final Pattern VALUE_WITH_UNIT =
      Pattern.compile("^\\s*((?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(\\S.*?)\\s*$");

  private Units() {}

  /**
   * Converts a concentration to mg/kg.
   *
   * @param value the concentration in {@code unit}; finite and &ge; 0
   * @param unit the unit text, see the class comment for the accepted forms
   * @return the concentration in mg/kg
   * @throws UnknownUnitException if the unit is null, blank or not an accepted mass-fraction unit
   * @throws IllegalArgumentException if the value is negative or not finite
   */
  public static double toMgPerKg(double value, String unit) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "Cannot convert concentration "
              + value
              + " "
              + unit
              + " to mg/kg: expected a finite number");
    }
    if (value < 0) {
      throw new IllegalArgumentException(
          "Cannot convert concentration "
              + value
              + " "
              + unit
              + " to mg/kg: expected a non-negative number");
    }
    return scale(value, decimalExponentToMgPerKg(unit));
  }

  /** Whether {@link #toMgPerKg(double, String)} accepts the unit. */
  public static boolean isKnownUnit(String unit) {
    try {
      decimalExponentToMgPerKg(unit);
      return true;
    } catch (UnknownUnitException e) {
      return false;
    }
  }

  /**
   * The power of ten k such that 1 {@code unit} = 10^k mg/kg: 0 for mg/kg, −3 for µg/kg, 3 for g/kg.
   *
   * @throws UnknownUnitException if the unit is not accepted
   */
  public static int decimalExponentToMgPerKg(String unit) {
    if (unit == null) {
      throw new UnknownUnitException(null, "the unit is missing; expected e.g. mg/kg or μg/kg");
    }
    String s = normalise(unit);
    if (s.isEmpty()) {
      throw new UnknownUnitException(unit, "the unit is blank; expected e.g. mg/kg or μg/kg");
    }
    if (s.startsWith("Mg")) {
      throw new UnknownUnitException(
          unit, "'Mg' would be megagram; write mg/kg for milligram per kilogram");
    }
    String folded = s.toLowerCase(Locale.ROOT);
    if (folded.equals("ppm") || folded.equals("ppb")) {
      throw new UnknownUnitException(
          unit,
          "ppm/ppb do not say mass or volume fraction; write mg/kg or µg/kg (docs/conventions.md §14.3)");
    }
    Matcher m = RATIO.matcher(folded);
    if (!m.matches()) {
      m = NEGATIVE_POWER.matcher(folded);
    }
    if (!m.matches()) {
      throw new UnknownUnitException(
          unit,
          "expected a mass fraction such as mg/kg, mg kg-1, μg/kg, ug/kg, μg/g, ng/g or g/kg");
    }
    return massExponentMg(m.group(1)) - massExponentKg(m.group(2));
  }

  /**
   * Splits text such as {@code "527μg/kg"}, {@code "0.05 mg/kg"} or full-width {@code "０．５ｍｇ／ｋｇ"} into a number
   * and a unit, and converts it to mg/kg.
   *
   * @param text a non-negative decimal number (optionally with an exponent) directly followed by a unit
   * @return the value, the unit as written (NFKC-normalised) and the value in mg/kg
   * @throws IllegalArgumentException if the text is null or does not start with a number followed by a unit
   * @throws UnknownUnitException if the unit is not accepted
   */
  public static ValueWithUnit parseValueWithUnit(String text) {
    if (text == null) {
      throw new IllegalArgumentException("Cannot parse a value with unit: the text is null");
    }
    String s = normalise(text);
    Matcher m = VALUE_WITH_UNIT.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Cannot parse value with unit '"
              + text
              + "': expected a number followed by a unit, e.g. 527μg/kg");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    return new ValueWithUnit(value, unit, toMgPerKg(value, unit));
  }

  /**
   * NFKC normalisation (full-width to ASCII, U+00B5 to U+03BC, superscripts to digits), the minus sign U+2212 to
   * '-', whitespace collapsed and trimmed. Shared by the unit and limit-text parsers.
   */
  static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = s.replace('\u2212', '-').replace('\u00B5', '\u03BC');
    return s.replaceAll("\\s+", " ").trim();
  }

  private static double scale(double value, int exponent) {
    if (exponent >= 0) {
      return value * Math.pow(10, exponent);
    }
    // Dividing by an exact power of ten rounds once, so 527 µg/kg gives the double nearest 0.527.
    return value / Math.pow(10, -exponent);
  }

  private static int massExponentMg(String prefix) {
    switch (prefix) {
      case "g":
        return 3;
      case "mg":
        return 0;
      case "μg":
      case "ug":
        return -3;
      case "ng":
        return -6;
      default:
        throw new IllegalStateException("unreachable: mass unit " + prefix);
    }
  }

  private static int massExponentKg(String denominator) {
    return denominator.equals("kg") ? 0 : -3;
  }
}
