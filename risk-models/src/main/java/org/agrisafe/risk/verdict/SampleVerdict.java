package org.agrisafe.risk.verdict;

import java.text.Normalizer;

/** Verdict of a sample (docs/conventions.md §10). */
public enum SampleVerdict {
  /** No result fails (合格). */
  PASS,
  /** At least one result fails (不合格). */
  FAIL;

  /**
   * Reads the verdict a Chinese sampling notice publishes: 合格 → PASS, 不合格 → FAIL (full-width and surrounding
   * blanks tolerated).
   *
   * @throws IllegalArgumentException for any other text, naming it
   */
  public static SampleVerdict fromPublishedChinese(String text) {
    if (text == null) {
      throw new IllegalArgumentException("Cannot read published sample verdict: the text is null");
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    if (s.equals("合格")) {
      return PASS;
    }
    if (s.equals("不合格")) {
      return FAIL;
    }
    throw new IllegalArgumentException(
        "Cannot read published sample verdict '" + text + "': expected 合格 or 不合格");
  }
}
