package org.agrisafe.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.agrisafe.intake.reference.ReferenceFiles;
import org.agrisafe.intake.reference.Regions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Seeded generator of SYNTHETIC traceability data for Jinan: producers and agricultural-input shops in the real
 * rural districts and townships ({@code reference-data/regions/cn_divisions_jinan.csv}), a pesticide catalogue of
 * real active ingredients (including ones banned by MARA notices), a two-year purchase/sales ledger in which
 * every producer's purchases precede its applications, trace codes with certificates, complaints, and a platform
 * upload file of test results linked to producers. Everything is labelled synthetic: {@code synthetic=true} in
 * every file, names end in （模拟）, registration numbers start with {@code SYNPD} (no real 登记证号 is imitated),
 * shop licences with {@code SYN-}.
 *
 * <p>On top of the background it plants cases that the detection must find and decoys it must not flag
 * ({@link Manifest}). This class lives apart from the detection code and shares no rule with it: it does not
 * read the ban list, the residue-definition table or the MRLs; it writes what a shop and a laboratory would
 * record, and its expectations come from how it built the scenarios. Coordinates are WGS-84 points drawn inside
 * the district polygons of {@link Regions#jinanDistricts()} (township codes are attribution only: no township
 * polygons are bundled).
 *
 * <p>The ledger files carry synthetic resident ID numbers and phones in clear, as a shop's export would; the
 * ingest hashes them. Write them to a landing folder, never to a published output.
 */
public final class JinanTraceGenerator {
  private JinanTraceGenerator() {}

  /** Default seed. */
  public static final long SEED_DEFAULT = 20250601L;

  /** Default number of background producers (the planted ones come on top). */
  public static final int PRODUCERS_DEFAULT = 60;

  /** Default number of shops. */
  public static final int SHOPS_DEFAULT = 24;

  /** First and last ledger day (two years: a ledger is kept at least 2 years). */
  public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

  public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

  /** Generator parameters. */
  public record Params(long seed, int producers, int shops) {
    public Params {
      if (producers < 10) {
        throw new IllegalArgumentException("producers " + producers + ": expected >= 10");
      }
      if (shops < 10) {
        throw new IllegalArgumentException("shops " + shops + ": expected >= 10");
      }
    }

    public static Params defaults() {
      return new Params(SEED_DEFAULT, PRODUCERS_DEFAULT, SHOPS_DEFAULT);
    }
  }

  /**
   * A planted case or a decoy.
   *
   * @param id e.g. PLANT-1-phorate
   * @param kind TRACE_BACK (a result whose trace-back must name exactly {@code shops}, in that rank order),
   *     TRACE_BACK_DECOY (a result whose trace-back must name none of {@code shops}, and no line of
   *     {@code lineIds}), BANNED_SALE (ledger lines that must raise a banned-sale warning), NOT_BANNED_SALE,
   *     NOT_DESIGNATED (lines that must raise a designated-sales warning), CROP_RESTRICTED, NOT_CROP_RESTRICTED,
   *     LEAD (a producer+hazard that must get exactly one lead), NO_LEAD, REJECTED (a ledger line that must be
   *     rejected, by field), FINDING (a data-quality finding expected, by check name)
   */
  public record Expectation(
      String id,
      String kind,
      String producerId,
      String resultId,
      String hazard,
      List<String> shops,
      List<String> lineIds,
      String detail) {}

  /** What was generated: files, counts and expectations, plus the clear personal values (for the scan test). */
  public record Manifest(
      Path dir,
      Path uploadFile,
      Map<String, Integer> counts,
      List<Expectation> expectations,
      List<String> clearIdNumbers,
      List<String> clearPhones) {}

  // Generator's own catalogue: registration no, name, formulation, toxicity, active ingredients
  // (code:% w/w).
  private static final String[][] CATALOGUE = {
    {"SYNPD0001", "45%毒死蜱乳油（模拟）", "EC", "中等毒", "chlorpyrifos:45"},
    {"SYNPD0002", "10%吡虫啉可湿性粉剂（模拟）", "WP", "低毒", "imidacloprid:10"},
    {"SYNPD0003", "25%噻虫嗪水分散粒剂（模拟）", "WG", "低毒", "thiamethoxam:25"},
    {"SYNPD0004", "2.5%高效氯氟氰菊酯乳油（模拟）", "EC", "中等毒", "lambda-cyhalothrin:2.5"},
    {"SYNPD0005", "5%甲氨基阿维菌素苯甲酸盐水分散粒剂（模拟）", "WG", "低毒", "emamectin benzoate:5"},
    {"SYNPD0006", "50%腐霉利可湿性粉剂（模拟）", "WP", "低毒", "procymidone:50"},
    {"SYNPD0007", "3%甲拌磷颗粒剂（模拟）", "GR", "剧毒", "phorate:3"},
    {"SYNPD0008", "2.5%甲基异柳磷颗粒剂（模拟）", "GR", "高毒", "isofenphos-methyl:2.5"},
    {"SYNPD0009", "3%克百威颗粒剂（模拟）", "GR", "高毒", "carbofuran:3"},
    {"SYNPD0010", "1.8%阿维菌素乳油（模拟）", "EC", "低毒", "abamectin:1.8"},
    {"SYNPD0011", "80%代森锰锌可湿性粉剂（模拟）", "WP", "低毒", "mancozeb:80"},
    {"SYNPD0012", "10%苯醚甲环唑水分散粒剂（模拟）", "WG", "低毒", "difenoconazole:10"},
    {"SYNPD0013", "41%草甘膦异丙胺盐水剂（模拟）", "SL", "低毒", "glyphosate:41"},
    {"SYNPD0014", "52.25%氯氰·毒死蜱乳油（模拟）", "EC", "中等毒", "chlorpyrifos:47.5;cypermethrin:4.75"},
  };

