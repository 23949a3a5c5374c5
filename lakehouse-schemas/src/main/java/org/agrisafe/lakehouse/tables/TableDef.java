package org.agrisafe.lakehouse.tables;

import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * One Iceberg table as code: its identifier, schema (with field IDs), partition spec, sort order and table
 * properties. Instances are constants in {@link Tables}; every job and stream uses them, none defines its own.
 *
 * @param namespace one of the platform namespaces of {@link Tables} ({@code reference}, {@code monitoring},
 *     {@code analytics}, ...)
 * @param name table name, snake_case
 * @param doc one-line description, stored as the table's {@code comment} property
 * @param schema Iceberg schema; field IDs are part of the contract and never reused
 * @param spec partition spec bound to {@code schema}
 * @param sortOrder write sort order bound to {@code schema}
 * @param properties extra table properties (format version, write mode, ...)
 */
public record TableDef(
    String namespace,
    String name,
    String doc,
    Schema schema,
    PartitionSpec spec,
    SortOrder sortOrder,
    Map<String, String> properties) {

  public TableDef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(sortOrder, "sortOrder");
    properties = Map.copyOf(properties);
  }

  /** The catalog identifier {@code namespace.name}. */
  public TableIdentifier identifier() {
    return TableIdentifier.of(Namespace.of(namespace), name);
  }

  /** The name a SQL engine uses inside catalog {@code catalog}: {@code catalog.namespace.name}. */
  public String qualifiedName(String catalog) {
    return catalog + "." + namespace + "." + name;
  }
}
