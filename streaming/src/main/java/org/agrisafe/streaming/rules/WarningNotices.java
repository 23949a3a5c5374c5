package org.agrisafe.streaming.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.agrisafe.streaming.job.ResultProcessor;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.types.Types;

/**
 * A warning row of {@code analytics.warnings} as one flat JSON object (column name to value; timestamps as
 * ISO-8601 UTC instants, null columns omitted), the notice sent at once to the Kafka topic or a webhook.
 */
public class WarningNotices implements MapFunction<RowData, String> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String map(RowData row) {
    return toJson(row);
  }

  /** The JSON object of one warning row. */
  public static String toJson(RowData row) {
    List<Types.NestedField> cols = ResultProcessor.WARNINGS_SCHEMA.columns();
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < cols.size(); i++) {
      if (row.isNullAt(i)) {
        continue;
      }
      Types.NestedField f = cols.get(i);
      switch (f.type().typeId()) {
        case STRING -> o.put(f.name(), row.getString(i).toString());
        case INTEGER -> o.put(f.name(), row.getInt(i));
        case LONG -> o.put(f.name(), row.getLong(i));
        case DOUBLE -> o.put(f.name(), row.getDouble(i));
        case BOOLEAN -> o.put(f.name(), row.getBoolean(i));
        case TIMESTAMP -> o.put(f.name(), row.getTimestamp(i, 6).toInstant().toString());
        default -> o.put(f.name(), String.valueOf(f.type()));
      }
    }
    return o.toString();
  }
}
