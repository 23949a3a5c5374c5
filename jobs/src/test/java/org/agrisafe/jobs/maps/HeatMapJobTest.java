package org.agrisafe.jobs.maps;

import static org.agrisafe.jobs.spark.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.spark.Fixtures;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.MapTables;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.risk.spatial.HotSpotClass;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heat-map job on a hand-checkable fixture: 2019, random monitoring, a few countries of origin (raw names as the
 * UK data spells them) and a few Jinan samples (township codes, a GPS point, the high-tech zone without polygon).
 */
class HeatMapJobTest {
  private static final HeatMapSpec SPEC =
      new HeatMapSpec(
          PeriodType.YEAR,
          HeatMapSpec.LAYERS_DEFAULT,
          HeatMapSpec.PROGRAMMES_DEFAULT,
          10,
          5,
          99,
          7L);
  private static int seq;
  private static HeatMapJob.Result result;
  private static Dataset<Row> samples;

  /** n samples of one origin: the first {@code exceeding} fail with an exceedance, the first {@code detected} detect. */
  private static void origin(
      List<Map<String, Object>> rows, String raw, int n, int exceeding, int detected) {
    for (int i = 0; i < n; i++) {
      rows.add(
          sample("RANDOM_MONITORING", i < exceeding, i < detected, "country_of_origin_raw", raw));
    }
  }

  private static Map<String, Object> sample(
      String programme, boolean exceeds, boolean detected, Object... kv) {
    String id = "M" + (++seq);
    Map<String, Object> r =
        row(
            "sample_id",
            "MAPTEST:" + id,
            "source_system",
            "MAPTEST",
            "source_sample_id",
            id,
            "programme",
            programme,
            "sample_date",
            LocalDate.of(2019, 6, 1),
            "sample_month",
            "2019-06",
            "sample_verdict",
            exceeds ? "FAIL" : "PASS",
            "has_detection",
            detected || exceeds,
            "has_exceedance",
            exceeds,
            "n_results",
            1,
            "n_detected",
            detected || exceeds ? 1 : 0);
    for (int i = 0; i + 1 < kv.length; i += 2) {
      r.put((String) kv[i], kv[i + 1]);
    }
    return r;
  }

  @BeforeAll
  static void compute() {
    List<Map<String, Object>> rows = new ArrayList<>();
    origin(rows, "Spain", 8, 2, 5);
    origin(rows, "Spain\u00a0", 4, 1, 1); // ES: 12 samples, 3 exceeding, 6 detected (+3 exceeding)
    origin(rows, "Morocco", 10, 1, 4); // MA: 10, 1
    origin(rows, "Portugal", 10, 0, 2); // PT: 10, 0
    origin(rows, "France", 10, 2, 3); // FR: 10, 2
    origin(rows, "Namibia", 3, 1, 1); // NA: 3 -> too few samples
    origin(rows, "England (UK)", 6, 0, 2);
    origin(rows, "UK", 3, 0, 0);
    origin(rows, "Northern Ireland (UK)", 1, 0, 0); // GB: 10, 0
    origin(rows, "Italy", 10, 4, 6); // IT: 10, 4
    origin(rows, "Jersey (UK)", 1, 0, 0); // JE: no polygon -> not drawn
    origin(rows, "EU", 2, 0, 0);
    origin(rows, "Spain/Morocco", 1, 0, 0);
    origin(rows, "Atlantis", 1, 0, 0);
    rows.add(sample("RISK_TARGETED", true, true, "country_of_origin_raw", "Spain")); // not counted
    for (int i = 0; i < 3; i++) {
      rows.add(sample("RANDOM_MONITORING", i == 0, true, "region_code", "370102001"));
    }
    rows.add(
        sample(
            "RANDOM_MONITORING",
            false,
            false,
            "lon",
            117.0128,
            "lat",
            36.6601)); // a point in Lixia
    rows.add(
        sample(
            "RANDOM_MONITORING",
            false,
            true,
            "region_code",
            "370112",
            "lon",
            117.05,
            "lat",
            36.70));
    rows.add(
        sample(
            "RANDOM_MONITORING",
            true,
            true,
            "region_code",
            "370112",
            "lon",
            117.0128,
            "lat",
            36.6601));
    rows.add(
        sample("RANDOM_MONITORING", false, false, "region_code", "370176001")); // high-tech zone
    rows.add(
        sample("RANDOM_MONITORING", false, false, "region_code", "370202")); // Qingdao: not Jinan
    samples = Fixtures.rows(Tables.SAMPLES, rows);
    result = HeatMapJob.statistics(samples, SPEC);
  }

