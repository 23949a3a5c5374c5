package org.agrisafe.jobs.bulletin;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agrisafe.jobs.report.CjkFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders the bulletin's XHTML to PDF with openhtmltopdf (PDFBox), embedding a subset of the TrueType CJK font
 * WenQuanYi Micro Hei ({@link CjkFont}: an installed copy, else the one shipped in the jar) so that Chinese renders.
 */
public final class BulletinPdf {
  /** The CSS font family the HTML names first. */
  public static final String FONT_FAMILY = CjkFont.FAMILY;

  private BulletinPdf() {}

  /**
   * Writes {@code pdf} from well-formed XHTML; images are resolved against {@code baseDir}.
   *
   * @throws IllegalStateException when the CJK font cannot be found or read ({@link CjkFont#file()})
   */
  public static Path write(String xhtml, Path baseDir, Path pdf) {
    Path font = CjkFont.file();
    try {
      Files.createDirectories(pdf.toAbsolutePath().getParent());
      try (PDDocument doc = new PDDocument()) {
        TrueTypeCollection ttc = new TrueTypeCollection(font.toFile());
        try {
          PdfRendererBuilder b =
              new PdfRendererBuilder()
                  .useFastMode()
                  .usePDDocument(doc)
                  .withHtmlContent(xhtml, baseDir.toAbsolutePath().toUri().toString());
          if (ttc != null) {
            TrueTypeFont ttf = ttc.getFontByName(CjkFont.FACE);
            if (ttf == null) {
              throw new IllegalStateException("Font file " + font + " has no face " + CjkFont.FACE);
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
