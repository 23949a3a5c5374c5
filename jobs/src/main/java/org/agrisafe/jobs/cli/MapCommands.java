package org.agrisafe.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.agrisafe.jobs.maps.HeatMapJob;
import org.agrisafe.jobs.maps.HeatMapSpec;
import org.agrisafe.jobs.maps.MapLayer;
import org.agrisafe.jobs.maps.MapOutputs;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateSpec;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agrisafe maps}: regional heat maps. Computes {@code analytics.region_stats} and writes the GeoJSON layers,
 * {@code index.json}, PNG choropleths and the sampling-site density under {@code <output-dir>/maps/}.
 */
@Command(
    name = "maps",
    description =
        "Regional heat maps: rates, EB-smoothed exceedance, Gi* hot spots and LISA per region; "
            + "GeoJSON + PNG under <output-dir>/maps/.")
public final class MapCommands implements Callable<Integer> {
  @Mixin LakehouseOptions config;

  @Option(names = "--period-type", defaultValue = "YEAR", description = "YEAR (default) or MONTH")
  PeriodType periodType;

  @Option(
      names = "--layers",
      split = ",",
      description = "world-origin,jinan-district (default both)")
  List<String> layers = new ArrayList<>();

  @Option(names = "--programmes", split = ",", description = "Default RANDOM_MONITORING")
  Set<PassRateSpec.Programme> programmes = EnumSet.copyOf(HeatMapSpec.PROGRAMMES_DEFAULT);

  @Option(
      names = "--min-samples",
      description = "Fewer samples: too few for a hot-spot claim (default 10)")
  int minSamples = HeatMapSpec.MIN_SAMPLES_DEFAULT;

  @Option(names = "--k", description = "Nearest neighbours of the world layer (default 5)")
  int k = HeatMapSpec.K_DEFAULT;

  @Option(
      names = "--permutations",
      description = "Permutations for Gi* and LISA p-values (default 999)")
  int permutations = HeatMapSpec.PERMUTATIONS_DEFAULT;

  @Option(names = "--seed", description = "Seed of the permutations (default 20240601)")
  long seed = HeatMapSpec.SEED_DEFAULT;

  @Override
  public Integer call() {
    Progress progress = new Progress(3);
    LakehouseConfig cfg = config.load();
    HeatMapSpec spec =
        new HeatMapSpec(
            periodType,
            layers.isEmpty()
                ? HeatMapSpec.LAYERS_DEFAULT
                : layers.stream().map(MapLayer::parse).toList(),
            programmes,
            minSamples,
            k,
            permutations,
            seed);
    progress.step("starting Spark");
    SparkSession spark = SparkSessions.create(cfg, "agrisafe-maps");
    progress.step(
        "computing analytics.region_stats ("
            + spec.periodType()
            + ", "
            + spec.programmeScope()
            + ")");
    HeatMapJob.Result result = HeatMapJob.run(spark, cfg, spec);
    Dataset<Row> samples = spark.table(Tables.SAMPLES.qualifiedName(cfg.catalogName()));
    progress.step("writing maps");
    List<Path> files =
        MapOutputs.write(Path.of(cfg.get(LakehouseConfig.OUTPUT_DIR)), result, spec, samples);
    progress.done();
    for (MapLayer layer : spec.layers()) {
      System.out.println(
          layer.id
              + ": "
              + result.stats().get(layer).size()
              + " region-period rows, periods "
              + result.periods().get(layer));
      result.stats().get(layer).stream()
          .filter(s -> !s.onMap())
          .map(s -> s.code())
          .distinct()
          .sorted()
          .forEach(c -> System.out.println("  not drawn (no polygon): " + c));
      for (Map.Entry<String, Long> e : result.unassigned().get(layer).entrySet()) {
        System.out.println("  samples without a region: " + e.getValue() + " (" + e.getKey() + ")");
      }
      if (result.periods().get(layer).isEmpty()) {
        System.out.println("  no data: layer file not written");
      }
    }
    if (files.stream()
        .noneMatch(f -> f.getFileName().toString().equals("sample-density.geojson"))) {
      System.out.println(
          "sample-density: not written ("
              + HeatMapJob.sampleCoordinates(samples, spec).count()
              + " samples with coordinates; needs 2 distinct points)");
    }
    files.forEach(f -> System.out.println("wrote " + f));
    return 0;
  }
}
