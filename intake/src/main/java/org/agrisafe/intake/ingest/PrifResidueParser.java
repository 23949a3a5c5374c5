package org.agrisafe.intake.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one PRiF brand-name-annex residue cell, column "Residues found (mg/kg) (MRL)" (see
 * {@code docs/formats/prif-brand-name-annex.md}). Engine-free and stateless: usable one cell at a time.
 *
 * <p>Grammar, parsed from the RIGHT (analyte names contain parentheses themselves, e.g. {@code flonicamid (sum)},
 * so the last parenthesised group is the limit and the number just before it is the value):
 * <pre>
 *   cell    := analyte SP value [valueFlag] SP "(" limit ")" [SP "!"]
 *   limit   := "MRL = " number [flags] | "No MRL" | "MRL N/A"
 *   flags   := any of "*" (MRL at the limit of determination), "†" (adjusted for processing), "L"
 *   valueFlag := "*" (footnote: residue reported on a fat basis)
 * </pre>
 * Tolerated real quirks: NBSP (U+00A0) anywhere, doubled parentheses {@code ((MRL = 0.7))}, a trailing
 * {@code !} (footnote mark, kept in the MRL flags). Values and MRLs are in mg/kg as published.
 * {@code None were detected above the set RL} is recognised by {@link #isNoneDetected(String)}.
 */
public final class PrifResidueParser {

  /** The text of a sample with no detection above the reporting limit. */
  public static final String NONE_DETECTED = "None were detected above the set RL";

  private static final String NUMBER = "[0-9]+(?:\\.[0-9]+)?";
  private static final Pattern CELL =
      Pattern.compile(
          "^(?<analyte>.+)\\s+(?<value>[^\\s(]\\S*?)(?<vflag>\\*)?\\s*"
              + "\\(\\(?(?<limit>MRL\\s*=\\s*(?<mrl>\\S+?)\\s*(?<mflags>[*\u2020L]*)|No MRL|MRL N/A)\\)\\)?"
              + "\\s*(?<foot>!)?$");
  private static final Pattern NUMERIC = Pattern.compile(NUMBER);

  private PrifResidueParser() {}

  /**
   * One parsed residue cell; concentrations in mg/kg.
   *
   * @param analyteRaw analyte as published, e.g. {@code flonicamid (sum)}
   * @param valueText the value as published, e.g. {@code 0.2}
   * @param valueMgPerKg the value in mg/kg
   * @param valueFlags {@code *} when the value carries the fat-basis footnote mark, else null
   * @param mrlMgPerKg published MRL in mg/kg, null for {@code No MRL} and {@code MRL N/A}
   * @param mrlFlags flags after the MRL ({@code *}, {@code †}, {@code L}) plus {@code !} for the footnote mark,
   *     null when none
   * @param limitText the text inside the parentheses, e.g. {@code MRL = 0.03*} or {@code No MRL}
   */
  public record Residue(
      String analyteRaw,
      String valueText,
      double valueMgPerKg,
      String valueFlags,
      Double mrlMgPerKg,
      String mrlFlags,
      String limitText) {}

  /** True if the cell is {@code None were detected above the set RL} (NBSP and outer spaces ignored). */
  public static boolean isNoneDetected(String cell) {
    return NONE_DETECTED.equals(Texts.clean(cell));
  }

  /**
   * Parses a residue cell.
   *
   * @param cell the cell text
   * @return the residue
   * @throws IllegalArgumentException naming the text and what was expected, if the cell does not follow the
   *     grammar, the value or MRL is not a number, or the cell is the "none detected" text
   */
  public static Residue parse(String cell) {
    String t = Texts.clean(cell);
    if (t == null) {
      throw new IllegalArgumentException(
          "Empty residue cell: expected '<analyte> <value> (MRL = <mrl>)'");
    }
    Matcher m = CELL.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Cannot parse residue '"
              + t
              + "': expected '<analyte> <value> (MRL = <mrl>[*|†|L])' or '<analyte> <value> (No MRL)'");
    }
    String valueText = m.group("value");
    if (!NUMERIC.matcher(valueText).matches()) {
      throw new IllegalArgumentException(
          "Cannot parse residue value '"
              + valueText
              + "' in '"
              + t
              + "': expected a number in mg/kg");
    }
    Double mrl = null;
    String flags = null;
    if (m.group("mrl") != null) {
      String mrlText = m.group("mrl");
      if (!NUMERIC.matcher(mrlText).matches()) {
        throw new IllegalArgumentException(
            "Cannot parse MRL '" + mrlText + "' in '" + t + "': expected a number in mg/kg");
      }
      mrl = UnitConverter.DEFAULT.toMgPerKg(Double.parseDouble(mrlText), "mg/kg");
      flags = m.group("mflags");
    }
    if (m.group("foot") != null) {
      flags = (flags == null ? "" : flags) + "!";
    }
    double value = UnitConverter.DEFAULT.toMgPerKg(Double.parseDouble(valueText), "mg/kg");
    return new Residue(
        m.group("analyte").trim(),
        valueText,
        value,
        m.group("vflag"),
        mrl,
        flags == null || flags.isEmpty() ? null : flags,
        m.group("limit"));
  }
}