  /** Products sold in the background (never the banned or restricted ones, never the hazards of the scenarios). */
  private static final String[] BACKGROUND = {
    "SYNPD0002",
    "SYNPD0004",
    "SYNPD0005",
    "SYNPD0006",
    "SYNPD0010",
    "SYNPD0011",
    "SYNPD0012",
    "SYNPD0013"
  };

  private static final String[] RURAL = {
    "370112", "370113", "370114", "370115", "370116", "370117", "370124", "370126"
  };
  private static final String[] TYPES = {"BASE", "COOPERATIVE", "FAMILY_FARM", "ENTERPRISE"};
  private static final String[] CROPS = {
    "celery",
    "spinach",
    "chinese_cabbage",
    "cucumbers",
    "tomatoes",
    "chinese_chives",
    "cowpea",
    "ginger"
  };
  private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** Runs the generator into {@code dir} (created; existing files replaced). */
  public static Manifest generate(Path dir, Params p) {
    return new Build(dir, p).run();
  }

  private static final class Build {
    final Path dir;
    final Params p;
    final SplittableRandom rnd;
    final Map<String, List<String>> townships = new LinkedHashMap<>();
    final Map<String, String> countyName = new LinkedHashMap<>();
    final List<String[]> producers =
        new ArrayList<>(); // id, name, type, division, lon, lat, certs, rating, black
    final List<String[]> shops = new ArrayList<>(); // licence, name, division, lon, lat, designated
    final List<Map<String, String>> ledger = new ArrayList<>();
    final List<String[]> traceCodes = new ArrayList<>();
    final List<String[]> complaints = new ArrayList<>();
    final List<String[]> complaintEvents = new ArrayList<>();
    final List<Map<String, String>> results = new ArrayList<>();
    final List<Expectation> exp = new ArrayList<>();
    final List<String[]> persons = new ArrayList<>(); // id number, phone
    final Map<String, Integer> voucher = new LinkedHashMap<>();
    int sampleSeq;

    Build(Path dir, Params p) {
      this.dir = dir;
      this.p = p;
      this.rnd = new SplittableRandom(p.seed());
      for (CSVRecord r : ReferenceFiles.csv("regions/cn_divisions_jinan.csv")) {
        if (r.get("level").equals("TOWNSHIP")) {
          townships
              .computeIfAbsent(r.get("parent_code"), k -> new ArrayList<>())
              .add(r.get("code"));
        } else {
          countyName.put(r.get("code"), r.get("name_zh"));
        }
      }
    }

    Manifest run() {
      for (int i = 0; i < p.shops(); i++) {
        String county = RURAL[i % RURAL.length];
        boolean designated = i % 3 == 0;
        shop(county, designated);
      }
      for (int i = 0; i < 40; i++) {
        persons.add(new String[] {idNumber(), phone()});
      }
      for (int i = 0; i < p.producers(); i++) {
        producer(RURAL[rnd.nextInt(RURAL.length)], false);
      }
      background();
      scenarios();
      dirtyInput();
      purchasesForStock();
      write();
      Map<String, Integer> counts = new LinkedHashMap<>();
      counts.put("producers", producers.size());
      counts.put("shops", shops.size());
      counts.put("products", CATALOGUE.length + 0);
      counts.put("ledger_lines", ledger.size());
      counts.put("trace_codes", traceCodes.size());
      counts.put("complaints", complaints.size());
      counts.put("results", results.size());
      return new Manifest(
          dir,
          dir.resolve("results_upload.csv"),
          counts,
          exp,
          persons.stream().map(x -> x[0]).toList(),
          persons.stream().map(x -> x[1]).toList());
    }

