package org.agrisafe.intake.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.Programme;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.model.SamplingStage;
import org.agrisafe.intake.model.SourceSystem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the UK PRiF brand-name annex, flattened to CSV ({@code prif_brand_name_annex_rows.csv}, plain or gzipped),
 * into samples and results. The format and every quirk handled are described in
 * {@code docs/formats/prif-brand-name-annex.md}; the data's provenance in
 * {@code data/uk-prif-residues/PROVENANCE.md}.
 *
 * <p>Row kinds: a row whose {@code sample_id} is {@code NNNN/YYYY[ Organic]} starts a sample
 * ({@link RowKind#SAMPLE_HEADER}); a row with an empty {@code sample_id} and a residue continues it
 * ({@link RowKind#CONTINUATION}); a row with other text in {@code sample_id} and every other field empty is a
 * sub-group label or footnote ({@link RowKind#LABEL_ROW}); an all-empty row is {@link RowKind#BLANK}; a repeated
 * sample ID is {@link RowKind#DUPLICATE} with its continuation rows.
 *
 * <p>A sample with any rejected row (bad date, unparseable residue, unknown sheet, …) is rejected whole: all its
 * rows are {@link RowKind#REJECTED}, the faulty row's {@link RejectedRecord} names the field and reason, and each
 * other row of that sample gets a record with field {@code sample} pointing at the faulty row.
 *
 * <p>Mapping: programme {@link Programme#RANDOM_MONITORING} (PRiF is the UK's routine surveillance programme);
 * zone Europe/London; {@code sampledAt} = 00:00 Europe/London of the day-first {@code date_of_sampling}; values
 * and MRLs in mg/kg as published; method UNKNOWN (quantitative multi-residue methods, not named per result);
 * {@code publishedExceedsFlag} = the residue cell is bold and coloured {@code #008000}.
 */
public final class PrifAdapter {

  /**
   * Time zone of PRiF sampling dates. PRiF publishes a date without a time, so the date is kept as published
   * ({@code sample_date}, {@code sample_month}) whatever the deployment's zone; this zone only places
   * {@code sampled_at} at 00:00 of that day (docs/conventions.md §13.7).
   */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  /**
   * Sample attribute set to {@code "true"} when the source reported "None were detected above the set RL": the
   * sample was tested and is a PASS with no result rows (docs/conventions.md §10.2).
   */
  public static final String ATTR_NONE_DETECTED = "none_detected";

  static final String COL_SOURCE_FILE = "source_file";
  static final String COL_SHEET = "sheet";
  static final String COL_SHEET_ROW = "row_seq_in_sheet";
  static final String COL_SAMPLE_ID = "sample_id";
  static final String COL_DATE = "date_of_sampling";
  static final String COL_DESCRIPTION = "description";
  static final String COL_ORIGIN = "country_of_origin";
  static final String COL_SAMPLING_POINT = "sampling_point";
  static final String COL_ADDRESS = "address";
  static final String COL_BRAND = "brand_name";
  static final String COL_PACKER = "packer_manufacturer_importer";
  static final String COL_RESIDUE = "residues_found_mg_per_kg_mrl";
  static final String COL_BOLD = "residue_cell_bold";
  static final String COL_COLOR = "residue_cell_color";

  /** Columns that must be present in the header. */
  static final List<String> REQUIRED_COLUMNS =
      List.of(
          COL_SOURCE_FILE,
          COL_SHEET,
          COL_SHEET_ROW,
          COL_SAMPLE_ID,
          COL_DATE,
          COL_DESCRIPTION,
          COL_ORIGIN,
          COL_SAMPLING_POINT,
          COL_ADDRESS,
          COL_BRAND,
          COL_PACKER,
          COL_RESIDUE,
          COL_BOLD,
          COL_COLOR);

  /** Fields that are empty on label and continuation rows. */
  private static final List<String> SAMPLE_FIELDS =
      List.of(
          COL_DATE,
          COL_DESCRIPTION,
          COL_ORIGIN,
          COL_SAMPLING_POINT,
          COL_ADDRESS,
          COL_BRAND,
          COL_PACKER);

  /** Publisher's "exceeds MRL" cell colour. */
  static final String EXCEEDS_COLOUR = "#008000";

  private static final Pattern SAMPLE_ID = Pattern.compile("^(\\d+/\\d{4})( Organic)?$");
  private static final Pattern SHEET =
      Pattern.compile("^(?<base>.+?)(?:_(?<nation>GB|NI))?(?:_(?<quarter>Q[1-4]))?_BNA$");
  private static final DateTimeFormatter DAY_FIRST =
      DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final AliasTable COMMODITIES =
      AliasTable.load("prif_commodity_aliases.csv", PrifAdapter::commodityKey);
  private static final AliasTable RETAILERS =
      AliasTable.load("prif_retailer_aliases.csv", PrifAdapter::retailerKey);

  private PrifAdapter() {}

  /**
   * Reads one flattened annex file ({@code .csv} or gzipped; gzip is detected from the content).
   *
   * @param file the CSV file
   * @return samples, results, rejected records and the reconciled report
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if a required column is missing from the header
   */
  public static IngestBatch read(Path file) {
    BatchCollector out = new BatchCollector(SourceSystem.UK_PRIF);
    String fileName = file.getFileName().toString();
    out.file(fileName);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
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
      new Reading(out, fileName).readAll(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read PRiF annex " + file, e);
    }
    return out.build();
  }

  /**
   * The commodity code for a sheet name: strips {@code _BNA}, {@code _Qn}, {@code _GB}/{@code _NI} and looks the
   * rest up in {@code prif_commodity_aliases.csv}.
   *
   * @return the code, or null when the sheet is not a brand-name-annex sheet or its base is not in the table
   */
  public static String commodityCodeForSheet(String sheet) {
    Matcher m = SHEET.matcher(sheet == null ? "" : sheet.trim());
    return m.matches() ? COMMODITIES.value(m.group("base"), "commodity_code") : null;
  }

  /** Alias key for commodity sheet bases: lower case, letters and digits only. */
  static String commodityKey(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** Alias key for retailers: lower case, apostrophes removed, whitespace collapsed. */
  static String retailerKey(String s) {
    String t = Texts.clean(s);
    return t == null ? "" : t.toLowerCase(Locale.ROOT).replaceAll("['\u2019]", "");
  }

  /** One pass over one file: the pending sample is finalised when the next header, label or sheet arrives. */
  private static final class Reading {
    private final BatchCollector out;
    private final String fileName;
    private final Set<String> seenSampleIds = new HashSet<>();
    private Pending pending;
    private String currentSheetKey;
    private String groupLabel;

    Reading(BatchCollector out, String fileName) {
      this.out = out;
      this.fileName = fileName;
    }

    void readAll(CSVParser parser) {
      for (CSVRecord r : parser) {
        Map<String, String> row = r.toMap();
        long line = r.getRecordNumber() + 1; // header is row 1
        String sheetKey = row.get(COL_SOURCE_FILE) + "|" + row.get(COL_SHEET);
        if (!sheetKey.equals(currentSheetKey)) {
          finish();
          currentSheetKey = sheetKey;
          groupLabel = null;
        }
        onRow(row, line);
      }
      finish();
    }

    private void onRow(Map<String, String> row, long line) {
      String id = Texts.clean(row.get(COL_SAMPLE_ID));
      boolean sampleFieldsEmpty = SAMPLE_FIELDS.stream().allMatch(c -> Texts.isBlank(row.get(c)));
      boolean residueEmpty = Texts.isBlank(row.get(COL_RESIDUE));
      if (id == null && sampleFieldsEmpty && residueEmpty) {
        out.row(RowKind.BLANK);
        return;
      }
      if (id != null && sampleFieldsEmpty && residueEmpty && !SAMPLE_ID.matcher(id).matches()) {
        finish();
        out.row(RowKind.LABEL_ROW);
        if (!isFootnote(id)) {
          groupLabel = id;
        }
        return;
      }
      if (id == null) {
        if (pending == null) {
          out.row(RowKind.REJECTED);
          out.reject(
              new RejectedRecord(
                  SourceSystem.UK_PRIF,
                  fileName,
                  line,
                  null,
                  COL_SAMPLE_ID,
                  "Continuation row (empty sample_id) without a preceding sample in sheet "
                      + row.get(COL_SHEET)
                      + ": expected a sample row before it",
                  row.get(COL_RESIDUE)));
          return;
        }
        pending.addRow(row, line, false);
        return;
      }
      finish();
      startSample(row, line, id);
    }

    private void startSample(Map<String, String> row, long line, String id) {
      Matcher m = SAMPLE_ID.matcher(id);
      if (!m.matches()) {
        out.sampleReceived();
        pending = new Pending(null, false, fileName);
        pending.fail(
            line,
            COL_SAMPLE_ID,
            "Cannot parse sample ID '"
                + id
                + "' in row "
                + line
                + ": expected 'NNNN/YYYY' optionally followed by ' Organic'",
            id);
        pending.rows.add(line);
        return;
      }
      String sourceId = m.group(1);
      String sampleId = SourceSystem.UK_PRIF + ":" + sourceId;
      boolean duplicate = !seenSampleIds.add(sampleId);
      if (!duplicate) {
        out.sampleReceived();
      }
      pending = new Pending(sampleId, duplicate, fileName);
      if (!duplicate) {
        pending.builder = buildSampleHeader(row, line, sourceId, m.group(2) != null);
      }
      pending.addRow(row, line, true);
    }

    private ParsedSample.Builder buildSampleHeader(
        Map<String, String> row, long line, String sourceId, boolean organic) {
      ParsedSample.Builder b =
          ParsedSample.builder(SourceSystem.UK_PRIF, sourceId)
              .source(fileName, line)
              .programme(Programme.RANDOM_MONITORING)
              .organic(organic)
              .description(Texts.clean(row.get(COL_DESCRIPTION)))
              .countryOfOriginRaw(Texts.clean(row.get(COL_ORIGIN)))
              .address(Texts.clean(row.get(COL_ADDRESS)))
              .brand(Texts.clean(row.get(COL_BRAND)))
              .packer(Texts.clean(row.get(COL_PACKER)))
              .attribute("prif_ods_file", Texts.clean(row.get(COL_SOURCE_FILE)))
              .attribute("prif_sheet_row", Texts.clean(row.get(COL_SHEET_ROW)))
              .attribute("prif_group_label", groupLabel);
      String dateText = Texts.clean(row.get(COL_DATE));
      try {
        if (dateText == null) {
          throw new DateTimeParseException("empty", "", 0);
        }
        b.sampledOn(LocalDate.parse(dateText, DAY_FIRST), ZONE);
      } catch (DateTimeParseException e) {
        pending.fail(
            line,
            COL_DATE,
            "Cannot parse date of sampling '"
                + dateText
                + "' in row "
                + line
                + " of "
                + fileName
                + ": expected day-first dd/mm/yyyy",
            row.get(COL_DATE));
      }
      String sheet = Texts.clean(row.get(COL_SHEET));
      Matcher sm = SHEET.matcher(sheet == null ? "" : sheet);
      String code = sm.matches() ? COMMODITIES.value(sm.group("base"), "commodity_code") : null;
      if (code == null) {
        pending.fail(
            line,
            COL_SHEET,
            "No commodity alias for sheet '"
                + sheet
                + "' in row "
                + line
                + ": expected '<commodity>[_GB|_NI][_Qn]_BNA' with <commodity> listed in "
                + COMMODITIES.resource(),
            sheet);
      } else {
        b.commodity(sheet, code)
            .attribute("prif_nation", sm.group("nation"))
            .attribute("prif_quarter", sm.group("quarter"));
      }
      String point = Texts.clean(row.get(COL_SAMPLING_POINT));
      Map<String, String> retailer = point == null ? null : RETAILERS.lookup(point);
      if (retailer != null) {
        b.samplingPoint(retailer.get("canonical"))
            .samplingStage(SamplingStage.valueOf(retailer.get("sampling_stage")))
            .attribute("prif_sampling_point_raw", point);
      } else {
        b.samplingPoint(point).samplingStage(SamplingStage.UNKNOWN);
      }
      return b;
    }

    private void finish() {
      if (pending == null) {
        return;
      }
      Pending p = pending;
      pending = null;
      if (p.duplicate) {
        for (int i = 0; i < p.rows.size(); i++) {
          out.row(RowKind.DUPLICATE);
        }
        return;
      }
      if (p.firstFailureLine > 0) {
        out.sampleRejected();
        for (RejectedRecord rr : p.failures) {
          out.reject(rr);
        }
        for (long line : p.rows) {
          out.row(RowKind.REJECTED);
          if (!p.failedLines.contains(line)) {
            out.reject(
                new RejectedRecord(
                    SourceSystem.UK_PRIF,
                    fileName,
                    line,
                    p.sampleId,
                    "sample",
                    "Sample "
                        + p.sampleId
                        + " rejected whole because row "
                        + p.firstFailureLine
                        + " was rejected: "
                        + p.firstFailureReason,
                    null));
          }
        }
        return;
      }
      out.accept(p.builder.build());
      for (int i = 0; i < p.rows.size(); i++) {
        out.row(i == 0 ? RowKind.SAMPLE_HEADER : RowKind.CONTINUATION);
      }
      p.results.forEach(out::accept);
    }

    private static boolean isFootnote(String label) {
      char c = label.charAt(0);
      return c == '\u2020' || c == '*' || c == '!';
    }
  }

  /** The sample being read: its rows, results and failures until it is finished. */
  private static final class Pending {
    final String sampleId;
    final boolean duplicate;
    final String fileName;
    final List<Long> rows = new ArrayList<>();
    final List<ParsedResult> results = new ArrayList<>();
    final List<RejectedRecord> failures = new ArrayList<>();
    final Set<Long> failedLines = new HashSet<>();
    ParsedSample.Builder builder;
    boolean noneDetected;
    long firstFailureLine;
    String firstFailureReason;

    Pending(String sampleId, boolean duplicate, String fileName) {
      this.sampleId = sampleId;
      this.duplicate = duplicate;
      this.fileName = fileName;
    }

    void fail(long line, String field, String reason, String raw) {
      failures.add(
          new RejectedRecord(SourceSystem.UK_PRIF, fileName, line, sampleId, field, reason, raw));
      failedLines.add(line);
      if (firstFailureLine == 0) {
        firstFailureLine = line;
        firstFailureReason = reason;
      }
    }

    void addRow(Map<String, String> row, long line, boolean header) {
      rows.add(line);
      if (duplicate) {
        return;
      }
      String cell = row.get(COL_RESIDUE);
      if (PrifResidueParser.isNoneDetected(cell)) {
        if (!header) {
          fail(
              line,
              COL_RESIDUE,
              "'"
                  + PrifResidueParser.NONE_DETECTED
                  + "' on a continuation row "
                  + line
                  + " of sample "
                  + sampleId
                  + ": expected it only on the sample's own row",
              cell);
        }
        noneDetected = true;
        if (builder != null) {
          builder.attribute(ATTR_NONE_DETECTED, "true");
        }
        return;
      }
      if (noneDetected) {
        fail(
            line,
            COL_RESIDUE,
            "Residue on row "
                + line
                + " of sample "
                + sampleId
                + ", which was reported as '"
                + PrifResidueParser.NONE_DETECTED
                + "': expected no residues",
            cell);
        return;
      }
      PrifResidueParser.Residue res;
      try {
        res = PrifResidueParser.parse(cell);
      } catch (IllegalArgumentException e) {
        fail(line, COL_RESIDUE, e.getMessage() + " (row " + line + " of " + fileName + ")", cell);
        return;
      }
      boolean exceedsFlag =
          "1".equals(Texts.clean(row.get(COL_BOLD)))
              && EXCEEDS_COLOUR.equalsIgnoreCase(Texts.clean(row.get(COL_COLOR)));
      results.add(
          ParsedResult.builder(sampleId + "#" + (results.size() + 1), sampleId)
              .analyte(res.analyteRaw(), Texts.analyteKey(res.analyteRaw()))
              .value(res.valueText(), "mg/kg", res.valueMgPerKg())
              .valueFlags(res.valueFlags())
              .publishedMrl(res.mrlMgPerKg(), res.mrlFlags(), res.limitText())
              .publishedExceedsFlag(exceedsFlag)
              .sourceLine(line)
              .build());
    }
  }
}
