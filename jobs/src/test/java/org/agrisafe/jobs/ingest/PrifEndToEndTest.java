package org.agrisafe.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole bundled UK PRiF annex through the Spark ingest: every sample accounted for, figures checked by hand
 * (an independent Python count over the raw CSV, quoted in PrifAdapterIntegrationTest: 234 samples sampled in
 * 2019 with at least one residue above its MRL), and a re-run that changes nothing.
 */
@Tag("integration")
class PrifEndToEndTest {
  @Test
  void wholeAnnexIngestsReconcilesAndIsIdempotent() {
    SparkSession spark = SharedSpark.spark();
    String c = SharedSpark.config().catalogName();
    Path file =
        Path.of(System.getProperty("agrisafe.repo.dir", ".."))
            .resolve("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz");
    IngestJob.Summary s =
        IngestJob.run(
            spark,
            c,
            IngestJob.Format.UK_PRIF,
            file,
            null,
            ReferenceData.loadBundled(),
            SharedSpark.config().zone());
    assertEquals(20_865, s.report().samplesReceived());
    assertEquals(s.report().samplesReceived(), s.accepted() + s.rejected());
    String samples = Tables.SAMPLES.qualifiedName(c);
    assertEquals(
        20_865, spark.sql("SELECT * FROM " + samples + " WHERE source_system = 'UK_PRIF'").count());
    assertEquals(
        234,
        spark
            .sql(
                "SELECT * FROM "
                    + samples
                    + " WHERE source_system = 'UK_PRIF'"
                    + " AND year(sample_date) = 2019 AND has_exceedance")
            .count());
    assertEquals(
        1_308,
        spark
            .sql(
                "SELECT * FROM "
                    + Tables.RESULTS.qualifiedName(c)
                    + " WHERE source_system = 'UK_PRIF' AND exceeds")
            .count(),
        "detections with value > MRL (PROVENANCE)");
    long results = spark.table(Tables.RESULTS.qualifiedName(c)).count();
    IngestJob.run(
        spark,
        c,
        IngestJob.Format.UK_PRIF,
        file,
        null,
        ReferenceData.loadBundled(),
        SharedSpark.config().zone());
    assertEquals(
        20_865, spark.sql("SELECT * FROM " + samples + " WHERE source_system = 'UK_PRIF'").count());
    assertEquals(results, spark.table(Tables.RESULTS.qualifiedName(c)).count());
  }
}
