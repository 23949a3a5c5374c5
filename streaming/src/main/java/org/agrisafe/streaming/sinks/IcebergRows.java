package org.agrisafe.streaming.sinks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.types.RowKind;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Converts engine-free column maps ({@link org.agrisafe.intake.ingest.ResultRowValues}) to Flink
 * {@link RowData} in the column order of an Iceberg schema of {@code lakehouse-schemas}, and back for single
 * columns. Types: string, int, long, double, boolean, date (from {@link LocalDate}), timestamptz (from
 * {@link Instant}, UTC) and map&lt;string,string&gt;.
 */
public final class IcebergRows {
  private IcebergRows() {}

  /** The Flink type information of rows of {@code schema}. */
  public static TypeInformation<RowData> typeInfo(Schema schema) {
    return InternalTypeInfo.of(FlinkSchemaUtil.convert(schema));
  }

  /**
   * One row of {@code schema} from a column map; keys that are not columns are ignored.
   *
   * @throws IllegalArgumentException if a required column is null, or a value has the wrong Java type (naming
   *     the column)
   */
  public static GenericRowData toRow(Schema schema, Map<String, Object> values, RowKind kind) {
    List<Types.NestedField> cols = schema.columns();
    GenericRowData row = new GenericRowData(kind, cols.size());
    for (int i = 0; i < cols.size(); i++) {
      Types.NestedField f = cols.get(i);
      Object v = values.get(f.name());
      if (v == null) {
        if (f.isRequired() && kind != RowKind.DELETE) {
          throw new IllegalArgumentException(
              "Column '" + f.name() + "' is required: expected a value");
        }
        continue;
      }
      row.setField(i, convert(f, v));
    }
    return row;
  }

  private static Object convert(Types.NestedField f, Object v) {
    Type.TypeID id = f.type().typeId();
    try {
      return switch (id) {
        case STRING -> StringData.fromString(v.toString());
        case INTEGER -> ((Number) v).intValue();
        case LONG -> ((Number) v).longValue();
        case DOUBLE -> ((Number) v).doubleValue();
        case BOOLEAN -> (Boolean) v;
        case DATE -> (int) ((LocalDate) v).toEpochDay();
        case TIMESTAMP -> TimestampData.fromInstant((Instant) v);
        case MAP -> {
          Map<StringData, StringData> m = new HashMap<>();
          ((Map<?, ?>) v)
              .forEach(
                  (k, x) ->
                      m.put(
                          StringData.fromString(k.toString()),
                          x == null ? null : StringData.fromString(x.toString())));
          yield new GenericMapData(m);
        }
        default ->
            throw new IllegalArgumentException(
                "Column '" + f.name() + "' has type " + f.type() + ": not supported by the stream");
      };
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "Column '"
              + f.name()
              + "' of type "
              + f.type()
              + " got a "
              + v.getClass().getSimpleName()
              + ": expected the matching Java type",
          e);
    }
  }

  /** Position of a column in {@code schema}. @throws IllegalArgumentException if absent */
  public static int index(Schema schema, String column) {
    List<Types.NestedField> cols = schema.columns();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "No column '"
            + column
            + "' in schema: expected one of "
            + cols.stream().map(Types.NestedField::name).toList());
  }

  /**
   * Field getters of the rows of {@code schema} (any {@link RowData} implementation: a row restored from state
   * is a binary row, not a {@link GenericRowData}).
   */
  public static RowData.FieldGetter[] getters(Schema schema) {
    org.apache.flink.table.types.logical.RowType type = FlinkSchemaUtil.convert(schema);
    RowData.FieldGetter[] g = new RowData.FieldGetter[type.getFieldCount()];
    for (int i = 0; i < g.length; i++) {
      g[i] = RowData.createFieldGetter(type.getTypeAt(i), i);
    }
    return g;
  }

  /**
   * A copy of the first {@code arity} fields of {@code row} (a prefix projection: the results schema is the
   * first columns of the revisions schema) with the given kind.
   *
   * @param getters the field getters of {@code row}'s schema ({@link #getters})
   */
  public static GenericRowData prefix(
      RowData row, RowData.FieldGetter[] getters, int arity, RowKind kind) {
    GenericRowData out = new GenericRowData(kind, arity);
    for (int i = 0; i < arity; i++) {
      out.setField(i, getters[i].getFieldOrNull(row));
    }
    return out;
  }

  /** The serializer of rows of {@code schema} (one per operator instance: it keeps reused buffers). */
  public static org.apache.flink.table.runtime.typeutils.RowDataSerializer serializer(
      Schema schema) {
    return new org.apache.flink.table.runtime.typeutils.RowDataSerializer(
        FlinkSchemaUtil.convert(schema));
  }

  /**
   * {@code row} in Flink's binary row format (a copy), for keyed state: a binary row is snapshotted as one byte
   * copy, whereas a {@link GenericRowData} in state is converted to binary at every checkpoint for as long as it
   * lives.
   */
  public static RowData binary(
      org.apache.flink.table.runtime.typeutils.RowDataSerializer serializer, RowData row) {
    return serializer.toBinaryRow(row).copy();
  }

  /** A string column of a row, or null. */
  public static String string(RowData row, int pos) {
    return row.isNullAt(pos) ? null : row.getString(pos).toString();
  }
}
