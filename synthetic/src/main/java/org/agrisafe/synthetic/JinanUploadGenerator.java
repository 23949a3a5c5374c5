package org.agrisafe.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.agrisafe.intake.reference.ReferenceFiles;
import org.apache.commons.csv.CSVRecord;

/**
 * Seeded synthetic lab uploads for Jinan, in the platform's upload format (JSON Lines, one result per line), every
 * record marked {@code "synthetic":"true"} (so {@code is_synthetic} is true in the lakehouse), result and sample
 * IDs prefixed {@code SYN-}. SYNTHETIC DEMONSTRATION DATA: not monitoring results.
 *
 * <p>Algorithm, per sample (seeded {@link SplittableRandom}, so the same parameters give the same file):
 * <ol>
 *   <li>place: one of Jinan's 12 districts and counties (adcodes 370102 to 370126 of
 *       reference-data/regions/cn_divisions_jinan.csv; the high-tech zone 370176 excluded), uniformly, then one of
 *       its townships (9-digit code, rolls up to the district); lab {@code <district>-SYN-LAB};</li>
 *   <li>date: uniform in [{@code from}, {@code to}], time 06:00-18:00 +08:00;</li>
 *   <li>test kind: rapid with probability r/(r+1), r = {@code rapidPerQuantitative} (default 80, i.e. about
 *       80:1 rapid to quantitative, the bureau's ratio in the issue); a rapid test is enzyme inhibition (GB/T
 *       5009.199) with inhibition rate uniform in [0, 50) %, or in [50, 100] % with probability
 *       {@code rapidPositiveRate} (default 0.03, an assumption);</li>
 *   <li>quantitative: with the UK share of samples with detections ({@link UkResidueProfile}), k detections with
 *       k resampled from the UK detected samples, each (analyte, value mg/kg) resampled from the UK detections;
 *       otherwise one non-detect (ND, LOD 0.01 mg/kg) of a resampled UK analyte; with probability
 *       {@code bannedRate} (default 0.002, an assumption) one more detection of carbofuran (克百威, banned on
 *       vegetables, verified ban) at 0.005-0.05 mg/kg, so that the stream's banned rule has cases.</li>
 * </ol>
 */
public final class JinanUploadGenerator {
  public static final double RAPID_PER_QUANTITATIVE_DEFAULT = 80;
  public static final double RAPID_POSITIVE_RATE_DEFAULT = 0.03;
  public static final double BANNED_RATE_DEFAULT = 0.002;

  /** Commodities (Chinese names of reference-data/commodities) drawn uniformly. */
  public static final List<String> COMMODITIES =
      List.of("韭菜", "芹菜", "菠菜", "黄瓜", "番茄", "大白菜", "豇豆", "茄子", "辣椒", "苹果", "梨", "葡萄", "桃和油桃");

  private static final List<String> STAGES =
      List.of("production_base", "wholesale_market", "retail", "supermarket");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parameters, validated.
   *
   * @param seed random seed
   * @param samples number of samples (&gt;= 1); records = results, about 1 per rapid sample
   * @param from first sampling date (local, Asia/Shanghai)
   * @param to last sampling date, &gt;= from
   * @param rapidPerQuantitative rapid samples per quantitative sample, &gt; 0
   * @param rapidPositiveRate probability of a rapid positive, in [0, 1]
   * @param bannedRate probability that a quantitative sample has a banned detection, in [0, 1]
   */
  public record Params(
      long seed,
      int samples,
      LocalDate from,
      LocalDate to,
      double rapidPerQuantitative,
      double rapidPositiveRate,
      double bannedRate) {
    public Params {
      if (samples < 1) {
        throw new IllegalArgumentException("Invalid samples " + samples + ": expected >= 1");
      }
      if (from == null || to == null || to.isBefore(from)) {
        throw new IllegalArgumentException(
            "Invalid date range " + from + " to " + to + ": expected from <= to");
      }
      if (!(rapidPerQuantitative > 0)) {
        throw new IllegalArgumentException(
            "Invalid rapid-per-quantitative " + rapidPerQuantitative + ": expected > 0");
      }
      if (!(rapidPositiveRate >= 0 && rapidPositiveRate <= 1)) {
        throw new IllegalArgumentException(
            "Invalid rapid-positive-rate "
                + rapidPositiveRate
                + ": expected a probability in [0, 1]");
      }
      if (!(bannedRate >= 0 && bannedRate <= 1)) {
        throw new IllegalArgumentException(
            "Invalid banned-rate " + bannedRate + ": expected a probability in [0, 1]");
      }
    }

    /** Defaults for {@code samples} samples from {@code from} to {@code to}. */
    public static Params of(long seed, int samples, LocalDate from, LocalDate to) {
      return new Params(
          seed,
          samples,
          from,
          to,
          RAPID_PER_QUANTITATIVE_DEFAULT,
          RAPID_POSITIVE_RATE_DEFAULT,
          BANNED_RATE_DEFAULT);
    }
  }

  private final Params params;
  private final UkResidueProfile uk;
  private final List<String> districts = new ArrayList<>();
  private final Map<String, List<String>> townships = new LinkedHashMap<>();

