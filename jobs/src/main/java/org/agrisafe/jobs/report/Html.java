package org.agrisafe.jobs.report;

/**
 * The one HTML/XML text escape of every report the jobs write (bulletin HTML and its PDF rendering, ad-hoc
 * reports, the expert panel's risk report, the warnings summary).
 */
public final class Html {
  private Html() {}

  /**
   * Escapes a value for HTML or XML text and for double- or single-quoted attribute values: {@code &} becomes
   * {@code &amp;}, {@code <} {@code &lt;}, {@code >} {@code &gt;}, {@code "} {@code &quot;} and {@code '}
   * {@code &#39;}. Control characters below U+0020 other than tab and line feed (illegal in XML 1.0, which the
   * PDF renderer parses) become a space. Every other character, CJK included, is kept as is (the documents are
   * UTF-8).
   *
   * @param value any value, written with {@link String#valueOf(Object)}; null gives the empty string
   * @return the escaped text, never null
   */
  public static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return b.toString();
  }
}
