package org.agrisafe.jobs.rates;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.agrisafe.jobs.period.PeriodType;

/**
 * What one pass-rate run computes: the period type, the grouping dimensions, which sampling programmes are
 * included and an optional period window.
 *
 * <p>Defaults: {@link PeriodType#MONTH}, no dimension (one row per period), programmes {@code
 * RANDOM_MONITORING} only, because headline pass rates and trends use random monitoring (docs/conventions.md
 * §11.2); risk-targeted samples fail more often by design.
 *
 * @param periodType month, quarter or year, cut in the deployment's zone (the stored {@code sample_date})
 * @param dimensions grouping columns, in output order; may be empty
 * @param programmes sampling programmes included (non-empty)
 * @param fromPeriod first period included ({@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy}), or null
 * @param toPeriod last period included, or null
 */
public record PassRateSpec(
    PeriodType periodType,
    List<Dimension> dimensions,
    Set<Programme> programmes,
    String fromPeriod,
    String toPeriod) {

  public static final PeriodType PERIOD_TYPE_DEFAULT = PeriodType.MONTH;
  public static final Set<Programme> PROGRAMMES_DEFAULT = EnumSet.of(Programme.RANDOM_MONITORING);

  public PassRateSpec {
    Objects.requireNonNull(periodType, "periodType");
    dimensions = List.copyOf(dimensions);
    if (dimensions.stream().distinct().count() != dimensions.size()) {
      throw new IllegalArgumentException(
          "Duplicate dimension in " + dimensions + ": expected each at most once");
    }
    if (programmes == null || programmes.isEmpty()) {
      throw new IllegalArgumentException(
          "Programmes " + programmes + ": expected at least one programme");
    }
    programmes = Set.copyOf(programmes);
    if (fromPeriod != null && !periodType.matches(fromPeriod)) {
      throw new IllegalArgumentException(
          "Invalid from-period '"
              + fromPeriod
              + "': expected the "
              + periodType
              + " pattern "
              + periodType.pattern);
    }
    if (toPeriod != null && !periodType.matches(toPeriod)) {
      throw new IllegalArgumentException(
          "Invalid to-period '"
              + toPeriod
              + "': expected the "
              + periodType
              + " pattern "
              + periodType.pattern);
    }
  }

  public static PassRateSpec of(PeriodType periodType, List<Dimension> dimensions) {
    return new PassRateSpec(periodType, dimensions, PROGRAMMES_DEFAULT, null, null);
  }

  /** Key of the grouping, stored as {@code dimension_set}: dimension columns joined by '+', or "all". */
  public String dimensionSet() {
    return dimensions.isEmpty()
        ? "all"
        : dimensions.stream().map(Dimension::column).collect(Collectors.joining("+"));
  }

  /** Key of the programme filter, stored as {@code programme_scope}, e.g. "RANDOM_MONITORING". */
  public String programmeScope() {
    return programmes.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
  }

  /** Sampling programme (docs/conventions.md §11). */
  public enum Programme {
    RANDOM_MONITORING,
    RISK_TARGETED,
    FOLLOW_UP,
    SELF_CHECK,
    UNKNOWN
  }

  /** Grouping dimensions: each is a column of {@code monitoring.samples} and of {@code analytics.pass_rates}. */
  public enum Dimension {
    SOURCE_SYSTEM("source_system"),
    COMMODITY("commodity_code"),
    CATEGORY("category"),
    /**
     * Analyte: one row per (sample, analyte) tested. Only sources that list every analyte tested, detected or
     * not (the platform's upload format), have a denominator per analyte; detections-only sources (UK PRiF annex)
     * and published sample verdicts (SAMR notices) are left out of analyte rates.
     */
    ANALYTE("analyte_code"),
    REGION("region_code"),
    ORIGIN("origin_iso2"),
    SAMPLING_POINT("sampling_point"),
    LAB_LEVEL("lab_level"),
    SAMPLING_STAGE("sampling_stage");

    private final String column;

    Dimension(String column) {
      this.column = column;
    }

    public String column() {
      return column;
    }

    /** Parses a dimension by enum name or column name, case-insensitive. */
    public static Dimension parse(String s) {
      for (Dimension d : values()) {
        if (d.name().equalsIgnoreCase(s) || d.column.equalsIgnoreCase(s)) {
          return d;
        }
      }
      throw new IllegalArgumentException(
          "Unknown dimension '" + s + "': expected one of " + EnumSet.allOf(Dimension.class));
    }
  }
}
