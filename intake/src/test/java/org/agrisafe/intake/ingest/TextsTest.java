package org.agrisafe.intake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextsTest {

  /** The definition {@link Texts#clean} had before its fast path: the reference it must keep matching. */
  private static String reference(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replaceAll("[\\s\\u00a0\\u3000]+", " ").trim();
    return t.isEmpty() ? null : t;
  }

  @Test
  void cleanCollapsesWhitespaceRunsAndTrims() {
    assertEquals("a b", Texts.clean(" a\u00a0\n b\u3000"));
    assertEquals("毒死蜱", Texts.clean("毒死蜱"));
    assertEquals("a b", Texts.clean("a b"));
    assertEquals("x", Texts.clean("x\u0001"));
    assertNull(Texts.clean(" \t "));
    assertNull(Texts.clean(""));
    assertNull(Texts.clean(null));
  }

  @Test
  void fastPathAgreesWithTheRegexDefinitionOnRandomText() {
    char[] alphabet = {
      'a', 'Z', '0', '.', ' ', ' ', '\t', '\n', '\r', '\u000b', '\u0001', '\u001f', '\u00a0',
      '\u3000', '\u2002', '\u200b', '\u2028', '毒', '(', ')'
    };
    Random random = new Random(20_261_129L);
    for (int i = 0; i < 200_000; i++) {
      char[] c = new char[random.nextInt(8)];
      for (int j = 0; j < c.length; j++) {
        c[j] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(c);
      assertEquals(
          reference(s),
          Texts.clean(s),
          () ->
              "clean(" + s.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).toList() + ")");
    }
  }
}
