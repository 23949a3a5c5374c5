package org.agrisafe.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.junit.jupiter.api.Test;

/** The shipped CJK font: present in the jar, the face PDFBox embeds, and Java2D can draw Chinese with it. */
class CjkFontTest {
  @Test
  void theShippedCopyHasTheFacePdfBoxEmbeds() throws Exception {
    Path f = CjkFont.bundled();
    assertTrue(Files.size(f) > 1_000_000, "the shipped font file is too small: " + Files.size(f));
    try (TrueTypeCollection ttc = new TrueTypeCollection(f.toFile())) {
      assertNotNull(ttc.getFontByName(CjkFont.FACE), "no face " + CjkFont.FACE + " in " + f);
    }
  }

  @Test
  void java2dDrawsChineseWithIt() {
    Font font = CjkFont.awtFont();
    assertEquals(-1, font.canDisplayUpTo("农产品质量安全监测月报 合格率 检出率 超标率 速测阳性率"));
    assertEquals(CjkFont.FAMILY, font.getFamily(java.util.Locale.ROOT));
  }
}
