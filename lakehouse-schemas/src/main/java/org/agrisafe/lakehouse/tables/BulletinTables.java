package org.agrisafe.lakehouse.tables;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.types.Types;

/**
 * The bulletin's publication workflow as a table: every state a bulletin edition entered (DRAFT, APPROVED,
 * PUBLISHED), with who and when. A bulletin edition is (source_system, period_type, period, revision); revision 0
 * is the first edition, n the n-th revision of a published bulletin. Its current state is that of its latest row;
 * an edition without rows is a DRAFT. At most one row per edition and state (the writer inserts with a MERGE that
 * matches on these columns, so two concurrent approvals cannot both land). Instants are UTC.
 */
public final class BulletinTables {
  private BulletinTables() {}

  // ------------------------------------------------------------------
  // analytics.bulletin_publication_events
  private static final Schema PUBLICATION_EVENTS_SCHEMA =
      new Schema(
          required(1, "source_system", Types.StringType.get()),
          required(2, "period_type", Types.StringType.get(), "MONTH, QUARTER or YEAR"),
          required(3, "period", Types.StringType.get(), "yyyy-MM, yyyy-Qn or yyyy (local zone)"),
          required(4, "revision", Types.IntegerType.get(), "0 = first edition, n = n-th revision"),
          required(
              5, "state", Types.StringType.get(), "State entered: DRAFT, APPROVED or PUBLISHED"),
          required(6, "who", Types.StringType.get(), "Name or role (no ID number or phone)"),
          required(7, "at", Types.TimestampType.withZone(), "UTC"),
          optional(
              8,
              "bulletin_dir",
              Types.StringType.get(),
              "Folder of the bulletin's files when the state was entered"),
          optional(
              9,
              "revises",
              Types.StringType.get(),
              "bulletin.json of the edition this revision revises"),
          optional(
              10,
              "tags",
              Types.MapType.ofRequired(11, 12, Types.StringType.get(), Types.StringType.get()),
              "On PUBLISHED: input table -> Iceberg tag@snapshot that keeps the inputs"));

  public static final TableDef PUBLICATION_EVENTS =
      new TableDef(
          Tables.NS_ANALYTICS,
          "bulletin_publication_events",
          "Every publication state of a bulletin edition (who, when, tagged snapshots)",
          PUBLICATION_EVENTS_SCHEMA,
          PartitionSpec.unpartitioned(),
          SortOrder.builderFor(PUBLICATION_EVENTS_SCHEMA)
              .asc("source_system")
              .asc("period")
              .asc("revision")
              .asc("at")
              .build(),
          Map.of("format-version", "2", "comment", "Publication states of bulletins"));

  /** The bulletin tables, in creation order (namespace {@code analytics} must exist). */
  public static List<TableDef> all() {
    return List.of(PUBLICATION_EVENTS);
  }
}
