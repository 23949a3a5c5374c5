package org.agrisafe.intake.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.agrisafe.intake.model.LabLevel;
import org.agrisafe.intake.model.Method;
import org.agrisafe.intake.model.MethodType;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.Programme;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.SamplingStage;
import org.agrisafe.intake.model.SourceSystem;

/**
 * Parses and validates ONE record of the platform's upload format ({@code docs/formats/upload-format.md}),
 * statelessly, so that a Flink job can call {@link #parse} per record. Duplicate and correction handling across
 * records is the caller's job ({@link UploadAdapter} for files; keyed state in a stream).
 */
public final class UploadRecords {

  public static final String RESULT_ID = "result_id";
  public static final String REVISION = "revision";
  public static final String SAMPLE_ID = "sample_id";
  public static final String LAB_ID = "lab_id";
  public static final String LAB_LEVEL = "lab_level";
  public static final String SAMPLING_STAGE = "sampling_stage";
  public static final String DIVISION_CODE = "division_code";
  public static final String LON = "lon";
  public static final String LAT = "lat";
  public static final String PRODUCER_ID = "producer_id";
  public static final String TRACE_CODE = "trace_code";
  public static final String COMMODITY = "commodity";
  public static final String ANALYTE = "analyte";
  public static final String METHOD = "method";
  public static final String VALUE = "value";
  public static final String UNIT = "unit";
  public static final String LOD = "lod";
  public static final String LOQ = "loq";
  public static final String INHIBITION_RATE_PCT = "inhibition_rate_pct";
  public static final String STRIP_RESULT = "strip_result";
  public static final String SAMPLED_AT = "sampled_at";
  public static final String PROGRAMME = "programme";
  public static final String COUNTRY_OF_ORIGIN = "country_of_origin";

  /** {@code true} marks generated (synthetic) data: stored as sample attribute {@code synthetic}, is_synthetic. */
  public static final String SYNTHETIC = "synthetic";

  /** All field names, in documentation order. Any other field name is rejected. */
  public static final List<String> FIELDS =
      List.of(
          RESULT_ID,
          REVISION,
          SAMPLE_ID,
          LAB_ID,
          LAB_LEVEL,
          SAMPLING_STAGE,
          DIVISION_CODE,
          LON,
          LAT,
          PRODUCER_ID,
          TRACE_CODE,
          COMMODITY,
          ANALYTE,
          METHOD,
          VALUE,
          UNIT,
          LOD,
          LOQ,
          INHIBITION_RATE_PCT,
          STRIP_RESULT,
          SAMPLED_AT,
          PROGRAMME,
          COUNTRY_OF_ORIGIN,
          SYNTHETIC);

  /** Fields that must be non-blank in every record. */
  public static final List<String> REQUIRED =
      List.of(
          RESULT_ID,
          SAMPLE_ID,
          LAB_ID,
          LAB_LEVEL,
          SAMPLING_STAGE,
          COMMODITY,
          ANALYTE,
          METHOD,
          SAMPLED_AT,
          PROGRAMME);

  /** {@code value} text meaning "not detected, below the LOD" (requires {@code lod}). */
  public static final String VALUE_NOT_DETECTED = "ND";

  /** {@code value} text meaning "detected, below the LOQ" (requires {@code loq}). */
  public static final String VALUE_BELOW_LOQ = "<LOQ";

