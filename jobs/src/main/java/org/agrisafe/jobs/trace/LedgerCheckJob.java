package org.agrisafe.jobs.trace;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.agrisafe.intake.trace.TraceReference;
import org.agrisafe.jobs.spark.LakehouseIo;
import org.agrisafe.lakehouse.tables.TraceTables;
import org.agrisafe.lakehouse.tables.WarningRow;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.lakehouse.tables.WarningTables.Producer;
import org.agrisafe.lakehouse.tables.WarningTables.Severity;
import org.agrisafe.risk.verdict.BanRule;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * Ledger checks (producer {@link Producer#LEDGER_CHECK} of the one warnings table), per sale line and active
 * ingredient, with the rules of {@link TraceReference}:
 *
 * <ul>
 *   <li>{@code BANNED_SALE} (HIGH): the ingredient is banned for all uses on the sale date by a verified row of
 *       the ban list;
 *   <li>{@code RESTRICTED_SALE_NOT_DESIGNATED} (MEDIUM): a restricted-use pesticide under designated sales
 *       (农业部公告第2567号, first 22 substances) sold by a shop without {@code restricted_use_designated};
 *   <li>{@code RESTRICTED_CROP_SALE} (HIGH): sold for a crop on which a verified crop-scoped rule forbids it;
 *       possible only where the ledger records the intended crop, and the coverage is reported
 *       ({@link Summary#cropCheckable()} of {@link Summary#cropRuleSales()}).
 * </ul>
 *
 * <p>Warning IDs are deterministic ({@code WarningTables.warningId(LEDGER_CHECK, [measure, line_id, ingredient])});
 * a re-run MERGEs (state and created_at kept) and new warnings get a {@code null → NEW} event. Period type DAY,
 * period = the sale's local date; {@code method_parameters} holds the rule, line, shop and buyer subject
 * ({@code PRODUCER:<credit code>} or {@code PERSON:<HMAC>}; never a clear ID).
 */
public final class LedgerCheckJob {
  private LedgerCheckJob() {}

  public static final String BANNED_SALE = "BANNED_SALE";
  public static final String NOT_DESIGNATED = "RESTRICTED_SALE_NOT_DESIGNATED";
  public static final String CROP_SALE = "RESTRICTED_CROP_SALE";
  static final String JOB_USER = "ledger-check-job";

  /**
   * What a run raised.
   *
   * @param byMeasure warnings per measure
   * @param saleLines sale lines × ingredients examined
   * @param cropRuleSales sale lines × ingredients whose ingredient has a crop restriction on the sale date
   * @param cropCheckable of those, lines that record the intended crop (the crop check is possible)
   * @param warnings the warning rows (column maps of {@code analytics.warnings})
   */
  public record Summary(
      Map<String, Integer> byMeasure,
      long saleLines,
      long cropRuleSales,
      long cropCheckable,
      List<Map<String, Object>> warnings) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "ledger checks: %s on %,d sale line x ingredient pairs; crop check"
              + " possible on %,d of %,d sales of crop-restricted ingredients (%.0f %%: the rest record no crop)",
          byMeasure,
          saleLines,
          cropCheckable,
          cropRuleSales,
          cropRuleSales == 0 ? 0.0 : 100.0 * cropCheckable / cropRuleSales);
    }
  }

  /** Registers the rule UDFs (bodies call {@link TraceReference}). */
  static void registerUdfs(SparkSession spark, TraceReference ref) {
    spark
        .udf()
        .register(
            "agrisafe_sale_ban",
            (UDF2<String, LocalDate, String>)
                (ai, d) -> {
                  BanRule r = ai == null || d == null ? null : ref.saleBan(ai, d);
                  return r == null ? null : r.ruleId() + "|" + r.source();
                },
            DataTypes.StringType);
    spark
        .udf()
        .register(
            "agrisafe_designated_rule",
            (UDF2<String, LocalDate, String>)
                (ai, d) -> {
                  TraceReference.RestrictedUse r =
                      ai == null || d == null ? null : ref.designatedSalesRule(ai, d);
                  return r == null ? null : r.legalBasis();
                },
            DataTypes.StringType);
    spark
        .udf()
        .register(
            "agrisafe_crop_rule",
            (UDF3<String, String, LocalDate, String>)
                (ai, crop, d) -> {
                  BanRule r = ai == null || d == null ? null : ref.cropRestriction(ai, crop, d);
                  return r == null ? null : r.ruleId() + "|" + r.source();
                },
            DataTypes.StringType);
    spark
        .udf()
        .register(
            "agrisafe_has_crop_rule",
            (UDF2<String, LocalDate, Boolean>)
                (ai, d) -> ai != null && d != null && ref.hasCropRestrictions(ai, d),
            DataTypes.BooleanType);
  }

  /**
   * The pure transform: sale lines × ingredients with the rule each breaks (columns {@code sale_ban},
   * {@code designated_rule}, {@code crop_rule}, null when none) and {@code has_crop_rule}.
   */
  public static Dataset<Row> transform(
      SparkSession spark,
      TraceReference ref,
      Dataset<Row> ledger,
      Dataset<Row> ingredients,
      Dataset<Row> shops) {
    registerUdfs(spark, ref);
    return ledger
        .filter(col("direction").equalTo("SALE"))
        .join(ingredients.select("registration_no", "active_ingredient"), "registration_no")
        .join(shops.select("licence_no", "restricted_use_designated", "county_code"), "licence_no")
        .withColumn(
            "sale_ban", callUDF("agrisafe_sale_ban", col("active_ingredient"), col("line_date")))
        .withColumn(
            "designated_rule",
            callUDF("agrisafe_designated_rule", col("active_ingredient"), col("line_date")))
        .withColumn(
            "crop_rule",
            callUDF(
                "agrisafe_crop_rule",
                col("active_ingredient"),
                col("intended_crop"),
                col("line_date")))
        .withColumn(
            "has_crop_rule",
            callUDF("agrisafe_has_crop_rule", col("active_ingredient"), col("line_date")));
  }

  /** Runs the checks on the lakehouse and MERGEs the warnings. */
  public static Summary run(SparkSession spark, String catalog, TraceReference ref) {
    String ledgerTable = TraceTables.LEDGER_LINES.qualifiedName(catalog);
    Long snapshot = LakehouseIo.currentSnapshotId(spark, ledgerTable);
    Dataset<Row> checked =
        transform(
                spark,
                ref,
                spark.table(ledgerTable),
                spark.table(TraceTables.PRODUCT_INGREDIENTS.qualifiedName(catalog)),
                spark.table(TraceTables.SHOPS.qualifiedName(catalog)))
            .cache();
    long saleLines = checked.count();
    long cropRuleSales = checked.filter(col("has_crop_rule")).count();
    long cropCheckable =
        checked.filter(col("has_crop_rule").and(col("intended_crop").isNotNull())).count();
    List<Row> flagged =
        checked
            .filter(
                col("sale_ban")
                    .isNotNull()
                    .or(
                        col("designated_rule")
                            .isNotNull()
                            .and(col("restricted_use_designated").equalTo(false)))
                    .or(col("crop_rule").isNotNull()))
            .orderBy("line_id", "active_ingredient")
            .collectAsList();
    checked.unpersist();
    Instant now = Instant.now();
    List<Map<String, Object>> warnings = new ArrayList<>();
    Map<String, Integer> byMeasure = new TreeMap<>();
    for (Row r : flagged) {
      String ban = r.getAs("sale_ban");
      if (ban != null) {
        warnings.add(
            warning(r, BANNED_SALE, Severity.HIGH, ban, "banned on the sale date", snapshot, now));
      }
      String des = r.getAs("designated_rule");
      if (des != null && !(Boolean) r.getAs("restricted_use_designated")) {
        warnings.add(
            warning(
                r,
                NOT_DESIGNATED,
                Severity.MEDIUM,
                "RESTRICTED-USE|" + des,
                "restricted-use pesticide (定点经营) sold by a shop that is not designated",
                snapshot,
                now));
      }
      String crop = r.getAs("crop_rule");
      if (crop != null) {
        warnings.add(
            warning(
                r,
                CROP_SALE,
                Severity.HIGH,
                crop,
                "sold for " + r.getAs("intended_crop") + ", on which it is forbidden",
                snapshot,
                now));
      }
    }
    warnings.forEach(w -> byMeasure.merge((String) w.get("measure"), 1, Integer::sum));
    String target = WarningTables.WARNINGS.qualifiedName(catalog);
    Set<String> existing = new HashSet<>();
    spark
        .table(target)
        .filter(col("producer").equalTo(Producer.LEDGER_CHECK.name()))
        .select("warning_id")
        .collectAsList()
        .forEach(x -> existing.add(x.getString(0)));
    TraceIo.merge(
        spark,
        catalog,
        WarningTables.WARNINGS,
        "warning_id",
        Set.of("state", "created_at"),
        warnings);
    List<Map<String, Object>> events = new ArrayList<>();
    for (Map<String, Object> w : warnings) {
      if (!existing.contains((String) w.get("warning_id"))) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("warning_id", w.get("warning_id"));
        e.put("to_state", WarningTables.State.NEW.name());
        e.put("who", JOB_USER);
        e.put("why", "raised by the ledger check " + w.get("measure"));
        e.put("at", now);
        events.add(e);
      }
    }
    TraceIo.append(spark, catalog, WarningTables.WARNING_EVENTS, events);
    return new Summary(byMeasure, saleLines, cropRuleSales, cropCheckable, warnings);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, Object> warning(
      Row r, String measure, Severity sev, String rule, String why, Long snapshot, Instant now) {
    String lineId = r.getAs("line_id");
    String ai = r.getAs("active_ingredient");
    String producer = r.getAs("buyer_producer_id");
    String subject = producer != null ? "PRODUCER:" + producer : "PERSON:" + r.getAs("buyer_key");
    String ruleId = rule.substring(0, rule.indexOf('|'));
    ObjectNode p = JSON.createObjectNode();
    p.put("rule_id", ruleId);
    p.put("rule_source", rule.substring(rule.indexOf('|') + 1));
    p.put("line_id", lineId);
    p.put("licence_no", (String) r.getAs("licence_no"));
    p.put("registration_no", (String) r.getAs("registration_no"));
    p.put("subject", subject);
    p.put("quantity_kg", (Double) r.getAs("quantity_kg"));
    WarningRow w =
        WarningRow.of(
                Producer.LEDGER_CHECK,
                WarningTables.warningId(Producer.LEDGER_CHECK, List.of(measure, lineId, ai)),
                sev,
                measure,
                "LEDGER_LINE",
                "DAY",
                r.getAs("line_date").toString(),
                now)
            .set("source_system", "INPUT_LEDGER")
            .set("commodity_code", r.getAs("intended_crop"))
            .set("analyte_code", ai)
            .set("region_code", r.getAs("county_code"))
            .set("method", "ledger-check")
            .set("method_parameters", p.toString())
            .set("input_snapshot_id", snapshot)
            .group(List.of(subject, ai));
    w.set(
        "details",
        String.format(
            Locale.ROOT,
            "%s: %s (%s) sold by shop %s on %s to %s, %.3f kg: %s [%s]",
            measure,
            ai,
            r.getAs("registration_no"),
            r.getAs("licence_no"),
            r.getAs("line_date"),
            producer != null ? "producer " + producer : "a natural person (real-name, keyed hash)",
            (Double) r.getAs("quantity_kg"),
            why,
            ruleId));
    return w.row();
  }
}
