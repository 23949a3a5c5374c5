package org.agrisafe.intake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.IngestReport;
import org.agrisafe.intake.model.Method;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.model.SourceSystem;
import org.junit.jupiter.api.Test;

class IngestModelTest {

  @Test
  void reconcileNamesTheFiguresThatDoNotAddUp() {
    IngestReport rows =
        new IngestReport(
            SourceSystem.UK_PRIF,
            List.of("f.csv"),
            5,
            Map.of(RowKind.SAMPLE_HEADER, 3L, RowKind.BLANK, 1L),
            3,
            3,
            0,
            3,
            0);
    IllegalStateException e = assertThrows(IllegalStateException.class, rows::reconcile);
    assertTrue(e.getMessage().contains("sum to 4, expected rows read 5"), e.getMessage());
    IngestReport samples =
        new IngestReport(
            SourceSystem.UK_PRIF,
            List.of("f.csv"),
            3,
            Map.of(RowKind.SAMPLE_HEADER, 3L),
            4,
            3,
            0,
            3,
            0);
    e = assertThrows(IllegalStateException.class, samples::reconcile);
    assertTrue(e.getMessage().contains("received 4"), e.getMessage());
    IngestReport ok =
        new IngestReport(
            SourceSystem.UK_PRIF,
            List.of("f.csv"),
            3,
            Map.of(RowKind.SAMPLE_HEADER, 3L),
            3,
            3,
            0,
            3,
            0);
    assertEquals(ok, ok.reconcile());
    assertTrue(ok.toString().contains("SAMPLE_HEADER  3"), ok.toString());
  }

  @Test
  void resultInvariantsAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ParsedResult.builder("r", "s").analyte("a", "a").revision(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ParsedResult.builder("r", "s").analyte("a", "a").limits(0.02, 0.01).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ParsedResult.builder("r", "s").analyte("a", "a").value("-1", "mg/kg", -1.0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ParsedResult.builder("r", "s").analyte("a", "a").inhibitionRatePct(50.0).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ParsedResult.builder("r", "s")
                .analyte("a", "a")
                .method(Method.ENZYME_INHIBITION)
                .inhibitionRatePct(120.0)
                .build());
  }

  @Test
  void batchesAreSerializable() throws Exception {
    IngestBatch b = PrifAdapter.read(PrifAdapterTest.realRows());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(b);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      IngestBatch back = (IngestBatch) in.readObject();
      assertEquals(b.samples(), back.samples());
      assertEquals(b.results(), back.results());
      assertEquals(b.report(), back.report());
      assertEquals(ZoneId.of("Europe/London"), back.samples().get(0).zone());
      assertEquals(LocalDate.of(2016, 8, 8), back.samples().get(0).sampleDate());
    }
  }
}
