package org.agrisafe.jobs.maps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test-only check of a layer file against the map page's data contract (map-page/src/contract.js and the brief):
 * returns the problems found, each naming the feature, period and field; empty when the file conforms.
 */
final class MapContract {
  private MapContract() {}

  static final List<String> HOTSPOT =
      List.of("COLD_99", "COLD_95", "COLD_90", "NOT_SIGNIFICANT", "HOT_90", "HOT_95", "HOT_99");
  static final List<String> LISA = List.of("HH", "LL", "HL", "LH", "NS");
  static final List<String> MEASURES =
      List.of("exceedance_rate", "detection_rate", "pass_rate", "gi_star_z");

  static List<String> problems(JsonNode doc) {
    List<String> p = new ArrayList<>();
    if (!"FeatureCollection".equals(doc.path("type").asText())) {
      p.add("type is not FeatureCollection");
      return p;
    }
    JsonNode md = doc.path("metadata");
    for (String k :
        List.of("title", "title_zh", "layer", "source", "crs", "generated_at", "programmes")) {
      if (!md.path(k).isTextual() || md.path(k).asText().isEmpty()) {
        p.add("metadata." + k + " is not a non-empty string");
      }
    }
    if (!md.path("synthetic").isBoolean()) {
      p.add("metadata.synthetic is not a boolean");
    }
    if (!md.path("min_samples").canConvertToInt() || !md.path("min_samples").isIntegralNumber()) {
      p.add("metadata.min_samples is not an integer");
    }
    List<String> keys = new ArrayList<>();
    md.path("measures")
        .forEach(
            m -> {
              keys.add(m.path("key").asText());
              if (m.path("label").asText().isEmpty() || !m.has("unit")) {
                p.add("measure " + m + " lacks label or unit");
              }
            });
    if (!keys.equals(MEASURES)) {
      p.add("measures are " + keys + ": expected " + MEASURES);
    }
    Set<String> periods = new HashSet<>();
    md.path("periods").forEach(x -> periods.add(x.asText()));
    if (periods.isEmpty()) {
      p.add("metadata.periods is empty");
    }
    int i = 0;
    for (JsonNode f : doc.path("features")) {
      String where = "feature " + i++ + " (" + f.at("/properties/region_code") + ")";
      String gt = f.at("/geometry/type").asText();
      if (!gt.equals("Polygon") && !gt.equals("MultiPolygon")) {
        p.add(where + ": geometry " + gt);
      }
      if (!f.at("/properties/region_code").isTextual()
          || f.at("/properties/region_code").asText().isEmpty()) {
        p.add(where + ": region_code is not a non-empty string");
      }
      if (f.at("/properties/region_name").asText().isEmpty()) {
        p.add(where + ": region_name missing");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = f.at("/properties/values").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String w = where + " period " + e.getKey();
        JsonNode r = e.getValue();
        if (!periods.contains(e.getKey())) {
          p.add(w + ": period not in metadata.periods");
        }
        long samples = r.path("samples").asLong(-1);
        if (!r.path("samples").isIntegralNumber() || samples < 0) {
          p.add(w + ": samples " + r.path("samples"));
        }
        if (!r.path("too_few_samples").isBoolean()) {
          p.add(w + ": too_few_samples not boolean");
        }
        for (String pre : List.of("exceedance", "detection", "pass")) {
          JsonNode rate = r.path(pre + "_rate");
          if (rate.isNull()) {
            continue;
          }
          double v = rate.asDouble();
          double lo = r.path(pre + "_low").asDouble();
          double hi = r.path(pre + "_high").asDouble();
          long n = r.path(pre + "_n").asLong();
          if (!(v >= 0 && v <= 1 && lo >= 0 && lo <= v + 1e-9 && hi <= 1 && hi >= v - 1e-9)) {
            p.add(w + ": " + pre + " rate " + v + " [" + lo + ", " + hi + "]");
          }
          if (n > samples || Math.abs((double) n / samples - v) > 1e-4) {
            p.add(w + ": " + pre + "_n " + n + " / samples " + samples + " != " + v);
          }
        }
        JsonNode h = r.path("hotspot_class");
        if (!h.isNull() && !HOTSPOT.contains(h.asText())) {
          p.add(w + ": hotspot_class " + h);
        }
        JsonNode l = r.path("lisa_class");
        if (!l.isNull() && !LISA.contains(l.asText())) {
          p.add(w + ": lisa_class " + l);
        }
        JsonNode z = r.path("gi_star_z");
        if (!z.isNull() && !z.isNumber()) {
          p.add(w + ": gi_star_z " + z);
        }
      }
    }
    return p;
  }
}