    // ------------------------------------------------------------------ entities
    String shop(String county, boolean designated) {
      int n = shops.size() + 1;
      String licence = String.format(Locale.ROOT, "SYN-农药经许(鲁)%s%05d", county, n);
      double[] ll = point(county);
      String town = town(county);
      shops.add(
          new String[] {
            licence,
            countyName.get(county) + "第" + n + "农资经营部（模拟）",
            town,
            fmt(ll[0]),
            fmt(ll[1]),
            Boolean.toString(designated)
          });
      return licence;
    }

    String producer(String county, boolean clean) {
      int n = producers.size() + 1;
      String type = TYPES[rnd.nextInt(TYPES.length)];
      String prefix =
          switch (type) {
            case "COOPERATIVE" -> "93";
            case "FAMILY_FARM" -> "92";
            default -> "91";
          };
      StringBuilder tail = new StringBuilder("MA");
      for (int i = 0; i < 8; i++) {
        tail.append(CODE_CHARS.charAt(rnd.nextInt(CODE_CHARS.length())));
      }
      String id = prefix + county + tail;
      String name =
          countyName.get(county)
              + switch (type) {
                case "COOPERATIVE" -> "绿源第" + n + "蔬菜专业合作社（模拟）";
                case "FAMILY_FARM" -> "第" + n + "家庭农场（模拟）";
                case "BASE" -> "第" + n + "蔬菜生产基地（模拟）";
                default -> "第" + n + "农业科技有限公司（模拟）";
              };
      double[] ll = point(county);
      String certs =
          rnd.nextInt(4) == 0
              ? "GREEN_FOOD"
              : rnd.nextInt(10) == 0 ? "PRODUCT_STANDARD;ORGANIC" : "";
      String rating = clean ? "A" : new String[] {"A", "A", "B", "B", "C"}[rnd.nextInt(5)];
      producers.add(
          new String[] {
            id, name, type, town(county), fmt(ll[0]), fmt(ll[1]), certs, rating, "false"
          });
      return id;
    }

    String[] producerRow(String id) {
      return producers.stream().filter(r -> r[0].equals(id)).findFirst().orElseThrow();
    }

    String county(String division) {
      return division.substring(0, 6);
    }

    List<String> shopsIn(String county) {
      List<String> s = new ArrayList<>();
      for (String[] r : shops) {
        if (county(r[2]).equals(county)) {
          s.add(r[0]);
        }
      }
      return s;
    }

    String town(String county) {
      List<String> t = townships.getOrDefault(county, List.of());
      return t.isEmpty() ? county : t.get(rnd.nextInt(t.size()));
    }

    double[] point(String county) {
      Geometry g = Regions.jinanDistricts().byCode(county).geometry();
      Envelope e = g.getEnvelopeInternal();
      for (int i = 0; i < 10_000; i++) {
        double lon = e.getMinX() + rnd.nextDouble() * e.getWidth();
        double lat = e.getMinY() + rnd.nextDouble() * e.getHeight();
        if (g.contains(g.getFactory().createPoint(new Coordinate(lon, lat)))) {
          return new double[] {lon, lat};
        }
      }
      throw new IllegalStateException("No point drawn inside district " + county);
    }

    String idNumber() {
      String area = RURAL[rnd.nextInt(RURAL.length)];
      LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(rnd.nextInt(365 * 40));
      String first17 =
          area
              + birth.toString().replace("-", "")
              + String.format(Locale.ROOT, "%03d", rnd.nextInt(1000));
      return first17 + org.agrisafe.intake.trace.IdNumbers.checkChar(first17);
    }

    String phone() {
      return "1"
          + (3 + rnd.nextInt(7))
          + String.format(Locale.ROOT, "%09d", rnd.nextInt(1_000_000_000));
    }

    // ------------------------------------------------------------------ ledger
    String line(
        String shop,
        String dir,
        LocalDate d,
        String reg,
        double q,
        String unit,
        String producer,
        String[] person,
        String crop) {
      int v = voucher.merge(shop, 1, Integer::sum);
      Map<String, String> m = new LinkedHashMap<>();
      m.put(
          "voucher_no", String.format(Locale.ROOT, "%s-%06d", dir.equals("SALE") ? "XS" : "JH", v));
      m.put("licence_no", shop);
      m.put("direction", dir);
      m.put("date", d.toString());
      m.put("registration_no", reg);
      m.put("quantity", fmtQ(q));
      m.put("unit", unit);
      m.put("buyer_producer_id", producer == null ? "" : producer);
      m.put("buyer_id_number", person == null ? "" : person[0]);
      m.put("buyer_phone", person == null ? "" : person[1]);
      m.put("supplier", dir.equals("PURCHASE") ? "山东某农药批发有限公司（模拟）" : "");
      m.put("intended_crop", crop == null ? "" : crop);
      m.put("synthetic", "true");
      ledger.add(m);
      return shop + ":" + m.get("voucher_no");
    }

