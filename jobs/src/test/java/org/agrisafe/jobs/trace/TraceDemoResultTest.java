package org.agrisafe.jobs.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.agrisafe.intake.trace.IdNumbers;
import org.agrisafe.jobs.spark.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The demo's verdict: a personal-data hit fails it, and the failure names the field that leaked. */
class TraceDemoResultTest {
  private static final List<TraceDemo.Check> ALL_PASSED =
      List.of(
          new TraceDemo.Check("CASE-1", "TRACE_BACK", true, "found"),
          new TraceDemo.Check("DECOY-1", "TRACE_BACK_DECOY", true, "not flagged"));

  /** Only the checks and the personal-data hits decide the verdict; the other parts are not read. */
  private static TraceDemo.Result result(
      List<TraceDemo.Check> checks, List<PersonalDataScan.Hit> hits) {
    return new TraceDemo.Result(
        null, null, null, 0, null, null, 0, null, null, "", checks, hits, List.of());
  }

  @Test
  void passesWhenEveryCaseHoldsAndNothingIsInClear() {
    TraceDemo.Result r = result(ALL_PASSED, List.of());
    assertTrue(r.allPassed());
    assertEquals(List.of(), r.failures());
  }

  @Test
  void aPersonalDataHitFailsTheDemoAndNamesTheField() {
    PersonalDataScan.Hit hit =
        new PersonalDataScan.Hit(
            "agrisafe.inputs.ledger_lines.buyer_note", "MOBILE", "138******78");
    TraceDemo.Result r = result(ALL_PASSED, List.of(hit));
    assertFalse(r.allPassed(), "every planted case held, but a phone is in clear");
    assertEquals(
        List.of(
            "personal data in clear: MOBILE 138******78 in agrisafe.inputs.ledger_lines.buyer_note"),
        r.failures());
  }

  @Test
  void aMissedCaseIsListedWithItsDetail() {
    TraceDemo.Result r =
        result(
            List.of(new TraceDemo.Check("CASE-2", "LEDGER_BANNED_SALE", false, "no warning")),
            List.of());
    assertFalse(r.allPassed());
    assertEquals(List.of("LEDGER_BANNED_SALE CASE-2 not as expected: no warning"), r.failures());
  }

  @Test
  void tableScanNamesTheColumnThatHoldsTheValue() {
    String first17 = "37010219800101123";
    String id = first17 + IdNumbers.checkChar(first17);
    StructType schema =
        new StructType()
            .add("shop", DataTypes.StringType)
            .add("note", DataTypes.StringType)
            .add("qty", DataTypes.IntegerType)
            .add("phone", DataTypes.StringType);
    Dataset<Row> df =
        SharedSpark.spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("S1", "buyer " + id, 3, null),
                    RowFactory.create("S2", "no personal data", 4, "13812345678"),
                    RowFactory.create("S3", "hash 3f2a9c", 5, null)),
                schema);
    List<PersonalDataScan.Hit> hits = new ArrayList<>();
    PersonalDataScan.table("cat.inputs.demo", df, List.of(), hits);
    assertEquals(2, hits.size(), hits.toString());
    assertTrue(
        hits.stream()
            .anyMatch(
                h -> h.where().equals("cat.inputs.demo.note") && h.kind().equals("ID_NUMBER")),
        hits.toString());
    assertTrue(
        hits.stream()
            .anyMatch(h -> h.where().equals("cat.inputs.demo.phone") && h.kind().equals("MOBILE")),
        hits.toString());
  }

  /**
   * A number is never read as a phone (docs/conventions.md §17.3): a {@code double} whose text has a mobile shape
   * ({@code 0.13912345678}, like a posterior the risk job writes, and {@code 13912345678.0}), and a {@code bigint}
   * with the digits of a mobile number, are not hits; the real phone in the string column is the only hit.
   */
  @Test
  void numericColumnsAreNotScannedOnlyTextColumns() {
    StructType schema =
        new StructType()
            .add("posterior_beta", DataTypes.DoubleType)
            .add("amount", DataTypes.DoubleType)
            .add("count", DataTypes.LongType)
            .add("contact", DataTypes.StringType);
    Dataset<Row> df =
        SharedSpark.spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(0.13912345678, 13912345678.0, 13912345678L, null),
                    RowFactory.create(0.5, 1.3912345678E10, 1L, "call 13812345678")),
                schema);
    List<PersonalDataScan.Hit> hits = new ArrayList<>();
    PersonalDataScan.table("cat.analytics.demo", df, List.of(), hits);
    assertEquals(
        List.of(new PersonalDataScan.Hit("cat.analytics.demo.contact", "MOBILE", "138******78")),
        hits);
  }
}
