package org.agrisafe.jobs.warnings;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.agrisafe.intake.model.Programme;
import org.agrisafe.risk.aberration.EarsCParameters;
import org.agrisafe.risk.aberration.FarringtonParameters;

/**
 * What the batch aberration job ({@link WarningJob}) evaluates.
 *
 * @param programmes sampling programmes counted; default {@link #PROGRAMMES_DEFAULT} (random monitoring, as
 *     docs/conventions.md §11.2 requires for trends); not empty
 * @param fromPeriod first month ({@code yyyy-MM}) whose alarms are written, or null for every month the
 *     method can evaluate
 * @param maxBaselineYears largest Farrington {@code b} (years back); default {@value #MAX_BASELINE_YEARS_DEFAULT},
 *     so a 78-month history gives b = 3 with 39 evaluated months; the paper's recommended b is 5 for weekly data
 *     with 5+ years; fewer years are used when the history is shorter
 * @param farrington Farrington parameters other than b ({@code b} is set per series); default R's
 *     ({@code w = 3}, alpha = 0.05, reweighting, trend, limit54 5 cases in 4 periods) with the population
 *     offset on (samples tested)
 * @param measure what each series counts (default exceedances; also banned-substance detections and rapid
 *     positives), with its denominator
 * @param ears EARS parameters for series too short for Farrington with b = 1; default C1, baseline 7,
 *     alpha = 0.001 (R {@code earsC})
 */
public record WarningSpec(
    Set<Programme> programmes,
    String fromPeriod,
    int maxBaselineYears,
    FarringtonParameters farrington,
    EarsCParameters ears,
    Measure measure) {

  public static final Set<Programme> PROGRAMMES_DEFAULT = EnumSet.of(Programme.RANDOM_MONITORING);
  public static final int MAX_BASELINE_YEARS_DEFAULT = 3;
  public static final FarringtonParameters FARRINGTON_DEFAULT =
      FarringtonParameters.defaults().withPopulationOffset(true);
  public static final EarsCParameters EARS_DEFAULT = EarsCParameters.defaults();

  public static final Measure MEASURE_DEFAULT = Measure.EXCEEDANCE_SAMPLES;

  public WarningSpec {
    if (measure == null) {
      throw new IllegalArgumentException(
          "Warning measure is null: expected one of "
              + java.util.Arrays.toString(Measure.values()));
    }
    if (programmes == null || programmes.isEmpty()) {
      throw new IllegalArgumentException(
          "Warning programmes " + programmes + " are empty: expected at least one");
    }
    programmes = Set.copyOf(programmes);
    if (fromPeriod != null) {
      try {
        YearMonth.parse(fromPeriod);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "Warning from-period '" + fromPeriod + "' is invalid: expected yyyy-MM", e);
      }
    }
    if (maxBaselineYears < 1) {
      throw new IllegalArgumentException(
          "Warning max baseline years " + maxBaselineYears + " is invalid: expected >= 1");
    }
    if (farrington == null) {
      throw new IllegalArgumentException(
          "Warning Farrington parameters are null: expected FarringtonParameters");
    }
    if (ears == null) {
      throw new IllegalArgumentException(
          "Warning EARS parameters are null: expected EarsCParameters");
    }
  }

  /** All defaults: random monitoring, every evaluable month, b ≤ 3, R's Farrington with offset, EARS C1. */
  public static WarningSpec defaults() {
    return new WarningSpec(
        PROGRAMMES_DEFAULT,
        null,
        MAX_BASELINE_YEARS_DEFAULT,
        FARRINGTON_DEFAULT,
        EARS_DEFAULT,
        MEASURE_DEFAULT);
  }

  /** The same spec with another first written month. */
  public WarningSpec withFromPeriod(String period) {
    return new WarningSpec(programmes, period, maxBaselineYears, farrington, ears, measure);
  }

  /** The same spec with other programmes. */
  public WarningSpec withProgrammes(Set<Programme> p) {
    return new WarningSpec(p, fromPeriod, maxBaselineYears, farrington, ears, measure);
  }

  /** The same spec counting another measure. */
  public WarningSpec withMeasure(Measure m) {
    return new WarningSpec(programmes, fromPeriod, maxBaselineYears, farrington, ears, m);
  }

  /** The programme scope written with each warning, e.g. {@code RANDOM_MONITORING}. */
  public String programmeScope() {
    return programmes.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
  }
}
