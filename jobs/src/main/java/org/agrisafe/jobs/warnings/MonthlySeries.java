package org.agrisafe.jobs.warnings;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.risk.aberration.CountSeries;

/**
 * One monthly count series with its denominators: exceedance samples and samples tested per month, with
 * zero months filled in between the first and the last month its source reported (any commodity).
 *
 * <p>Shape: {@code months[i]}, {@code observed[i]} (samples with at least one result above its MRL) and
 * {@code tested[i]} (samples tested), all of the same length, consecutive months. A month in which the
 * commodity was not tested has observed = 0 and tested = 0.
 */
public record MonthlySeries(SeriesKey key, List<YearMonth> months, long[] observed, long[] tested) {

  /**
   * Population used for the offset in a month with no sample tested: a near-zero exposure, so that the
   * month contributes (almost) nothing to the Poisson fit (expected ≈ 0), while the series stays regular, as
   * the detectors need. R {@code surveillance} requires populations &gt; 0.
   */
  public static final double UNTESTED_POPULATION = 1e-3;

  /** Number of months. */
  public int length() {
    return months.size();
  }

  /** The detector input: counts, with tested samples as population (untested months: {@link #UNTESTED_POPULATION}). */
  public CountSeries toCountSeries() {
    double[] population = new double[tested.length];
    for (int i = 0; i < tested.length; i++) {
      population[i] = tested[i] > 0 ? tested[i] : UNTESTED_POPULATION;
    }
    return new CountSeries(key.label(), observed, population, CountSeries.MONTHLY, null);
  }

  /** One aggregated cell: a key, a month, its exceedance count and its tested count. */
  public record Cell(SeriesKey key, YearMonth month, long exceeding, long tested) {}

  /**
   * Builds the series of every key, filling zero months.
   *
   * @param cells aggregated cells (one per key and month; a repeated (key, month) is added up)
   * @param sourceRange first and last month reported by each source system
   * @return one series per key, in first-seen order
   * @throws IllegalArgumentException when a cell's month is outside its source's range or a count is negative
   */
  public static List<MonthlySeries> build(List<Cell> cells, Map<String, YearMonth[]> sourceRange) {
    Map<SeriesKey, TreeMap<YearMonth, long[]>> byKey = new LinkedHashMap<>();
    for (Cell c : cells) {
      if (c.exceeding() < 0 || c.tested() < c.exceeding()) {
        throw new IllegalArgumentException(
            "Series "
                + c.key().label()
                + " month "
                + c.month()
                + ": exceeding "
                + c.exceeding()
                + " and tested "
                + c.tested()
                + " are invalid: expected 0 <= exceeding <= tested");
      }
      long[] v =
          byKey
              .computeIfAbsent(c.key(), k -> new TreeMap<>())
              .computeIfAbsent(c.month(), m -> new long[2]);
      v[0] += c.exceeding();
      v[1] += c.tested();
    }
    List<MonthlySeries> out = new ArrayList<>();
    for (Map.Entry<SeriesKey, TreeMap<YearMonth, long[]>> e : byKey.entrySet()) {
      YearMonth[] range = sourceRange.get(e.getKey().sourceSystem());
      if (range == null) {
        throw new IllegalArgumentException(
            "Series "
                + e.getKey().label()
                + ": no month range for source system "
                + e.getKey().sourceSystem());
      }
      if (e.getValue().firstKey().isBefore(range[0]) || e.getValue().lastKey().isAfter(range[1])) {
        throw new IllegalArgumentException(
            "Series "
                + e.getKey().label()
                + ": months "
                + e.getValue().firstKey()
                + ".."
                + e.getValue().lastKey()
                + " are outside the source's range "
                + range[0]
                + ".."
                + range[1]);
      }
      List<YearMonth> months = new ArrayList<>();
      for (YearMonth m = range[0]; !m.isAfter(range[1]); m = m.plusMonths(1)) {
        months.add(m);
      }
      long[] obs = new long[months.size()];
      long[] tested = new long[months.size()];
      for (int i = 0; i < months.size(); i++) {
        long[] v = e.getValue().get(months.get(i));
        if (v != null) {
          obs[i] = v[0];
          tested[i] = v[1];
        }
      }
      out.add(new MonthlySeries(e.getKey(), List.copyOf(months), obs, tested));
    }
    return out;
  }
}