  private static Map<String, RegionStat> byCode(MapLayer layer) {
    return result.stats().get(layer).stream()
        .collect(Collectors.toMap(RegionStat::code, Function.identity()));
  }

  @Test
  void countsRatesAndClassesByCountryOfOrigin() {
    Map<String, RegionStat> w = byCode(MapLayer.WORLD_ORIGIN);
    assertEquals(Set.of("ES", "MA", "PT", "FR", "NA", "GB", "IT", "JE"), w.keySet());
    RegionStat es = w.get("ES");
    assertEquals(12, es.counts().samples(), "the risk-targeted sample is not counted");
    assertEquals(3, es.counts().exceeding());
    assertEquals(6, es.counts().detected());
    assertEquals(9, es.counts().passed());
    assertEquals(0.25, es.exceedance().value(), 1e-12);
    // Wilson 95 %: (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), p = 3/12, z = 1.959964
    double z = 1.959963984540054;
    double p = 0.25;
    double n = 12;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    assertEquals(centre - half, es.exceedance().wilson95().lower(), 1e-9);
    assertEquals(centre + half, es.exceedance().wilson95().upper(), 1e-9);
    assertEquals(0.75, es.pass().value(), 1e-12);
    assertEquals(0.5, es.detection().value(), 1e-12);

    RegionStat gb = w.get("GB");
    assertEquals(
        10, gb.counts().samples(), "UK, England (UK) and Northern Ireland (UK) roll up to GB");
    RegionStat na = w.get("NA");
    assertEquals(3, na.counts().samples(), "Namibia's code NA is a code, not a missing value");
    assertTrue(na.tooFewSamples());
    assertEquals(
        HotSpotClass.INSUFFICIENT_DATA, na.hotspot(), "too few samples is never hot or cold");
    assertNull(na.lisaClass());
    assertNotNull(na.exceedanceEb(), "its smoothed rate still enters its neighbours' statistics");
    RegionStat je = w.get("JE");
    assertFalse(je.onMap());
    assertNull(je.giStarZ());
    // 7 countries on the map with data: Gi* defined for each, 5 nearest neighbours
    for (String c : List.of("ES", "MA", "PT", "FR", "GB", "IT")) {
      assertNotNull(w.get(c).giStarZ(), c);
      assertEquals(5, w.get(c).neighbours().size(), c);
      assertFalse(w.get(c).tooFewSamples(), c);
    }
    // EB: prior mean m = 11 / 65; every smoothed rate lies between the raw rate and m
    double m = 11.0 / 65;
    for (RegionStat s : w.values()) {
      if (s.onMap()) {
        double raw = s.exceedance().value();
        assertTrue(
            s.exceedanceEb() >= Math.min(raw, m) - 1e-12
                && s.exceedanceEb() <= Math.max(raw, m) + 1e-12,
            s.code());
      }
    }
    assertEquals(
        Map.of("BLANK", 8L, "MULTIPLE", 1L, "NOT_A_COUNTRY", 2L, "UNMATCHED", 1L),
        result.unassigned().get(MapLayer.WORLD_ORIGIN),
        "8 Jinan samples have no origin");
    assertEquals(List.of("2019"), result.periods().get(MapLayer.WORLD_ORIGIN));
  }

