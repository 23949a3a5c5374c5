package org.agrisafe.jobs.risk;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateSpec.Programme;
import org.agrisafe.risk.exposure.ChronicParameters;
import org.agrisafe.risk.score.ScoreParameters;

/**
 * What one risk-assessment run computes, with every default in one place.
 *
 * @param periodType {@link PeriodType#YEAR} (default) or MONTH ({@link #PERIOD_TYPES}; QUARTER is rejected), cut in
 *     the deployment's zone from {@code sample_date}
 * @param fromPeriod first period assessed ({@code yyyy} or {@code yyyy-MM}), or null for the first in the data
 * @param toPeriod last period assessed, or null for the last in the data
 * @param programmes sampling programmes included; default {@code RANDOM_MONITORING} only, because exposure and
 *     rates must describe what people eat, and risk-targeted samples fail more often by design (docs/conventions.md
 *     §11.2)
 * @param chronic body weight for the EDI; default 60 kg ({@link ChronicParameters#BODY_WEIGHT_KG_DEFAULT})
 * @param scores beta-binomial score parameters ({@link ScoreParameters#defaults()}: target 2 %, half-life 365 days)
 * @param historyDays length of the score history window ending on the period's last day, days; default
 *     {@value #HISTORY_DAYS_DEFAULT} (three years, after which a sample weighs 1/8 at the default half-life)
 * @param toxicityClasses factor A level per analyte code (e.g. {@code "chlorpyrifos" -> "MODERATE"}); empty default:
 *     the reference data carries no toxicity class
 * @param toxicityLevelWhenUnknown factor A level used when an analyte has no class; default {@value
 *     #TOXICITY_LEVEL_WHEN_UNKNOWN_DEFAULT}, a precautionary choice (the highest level short of EXTREME), shown in
 *     the a_input column as assumed so the panel can correct it
 * @param highExposureLevel factor E level; default {@value #HIGH_EXPOSURE_LEVEL_DEFAULT} ("a high-exposure group
 *     exists or there are no data"): no data on high-exposure groups is loaded
 */
public record RiskParameters(
    PeriodType periodType,
    String fromPeriod,
    String toPeriod,
    Set<Programme> programmes,
    ChronicParameters chronic,
    ScoreParameters scores,
    int historyDays,
    Map<String, String> toxicityClasses,
    String toxicityLevelWhenUnknown,
    String highExposureLevel) {

  public static final PeriodType PERIOD_TYPE_DEFAULT = PeriodType.YEAR;

  /** Period types the risk assessment supports (the risk tables hold YEAR and MONTH periods). */
  public static final Set<PeriodType> PERIOD_TYPES = EnumSet.of(PeriodType.YEAR, PeriodType.MONTH);

  public static final Set<Programme> PROGRAMMES_DEFAULT = EnumSet.of(Programme.RANDOM_MONITORING);
  public static final int HISTORY_DAYS_DEFAULT = 1095;
  public static final String TOXICITY_LEVEL_WHEN_UNKNOWN_DEFAULT = "HIGH";
  public static final String HIGH_EXPOSURE_LEVEL_DEFAULT = "UNKNOWN";

  public RiskParameters {
    Objects.requireNonNull(periodType, "periodType");
    requireSupported(periodType);
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
    if (programmes == null || programmes.isEmpty()) {
      throw new IllegalArgumentException(
          "Programmes " + programmes + ": expected at least one programme");
    }
    programmes = Set.copyOf(programmes);
    Objects.requireNonNull(chronic, "chronic");
    Objects.requireNonNull(scores, "scores");
    if (historyDays < 1) {
      throw new IllegalArgumentException(
          "History window is " + historyDays + " days: expected >= 1");
    }
    toxicityClasses = Map.copyOf(toxicityClasses);
    Objects.requireNonNull(toxicityLevelWhenUnknown, "toxicityLevelWhenUnknown");
    Objects.requireNonNull(highExposureLevel, "highExposureLevel");
  }

  /**
   * Checks a period type against {@link #PERIOD_TYPES}.
   *
   * @return the type
   * @throws IllegalArgumentException for QUARTER, naming the supported types
   */
  public static PeriodType requireSupported(PeriodType type) {
    return type.requireOneOf(PERIOD_TYPES, "the risk assessment");
  }

  /** Every default, for all periods in the data. */
  public static RiskParameters defaults() {
    return new RiskParameters(
        PERIOD_TYPE_DEFAULT,
        null,
        null,
        PROGRAMMES_DEFAULT,
        ChronicParameters.defaults(),
        ScoreParameters.defaults(),
        HISTORY_DAYS_DEFAULT,
        Map.of(),
        TOXICITY_LEVEL_WHEN_UNKNOWN_DEFAULT,
        HIGH_EXPOSURE_LEVEL_DEFAULT);
  }

  /** A copy for another period window. */
  public RiskParameters withPeriods(PeriodType type, String from, String to) {
    return new RiskParameters(
        type,
        from,
        to,
        programmes,
        chronic,
        scores,
        historyDays,
        toxicityClasses,
        toxicityLevelWhenUnknown,
        highExposureLevel);
  }

  /** Key of the programme filter, stored as {@code programme_scope}, e.g. "RANDOM_MONITORING". */
  public String programmeScope() {
    return programmes.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
  }
}