  public JinanUploadGenerator(Params params, UkResidueProfile uk) {
    this.params = params;
    this.uk = uk;
    List<CSVRecord> divisions = ReferenceFiles.csv("regions/cn_divisions_jinan.csv");
    for (CSVRecord r : divisions) {
      String code = r.get("code");
      if (r.get("level").equals("COUNTY")
          && !ShandongCounties.isStatisticalZone(code)) { // not 370176 (高新区)
        districts.add(code);
      }
    }
    for (CSVRecord r : divisions) {
      if (r.get("level").equals("TOWNSHIP") && districts.contains(r.get("parent_code"))) {
        townships.computeIfAbsent(r.get("parent_code"), k -> new ArrayList<>()).add(r.get("code"));
      }
    }
    if (districts.size() != 12) {
      throw new IllegalStateException(
          "Expected Jinan's 12 districts and counties in cn_divisions_jinan.csv, found "
              + districts.size());
    }
  }

  /** The 12 district/county adcodes used. */
  public List<String> districts() {
    return List.copyOf(districts);
  }

  /** Generates every record (one JSON object per result, in sample order) into {@code out}. */
  public void generate(Consumer<String> out) {
    SplittableRandom rnd = new SplittableRandom(params.seed());
    long days = params.to().toEpochDay() - params.from().toEpochDay() + 1;
    double pRapid = params.rapidPerQuantitative() / (params.rapidPerQuantitative() + 1);
    for (int s = 0; s < params.samples(); s++) {
      String district = districts.get(rnd.nextInt(districts.size()));
      List<String> towns = townships.getOrDefault(district, List.of(district));
      String division = towns.get(rnd.nextInt(towns.size()));
      LocalDate day = params.from().plusDays(rnd.nextLong(days));
      OffsetDateTime at =
          day.atTime(6 + rnd.nextInt(12), rnd.nextInt(60)).atOffset(ZoneOffset.ofHours(8));
      String sampleId = "SYN-" + params.seed() + "-" + s;
      Map<String, String> base = new LinkedHashMap<>();
      base.put("sample_id", sampleId);
      base.put("lab_id", district + "-SYN-LAB");
      base.put("lab_level", "county");
      base.put("sampling_stage", STAGES.get(rnd.nextInt(STAGES.size())));
      base.put("division_code", division);
      base.put("commodity", COMMODITIES.get(rnd.nextInt(COMMODITIES.size())));
      base.put("sampled_at", at.toString());
      base.put("programme", "random_monitoring");
      base.put("synthetic", "true");
      int n = 0;
      if (rnd.nextDouble() < pRapid) {
        double rate =
            rnd.nextDouble() < params.rapidPositiveRate()
                ? 50 + rnd.nextDouble() * 50
                : rnd.nextDouble() * 50;
        Map<String, String> r = new LinkedHashMap<>(base);
        r.put("analyte", "有机磷和氨基甲酸酯类");
        r.put("method", "ENZYME_INHIBITION");
        r.put("inhibition_rate_pct", String.format(java.util.Locale.ROOT, "%.1f", rate));
        out.accept(json(sampleId + "-" + n, r));
        continue;
      }
      if (rnd.nextDouble() < uk.detectedSampleShare()) {
        int k =
            uk.detectionsPerDetectedSample()[rnd.nextInt(uk.detectionsPerDetectedSample().length)];
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < k; i++) {
          int j = rnd.nextInt(uk.analytes().length);
          if (used.add(uk.analytes()[j])) {
            out.accept(
                json(
                    sampleId + "-" + n++,
                    quantitative(
                        base,
                        uk.analytes()[j],
                        String.format(java.util.Locale.ROOT, "%.4f", uk.valuesMgPerKg()[j]))));
          }
        }
      } else {
        Map<String, String> r =
            quantitative(base, uk.analytes()[rnd.nextInt(uk.analytes().length)], "ND");
        r.put("lod", "0.01");
        out.accept(json(sampleId + "-" + n++, r));
      }
      if (rnd.nextDouble() < params.bannedRate()) {
        out.accept(
            json(
                sampleId + "-" + n,
                quantitative(
                    base,
                    "克百威",
                    String.format(
                        java.util.Locale.ROOT, "%.4f", 0.005 + rnd.nextDouble() * 0.045))));
      }
    }
  }

  private static Map<String, String> quantitative(
      Map<String, String> base, String analyte, String value) {
    Map<String, String> r = new LinkedHashMap<>(base);
    r.put("analyte", analyte);
    r.put("method", "LC-MS/MS");
    r.put("value", value);
    r.put("unit", "mg/kg");
    return r;
  }

  private static String json(String resultId, Map<String, String> fields) {
    ObjectNode o = JSON.createObjectNode();
    o.put("result_id", resultId);
    o.put("revision", 1);
    fields.forEach(o::put);
    return o.toString();
  }

  /**
   * The demo hook: writes a seeded synthetic Jinan upload file (JSON Lines) that the batch ingest reads
   * ({@code IngestJob.Format.UPLOAD}), so that the Jinan district map has data.
   *
   * @param file output file, {@code .jsonl}
   * @param prifFile the UK PRiF annex (data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz), for the residues
   * @param seed random seed
   * @param samples number of samples
   * @param from first sampling date
   * @param to last sampling date
   * @return {@code file}
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path writeJinanDemo(
      Path file, Path prifFile, long seed, int samples, LocalDate from, LocalDate to) {
    JinanUploadGenerator g =
        new JinanUploadGenerator(
            Params.of(seed, samples, from, to), UkResidueProfile.fromPrif(prifFile));
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        g.generate(
            line -> {
              try {
                w.write(line);
                w.write('\n');
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write synthetic uploads to " + file, e);
    }
    return file;
  }
}
