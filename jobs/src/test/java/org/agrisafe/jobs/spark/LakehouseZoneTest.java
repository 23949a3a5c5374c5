package org.agrisafe.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One zone per lakehouse (docs/conventions.md §13.2): {@link LakehouseBootstrap#createAll} records the zone in
 * table property {@value LakehouseBootstrap#ZONE_PROPERTY} of the monitoring tables (on creation, and on an
 * existing table that lacks it), and a run configured with another zone is refused with both zones named
 * ({@link SparkSessions#checkZone}, called when the CLI opens the lakehouse). Each test uses its own lakehouse
 * folder; the shared session only provides the Hadoop configuration.
 */
class LakehouseZoneTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  static LakehouseConfig config(Path dir, String catalog, ZoneId zone) {
    return LakehouseConfig.load(
        null,
        Map.of(
            LakehouseConfig.LAKEHOUSE_DIR,
            dir.toString(),
            LakehouseConfig.CATALOG_NAME,
            catalog,
            LakehouseConfig.ZONE,
            zone.getId()),
        Map.of());
  }

  private static String property(Catalog catalog, TableDef def) {
    return catalog.loadTable(def.identifier()).properties().get(LakehouseBootstrap.ZONE_PROPERTY);
  }

  @Test
  void theZoneIsRecordedOnCreationAndOnAnExistingTableThatLacksIt(@TempDir Path dir) {
    LakehouseConfig cfg = config(dir, "zone_recorded", LONDON);
    Catalog catalog = SparkSessions.icebergCatalog(SharedSpark.spark(), cfg);
    assertEquals(Optional.empty(), LakehouseBootstrap.recordedZone(catalog), "a new lakehouse");
    LakehouseBootstrap.createAll(catalog, cfg.zone());
    assertTrue(LakehouseBootstrap.zonedTables().contains(Tables.SAMPLES));
    for (TableDef def : LakehouseBootstrap.zonedTables()) {
      assertEquals("Europe/London", property(catalog, def), def.identifier().toString());
    }
    assertEquals(Optional.of(LONDON), LakehouseBootstrap.recordedZone(catalog));

    // a table created before the zone was recorded gets it on the next createAll
    catalog
        .loadTable(Tables.SAMPLES.identifier())
        .updateProperties()
        .remove(LakehouseBootstrap.ZONE_PROPERTY)
        .commit();
    List<String> log = LakehouseBootstrap.createAll(catalog, cfg.zone());
    assertTrue(
        log.contains("recorded zone Europe/London on table monitoring.samples"),
        String.join("\n", log));
    assertEquals("Europe/London", property(catalog, Tables.SAMPLES));
    List<String> again = LakehouseBootstrap.createAll(catalog, cfg.zone());
    assertTrue(again.stream().allMatch(l -> l.startsWith("exists")), String.join("\n", again));
  }

  @Test
  void aRunWithAnotherZoneIsRefusedNamingBothZones(@TempDir Path dir) {
    LakehouseConfig built = config(dir, "zone_refused", SHANGHAI);
    Catalog catalog = SparkSessions.icebergCatalog(SharedSpark.spark(), built);
    LakehouseBootstrap.createAll(catalog, built.zone());
    SparkSessions.checkZone(SharedSpark.spark(), built); // the zone it was built with passes

    LakehouseConfig other = config(dir, "zone_refused", LONDON);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> SparkSessions.checkZone(SharedSpark.spark(), other));
    assertTrue(
        e.getMessage().contains("built with zone Asia/Shanghai")
            && e.getMessage().contains("configured with zone Europe/London"),
        e.getMessage());
    IllegalStateException create =
        assertThrows(
            IllegalStateException.class, () -> LakehouseBootstrap.createAll(catalog, other.zone()));
    assertEquals(e.getMessage(), create.getMessage());
    assertEquals("Asia/Shanghai", property(catalog, Tables.SAMPLES), "nothing changed");
  }
}
