package org.agrisafe.risk.aberration;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A count time series to be monitored: the R {@code sts} object reduced to one unit.
 *
 * <p>Shape: {@code observed[i]} is the count of period {@code i + 1} (R indices are 1-based, so are the ranges the
 * detectors take). Optional {@code population[i]} is the denominator of that period (in AgriSafe the number of samples
 * tested), used as the GLM offset {@code log(population)} when a Farrington method is asked to
 * ({@code populationOffset}); it must be finite and &gt; 0. Optional {@code epochs[i]} is the first day of the
 * period (a local date in the deployment's zone, Asia/Shanghai by default); when present the Farrington methods find
 * the reference periods by calendar dates exactly as R does for an {@code sts} with {@code epochAsDate = TRUE}
 * (same date 1..b years back, moved to the nearest same weekday for weekly data), otherwise by index
 * ({@code k - frequency * i}).
 *
 * <p>Frequency: 52 (weekly; ISO week 53 must be merged into week 52 by the caller, see docs/conventions.md §13.6) or 12 (monthly).
 * Instances are immutable; arrays are copied in and out.
 */
public final class CountSeries {

  /** Weekly frequency, as R {@code surveillance} expects (52 periods a year). */
  public static final int WEEKLY = 52;

  /** Monthly frequency. */
  public static final int MONTHLY = 12;

  private final String name;
  private final long[] observed;
  private final double[] population;
  private final int frequency;
  private final LocalDate[] epochs;

  /**
   * @param name       series name or key, used in every error message; not blank
   * @param observed   counts per period, each &ge; 0, at least one period
   * @param population denominators per period (same length, finite, &gt; 0), or {@code null} for none
   * @param frequency  {@link #WEEKLY} or {@link #MONTHLY}
   * @param epochs     first day of each period (same length, strictly increasing), or {@code null} for index-based
   *                   reference periods
   * @throws IllegalArgumentException naming the series, the field and the reason, on any invalid value
   */
  public CountSeries(
      String name, long[] observed, double[] population, int frequency, LocalDate[] epochs) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Series name is blank: expected a non-empty name or key");
    }
    this.name = name;
    Objects.requireNonNull(observed, () -> "Series '" + name + "': observed is null");
    if (observed.length == 0) {
      throw new IllegalArgumentException(
          "Series '" + name + "': observed is empty, expected at least one period");
    }
    for (int i = 0; i < observed.length; i++) {
      if (observed[i] < 0) {
        throw new IllegalArgumentException(
            "Series '"
                + name
                + "': observed count "
                + observed[i]
                + " at index "
                + (i + 1)
                + " is negative, expected a count >= 0");
      }
    }
    if (frequency != WEEKLY && frequency != MONTHLY) {
      throw new IllegalArgumentException(
          "Series '"
              + name
              + "': frequency "
              + frequency
              + " is not supported, expected 52 (weekly) or 12 (monthly)");
    }
    if (population != null) {
      if (population.length != observed.length) {
        throw new IllegalArgumentException(
            "Series '"
                + name
                + "': population has "
                + population.length
                + " periods but observed has "
                + observed.length
                + ", expected the same length");
      }
      for (int i = 0; i < population.length; i++) {
        if (!(population[i] > 0) || Double.isInfinite(population[i])) {
          throw new IllegalArgumentException(
              "Series '"
                  + name
                  + "': population "
                  + population[i]
                  + " at index "
                  + (i + 1)
                  + " is invalid, expected a finite number > 0");
        }
      }
    }
    if (epochs != null) {
      if (epochs.length != observed.length) {
        throw new IllegalArgumentException(
            "Series '"
                + name
                + "': epochs has "
                + epochs.length
                + " periods but observed has "
                + observed.length
                + ", expected the same length");
      }
      for (int i = 0; i < epochs.length; i++) {
        if (epochs[i] == null) {
          throw new IllegalArgumentException(
              "Series '" + name + "': epoch at index " + (i + 1) + " is null, expected a date");
        }
        if (i > 0 && !epochs[i].isAfter(epochs[i - 1])) {
          throw new IllegalArgumentException(
              "Series '"
                  + name
                  + "': epoch "
                  + epochs[i]
                  + " at index "
                  + (i + 1)
                  + " is not after "
                  + epochs[i - 1]
                  + ", expected strictly increasing dates");
        }
      }
    }
    this.observed = observed.clone();
    this.population = population == null ? null : population.clone();
    this.frequency = frequency;
    this.epochs = epochs == null ? null : epochs.clone();
  }

  /** A series without population and without dates. */
  public static CountSeries of(String name, long[] observed, int frequency) {
    return new CountSeries(name, observed, null, frequency, null);
  }

  /** A weekly series of {@code int} counts without population and without dates. */
  public static CountSeries weekly(String name, int[] observed) {
    Objects.requireNonNull(observed, () -> "Series '" + name + "': observed is null");
    return of(name, Arrays.stream(observed).asLongStream().toArray(), WEEKLY);
  }

  /** The same series with a population (denominator) per period; see the constructor for the rules. */
  public CountSeries withPopulation(double[] newPopulation) {
    return new CountSeries(name, observed, newPopulation, frequency, epochs);
  }

  /** The same series with period start dates; see the constructor for the rules. */
  public CountSeries withEpochs(LocalDate[] newEpochs) {
    return new CountSeries(name, observed, population, frequency, newEpochs);
  }

  public String name() {
    return name;
  }

  /** Number of periods. */
  public int length() {
    return observed.length;
  }

  /** Count of the period with 1-based {@code index}. */
  public long observedAt(int index) {
    return observed[index - 1];
  }

  /** A copy of all counts (0-based array). */
  public long[] observed() {
    return observed.clone();
  }

  long[] observedView() {
    return observed;
  }

  public boolean hasPopulation() {
    return population != null;
  }

  /** Population of the 1-based {@code index}; 1 when the series has none (as R's default population). */
  public double populationAt(int index) {
    return population == null ? 1.0 : population[index - 1];
  }

  public int frequency() {
    return frequency;
  }

  public boolean hasEpochs() {
    return epochs != null;
  }

  /** Start date of the 1-based {@code index}. @throws IllegalStateException when the series has no dates */
  public LocalDate epochAt(int index) {
    if (epochs == null) {
      throw new IllegalStateException("Series '" + name + "' has no epochs");
    }
    return epochs[index - 1];
  }

  LocalDate[] epochsView() {
    return epochs;
  }

  /**
   * Checks a 1-based inclusive evaluation range against this series.
   *
   * @throws IllegalArgumentException naming the series when {@code first > last} or the range leaves 1..length
   */
  void checkRange(int first, int last) {
    if (first > last) {
      throw new IllegalArgumentException(
          "Series '"
              + name
              + "': range "
              + first
              + ".."
              + last
              + " is empty, expected first <= last");
    }
    if (first < 1 || last > observed.length) {
      throw new IllegalArgumentException(
          "Series '"
              + name
              + "': range "
              + first
              + ".."
              + last
              + " is outside the series, expected indices within 1.."
              + observed.length);
    }
  }

  /**
   * Throws the standard too-short-history error.
   *
   * @param method     method name, e.g. "Farrington"
   * @param index      the evaluated index that lacks history
   * @param has        number of earlier periods available
   * @param needs      number of earlier periods the method needs
   * @param what       what the history is for, e.g. "b = 5 years of baseline with w = 3"
   */
  IllegalArgumentException tooShort(String method, int index, int has, int needs, String what) {
    return new IllegalArgumentException(
        "Series '"
            + name
            + "': history too short for "
            + method
            + " at index "
            + index
            + ": it has "
            + has
            + " earlier periods, needs "
            + needs
            + " ("
            + what
            + ")");
  }
}
