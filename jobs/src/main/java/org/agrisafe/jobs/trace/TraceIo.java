package org.agrisafe.jobs.trace;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrisafe.jobs.spark.Rows;
import org.agrisafe.lakehouse.tables.TableDef;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Writes of the trace jobs: whole-table replacement (snapshot sources and recomputed outputs) and MERGE. */
final class TraceIo {
  private TraceIo() {}

  /** Replaces every row of a table with {@code rows} (one Iceberg overwrite commit). */
  static void replace(
      SparkSession spark, String catalog, TableDef table, List<? extends Map<String, ?>> rows) {
    replace(Rows.frame(spark, table, rows), table.qualifiedName(catalog));
  }

  static void replace(Dataset<Row> df, String table) {
    try {
      df.writeTo(table).overwrite(lit(true));
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "Table " + table + " is missing: run `agrisafe create` first", e);
    }
  }

  static void append(
      SparkSession spark, String catalog, TableDef table, List<? extends Map<String, ?>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try {
      Rows.frame(spark, table, rows).writeTo(table.qualifiedName(catalog)).append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(
          "Table " + table.qualifiedName(catalog) + " is missing: run `agrisafe" + " create` first",
          e);
    }
  }

  /** MERGE on {@code key}: matched rows get every column except {@code keep}; new rows are inserted. */
  static void merge(
      SparkSession spark,
      String catalog,
      TableDef table,
      String key,
      Set<String> keep,
      List<? extends Map<String, ?>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    String view = "agrisafe_trace_merge_" + table.name();
    Rows.frame(spark, table, rows).createOrReplaceTempView(view);
    List<String> sets = new ArrayList<>();
    for (String c : Rows.type(table).fieldNames()) {
      if (!c.equals(key) && !keep.contains(c)) {
        sets.add("t." + c + " = s." + c);
      }
    }
    spark.sql(
        "MERGE INTO "
            + table.qualifiedName(catalog)
            + " t USING "
            + view
            + " s ON t."
            + key
            + " = s."
            + key
            + " WHEN MATCHED THEN UPDATE SET "
            + String.join(", ", sets)
            + " WHEN NOT MATCHED THEN INSERT *");
    spark.catalog().dropTempView(view);
  }
}
