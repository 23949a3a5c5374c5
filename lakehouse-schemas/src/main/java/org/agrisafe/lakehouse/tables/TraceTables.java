package org.agrisafe.lakehouse.tables;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.types.Types;

/**
 * Tables of platform 2 (namespace {@code inputs}: agricultural-input shops, products and the purchase/sales
 * ledger, 农资经营台账) and platform 3 (namespace {@code trace}: producers, trace codes, complaints, trace-back
 * results, enforcement leads and sales statistics).
 *
 * <p>Personal data: a natural person's ID number or phone never lands here in clear. Ledger buyers that are
 * natural persons are stored as {@code buyer_key} = HMAC-SHA256 (hex) under the key {@code buyer_key_id}
 * ({@code org.agrisafe.intake.trace.BuyerHasher}). Dates are local dates in the deployment's zone
 * (Asia/Shanghai by default); instants are UTC. Quantities are normalised to kg of product
 * ({@code quantity_kg}; liquids at an assumed density of 1 kg/L, stated in {@code docs/formats/trace-inputs.md});
 * active-ingredient contents are % (w/w). No struct, list or map columns: there are no nested field IDs.
 */
public final class TraceTables {
  private TraceTables() {}

  public static final String NS_INPUTS = "inputs";
  public static final String NS_TRACE = "trace";

  /** The namespaces of these tables, in creation order. */
  public static final List<String> NAMESPACES = List.of(NS_INPUTS, NS_TRACE);

  private static Map<String, String> props(String doc, boolean mergeable) {
    Map<String, String> m = new HashMap<>();
    m.put("format-version", "2");
    m.put("comment", doc);
    m.put("write.parquet.compression-codec", "zstd");
    if (mergeable) {
      m.put("write.merge.mode", "copy-on-write");
      m.put("write.update.mode", "copy-on-write");
    }
    return m;
  }

  private static TableDef def(String ns, String name, String doc, Schema schema, SortOrder order) {
    return new TableDef(
        ns, name, doc, schema, PartitionSpec.unpartitioned(), order, props(doc, false));
  }

  // ------------------------------------------------------------------ trace.producers
  private static final Schema PRODUCERS_SCHEMA =
      new Schema(
          required(
              1,
              "producer_id",
              Types.StringType.get(),
              "Unified social credit code (统一社会信用代码), 18 chars"),
          required(2, "name", Types.StringType.get()),
          required(
              3,
              "producer_type",
              Types.StringType.get(),
              "BASE, COOPERATIVE, FAMILY_FARM or ENTERPRISE"),
          required(
              4,
              "division_code",
              Types.StringType.get(),
              "Township (9 digits) or county (6) adcode"),
          optional(
              5,
              "county_code",
              Types.StringType.get(),
              "6-digit county adcode the division rolls up to"),
          optional(6, "lon", Types.DoubleType.get(), "WGS-84 longitude, degrees"),
          optional(7, "lat", Types.DoubleType.get(), "WGS-84 latitude, degrees"),
          optional(
              8,
              "certifications",
              Types.StringType.get(),
              "三品一标, ';'-separated: GREEN_FOOD, ORGANIC, GEOGRAPHICAL_INDICATION, PRODUCT_STANDARD"),
          optional(9, "credit_rating", Types.StringType.get(), "A, B, C or D"),
          required(10, "blacklisted", Types.BooleanType.get()),
          optional(11, "source_file", Types.StringType.get()),
          optional(12, "source_line", Types.LongType.get()),
          required(13, "is_synthetic", Types.BooleanType.get()));
  public static final TableDef PRODUCERS =
      def(
          NS_TRACE,
          "producers",
          "Producers (生产主体)",
          PRODUCERS_SCHEMA,
          SortOrder.builderFor(PRODUCERS_SCHEMA).asc("producer_id").build());

  // ------------------------------------------------------------------ inputs.shops
  private static final Schema SHOPS_SCHEMA =
      new Schema(
          required(
              1,
              "licence_no",
              Types.StringType.get(),
              "Pesticide business licence number (农药经营许可证号)"),
          required(2, "name", Types.StringType.get()),
          required(3, "division_code", Types.StringType.get()),
          optional(4, "county_code", Types.StringType.get()),
          optional(5, "lon", Types.DoubleType.get(), "WGS-84"),
          optional(6, "lat", Types.DoubleType.get(), "WGS-84"),
          required(
              7,
              "restricted_use_designated",
              Types.BooleanType.get(),
              "Designated to sell restricted-use pesticides (限制使用农药定点经营)"),
          optional(8, "source_file", Types.StringType.get()),
          optional(9, "source_line", Types.LongType.get()),
          required(10, "is_synthetic", Types.BooleanType.get()));
  public static final TableDef SHOPS =
      def(
          NS_INPUTS,
          "shops",
          "Agricultural-input shops (农资经营门店)",
          SHOPS_SCHEMA,
          SortOrder.builderFor(SHOPS_SCHEMA).asc("licence_no").build());

