package org.agrisafe.jobs.maps;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.intake.reference.RegionAssigner;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.MapTables;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.risk.rates.Rate;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The heat-map job (issue "GIS: regional heat maps"): per layer, period and region, the pass, detection and
 * exceedance rates with 95 % Wilson intervals, the EB-smoothed exceedance rate, Getis–Ord Gi* z and permutation p,
 * the LISA class and the hot-spot class; written to {@code analytics.region_stats}.
 *
 * <p>Shape: {@link #aggregate} (Spark: region assignment by UDFs calling {@link RegionAssigner}, then counts per
 * layer × period × region) → {@link #statistics} (driver, pure Java: {@link RegionStatistics}) →
 * {@link #transform} (rows of the table) and a thin {@link #run} that reads {@code monitoring.samples} and
 * overwrites the layer's partitions. Only samples of the spec's programmes count (random monitoring by default).
 */
public final class HeatMapJob {
  private HeatMapJob() {}

  static final String ASSIGN_ORIGIN = "agrisafe_assign_origin";
  static final String ASSIGN_DISTRICT = "agrisafe_assign_district";

  private static final StructType ASSIGNMENT =
      new StructType()
          .add("code", DataTypes.StringType)
          .add("method", DataTypes.StringType)
          .add("reason", DataTypes.StringType);

  /** Registers the assignment UDFs (bodies call {@link RegionAssigner#bundled()}); idempotent. */
  public static void registerUdfs(SparkSession spark) {
    spark
        .udf()
        .register(ASSIGN_ORIGIN, (UDF2<String, String, Row>) HeatMapJob::assignOrigin, ASSIGNMENT);
    spark
        .udf()
        .register(
            ASSIGN_DISTRICT,
            (UDF3<String, Double, Double, Row>) HeatMapJob::assignDistrict,
            ASSIGNMENT);
  }

  static Row assignOrigin(String iso2, String raw) {
    return toRow(RegionAssigner.bundled().origin(iso2, raw));
  }

  static Row assignDistrict(String code, Double lon, Double lat) {
    return toRow(RegionAssigner.bundled().district(code, lon, lat));
  }

  private static Row toRow(RegionAssigner.Assignment a) {
    return RowFactory.create(a.code(), a.method().name(), a.reason());
  }

  /**
   * Counts per layer, period and assigned region; samples that cannot be assigned are kept with a null
   * {@code region_code} and their {@code reason}, so that the caller reports them.
   *
   * @param samples rows of {@code monitoring.samples}
   * @return columns layer, period, region_code, reason, samples, judged, passed, detected, exceeding, synthetic
   */
  public static Dataset<Row> aggregate(Dataset<Row> samples, HeatMapSpec spec) {
    registerUdfs(samples.sparkSession());
    Column period =
        spec.periodType() == PeriodType.MONTH
            ? col("sample_month")
            : substring(col("sample_month"), 1, 4);
    Dataset<Row> in =
        samples
            .filter(col("programme").isin(spec.programmes().stream().map(Enum::name).toArray()))
            .withColumn("period", period);
    Dataset<Row> all = null;
    for (MapLayer layer : spec.layers()) {
      Dataset<Row> l =
          layer == MapLayer.WORLD_ORIGIN
              ? in.withColumn(
                  "a", call_udf(ASSIGN_ORIGIN, col("origin_iso2"), col("country_of_origin_raw")))
              : in.filter(
                      col("region_code")
                          .isNotNull()
                          .or(col("lon").isNotNull().and(col("lat").isNotNull())))
                  .withColumn(
                      "a", call_udf(ASSIGN_DISTRICT, col("region_code"), col("lon"), col("lat")));
      l =
          l.select(
              lit(layer.id).as("layer"),
              col("period"),
              col("a.code").as("region_code"),
              col("a.reason").as("reason"),
              col("sample_verdict"),
              col("has_detection"),
              col("has_exceedance"),
              col("is_synthetic"));
      all = all == null ? l : all.unionByName(l);
    }
    return all.groupBy(col("layer"), col("period"), col("region_code"), col("reason"))
        .agg(
            count(lit(1)).as("samples"),
            sum(when(col("sample_verdict").isin("PASS", "FAIL"), 1L).otherwise(0L)).as("judged"),
            sum(when(col("sample_verdict").equalTo("PASS"), 1L).otherwise(0L)).as("passed"),
            sum(when(col("has_detection"), 1L).otherwise(0L)).as("detected"),
            sum(when(col("has_exceedance"), 1L).otherwise(0L)).as("exceeding"),
            max(col("is_synthetic")).as("synthetic"));
  }

  /**
   * The result of one run.
   *
   * @param stats statistics per layer (in spec order) and region-period
   * @param unassigned per layer, samples that could not be assigned, by reason
   * @param periods per layer, the periods with data, sorted
   */
  public record Result(
      Map<MapLayer, List<RegionStat>> stats,
      Map<MapLayer, Map<String, Long>> unassigned,
      Map<MapLayer, List<String>> periods) {
    /** Whether any sample counted in a layer is synthetic. */
    public boolean synthetic(MapLayer layer) {
      return stats.get(layer).stream().anyMatch(s -> s.counts().synthetic());
    }
  }

  /** Runs {@link #aggregate}, collects the (small) counts and computes the statistics on the driver. */
  public static Result statistics(Dataset<Row> samples, HeatMapSpec spec) {
    List<Row> rows = aggregate(samples, spec).collectAsList();
    Map<MapLayer, List<RegionStat>> stats = new LinkedHashMap<>();
    Map<MapLayer, Map<String, Long>> unassigned = new LinkedHashMap<>();
    Map<MapLayer, List<String>> periods = new LinkedHashMap<>();
    for (MapLayer layer : spec.layers()) {
      Map<String, List<RegionCounts>> byPeriod = new TreeMap<>();
      Map<String, Long> missing = new TreeMap<>();
      for (Row r : rows) {
        if (!layer.id.equals(r.getAs("layer"))) {
          continue;
        }
        String code = r.getAs("region_code");
        long n = r.getAs("samples");
        if (code == null) {
          missing.merge(r.getAs("reason"), n, Long::sum);
          continue;
        }
        byPeriod
            .computeIfAbsent(r.getAs("period"), k -> new ArrayList<>())
            .add(
                new RegionCounts(
                    code,
                    n,
                    r.getAs("judged"),
                    r.getAs("passed"),
                    r.getAs("detected"),
                    r.getAs("exceeding"),
                    r.getAs("synthetic")));
      }
      List<RegionStat> out = new ArrayList<>();
      for (Map.Entry<String, List<RegionCounts>> e : byPeriod.entrySet()) {
        out.addAll(
            RegionStatistics.compute(layer, layer.regions(), e.getKey(), e.getValue(), spec));
      }
      stats.put(layer, out);
      unassigned.put(layer, missing);
      periods.put(layer, List.copyOf(byPeriod.keySet()));
    }
    return new Result(stats, unassigned, periods);
  }

  /**
   * Rows of {@code analytics.region_stats}, in its column order.
   *
   * @param spark the session
   * @param result output of {@link #statistics}
   * @param spec the spec computed
   */
  public static Dataset<Row> transform(SparkSession spark, Result result, HeatMapSpec spec) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<MapLayer, List<RegionStat>> e : result.stats().entrySet()) {
      String scheme = e.getKey().regions().scheme();
      for (RegionStat s : e.getValue()) {
        RegionCounts c = s.counts();
        List<Object> v =
            new ArrayList<>(
                List.of(
                    s.layer(),
                    spec.periodType().name(),
                    s.period(),
                    spec.programmeScope(),
                    scheme,
                    s.code()));
        v.add(s.name());
        v.add(s.onMap());
        v.addAll(List.of(c.samples(), c.judged(), c.passed(), c.detected(), c.exceeding()));
        addRate(v, s.pass());
        addRate(v, s.detection());
        addRate(v, s.exceedance());
        v.add(s.exceedanceEb());
        v.add(s.tooFewSamples());
        v.add(spec.minSamples());
        v.add(s.giStarZ());
        v.add(s.giStarP());
        v.add(s.hotspot().name());
        v.add(s.lisaI());
        v.add(s.lisaP());
        v.add(s.lisaClass());
        v.add(s.neighbourRule());
        v.add(s.neighbours());
        v.add(spec.permutations());
        v.add(spec.seed());
        v.add(c.synthetic());
        v.add(now);
        rows.add(RowFactory.create(v.toArray()));
      }
    }
    return spark.createDataFrame(rows, SparkSchemaUtil.convert(MapTables.REGION_STATS.schema()));
  }

  private static void addRate(List<Object> v, Rate r) {
    v.add(r.value());
    v.add(r.wilson95() == null ? null : r.wilson95().lower());
    v.add(r.wilson95() == null ? null : r.wilson95().upper());
  }

  /**
   * Reads {@code monitoring.samples}, computes, and replaces the partitions of {@code analytics.region_stats} for
   * the spec's layers, period type and programme scope (creating the table if missing): a re-run leaves the same
   * rows, and periods that no longer have data disappear.
   */
  public static Result run(SparkSession spark, LakehouseConfig config, HeatMapSpec spec) {
    LakehouseBootstrap.ensure(SparkSessions.icebergCatalog(spark, config), MapTables.REGION_STATS);
    Dataset<Row> samples = spark.table(Tables.SAMPLES.qualifiedName(config.catalogName()));
    Result result = statistics(samples, spec);
    write(transform(spark, result, spec), config.catalogName(), spec);
    return result;
  }

  /** Overwrites the partitions (layer, period type, programme scope) of the spec with {@code rows}. */
  public static void write(Dataset<Row> rows, String catalog, HeatMapSpec spec) {
    Column replace =
        col("layer")
            .isin(spec.layers().stream().map(l -> l.id).toArray())
            .and(col("period_type").equalTo(spec.periodType().name()))
            .and(col("programme_scope").equalTo(spec.programmeScope()));
    try {
      rows.writeTo(MapTables.REGION_STATS.qualifiedName(catalog)).overwrite(replace);
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "Table " + MapTables.REGION_STATS.qualifiedName(catalog) + " is missing", e);
    }
  }

  /**
   * The samples of the spec's programmes that have coordinates, as a Dataset (nothing is collected): the input of
   * the kernel density ({@link SampleDensity#write(Dataset, Path)}).
   *
   * @param samples rows of {@code monitoring.samples}
   * @return columns lon, lat (WGS-84 degrees, non-null), one row per sample
   */
  public static Dataset<Row> sampleCoordinates(Dataset<Row> samples, HeatMapSpec spec) {
    return samples
        .filter(col("programme").isin(spec.programmes().stream().map(Enum::name).toArray()))
        .filter(col("lon").isNotNull().and(col("lat").isNotNull()))
        .select("lon", "lat");
  }

  /**
   * WGS-84 coordinates of the samples of the spec's programmes that have them, collected to the driver.
   *
   * @return {lon[], lat[]}
   * @deprecated holds one entry per sample on the driver: use {@link #sampleCoordinates} with
   *     {@link MapOutputs#write(Path, Result, HeatMapSpec, Dataset)}, which computes the density in Spark
   */
  @Deprecated
  public static double[][] samplePoints(Dataset<Row> samples, HeatMapSpec spec) {
    List<Row> rows = sampleCoordinates(samples, spec).collectAsList();
    double[][] out = new double[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      out[0][i] = rows.get(i).getDouble(0);
      out[1][i] = rows.get(i).getDouble(1);
    }
    return out;
  }
}
