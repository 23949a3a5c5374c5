package org.agrisafe.jobs.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The CJK TrueType font that every published output draws Chinese with: WenQuanYi Micro Hei (文泉驿微米黑), a
 * TrueType collection that PDFBox can embed (Noto CJK is CFF-based and cannot be).
 *
 * <p>Looked for, in order: the file named by the system property {@code agrisafe.cjk-font}; an installed copy
 * ({@link #SYSTEM_PATHS}, Debian {@code fonts-wqy-microhei}); the copy shipped in this jar ({@value #RESOURCE},
 * provenance and licence beside it), written once per process to a temporary file. So a clone renders Chinese with
 * nothing installed.
 */
public final class CjkFont {
  /** The family name HTML/CSS and Java2D use. */
  public static final String FAMILY = "WenQuanYi Micro Hei";

  /** The PostScript name of the face within the collection. */
  public static final String FACE = "WenQuanYiMicroHei";

  /** Installed copies, in the order they are tried. */
  public static final List<String> SYSTEM_PATHS =
      List.of(
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc");

  /** The shipped copy, a class-path resource. */
  public static final String RESOURCE = "/org/agrisafe/jobs/fonts/wqy-microhei.ttc";

  private static Path bundledFile;
  private static Font awtFont;

  private CjkFont() {}

  /**
   * The font file: the {@code agrisafe.cjk-font} file, else an installed copy, else the shipped copy.
   *
   * @throws IllegalStateException when none exists (the jar was built without its resources)
   */
  public static synchronized Path file() {
    String prop = System.getProperty("agrisafe.cjk-font");
    if (prop != null && Files.isRegularFile(Path.of(prop))) {
      return Path.of(prop);
    }
    for (String p : SYSTEM_PATHS) {
      if (Files.isRegularFile(Path.of(p))) {
        return Path.of(p);
      }
    }
    return bundled();
  }

  /**
   * The shipped copy, written to a temporary file on first use (deleted when the JVM exits).
   *
   * @throws IllegalStateException when the resource is missing from the class path
   */
  static synchronized Path bundled() {
    if (bundledFile == null) {
      try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "The CJK font "
                  + RESOURCE
                  + " is missing from the class path (jobs jar built without resources)");
        }
        Path tmp = Files.createTempFile("agrisafe-cjk-", ".ttc");
        tmp.toFile().deleteOnExit();
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        bundledFile = tmp;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot write the CJK font " + RESOURCE + " to a temporary file", e);
      }
    }
    return bundledFile;
  }

  /**
   * The face {@link #FACE} as a Java2D font of size 1 (derive the size), registered with the local graphics
   * environment on first use, so that {@code new Font(FAMILY, ...)} finds it too (charts).
   *
   * @throws IllegalStateException when the file has no such face or cannot be read
   */
  public static synchronized Font awtFont() {
    if (awtFont == null) {
      Path f = file();
      try {
        Font[] faces = Font.createFonts(f.toFile());
        Font chosen = null;
        for (Font face : faces) {
          GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(face);
          if (FACE.equals(face.getFontName(java.util.Locale.ROOT))
              || FACE.equals(face.getPSName())) {
            chosen = face;
          }
        }
        if (chosen == null) {
          throw new IllegalStateException("Font file " + f + " has no face " + FACE);
        }
        awtFont = chosen;
      } catch (IOException | FontFormatException e) {
        throw new IllegalStateException("Cannot read the CJK font " + f + ": " + e.getMessage(), e);
      }
    }
    return awtFont;
  }
}
