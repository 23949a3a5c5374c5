package org.agrisafe.jobs.rates;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.risk.rates.BinomialInterval;
import org.agrisafe.risk.rates.BinomialIntervals;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class WilsonColumnsTest {
  static final StructType COUNTS =
      new StructType().add("x", DataTypes.LongType).add("n", DataTypes.LongType);

  static List<Row> bounds(List<Row> counts) {
    Dataset<Row> d = SharedSpark.spark().createDataFrame(counts, COUNTS);
    return d.select(
            col("x"),
            col("n"),
            WilsonColumns.lower(col("x"), col("n")).as("lo"),
            WilsonColumns.upper(col("x"), col("n")).as("hi"))
        .orderBy("n", "x")
        .collectAsList();
  }

  @Test
  void handCheckedCaseMatchesR() {
    // R: prop.test(1, 10, correct = FALSE)$conf.int (golden/binomial/intervals_95.csv, row 1,10)
    Row r = bounds(List.of(RowFactory.create(1L, 10L))).get(0);
    assertEquals(0.0178762130950729, r.getDouble(2), 1e-12);
    assertEquals(0.404150026795238, r.getDouble(3), 1e-12);
  }

  @Test
  void agreesWithTheRiskModelsReferenceOnAGridIncludingEdges() {
    List<Row> counts = new ArrayList<>();
    for (long n : new long[] {1, 2, 7, 10, 50, 997, 1_000_000}) {
      for (long x : new long[] {0, 1, n / 3, n / 2, n - 1, n}) {
        if (x >= 0 && x <= n) {
          counts.add(RowFactory.create(x, n));
        }
      }
    }
    List<Row> out = bounds(counts);
    assertEquals(counts.stream().distinct().count(), out.stream().distinct().count());
    for (Row r : out) {
      BinomialInterval ref = BinomialIntervals.wilson(r.getLong(0), r.getLong(1)).orElseThrow();
      assertEquals(ref.lower(), r.getDouble(2), 1e-12, "lower " + r);
      assertEquals(ref.upper(), r.getDouble(3), 1e-12, "upper " + r);
    }
  }

  @Test
  void emptyGroupHasNoInterval() {
    Row r = bounds(List.of(RowFactory.create(0L, 0L))).get(0);
    assertNull(r.get(2));
    assertNull(r.get(3));
  }
}
