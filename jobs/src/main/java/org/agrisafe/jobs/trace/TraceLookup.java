package org.agrisafe.jobs.trace;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.TraceTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trace lookup for a QR landing page: trace code → producer, batch and certificates, the inputs the producer
 * bought (ledger sales to it within {@code lookbackDays} before the harvest date, with shop, product and active
 * ingredients), and the test results of the samples carrying this trace code with their verdicts. Published
 * output: no natural person's data (sales to persons are never included), no enforcement information.
 */
public final class TraceLookup {
  private TraceLookup() {}

  /** Days before the harvest date whose input purchases are shown, default 180 (one growing season). */
  public static final int LOOKBACK_DAYS_DEFAULT = 180;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Builds the lookup document.
   *
   * @throws IllegalArgumentException when the trace code is unknown
   */
  public static ObjectNode lookup(
      SparkSession spark, String catalog, String traceCode, int lookbackDays) {
    List<Row> codes =
        spark
            .table(TraceTables.TRACE_CODES.qualifiedName(catalog))
            .filter(col("trace_code").equalTo(traceCode))
            .collectAsList();
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("Unknown trace code '" + traceCode + "'");
    }
    Row tc = codes.get(0);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("trace_code", traceCode);
    doc.put("synthetic", (Boolean) tc.getAs("is_synthetic"));
    ObjectNode batch = doc.putObject("batch");
    batch.put("commodity", (String) tc.getAs("commodity_code"));
    batch.put("batch_no", (String) tc.getAs("batch_no"));
    LocalDate harvest = tc.getAs("harvest_date");
    batch.put("harvest_date", harvest == null ? null : harvest.toString());
    ArrayNode certs = doc.putArray("certificates");
    if (tc.getAs("certificate_no") != null) {
      certs
          .addObject()
          .put("type", (String) tc.getAs("certificate_type"))
          .put("number", (String) tc.getAs("certificate_no"));
    }
    if (tc.getAs("quarantine_certificate_no") != null) {
      certs
          .addObject()
          .put("type", "QUARANTINE_CERTIFICATE")
          .put("number", (String) tc.getAs("quarantine_certificate_no"));
    }
    String pid = tc.getAs("producer_id");
    List<Row> producers =
        pid == null
            ? List.of()
            : spark
                .table(TraceTables.PRODUCERS.qualifiedName(catalog))
                .filter(col("producer_id").equalTo(pid))
                .collectAsList();
    if (producers.isEmpty()) {
      doc.putObject("producer").put("producer_id", pid).put("found", false);
    } else {
      Row p = producers.get(0);
      doc.putObject("producer")
          .put("producer_id", pid)
          .put("found", true)
          .put("name", (String) p.getAs("name"))
          .put("type", (String) p.getAs("producer_type"))
          .put("division_code", (String) p.getAs("division_code"))
          .put("certifications", (String) p.getAs("certifications"))
          .put("credit_rating", (String) p.getAs("credit_rating"));
    }
    ArrayNode inputs = doc.putArray("inputs");
    if (pid != null && harvest != null) {
      Dataset<Row> sales =
          spark
              .table(TraceTables.LEDGER_LINES.qualifiedName(catalog))
              .filter(
                  col("direction")
                      .equalTo("SALE")
                      .and(col("buyer_producer_id").equalTo(pid))
                      .and(col("line_date").leq(harvest))
                      .and(col("line_date").gt(harvest.minusDays(lookbackDays))));
      Dataset<Row> products =
          spark
              .table(TraceTables.PRODUCTS.qualifiedName(catalog))
              .select(
                  col("registration_no"), col("name").as("product_name"), col("toxicity_class"));
      Dataset<Row> shops =
          spark
              .table(TraceTables.SHOPS.qualifiedName(catalog))
              .select(col("licence_no"), col("name").as("shop_name"));
      Dataset<Row> ais =
          spark
              .table(TraceTables.PRODUCT_INGREDIENTS.qualifiedName(catalog))
              .groupBy("registration_no")
              .agg(
                  org.apache
                      .spark
                      .sql
                      .functions
                      .concat_ws(
                          ";",
                          org.apache.spark.sql.functions.sort_array(
                              org.apache.spark.sql.functions.collect_list(
                                  org.apache.spark.sql.functions.concat(
                                      col("active_ingredient"),
                                      org.apache.spark.sql.functions.lit(" "),
                                      col("content_pct").cast("string"),
                                      org.apache.spark.sql.functions.lit("%")))))
                      .as("active_ingredients"));
      for (Row r :
          sales
              .join(products, "registration_no")
              .join(shops, "licence_no")
              .join(ais, "registration_no")
              .orderBy("line_date", "line_id")
              .collectAsList()) {
        inputs
            .addObject()
            .put("date", r.getAs("line_date").toString())
            .put("shop", (String) r.getAs("shop_name"))
            .put("licence_no", (String) r.getAs("licence_no"))
            .put("registration_no", (String) r.getAs("registration_no"))
            .put("product", (String) r.getAs("product_name"))
            .put("active_ingredients", (String) r.getAs("active_ingredients"))
            .put("quantity_kg", (Double) r.getAs("quantity_kg"));
      }
    }
    ArrayNode tests = doc.putArray("tests");
    Dataset<Row> samples =
        spark
            .table(Tables.SAMPLES.qualifiedName(catalog))
            .filter(col("trace_code").equalTo(traceCode))
            .select("sample_id", "sample_verdict");
    for (Row r :
        spark
            .table(Tables.RESULTS.qualifiedName(catalog))
            .join(samples, "sample_id")
            .orderBy("sample_id", "analyte_code")
            .collectAsList()) {
      ObjectNode t = tests.addObject();
      t.put("sample_id", (String) r.getAs("sample_id"));
      t.put("sample_date", r.getAs("sample_date").toString());
      t.put("analyte", (String) r.getAs("analyte_code"));
      t.put("value_mg_per_kg", (Double) r.getAs("value_mg_per_kg"));
      t.put("detection", (String) r.getAs("detection"));
      t.put("mrl_mg_per_kg", (Double) r.getAs("mrl_mg_per_kg"));
      t.put("limit_source", (String) r.getAs("limit_source"));
      t.put("verdict", (String) r.getAs("verdict"));
      t.put("banned_detection", (Boolean) r.getAs("banned_detection"));
      t.put("sample_verdict", (String) r.getAs("sample_verdict"));
    }
    return doc;
  }

  /** Writes {@code <outputDir>/trace/<code>.json} (UTF-8) and returns its path. */
  public static Path write(Path outputDir, ObjectNode doc) {
    String code = doc.path("trace_code").asText().replaceAll("[^A-Za-z0-9_-]", "_");
    Path f = outputDir.resolve("trace").resolve(code + ".json");
    try {
      Files.createDirectories(f.getParent());
      Files.writeString(f, JSON.writeValueAsString(doc), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + f, e);
    }
    return f;
  }

  /** A printable summary of the lookup document. */
  public static String text(ObjectNode doc) {
    StringBuilder b = new StringBuilder();
    b.append("Trace code ")
        .append(doc.path("trace_code").asText())
        .append(doc.path("synthetic").asBoolean() ? "  [SYNTHETIC DATA]" : "")
        .append('\n');
    var p = doc.path("producer");
    b.append("  producer: ")
        .append(
            p.path("found").asBoolean()
                ? p.path("name").asText()
                    + " ("
                    + p.path("producer_id").asText()
                    + ", "
                    + p.path("type").asText()
                    + ", credit "
                    + p.path("credit_rating").asText()
                    + ")"
                : "NOT FOUND: " + p.path("producer_id").asText())
        .append('\n');
    var bt = doc.path("batch");
    b.append("  batch ")
        .append(bt.path("batch_no").asText())
        .append(", ")
        .append(bt.path("commodity").asText())
        .append(", harvested ")
        .append(bt.path("harvest_date").asText())
        .append('\n');
    doc.path("certificates")
        .forEach(
            c ->
                b.append("  certificate ")
                    .append(c.path("type").asText())
                    .append(' ')
                    .append(c.path("number").asText())
                    .append('\n'));
    b.append("  inputs bought (").append(doc.path("inputs").size()).append("):\n");
    doc.path("inputs")
        .forEach(
            i ->
                b.append(
                    String.format(
                        Locale.ROOT,
                        "    %s  %-28s %s  %.3f kg  at %s%n",
                        i.path("date").asText(),
                        i.path("product").asText(),
                        i.path("active_ingredients").asText(),
                        i.path("quantity_kg").asDouble(),
                        i.path("shop").asText())));
    b.append("  tests (").append(doc.path("tests").size()).append("):\n");
    doc.path("tests")
        .forEach(
            t ->
                b.append(
                    String.format(
                        Locale.ROOT,
                        "    %s %s %s mg/kg (MRL %s) -> %s%s%n",
                        t.path("sample_date").asText(),
                        t.path("analyte").asText(),
                        t.path("value_mg_per_kg").asText("ND"),
                        t.path("mrl_mg_per_kg").asText("none"),
                        t.path("verdict").asText(),
                        t.path("banned_detection").asBoolean() ? " BANNED SUBSTANCE" : "")));
    return b.toString();
  }
}
