package org.agrisafe.jobs.warnings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The rows of {@code analytics.warnings} aberration detection builds, every column with its Java type, on a fixed
 * input (a planted spike, no earlier warnings): recorded from the producer's output before the common columns
 * moved to one builder, so that the move changes no row.
 */
class WarningJobRowsTest {
  private static final Instant NOW = Instant.parse("2024-07-02T01:02:03Z");

  static String canonical(Row r) {
    Map<String, Object> m = new TreeMap<>();
    for (String f : r.schema().fieldNames()) {
      m.put(f, r.getAs(f));
    }
    StringBuilder sb = new StringBuilder();
    m.forEach(
        (k, v) ->
            sb.append(k)
                .append('=')
                .append(v)
                .append(v == null ? "" : " (" + v.getClass().getSimpleName() + ")")
                .append('\n'));
    return sb.toString();
  }

  @Test
  void plantedSpikeRows() {
    var spark = SharedSpark.spark();
    Dataset<Row> input = WarningJobTest.samples("TEST_ROWS", "2019-01", 30, 20, 12);
    Dataset<Row> none =
        spark.createDataFrame(List.of(), org.agrisafe.jobs.spark.Rows.type(WarningTables.WARNINGS));
    List<Row> rows = WarningJob.transform(input, none, WarningSpec.defaults(), 42L, NOW).warnings();
    Map<String, String> byLevel = new LinkedHashMap<>();
    for (Row r : rows) {
      byLevel.put(r.getAs("series_level"), canonical(r));
    }
    assertEquals(List.of("COMMODITY", "CATEGORY"), List.copyOf(byLevel.keySet()));
    assertEquals(
        """
        analyte_code=null
        category=vegetables (String)
        commodity_code=spinach (String)
        created_at=2024-07-02T01:02:03Z (Instant)
        denominator=20 (Long)
        details=12 of 20 samples tested exceeded an MRL in 2021-06 (commodity spinach, TEST_ROWS); expected 1.14, threshold 3.90 (farrington(3,0,2)) (String)
        exceedance_score=3.94330318653757 (Double)
        expected=1.1428571428571932 (Double)
        group_id=G-ff4b04beedb6be21 (String)
        input_snapshot_id=42 (Long)
        measure=EXCEEDANCE_SAMPLES (String)
        method=farrington(3,0,2) (String)
        method_parameters={"b":2,"w":3,"alpha":0.05,"reweight":true,"trend":true,"limit54_cases":5,"limit54_periods":4,"power_transform":"TWO_THIRDS","population_offset":true,"untested_population":0.001,"frequency":12} (String)
        observed=12 (Long)
        observed_rate=0.6 (Double)
        period=2021-06 (String)
        period_type=MONTH (String)
        producer=BATCH_ABERRATION (String)
        programme_scope=RANDOM_MONITORING (String)
        rank_score=3.0 (Double)
        recurrence=0 (Integer)
        region_code=null
        series_level=COMMODITY (String)
        severity=HIGH (String)
        source_system=TEST_ROWS (String)
        state=NEW (String)
        threshold=3.8961688573124937 (Double)
        updated_at=2024-07-02T01:02:03Z (Instant)
        warning_id=W-819ba37d0ba79766fad7fdc959d6dc40 (String)
        warning_type=ALERT (String)
        """,
        byLevel.get("COMMODITY"));
    assertEquals(
        """
        analyte_code=null
        category=vegetables (String)
        commodity_code=null
        created_at=2024-07-02T01:02:03Z (Instant)
        denominator=20 (Long)
        details=12 of 20 samples tested exceeded an MRL in 2021-06 (category vegetables, TEST_ROWS); expected 1.14, threshold 3.90 (farrington(3,0,2)) (String)
        exceedance_score=3.94330318653757 (Double)
        expected=1.1428571428571932 (Double)
        group_id=G-ff4b04beedb6be21 (String)
        input_snapshot_id=42 (Long)
        measure=EXCEEDANCE_SAMPLES (String)
        method=farrington(3,0,2) (String)
        method_parameters={"b":2,"w":3,"alpha":0.05,"reweight":true,"trend":true,"limit54_cases":5,"limit54_periods":4,"power_transform":"TWO_THIRDS","population_offset":true,"untested_population":0.001,"frequency":12} (String)
        observed=12 (Long)
        observed_rate=0.6 (Double)
        period=2021-06 (String)
        period_type=MONTH (String)
        producer=BATCH_ABERRATION (String)
        programme_scope=RANDOM_MONITORING (String)
        rank_score=3.0 (Double)
        recurrence=0 (Integer)
        region_code=null
        series_level=CATEGORY (String)
        severity=HIGH (String)
        source_system=TEST_ROWS (String)
        state=NEW (String)
        threshold=3.8961688573124937 (Double)
        updated_at=2024-07-02T01:02:03Z (Instant)
        warning_id=W-de73c78f88f836606f5d5603ef2f3fa7 (String)
        warning_type=ALERT (String)
        """,
        byLevel.get("CATEGORY"));
  }
}
