package org.agrisafe.jobs.trace;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;

import org.agrisafe.intake.model.MethodType;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.TraceTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Trace-back from failed results (检打联动): for every quantitative result of a sample with a producer that FAILs
 * (value &gt; MRL) or detects a substance banned for that commodity on that date (illegal-use signal,
 * docs/conventions.md §5.2), the shops that sold that producer a product containing an active ingredient that can give the
 * residue ({@code inputs.residue_sources}, e.g. thiamethoxam for clothianidin; a residue not listed maps to the
 * ingredient of the same code) within {@code windowDays} before sampling: {@code 0 <= sample_date - sale date
 * < windowDays} (local dates). Ranked per result by the most recent sale, then the larger quantity (kg of
 * product), then the licence number. Output shape: {@code trace.trace_back}, one row per (result, active
 * ingredient, shop).
 */
public final class TraceBackJob {
  private TraceBackJob() {}

  /** Days before sampling searched, default 90 (the default; a typical pre-harvest season). */
  public static final int WINDOW_DAYS_DEFAULT = 90;

  /**
   * The pure transform.
   *
   * @param results {@code monitoring.results}
   * @param samples {@code monitoring.samples}
   * @param ledger {@code inputs.ledger_lines}
   * @param ingredients {@code inputs.product_ingredients}
   * @param residueSources {@code inputs.residue_sources}
   * @param windowDays days searched before sampling, &gt;= 1
   * @throws IllegalArgumentException when windowDays &lt; 1
   */
  public static Dataset<Row> transform(
      Dataset<Row> results,
      Dataset<Row> samples,
      Dataset<Row> ledger,
      Dataset<Row> ingredients,
      Dataset<Row> residueSources,
      int windowDays,
      Long resultsSnapshot,
      Long ledgerSnapshot) {
    if (windowDays < 1) {
      throw new IllegalArgumentException("windowDays " + windowDays + ": expected >= 1 day");
    }
    Dataset<Row> triggers =
        results
            .filter(
                col("method_type")
                    .equalTo(MethodType.QUANTITATIVE.name())
                    .and(col("verdict").equalTo("FAIL").or(col("banned_detection"))))
            .join(samples.select("sample_id", "producer_id"), "sample_id")
            .filter(col("producer_id").isNotNull())
            .select("result_id", "sample_id", "producer_id", "analyte_code", "sample_date");
    Dataset<Row> map =
        residueSources
            .select("residue_code", "active_ingredient", "relation")
            .union(
                triggers.select(
                    col("analyte_code").as("residue_code"),
                    col("analyte_code").as("active_ingredient"),
                    lit("PARENT").as("relation")))
            .dropDuplicates("residue_code", "active_ingredient");
    Dataset<Row> sales =
        ledger
            .filter(col("direction").equalTo("SALE").and(col("buyer_producer_id").isNotNull()))
            .join(
                ingredients.select("registration_no", "active_ingredient", "content_pct"),
                "registration_no")
            .select(
                col("line_id"),
                col("licence_no"),
                col("line_date"),
                col("buyer_producer_id"),
                col("active_ingredient").as("sale_ai"),
                col("quantity_kg"),
                col("quantity_kg").multiply(col("content_pct")).divide(100).as("ai_kg"));
    Dataset<Row> joined =
        triggers
            .join(map, triggers.col("analyte_code").equalTo(map.col("residue_code")))
            .join(
                sales,
                col("producer_id")
                    .equalTo(col("buyer_producer_id"))
                    .and(col("active_ingredient").equalTo(col("sale_ai"))))
            .withColumn("days", datediff(col("sample_date"), col("line_date")))
            .filter(col("days").geq(0).and(col("days").lt(windowDays)));
    Dataset<Row> grouped =
        joined
            .groupBy(
                "result_id",
                "sample_id",
                "producer_id",
                "analyte_code",
                "sample_date",
                "active_ingredient",
                "relation",
                "licence_no")
            .agg(
                count(lit(1)).cast("int").as("lines"),
                max("line_date").as("last_sale_date"),
                sum("quantity_kg").as("quantity_kg"),
                sum("ai_kg").as("active_ingredient_kg"),
                concat_ws(";", sort_array(collect_list("line_id"))).as("line_ids"));
    return grouped
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy("result_id")
                        .orderBy(
                            col("last_sale_date").desc(),
                            col("quantity_kg").desc(),
                            col("licence_no"))))
        .withColumn("days_before_sampling", datediff(col("sample_date"), col("last_sale_date")))
        .withColumn("window_days", lit(windowDays))
        .withColumn("results_snapshot_id", lit(resultsSnapshot).cast("long"))
        .withColumn("ledger_snapshot_id", lit(ledgerSnapshot).cast("long"))
        .withColumn("computed_at", current_timestamp())
        .select(
            "result_id",
            "sample_id",
            "producer_id",
            "analyte_code",
            "sample_date",
            "window_days",
            "active_ingredient",
            "relation",
            "licence_no",
            "rank",
            "lines",
            "last_sale_date",
            "days_before_sampling",
            "quantity_kg",
            "active_ingredient_kg",
            "line_ids",
            "results_snapshot_id",
            "ledger_snapshot_id",
            "computed_at");
  }

  /** Reads the tables, runs {@link #transform} and replaces {@code trace.trace_back}; returns its rows. */
  public static Dataset<Row> run(SparkSession spark, String catalog, int windowDays) {
    String results = Tables.RESULTS.qualifiedName(catalog);
    String ledger = TraceTables.LEDGER_LINES.qualifiedName(catalog);
    Dataset<Row> out =
        transform(
            spark.table(results),
            spark.table(Tables.SAMPLES.qualifiedName(catalog)),
            spark.table(ledger),
            spark.table(TraceTables.PRODUCT_INGREDIENTS.qualifiedName(catalog)),
            spark.table(TraceTables.RESIDUE_SOURCES.qualifiedName(catalog)),
            windowDays,
            LakehouseIo.currentSnapshotId(spark, results),
            LakehouseIo.currentSnapshotId(spark, ledger));
    // re-typed with the table's (non-null) schema, distributed: nothing is collected to the driver
    Dataset<Row> typed =
        spark.createDataFrame(
            out.toJavaRDD(), org.agrisafe.jobs.spark.Rows.type(TraceTables.TRACE_BACK));
    TraceIo.replace(typed, TraceTables.TRACE_BACK.qualifiedName(catalog));
    return spark.table(TraceTables.TRACE_BACK.qualifiedName(catalog));
  }
}
