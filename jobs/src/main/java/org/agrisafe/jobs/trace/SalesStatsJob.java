package org.agrisafe.jobs.trace;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.agrisafe.intake.reference.ReferenceFiles;
import org.agrisafe.lakehouse.tables.TraceTables;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Statistics for the bulletin: pesticide sales volume by active ingredient, county (of the selling shop) and month
 * (local zone): sale lines, kg of product and kg of active ingredient (kg of product × content % / 100; liquids
 * at 1 kg/L). Output {@code trace.sales_stats}, replaced on every run. Sales to natural persons count like any
 * other; no buyer column is carried.
 */
public final class SalesStatsJob {
  private SalesStatsJob() {}

  /** The pure transform. */
  public static Dataset<Row> transform(
      Dataset<Row> ledger, Dataset<Row> ingredients, Dataset<Row> shops, Dataset<Row> countyNames) {
    return ledger
        .filter(col("direction").equalTo("SALE"))
        .join(
            ingredients.select("registration_no", "active_ingredient", "content_pct"),
            "registration_no")
        .join(shops.select("licence_no", "county_code"), "licence_no")
        .groupBy(col("line_month").as("month"), col("county_code"), col("active_ingredient"))
        .agg(
            count(lit(1)).as("sale_lines"),
            sum("quantity_kg").as("product_kg"),
            sum(col("quantity_kg").multiply(col("content_pct")).divide(100))
                .as("active_ingredient_kg"),
            max(ledger.col("is_synthetic")).as("is_synthetic"))
        .join(countyNames, col("county_code").equalTo(countyNames.col("code")), "left")
        .select(
            "month",
            "county_code",
            "county_name",
            "active_ingredient",
            "sale_lines",
            "product_kg",
            "active_ingredient_kg",
            "is_synthetic");
  }

  /** Runs on the lakehouse and replaces {@code trace.sales_stats}. */
  public static Dataset<Row> run(SparkSession spark, String catalog) {
    List<Row> names = new ArrayList<>();
    for (CSVRecord r : ReferenceFiles.csv("regions/cn_divisions_jinan.csv")) {
      if (r.get("code").length() == 6) {
        names.add(RowFactory.create(r.get("code"), r.get("name_zh")));
      }
    }
    Dataset<Row> countyNames =
        spark.createDataFrame(
            names,
            new StructType()
                .add("code", DataTypes.StringType)
                .add("county_name", DataTypes.StringType));
    Dataset<Row> out =
        transform(
            spark.table(TraceTables.LEDGER_LINES.qualifiedName(catalog)),
            spark.table(TraceTables.PRODUCT_INGREDIENTS.qualifiedName(catalog)),
            spark.table(TraceTables.SHOPS.qualifiedName(catalog)),
            countyNames);
    TraceIo.replace(
        spark.createDataFrame(
            out.toJavaRDD(), org.agrisafe.jobs.spark.Rows.type(TraceTables.SALES_STATS)),
        TraceTables.SALES_STATS.qualifiedName(catalog));
    return spark.table(TraceTables.SALES_STATS.qualifiedName(catalog));
  }
}