    String sale(String shop, LocalDate d, String reg, double kg, String producer) {
      return line(shop, "SALE", d, reg, kg, "kg", producer, null, null);
    }

    void background() {
      int pi = 0;
      for (String[] pr : new ArrayList<>(producers)) {
        String county = county(pr[3]);
        List<String> near = shopsIn(county);
        String crop = CROPS[pi++ % CROPS.length];
        for (int k = 0; k < 6 + rnd.nextInt(8); k++) {
          LocalDate d = FIRST_DAY.plusDays(rnd.nextInt(700));
          String reg = BACKGROUND[rnd.nextInt(BACKGROUND.length)];
          String shop = near.get(rnd.nextInt(near.size()));
          boolean grams = rnd.nextInt(4) == 0;
          double q = grams ? 100 * (1 + rnd.nextInt(10)) : 0.5 * (1 + rnd.nextInt(10));
          line(
              shop,
              "SALE",
              d,
              reg,
              q,
              grams ? (rnd.nextBoolean() ? "g" : "mL") : (rnd.nextBoolean() ? "kg" : "L"),
              pr[0],
              null,
              rnd.nextInt(3) == 0 ? crop : null);
          // the producer applies it and is sampled afterwards: results below any limit (ND mostly)
          if (rnd.nextInt(3) == 0) {
            LocalDate sd = d.plusDays(20 + rnd.nextInt(40));
            if (!sd.isAfter(LAST_DAY)) {
              backgroundResult(pr, crop, sd);
            }
          }
        }
      }
      // natural-person buyers (real-name purchase), across shops
      for (int k = 0; k < persons.size() * 3; k++) {
        String[] person = persons.get(rnd.nextInt(persons.size()));
        String shop = shops.get(rnd.nextInt(shops.size()))[0];
        line(
            shop,
            "SALE",
            FIRST_DAY.plusDays(rnd.nextInt(700)),
            BACKGROUND[rnd.nextInt(BACKGROUND.length)],
            0.5 * (1 + rnd.nextInt(4)),
            "kg",
            null,
            person,
            null);
      }
      // chlorpyrifos sold to background producers (for statistics; not to any scenario producer)
      for (int k = 0; k < 30; k++) {
        String[] pr = producers.get(rnd.nextInt(p.producers()));
        List<String> near = shopsIn(county(pr[3]));
        line(
            near.get(rnd.nextInt(near.size())),
            "SALE",
            FIRST_DAY.plusDays(rnd.nextInt(700)),
            rnd.nextBoolean() ? "SYNPD0001" : "SYNPD0014",
            1 + rnd.nextInt(3),
            "L",
            pr[0],
            null,
            rnd.nextBoolean() ? "wheat" : null);
      }
    }

    void backgroundResult(String[] pr, String crop, LocalDate sd) {
      String analyte =
          switch (crop) {
            case "celery" -> "chlorpyrifos";
            case "chinese_chives" -> "procymidone";
            case "cowpea" -> "emamectin benzoate";
            case "ginger" -> "thiamethoxam";
            default -> "imidacloprid";
          };
      String value = rnd.nextInt(4) == 0 ? "0.012" : "ND";
      result(pr, crop, analyte, sd, value, "random_monitoring");
    }

    /** A sample (one result) of a producer's batch, with its trace code; returns the result ID. */
    String result(
        String[] pr, String crop, String analyte, LocalDate sd, String value, String programme) {
      int n = ++sampleSeq;
      String sample = String.format(Locale.ROOT, "SYN-JN-%d-%05d", sd.getYear(), n);
      String code = String.format(Locale.ROOT, "SYN37%s%08d", sd.toString().replace("-", ""), n);
      traceCodes.add(
          new String[] {
            code,
            pr[0],
            crop,
            "B" + sd.toString().replace("-", "") + "-" + n,
            sd.minusDays(1).toString(),
            n % 2 == 0 ? "COMMITMENT_CERTIFICATE" : "ORIGIN_EXIT_CERTIFICATE",
            String.format(Locale.ROOT, "SYN-HGZ-%08d", n),
            ""
          });
      Map<String, String> r = new LinkedHashMap<>();
      r.put("result_id", sample + "-01");
      r.put("revision", "1");
      r.put("sample_id", sample);
      r.put("lab_id", "370100-QC-SYN");
      r.put("lab_level", "city");
      r.put("sampling_stage", "production_base");
      r.put("division_code", pr[3]);
      r.put("lon", pr[4]);
      r.put("lat", pr[5]);
      r.put("producer_id", pr[0]);
      r.put("trace_code", code);
      r.put("commodity", crop);
      r.put("analyte", analyte);
      r.put(
          "method",
          analyte.equals("phorate") || analyte.equals("isofenphos-methyl") ? "GC-MS" : "LC-MS/MS");
      r.put("value", value);
      r.put("unit", "mg/kg");
      r.put("lod", "0.003");
      r.put("loq", "0.01");
      r.put("sampled_at", sd + "T09:30:00+08:00");
      r.put("programme", programme);
      r.put("synthetic", "true");
      results.add(r);
      return r.get("result_id");
    }

