package org.agrisafe.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;

class LakehouseBootstrapTest {
  @Test
  void createsEveryTableWithItsSpecAndIsIdempotent() {
    Catalog catalog = SparkSessions.icebergCatalog(SharedSpark.spark(), SharedSpark.config());
    for (TableDef def : LakehouseBootstrap.allTables()) {
      Table t = catalog.loadTable(def.identifier());
      assertTrue(t.schema().sameSchema(def.schema()), def.identifier() + " schema");
      assertEquals(
          def.spec().fields().size(), t.spec().fields().size(), def.identifier() + " spec");
    }
    List<String> again = LakehouseBootstrap.createAll(catalog, SharedSpark.config().zone());
    assertTrue(again.stream().allMatch(l -> l.startsWith("exists")), String.join("\n", again));
    long n = SharedSpark.spark().sql("SELECT * FROM monitoring.samples").count();
    assertTrue(n >= 0);
  }
}
