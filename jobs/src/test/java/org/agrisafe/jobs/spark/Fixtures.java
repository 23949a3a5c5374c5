package org.agrisafe.jobs.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.tables.TableDef;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Builds small named fixture DataFrames with a lakehouse table's exact schema: each row is given as a map of the
 * columns that matter; other columns get null, or false / 0 when required.
 */
public final class Fixtures {
  private Fixtures() {}

  public static Dataset<Row> rows(TableDef table, List<Map<String, Object>> rows) {
    StructType type = SparkSchemaUtil.convert(table.schema());
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> m : rows) {
      Object[] v = new Object[type.fields().length];
      for (int i = 0; i < v.length; i++) {
        var f = type.fields()[i];
        Object x = m.get(f.name());
        if (x == null && !f.nullable()) {
          x =
              switch (f.dataType().typeName()) {
                case "boolean" -> false;
                case "integer" -> 0;
                case "long" -> 0L;
                case "string" -> "";
                default ->
                    throw new IllegalArgumentException(
                        "Fixture needs a value for required " + f.name());
              };
        }
        v[i] = x;
      }
      out.add(RowFactory.create(v));
    }
    return SharedSpark.spark().createDataFrame(out, type);
  }

  /** A map from alternating keys and values. */
  public static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
