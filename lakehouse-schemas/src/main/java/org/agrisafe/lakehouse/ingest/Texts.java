package org.agrisafe.lakehouse.ingest;

import java.text.Normalizer;
import java.util.Locale;

/** Text clean-up shared by the adapters (package-private). */
final class Texts {

  private Texts() {
  }

  /**
   * Replaces NBSP (U+00A0) and other whitespace runs (including newlines) by one space and trims.
   *
   * @return the cleaned text, or null if {@code s} is null or blank
   */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replaceAll("[\\s\\u00a0\\u3000]+", " ").trim();
    return t.isEmpty() ? null : t;
  }

  /** NFKC (full-width to ASCII, compatibility forms folded) followed by {@link #clean}. */
  static String nfkc(String s) {
    return s == null ? null : clean(Normalizer.normalize(s, Normalizer.Form.NFKC));
  }

  /**
   * The analyte key: NFKC, lower case (ROOT locale), whitespace collapsed, no space just inside parentheses.
   * {@code "镉(以Cd计\n)"} becomes {@code "镉(以cd计)"}; {@code "Flonicamid  (sum)"} becomes
   * {@code "flonicamid (sum)"}.
   *
   * @return the key, or null for blank input
   */
  static String analyteKey(String s) {
    String t = nfkc(s);
    if (t == null) {
      return null;
    }
    return t.toLowerCase(Locale.ROOT).replace("( ", "(").replace(" )", ")");
  }

  /** True if {@code s} is null or blank after {@link #clean}. */
  static boolean isBlank(String s) {
    return clean(s) == null;
  }
}