    // ------------------------------------------------------------------ scenarios
    void scenarios() {
      String c = "370112"; // 历城区
      List<String> s = shopsIn(c);
      String designated =
          shops.stream()
              .filter(r -> county(r[2]).equals(c) && r[5].equals("true"))
              .findFirst()
              .orElseThrow()[0];
      String plain =
          shops.stream()
              .filter(r -> county(r[2]).equals(c) && r[5].equals("false"))
              .findFirst()
              .orElseThrow()[0];
      String other = shop(c, false);
      String c2 = "370124"; // 平阴县
      String s3 = shopsIn(c2).get(0);
      String s4 = shop(c2, false);
      LocalDate sd1 = LocalDate.of(2025, 6, 18);

      // PLANT-1: phorate bought twice at a designated shop and once at another shop, then detected
      // on celery.
      String a = producer(c, true);
      String[] pa = producerRow(a);
      String l1 = sale(plain, sd1.minusDays(60), "SYNPD0007", 2, a);
      String l2 = sale(designated, sd1.minusDays(42), "SYNPD0007", 5, a);
      String l3 = sale(designated, sd1.minusDays(20), "SYNPD0007", 3, a);
      String r1 = result(pa, "celery", "phorate", sd1, "0.12", "risk_targeted");
      exp.add(
          new Expectation(
              "PLANT-1-phorate-celery",
              "TRACE_BACK",
              a,
              r1,
              "phorate",
              List.of(designated, plain),
              List.of(l1, l2, l3),
              "banned phorate bought at two shops, then detected"));
      exp.add(
          new Expectation(
              "PLANT-1-banned-sales",
              "BANNED_SALE",
              a,
              null,
              "phorate",
              List.of(),
              List.of(l1, l2, l3),
              "phorate sold after 2024-09-01"));
      exp.add(
          new Expectation(
              "PLANT-1-not-designated",
              "NOT_DESIGNATED",
              a,
              null,
              "phorate",
              List.of(plain),
              List.of(l1),
              "restricted-use phorate sold by a shop that is not designated"));
      complaint(
          "SYN-TS-0001", LocalDate.of(2025, 6, 25), a, "phorate", "群众举报该基地芹菜使用高毒农药（模拟）", "UPHELD");
      exp.add(
          new Expectation(
              "PLANT-1-lead",
              "LEAD",
              a,
              r1,
              "phorate",
              List.of(),
              List.of(l1, l2, l3),
              "detection, banned sales and the upheld complaint make ONE lead"));

      // PLANT-2: thiamethoxam bought, clothianidin (its metabolite) above the cowpea MRL.
      String b = producer(c2, true);
      String lb = sale(s3, sd1.minusDays(25), "SYNPD0003", 1, b);
      String r2 =
          result(producerRow(b), "cowpea", "clothianidin", sd1, "0.08", "random_monitoring");
      exp.add(
          new Expectation(
              "PLANT-2-clothianidin-from-thiamethoxam",
              "TRACE_BACK",
              b,
              r2,
              "clothianidin",
              List.of(s3),
              List.of(lb),
              "residue clothianidin traced to a thiamethoxam purchase"));

      // PLANT-3: isofenphos-methyl (banned 2024-09-01) bought at a non-designated shop, detected on
      // cowpea.
      String cc = producer(c2, true);
      LocalDate sd3 = LocalDate.of(2025, 8, 5);
      String lc = sale(s4, sd3.minusDays(70), "SYNPD0008", 4, cc);
      String r3 =
          result(producerRow(cc), "cowpea", "isofenphos-methyl", sd3, "0.05", "risk_targeted");
      exp.add(
          new Expectation(
              "PLANT-3-isofenphos-methyl",
              "TRACE_BACK",
              cc,
              r3,
              "isofenphos-methyl",
              List.of(s4),
              List.of(lc),
              "banned ingredient, 70 days before sampling"));
      exp.add(
          new Expectation(
              "PLANT-3-banned-sale",
              "BANNED_SALE",
              cc,
              null,
              "isofenphos-methyl",
              List.of(),
              List.of(lc),
              ""));
      exp.add(
          new Expectation(
              "PLANT-3-not-designated",
              "NOT_DESIGNATED",
              cc,
              null,
              "isofenphos-methyl",
              List.of(s4),
              List.of(lc),
              ""));

      // PLANT-4: chlorpyrifos above the celery MRL; two shops on the same day: ranked by quantity.
      String d = producer(c, true);
      LocalDate sd4 = LocalDate.of(2025, 9, 10);
      String ld1 =
          line(s.get(1), "SALE", sd4.minusDays(15), "SYNPD0014", 10, "L", d, null, "celery");
      String ld2 = line(other, "SALE", sd4.minusDays(15), "SYNPD0001", 1000, "mL", d, null, null);
      String r4 =
          result(producerRow(d), "celery", "chlorpyrifos", sd4, "0.31", "random_monitoring");
      exp.add(
          new Expectation(
              "PLANT-4-chlorpyrifos-two-shops",
              "TRACE_BACK",
              d,
              r4,
              "chlorpyrifos",
              List.of(s.get(1), other),
              List.of(ld1, ld2),
              "same day: 10 L mixture ranks above 1 L"));

      // DECOY-1: same ingredient, bought 150 days before sampling (outside a 90-day window).
      String e = producer(c, true);
      LocalDate sd5 = LocalDate.of(2025, 5, 20);
      String le = sale(designated, sd5.minusDays(150), "SYNPD0007", 2, e);
      String r5 = result(producerRow(e), "celery", "phorate", sd5, "0.03", "risk_targeted");
      exp.add(
          new Expectation(
              "DECOY-1-outside-window",
              "TRACE_BACK_DECOY",
              e,
              r5,
              "phorate",
              List.of(designated),
              List.of(le),
              "phorate bought 150 days before sampling"));
      exp.add(
          new Expectation(
              "DECOY-1-banned-sale",
              "BANNED_SALE",
              e,
              null,
              "phorate",
              List.of(),
              List.of(le),
              "the sale itself (2024-12) is still a banned sale"));

      // DECOY-2: another producer's purchase; the sampled producer bought nothing.
      String f = producer(c, true);
      String g = producer(c, true);
      LocalDate sd6 = LocalDate.of(2025, 7, 2);
      String lf = sale(other, sd6.minusDays(10), "SYNPD0001", 2, f);
      String r6 = result(producerRow(g), "celery", "chlorpyrifos", sd6, "0.2", "random_monitoring");
      exp.add(
          new Expectation(
              "DECOY-2-other-producer",
              "TRACE_BACK_DECOY",
              g,
              r6,
              "chlorpyrifos",
              List.of(other),
              List.of(lf),
              "chlorpyrifos bought by a neighbour, not by the sampled producer"));

      // DECOY-3: a different ingredient bought in the window.
      String h = producer(c, true);
      String lh = sale(other, sd6.minusDays(20), "SYNPD0002", 3, h);
      String r7 =
          result(producerRow(h), "celery", "chlorpyrifos", sd6, "0.09", "random_monitoring");
      exp.add(
          new Expectation(
              "DECOY-3-different-ingredient",
              "TRACE_BACK_DECOY",
              h,
              r7,
              "chlorpyrifos",
              List.of(other),
              List.of(lh),
              "imidacloprid bought, chlorpyrifos detected"));

      // DECOY-4: a detection with no purchase at all.
      String i = producer(c2, true);
      String r8 =
          result(producerRow(i), "cowpea", "isofenphos-methyl", sd3, "0.04", "risk_targeted");
      exp.add(
          new Expectation(
              "DECOY-4-no-purchase",
              "TRACE_BACK_DECOY",
              i,
              r8,
              "isofenphos-methyl",
              List.of(s4),
              List.of(),
              "detected, but the producer bought nothing"));

      // DECOY-5: the purchase comes after sampling.
      String j = producer(c, true);
      String lj = sale(other, sd6.plusDays(5), "SYNPD0001", 2, j);
      String r9 =
          result(producerRow(j), "celery", "chlorpyrifos", sd6, "0.15", "random_monitoring");
      exp.add(
          new Expectation(
              "DECOY-5-after-sampling",
              "TRACE_BACK_DECOY",
              j,
              r9,
              "chlorpyrifos",
              List.of(other),
              List.of(lj),
              "bought 5 days after sampling"));

      // Ledger checks.
      String k = producer(c, true);
      String lk = sale(designated, LocalDate.of(2024, 6, 10), "SYNPD0007", 1, k);
      exp.add(
          new Expectation(
              "DECOY-6-phorate-before-ban",
              "NOT_BANNED_SALE",
              k,
              null,
              "phorate",
              List.of(),
              List.of(lk),
              "phorate sold by a designated shop before the 2024-09-01 ban"));
      exp.add(
          new Expectation(
              "DECOY-6-no-lead", "NO_LEAD", k, null, "phorate", List.of(), List.of(), ""));
      String[] person = persons.get(0);
      String lp =
          line(plain, "SALE", LocalDate.of(2025, 3, 3), "SYNPD0007", 1, "kg", null, person, null);
      exp.add(
          new Expectation(
              "PLANT-5-phorate-to-person",
              "BANNED_SALE",
              null,
              null,
              "phorate",
              List.of(),
              List.of(lp),
              "banned phorate sold to a natural person (real-name purchase, hashed)"));
      String m = producer(c, true);
      String lm =
          line(plain, "SALE", LocalDate.of(2025, 4, 12), "SYNPD0009", 2, "kg", m, null, "wheat");
      exp.add(
          new Expectation(
              "PLANT-6-carbofuran-not-designated",
              "NOT_DESIGNATED",
              m,
              null,
              "carbofuran",
              List.of(plain),
              List.of(lm),
              "restricted-use carbofuran sold by a shop that is not designated"));
      exp.add(
          new Expectation(
              "DECOY-7-carbofuran-before-ban",
              "NOT_BANNED_SALE",
              m,
              null,
              "carbofuran",
              List.of(),
              List.of(lm),
              "carbofuran is banned only from 2026-06-01"));
      exp.add(
          new Expectation(
              "DECOY-8-carbofuran-on-wheat",
              "NOT_CROP_RESTRICTED",
              m,
              null,
              "carbofuran",
              List.of(),
              List.of(lm),
              "carbofuran for wheat: not a vegetable"));
      String n = producer(c, true);
      String ln =
          line(
              designated,
              "SALE",
              LocalDate.of(2025, 4, 20),
              "SYNPD0009",
              1,
              "kg",
              n,
              null,
              "celery");
      exp.add(
          new Expectation(
              "PLANT-7-carbofuran-for-celery",
              "CROP_RESTRICTED",
              n,
              null,
              "carbofuran",
              List.of(),
              List.of(ln),
              "carbofuran for celery: not allowed on vegetables"));
      String q = producer(c, true);
      complaint(
          "SYN-TS-0002",
          LocalDate.of(2025, 7, 1),
          q,
          "chlorpyrifos",
          "举报某合作社超量用药（模拟）",
          "DISMISSED");
      exp.add(
          new Expectation(
              "DECOY-9-dismissed-complaint",
              "NO_LEAD",
              q,
              null,
              "chlorpyrifos",
              List.of(),
              List.of(),
              "a dismissed complaint opens no lead"));
    }

