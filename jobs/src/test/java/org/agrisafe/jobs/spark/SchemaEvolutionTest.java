package org.agrisafe.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.agrisafe.lakehouse.tables.LakehouseBootstrap;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** {@link LakehouseBootstrap#ensure} on a table created before a column was added to its definition. */
class SchemaEvolutionTest {
  @Test
  void addsAMissingColumnAtTheDefinitionsPosition() {
    Catalog catalog = SparkSessions.icebergCatalog(SharedSpark.spark(), SharedSpark.config());
    Namespace ns = Namespace.of("evolution_test");
    if (!((SupportsNamespaces) catalog).namespaceExists(ns)) {
      ((SupportsNamespaces) catalog).createNamespace(ns);
    }
    // result_revisions as it was before reference_version: the column sits before is_current in the
    // definition
    Schema full = Tables.RESULT_REVISIONS.schema();
    List<Types.NestedField> older =
        full.columns().stream().filter(f -> !f.name().equals("reference_version")).toList();
    TableDef old = def(new Schema(older));
    TableDef current = def(full);
    catalog.dropTable(old.identifier());
    assertEquals("created table " + old.identifier(), LakehouseBootstrap.ensure(catalog, old));

    String log = LakehouseBootstrap.ensure(catalog, current);

    assertEquals("evolved table " + old.identifier() + " (added reference_version)", log);
    Schema evolved = catalog.loadTable(old.identifier()).schema();
    assertEquals(
        full.columns().stream().map(Types.NestedField::name).toList(),
        evolved.columns().stream().map(Types.NestedField::name).toList());
    assertTrue(evolved.sameSchema(full), evolved.toString());
    assertEquals("exists  table " + old.identifier(), LakehouseBootstrap.ensure(catalog, current));
    catalog.dropTable(old.identifier());
  }

  private static TableDef def(Schema schema) {
    return new TableDef(
        "evolution_test",
        "result_revisions",
        "schema evolution test",
        schema,
        PartitionSpec.unpartitioned(),
        SortOrder.unsorted(),
        java.util.Map.of("format-version", "2"));
  }
}
