package org.agrisafe.intake.ingest;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the one date-time form uploads use, ISO-8601 with a UTC offset (ISO 8601-1:2019 §5.4.2, the
 * extended format; RFC 3339 §5.6): {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM|-HH:MM)}, e.g.
 * {@code 2024-07-01T09:30:00+08:00}. Why (the share of {@code DateTimeFormatter.ISO_DATE_TIME} in a JFR profile
 * of the streaming benchmark): docs/benchmarks.md, "Other timings". Anything else, including out-of-range
 * fields, gives null here, and the one caller, {@code UploadRecords} (which also serves the stream's event time),
 * falls back to the formatter, so accepted values and error messages do not change.
 */
public final class IsoTimes {
  private IsoTimes() {}

  /**
   * {@code text} as an {@link OffsetDateTime} when it has exactly the form above with valid fields (a fraction of
   * 1 to 9 digits, an offset within ±18:00); otherwise null (never throws).
   */
  public static OffsetDateTime parseOffsetDateTime(String text) {
    if (text == null) {
      return null;
    }
    int n = text.length();
    if (n < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
        nanos = nanos * 10 + (text.charAt(i) - '0');
        i++;
      }
      int len = i - start;
      if (len == 0 || (i < n && Character.isDigit(text.charAt(i)))) {
        return null;
      }
      for (int k = len; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && text.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6
        && (text.charAt(i) == '+' || text.charAt(i) == '-')
        && text.charAt(i + 3) == ':') {
      int oh = digits(text, i + 1, 2);
      int om = digits(text, i + 4, 2);
      if ((oh | om) < 0) {
        return null;
      }
      try {
        offset =
            text.charAt(i) == '+'
                ? ZoneOffset.ofHoursMinutes(oh, om)
                : ZoneOffset.ofHoursMinutes(-oh, -om);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The value of {@code len} ASCII digits at {@code from}, or -1 when any is not one. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int k = from; k < from + len; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
