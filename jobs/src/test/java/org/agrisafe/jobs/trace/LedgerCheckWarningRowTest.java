package org.agrisafe.jobs.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.lakehouse.tables.WarningTables.Severity;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The rows of {@code analytics.warnings} a ledger check builds, every column with its Java type, on a fixed sale
 * line: recorded from the producer's output before the common columns moved to one builder, so that the move
 * changes no row.
 */
class LedgerCheckWarningRowTest {
  private static final Instant NOW = Instant.parse("2024-07-02T01:02:03Z");

  static Row line(String producerId, String buyerKey) {
    StructType t =
        new StructType()
            .add("line_id", DataTypes.StringType)
            .add("active_ingredient", DataTypes.StringType)
            .add("buyer_producer_id", DataTypes.StringType)
            .add("buyer_key", DataTypes.StringType)
            .add("licence_no", DataTypes.StringType)
            .add("registration_no", DataTypes.StringType)
            .add("quantity_kg", DataTypes.DoubleType)
            .add("intended_crop", DataTypes.StringType)
            .add("county_code", DataTypes.StringType)
            .add("line_date", DataTypes.DateType);
    return new GenericRowWithSchema(
        new Object[] {
          "L-1",
          "phorate",
          producerId,
          buyerKey,
          "SHOP-9",
          "PD20080001",
          1.25,
          "leek",
          "370102",
          LocalDate.of(2024, 6, 30)
        },
        t);
  }

  static String canonical(Map<String, ?> m) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(m)
        .forEach(
            (k, v) ->
                sb.append(k)
                    .append('=')
                    .append(v)
                    .append(v == null ? "" : " (" + v.getClass().getSimpleName() + ")")
                    .append('\n'));
    return sb.toString();
  }

  @Test
  void bannedSaleToAProducer() {
    Map<String, Object> w =
        LedgerCheckJob.warning(
            line("P-7", null),
            LedgerCheckJob.BANNED_SALE,
            Severity.HIGH,
            "BAN-1|MARA notice 199",
            "banned on the sale date",
            42L,
            NOW);
    assertEquals(
        """
        analyte_code=phorate (String)
        commodity_code=leek (String)
        created_at=2024-07-02T01:02:03Z (Instant)
        details=BANNED_SALE: phorate (PD20080001) sold by shop SHOP-9 on 2024-06-30 to producer P-7, 1.250 kg: banned on the sale date [BAN-1] (String)
        group_id=G-9e626576143151ae (String)
        input_snapshot_id=42 (Long)
        measure=BANNED_SALE (String)
        method=ledger-check (String)
        method_parameters={"rule_id":"BAN-1","rule_source":"MARA notice 199","line_id":"L-1","licence_no":"SHOP-9","registration_no":"PD20080001","subject":"PRODUCER:P-7","quantity_kg":1.25} (String)
        period=2024-06-30 (String)
        period_type=DAY (String)
        producer=LEDGER_CHECK (String)
        rank_score=3.0 (Double)
        recurrence=0 (Integer)
        region_code=370102 (String)
        series_level=LEDGER_LINE (String)
        severity=HIGH (String)
        source_system=INPUT_LEDGER (String)
        state=NEW (String)
        updated_at=2024-07-02T01:02:03Z (Instant)
        warning_id=W-066abe91e9c1649b1fb92b9f6a104b33 (String)
        warning_type=ALERT (String)
        """,
        canonical(w));
  }

  @Test
  void notDesignatedSaleToAPerson() {
    Map<String, Object> w =
        LedgerCheckJob.warning(
            line(null, "k-abc"),
            LedgerCheckJob.NOT_DESIGNATED,
            Severity.MEDIUM,
            "RESTRICTED-USE|R-3",
            "restricted-use pesticide (定点经营) sold by a shop that is not designated",
            null,
            NOW);
    assertEquals(
        """
        analyte_code=phorate (String)
        commodity_code=leek (String)
        created_at=2024-07-02T01:02:03Z (Instant)
        details=RESTRICTED_SALE_NOT_DESIGNATED: phorate (PD20080001) sold by shop SHOP-9 on 2024-06-30 to a natural person (real-name, keyed hash), 1.250 kg: restricted-use pesticide (定点经营) sold by a shop that is not designated [RESTRICTED-USE] (String)
        group_id=G-000d48c14a3b4184 (String)
        input_snapshot_id=null
        measure=RESTRICTED_SALE_NOT_DESIGNATED (String)
        method=ledger-check (String)
        method_parameters={"rule_id":"RESTRICTED-USE","rule_source":"R-3","line_id":"L-1","licence_no":"SHOP-9","registration_no":"PD20080001","subject":"PERSON:k-abc","quantity_kg":1.25} (String)
        period=2024-06-30 (String)
        period_type=DAY (String)
        producer=LEDGER_CHECK (String)
        rank_score=2.0 (Double)
        recurrence=0 (Integer)
        region_code=370102 (String)
        series_level=LEDGER_LINE (String)
        severity=MEDIUM (String)
        source_system=INPUT_LEDGER (String)
        state=NEW (String)
        updated_at=2024-07-02T01:02:03Z (Instant)
        warning_id=W-da4e1f1fe393b6b761296f7e8c270bc8 (String)
        warning_type=INFORMATION_FOR_FOLLOW_UP (String)
        """,
        canonical(w));
  }
}
