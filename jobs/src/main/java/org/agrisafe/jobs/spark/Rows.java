package org.agrisafe.jobs.spark;

import java.util.ArrayList;
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
 * Builds Spark rows for a lakehouse table from column maps, in the table's column order. Dates are {@code
 * LocalDate} and timestamps {@code Instant} (the session enables Spark's java.time API).
 */
public final class Rows {
  private Rows() {}

  /** The Spark type of a table. */
  public static StructType type(TableDef table) {
    return SparkSchemaUtil.convert(table.schema());
  }

  /**
   * One row.
   *
   * @throws IllegalArgumentException naming the column when a map key is not a column of the table, or a
   *     required column has no value
   */
  public static Row of(StructType type, Map<String, ?> values) {
    for (String k : values.keySet()) {
      if (type.getFieldIndex(k).isEmpty()) {
        throw new IllegalArgumentException("Column '" + k + "' is not in " + type.simpleString());
      }
    }
    StructField[] fields = type.fields();
    Object[] v = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Object x = values.get(fields[i].name());
      if (x == null && !fields[i].nullable()) {
        throw new IllegalArgumentException(
            "Required column '" + fields[i].name() + "' has no value");
      }
      v[i] = x;
    }
    return RowFactory.create(v);
  }

  /** A DataFrame of rows. */
  public static Dataset<Row> frame(
      SparkSession spark, TableDef table, List<? extends Map<String, ?>> rows) {
    StructType type = type(table);
    List<Row> out = new ArrayList<>(rows.size());
    for (Map<String, ?> m : rows) {
      out.add(of(type, m));
    }
    return spark.createDataFrame(out, type);
  }
}