  // ------------------------------------------------------------------ inputs.products
  private static final Schema PRODUCTS_SCHEMA =
      new Schema(
          required(
              1,
              "registration_no",
              Types.StringType.get(),
              "Pesticide registration number (登记证号), e.g. PD20xxxxxx"),
          required(2, "name", Types.StringType.get()),
          optional(3, "formulation", Types.StringType.get(), "EC, WG, GR, SC, ..."),
          optional(
              4, "toxicity_class", Types.StringType.get(), "剧毒, 高毒, 中等毒, 低毒 or 微毒 as labelled"),
          optional(5, "source_file", Types.StringType.get()),
          optional(6, "source_line", Types.LongType.get()),
          required(7, "is_synthetic", Types.BooleanType.get()));
  public static final TableDef PRODUCTS =
      def(
          NS_INPUTS,
          "products",
          "Input products (pesticides)",
          PRODUCTS_SCHEMA,
          SortOrder.builderFor(PRODUCTS_SCHEMA).asc("registration_no").build());

  private static final Schema PRODUCT_INGREDIENTS_SCHEMA =
      new Schema(
          required(1, "registration_no", Types.StringType.get()),
          required(
              2,
              "active_ingredient",
              Types.StringType.get(),
              "Lower-case English code, code set of the bans"),
          required(3, "content_pct", Types.DoubleType.get(), "% (w/w) of the product"),
          required(4, "is_synthetic", Types.BooleanType.get()));
  public static final TableDef PRODUCT_INGREDIENTS =
      def(
          NS_INPUTS,
          "product_ingredients",
          "Active ingredients of each product with content",
          PRODUCT_INGREDIENTS_SCHEMA,
          SortOrder.builderFor(PRODUCT_INGREDIENTS_SCHEMA)
              .asc("registration_no")
              .asc("active_ingredient")
              .build());

  // ------------------------------------------------------------------ inputs.residue_sources
  // (reference)
  private static final Schema RESIDUE_SOURCES_SCHEMA =
      new Schema(
          required(
              1, "residue_code", Types.StringType.get(), "Residue definition as results report it"),
          required(2, "active_ingredient", Types.StringType.get()),
          required(3, "relation", Types.StringType.get(), "PARENT or METABOLITE"),
          required(4, "source", Types.StringType.get()),
          required(5, "verified", Types.BooleanType.get()));
  public static final TableDef RESIDUE_SOURCES =
      def(
          NS_INPUTS,
          "residue_sources",
          "Residue definition -> active ingredients that can give rise to it (reference)",
          RESIDUE_SOURCES_SCHEMA,
          SortOrder.builderFor(RESIDUE_SOURCES_SCHEMA).asc("residue_code").build());

  // ------------------------------------------------------------------ inputs.ledger_lines
  private static final Schema LEDGER_SCHEMA =
      new Schema(
          required(1, "line_id", Types.StringType.get(), "<licence_no>:<voucher_no>"),
          required(2, "licence_no", Types.StringType.get(), "Shop"),
          required(3, "direction", Types.StringType.get(), "PURCHASE (into the shop) or SALE"),
          required(4, "line_date", Types.DateType.get(), "Local date (deployment zone)"),
          required(5, "line_month", Types.StringType.get(), "yyyy-MM of line_date"),
          required(6, "registration_no", Types.StringType.get()),
          required(7, "quantity", Types.DoubleType.get(), "As recorded, > 0"),
          required(8, "unit", Types.StringType.get(), "As recorded: kg, g, L, mL"),
          required(9, "quantity_kg", Types.DoubleType.get(), "kg of product (L at 1 kg/L)"),
          optional(10, "buyer_type", Types.StringType.get(), "SALE: PRODUCER or PERSON"),
          optional(
              11,
              "buyer_producer_id",
              Types.StringType.get(),
              "SALE to a producer: its credit code"),
          optional(
              12,
              "buyer_key",
              Types.StringType.get(),
              "SALE to a natural person: HMAC-SHA256 hex of the normalised ID number; never the ID itself"),
          optional(
              13,
              "buyer_phone_key",
              Types.StringType.get(),
              "HMAC-SHA256 hex of the normalised phone"),
          optional(14, "buyer_key_id", Types.StringType.get(), "Identifier of the HMAC key used"),
          optional(15, "supplier", Types.StringType.get(), "PURCHASE: supplier name"),
          optional(
              16,
              "intended_crop",
              Types.StringType.get(),
              "Commodity code of the crop, when the ledger records it"),
          optional(17, "source_file", Types.StringType.get()),
          optional(18, "source_line", Types.LongType.get()),
          required(19, "is_synthetic", Types.BooleanType.get()),
          optional(20, "ingest_run_id", Types.StringType.get()));
  public static final TableDef LEDGER_LINES =
      new TableDef(
          NS_INPUTS,
          "ledger_lines",
          "Purchase and sales ledger lines of the shops (农药经营台账), kept >= 2 years",
          LEDGER_SCHEMA,
          PartitionSpec.builderFor(LEDGER_SCHEMA).identity("line_month").build(),
          SortOrder.builderFor(LEDGER_SCHEMA).asc("licence_no").asc("line_date").build(),
          props("Purchase and sales ledger lines", false));