  private static final Pattern DIVISION = Pattern.compile("^[0-9]{6,12}$");
  private static final Pattern NUMBER =
      Pattern.compile("^[+-]?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$");
  private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);

  private UploadRecords() {}

  /** The result of {@link #parse}: either a valid (sample, result) pair or a rejection. */
  public sealed interface Outcome permits Valid, Invalid {}

  /** A valid record: the sample it describes and its result. */
  public record Valid(ParsedSample sample, ParsedResult result) implements Outcome {}

  /** A rejected record: the first problem found. */
  public record Invalid(RejectedRecord rejected) implements Outcome {}

  /**
   * Parses and validates one record; {@code sampled_at} (an instant with an offset) is stored as is and its local
   * date ({@link ParsedSample#sampleDate()}, hence {@code sample_month}) is cut in {@code zone}, the lakehouse's
   * one zone ({@code LakehouseConfig.zone()}, docs/conventions.md §13.2, §13.7). There is no default zone: the
   * caller passes the configured one.
   *
   * @param fields field name to text (CSV cells or JSON values as text); null or blank = absent
   * @param sourceFile file or stream name, for lineage and messages
   * @param line 1-based record number in the file (CSV header = 1)
   * @param zone the deployment's zone, in which the sampling date is cut
   * @return a {@link Valid} or an {@link Invalid} naming the field and the reason; never throws for bad data
   */
  public static Outcome parse(
      Map<String, String> fields, String sourceFile, long line, ZoneId zone) {
    try {
      return parseOrThrow(fields, sourceFile, line, zone);
    } catch (FieldException e) {
      String key = Texts.clean(fields.get(RESULT_ID));
      return new Invalid(
          new RejectedRecord(
              SourceSystem.PLATFORM_UPLOAD,
              sourceFile,
              line,
              key == null ? null : SourceSystem.PLATFORM_UPLOAD + ":" + key,
              e.field,
              e.getMessage() + " (record " + line + " of " + sourceFile + ")",
              e.raw));
    }
  }

  private static Valid parseOrThrow(Map<String, String> f, String file, long line, ZoneId zone) {
    Set<String> unknown = new TreeSet<>(f.keySet());
    unknown.removeAll(FIELD_SET);
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw new FieldException(
          first, "Unknown field(s) " + unknown + ": expected only " + FIELDS, f.get(first));
    }
    for (String r : REQUIRED) {
      if (Texts.isBlank(f.get(r))) {
        throw new FieldException(r, "Missing required field '" + r + "'", null);
      }
    }
    String resultId = Texts.clean(f.get(RESULT_ID));
    String sourceSampleId = Texts.clean(f.get(SAMPLE_ID));
    int revision = parseRevision(f.get(REVISION));
    OffsetDateTime sampledAt = parseSampledAt(f.get(SAMPLED_AT));
    Programme programme =
        enumField(PROGRAMME, f.get(PROGRAMME), () -> Programme.fromUploadCode(f.get(PROGRAMME)));
    LabLevel labLevel =
        enumField(LAB_LEVEL, f.get(LAB_LEVEL), () -> upperEnum(LabLevel.class, f.get(LAB_LEVEL)));
    SamplingStage stage =
        enumField(
            SAMPLING_STAGE,
            f.get(SAMPLING_STAGE),
            () -> upperEnum(SamplingStage.class, f.get(SAMPLING_STAGE)));
    if (labLevel == LabLevel.UNKNOWN || stage == SamplingStage.UNKNOWN) {
      String field = labLevel == LabLevel.UNKNOWN ? LAB_LEVEL : SAMPLING_STAGE;
      throw new FieldException(
          field, "'unknown' is not accepted for '" + field + "' in uploads", f.get(field));
    }
    Method method = enumField(METHOD, f.get(METHOD), () -> Method.fromCode(f.get(METHOD)));
    if (method == Method.UNKNOWN) {
      throw new FieldException(
          METHOD, "Method 'UNKNOWN' is not accepted in uploads: name the method", f.get(METHOD));
    }
    String division = Texts.clean(f.get(DIVISION_CODE));
    if (division != null && !DIVISION.matcher(division).matches()) {
      throw new FieldException(
          DIVISION_CODE,
          "Invalid division code '"
              + division
              + "': expected 6 to 12 digits (county 6, township 9 or 12)",
          division);
    }
    Double lon = number(f, LON);
    Double lat = number(f, LAT);
    if ((lon == null) != (lat == null)) {
      throw new FieldException(
          lon == null ? LON : LAT, "Only one of lon/lat given: expected both or neither", null);
    }
    if (lon != null && !(lon >= -180 && lon <= 180)) {
      throw new FieldException(
          LON,
          "Longitude " + lon + " out of range: expected [-180, 180] degrees WGS-84",
          f.get(LON));
    }
    if (lat != null && !(lat >= -90 && lat <= 90)) {
      throw new FieldException(
          LAT, "Latitude " + lat + " out of range: expected [-90, 90] degrees WGS-84", f.get(LAT));
    }
    String synthetic = Texts.clean(f.get(SYNTHETIC));
    if (synthetic != null
        && !synthetic.equalsIgnoreCase("true")
        && !synthetic.equalsIgnoreCase("false")) {
      throw new FieldException(
          SYNTHETIC,
          "Cannot parse synthetic '" + synthetic + "': expected true or false",
          synthetic);
    }
    String commodity = Texts.clean(f.get(COMMODITY));
    ParsedSample sample =
        ParsedSample.builder(SourceSystem.PLATFORM_UPLOAD, sourceSampleId)
            .source(file, line)
            .programme(programme)
            .sampledAt(sampledAt.toInstant(), zone)
            .commodity(commodity, Texts.analyteKey(commodity))
            .lab(Texts.clean(f.get(LAB_ID)), labLevel)
            .samplingStage(stage)
            .divisionCode(division)
            .lonLat(lon, lat)
            .producerId(Texts.clean(f.get(PRODUCER_ID)))
            .traceCode(Texts.clean(f.get(TRACE_CODE)))
            .countryOfOriginRaw(Texts.clean(f.get(COUNTRY_OF_ORIGIN)))
            .attribute("upload_sampled_at_offset", sampledAt.getOffset().getId())
            .attribute("synthetic", "true".equalsIgnoreCase(synthetic) ? "true" : null)
            .build();

    String analyte = Texts.clean(f.get(ANALYTE));
    ParsedResult.Builder r =
        ParsedResult.builder(SourceSystem.PLATFORM_UPLOAD + ":" + resultId, sample.sampleId())
            .revision(revision)
            .analyte(analyte, Texts.analyteKey(analyte))
            .method(method)
            .sourceLine(line);
    if (method.type() == MethodType.QUANTITATIVE) {
      quantitative(f, r);
    } else {
      rapid(f, method, r);
    }
    try {
      return new Valid(sample, r.build());
    } catch (IllegalArgumentException e) {
      throw new FieldException(VALUE, e.getMessage(), f.get(VALUE));
    }
  }

  private static void quantitative(Map<String, String> f, ParsedResult.Builder r) {
    for (String other : List.of(INHIBITION_RATE_PCT, STRIP_RESULT)) {
      if (!Texts.isBlank(f.get(other))) {
        throw new FieldException(
            other,
            "'" + other + "' given for a quantitative method: expected it empty",
            f.get(other));
      }
    }
    String valueText = Texts.clean(f.get(VALUE));
    if (valueText == null) {
      throw new FieldException(
          VALUE,
          "Missing 'value' for a quantitative method: expected a number, '"
              + VALUE_NOT_DETECTED
              + "' or '"
              + VALUE_BELOW_LOQ
              + "'",
          null);
    }
    String unit = Texts.clean(f.get(UNIT));
    if (unit == null) {
      throw new FieldException(
          UNIT,
          "Missing 'unit' for a quantitative method: expected mg/kg, µg/kg, ug/kg, "
              + "μg/g or g/kg",
          null);
    }
    if (!UnitParsing.isKnown(unit)) {
      throw new FieldException(
          UNIT, "Unknown unit '" + unit + "': expected mg/kg, µg/kg, ug/kg, μg/g or g/kg", unit);
    }
    Double lod = concentration(f, LOD, unit);
    Double loq = concentration(f, LOQ, unit);
    if (lod != null && loq != null && lod > loq) {
      throw new FieldException(
          LOD,
          "LOD "
              + f.get(LOD)
              + " is above LOQ "
              + f.get(LOQ)
              + " "
              + unit
              + ": expected LOD <= LOQ",
          f.get(LOD));
    }
    r.limits(lod, loq);
    if (VALUE_NOT_DETECTED.equalsIgnoreCase(valueText)) {
      if (lod == null) {
        throw new FieldException(
            LOD, "Value 'ND' without 'lod': expected the LOD of a non-detect", null);
      }
      r.value(valueText, unit, null).reportedBelowLod(true);
    } else if (VALUE_BELOW_LOQ.equalsIgnoreCase(valueText)) {
      if (loq == null) {
        throw new FieldException(LOQ, "Value '<LOQ' without 'loq': expected the LOQ", null);
      }
      r.value(valueText, unit, null).reportedBelowLoq(true);
    } else {
      Double v = concentration(f, VALUE, unit);
      r.value(valueText, unit, v);
    }
  }

  private static void rapid(Map<String, String> f, Method method, ParsedResult.Builder r) {
    for (String other : List.of(VALUE, UNIT, LOD, LOQ)) {
      if (!Texts.isBlank(f.get(other))) {
        throw new FieldException(
            other,
            "'" + other + "' given for rapid method " + method.code() + ": expected it empty",
            f.get(other));
      }
    }
    if (method == Method.ENZYME_INHIBITION) {
      if (!Texts.isBlank(f.get(STRIP_RESULT))) {
        throw new FieldException(
            STRIP_RESULT,
            "'strip_result' given for ENZYME_INHIBITION: expected it empty",
            f.get(STRIP_RESULT));
      }
      Double rate = number(f, INHIBITION_RATE_PCT);
      if (rate == null) {
        throw new FieldException(
            INHIBITION_RATE_PCT, "Missing 'inhibition_rate_pct' for ENZYME_INHIBITION", null);
      }
      if (!(rate >= 0 && rate <= 100)) {
        throw new FieldException(
            INHIBITION_RATE_PCT,
            "Inhibition rate " + rate + " % out of range: expected " + "[0, 100] %",
            f.get(INHIBITION_RATE_PCT));
      }
      r.inhibitionRatePct(rate);
    } else {
      if (!Texts.isBlank(f.get(INHIBITION_RATE_PCT))) {
        throw new FieldException(
            INHIBITION_RATE_PCT,
            "'inhibition_rate_pct' given for COLLOIDAL_GOLD: expected " + "it empty",
            f.get(INHIBITION_RATE_PCT));
      }
      String strip = Texts.nfkc(f.get(STRIP_RESULT));
      if (strip == null) {
        throw new FieldException(STRIP_RESULT, "Missing 'strip_result' for COLLOIDAL_GOLD", null);
      }
      switch (strip.toLowerCase(Locale.ROOT)) {
        case "positive", "阳性" -> r.stripPositive(true);
        case "negative", "阴性" -> r.stripPositive(false);
        default ->
            throw new FieldException(
                STRIP_RESULT,
                "Cannot parse strip result '" + strip + "': expected positive or negative (阳性/阴性)",
                strip);
      }
    }
  }

  private static int parseRevision(String text) {
    String t = Texts.clean(text);
    if (t == null) {
      return ParsedResult.REVISION_DEFAULT;
    }
    int rev;
    try {
      rev = Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new FieldException(
          REVISION, "Cannot parse revision '" + t + "': expected an integer >= 1", t);
    }
    if (rev < 1) {
      throw new FieldException(REVISION, "Revision " + rev + ": expected an integer >= 1", t);
    }
    return rev;
  }

  /**
   * {@code sampled_at} as validation reads it ({@link #parse}), or empty when absent or invalid: for callers that
   * need the time before or without validating the record (the stream's event time), so both read it alike.
   */
  public static java.util.Optional<OffsetDateTime> sampledAt(String text) {
    if (Texts.clean(text) == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(parseSampledAt(text));
    } catch (FieldException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Parses {@code sampled_at}: ISO-8601 date-time WITH an offset ({@code 2024-07-01T00:30:00+08:00} or
   * {@code …Z}); a local date-time without offset is rejected, never assumed to be local time.
   */
  private static OffsetDateTime parseSampledAt(String text) {
    String t = Texts.clean(text);
    OffsetDateTime fast = IsoTimes.parseOffsetDateTime(t);
    if (fast != null) {
      return fast;
    }
    TemporalAccessor parsed;
    try {
      parsed = DateTimeFormatter.ISO_DATE_TIME.parse(t);
    } catch (DateTimeParseException e) {
      throw new FieldException(
          SAMPLED_AT,
          "Cannot parse sampled_at '"
              + t
              + "': expected ISO-8601 date-time with offset, e.g. 2024-07-01T00:30:00+08:00",
          t);
    }
    if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      throw new FieldException(
          SAMPLED_AT,
          "sampled_at '"
              + t
              + "' has no UTC offset: expected e.g. "
              + "2024-07-01T00:30:00+08:00 (a local time is never guessed)",
          t);
    }
    return OffsetDateTime.from(parsed);
  }

  private static Double number(Map<String, String> f, String field) {
    String t = Texts.clean(f.get(field));
    if (t == null) {
      return null;
    }
    if (!NUMBER.matcher(t).matches()) {
      throw new FieldException(
          field, "Cannot parse " + field + " '" + t + "': expected a number", t);
    }
    return Double.parseDouble(t);
  }

  private static Double concentration(Map<String, String> f, String field, String unit) {
    Double v = number(f, field);
    if (v == null) {
      return null;
    }
    if (v < 0) {
      throw new FieldException(
          field, field + " " + v + " " + unit + " is negative: expected >= 0", f.get(field));
    }
    return UnitConverter.DEFAULT.toMgPerKg(v, unit);
  }

  private static <E extends Enum<E>> E upperEnum(Class<E> type, String text) {
    String t = Texts.clean(text);
    try {
      return Enum.valueOf(type, t.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      StringBuilder known = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        known.append(known.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
      }
      throw new IllegalArgumentException("Cannot parse '" + t + "': expected one of " + known, e);
    }
  }

  private static <T> T enumField(String field, String raw, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new FieldException(field, e.getMessage(), raw);
    }
  }

  /** A validation failure of one field (internal control flow of {@link #parse}). */
  private static final class FieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;
    final String raw;

    FieldException(String field, String message, String raw) {
      super(message, null, false, false);
      this.field = field;
      this.raw = raw;
    }
  }
}
