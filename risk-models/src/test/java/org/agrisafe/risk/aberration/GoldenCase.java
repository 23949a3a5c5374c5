package org.agrisafe.risk.aberration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.risk.common.TestPaths;

/**
 * One golden case of golden/aberration: NAME.input.csv, NAME.params.json, NAME.expected.csv.
 * The JSON reader handles the flat objects those files hold (strings, numbers, booleans, null, arrays of numbers).
 */
final class GoldenCase {

  /** Expected row: NaN upperbound stands for R's NA. */
  record Expected(int index, double upperbound, boolean alarm) {}

  final String name;
  final long[] observed;
  final Map<String, Object> params;
  final List<Expected> expected;

  private GoldenCase(
      String name, long[] observed, Map<String, Object> params, List<Expected> expected) {
    this.name = name;
    this.observed = observed;
    this.params = params;
    this.expected = expected;
  }

  /** A file of the repository's golden/aberration (a copy of the shared golden values); fails when missing. */
  private static Path golden(String fileName) {
    return TestPaths.repoFile("golden/aberration/" + fileName);
  }

  static GoldenCase load(String name) {
    try {
      List<String> input = Files.readAllLines(golden(name + ".input.csv"));
      long[] observed = new long[input.size() - 1];
      for (int i = 1; i < input.size(); i++) {
        String[] f = input.get(i).split(",");
        int index = Integer.parseInt(unquote(f[0]));
        if (index != i) {
          throw new AssertionError(
              name + ".input.csv row " + i + ": index " + index + ", expected " + i);
        }
        observed[i - 1] = Long.parseLong(unquote(f[1]));
      }
      Map<String, Object> params = parseJson(Files.readString(golden(name + ".params.json")));
      List<String> exp = Files.readAllLines(golden(name + ".expected.csv"));
      List<Expected> expected = new ArrayList<>();
      for (int i = 1; i < exp.size(); i++) {
        String[] f = exp.get(i).split(",");
        String ub = unquote(f[1]);
        String alarm = unquote(f[2]);
        if (!alarm.equals("TRUE") && !alarm.equals("FALSE")) {
          throw new AssertionError(name + ".expected.csv row " + i + ": alarm '" + alarm + "'");
        }
        expected.add(
            new Expected(
                Integer.parseInt(unquote(f[0])),
                ub.equals("NA") ? Double.NaN : Double.parseDouble(ub),
                alarm.equals("TRUE")));
      }
      return new GoldenCase(name, observed, params, expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int rangeFirst() {
    return num("range_first").intValue();
  }

  int rangeLast() {
    return num("range_last").intValue();
  }

  Number num(String key) {
    Object v = params.get(key);
    if (!(v instanceof Number n)) {
      throw new AssertionError(
          name + ".params.json: '" + key + "' is " + v + ", expected a number");
    }
    return n;
  }

  boolean bool(String key) {
    Object v = params.get(key);
    if (!(v instanceof Boolean b)) {
      throw new AssertionError(
          name + ".params.json: '" + key + "' is " + v + ", expected a boolean");
    }
    return b;
  }

  String str(String key) {
    Object v = params.get(key);
    if (!(v instanceof String s)) {
      throw new AssertionError(
          name + ".params.json: '" + key + "' is " + v + ", expected a string");
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  List<Number> numList(String key) {
    Object v = params.get(key);
    if (!(v instanceof List<?> l)) {
      throw new AssertionError(
          name + ".params.json: '" + key + "' is " + v + ", expected an array");
    }
    return (List<Number>) l;
  }

  private static String unquote(String s) {
    String t = s.trim();
    return t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }

  // ---- minimal JSON (flat object) ----
  private static Map<String, Object> parseJson(String text) {
    int[] pos = {0};
    Object v = value(text, pos);
    if (!(v instanceof Map)) {
      throw new AssertionError("params.json is not an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    return m;
  }

  private static void ws(String s, int[] p) {
    while (p[0] < s.length() && Character.isWhitespace(s.charAt(p[0]))) {
      p[0]++;
    }
  }

  private static Object value(String s, int[] p) {
    ws(s, p);
    char c = s.charAt(p[0]);
    if (c == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      p[0]++;
      ws(s, p);
      if (s.charAt(p[0]) == '}') {
        p[0]++;
        return m;
      }
      while (true) {
        ws(s, p);
        String key = (String) value(s, p);
        ws(s, p);
        expect(s, p, ':');
        m.put(key, value(s, p));
        ws(s, p);
        if (s.charAt(p[0]) == ',') {
          p[0]++;
        } else {
          expect(s, p, '}');
          return m;
        }
      }
    }
    if (c == '[') {
      List<Object> l = new ArrayList<>();
      p[0]++;
      ws(s, p);
      if (s.charAt(p[0]) == ']') {
        p[0]++;
        return l;
      }
      while (true) {
        l.add(value(s, p));
        ws(s, p);
        if (s.charAt(p[0]) == ',') {
          p[0]++;
        } else {
          expect(s, p, ']');
          return l;
        }
      }
    }
    if (c == '"') {
      int end = s.indexOf('"', p[0] + 1);
      String str = s.substring(p[0] + 1, end);
      p[0] = end + 1;
      return str;
    }
    if (s.startsWith("true", p[0])) {
      p[0] += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", p[0])) {
      p[0] += 5;
      return Boolean.FALSE;
    }
    if (s.startsWith("null", p[0])) {
      p[0] += 4;
      return null;
    }
    int start = p[0];
    while (p[0] < s.length() && "+-.eE0123456789".indexOf(s.charAt(p[0])) >= 0) {
      p[0]++;
    }
    return Double.parseDouble(s.substring(start, p[0]));
  }

  private static void expect(String s, int[] p, char c) {
    if (s.charAt(p[0]) != c) {
      throw new AssertionError("params.json: expected '" + c + "' at " + p[0]);
    }
    p[0]++;
  }
}