  // ------------------------------------------------------------------ inputs.rejected_records / dq
  // findings
  private static final Schema REJECTED_SCHEMA =
      new Schema(
          required(
              1,
              "dataset",
              Types.StringType.get(),
              "producers, shops, products, ledger, trace_codes, complaints"),
          required(2, "source_file", Types.StringType.get()),
          required(3, "source_line", Types.LongType.get(), "1-based; header = 1"),
          optional(4, "record_key", Types.StringType.get()),
          required(5, "field", Types.StringType.get()),
          required(6, "reason", Types.StringType.get()),
          optional(
              7,
              "raw_text",
              Types.StringType.get(),
              "The offending value; personal fields are never copied"),
          optional(8, "ingest_run_id", Types.StringType.get()));
  public static final TableDef REJECTED_RECORDS =
      def(
          NS_INPUTS,
          "rejected_records",
          "Input-platform records that were not loaded, with file, line, field and reason",
          REJECTED_SCHEMA,
          SortOrder.builderFor(REJECTED_SCHEMA).asc("dataset").asc("source_line").build());

  private static final Schema FINDINGS_SCHEMA =
      new Schema(
          required(1, "finding_id", Types.StringType.get()),
          required(
              2,
              "check_name",
              Types.StringType.get(),
              "STOCK_BELOW_ZERO, DUPLICATE_LEDGER_LINE, TRACE_CODE_WITHOUT_PRODUCER, ..."),
          required(3, "severity", Types.StringType.get(), "INFO, WARNING or ERROR"),
          required(4, "dataset", Types.StringType.get()),
          optional(5, "record_key", Types.StringType.get()),
          optional(6, "source_file", Types.StringType.get()),
          optional(7, "source_line", Types.LongType.get()),
          required(8, "details", Types.StringType.get()),
          optional(9, "ingest_run_id", Types.StringType.get()));
  public static final TableDef DATA_QUALITY_FINDINGS =
      def(
          NS_INPUTS,
          "data_quality_findings",
          "Declarative data-quality findings on the input and trace data (reported values, not crashes)",
          FINDINGS_SCHEMA,
          SortOrder.builderFor(FINDINGS_SCHEMA).asc("check_name").asc("finding_id").build());

  // ------------------------------------------------------------------ trace.trace_codes
  private static final Schema TRACE_CODES_SCHEMA =
      new Schema(
          required(1, "trace_code", Types.StringType.get()),
          optional(2, "producer_id", Types.StringType.get()),
          required(
              3,
              "producer_found",
              Types.BooleanType.get(),
              "False when producer_id is not a known producer"),
          optional(4, "commodity_code", Types.StringType.get()),
          optional(5, "batch_no", Types.StringType.get()),
          optional(6, "harvest_date", Types.DateType.get(), "Local date"),
          optional(
              7,
              "certificate_type",
              Types.StringType.get(),
              "COMMITMENT_CERTIFICATE (承诺达标合格证) or ORIGIN_EXIT_CERTIFICATE (产地准出证明)"),
          optional(8, "certificate_no", Types.StringType.get()),
          optional(
              9,
              "quarantine_certificate_no",
              Types.StringType.get(),
              "Animal products: 动物检疫合格证明 number"),
          optional(10, "source_file", Types.StringType.get()),
          optional(11, "source_line", Types.LongType.get()),
          required(12, "is_synthetic", Types.BooleanType.get()));
  public static final TableDef TRACE_CODES =
      def(
          NS_TRACE,
          "trace_codes",
          "Trace codes: producer, product, batch, harvest date, certificates",
          TRACE_CODES_SCHEMA,
          SortOrder.builderFor(TRACE_CODES_SCHEMA).asc("trace_code").build());

