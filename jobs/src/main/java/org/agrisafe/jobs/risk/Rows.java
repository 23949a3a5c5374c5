package org.agrisafe.jobs.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.tables.TableDef;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A fluent row builder for the risk jobs: {@code new Rows(schema).set("col", v).build()}. It only collects values;
 * the column check and the required-column check are the shared {@link org.agrisafe.jobs.spark.Rows#of}, so
 * there is one definition of "a row by column name" in the jobs.
 */
final class Rows {
  private final StructType schema;
  private final Map<String, Object> values = new HashMap<>();

  Rows(StructType schema) {
    this.schema = schema;
  }

  /** The Spark schema of an Iceberg table definition. */
  static StructType schema(TableDef def) {
    return org.agrisafe.jobs.spark.Rows.type(def);
  }

  /**
   * Sets a column.
   *
   * @throws IllegalArgumentException naming the column when it is not in the schema
   */
  Rows set(String column, Object value) {
    if (schema.getFieldIndex(column).isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown column '" + column + "': expected one of " + List.of(schema.fieldNames()));
    }
    values.put(column, value);
    return this;
  }

  /**
   * The row in the schema's column order; the builder is then empty again.
   *
   * @throws IllegalArgumentException naming a required column left unset
   */
  Row build() {
    Row row = org.agrisafe.jobs.spark.Rows.of(schema, values);
    values.clear();
    return row;
  }

  static Dataset<Row> frame(SparkSession spark, List<Row> rows, TableDef def) {
    return spark.createDataFrame(rows, schema(def));
  }

  static Timestamp now() {
    return Timestamp.from(Instant.now());
  }
}
