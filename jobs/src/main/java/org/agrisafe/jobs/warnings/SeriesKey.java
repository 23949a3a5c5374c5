package org.agrisafe.jobs.warnings;

/**
 * Key of one monitored count series.
 *
 * @param level {@code COMMODITY} (key = commodity_code) or {@code CATEGORY} (key = category)
 * @param sourceSystem source system the samples come from (series never mix sources)
 * @param key the commodity_code or the category
 * @param category the category of the commodity (for grouping warnings sharing a cause); equals key at
 *     CATEGORY level; null when unknown
 */
public record SeriesKey(String level, String sourceSystem, String key, String category) {
  public static final String COMMODITY = "COMMODITY";
  public static final String CATEGORY = "CATEGORY";

  /** {@code SOURCE/LEVEL/key}, used as the series name in detector errors. */
  public String label() {
    return sourceSystem + "/" + level + "/" + key;
  }
}
