package org.agrisafe.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.jobs.spark.SparkSessions;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch ingest cuts an upload's sampling date in the lakehouse's zone (docs/conventions.md §13.2, §13.3): the
 * same upload, a sample taken at 2024-07-01T00:30:00+08:00, is stored with {@code sample_month} 2024-07 in a
 * lakehouse in Asia/Shanghai and 2024-06 in one in Europe/London. Each lakehouse is its own folder, registered as
 * a second and third catalog of the shared session; the shared lakehouse is not written.
 */
class IngestZoneTest {
  private static final String UPLOAD =
      "{\"result_id\":\"Z-R1\",\"revision\":1,\"sample_id\":\"Z-S1\",\"lab_id\":\"370100-QC-01\","
          + "\"lab_level\":\"city\",\"sampling_stage\":\"wholesale_market\",\"division_code\":\"370102\","
          + "\"commodity\":\"韭菜\",\"analyte\":\"腐霉利\",\"method\":\"GC-MS\",\"value\":\"0.1\","
          + "\"unit\":\"mg/kg\",\"sampled_at\":\"2024-07-01T00:30:00+08:00\","
          + "\"programme\":\"random_monitoring\"}";

  /** Ingests {@code file} into a new lakehouse in {@code dir}, built with {@code zone}; its one sample row. */
  private static Row ingest(Path dir, String catalog, String zone, Path file) throws Exception {
    Files.createDirectories(dir);
    SparkSession spark = SharedSpark.spark();
    LakehouseConfig cfg =
        LakehouseConfig.load(
            null,
            Map.of(
                LakehouseConfig.LAKEHOUSE_DIR,
                dir.toString(),
                LakehouseConfig.CATALOG_NAME,
                catalog,
                LakehouseConfig.ZONE,
                zone),
            Map.of());
    spark.conf().set("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog");
    cfg.icebergCatalogProperties()
        .forEach((k, v) -> spark.conf().set("spark.sql.catalog." + catalog + "." + k, v));
    LakehouseBootstrap.createAll(SparkSessions.icebergCatalog(spark, cfg), cfg.zone());
    IngestJob.run(
        spark,
        catalog,
        IngestJob.Format.UPLOAD,
        file,
        StandardCharsets.UTF_8,
        ReferenceData.loadBundled(),
        cfg.zone());
    Row result =
        IngestJobTest.one(
            spark, "SELECT sample_month FROM " + Tables.RESULTS.qualifiedName(catalog));
    Row sample =
        IngestJobTest.one(
            spark,
            "SELECT sample_month, sample_date, zone FROM " + Tables.SAMPLES.qualifiedName(catalog));
    assertEquals(sample.getString(0), result.getString(0), "results carry the sample's month");
    return sample;
  }

  @Test
  void theSameUploadIsJulyInShanghaiAndJuneInLondon(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("upload.jsonl"), List.of(UPLOAD), StandardCharsets.UTF_8);
    Row shanghai = ingest(dir.resolve("shanghai"), "zone_shanghai", "Asia/Shanghai", file);
    Row london = ingest(dir.resolve("london"), "zone_london", "Europe/London", file);
    assertEquals("2024-07", shanghai.getString(0));
    assertEquals(LocalDate.of(2024, 7, 1), shanghai.getAs("sample_date"));
    assertEquals("Asia/Shanghai", shanghai.getString(2));
    assertEquals("2024-06", london.getString(0), "00:30 +08:00 on 1 July is 30 June in London");
    assertEquals(LocalDate.of(2024, 6, 30), london.getAs("sample_date"));
    assertEquals(ZoneId.of("Europe/London").getId(), london.getString(2));
  }
}
