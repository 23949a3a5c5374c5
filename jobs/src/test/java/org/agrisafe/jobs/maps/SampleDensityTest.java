package org.agrisafe.jobs.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.agrisafe.jobs.spark.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The kernel density computed in Spark ({@link SampleDensity#write(Dataset, Path)}) writes the same GeoJSON as the
 * in-memory computation on the same points: the same metadata, the same cells in the same order with the same
 * corners, the bandwidth to 1e-12 relative and every density to 1e-12 of the peak density. Bit-for-bit equality
 * is not expected: Spark adds the points in another order (as the in-memory sum itself changes with the table's
 * file order), and near the kernel's edge 1 - d²/h² amplifies those last-bit differences.
 */
class SampleDensityTest {
  private static final StructType SAMPLES =
      new StructType()
          .add("sample_id", DataTypes.StringType)
          .add("programme", DataTypes.StringType)
          .add("lon", DataTypes.DoubleType)
          .add("lat", DataTypes.DoubleType);

  /**
   * Seeded sampling sites around Jinan (lon 116.8-117.4, lat 36.4-36.8): {@code sites} sites, each sampled 1-5
   * times (so points repeat, as at real sampling points), plus risk-targeted samples and samples without
   * coordinates that the density must leave out.
   */
  private static List<Row> samples(long seed, int sites) {
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      double lon = 116.8 + 0.6 * r.nextDouble();
      double lat = 36.4 + 0.4 * r.nextDouble();
      int times = 1 + r.nextInt(5);
      for (int k = 0; k < times; k++) {
        rows.add(RowFactory.create("S" + rows.size(), "RANDOM_MONITORING", lon, lat));
      }
      if (r.nextInt(10) == 0) {
        rows.add(RowFactory.create("S" + rows.size(), "RISK_TARGETED", lon + 0.5, lat));
        rows.add(RowFactory.create("S" + rows.size(), "RANDOM_MONITORING", null, lat));
      }
    }
    return rows;
  }

  private static void assertSameGeoJson(Path expected, Path actual) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode e = json.readTree(expected.toFile());
    JsonNode a = json.readTree(actual.toFile());
    for (String k :
        List.of("title", "crs", "kernel", "bandwidth_rule", "cell_m", "points", "unit")) {
      assertEquals(e.at("/metadata/" + k), a.at("/metadata/" + k), k);
    }
    double he = e.at("/metadata/bandwidth_m").asDouble();
    assertEquals(he, a.at("/metadata/bandwidth_m").asDouble(), 1e-12 * he, "bandwidth_m");
    assertEquals(e.get("features").size(), a.get("features").size(), "cells with a density");
    double peak = 0;
    for (JsonNode f : e.get("features")) {
      peak = Math.max(peak, f.at("/properties/density_per_km2").asDouble());
    }
    for (int i = 0; i < e.get("features").size(); i++) {
      JsonNode fe = e.get("features").get(i);
      JsonNode fa = a.get("features").get(i);
      assertEquals(fe.get("geometry"), fa.get("geometry"), "cell " + i);
      // near the quartic kernel's edge, 1 - d²/h² loses digits, so compare against the peak density
      assertEquals(
          fe.at("/properties/density_per_km2").asDouble(),
          fa.at("/properties/density_per_km2").asDouble(),
          1e-12 * peak,
          "density of cell " + i);
    }
  }

  private static Path inMemory(Dataset<Row> samples, HeatMapSpec spec) throws Exception {
    @SuppressWarnings("deprecation")
    double[][] p = HeatMapJob.samplePoints(samples, spec);
    Path out = Files.createTempDirectory("kde-memory").resolve("sample-density.geojson");
    double h = SampleDensity.write(p[0], p[1], out);
    return Double.isNaN(h) ? null : out;
  }

  private static Path distributed(Dataset<Row> samples, HeatMapSpec spec) throws Exception {
    Path out = Files.createTempDirectory("kde-spark").resolve("sample-density.geojson");
    double h = SampleDensity.write(HeatMapJob.sampleCoordinates(samples, spec), out);
    return Double.isNaN(h) ? null : out;
  }

  @Test
  void sparkDensityEqualsTheInMemoryDensity() throws Exception {
    Dataset<Row> samples =
        SharedSpark.spark().createDataFrame(samples(11L, 300), SAMPLES).repartition(4);
    HeatMapSpec spec = HeatMapSpec.defaults();
    Path e = inMemory(samples, spec);
    Path a = distributed(samples, spec);
    assertSameGeoJson(e, a);
    JsonNode doc = new ObjectMapper().readTree(a.toFile());
    assertEquals("SILVERMAN_ARCGIS", doc.at("/metadata/bandwidth_rule").asText());
    assertTrue(doc.get("features").size() > 100, "a city-wide grid: " + doc.get("features").size());
  }

  @Test
  void anEvenCountWithMostPointsAtOneSiteAgreesToo() throws Exception {
    // an even number of points (the median is the mean of the two middle distances), most of them
    // at one site
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(RowFactory.create("C" + i, "RANDOM_MONITORING", 117.0, 36.65));
    }
    rows.addAll(samples(5L, 6));
    long withCoordinates =
        rows.stream()
            .filter(r -> !r.isNullAt(2) && "RANDOM_MONITORING".equals(r.getString(1)))
            .count();
    if (withCoordinates % 2 == 1) {
      rows.add(RowFactory.create("X", "RANDOM_MONITORING", 117.1, 36.6));
    }
    Dataset<Row> samples = SharedSpark.spark().createDataFrame(rows, SAMPLES).repartition(3);
    HeatMapSpec spec = HeatMapSpec.defaults();
    Path e = inMemory(samples, spec);
    Path a = distributed(samples, spec);
    assertEquals(0, HeatMapJob.sampleCoordinates(samples, spec).count() % 2);
    assertSameGeoJson(e, a);
  }

  @Test
  void fewerThanTwoDistinctPointsWriteNothing() throws Exception {
    HeatMapSpec spec = HeatMapSpec.defaults();
    Dataset<Row> one =
        SharedSpark.spark()
            .createDataFrame(
                List.of(RowFactory.create("A", "RANDOM_MONITORING", 117.0, 36.6)), SAMPLES);
    Dataset<Row> same =
        SharedSpark.spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("A", "RANDOM_MONITORING", 117.0, 36.6),
                    RowFactory.create("B", "RANDOM_MONITORING", 117.0, 36.6)),
                SAMPLES);
    for (Dataset<Row> d : List.of(one, same)) {
      assertEquals(null, inMemory(d, spec));
      Path out = Files.createTempDirectory("kde-none").resolve("sample-density.geojson");
      assertTrue(Double.isNaN(SampleDensity.write(HeatMapJob.sampleCoordinates(d, spec), out)));
      assertFalse(Files.exists(out));
    }
  }
}
