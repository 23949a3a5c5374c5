package org.agrisafe.intake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link IsoTimes}: the fast path agrees with {@code DateTimeFormatter.ISO_DATE_TIME} wherever it answers. */
class IsoTimesTest {
  /** The formatter's answer, or null when it refuses the text or the text has no offset. */
  private static OffsetDateTime reference(String t) {
    try {
      var parsed = DateTimeFormatter.ISO_DATE_TIME.parse(t);
      return parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
          ? OffsetDateTime.from(parsed)
          : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void handPickedForms() {
    assertEquals(
        OffsetDateTime.parse("2024-07-01T09:30:00+08:00"),
        IsoTimes.parseOffsetDateTime("2024-07-01T09:30:00+08:00"));
    assertEquals(
        OffsetDateTime.parse("2024-07-01T09:30:00.5Z"),
        IsoTimes.parseOffsetDateTime("2024-07-01T09:30:00.5Z"));
    assertEquals(
        OffsetDateTime.parse("2024-07-01T09:30:00.123456789-05:30"),
        IsoTimes.parseOffsetDateTime("2024-07-01T09:30:00.123456789-05:30"));
    for (String other :
        new String[] {
          "2024-02-30T00:00:00+08:00",
          "2024-07-01T24:00:00+08:00",
          "2024-07-01T09:30+08:00",
          "2024-07-01T09:30:00",
          "2024-07-01T09:30:00+19:00",
          "2024-07-01 09:30:00+08:00",
          "2024-07-01T09:30:00.+08:00",
          "2024-07-01T09:30:00.1234567890+08:00",
          "2024-07-01T09:30:00+08:00[Asia/Shanghai]",
          "２０２４-07-01T09:30:00+08:00",
          "",
          "x"
        }) {
      assertNull(IsoTimes.parseOffsetDateTime(other), other);
    }
  }

  @Test
  void agreesWithTheFormatterOnRandomTexts() {
    Random r = new Random(20261129);
    String alphabet = "0123456789-T:+Z.";
    int answered = 0;
    for (int i = 0; i < 200_000; i++) {
      String t;
      if (i % 2 == 0) {
        // well-formed with random (possibly invalid) field values
        t =
            String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                r.nextInt(10_000),
                r.nextInt(14),
                r.nextInt(33),
                r.nextInt(26),
                r.nextInt(62),
                r.nextInt(62),
                r.nextInt(3) == 0
                    ? "."
                        + String.format("%09d", r.nextInt(1_000_000_000))
                            .substring(0, 1 + r.nextInt(9))
                    : "",
                r.nextInt(4) == 0
                    ? "Z"
                    : String.format(
                        "%s%02d:%02d", r.nextBoolean() ? "+" : "-", r.nextInt(20), r.nextInt(61)));
      } else {
        // a valid text with one character replaced
        StringBuilder b = new StringBuilder("2024-07-01T09:30:00.25+08:00");
        b.setCharAt(r.nextInt(b.length()), alphabet.charAt(r.nextInt(alphabet.length())));
        t = b.toString();
      }
      OffsetDateTime fast = IsoTimes.parseOffsetDateTime(t);
      if (fast != null) {
        answered++;
        assertEquals(reference(t), fast, t);
      }
    }
    assertEquals(true, answered > 20_000, "the fast path answered " + answered);
  }
}
