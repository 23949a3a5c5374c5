package org.agrisafe.risk.units;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A residue limit read from the text of a Chinese standard or sampling notice.
 *
 * <p>{@link #parse(String)} accepts, after NFKC normalisation (full-width characters become ASCII):
 *
 * <ul>
 *   <li>{@code 不得检出} / {@code 不得檢出} ("must not be detected") → {@link LimitType#NOT_DETECTABLE}, value null;
 *   <li>an optional comparison {@code ≤}, {@code ≦}, {@code <=} or {@code <} followed by a value with a unit ({@code
 *       ≤100μg/kg}, {@code ≤0.5mg/kg}, {@code ＜0.01mg/kg}, {@code 0.02 mg/kg}) → {@link LimitType#NUMERIC_MRL} in
 *       mg/kg;
 *   <li>an optional leading label {@code 标准规定为}, {@code 标准值为}, {@code 标准值}, {@code 标准规定} or {@code 限量值}, with
 *       an optional colon, as the notices write it.
 * </ul>
 *
 * <p>{@code <} and {@code ≤} give the same limit: the verdict is always "exceeds = value &gt; MRL" (docs/conventions.md
 * §2.2); the operator stays in {@link #sourceText()}. A value without a unit, a lower limit ({@code ≥}) or any other
 * text is rejected; nothing is guessed.
 *
 * @param type NUMERIC_MRL or NOT_DETECTABLE
 * @param valueMgPerKg the MRL in mg/kg, &gt; 0 for NUMERIC_MRL; null for NOT_DETECTABLE
 * @param sourceText the text as given
 */
public record LimitSpec(LimitType type, Double valueMgPerKg, String sourceText)
    implements Serializable {

  private static final Pattern LABEL = Pattern.compile("^(?:标准规定为|标准值为|标准规定|标准值|限量值)\\s*:?\\s*");
  private static final Pattern NOT_DETECTABLE_TEXT = Pattern.compile("^不得[检檢]出$");
  private static final Pattern UPPER_LIMIT = Pattern.compile("^(?:<=|≤|≦|<)?\\s*(.+)$");

  /** Validates the type/value combination. */
  public LimitSpec {
    Objects.requireNonNull(type, "Cannot create LimitSpec: type is null");
    Objects.requireNonNull(sourceText, "Cannot create LimitSpec: sourceText is null");
    if (type == LimitType.NOT_DETECTABLE && valueMgPerKg != null) {
      throw new IllegalArgumentException(
          "Cannot create LimitSpec from '"
              + sourceText
              + "': a NOT_DETECTABLE limit has no value, got "
              + valueMgPerKg);
    }
    if (type == LimitType.NUMERIC_MRL
        && (valueMgPerKg == null || !(valueMgPerKg > 0) || valueMgPerKg.isInfinite())) {
      throw new IllegalArgumentException(
          "Cannot create LimitSpec from '"
              + sourceText
              + "': a NUMERIC_MRL needs a finite value > 0 mg/kg, got "
              + valueMgPerKg);
    }
  }

  /**
   * Parses Chinese limit text, see the class comment.
   *
   * @param text e.g. {@code "≤100μg/kg"}, {@code "≤0.5mg/kg"}, {@code "不得检出"}
   * @return the limit; a numeric value is converted to mg/kg
   * @throws IllegalArgumentException if the text is null, blank, a lower limit, or not a limit
   * @throws UnknownUnitException if the unit is missing or unknown
   */
  public static LimitSpec parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("Cannot parse limit text: the text is null");
    }
    String s = Units.normalise(text);
    s = LABEL.matcher(s).replaceFirst("");
    if (s.isEmpty()) {
      throw new IllegalArgumentException("Cannot parse limit text '" + text + "': it is blank");
    }
    if (NOT_DETECTABLE_TEXT.matcher(s.replace(" ", "")).matches()) {
      return new LimitSpec(LimitType.NOT_DETECTABLE, null, text);
    }
    if (s.startsWith(">") || s.startsWith("≥") || s.startsWith("≧")) {
      throw new IllegalArgumentException(
          "Cannot parse limit text '" + text + "': a lower limit is not a maximum residue limit");
    }
    Matcher m = UPPER_LIMIT.matcher(s);
    if (!m.matches() || !Character.isDigit(firstNonDot(m.group(1)))) {
      throw new IllegalArgumentException(
          "Cannot parse limit text '" + text + "': expected 不得检出 or e.g. ≤0.5mg/kg");
    }
    String valuePart = m.group(1);
    if (valuePart.matches("^[0-9.eE+-]+$")) {
      throw new UnknownUnitException(
          null, "limit text '" + text + "' has a value but no unit; expected e.g. ≤0.5mg/kg");
    }
    ValueWithUnit v = Units.parseValueWithUnit(valuePart);
    return new LimitSpec(LimitType.NUMERIC_MRL, v.valueMgPerKg(), text);
  }

  private static char firstNonDot(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '.') {
        return s.charAt(i);
      }
    }
    return ' ';
  }
}
