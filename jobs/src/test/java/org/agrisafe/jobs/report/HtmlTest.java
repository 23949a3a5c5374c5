package org.agrisafe.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesTheFiveSpecialCharacters() {
    assertEquals("&amp;", Html.escape("&"));
    assertEquals("&lt;", Html.escape("<"));
    assertEquals("&gt;", Html.escape(">"));
    assertEquals("&quot;", Html.escape("\""));
    assertEquals("&#39;", Html.escape("'"));
    assertEquals(
        "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
        Html.escape("<script>alert(\"x\" & 'y')</script>"));
  }

  @Test
  void escapesAnAmpersandOnceAndKeepsExistingEntitiesVisible() {
    assertEquals("&amp;amp; &amp;lt;", Html.escape("&amp; &lt;"));
  }

  @Test
  void keepsOrdinaryTextAndReplacesXmlIllegalControlCharacters() {
    assertEquals("毒死蜱 chlorpyrifos 0.05 mg/kg", Html.escape("毒死蜱 chlorpyrifos 0.05 mg/kg"));
    assertEquals("a\tb\nc d e", Html.escape("a\tb\nc\u0000d\u001Fe"));
  }

  @Test
  void nullIsEmptyAndOtherValuesUseToString() {
    assertEquals("", Html.escape(null));
    assertEquals("42", Html.escape(42));
    assertEquals("1.5", Html.escape(1.5));
  }
}
