package org.agrisafe.intake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input of the input-platform files: each a rejected record or a finding, never a crash. */
class TraceInputsTest {
  @TempDir Path dir;

  private static final String ID = "11010519491231002X";

  private void files(String ledger, String traceCodes) throws Exception {
    w(
        "producers.csv",
        "producer_id,name,producer_type,division_code,lon,lat,certifications,credit_rating,blacklisted,"
            + "synthetic\n93370112MA3C0A0B1X,甲合作社,COOPERATIVE,370112001,117.1,36.7,GREEN_FOOD,A,false,true\n"
            + "BAD,乙,BASE,370112,,,,,false,true\n");
    w(
        "shops.csv",
        "licence_no,name,division_code,lon,lat,restricted_use_designated,synthetic\n"
            + "S1,店1,370112001,117.2,36.6,true,true\nS2,店2,370112,,,false,true\n");
    w(
        "products.csv",
        "registration_no,name,formulation,toxicity_class,active_ingredients,synthetic\n"
            + "R1,毒死蜱,EC,中等毒,chlorpyrifos:45,true\nR2,复配,EC,中等毒,chlorpyrifos:47.5;cypermethrin:4.75,true\n");
    w(
        "ledger.csv",
        "voucher_no,licence_no,direction,date,registration_no,quantity,unit,buyer_producer_id,"
            + "buyer_id_number,buyer_phone,supplier,intended_crop,synthetic\n"
            + ledger);
    w(
        "trace_codes.csv",
        "trace_code,producer_id,commodity,batch_no,harvest_date,certificate_type,certificate_no,"
            + "quarantine_certificate_no,synthetic\n"
            + traceCodes);
    w(
        "complaints.csv",
        "complaint_id,received_date,producer_id,hazard,summary,synthetic\nC1,2025-01-02,"
            + "93370112MA3C0A0B1X,chlorpyrifos,x,true\n");
    w(
        "complaint_events.csv",
        "complaint_id,status,at,who,why\nC1,RECEIVED,2025-01-02T10:00:00+08:00,a,b\n"
            + "C1,UPHELD,2025-01-05T10:00:00+08:00,a,c\nC9,UPHELD,2025-01-05T10:00:00+08:00,a,c\n");
  }

  private void w(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void eachBadInputIsARejectedRecordOrAFinding() throws Exception {
    files(
        """
        P1,S1,PURCHASE,2025-01-01,R1,10,kg,,,,供应商,,true
        X1,S1,SALE,2025-01-05,R1,2000,mL,93370112MA3C0A0B1X,,,,celery,true
        X1,S1,SALE,2025-01-05,R1,2000,mL,93370112MA3C0A0B1X,,,,celery,true
        X1,S1,SALE,2025-01-05,R1,3,kg,93370112MA3C0A0B1X,,,,celery,true
        X2,S1,SALE,2025-01-06,PD00000000,1,kg,93370112MA3C0A0B1X,,,,,true
        X3,S1,SALE,2025-01-06,R1,-1,kg,93370112MA3C0A0B1X,,,,,true
        X4,S2,SALE,2025-01-07,R2,1,kg,,%s,13912345678,,,true
        X5,S2,SALE,2025-01-07,R1,1,斤,,%s,,,,true
        X6,S1,SALE,2025-01-08,R1,1,kg,,110105194912310021,,,,true
        X7,S9,SALE,2025-01-08,R1,1,kg,93370112MA3C0A0B1X,,,,,true
        """
            .formatted(ID, ID),
        "T1,93370112MA3C0A0B1X,celery,B1,2025-01-20,COMMITMENT_CERTIFICATE,H1,,true\n"
            + "T2,91370112MA00000000,celery,B2,2025-01-20,,,,true\n");
    TraceInputs.Batch b =
        TraceInputs.read(dir, new BuyerHasher("k1", "test-secret-0123456789", Map.of()));
    Map<String, String> rejected =
        b.rejected().stream()
            .collect(
                Collectors.toMap(
                    r -> r.dataset() + ":" + r.sourceLine(), TraceInputs.Rejected::field));
    assertEquals(
        Map.of(
            "producers:3",
            "producer_id",
            "ledger:5",
            "voucher_no",
            "ledger:6",
            "registration_no",
            "ledger:7",
            "quantity",
            "ledger:9",
            "unit",
            "ledger:10",
            "buyer_id_number",
            "ledger:11",
            "licence_no",
            "complaint_events:4",
            "complaint_id"),
        rejected);
    Map<String, Long> findings =
        b.findings().stream()
            .collect(Collectors.groupingBy(TraceInputs.Finding::checkName, Collectors.counting()));
    assertEquals(
        Map.of(
            "DUPLICATE_LEDGER_LINE", 1L, "STOCK_BELOW_ZERO", 1L, "TRACE_CODE_WITHOUT_PRODUCER", 1L),
        findings);
    TraceInputs.Finding stock =
        b.findings().stream()
            .filter(f -> f.checkName().equals("STOCK_BELOW_ZERO"))
            .findFirst()
            .orElseThrow();
    assertEquals("S2:X4", stock.recordKey(), "S2 sells R2 it never bought");
    List<Map<String, Object>> ledger = b.rows(TraceInputs.LEDGER);
    assertEquals(3, ledger.size(), "purchase, sale (kept once), sale to a person");
    Map<String, Object> person =
        ledger.stream().filter(m -> "PERSON".equals(m.get("buyer_type"))).findFirst().orElseThrow();
    assertEquals(64, ((String) person.get("buyer_key")).length());
    assertEquals("k1", person.get("buyer_key_id"));
    assertEquals(2.0, (Double) ledger.get(1).get("quantity_kg"), 1e-12, "2000 mL at 1 kg/L");
    for (TraceInputs.Rejected r : b.rejected()) {
      assertFalse(
          String.valueOf(r.rawText()).contains("110105"),
          "no ID number copied into a rejected row");
      assertFalse(r.reason().contains("110105"));
    }
    assertTrue(
        b.rows(TraceInputs.TRACE_CODES).stream()
            .anyMatch(
                m -> m.get("trace_code").equals("T2") && m.get("producer_found").equals(false)));
    assertEquals("UPHELD", b.rows(TraceInputs.COMPLAINTS).get(0).get("status"));
    assertNull(person.get("buyer_producer_id"));
  }

  @Test
  void aMissingFileIsAClearError() throws Exception {
    files("", "");
    Files.delete(dir.resolve("ledger.csv"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TraceInputs.read(dir, new BuyerHasher("k1", "test-secret-0123456789", Map.of())));
    assertTrue(e.getMessage().contains("ledger.csv"), e.getMessage());
  }
}
