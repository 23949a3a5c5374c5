package org.agrisafe.intake.model;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sample (样品) as read from a source, engine-free and immutable.
 *
 * <p>Conventions: {@code sampledAt} is an instant (UTC); {@code sampleDate} is the local date of that instant in
 * {@code zone} (Europe/London for UK PRiF, Asia/Shanghai for the Chinese sources). Date-only sources store
 * {@code sampledAt} as 00:00 of the date in the source's zone. Coordinates are WGS-84 longitude/latitude in degrees
 * (nullable). Text fields are nullable where the source does not carry them; strings are trimmed, NBSP replaced by
 * space, and never empty (empty becomes null).
 *
 * @param sampleId globally unique {@code <sourceSystem>:<sourceSampleId>}
 * @param sourceSystem the source
 * @param sourceSampleId the ID as given by the source (PRiF {@code 3729/2021} without the {@code Organic} suffix;
 *     SAMR: a hash of the natural key, because the notices carry none)
 * @param sourceFile file name the sample was read from (no directory)
 * @param sourceLine 1-based row of the sample's header in that file (CSV data rows counted from 2, the header
 *     being row 1; JSON Lines counted from 1)
 * @param programme why the sample was taken
 * @param sampledAt sampling instant (UTC)
 * @param sampleDate sampling date in {@code zone}
 * @param zone the source's time zone
 * @param commodityRaw commodity as published (PRiF: the sheet name; SAMR: the product category)
 * @param commodityCode normalised commodity key from the documented alias tables (lower-case snake_case)
 * @param organic whether the sample is sold as organic
 * @param description product description as labelled
 * @param countryOfOriginRaw origin as published (unmapped; the GIS layer maps it to ISO 3166-1)
 * @param labId laboratory identifier, nullable
 * @param labLevel laboratory level
 * @param samplingStage supply-chain stage of the sampling point
 * @param samplingPoint sampling point (retailer/market/business), normalised through the alias table where known
 * @param address address of the sampling point, nullable
 * @param divisionCode Chinese administrative division code (6+ digits), nullable
 * @param lon WGS-84 longitude in degrees [-180, 180], nullable
 * @param lat WGS-84 latitude in degrees [-90, 90], nullable
 * @param producerId producer identifier or name, nullable
 * @param traceCode traceability code (追溯码), nullable
 * @param brand brand name, nullable
 * @param packer packer/manufacturer/importer, nullable
 * @param publishedSampleVerdict the sample verdict as published by the source, or null if none is published
 * @param attributes source-specific extras (never null; sorted by key)
 */
