package org.agrisafe.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.streaming.job.ReferenceVersion;
import org.agrisafe.streaming.job.ResultProcessor;
import org.agrisafe.streaming.job.ResultProcessorHarnessTest;
import org.agrisafe.streaming.job.StreamConfig;
import org.agrisafe.streaming.job.Uploads;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/**
 * The stream cuts sample dates in the lakehouse's zone (docs/conventions.md §13.2, §13.3): {@code --zone} (key
 * {@code zone}) reaches the {@link StreamConfig} that {@link StreamingMain} builds, and through it the record
 * parsing of {@link ResultProcessor}. A sample taken at 2024-07-01T00:30:00+08:00 is stored in July under
 * Asia/Shanghai and in June under Europe/London.
 */
class StreamZoneTest {
  private static final int RES_MONTH =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "sample_month");
  private static final int RES_DATE =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "sample_date");

  /** The stored sample_month of one upload through the operator built with {@code zone} on the command line. */
  private static String month(String zone) throws Exception {
    StreamingMain m = StreamingMain.parse("--role", "job", "--zone", zone);
    StreamConfig cfg = m.streamConfig;
    assertEquals(ZoneId.of(zone), cfg.zone(), "the stream config takes the lakehouse's zone");
    ReferenceVersion ref =
        new ReferenceVersion("bundled", 1_000L, new Judging(ReferenceData.loadBundled()));
    var h = ResultProcessorHarnessTest.harness(cfg.withDedupeTtl(Duration.ofDays(1)), ref);
    h.processElement(
        Uploads.env(Uploads.procymidone("RZ1", 1, "SZ1", "0.1", "2024-07-01T00:30:00+08:00"), 1),
        10);
    List<RowData> results = h.extractOutputValues();
    h.close();
    assertEquals(1, results.size());
    String month = results.get(0).getString(RES_MONTH).toString();
    int days = results.get(0).getInt(RES_DATE);
    assertEquals(
        month,
        java.time.LocalDate.ofEpochDay(days).toString().substring(0, 7),
        "sample_month is the month of sample_date");
    return month;
  }

  @Test
  void theSampleMonthIsCutInTheConfiguredZone() throws Exception {
    assertEquals("2024-07", month("Asia/Shanghai"));
    assertEquals("2024-06", month("Europe/London"));
  }
}
