package org.agrisafe.jobs.ingest;

import org.agrisafe.lakehouse.tables.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Incremental write of a lab upload: results merged by (result_id, revision), a higher revision replacing the
 * current row (the earlier one stays in {@code result_revisions}, marked not current), the same revision sent
 * again leaving everything as it was.
 *
 * <p>Limitation: the sample row is upserted from the upload that carries it, so its sample-level flags reflect
 * the results of that upload. A lab correcting one result of a multi-result sample must re-send the sample's
 * other results in the same file for the sample verdict to be recomputed (the streaming job keeps per-sample
 * state instead).
 */
final class UploadMerge {
  private UploadMerge() {}

  static void merge(
      SparkSession spark, String catalog, Dataset<Row> samples, Dataset<Row> current, Dataset<Row> revisions,
      Dataset<Row> rejected) {
    String s = Tables.SAMPLES.qualifiedName(catalog);
    String r = Tables.RESULTS.qualifiedName(catalog);
    String h = Tables.RESULT_REVISIONS.qualifiedName(catalog);
    String x = Tables.REJECTED_RECORDS.qualifiedName(catalog);
    revisions.createOrReplaceTempView("upload_revisions");
    current.createOrReplaceTempView("upload_current");
    samples.createOrReplaceTempView("upload_samples");
    rejected.createOrReplaceTempView("upload_rejected");
    spark.sql("MERGE INTO " + h + " t USING upload_revisions u ON t.result_id = u.result_id AND t.revision = u.revision"
        + " WHEN NOT MATCHED THEN INSERT *");
    spark.sql("MERGE INTO " + r + " t USING upload_current u ON t.result_id = u.result_id"
        + " WHEN MATCHED AND u.revision > t.revision THEN UPDATE SET *"
        + " WHEN NOT MATCHED THEN INSERT *");
    spark.sql("MERGE INTO " + h + " t USING (SELECT result_id, max(revision) AS mx FROM " + h
        + " WHERE result_id IN (SELECT result_id FROM upload_revisions) GROUP BY result_id) m"
        + " ON t.result_id = m.result_id AND t.revision < m.mx AND t.is_current"
        + " WHEN MATCHED THEN UPDATE SET is_current = false, superseded_by_revision = m.mx");
    spark.sql("MERGE INTO " + s + " t USING upload_samples u ON t.sample_id = u.sample_id"
        + " WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
    spark.sql("MERGE INTO " + x + " t USING upload_rejected u ON t.ingest_run_id = u.ingest_run_id"
        + " AND t.source_line <=> u.source_line AND t.source_file <=> u.source_file AND t.field <=> u.field"
        + " WHEN NOT MATCHED THEN INSERT *");
  }
}
