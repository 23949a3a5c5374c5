package org.agrisafe.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.TraceTables;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;

class LakehouseBootstrapTest {
  @Test
  void createsEveryTableWithItsSpecAndIsIdempotent() {
    Catalog catalog = SparkSessions.icebergCatalog(SharedSpark.spark(), SharedSpark.config());
    Map<String, Long> snapshotsBefore = new LinkedHashMap<>();
    for (TableDef def : LakehouseBootstrap.allTables()) {
      Table t = catalog.loadTable(def.identifier());
      assertTrue(
          LakehouseBootstrap.sameColumns(t.schema(), def.schema()), def.identifier() + " schema");
      assertEquals(
          def.spec().fields().size(), t.spec().fields().size(), def.identifier() + " spec");
      snapshotsBefore.put(def.identifier().toString(), snapshotId(t));
    }
    List<String> again = LakehouseBootstrap.createAll(catalog, SharedSpark.config().zone());
    assertEquals(LakehouseBootstrap.allTables().size(), again.size(), String.join("\n", again));
    assertTrue(again.stream().allMatch(l -> l.startsWith("exists")), String.join("\n", again));
    Map<String, Long> snapshotsAfter = new LinkedHashMap<>();
    for (TableDef def : LakehouseBootstrap.allTables()) {
      snapshotsAfter.put(
          def.identifier().toString(), snapshotId(catalog.loadTable(def.identifier())));
    }
    assertEquals(snapshotsBefore, snapshotsAfter, "a second createAll commits nothing");
  }

  @Test
  void onAnEmptyCatalogCreatesEveryNamespaceAndTableOnceThenOnlyFindsThem() throws Exception {
    Path dir = Files.createTempDirectory("agrisafe-bootstrap-test");
    LakehouseConfig cfg =
        LakehouseConfig.load(
            null,
            Map.of(
                LakehouseConfig.LAKEHOUSE_DIR,
                dir.toString(),
                LakehouseConfig.OUTPUT_DIR,
                dir.resolve("out").toString(),
                LakehouseConfig.ZONE,
                "Asia/Shanghai"),
            Map.of());
    Catalog catalog = SparkSessions.icebergCatalog(SharedSpark.spark(), cfg);
    List<String> namespaces =
        Stream.concat(Tables.NAMESPACES.stream(), TraceTables.NAMESPACES.stream())
            .distinct()
            .toList();
    List<TableDef> tables = LakehouseBootstrap.allTables();

    List<String> expected = new ArrayList<>();
    namespaces.forEach(ns -> expected.add("created namespace " + ns));
    tables.forEach(def -> expected.add("created table " + def.identifier()));
    assertEquals(expected, LakehouseBootstrap.createAll(catalog, cfg.zone()));
    for (TableDef def : tables) {
      Table t = catalog.loadTable(def.identifier());
      assertTrue(
          LakehouseBootstrap.sameColumns(t.schema(), def.schema()), def.identifier() + " schema");
      assertEquals(
          def.spec().fields().size(), t.spec().fields().size(), def.identifier() + " spec");
      assertNull(t.currentSnapshot(), def.identifier() + " is created empty");
    }

    List<String> exists = tables.stream().map(def -> "exists  table " + def.identifier()).toList();
    assertEquals(exists, LakehouseBootstrap.createAll(catalog, cfg.zone()));
    for (TableDef def : tables) {
      assertNull(
          catalog.loadTable(def.identifier()).currentSnapshot(),
          def.identifier() + ": a second createAll commits nothing");
    }
  }

  private static Long snapshotId(Table t) {
    Snapshot s = t.currentSnapshot();
    return s == null ? null : s.snapshotId();
  }
}
