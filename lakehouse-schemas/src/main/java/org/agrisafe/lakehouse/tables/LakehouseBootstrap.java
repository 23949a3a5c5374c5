package org.agrisafe.lakehouse.tables;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 *
 * <p>A lakehouse has one zone, in which its days, weeks and months are cut (docs/conventions.md §13.2). It is
 * recorded in the table property {@value #ZONE_PROPERTY} of the {@code monitoring} tables, whose
 * {@code sample_date} and {@code sample_month} are cut in it ({@link #zonedTables()}), and a run configured
 * with another zone is refused ({@link #checkZone}).
 */
public final class LakehouseBootstrap {
  private LakehouseBootstrap() {}

  /** Table property holding the IANA zone the lakehouse was built with, e.g. {@code Asia/Shanghai}. */
  public static final String ZONE_PROPERTY = "agrisafe.zone";

  /**
   * Creates what is missing, in zone {@code zone}: a table created here records it ({@value #ZONE_PROPERTY},
   * on the {@link #zonedTables()}), and an existing one that lacks the property gets it.
   *
   * @param catalog an Iceberg catalog that also implements {@link SupportsNamespaces} (JDBC, REST, ...)
   * @param zone the configured zone ({@code LakehouseConfig.zone()})
   * @return one line per namespace or table: "created ...", "evolved ...", "exists ..." or "recorded zone ..."
   * @throws IllegalArgumentException if the catalog does not support namespaces
   * @throws IllegalStateException if the lakehouse was built with another zone ({@link #checkZone}); nothing is
   *     created then
   */
  public static List<String> createAll(Catalog catalog, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (!(catalog instanceof SupportsNamespaces namespaces)) {
      throw new IllegalArgumentException(
          "Cannot create the lakehouse in catalog "
              + catalog.name()
              + ": it does not support namespaces");
    }
    checkZone(catalog, zone);
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
    List<TableDef> zoned = zonedTables();
    for (TableDef def : allTables()) {
      if (zoned.contains(def)) {
        log.add(ensure(catalog, def, Map.of(ZONE_PROPERTY, zone.getId())));
        Table t = catalog.loadTable(def.identifier());
        if (!t.properties().containsKey(ZONE_PROPERTY)) {
          t.updateProperties().set(ZONE_PROPERTY, zone.getId()).commit();
          log.add("recorded zone " + zone.getId() + " on table " + def.identifier());
        }
      } else {
        log.add(ensure(catalog, def));
      }
    }
    return log;
  }

  /** The tables that record the lakehouse's zone: those of namespace {@code monitoring}. */
  public static List<TableDef> zonedTables() {
    return Tables.all().stream().filter(t -> t.namespace().equals(Tables.NS_MONITORING)).toList();
  }

  /**
   * The zone the lakehouse was built with: property {@value #ZONE_PROPERTY} of its {@link #zonedTables()}.
   *
   * @return empty when no such table exists or none has the property (a new lakehouse, or one built before the
   *     zone was recorded)
   * @throws IllegalStateException if two tables record different zones, or a value is not a zone (names the
   *     tables and values)
   */
  public static Optional<ZoneId> recordedZone(Catalog catalog) {
    ZoneId found = null;
    TableDef foundOn = null;
    for (TableDef def : zonedTables()) {
      if (!catalog.tableExists(def.identifier())) {
        continue;
      }
      String v = catalog.loadTable(def.identifier()).properties().get(ZONE_PROPERTY);
      if (v == null) {
        continue;
      }
      ZoneId z;
      try {
        z = ZoneId.of(v);
      } catch (DateTimeException e) {
        throw new IllegalStateException(
            "Invalid table property "
                + ZONE_PROPERTY
                + "='"
                + v
                + "' of "
                + def.identifier()
                + ": expected an IANA zone, e.g. Asia/Shanghai",
            e);
      }
      if (found != null && !found.equals(z)) {
        throw new IllegalStateException(
            "Lakehouse records two zones: "
                + found.getId()
                + " on "
                + foundOn.identifier()
                + " and "
                + z.getId()
                + " on "
                + def.identifier()
                + " (table property "
                + ZONE_PROPERTY
                + "): expected one zone per lakehouse (docs/conventions.md §13.2)");
      }
      found = z;
      foundOn = def;
    }
    return Optional.ofNullable(found);
  }

  /**
   * Refuses a run configured with another zone than the one the lakehouse was built with: its days, weeks and
   * months would be cut in two zones (docs/conventions.md §13.2). A lakehouse with no recorded zone passes.
   *
   * @param zone the configured zone ({@code LakehouseConfig.zone()})
   * @throws IllegalStateException naming both zones and the configuration key that sets it
   */
  public static void checkZone(Catalog catalog, ZoneId zone) {
    Optional<ZoneId> built = recordedZone(catalog);
    if (built.isPresent() && !built.get().equals(zone)) {
      throw new IllegalStateException(
          "Lakehouse "
              + catalog.name()
              + " was built with zone "
              + built.get().getId()
              + " (table property "
              + ZONE_PROPERTY
              + ") but this run is configured with zone "
              + zone.getId()
              + ": expected one zone per lakehouse (docs/conventions.md §13.2); run with zone="
              + built.get().getId()
              + " (--conf zone="
              + built.get().getId()
              + " or AGRISAFE_ZONE) or use another lakehouse");
    }
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

  /**
   * Whether a table's schema has the columns of a definition: the same names in the same order, with the same
   * types, optionality and docs, nested types included. Field IDs are not compared: Iceberg assigns fresh IDs when
   * it creates a table (in column order), and a column added later by evolution gets the next free ID, so the IDs
   * of a definition, of a table created from it, and of an older table evolved to it differ.
   */
  public static boolean sameColumns(Schema a, Schema b) {
    return sameStruct(a.asStruct(), b.asStruct());
  }

  private static boolean sameStruct(Types.StructType a, Types.StructType b) {
    List<Types.NestedField> fa = a.fields();
    List<Types.NestedField> fb = b.fields();
    if (fa.size() != fb.size()) {
      return false;
    }
    for (int i = 0; i < fa.size(); i++) {
      Types.NestedField x = fa.get(i);
      Types.NestedField y = fb.get(i);
      if (!x.name().equals(y.name())
          || x.isOptional() != y.isOptional()
          || !Objects.equals(x.doc(), y.doc())
          || !sameType(x.type(), y.type())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameType(
      org.apache.iceberg.types.Type a, org.apache.iceberg.types.Type b) {
    if (a.isPrimitiveType() || b.isPrimitiveType()) {
      return a.equals(b);
    }
    if (a.isStructType() && b.isStructType()) {
      return sameStruct(a.asStructType(), b.asStructType());
    }
    if (a.isListType() && b.isListType()) {
      return a.asListType().isElementOptional() == b.asListType().isElementOptional()
          && sameType(a.asListType().elementType(), b.asListType().elementType());
    }
    if (a.isMapType() && b.isMapType()) {
      return a.asMapType().isValueOptional() == b.asMapType().isValueOptional()
          && sameType(a.asMapType().keyType(), b.asMapType().keyType())
          && sameType(a.asMapType().valueType(), b.asMapType().valueType());
    }
    return false;
  }

  /** Creates one table if missing, or adds fields that its definition gained. */
  public static String ensure(Catalog catalog, TableDef def) {
    return ensure(catalog, def, Map.of());
  }

  /** As {@link #ensure(Catalog, TableDef)}; a table created here also gets {@code extraProperties}. */
  private static String ensure(Catalog catalog, TableDef def, Map<String, String> extraProperties) {
    if (!catalog.tableExists(def.identifier())) {
      catalog
          .buildTable(def.identifier(), def.schema())
          .withPartitionSpec(def.spec())
          .withSortOrder(def.sortOrder())
          .withProperties(def.properties())
          .withProperties(extraProperties)
          .create();
      return "created table " + def.identifier();
    }
    Table table = catalog.loadTable(def.identifier());
    if (sameColumns(table.schema(), def.schema())) {
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
