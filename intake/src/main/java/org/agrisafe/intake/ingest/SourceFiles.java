package org.agrisafe.intake.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening source files: transparent gzip (detected by its magic bytes), charset detection (package-private). */
public final class SourceFiles {

  /** GBK, the fallback charset for files that are not valid UTF-8 (Chinese Windows exports). */
  static final Charset GBK = Charset.forName("GBK");

  private SourceFiles() {}

  /** Opens {@code path}, decompressing it if it starts with the gzip magic bytes 1f 8b. */
  static InputStream open(Path path) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  /** A UTF-8 reader over {@link #open}; a leading BOM is the CSV parser's concern (see callers). */
  static Reader utf8Reader(Path path) throws IOException {
    return new InputStreamReader(open(path), StandardCharsets.UTF_8);
  }

  /** All bytes of the (decompressed) file. */
  static byte[] readAllBytes(Path path) throws IOException {
    try (InputStream in = open(path)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /**
   * Decodes {@code bytes}: with {@code charset} if given, else strict UTF-8 (malformed input is an error), falling
   * back to GBK when the bytes are not valid UTF-8. A leading U+FEFF byte-order mark is removed.
   *
   * @throws CharacterCodingException if an explicit charset or GBK cannot decode the bytes
   */
  static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
    String text;
    if (charset != null) {
      text = strict(charset, bytes);
    } else {
      try {
        text = strict(StandardCharsets.UTF_8, bytes);
      } catch (CharacterCodingException notUtf8) {
        text = strict(GBK, bytes);
      }
    }
    return text.startsWith("\ufeff") ? text.substring(1) : text;
  }

  /** The charset {@link #decode} picks for {@code bytes} when none is given: UTF-8 if valid, else GBK. */
  static Charset detect(byte[] bytes) {
    try {
      strict(StandardCharsets.UTF_8, bytes);
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return GBK;
    }
  }

  private static String strict(Charset cs, byte[] bytes) throws CharacterCodingException {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
