package org.agrisafe.jobs.warnings;

import java.util.Map;

/**
 * What one run of {@link WarningJob} did, printed by the CLI and shown in the report.
 *
 * @param seriesTotal series built (commodity and category series of every source)
 * @param seriesByMethod series evaluated per method ({@code FARRINGTON}, {@code EARS_C1}, ...)
 * @param tooShortForFarrington series shorter than Farrington needs with b = 1 (12 + w + 1 months)
 * @param tooShortForEars series shorter than EARS needs (maxLag + 1 months)
 * @param tooShortForAll series evaluated by no method (too short for both); never reported as zero alarms
 * @param samplesWithoutKey samples of the selected programmes left out of a level because the key column is
 *     null, per level ({@code COMMODITY}, {@code CATEGORY})
 * @param periodsEvaluated series-months evaluated in total
 * @param suppressedLimit54 evaluated months where Farrington's limit54 rule suppressed any alarm (fewer than 5
 *     cases in the last 4 months)
 * @param alarms alarms raised (= warnings in this run)
 * @param newWarnings warnings not in the table before this run
 * @param updatedWarnings warnings already in the table (re-run): values refreshed, state kept
 * @param firstPeriod first month of the series (yyyy-MM), null when no series
 * @param lastPeriod last month of the series, null when no series
 */
public record WarningSummary(
    int seriesTotal,
    Map<String, Integer> seriesByMethod,
    int tooShortForFarrington,
    int tooShortForEars,
    int tooShortForAll,
    Map<String, Long> samplesWithoutKey,
    long periodsEvaluated,
    long suppressedLimit54,
    int alarms,
    int newWarnings,
    int updatedWarnings,
    String firstPeriod,
    String lastPeriod) {

  public WarningSummary {
    seriesByMethod = Map.copyOf(seriesByMethod);
    samplesWithoutKey = Map.copyOf(samplesWithoutKey);
  }

  /** A multi-line text summary. */
  public String describe() {
    return "series: "
        + seriesTotal
        + " ("
        + firstPeriod
        + ".."
        + lastPeriod
        + "), evaluated by method: "
        + new java.util.TreeMap<>(seriesByMethod)
        + "\n"
        + "too short: for Farrington "
        + tooShortForFarrington
        + ", for EARS "
        + tooShortForEars
        + ", for every method "
        + tooShortForAll
        + "\n"
        + "samples without key (left out of that level): "
        + new java.util.TreeMap<>(samplesWithoutKey)
        + "\n"
        + "series-months evaluated: "
        + periodsEvaluated
        + ", limit54-suppressed: "
        + suppressedLimit54
        + "\n"
        + "alarms: "
        + alarms
        + " (new warnings "
        + newWarnings
        + ", already present "
        + updatedWarnings
        + ")";
  }
}