  @Test
  void jinanDistrictsByDivisionCodeThenPoint() {
    Map<String, RegionStat> j = byCode(MapLayer.JINAN_DISTRICT);
    assertEquals(Set.of("370102", "370112", "370176"), j.keySet());
    assertEquals(4, j.get("370102").counts().samples(), "3 township codes + 1 GPS point");
    assertEquals(2, j.get("370112").counts().samples(), "the division code wins over the point");
    assertFalse(j.get("370176").onMap());
    assertTrue(j.get("370102").tooFewSamples());
    assertEquals(HotSpotClass.INSUFFICIENT_DATA, j.get("370102").hotspot());
    assertEquals(1, result.unassigned().get(MapLayer.JINAN_DISTRICT).size());
  }

  /** Writes the table twice (same rows: idempotent), reads NA back, and writes and re-reads the map files. */
  @Test
  void writesTableIdempotentlyAndMapFilesInTheContract() throws IOException {
    SparkSession spark = SharedSpark.spark();
    LakehouseBootstrap.ensure(
        SparkSessions.icebergCatalog(spark, SharedSpark.config()), MapTables.REGION_STATS);
    String catalog = SharedSpark.config().catalogName();
    Dataset<Row> rows = HeatMapJob.transform(spark, result, SPEC);
    HeatMapJob.write(rows, catalog, SPEC);
    HeatMapJob.write(HeatMapJob.transform(spark, result, SPEC), catalog, SPEC);
    Dataset<Row> table = spark.table(MapTables.REGION_STATS.qualifiedName(catalog));
    assertEquals(11, table.count(), "8 countries + 3 Jinan codes, once");
    Row na = table.filter("region_code = 'NA'").collectAsList().get(0);
    assertEquals("Namibia", na.getAs("region_name"));
    assertEquals("INSUFFICIENT_DATA", na.getAs("hotspot_class"));
    assertEquals(3L, (long) na.getAs("samples"));

    Path out = Files.createTempDirectory("agrisafe-maps-test");
    double[][] points = HeatMapJob.samplePoints(samples, SPEC);
    assertEquals(3, points[0].length);
    List<Path> files = MapOutputs.write(out, result, SPEC, points);
    ObjectMapper json = new ObjectMapper();
    JsonNode index = json.readTree(out.resolve("maps/index.json").toFile());
    assertEquals(2, index.size());
    for (JsonNode e : index) {
      JsonNode doc = json.readTree(out.resolve("maps").resolve(e.get("file").asText()).toFile());
      assertEquals(List.of(), MapContract.problems(doc), e.get("file").asText());
    }
    JsonNode world = json.readTree(out.resolve("maps/world-origin.geojson").toFile());
    assertEquals(177, world.get("features").size(), "every country is drawn, with or without data");
    JsonNode namibia = null;
    for (JsonNode f : world.get("features")) {
      if (f.at("/properties/region_code").asText().equals("NA")) {
        namibia = f;
      }
    }
    assertNotNull(namibia);
    JsonNode v = namibia.at("/properties/values/2019");
    assertEquals(3, v.get("samples").asInt());
    assertTrue(v.get("too_few_samples").asBoolean());
    assertTrue(v.get("hotspot_class").isNull());
    assertEquals(1, v.get("exceedance_n").asInt());
    assertEquals(1, world.at("/metadata/not_drawn/JE").asInt());
    JsonNode jinan = json.readTree(out.resolve("maps/jinan-district.geojson").toFile());
    assertTrue(jinan.at("/metadata/crs_note").asText().contains("GCJ-02"));
    for (String png : List.of("maps/world-origin-2019.png", "maps/jinan-district-2019.png")) {
      BufferedImage img = ImageIO.read(out.resolve(png).toFile());
      assertTrue(img.getWidth() >= 1400 && img.getHeight() >= 700, png);
    }
    assertTrue(files.contains(out.resolve("maps/sample-density.geojson")));
    JsonNode kde = json.readTree(out.resolve("maps/sample-density.geojson").toFile());
    assertTrue(kde.get("features").size() > 0);
  }
}