    void complaint(
        String id, LocalDate received, String producer, String hazard, String summary, String end) {
      complaints.add(new String[] {id, received.toString(), producer, hazard, summary});
      complaintEvents.add(
          new String[] {id, "RECEIVED", received + "T10:00:00+08:00", "12316热线（模拟）", "登记"});
      complaintEvents.add(
          new String[] {
            id, "INVESTIGATING", received.plusDays(1) + "T09:00:00+08:00", "执法大队（模拟）", "现场核查"
          });
      complaintEvents.add(
          new String[] {
            id,
            end,
            received.plusDays(4) + "T16:00:00+08:00",
            "执法大队（模拟）",
            end.equals("UPHELD") ? "查实" : "未查实"
          });
    }

    /** Bad input appended to the files: each must become a rejected record or a finding. */
    void dirtyInput() {
      String shop = shops.get(1)[0];
      String pr = producers.get(0)[0];
      String unknown =
          line(shop, "SALE", LocalDate.of(2025, 2, 1), "PD99999999", 1, "kg", pr, null, null);
      exp.add(
          new Expectation(
              "BAD-unknown-registration",
              "REJECTED",
              null,
              null,
              "registration_no",
              List.of(),
              List.of(unknown),
              ""));
      String neg =
          line(shop, "SALE", LocalDate.of(2025, 2, 2), "SYNPD0002", -2, "kg", pr, null, null);
      exp.add(
          new Expectation(
              "BAD-negative-quantity",
              "REJECTED",
              null,
              null,
              "quantity",
              List.of(),
              List.of(neg),
              ""));
      Map<String, String> dup = new LinkedHashMap<>(ledger.get(0));
      ledger.add(dup);
      exp.add(
          new Expectation(
              "BAD-duplicate-line",
              "FINDING",
              null,
              null,
              "DUPLICATE_LEDGER_LINE",
              List.of(),
              List.of(dup.get("licence_no") + ":" + dup.get("voucher_no")),
              ""));
      // a shop selling a product it never bought (thiamethoxam is sold nowhere else in this
      // district)
      String lonely = shops.get(2)[0];
      String oversold =
          line(lonely, "SALE", LocalDate.of(2025, 1, 15), "SYNPD0003", 3, "kg", pr, null, null);
      noStockFor.add(lonely + "|SYNPD0003");
      exp.add(
          new Expectation(
              "BAD-sale-before-purchase",
              "FINDING",
              null,
              null,
              "STOCK_BELOW_ZERO",
              List.of(),
              List.of(oversold),
              ""));
      traceCodes.add(
          new String[] {
            "SYN37-ORPHAN-0001",
            "91370112MA00000000",
            "celery",
            "B-ORPHAN",
            "2025-05-01",
            "COMMITMENT_CERTIFICATE",
            "SYN-HGZ-ORPHAN",
            ""
          });
      exp.add(
          new Expectation(
              "BAD-trace-code-without-producer",
              "FINDING",
              null,
              null,
              "TRACE_CODE_WITHOUT_PRODUCER",
              List.of(),
              List.of("SYN37-ORPHAN-0001"),
              ""));
    }

