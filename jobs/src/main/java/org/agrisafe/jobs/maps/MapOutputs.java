package org.agrisafe.jobs.maps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes the map outputs of a heat-map run under {@code <output-dir>/maps/}: one GeoJSON per layer in the map
 * page's contract and {@code index.json} ({@link MapGeoJson}), one PNG choropleth per layer of its latest period
 * ({@link ChoroplethPng}, {@code <layer>-<period>.png}) and, when samples have coordinates, the kernel density of
 * sampling sites ({@link SampleDensity}, {@code sample-density.geojson}, not listed in index.json since it is
 * not a region layer).
 */
public final class MapOutputs {
  private MapOutputs() {}

  /**
   * Writes the map files; the kernel density is computed in Spark from the samples' coordinates
   * ({@link HeatMapJob#sampleCoordinates}, {@link SampleDensity#write(Dataset, Path)}), so no per-sample row
   * reaches the driver.
   *
   * @param outputDir the configured output folder; files go to its {@code maps/} subfolder
   * @param result the job's result
   * @param spec the spec computed
   * @param samples rows of {@code monitoring.samples}
   * @return the files written
   */
  public static List<Path> write(
      Path outputDir, HeatMapJob.Result result, HeatMapSpec spec, Dataset<Row> samples) {
    List<Path> out = regionMaps(outputDir, result, spec);
    Path kde = outputDir.resolve("maps").resolve("sample-density.geojson");
    if (!Double.isNaN(SampleDensity.write(HeatMapJob.sampleCoordinates(samples, spec), kde))) {
      out.add(kde);
    }
    return out;
  }

  /**
   * @param outputDir the configured output folder; files go to its {@code maps/} subfolder
   * @param result the job's result
   * @param spec the spec computed
   * @param points {lon[], lat[]} of samples with coordinates (may be empty)
   * @return the files written
   * @deprecated takes the points collected on the driver: use {@link #write(Path, HeatMapJob.Result, HeatMapSpec,
   *     Dataset)}
   */
  @Deprecated
  public static List<Path> write(
      Path outputDir, HeatMapJob.Result result, HeatMapSpec spec, double[][] points) {
    List<Path> out = regionMaps(outputDir, result, spec);
    if (points[0].length >= 2) {
      Path kde = outputDir.resolve("maps").resolve("sample-density.geojson");
      if (!Double.isNaN(SampleDensity.write(points[0], points[1], kde))) {
        out.add(kde);
      }
    }
    return out;
  }

  /** The region layers' GeoJSON, index.json and the latest period's PNG per layer. */
  private static List<Path> regionMaps(Path outputDir, HeatMapJob.Result result, HeatMapSpec spec) {
    Path maps = outputDir.resolve("maps");
    List<Path> out = new ArrayList<>(MapGeoJson.writeAll(maps, result, spec));
    for (MapLayer layer : spec.layers()) {
      List<String> periods = result.periods().get(layer);
      if (periods.isEmpty()) {
        continue;
      }
      String latest = periods.get(periods.size() - 1);
      Path png = maps.resolve(layer.id + "-" + latest + ".png");
      ChoroplethPng.write(
          layer,
          result.stats().get(layer),
          latest,
          result.synthetic(layer),
          spec.programmesText(),
          spec.minSamples(),
          png);
      out.add(png);
    }
    return out;
  }
}
