package org.agrisafe.intake.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text clean-up shared by the adapters (package-private). */
public final class Texts {
  private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\u00a0\\u3000]+");

  private Texts() {}

  /**
   * Replaces NBSP (U+00A0) and other whitespace runs (including newlines) by one space and trims.
   *
   * @return the cleaned text, or null if {@code s} is null or blank
   */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    if (isPlain(s)) {
      return s.isEmpty() ? null : s; // the common case on the streaming path: no regex, no copy
    }
    String t = WHITESPACE_RUN.matcher(s).replaceAll(" ").trim();
    return t.isEmpty() ? null : t;
  }

  /**
   * True if {@code s} has no character {@link #clean} would change: no leading or trailing whitespace and no
   * whitespace or control character other than single ASCII spaces between words (String.trim also strips
   * control characters).
   */
  private static boolean isPlain(String s) {
    int n = s.length();
    boolean previousSpace = true; // a leading space is not plain
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (previousSpace) {
          return false;
        }
        previousSpace = true;
      } else if (c < ' '
          || c == '\u00a0'
          || c == '\u3000'
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)) {
        return false;
      } else {
        previousSpace = false;
      }
    }
    return n == 0 || !previousSpace;
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
