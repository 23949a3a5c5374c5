package org.agrisafe.jobs.maps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.intake.reference.GeoJsonGeometry;
import org.agrisafe.intake.reference.Region;
import org.agrisafe.intake.reference.RegionLayer;
import org.agrisafe.risk.rates.Rate;
import org.agrisafe.risk.spatial.HotSpotClass;

/**
 * Writes a layer as GeoJSON in the map page's contract (map-page/README.md, "Data contract"): an RFC 7946
 * FeatureCollection in WGS-84 lon/lat with a {@code metadata} member, one feature per region of the layer (regions
 * without data have empty {@code values}: drawn as "no data"), and per period the counts, rates (proportions in
 * [0, 1]) with 95 % Wilson bounds and numerators, Gi* z, hot-spot class, LISA class and the too-few-samples flag.
 *
 * <p>Hot-spot classes in the file are the seven of the page (HOT_99 … COLD_99, NOT_SIGNIFICANT); "too few samples"
 * is {@code too_few_samples: true} with a null class, and an undefined statistic is null. Extra members the page
 * ignores: {@code exceedance_rate_eb}, {@code gi_star_p}, and in the metadata {@code not_drawn} (codes with samples
 * but no polygon, e.g. JE, EU, 370176) and {@code unassigned} (samples without a region, by reason).
 */
public final class MapGeoJson {
  private MapGeoJson() {}

  static final ObjectMapper JSON = new ObjectMapper();

  /** The layer document. */
  public static ObjectNode layer(
      MapLayer layer,
      List<RegionStat> stats,
      List<String> periods,
      Map<String, Long> unassigned,
      boolean synthetic,
      HeatMapSpec spec,
      OffsetDateTime generatedAt) {
    RegionLayer regions = layer.regions();
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "FeatureCollection");
    ObjectNode md = root.putObject("metadata");
    md.put("title", layer.title + (synthetic ? " (synthetic data)" : ""));
    md.put("title_zh", layer.titleZh + (synthetic ? "(模拟数据)" : ""));
    md.put("layer", layer.id);
    md.put("source", layer.source);
    md.put("synthetic", synthetic);
    md.put("crs", "WGS-84 lon/lat (RFC 7946)");
    if (regions.crsNote() != null) {
      md.put("crs_note", regions.crsNote());
    }
    md.put(
        "generated_at",
        generatedAt.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    md.put("programmes", spec.programmesText());
    ArrayNode measures = md.putArray("measures");
    measure(measures, "exceedance_rate", "Exceedance rate", "超标率", "%");
    measure(measures, "detection_rate", "Detection rate", "检出率", "%");
    measure(measures, "pass_rate", "Pass rate", "合格率", "%");
    ObjectNode gi = measures.addObject();
    gi.put("key", "gi_star_z");
    gi.put("label", "Gi* z");
    gi.put("unit", "");
    ArrayNode ps = md.putArray("periods");
    periods.forEach(ps::add);
    md.put("min_samples", spec.minSamples());
    md.put("period_type", spec.periodType().name());
    Map<String, Long> notDrawn = new TreeMap<>();
    Map<String, Map<String, RegionStat>> byCode = new LinkedHashMap<>();
    for (RegionStat s : stats) {
      if (s.onMap()) {
        byCode.computeIfAbsent(s.code(), k -> new TreeMap<>()).put(s.period(), s);
      } else {
        notDrawn.merge(s.code(), s.counts().samples(), Long::sum);
      }
    }
    ObjectNode nd = md.putObject("not_drawn");
    notDrawn.forEach(nd::put);
    ObjectNode un = md.putObject("unassigned");
    unassigned.forEach(un::put);
    ArrayNode features = root.putArray("features");
    for (Region r : regions.regions()) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.set("geometry", GeoJsonGeometry.write(r.geometry(), GeoJsonGeometry.DECIMALS_DEFAULT));
      ObjectNode p = f.putObject("properties");
      p.put("region_code", r.code());
      p.put("region_name", r.name());
      if (r.nameZh() != null) {
        p.put("region_name_zh", r.nameZh());
      }
      ObjectNode values = p.putObject("values");
      for (RegionStat s : byCode.getOrDefault(r.code(), Map.of()).values()) {
        values.set(s.period(), record(s));
      }
    }
    return root;
  }

  private static void measure(ArrayNode a, String key, String label, String labelZh, String unit) {
    ObjectNode m = a.addObject();
    m.put("key", key);
    m.put("label", label);
    m.put("label_zh", labelZh);
    m.put("unit", unit);
  }

  static ObjectNode record(RegionStat s) {
    ObjectNode v = JSON.createObjectNode();
    v.put("samples", s.counts().samples());
    rate(v, "exceedance", s.exceedance());
    rate(v, "detection", s.detection());
    rate(v, "pass", s.pass());
    v.put("exceedance_rate_eb", s.exceedanceEb());
    v.put("gi_star_z", s.giStarZ());
    v.put("gi_star_p", s.giStarP());
    HotSpotClass h = s.hotspot();
    boolean drawable = h != HotSpotClass.INSUFFICIENT_DATA && h != HotSpotClass.UNDEFINED;
    v.put("hotspot_class", drawable ? h.name() : null);
    v.put("lisa_class", s.lisaClass());
    v.put("too_few_samples", s.tooFewSamples());
    return v;
  }

  private static void rate(ObjectNode v, String prefix, Rate r) {
    v.put(prefix + "_rate", r.value());
    v.put(prefix + "_low", r.wilson95() == null ? null : r.wilson95().lower());
    v.put(prefix + "_high", r.wilson95() == null ? null : r.wilson95().upper());
    v.put(prefix + "_n", r.numerator());
  }

  /**
   * Writes every layer of a result, and {@code index.json}, into {@code mapsDir}.
   *
   * @return the files written (GeoJSON and index)
   */
  public static List<Path> writeAll(Path mapsDir, HeatMapJob.Result result, HeatMapSpec spec) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<Path> written = new ArrayList<>();
    ArrayNode index = JSON.createArrayNode();
    try {
      Files.createDirectories(mapsDir);
      for (MapLayer layer : spec.layers()) {
        List<String> periods = result.periods().get(layer);
        if (periods.isEmpty()) {
          continue; // the page cannot draw a layer without periods; the caller reports it
        }
        ObjectNode doc =
            layer(
                layer,
                result.stats().get(layer),
                periods,
                result.unassigned().get(layer),
                result.synthetic(layer),
                spec,
                now);
        String file = layer.id + ".geojson";
        Path p = mapsDir.resolve(file);
        JSON.writeValue(p.toFile(), doc);
        written.add(p);
        ObjectNode e = index.addObject();
        e.put("file", file);
        e.put("title", doc.path("metadata").path("title").asText());
        e.put("title_zh", doc.path("metadata").path("title_zh").asText());
      }
      Path idx = mapsDir.resolve("index.json");
      JSON.writerWithDefaultPrettyPrinter().writeValue(idx.toFile(), index);
      written.add(idx);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write maps to " + mapsDir, e);
    }
    return written;
  }
}
