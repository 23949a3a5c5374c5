package org.agrisafe.lakehouse.tables;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.types.Types;

/**
 * Creates the lakehouse's namespaces and tables from {@link Tables}, idempotently. An existing table is kept;
 * fields added to its definition since it was created are added by name (Iceberg schema evolution) at the
 * definition's position, never dropped or retyped (e.g. {@code reference_version} of the verdict tables,
 * docs/conventions.md §3.7).
 */
public final class LakehouseBootstrap {
  private LakehouseBootstrap() {}

  /**
   * Creates what is missing.
   *
   * @param catalog an Iceberg catalog that also implements {@link SupportsNamespaces} (JDBC, REST, ...)
   * @return one line per namespace or table: "created ...", "evolved ..." or "exists ..."
   * @throws IllegalArgumentException if the catalog does not support namespaces
   */
  public static List<String> createAll(Catalog catalog) {
    if (!(catalog instanceof SupportsNamespaces namespaces)) {
      throw new IllegalArgumentException(
          "Cannot create the lakehouse in catalog "
              + catalog.name()
              + ": it does not support namespaces");
    }
    List<String> log = new ArrayList<>();
    for (String ns :
        java.util.stream.Stream.concat(Tables.NAMESPACES.stream(), TraceTables.NAMESPACES.stream())
            .toList()) {
      Namespace namespace = Namespace.of(ns);
      if (!namespaces.namespaceExists(namespace)) {
        namespaces.createNamespace(namespace);
        log.add("created namespace " + ns);
      }
    }
    for (TableDef def : allTables()) {
      log.add(ensure(catalog, def));
    }
    return log;
  }

  /** Every table of the lakehouse: core, risk, maps and warnings. */
  public static List<TableDef> allTables() {
    List<TableDef> all = new ArrayList<>(Tables.all());
    all.addAll(RiskTables.all());
    all.addAll(MapTables.all());
    all.addAll(WarningTables.all());
    all.addAll(TraceTables.all());
    all.addAll(BulletinTables.all());
    return all;
  }

  /** Creates one table if missing, or adds fields that its definition gained. */
  public static String ensure(Catalog catalog, TableDef def) {
    if (!catalog.tableExists(def.identifier())) {
      catalog
          .buildTable(def.identifier(), def.schema())
          .withPartitionSpec(def.spec())
          .withSortOrder(def.sortOrder())
          .withProperties(def.properties())
          .create();
      return "created table " + def.identifier();
    }
    Table table = catalog.loadTable(def.identifier());
    if (table.schema().sameSchema(def.schema())) {
      return "exists  table " + def.identifier();
    }
    Schema before = table.schema();
    UpdateSchema update = table.updateSchema().unionByNameWith(def.schema());
    // Place each added top-level column where the definition has it: writers that bind rows by
    // position (the
    // Flink sinks build rows in the definition's column order) then see the same order in old and
    // new tables.
    List<String> added = new ArrayList<>();
    String previous = null;
    for (Types.NestedField f : def.schema().columns()) {
      if (before.findField(f.name()) == null) {
        added.add(f.name());
        if (previous == null) {
          update.moveFirst(f.name());
        } else {
          update.moveAfter(f.name(), previous);
        }
      }
      previous = f.name();
    }
    update.commit();
    return "evolved table "
        + def.identifier()
        + (added.isEmpty() ? "" : " (added " + String.join(", ", added) + ")");
  }
}
