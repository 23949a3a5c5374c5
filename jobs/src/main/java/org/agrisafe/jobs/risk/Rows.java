package org.agrisafe.jobs.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.tables.TableDef;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds driver-side rows by column name in the column order of a table's Spark schema, so that no job fills a
 * 40-column row by position. A required (non-nullable) column left unset is an error naming the column.
 */
final class Rows {
  private final StructType schema;
  private final Map<String, Object> values = new HashMap<>();

  Rows(StructType schema) {
    this.schema = schema;
  }

  /** The Spark schema of an Iceberg table definition. */
  static StructType schema(TableDef def) {
    return SparkSchemaUtil.convert(def.schema());
  }

  Rows set(String column, Object value) {
    if (schema.getFieldIndex(column).isEmpty()) {
      throw new IllegalArgumentException("Unknown column '" + column + "': expected one of "
          + List.of(schema.fieldNames()));
    }
    values.put(column, value);
    return this;
  }

  Row build() {
    Object[] out = new Object[schema.size()];
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      Object v = values.get(fields[i].name());
      if (v == null && !fields[i].nullable()) {
        throw new IllegalStateException("Required column '" + fields[i].name() + "' was not set");
      }
      out[i] = v;
    }
    values.clear();
    return RowFactory.create(out);
  }

  static Dataset<Row> frame(SparkSession spark, List<Row> rows, TableDef def) {
    return spark.createDataFrame(rows, schema(def));
  }

  static Timestamp now() {
    return Timestamp.from(Instant.now());
  }
}