public record ParsedSample(
    String sampleId,
    SourceSystem sourceSystem,
    String sourceSampleId,
    String sourceFile,
    long sourceLine,
    Programme programme,
    Instant sampledAt,
    LocalDate sampleDate,
    ZoneId zone,
    String commodityRaw,
    String commodityCode,
    boolean organic,
    String description,
    String countryOfOriginRaw,
    String labId,
    LabLevel labLevel,
    SamplingStage samplingStage,
    String samplingPoint,
    String address,
    String divisionCode,
    Double lon,
    Double lat,
    String producerId,
    String traceCode,
    String brand,
    String packer,
    SampleVerdict publishedSampleVerdict,
    Map<String, String> attributes)
    implements Serializable {

  /**
   * Validates the invariants.
   *
   * @throws NullPointerException if a required field (IDs, source, programme, instants, zone, commodity code,
   *     lab level, sampling stage) is null
   * @throws IllegalArgumentException if the sample ID is not {@code sourceSystem:sourceSampleId}, the line is
   *     below 1, {@code sampleDate} is not the local date of {@code sampledAt} in {@code zone}, or lon/lat are
   *     out of range
   */
  public ParsedSample {
    Objects.requireNonNull(sampleId, "sampleId");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    Objects.requireNonNull(sourceSampleId, "sourceSampleId");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(sampledAt, "sampledAt");
    Objects.requireNonNull(sampleDate, "sampleDate");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(commodityCode, "commodityCode");
    Objects.requireNonNull(labLevel, "labLevel");
    Objects.requireNonNull(samplingStage, "samplingStage");
    if (!sampleId.equals(sourceSystem.name() + ":" + sourceSampleId)) {
      throw new IllegalArgumentException(
          "Sample ID '" + sampleId + "' is not '" + sourceSystem + ":" + sourceSampleId + "'");
    }
    if (sourceLine < 1) {
      throw new IllegalArgumentException(
          "Source line " + sourceLine + " of sample " + sampleId + ": expected >= 1");
    }
    if (!sampledAt.atZone(zone).toLocalDate().equals(sampleDate)) {
      throw new IllegalArgumentException(
          "Sample date "
              + sampleDate
              + " of sample "
              + sampleId
              + " is not the local date of "
              + sampledAt
              + " in "
              + zone);
    }
    if (lon != null && !(lon >= -180.0 && lon <= 180.0)) {
      throw new IllegalArgumentException(
          "Longitude " + lon + " of sample " + sampleId + ": expected [-180, 180] degrees WGS-84");
    }
    if (lat != null && !(lat >= -90.0 && lat <= 90.0)) {
      throw new IllegalArgumentException(
          "Latitude " + lat + " of sample " + sampleId + ": expected [-90, 90] degrees WGS-84");
    }
    attributes =
        attributes == null
            ? Collections.emptyMap()
            : Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /** A builder for the many optional fields; {@link #build()} runs the record's validation. */
  public static Builder builder(SourceSystem sourceSystem, String sourceSampleId) {
    return new Builder(sourceSystem, sourceSampleId);
  }

  /** Mutable builder of {@link ParsedSample}; defaults: programme UNKNOWN, lab level and stage UNKNOWN. */
  public static final class Builder {
    private final SourceSystem sourceSystem;
    private final String sourceSampleId;
    private String sourceFile;
    private long sourceLine;
    private Programme programme = Programme.UNKNOWN;
    private Instant sampledAt;
    private LocalDate sampleDate;
    private ZoneId zone;
    private String commodityRaw;
    private String commodityCode;
    private boolean organic;
    private String description;
    private String countryOfOriginRaw;
    private String labId;
    private LabLevel labLevel = LabLevel.UNKNOWN;
    private SamplingStage samplingStage = SamplingStage.UNKNOWN;
    private String samplingPoint;
    private String address;
    private String divisionCode;
    private Double lon;
    private Double lat;
    private String producerId;
    private String traceCode;
    private String brand;
    private String packer;
    private SampleVerdict publishedSampleVerdict;
    private final Map<String, String> attributes = new TreeMap<>();

    private Builder(SourceSystem sourceSystem, String sourceSampleId) {
      this.sourceSystem = sourceSystem;
      this.sourceSampleId = sourceSampleId;
    }

    public Builder source(String file, long line) {
      this.sourceFile = file;
      this.sourceLine = line;
      return this;
    }

    public Builder programme(Programme v) {
      this.programme = v;
      return this;
    }

    /** Sets the instant, the zone and derives {@code sampleDate} as the local date in {@code zone}. */
    public Builder sampledAt(Instant at, ZoneId z) {
      this.sampledAt = at;
      this.zone = z;
      this.sampleDate = at.atZone(z).toLocalDate();
      return this;
    }

    /** Sets a date-only sampling time: 00:00 of {@code date} in {@code z}. */
    public Builder sampledOn(LocalDate date, ZoneId z) {
      return sampledAt(date.atStartOfDay(z).toInstant(), z);
    }

    public Builder commodity(String raw, String code) {
      this.commodityRaw = raw;
      this.commodityCode = code;
      return this;
    }

    public Builder organic(boolean v) {
      this.organic = v;
      return this;
    }

    public Builder description(String v) {
      this.description = v;
      return this;
    }

    public Builder countryOfOriginRaw(String v) {
      this.countryOfOriginRaw = v;
      return this;
    }

    public Builder lab(String id, LabLevel level) {
      this.labId = id;
      this.labLevel = level;
      return this;
    }

    public Builder samplingStage(SamplingStage v) {
      this.samplingStage = v;
      return this;
    }

    public Builder samplingPoint(String v) {
      this.samplingPoint = v;
      return this;
    }

    public Builder address(String v) {
      this.address = v;
      return this;
    }

    public Builder divisionCode(String v) {
      this.divisionCode = v;
      return this;
    }

    public Builder lonLat(Double lonDeg, Double latDeg) {
      this.lon = lonDeg;
      this.lat = latDeg;
      return this;
    }

    public Builder producerId(String v) {
      this.producerId = v;
      return this;
    }

    public Builder traceCode(String v) {
      this.traceCode = v;
      return this;
    }

    public Builder brand(String v) {
      this.brand = v;
      return this;
    }

    public Builder packer(String v) {
      this.packer = v;
      return this;
    }

    public Builder publishedSampleVerdict(SampleVerdict v) {
      this.publishedSampleVerdict = v;
      return this;
    }

    /** Adds a source-specific attribute; null or empty values are not stored. */
    public Builder attribute(String key, String value) {
      if (value != null && !value.isEmpty()) {
        attributes.put(key, value);
      }
      return this;
    }

    public ParsedSample build() {
      return new ParsedSample(
          sourceSystem + ":" + sourceSampleId,
          sourceSystem,
          sourceSampleId,
          sourceFile,
          sourceLine,
          programme,
          sampledAt,
          sampleDate,
          zone,
          commodityRaw,
          commodityCode,
          organic,
          description,
          countryOfOriginRaw,
          labId,
          labLevel,
          samplingStage,
          samplingPoint,
          address,
          divisionCode,
          lon,
          lat,
          producerId,
          traceCode,
          brand,
          packer,
          publishedSampleVerdict,
          attributes);
    }
  }
}