  // ------------------------------------------------------------------ trace.complaints (+ events)
  private static final Schema COMPLAINTS_SCHEMA =
      new Schema(
          required(1, "complaint_id", Types.StringType.get()),
          required(2, "received_date", Types.DateType.get()),
          optional(3, "producer_id", Types.StringType.get()),
          optional(
              4,
              "hazard",
              Types.StringType.get(),
              "Analyte or active-ingredient code complained about"),
          optional(5, "summary", Types.StringType.get(), "No complainant identity is stored"),
          required(
              6,
              "status",
              Types.StringType.get(),
              "Latest: RECEIVED, INVESTIGATING, UPHELD or DISMISSED"),
          required(7, "is_synthetic", Types.BooleanType.get()));
  public static final TableDef COMPLAINTS =
      def(
          NS_TRACE,
          "complaints",
          "Complaints and reports (投诉举报)",
          COMPLAINTS_SCHEMA,
          SortOrder.builderFor(COMPLAINTS_SCHEMA).asc("complaint_id").build());

  private static final Schema STATUS_EVENTS_SCHEMA =
      new Schema(
          required(1, "subject_id", Types.StringType.get(), "Complaint ID or lead ID"),
          optional(2, "from_status", Types.StringType.get()),
          required(3, "to_status", Types.StringType.get()),
          required(4, "who", Types.StringType.get()),
          optional(5, "why", Types.StringType.get()),
          required(6, "at", Types.TimestampType.withZone(), "UTC"));
  public static final TableDef COMPLAINT_EVENTS =
      def(
          NS_TRACE,
          "complaint_events",
          "Status history of complaints (who, why, when)",
          STATUS_EVENTS_SCHEMA,
          SortOrder.builderFor(STATUS_EVENTS_SCHEMA).asc("subject_id").asc("at").build());

  // ------------------------------------------------------------------ trace.trace_back
  private static final Schema TRACE_BACK_SCHEMA =
      new Schema(
          required(
              1,
              "result_id",
              Types.StringType.get(),
              "The triggering result (FAIL or banned detection)"),
          required(2, "sample_id", Types.StringType.get()),
          required(3, "producer_id", Types.StringType.get()),
          required(4, "analyte_code", Types.StringType.get()),
          required(5, "sample_date", Types.DateType.get()),
          required(6, "window_days", Types.IntegerType.get()),
          required(
              7,
              "active_ingredient",
              Types.StringType.get(),
              "Active ingredient that can give the residue"),
          required(8, "relation", Types.StringType.get(), "PARENT or METABOLITE"),
          required(9, "licence_no", Types.StringType.get(), "Shop that sold it"),
          required(
              10, "rank", Types.IntegerType.get(), "1 = most recent sale; ties by larger quantity"),
          required(11, "lines", Types.IntegerType.get(), "Sale lines of this shop in the window"),
          required(12, "last_sale_date", Types.DateType.get()),
          required(
              13,
              "days_before_sampling",
              Types.IntegerType.get(),
              "sample_date - last_sale_date, days"),
          required(14, "quantity_kg", Types.DoubleType.get(), "kg of product sold in the window"),
          required(
              15,
              "active_ingredient_kg",
              Types.DoubleType.get(),
              "kg of active ingredient sold in the window"),
          required(16, "line_ids", Types.StringType.get(), "';'-separated ledger line IDs"),
          optional(
              17,
              "results_snapshot_id",
              Types.LongType.get(),
              "Snapshot of monitoring.results read"),
          optional(
              18,
              "ledger_snapshot_id",
              Types.LongType.get(),
              "Snapshot of inputs.ledger_lines read"),
          required(19, "computed_at", Types.TimestampType.withZone()));
  public static final TableDef TRACE_BACK =
      def(
          NS_TRACE,
          "trace_back",
          "Shops that sold an active ingredient behind a failed result to its producer before sampling",
          TRACE_BACK_SCHEMA,
          SortOrder.builderFor(TRACE_BACK_SCHEMA).asc("result_id").asc("rank").build());