    final java.util.Set<String> noStockFor = new LinkedHashSet<>();

    /** Purchases that precede the sales: each shop buys every product before its first sale, topping up. */
    void purchasesForStock() {
      Map<String, List<Map<String, String>>> byKey = new LinkedHashMap<>();
      for (Map<String, String> m : ledger) {
        if (m.get("direction").equals("SALE")
            && !m.get("registration_no").startsWith("PD9")
            && !m.get("quantity").startsWith("-")) {
          byKey
              .computeIfAbsent(
                  m.get("licence_no") + "|" + m.get("registration_no"), x -> new ArrayList<>())
              .add(m);
        }
      }
      for (Map.Entry<String, List<Map<String, String>>> e : byKey.entrySet()) {
        if (noStockFor.contains(e.getKey())) {
          continue;
        }
        List<Map<String, String>> sales = new ArrayList<>(e.getValue());
        sales.sort(java.util.Comparator.comparing(m -> m.get("date")));
        String[] k = e.getKey().split("\\|");
        double stock = 0;
        for (Map<String, String> s : sales) {
          double kg =
              Double.parseDouble(s.get("quantity"))
                  * (s.get("unit").equals("g") || s.get("unit").equals("mL") ? 0.001 : 1);
          if (stock < kg) {
            double buy = Math.ceil((kg - stock) / 20.0) * 20.0;
            LocalDate d = LocalDate.parse(s.get("date")).minusDays(1 + rnd.nextInt(10));
            line(
                k[0],
                "PURCHASE",
                d.isBefore(FIRST_DAY) ? FIRST_DAY : d,
                k[1],
                buy,
                "kg",
                null,
                null,
                null);
            stock += buy;
          }
          stock -= kg;
        }
      }
    }

