package org.agrisafe.streaming.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.junit.jupiter.api.Test;

/** {@link ResultState}: the one byte array of a result's keyed state in {@link ResultProcessor}. */
class ResultStateTest {
  private static final RowDataSerializer ROWS =
      IcebergRows.serializer(ResultProcessor.REVISIONS_SCHEMA);
  private static final int RESULT_ID =
      IcebergRows.index(ResultProcessor.REVISIONS_SCHEMA, "result_id");
  private static final int REVISION =
      IcebergRows.index(ResultProcessor.REVISIONS_SCHEMA, "revision");

  @Test
  void roundTripKeepsRevisionsRowFactAndExpiry() {
    ResultState s = new ResultState();
    s.expiry = 1_720_000_000_123L;
    byte[] f1 = new byte[16];
    byte[] f2 = new byte[16];
    Arrays.fill(f1, (byte) 1);
    Arrays.fill(f2, (byte) -7);
    s.addRevision(1, f1);
    s.addRevision(3, f2);
    GenericRowData row = new GenericRowData(ResultProcessor.REVISIONS_SCHEMA.columns().size());
    row.setField(RESULT_ID, StringData.fromString("PLATFORM_UPLOAD:R1"));
    row.setField(REVISION, 3);
    s.current = row;
    RuleFact fact = new RuleFact();
    fact.add = true;
    fact.resultId = "PLATFORM_UPLOAD:R1";
    fact.revision = 3;
    fact.sampleId = "PLATFORM_UPLOAD:S1";
    fact.commodityCode = "芹菜";
    fact.sampleDay = 19_905;
    fact.rapid = true;
    fact.positive = true;
    s.fact = fact;

    byte[] bytes = s.encode(ROWS, new DataOutputSerializer(16));
    assertEquals(s.expiry, ResultState.expiryOf(bytes));
    ResultState back = ResultState.decode(bytes, ROWS);
    assertEquals(s.expiry, back.expiry);
    assertArrayEquals(f1, back.fingerprint(1));
    assertArrayEquals(f2, back.fingerprint(3));
    assertNull(back.fingerprint(2));
    assertEquals("PLATFORM_UPLOAD:R1", back.current.getString(RESULT_ID).toString());
    assertEquals(3, back.current.getInt(REVISION));
    assertEquals(fact, back.fact, "producer and division null, other fields kept");
  }

  @Test
  void emptyStateAndForeignBytes() {
    ResultState empty = ResultState.decode(null, ROWS);
    assertEquals(0, empty.expiry);
    assertNull(empty.current);
    assertNull(empty.fact);
    byte[] bytes = empty.encode(ROWS, new DataOutputSerializer(16));
    assertEquals(8 + 4 + 1 + 1, bytes.length, "expiry, count, two absent markers");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ResultState.decode(Arrays.copyOf(bytes, bytes.length + 3), ROWS));
    assertTrue(e.getMessage().contains("--restore none"), e.getMessage());
    e =
        assertThrows(
            IllegalStateException.class, () -> ResultState.decode(new byte[] {1, 2, 3}, ROWS));
    assertTrue(e.getMessage().contains("--restore none"), e.getMessage());
  }
}