  // ------------------------------------------------------------------ trace.enforcement_leads (+
  // events)
  private static final Schema LEADS_SCHEMA =
      new Schema(
          required(1, "lead_id", Types.StringType.get(), "L- + hash(subject|hazard|window start)"),
          required(
              2,
              "subject_key",
              Types.StringType.get(),
              "PRODUCER:<credit code>, or PERSON:<buyer_key> for a natural-person buyer (hash, never the ID)"),
          optional(3, "producer_id", Types.StringType.get()),
          required(4, "hazard", Types.StringType.get(), "Analyte / active-ingredient code"),
          required(5, "window_start", Types.DateType.get(), "Date of the first event of the lead"),
          required(6, "window_end", Types.DateType.get(), "window_start + window days - 1"),
          required(
              7, "state", Types.StringType.get(), "OPEN, INVESTIGATING, CASE_OPENED or CLOSED"),
          required(
              8,
              "triggers",
              Types.StringType.get(),
              "';'-separated: FAILED_RESULT, BANNED_DETECTION, BANNED_SALE, UPHELD_COMPLAINT"),
          optional(9, "result_ids", Types.StringType.get(), "';'-separated"),
          optional(
              10, "warning_ids", Types.StringType.get(), "';'-separated LEDGER_CHECK warnings"),
          optional(11, "complaint_ids", Types.StringType.get()),
          optional(
              12,
              "ledger_line_ids",
              Types.StringType.get(),
              "Sales found by the trace-back or the warning"),
          optional(13, "shops", Types.StringType.get(), "Licence numbers, trace-back rank order"),
          optional(
              14,
              "trace_codes",
              Types.StringType.get(),
              "Trace codes of the producer's batches sampled"),
          optional(
              15,
              "results_snapshot_id",
              Types.LongType.get(),
              "Lakehouse snapshot the evidence was read at"),
          optional(16, "ledger_snapshot_id", Types.LongType.get()),
          required(17, "evidence_count", Types.IntegerType.get()),
          required(18, "created_at", Types.TimestampType.withZone(), "UTC; kept by re-runs"),
          required(19, "updated_at", Types.TimestampType.withZone(), "UTC"));
  public static final TableDef ENFORCEMENT_LEADS =
      new TableDef(
          NS_TRACE,
          "enforcement_leads",
          "Enforcement leads (检打联动): one per subject, hazard and window, with evidence",
          LEADS_SCHEMA,
          PartitionSpec.unpartitioned(),
          SortOrder.builderFor(LEADS_SCHEMA).asc("lead_id").build(),
          props("Enforcement leads", true));

  public static final TableDef LEAD_EVENTS =
      def(
          NS_TRACE,
          "lead_events",
          "State changes of enforcement leads (who, why, when)",
          STATUS_EVENTS_SCHEMA,
          SortOrder.builderFor(STATUS_EVENTS_SCHEMA).asc("subject_id").asc("at").build());

  // ------------------------------------------------------------------ trace.sales_stats
  private static final Schema SALES_STATS_SCHEMA =
      new Schema(
          required(1, "month", Types.StringType.get(), "yyyy-MM (local zone)"),
          required(2, "county_code", Types.StringType.get(), "County adcode of the selling shop"),
          optional(3, "county_name", Types.StringType.get()),
          required(4, "active_ingredient", Types.StringType.get()),
          required(5, "sale_lines", Types.LongType.get()),
          required(6, "product_kg", Types.DoubleType.get(), "kg of product sold"),
          required(
              7, "active_ingredient_kg", Types.DoubleType.get(), "kg of active ingredient sold"),
          required(8, "is_synthetic", Types.BooleanType.get()));
  public static final TableDef SALES_STATS =
      def(
          NS_TRACE,
          "sales_stats",
          "Pesticide sales volume by active ingredient, county and month (bulletin)",
          SALES_STATS_SCHEMA,
          SortOrder.builderFor(SALES_STATS_SCHEMA)
              .asc("month")
              .asc("county_code")
              .asc("active_ingredient")
              .build());

  /** The tables, in creation order (namespaces {@link #NAMESPACES} must exist). */
  public static List<TableDef> all() {
    return List.of(
        PRODUCERS,
        SHOPS,
        PRODUCTS,
        PRODUCT_INGREDIENTS,
        RESIDUE_SOURCES,
        LEDGER_LINES,
        REJECTED_RECORDS,
        DATA_QUALITY_FINDINGS,
        TRACE_CODES,
        COMPLAINTS,
        COMPLAINT_EVENTS,
        TRACE_BACK,
        ENFORCEMENT_LEADS,
        LEAD_EVENTS,
        SALES_STATS);
  }
}
