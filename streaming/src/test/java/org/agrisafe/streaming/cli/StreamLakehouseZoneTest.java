package org.agrisafe.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StreamingMain} opens the lakehouse in its configured zone ({@code --zone}, key {@code zone}): a new
 * lakehouse records it, and a stream started with another zone than the one the lakehouse was built with is
 * refused with both zones named (docs/conventions.md §13.2).
 */
class StreamLakehouseZoneTest {
  private static LakehouseConfig config(Path dir, String zone) {
    return StreamingMain.parse("--role", "job", "--lakehouse-dir", dir.toString(), "--zone", zone)
        .lakehouse;
  }

  @Test
  void aStreamInAnotherZoneThanTheLakehouseIsRefused(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("lakehouse");
    LakehouseConfig london = config(dir, "Europe/London");
    Catalog catalog = StreamingMain.openLakehouse(london, IcebergSinks.catalogLoader(london));
    assertEquals(Optional.of(ZoneId.of("Europe/London")), LakehouseBootstrap.recordedZone(catalog));
    StreamingMain.openLakehouse(london, IcebergSinks.catalogLoader(london)); // the same zone passes

    LakehouseConfig shanghai = config(dir, "Asia/Shanghai");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> StreamingMain.openLakehouse(shanghai, IcebergSinks.catalogLoader(shanghai)));
    assertTrue(
        e.getMessage().contains("built with zone Europe/London")
            && e.getMessage().contains("configured with zone Asia/Shanghai"),
        e.getMessage());
  }
}
