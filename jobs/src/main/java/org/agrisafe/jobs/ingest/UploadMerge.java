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
 * <p>A sample's verdict is recomputed from all its current results: {@link #earlierResults} reads the results
 * of the upload's samples that earlier uploads wrote, so that a correction of one result re-judges the whole
 * sample.
 */
final class UploadMerge {
  private UploadMerge() {}

  /**
   * Current results already in the lakehouse for the given samples, except the result IDs the upload carries, as
   * parsed records (the fields the verdict needs), so the upload's samples are judged on all their results.
   */
  static java.util.List<org.agrisafe.intake.model.ParsedResult> earlierResults(
      SparkSession spark,
      String catalog,
      java.util.Collection<String> sampleIds,
      java.util.Collection<String> uploadResultIds) {
    if (sampleIds.isEmpty()) {
      return java.util.List.of();
    }
    Dataset<Row> rows =
        spark
            .table(Tables.RESULTS.qualifiedName(catalog))
            .filter(
                org.apache
                    .spark
                    .sql
                    .functions
                    .col("sample_id")
                    .isin(sampleIds.toArray())
                    .and(
                        org.apache.spark.sql.functions.not(
                            org.apache
                                .spark
                                .sql
                                .functions
                                .col("result_id")
                                .isin(uploadResultIds.toArray()))));
    java.util.List<org.agrisafe.intake.model.ParsedResult> out = new java.util.ArrayList<>();
    for (Row r : rows.collectAsList()) {
      out.add(parsedResult(r));
    }
    return out;
  }

  /** The parsed result a stored {@code monitoring.results} row of a lab upload was judged from. */
  static org.agrisafe.intake.model.ParsedResult parsedResult(Row r) {
    {
      var b =
          org.agrisafe.intake.model.ParsedResult.builder(r.getAs("result_id"), r.getAs("sample_id"))
              .revision(r.<Integer>getAs("revision"))
              .analyte(r.getAs("analyte_raw"), r.getAs("analyte_code"))
              .method(org.agrisafe.intake.model.Method.valueOf(r.getAs("method")))
              .value(r.getAs("value_raw"), r.getAs("unit_raw"), r.getAs("value_mg_per_kg"))
              .limits(r.getAs("lod_mg_per_kg"), r.getAs("loq_mg_per_kg"))
              .reportedBelowLod(Boolean.TRUE.equals(r.getAs("reported_below_lod")))
              .reportedBelowLoq(Boolean.TRUE.equals(r.getAs("reported_below_loq")))
              .inhibitionRatePct(r.getAs("inhibition_rate_pct"))
              .stripPositive(r.getAs("strip_positive"));
      Long line = r.getAs("source_line");
      if (line != null) {
        b.sourceLine(line);
      }
      return b.build();
    }
  }

  static void merge(
      SparkSession spark,
      String catalog,
      Dataset<Row> samples,
      Dataset<Row> current,
      Dataset<Row> revisions,
      Dataset<Row> rejected) {
    String s = Tables.SAMPLES.qualifiedName(catalog);
    String r = Tables.RESULTS.qualifiedName(catalog);
    String h = Tables.RESULT_REVISIONS.qualifiedName(catalog);
    String x = Tables.REJECTED_RECORDS.qualifiedName(catalog);
    revisions.createOrReplaceTempView("upload_revisions");
    current.createOrReplaceTempView("upload_current");
    samples.createOrReplaceTempView("upload_samples");
    rejected.createOrReplaceTempView("upload_rejected");
    spark.sql(
        "MERGE INTO "
            + h
            + " t USING upload_revisions u ON t.result_id = u.result_id AND t.revision = u.revision"
            + " WHEN NOT MATCHED THEN INSERT *");
    spark.sql(
        "MERGE INTO "
            + r
            + " t USING upload_current u ON t.result_id = u.result_id"
            + " WHEN MATCHED AND u.revision > t.revision THEN UPDATE SET *"
            + " WHEN NOT MATCHED THEN INSERT *");
    spark.sql(
        "MERGE INTO "
            + h
            + " t USING (SELECT result_id, max(revision) AS mx FROM "
            + h
            + " WHERE result_id IN (SELECT result_id FROM upload_revisions) GROUP BY result_id) m"
            + " ON t.result_id = m.result_id AND t.revision < m.mx AND t.is_current"
            + " WHEN MATCHED THEN UPDATE SET is_current = false, superseded_by_revision = m.mx");
    spark.sql(
        "MERGE INTO "
            + s
            + " t USING upload_samples u ON t.sample_id = u.sample_id"
            + " WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
    spark.sql(
        "MERGE INTO "
            + x
            + " t USING upload_rejected u ON t.ingest_run_id = u.ingest_run_id"
            + " AND t.source_line <=> u.source_line AND t.source_file <=> u.source_file AND t.field <=> u.field"
            + " WHEN NOT MATCHED THEN INSERT *");
  }
}
