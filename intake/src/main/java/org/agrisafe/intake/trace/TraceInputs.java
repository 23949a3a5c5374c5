package org.agrisafe.intake.trace;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and validates the input-platform and trace files of one delivery ({@code docs/formats/trace-inputs.md}):
 * {@code producers.csv}, {@code shops.csv}, {@code products.csv}, {@code ledger.csv}, {@code trace_codes.csv},
 * {@code complaints.csv}, {@code complaint_events.csv}, all UTF-8 CSV with a header row. Engine-free: the Spark
 * job only writes what this returns.
 *
 * <p>Bad input never crashes the read. A record that cannot be loaded becomes a {@link Rejected} row (file, line,
 * field, reason); a loadable record with a data-quality problem becomes a {@link Finding}: a ledger line
 * uploaded twice with the same content (DUPLICATE_LEDGER_LINE, kept once), a sale that takes a shop's stock of a
 * product below zero (STOCK_BELOW_ZERO; the opening stock is taken as 0 at the shop's first ledger line), a trace
 * code whose producer is unknown (TRACE_CODE_WITHOUT_PRODUCER; kept with {@code producer_found = false}), a sale
 * to an unknown producer (SALE_TO_UNKNOWN_PRODUCER). Personal fields (buyer ID number and phone) are hashed
 * with {@link BuyerHasher} at read time and never copied into a rejected row's raw text.
 */
public final class TraceInputs {
  private TraceInputs() {}

  /** Ledger units and their factor to kg of product; liquids at an assumed density of 1 kg/L. */
  public static final Map<String, Double> UNIT_TO_KG =
      Map.of(
          "kg", 1.0, "千克", 1.0, "公斤", 1.0, "g", 0.001, "克", 0.001, "l", 1.0, "升", 1.0, "ml", 0.001,
          "毫升", 0.001);

  private static final Pattern CREDIT_CODE =
      Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$");
  private static final Pattern DIVISION = Pattern.compile("^[0-9]{6}([0-9]{3}|[0-9]{6})?$");
  private static final Pattern PHONE = Pattern.compile("^(\\+86|0086)?1[3-9][0-9]{9}$");
  private static final Set<String> PRODUCER_TYPES =
      Set.of("BASE", "COOPERATIVE", "FAMILY_FARM", "ENTERPRISE");
  private static final Set<String> CERTS =
      Set.of("GREEN_FOOD", "ORGANIC", "GEOGRAPHICAL_INDICATION", "PRODUCT_STANDARD");
  private static final Set<String> CERT_TYPES =
      Set.of("COMMITMENT_CERTIFICATE", "ORIGIN_EXIT_CERTIFICATE");
  private static final Set<String> COMPLAINT_STATES =
      Set.of("RECEIVED", "INVESTIGATING", "UPHELD", "DISMISSED");

  /** A record not loaded. */
  public record Rejected(
      String dataset,
      String sourceFile,
      long sourceLine,
      String recordKey,
      String field,
      String reason,
      String rawText) {}

  /** A data-quality finding on a loaded record. */
  public record Finding(
      String checkName,
      String severity,
      String dataset,
      String recordKey,
      String sourceFile,
      Long sourceLine,
      String details) {}

  /**
   * What one delivery gave: rows per table (column maps keyed by the {@code TraceTables} column names), rejected
   * records, findings and the count of records read per dataset.
   */
  public record Batch(
      Map<String, List<Map<String, Object>>> rows,
      List<Rejected> rejected,
      List<Finding> findings,
      Map<String, Long> recordsRead) {
    public List<Map<String, Object>> rows(String table) {
      return rows.getOrDefault(table, List.of());
    }
  }

  /** Table keys of {@link Batch#rows()}. */
  public static final String PRODUCERS = "producers",
      SHOPS = "shops",
      PRODUCTS = "products",
      PRODUCT_INGREDIENTS = "product_ingredients",
      LEDGER = "ledger_lines",
      TRACE_CODES = "trace_codes",
      COMPLAINTS = "complaints",
      COMPLAINT_EVENTS = "complaint_events";

  /**
   * Reads a delivery folder.
   *
   * @param dir folder holding the seven files; a missing file is an error
   * @param hasher keyed hash of personal fields
   * @throws IllegalArgumentException when a file is missing or lacks a required header column
   * @throws UncheckedIOException when a file cannot be read
   */
  public static Batch read(Path dir, BuyerHasher hasher) {
    Reader r = new Reader(dir, hasher);
    r.producers();
    r.shops();
    r.products();
    r.ledger();
    r.traceCodes();
    r.complaints();
    return new Batch(r.rows, r.rejected, r.findings, r.read);
  }

  /** A field problem inside one record (control flow). */
  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;
    final String raw;

    Bad(String field, String message, String raw) {
      super(message, null, false, false);
      this.field = field;
      this.raw = raw;
    }
  }

  private static final class Reader {
    final Path dir;
    final BuyerHasher hasher;
    final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    final List<Rejected> rejected = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final Map<String, Long> read = new LinkedHashMap<>();
    final Set<String> producers = new HashSet<>();
    final Set<String> shops = new HashSet<>();
    final Set<String> products = new HashSet<>();

    Reader(Path dir, BuyerHasher hasher) {
      this.dir = dir;
      this.hasher = hasher;
    }

    List<Map<String, Object>> out(String table) {
      return rows.computeIfAbsent(table, k -> new ArrayList<>());
    }

    interface RecordHandler {
      void accept(CSVRecord r, String file, long line);
    }

    void each(String dataset, String file, List<String> required, RecordHandler h) {
      Path p = dir.resolve(file);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(
            "Input file " + p + " is missing: expected the " + dataset + " file");
      }
      try (java.io.Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8);
          CSVParser parser =
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader()
                  .setSkipHeaderRecord(true)
                  .setTrim(true)
                  .setIgnoreEmptyLines(true)
                  .get()
                  .parse(in)) {
        for (String col : required) {
          if (!parser.getHeaderMap().containsKey(col)) {
            throw new IllegalArgumentException(
                "File " + p + " has no column '" + col + "': expected " + required);
          }
        }
        long n = 0;
        for (CSVRecord r : parser) {
          n++;
          long line = r.getRecordNumber() + 1;
          if (!r.isConsistent()) {
            rejected.add(
                new Rejected(
                    dataset,
                    file,
                    line,
                    null,
                    "line",
                    "Row has "
                        + r.size()
                        + " cells: expected "
                        + parser.getHeaderNames().size()
                        + " (record "
                        + line
                        + " of "
                        + file
                        + ")",
                    null));
            continue;
          }
          try {
            h.accept(r, file, line);
          } catch (Bad b) {
            String key = r.size() > 0 ? r.get(0) : null;
            rejected.add(
                new Rejected(
                    dataset,
                    file,
                    line,
                    key,
                    b.field,
                    b.getMessage() + " (record " + line + " of " + file + ")",
                    b.raw));
          }
        }
        read.put(dataset, n);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + p, e);
      }
    }

    static String text(CSVRecord r, String col) {
      if (!r.isMapped(col)) {
        return null;
      }
      String v = r.get(col);
      return v == null || v.isBlank() ? null : v.trim();
    }

    static String need(CSVRecord r, String col) {
      String v = text(r, col);
      if (v == null) {
        throw new Bad(col, "Missing required field '" + col + "'", null);
      }
      return v;
    }

    static Double num(CSVRecord r, String col) {
      String v = text(r, col);
      if (v == null) {
        return null;
      }
      try {
        return Double.valueOf(v);
      } catch (NumberFormatException e) {
        throw new Bad(col, "Cannot parse " + col + " '" + v + "': expected a number", v);
      }
    }

    static LocalDate date(CSVRecord r, String col, boolean required) {
      String v = required ? need(r, col) : text(r, col);
      if (v == null) {
        return null;
      }
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw new Bad(
            col, "Cannot parse " + col + " '" + v + "': expected an ISO date yyyy-MM-dd", v);
      }
    }

    static boolean bool(CSVRecord r, String col) {
      String v = text(r, col);
      if (v == null || v.equalsIgnoreCase("false") || v.equals("0")) {
        return false;
      }
      if (v.equalsIgnoreCase("true") || v.equals("1")) {
        return true;
      }
      throw new Bad(col, "Cannot parse " + col + " '" + v + "': expected true or false", v);
    }

    static String division(CSVRecord r) {
      String d = need(r, "division_code");
      if (!DIVISION.matcher(d).matches()) {
        throw new Bad(
            "division_code", "Invalid division code '" + d + "': expected 6, 9 or 12 digits", d);
      }
      return d;
    }

    static void lonLat(CSVRecord r, Map<String, Object> m) {
      Double lon = num(r, "lon");
      Double lat = num(r, "lat");
      if ((lon == null) != (lat == null)) {
        throw new Bad(
            lon == null ? "lon" : "lat",
            "Only one of lon/lat given: expected both or neither",
            null);
      }
      if (lon != null && !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
        throw new Bad(
            "lon",
            "Coordinates (" + lon + ", " + lat + ") out of range: expected WGS-84 degrees",
            lon + "," + lat);
      }
      m.put("lon", lon);
      m.put("lat", lat);
    }

    static Map<String, Object> base(String file, long line, CSVRecord r) {
      Map<String, Object> m = new HashMap<>();
      m.put("source_file", file);
      m.put("source_line", line);
      m.put("is_synthetic", bool(r, "synthetic"));
      return m;
    }

    void producers() {
      each(
          PRODUCERS,
          "producers.csv",
          List.of("producer_id", "name", "producer_type", "division_code"),
          (r, file, line) -> {
            String id = need(r, "producer_id").toUpperCase(Locale.ROOT);
            if (!CREDIT_CODE.matcher(id).matches()) {
              throw new Bad(
                  "producer_id",
                  "Invalid unified social credit code '"
                      + id
                      + "': expected 18 characters (GB 32100-2015)",
                  id);
            }
            if (!producers.add(id)) {
              throw new Bad(
                  "producer_id",
                  "Producer '" + id + "' appears twice: expected one row per producer",
                  id);
            }
            String type = need(r, "producer_type").toUpperCase(Locale.ROOT);
            if (!PRODUCER_TYPES.contains(type)) {
              producers.remove(id);
              throw new Bad(
                  "producer_type",
                  "Unknown producer type '" + type + "': expected " + PRODUCER_TYPES,
                  type);
            }
            Map<String, Object> m = base(file, line, r);
            String certs = text(r, "certifications");
            if (certs != null) {
              for (String c : certs.split(";")) {
                if (!CERTS.contains(c.trim())) {
                  producers.remove(id);
                  throw new Bad(
                      "certifications", "Unknown certification '" + c + "': expected " + CERTS, c);
                }
              }
            }
            m.put("producer_id", id);
            m.put("name", need(r, "name"));
            m.put("producer_type", type);
            String div = division(r);
            m.put("division_code", div);
            m.put("county_code", div.substring(0, 6));
            lonLat(r, m);
            m.put("certifications", certs);
            m.put("credit_rating", text(r, "credit_rating"));
            m.put("blacklisted", bool(r, "blacklisted"));
            out(PRODUCERS).add(m);
          });
    }

    void shops() {
      each(
          SHOPS,
          "shops.csv",
          List.of("licence_no", "name", "division_code"),
          (r, file, line) -> {
            String id = need(r, "licence_no");
            if (!shops.add(id)) {
              throw new Bad(
                  "licence_no",
                  "Shop '" + id + "' appears twice: expected one row per licence",
                  id);
            }
            Map<String, Object> m = base(file, line, r);
            m.put("licence_no", id);
            m.put("name", need(r, "name"));
            String div = division(r);
            m.put("division_code", div);
            m.put("county_code", div.substring(0, 6));
            lonLat(r, m);
            m.put("restricted_use_designated", bool(r, "restricted_use_designated"));
            out(SHOPS).add(m);
          });
    }

    void products() {
      each(
          PRODUCTS,
          "products.csv",
          List.of("registration_no", "name", "active_ingredients"),
          (r, file, line) -> {
            String reg = need(r, "registration_no");
            if (products.contains(reg)) {
              throw new Bad("registration_no", "Product '" + reg + "' appears twice", reg);
            }
            List<Map<String, Object>> ais = new ArrayList<>();
            boolean synthetic = bool(r, "synthetic");
            for (String part : need(r, "active_ingredients").split(";")) {
              int i = part.lastIndexOf(':');
              if (i <= 0) {
                throw new Bad(
                    "active_ingredients",
                    "Cannot parse active ingredient '"
                        + part
                        + "': expected code:content_pct, e.g. chlorpyrifos:45",
                    part);
              }
              double pct;
              try {
                pct = Double.parseDouble(part.substring(i + 1).trim());
              } catch (NumberFormatException e) {
                throw new Bad(
                    "active_ingredients",
                    "Cannot parse content '" + part + "': expected a number in %",
                    part);
              }
              if (!(pct > 0 && pct <= 100)) {
                throw new Bad(
                    "active_ingredients",
                    "Content " + pct + " % out of range: expected (0, 100] %",
                    part);
              }
              Map<String, Object> ai = new HashMap<>();
              ai.put("registration_no", reg);
              ai.put("active_ingredient", part.substring(0, i).trim().toLowerCase(Locale.ROOT));
              ai.put("content_pct", pct);
              ai.put("is_synthetic", synthetic);
              ais.add(ai);
            }
            products.add(reg);
            Map<String, Object> m = base(file, line, r);
            m.put("registration_no", reg);
            m.put("name", need(r, "name"));
            m.put("formulation", text(r, "formulation"));
            m.put("toxicity_class", text(r, "toxicity_class"));
            out(PRODUCTS).add(m);
            out(PRODUCT_INGREDIENTS).addAll(ais);
          });
    }

    void ledger() {
      Map<String, Map<String, Object>> byId = new HashMap<>();
      each(
          "ledger",
          "ledger.csv",
          List.of(
              "voucher_no",
              "licence_no",
              "direction",
              "date",
              "registration_no",
              "quantity",
              "unit"),
          (r, file, line) -> {
            String shop = need(r, "licence_no");
            if (!shops.contains(shop)) {
              throw new Bad(
                  "licence_no",
                  "Unknown shop licence '" + shop + "': expected a licence of shops.csv",
                  shop);
            }
            String lineId = shop + ":" + need(r, "voucher_no");
            String dir = need(r, "direction").toUpperCase(Locale.ROOT);
            if (!dir.equals("PURCHASE") && !dir.equals("SALE")) {
              throw new Bad(
                  "direction", "Unknown direction '" + dir + "': expected PURCHASE or SALE", dir);
            }
            LocalDate d = date(r, "date", true);
            String reg = need(r, "registration_no");
            if (!products.contains(reg)) {
              throw new Bad(
                  "registration_no",
                  "Unknown registration number '"
                      + reg
                      + "': expected a product of products.csv (登记证号)",
                  reg);
            }
            Double q = num(r, "quantity");
            if (q == null) {
              throw new Bad("quantity", "Missing required field 'quantity'", null);
            }
            if (!(q > 0)) {
              throw new Bad(
                  "quantity",
                  "Quantity "
                      + q
                      + " is not positive: expected > 0 (a return is its own"
                      + " line)",
                  r.get("quantity"));
            }
            String unit = need(r, "unit");
            Double f = UNIT_TO_KG.get(unit.toLowerCase(Locale.ROOT));
            if (f == null) {
              throw new Bad("unit", "Unknown unit '" + unit + "': expected kg, g, L or mL", unit);
            }
            Map<String, Object> m = base(file, line, r);
            m.put("line_id", lineId);
            m.put("licence_no", shop);
            m.put("direction", dir);
            m.put("line_date", d);
            m.put("line_month", d.toString().substring(0, 7));
            m.put("registration_no", reg);
            m.put("quantity", q);
            m.put("unit", unit);
            m.put("quantity_kg", q * f);
            m.put("supplier", text(r, "supplier"));
            m.put("intended_crop", text(r, "intended_crop"));
            String producer = text(r, "buyer_producer_id");
            String idNo = text(r, "buyer_id_number");
            String phone = text(r, "buyer_phone");
            if (dir.equals("SALE")) {
              if (producer == null && idNo == null) {
                throw new Bad(
                    "buyer_producer_id",
                    "Sale without a buyer: expected buyer_producer_id or the buyer's"
                        + " ID number (real-name purchase)",
                    null);
              }
              if (producer != null && idNo != null) {
                throw new Bad(
                    "buyer_id_number",
                    "Sale names both a producer and a natural person: expected one",
                    null);
              }
              if (idNo != null && !IdNumbers.valid(idNo)) {
                throw new Bad(
                    "buyer_id_number",
                    "Invalid resident ID number (value withheld): expected 18"
                        + " characters with a valid GB 11643 check digit",
                    null);
              }
              if (phone != null && !PHONE.matcher(phone.replaceAll("[\\s-]", "")).matches()) {
                throw new Bad(
                    "buyer_phone",
                    "Invalid mobile number (value withheld): expected 11 digits",
                    null);
              }
              if (producer != null) {
                m.put("buyer_type", "PRODUCER");
                m.put("buyer_producer_id", producer.toUpperCase(Locale.ROOT));
              } else {
                m.put("buyer_type", "PERSON");
                m.put("buyer_key", hasher.hashIdNumber(idNo));
                m.put("buyer_phone_key", hasher.hashPhone(phone));
                m.put("buyer_key_id", hasher.keyId());
              }
            }
            Map<String, Object> earlier = byId.get(lineId);
            if (earlier != null) {
              if (sameContent(earlier, m)) {
                findings.add(
                    new Finding(
                        "DUPLICATE_LEDGER_LINE",
                        "INFO",
                        "ledger",
                        lineId,
                        file,
                        line,
                        "Ledger line "
                            + lineId
                            + " uploaded again with the same content (first at line "
                            + earlier.get("source_line")
                            + "); kept once"));
                return;
              }
              throw new Bad(
                  "voucher_no",
                  "Voucher "
                      + lineId
                      + " already loaded at line "
                      + earlier.get("source_line")
                      + " with different content: expected a new voucher number",
                  null);
            }
            if (producer != null && !producers.contains(producer.toUpperCase(Locale.ROOT))) {
              findings.add(
                  new Finding(
                      "SALE_TO_UNKNOWN_PRODUCER",
                      "WARNING",
                      "ledger",
                      lineId,
                      file,
                      line,
                      "Sale to producer " + producer + ", which is not in producers.csv"));
            }
            byId.put(lineId, m);
            out(LEDGER).add(m);
          });
      stock();
    }

    private static boolean sameContent(Map<String, Object> a, Map<String, Object> b) {
      for (String k :
          List.of(
              "licence_no",
              "direction",
              "line_date",
              "registration_no",
              "quantity",
              "unit",
              "buyer_producer_id",
              "buyer_key",
              "supplier",
              "intended_crop")) {
        if (!java.util.Objects.equals(a.get(k), b.get(k))) {
          return false;
        }
      }
      return true;
    }

    /** Running stock per shop and product: purchases before sales on the same date; opening stock 0. */
    private void stock() {
      List<Map<String, Object>> lines = new ArrayList<>(out(LEDGER));
      lines.sort(
          Comparator.<Map<String, Object>, String>comparing(m -> (String) m.get("licence_no"))
              .thenComparing(m -> (String) m.get("registration_no"))
              .thenComparing(m -> (LocalDate) m.get("line_date"))
              .thenComparing(m -> m.get("direction").equals("PURCHASE") ? 0 : 1)
              .thenComparing(m -> (Long) m.get("source_line")));
      String key = null;
      double stock = 0;
      for (Map<String, Object> m : lines) {
        String k = m.get("licence_no") + "|" + m.get("registration_no");
        if (!k.equals(key)) {
          key = k;
          stock = 0;
        }
        double q = (Double) m.get("quantity_kg");
        boolean sale = m.get("direction").equals("SALE");
        double before = stock;
        stock += sale ? -q : q;
        if (sale && stock < -1e-9 && before >= -1e-9) {
          findings.add(
              new Finding(
                  "STOCK_BELOW_ZERO",
                  "WARNING",
                  "ledger",
                  (String) m.get("line_id"),
                  (String) m.get("source_file"),
                  (Long) m.get("source_line"),
                  String.format(
                      Locale.ROOT,
                      "Sale of %.3f kg of %s by %s on %s takes recorded stock to %.3f kg: a purchase is missing from"
                          + " the ledger",
                      q,
                      m.get("registration_no"),
                      m.get("licence_no"),
                      m.get("line_date"),
                      stock)));
        }
      }
    }

    void traceCodes() {
      Set<String> seen = new HashSet<>();
      each(
          TRACE_CODES,
          "trace_codes.csv",
          List.of("trace_code", "producer_id"),
          (r, file, line) -> {
            String code = need(r, "trace_code");
            if (!seen.add(code)) {
              throw new Bad("trace_code", "Trace code '" + code + "' appears twice", code);
            }
            String type = text(r, "certificate_type");
            if (type != null && !CERT_TYPES.contains(type)) {
              throw new Bad(
                  "certificate_type",
                  "Unknown certificate type '" + type + "': expected " + CERT_TYPES,
                  type);
            }
            Map<String, Object> m = base(file, line, r);
            String producer = text(r, "producer_id");
            boolean found =
                producer != null && producers.contains(producer.toUpperCase(Locale.ROOT));
            if (!found) {
              findings.add(
                  new Finding(
                      "TRACE_CODE_WITHOUT_PRODUCER",
                      "ERROR",
                      TRACE_CODES,
                      code,
                      file,
                      line,
                      "Trace code "
                          + code
                          + " points to "
                          + (producer == null
                              ? "no producer"
                              : "producer " + producer + ", which is not in producers.csv")));
            }
            m.put("trace_code", code);
            m.put("producer_id", producer == null ? null : producer.toUpperCase(Locale.ROOT));
            m.put("producer_found", found);
            m.put("commodity_code", text(r, "commodity"));
            m.put("batch_no", text(r, "batch_no"));
            m.put("harvest_date", date(r, "harvest_date", false));
            m.put("certificate_type", type);
            m.put("certificate_no", text(r, "certificate_no"));
            m.put("quarantine_certificate_no", text(r, "quarantine_certificate_no"));
            out(TRACE_CODES).add(m);
          });
    }

    void complaints() {
      Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
      each(
          COMPLAINTS,
          "complaints.csv",
          List.of("complaint_id", "received_date"),
          (r, file, line) -> {
            String id = need(r, "complaint_id");
            if (byId.containsKey(id)) {
              throw new Bad("complaint_id", "Complaint '" + id + "' appears twice", id);
            }
            Map<String, Object> m = new HashMap<>();
            m.put("complaint_id", id);
            m.put("received_date", date(r, "received_date", true));
            String p = text(r, "producer_id");
            m.put("producer_id", p == null ? null : p.toUpperCase(Locale.ROOT));
            String hazard = text(r, "hazard");
            m.put("hazard", hazard == null ? null : hazard.toLowerCase(Locale.ROOT));
            m.put("summary", text(r, "summary"));
            m.put("status", "RECEIVED");
            m.put("is_synthetic", bool(r, "synthetic"));
            byId.put(id, m);
          });
      Map<String, String> last = new HashMap<>();
      Map<String, Instant> lastAt = new HashMap<>();
      each(
          COMPLAINT_EVENTS,
          "complaint_events.csv",
          List.of("complaint_id", "status", "at", "who"),
          (r, file, line) -> {
            String id = need(r, "complaint_id");
            if (!byId.containsKey(id)) {
              throw new Bad("complaint_id", "Event for unknown complaint '" + id + "'", id);
            }
            String to = need(r, "status").toUpperCase(Locale.ROOT);
            if (!COMPLAINT_STATES.contains(to)) {
              throw new Bad(
                  "status",
                  "Unknown complaint status '" + to + "': expected " + COMPLAINT_STATES,
                  to);
            }
            Instant at;
            try {
              at = OffsetDateTime.parse(need(r, "at")).toInstant();
            } catch (DateTimeParseException e) {
              throw new Bad(
                  "at",
                  "Cannot parse at '" + r.get("at") + "': expected ISO date-time with offset",
                  r.get("at"));
            }
            Map<String, Object> e = new HashMap<>();
            e.put("subject_id", id);
            e.put("from_status", last.get(id));
            e.put("to_status", to);
            e.put("who", need(r, "who"));
            e.put("why", text(r, "why"));
            e.put("at", at);
            out(COMPLAINT_EVENTS).add(e);
            if (lastAt.get(id) == null || !at.isBefore(lastAt.get(id))) {
              last.put(id, to);
              lastAt.put(id, at);
              byId.get(id).put("status", to);
            }
          });
      out(COMPLAINTS).addAll(byId.values());
    }
  }
}
