package org.agrisafe.intake.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.Programme;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.model.SampleVerdict;
import org.agrisafe.intake.model.SamplingStage;
import org.agrisafe.intake.model.SourceSystem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the Chinese market-supervision sampling notices (国内监督抽查, foodmate.net crawl) into samples and
 * results. Format, natural keys and every quirk handled: {@code docs/formats/samr-sampling-notices.md}.
 *
 * <p>Two steps, so that a stream can reuse the first one record at a time:
 * <ol>
 *   <li>{@link #parseRow}: one CSV row to a {@link SamrRow} (its sample, its result if any, or a rejection),
 *       stateless;</li>
 *   <li>{@link #readFolder}/{@link #read}: group the rows of all files by the sample's natural key, drop
 *       duplicate rows (same row key) with a count, and accept or reject each sample whole.</li>
 * </ol>
 * Programme {@link Programme#RISK_TARGETED} (supervisory sampling, docs/conventions.md §11.1); zone
 * Asia/Shanghai; the only date published is the notice's publication date ({@code 生产日期} equals it in every
 * row), so {@code sampledAt} is 00:00 Asia/Shanghai of the publication date and attribute
 * {@code samr_date_basis=publication_date} says so.
 */
public final class SamrAdapter {

  /**
   * Time zone of the notices. They publish a date without a time, so the date is kept as published
   * ({@code sample_date}, {@code sample_month}) whatever the deployment's zone; this zone only places
   * {@code sampled_at} at 00:00 of that day (docs/conventions.md §13.7).
   */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static final String COL_INFO_SOURCE = "信息来源";
  static final String COL_PRODUCT = "物料名称";
  static final String COL_CATEGORY = "产品分类";
  static final String COL_PRODUCER = "生产商";
  static final String COL_SUPPLIER = "供应商";
  static final String COL_ITEM = "检测项目";
  static final String COL_UNIT = "单位";
  static final String COL_RESULT = "检测结果";
  static final String COL_LIMIT = "限量值";
  static final String COL_VERDICT = "判定";
  static final String COL_PUBLISHER = "发布单位";
  static final String COL_PUBLISHED = "发布日期";
  static final String COL_NOTE = "备注";

  /** Columns that must be present in every file's header. */
  static final List<String> REQUIRED_COLUMNS =
      List.of(
          COL_INFO_SOURCE,
          COL_PRODUCT,
          COL_CATEGORY,
          COL_PRODUCER,
          COL_SUPPLIER,
          COL_ITEM,
          COL_UNIT,
          COL_RESULT,
          COL_LIMIT,
          COL_VERDICT,
          COL_PUBLISHER,
          COL_PUBLISHED,
          COL_NOTE);

  /** Fields of the sample's natural key, in key order (all NFKC-normalised, whitespace collapsed). */
  static final List<String> SAMPLE_KEY_COLUMNS =
      List.of(COL_PRODUCT, COL_CATEGORY, COL_PRODUCER, COL_SUPPLIER, COL_PUBLISHER, COL_PUBLISHED);

  private static final AliasTable CATEGORIES =
      AliasTable.load("samr_category_aliases.csv", Texts::nfkc);
  private static final Pattern PUBLISHER = Pattern.compile("^国内监督抽查\\((?<unit>.+)\\)$");
  private static final Pattern PROVINCE = Pattern.compile("^(?<p>.+?)市?市场监管(?:局|厅|委员会)$");
  private static final Pattern SUP_EXPONENT =
      Pattern.compile("×10(?:<sup>(\\d+)</sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))");
  private static final Pattern VALUE_WITH_UNIT =
      Pattern.compile("^(?<num>[0-9]+(?:\\.[0-9]+)?)(?:E(?<exp>[0-9]+))?(?<unit>[^0-9].*)$");
  private static final Pattern NUMERIC_LIMIT =
      Pattern.compile("^≤?(?<num>[0-9]+(?:\\.[0-9]+)?)(?<unit>[^0-9].*)$");
  private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private SamrAdapter() {}

  /**
   * One parsed row.
   *
   * @param sourceFile file name
   * @param line CSV row number (header = 1)
   * @param sampleKey natural key of the sample (see {@link #SAMPLE_KEY_COLUMNS})
   * @param rowKey natural key of the row: sample key + test item + verdict
   * @param sample the sample as this row describes it (null if the row is rejected before it can be built)
   * @param result the result of a 不合格 row with one numeric mass-fraction value, else null
   * @param failedItemWithoutValue the failed test item of a 不合格 row that publishes no value, else null
   * @param rejection why the row cannot be ingested, else null
   */
  public record SamrRow(
      String sourceFile,
      long line,
      String sampleKey,
      String rowKey,
      ParsedSample sample,
      ParsedResult result,
      String failedItemWithoutValue,
      RejectedRecord rejection) {

    /** True when every field of the row is blank. */
    public boolean blank() {
      return sampleKey == null && rejection == null;
    }
  }

  /**
   * Reads every {@code *.csv} and {@code *.csv.gz} file of a folder as one run, so that duplicates across files
   * are found. Order: files whose name does not contain {@code _format} first, then the {@code _format} twins,
   * each group by file name; a row's first occurrence wins.
   *
   * @throws UncheckedIOException if the folder or a file cannot be read
   * @throws IllegalArgumentException if the folder has no CSV file or a file misses a required column
   */
  public static IngestBatch readFolder(Path folder) {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files =
          s.filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".csv") || n.endsWith(".csv.gz");
                  })
              .sorted(
                  Comparator.comparing((Path p) -> p.getFileName().toString().contains("_format"))
                      .thenComparing(p -> p.getFileName().toString()))
              .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list SAMR folder " + folder, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No *.csv or *.csv.gz file in SAMR folder " + folder);
    }
    return read(files);
  }

  /**
   * Reads the given files, in the given order, as one run (duplicates are found across them).
   *
   * @throws UncheckedIOException if a file cannot be read
   * @throws IllegalArgumentException if a file misses a required column
   */
  public static IngestBatch read(List<Path> files) {
    BatchCollector out = new BatchCollector(SourceSystem.CN_SAMR);
    Map<String, List<SamrRow>> bySample = new LinkedHashMap<>();
    Map<String, SamrRow> byRowKey = new LinkedHashMap<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    for (Path file : files) {
      String name = file.getFileName().toString();
      out.file(name);
      try (Reader reader = SourceFiles.utf8Reader(file);
          CSVParser parser = CSVParser.parse(reader, format)) {
        for (String col : REQUIRED_COLUMNS) {
          if (!parser.getHeaderMap().containsKey(col)) {
            throw new IllegalArgumentException(
                "Column '"
                    + col
                    + "' missing in the header of "
                    + file
                    + ": expected "
                    + REQUIRED_COLUMNS);
          }
        }
        for (CSVRecord r : parser) {
          SamrRow row = parseRow(r.toMap(), name, r.getRecordNumber() + 1);
          if (row.blank()) {
            out.row(RowKind.BLANK);
          } else if (byRowKey.putIfAbsent(row.rowKey(), row) != null) {
            out.row(RowKind.DUPLICATE);
          } else {
            bySample.computeIfAbsent(row.sampleKey(), k -> new ArrayList<>()).add(row);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read SAMR file " + file, e);
      }
    }
    for (List<SamrRow> rows : bySample.values()) {
      finishSample(rows, out);
    }
    return out.build();
  }

  private static void finishSample(List<SamrRow> rows, BatchCollector out) {
    out.sampleReceived();
    SamrRow first = rows.get(0);
    String sampleId = SourceSystem.CN_SAMR + ":" + sourceSampleId(first.sampleKey());
    List<RejectedRecord> failures = new ArrayList<>();
    SamrRow reference = rows.stream().filter(r -> r.sample() != null).findFirst().orElse(null);
    for (SamrRow r : rows) {
      if (r.rejection() != null) {
        failures.add(r.rejection());
      } else if (r.sample().publishedSampleVerdict()
          != reference.sample().publishedSampleVerdict()) {
        failures.add(
            new RejectedRecord(
                SourceSystem.CN_SAMR,
                r.sourceFile(),
                r.line(),
                sampleId,
                COL_VERDICT,
                "Verdict "
                    + r.sample().publishedSampleVerdict()
                    + " in row "
                    + r.line()
                    + " contradicts "
                    + reference.sample().publishedSampleVerdict()
                    + " in row "
                    + reference.line()
                    + " of "
                    + reference.sourceFile()
                    + " for the same sample: expected one verdict per sample",
                null));
      }
    }
    if (!failures.isEmpty()) {
      out.sampleRejected();
      failures.forEach(out::reject);
      RejectedRecord cause = failures.get(0);
      for (SamrRow r : rows) {
        out.row(RowKind.REJECTED);
        boolean own =
            failures.stream()
                .anyMatch(
                    f ->
                        f.sourceLine() == r.line()
                            && Objects.equals(f.sourceFile(), r.sourceFile()));
        if (!own) {
          out.reject(
              new RejectedRecord(
                  SourceSystem.CN_SAMR,
                  r.sourceFile(),
                  r.line(),
                  sampleId,
                  "sample",
                  "Sample "
                      + sampleId
                      + " rejected whole because row "
                      + cause.sourceLine()
                      + " of "
                      + cause.sourceFile()
                      + " was rejected: "
                      + cause.reason(),
                  null));
        }
      }
      return;
    }
    List<String> failedItems =
        rows.stream()
            .map(SamrRow::failedItemWithoutValue)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    ParsedSample s = first.sample();
    if (!failedItems.isEmpty()) {
      Map<String, String> attrs = new LinkedHashMap<>(s.attributes());
      attrs.put("samr_failed_items_without_value", String.join("；", failedItems));
      s =
          new ParsedSample(
              s.sampleId(),
              s.sourceSystem(),
              s.sourceSampleId(),
              s.sourceFile(),
              s.sourceLine(),
              s.programme(),
              s.sampledAt(),
              s.sampleDate(),
              s.zone(),
              s.commodityRaw(),
              s.commodityCode(),
              s.organic(),
              s.description(),
              s.countryOfOriginRaw(),
              s.labId(),
              s.labLevel(),
              s.samplingStage(),
              s.samplingPoint(),
              s.address(),
              s.divisionCode(),
              s.lon(),
              s.lat(),
              s.producerId(),
              s.traceCode(),
              s.brand(),
              s.packer(),
              s.publishedSampleVerdict(),
              attrs);
    }
    out.accept(s);
    int n = 0;
    for (int i = 0; i < rows.size(); i++) {
      SamrRow r = rows.get(i);
      out.row(i == 0 ? RowKind.SAMPLE_HEADER : RowKind.CONTINUATION);
      if (r.result() != null) {
        n++;
        ParsedResult x = r.result();
        out.accept(
            new ParsedResult(
                sampleId + "#" + n,
                x.revision(),
                false,
                sampleId,
                x.analyteRaw(),
                x.analyteCode(),
                x.methodType(),
                x.method(),
                x.valueRaw(),
                x.unitRaw(),
                x.valueMgPerKg(),
                x.valueFlags(),
                x.lodMgPerKg(),
                x.loqMgPerKg(),
                x.reportedBelowLod(),
                x.reportedBelowLoq(),
                x.inhibitionRatePct(),
                x.stripPositive(),
                x.publishedMrlMgPerKg(),
                x.publishedMrlFlags(),
                x.publishedLimitText(),
                x.publishedExceedsFlag(),
                x.sourceLine()));
      }
    }
  }

  /**
   * Parses one row, without any state. The sample is built as this row describes it; the result (for a
   * 不合格 row with a value) gets the provisional ID {@code sampleId#row<line>}, renumbered by the batch reader.
   *
   * @param row column name to cell text (the header names of the notice CSV)
   * @param sourceFile file name, for messages and lineage
   * @param line CSV row number, header = 1
   * @return the parsed row; never null. A row with all cells blank has null keys and no rejection.
   */
  public static SamrRow parseRow(Map<String, String> row, String sourceFile, long line) {
    if (row.values().stream().allMatch(Texts::isBlank)) {
      return new SamrRow(sourceFile, line, null, null, null, null, null, null);
    }
    String sampleKey =
        SAMPLE_KEY_COLUMNS.stream()
            .map(c -> Objects.toString(Texts.nfkc(row.get(c)), ""))
            .collect(Collectors.joining("\u001f"));
    String item = Texts.nfkc(row.get(COL_ITEM));
    String verdictText = Texts.nfkc(row.get(COL_VERDICT));
    String rowKey =
        sampleKey
            + "\u001f"
            + Objects.toString(item, "")
            + "\u001f"
            + Objects.toString(verdictText, "");
    String sourceId = sourceSampleId(sampleKey);
    String sampleId = SourceSystem.CN_SAMR + ":" + sourceId;

    SampleVerdict verdict;
    if ("合格".equals(verdictText)) {
      verdict = SampleVerdict.PASS;
    } else if ("不合格".equals(verdictText)) {
      verdict = SampleVerdict.FAIL;
    } else {
      return rejected(
          sourceFile,
          line,
          sampleKey,
          rowKey,
          sampleId,
          COL_VERDICT,
          "Cannot parse verdict '"
              + verdictText
              + "' in row "
              + line
              + " of "
              + sourceFile
              + ": expected 合格 or 不合格",
          row.get(COL_VERDICT));
    }
    String dateText = Texts.nfkc(row.get(COL_PUBLISHED));
    LocalDate published;
    try {
      published = LocalDate.parse(Objects.requireNonNullElse(dateText, ""));
    } catch (DateTimeParseException e) {
      return rejected(
          sourceFile,
          line,
          sampleKey,
          rowKey,
          sampleId,
          COL_PUBLISHED,
          "Cannot parse publication date '"
              + dateText
              + "' in row "
              + line
              + " of "
              + sourceFile
              + ": expected yyyy-mm-dd",
          row.get(COL_PUBLISHED));
    }
    String category = Texts.nfkc(row.get(COL_CATEGORY));
    String commodityCode = CATEGORIES.value(category, "commodity_code");
    if (commodityCode == null) {
      return rejected(
          sourceFile,
          line,
          sampleKey,
          rowKey,
          sampleId,
          COL_CATEGORY,
          "No commodity alias for category '"
              + category
              + "' in row "
              + line
              + " of "
              + sourceFile
              + ": expected a category listed in "
              + CATEGORIES.resource(),
          row.get(COL_CATEGORY));
    }
    String producer = Texts.nfkc(row.get(COL_PRODUCER));
    if ("/".equals(producer)) {
      producer = null;
    }
    String supplier = Texts.nfkc(row.get(COL_SUPPLIER));
    String publisherText = Texts.nfkc(row.get(COL_PUBLISHER));
    Matcher pm = PUBLISHER.matcher(Objects.toString(publisherText, ""));
    String publisher = pm.matches() ? pm.group("unit") : publisherText;
    Matcher prov = PROVINCE.matcher(Objects.toString(publisher, ""));
    ParsedSample sample =
        ParsedSample.builder(SourceSystem.CN_SAMR, sourceId)
            .source(sourceFile, line)
            .programme(Programme.RISK_TARGETED)
            .sampledOn(published, ZONE)
            .commodity(category, commodityCode)
            .description(Texts.nfkc(row.get(COL_PRODUCT)))
            .producerId(producer)
            .samplingPoint(supplier)
            .samplingStage(samplingStage(supplier, producer))
            .publishedSampleVerdict(verdict)
            .attribute("samr_publisher", publisher)
            .attribute("cn_province", prov.matches() ? prov.group("p") : null)
            .attribute("samr_publication_date", published.toString())
            .attribute("samr_date_basis", "publication_date")
            .attribute("samr_note", Texts.nfkc(row.get(COL_NOTE)))
            .attribute("samr_info_source", Texts.nfkc(row.get(COL_INFO_SOURCE)))
            .build();

    if (verdict == SampleVerdict.PASS || item == null) {
      return new SamrRow(sourceFile, line, sampleKey, rowKey, sample, null, null, null);
    }
    String resultText =
        Objects.toString(row.get(COL_RESULT), "") + Objects.toString(row.get(COL_UNIT), "");
    if (Texts.isBlank(resultText)) {
      return new SamrRow(sourceFile, line, sampleKey, rowKey, sample, null, item, null);
    }
    double[] valueMgPerKg = new double[1];
    String[] unit = new String[1];
    String problem = parseValue(resultText, valueMgPerKg, unit);
    if (problem != null) {
      return rejected(
          sourceFile,
          line,
          sampleKey,
          rowKey,
          sampleId,
          COL_RESULT,
          "Cannot parse result '"
              + Texts.clean(resultText)
              + "' of '"
              + item
              + "' in row "
              + line
              + " of "
              + sourceFile
              + ": "
              + problem,
          resultText);
    }
    String limitText = Texts.nfkc(row.get(COL_LIMIT));
    ParsedResult result =
        ParsedResult.builder(sampleId + "#row" + line, sampleId)
            .analyte(Texts.clean(row.get(COL_ITEM)), Texts.analyteKey(item))
            .value(Texts.clean(row.get(COL_RESULT)), unit[0], valueMgPerKg[0])
            .publishedMrl(numericLimit(limitText), null, limitText)
            .sourceLine(line)
            .build();
    return new SamrRow(sourceFile, line, sampleKey, rowKey, sample, result, null, null);
  }

  /**
   * Parses a published result such as {@code 527μg/kg}, {@code 0.161g/kg} or {@code 3.50×10²mg/kg} into mg/kg.
   *
   * @return null on success, else what is wrong
   */
  static String parseValue(String text, double[] mgPerKg, String[] unitOut) {
    Matcher sup = SUP_EXPONENT.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (sup.find()) {
      String exp = sup.group(1) != null ? sup.group(1) : fromSuperscript(sup.group(2));
      sup.appendReplacement(sb, "E" + exp);
    }
    sup.appendTail(sb);
    String t = Texts.nfkc(sb.toString());
    t = t == null ? "" : t.replace(" ", "");
    Matcher m = VALUE_WITH_UNIT.matcher(t);
    if (!m.matches()) {
      return "expected one number followed by its unit, e.g. 527μg/kg (lists, ranges, censored or truncated "
          + "values are not accepted)";
    }
    String unit = m.group("unit");
    if (!UnitParsing.isKnown(unit)) {
      return "unknown unit '"
          + unit
          + "': expected a mass fraction (mg/kg, μg/kg, ug/kg, μg/g, g/kg)";
    }
    double v = Double.parseDouble(m.group("num"));
    if (m.group("exp") != null) {
      v = v * Math.pow(10, Integer.parseInt(m.group("exp")));
    }
    mgPerKg[0] = UnitConverter.DEFAULT.toMgPerKg(v, unit);
    unitOut[0] = unit;
    return null;
  }

  /** The numeric limit in mg/kg of {@code ≤100μg/kg} or {@code 200mg/kg}; null for text limits or no unit. */
  static Double numericLimit(String limitText) {
    if (limitText == null) {
      return null;
    }
    Matcher m = NUMERIC_LIMIT.matcher(limitText.replace(" ", ""));
    if (!m.matches() || !UnitParsing.isKnown(m.group("unit"))) {
      return null;
    }
    return UnitConverter.DEFAULT.toMgPerKg(Double.parseDouble(m.group("num")), m.group("unit"));
  }

  /**
   * Sampling stage from the sampled business's name (documented keyword rules, first match wins): supplier equal
   * to producer → ENTERPRISE; 批发 → WHOLESALE_MARKET; 超市 → SUPERMARKET; 养殖/合作社/基地 → PRODUCTION_BASE;
   * 店/商行/经营部/市场 → RETAIL; anything else (e.g. only 有限公司) → UNKNOWN.
   */
  static SamplingStage samplingStage(String supplier, String producer) {
    if (supplier == null) {
      return SamplingStage.UNKNOWN;
    }
    if (supplier.equals(producer)) {
      return SamplingStage.ENTERPRISE;
    }
    if (supplier.contains("批发")) {
      return SamplingStage.WHOLESALE_MARKET;
    }
    if (supplier.contains("超市")) {
      return SamplingStage.SUPERMARKET;
    }
    if (supplier.contains("养殖") || supplier.contains("合作社") || supplier.contains("基地")) {
      return SamplingStage.PRODUCTION_BASE;
    }
    if (supplier.contains("店")
        || supplier.contains("商行")
        || supplier.contains("经营部")
        || supplier.contains("市场")) {
      return SamplingStage.RETAIL;
    }
    return SamplingStage.UNKNOWN;
  }

  /** First 16 hex digits of SHA-256 of the natural key: the SAMR notices carry no sample ID. */
  static String sourceSampleId(String sampleKey) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(sampleKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static String fromSuperscript(String s) {
    StringBuilder d = new StringBuilder();
    for (char c : s.toCharArray()) {
      d.append(SUPERSCRIPT_DIGITS.indexOf(c));
    }
    return d.toString();
  }

  private static SamrRow rejected(
      String file,
      long line,
      String sampleKey,
      String rowKey,
      String sampleId,
      String field,
      String reason,
      String raw) {
    return new SamrRow(
        file,
        line,
        sampleKey,
        rowKey,
        null,
        null,
        null,
        new RejectedRecord(SourceSystem.CN_SAMR, file, line, sampleId, field, reason, raw));
  }
}
