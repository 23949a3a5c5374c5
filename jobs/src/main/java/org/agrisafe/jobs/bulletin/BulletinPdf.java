package org.agrisafe.jobs.bulletin;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders the bulletin's XHTML to PDF with openhtmltopdf (PDFBox), embedding a subset of the TrueType CJK font
 * WenQuanYi Micro Hei (Debian {@code fonts-wqy-microhei}, installed by {@code .ci/run}) so that Chinese renders.
 * Noto CJK is CFF-based and PDFBox cannot embed it, hence this font.
 */
public final class BulletinPdf {
  /** The CSS font family the HTML names first. */
  public static final String FONT_FAMILY = "WenQuanYi Micro Hei";

  /** Where the font is looked for, in order; the system property {@code agrisafe.cjk-font} comes first. */
  public static final List<String> FONT_PATHS =
      List.of(
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc");

  private BulletinPdf() {}

  /** The CJK font file, or null when none is installed. */
  public static Path fontFile() {
    String prop = System.getProperty("agrisafe.cjk-font");
    if (prop != null && Files.isRegularFile(Path.of(prop))) {
      return Path.of(prop);
    }
    return FONT_PATHS.stream().map(Path::of).filter(Files::isRegularFile).findFirst().orElse(null);
  }

  /**
   * Writes {@code pdf} from well-formed XHTML; images are resolved against {@code baseDir}.
   *
   * @throws IllegalStateException when the CJK font is missing and the text has Chinese characters (the PDF would
   *     show empty boxes): install {@code fonts-wqy-microhei}
   */
  public static Path write(String xhtml, Path baseDir, Path pdf) {
    Path font = fontFile();
    if (font == null && xhtml.codePoints().anyMatch(cp -> cp >= 0x3000 && cp < 0xA000)) {
      throw new IllegalStateException(
          "Cannot render Chinese text to "
              + pdf
              + ": no CJK TrueType font at "
              + FONT_PATHS
              + "; install it with `apt-get install fonts-wqy-microhei`");
    }
    try {
      Files.createDirectories(pdf.toAbsolutePath().getParent());
      try (PDDocument doc = new PDDocument()) {
        TrueTypeCollection ttc = font == null ? null : new TrueTypeCollection(font.toFile());
        try {
          PdfRendererBuilder b =
              new PdfRendererBuilder()
                  .useFastMode()
                  .usePDDocument(doc)
                  .withHtmlContent(xhtml, baseDir.toAbsolutePath().toUri().toString());
          if (ttc != null) {
            TrueTypeFont ttf = ttc.getFontByName("WenQuanYiMicroHei");
            if (ttf == null) {
              throw new IllegalStateException(
                  "Font file " + font + " has no face WenQuanYiMicroHei");
            }
            b.useFont(new PDFontSupplier(PDType0Font.load(doc, ttf, true)), FONT_FAMILY);
          }
          try (PdfBoxRenderer r = b.buildPdfRenderer()) {
            r.createPDFWithoutClosing();
          }
          doc.save(pdf.toFile());
        } finally {
          if (ttc != null) {
            ttc.close();
          }
        }
      }
      return pdf;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write PDF " + pdf, e);
    }
  }
}