    // ------------------------------------------------------------------ files
    void write() {
      try {
        Files.createDirectories(dir);
        csv(
            "producers.csv",
            List.of(
                "producer_id",
                "name",
                "producer_type",
                "division_code",
                "lon",
                "lat",
                "certifications",
                "credit_rating",
                "blacklisted",
                "synthetic"),
            producers,
            true);
        csv(
            "shops.csv",
            List.of(
                "licence_no",
                "name",
                "division_code",
                "lon",
                "lat",
                "restricted_use_designated",
                "synthetic"),
            shops,
            true);
        List<String[]> prod = new ArrayList<>();
        for (String[] c : CATALOGUE) {
          prod.add(c);
        }
        csv(
            "products.csv",
            List.of(
                "registration_no",
                "name",
                "formulation",
                "toxicity_class",
                "active_ingredients",
                "synthetic"),
            prod,
            true);
        List<String> lh = List.copyOf(ledger.get(0).keySet());
        csv(
            "ledger.csv",
            lh,
            ledger.stream().map(m -> lh.stream().map(m::get).toArray(String[]::new)).toList(),
            false);
        csv(
            "trace_codes.csv",
            List.of(
                "trace_code",
                "producer_id",
                "commodity",
                "batch_no",
                "harvest_date",
                "certificate_type",
                "certificate_no",
                "quarantine_certificate_no",
                "synthetic"),
            traceCodes,
            true);
        csv(
            "complaints.csv",
            List.of(
                "complaint_id", "received_date", "producer_id", "hazard", "summary", "synthetic"),
            complaints,
            true);
        csv(
            "complaint_events.csv",
            List.of("complaint_id", "status", "at", "who", "why"),
            complaintEvents,
            false);
        List<String> rh = List.copyOf(results.get(0).keySet());
        csv(
            "results_upload.csv",
            rh,
            results.stream().map(m -> rh.stream().map(m::get).toArray(String[]::new)).toList(),
            false);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the synthetic data to " + dir, e);
      }
    }

    void csv(String name, List<String> header, List<String[]> rows, boolean addSynthetic)
        throws IOException {
      try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
          CSVPrinter out =
              new CSVPrinter(
                  w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
        for (String[] r : rows) {
          List<String> v = new ArrayList<>(List.of(r));
          if (addSynthetic) {
            v.add("true");
          }
          out.printRecord(v);
        }
      }
    }
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.6f", d);
  }

  private static String fmtQ(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
