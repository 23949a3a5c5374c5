package org.agrisafe.jobs.maps;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.rates.PassRateSpec.Programme;
import org.agrisafe.risk.spatial.ConditionalPermutation;
import org.agrisafe.risk.spatial.EmpiricalBayes;

/**
 * What the heat-map job computes. Defaults are the {@code *_DEFAULT} constants; the constructor validates.
 *
 * @param periodType {@link PeriodType#YEAR} (default) or {@link PeriodType#MONTH} ({@link #PERIOD_TYPES}; QUARTER
 *     is rejected), cut in the deployment's zone
 *     (the stored {@code sample_month})
 * @param layers layers to compute, at least one; default both
 * @param programmes sampling programmes counted; default random monitoring only (docs/conventions.md §11.3)
 * @param minSamples a region-period with fewer samples is "too few samples" and never hot or cold; default
 *     {@value #MIN_SAMPLES_DEFAULT} (= {@link EmpiricalBayes#MIN_POPULATION_DEFAULT}); &gt;= 1
 * @param k nearest neighbours of the world layer; default {@value #K_DEFAULT} (GeoDa suggests 4–8); &gt;= 1
 * @param permutations conditional permutations for the Gi* and LISA pseudo p-values; default
 *     {@value #PERMUTATIONS_DEFAULT} (smallest two-sided p 0.002)
 * @param seed seed of the permutations; default {@value #SEED_DEFAULT}
 */
public record HeatMapSpec(
    PeriodType periodType,
    List<MapLayer> layers,
    Set<Programme> programmes,
    int minSamples,
    int k,
    int permutations,
    long seed) {

  public static final PeriodType PERIOD_TYPE_DEFAULT = PeriodType.YEAR;
  public static final List<MapLayer> LAYERS_DEFAULT =
      List.of(MapLayer.WORLD_ORIGIN, MapLayer.JINAN_DISTRICT);
  public static final Set<Programme> PROGRAMMES_DEFAULT = EnumSet.of(Programme.RANDOM_MONITORING);
  public static final int MIN_SAMPLES_DEFAULT = (int) EmpiricalBayes.MIN_POPULATION_DEFAULT;
  public static final int K_DEFAULT = 5;
  public static final int PERMUTATIONS_DEFAULT = ConditionalPermutation.Params.PERMUTATIONS_DEFAULT;
  public static final long SEED_DEFAULT = 20_240_601L;

  /** LISA significance level (two-sided permutation p), GeoDa's default. */
  public static final double LISA_ALPHA = 0.05;

  /** Period types the heat maps support (periods cut from {@code sample_month}). */
  public static final Set<PeriodType> PERIOD_TYPES = EnumSet.of(PeriodType.YEAR, PeriodType.MONTH);

  public HeatMapSpec {
    Objects.requireNonNull(periodType, "periodType");
    periodType.requireOneOf(PERIOD_TYPES, "the heat maps");
    if (layers == null || layers.isEmpty()) {
      throw new IllegalArgumentException(
          "Layers " + layers + ": expected at least one of " + List.of(MapLayer.values()));
    }
    layers = List.copyOf(layers.stream().distinct().toList());
    if (programmes == null || programmes.isEmpty()) {
      throw new IllegalArgumentException(
          "Programmes " + programmes + ": expected at least one programme");
    }
    programmes = Set.copyOf(programmes);
    if (minSamples < 1) {
      throw new IllegalArgumentException(
          "Invalid min-samples " + minSamples + ": expected an integer >= 1");
    }
    if (k < 1) {
      throw new IllegalArgumentException(
          "Invalid k " + k + ": expected an integer >= 1 (5 recommended)");
    }
    new ConditionalPermutation.Params(
        permutations, seed, 1); // validates the number of permutations
  }

  /** All defaults. */
  public static HeatMapSpec defaults() {
    return new HeatMapSpec(
        PERIOD_TYPE_DEFAULT,
        LAYERS_DEFAULT,
        PROGRAMMES_DEFAULT,
        MIN_SAMPLES_DEFAULT,
        K_DEFAULT,
        PERMUTATIONS_DEFAULT,
        SEED_DEFAULT);
  }

  /** A copy with another period type. */
  public HeatMapSpec withPeriodType(PeriodType p) {
    return new HeatMapSpec(p, layers, programmes, minSamples, k, permutations, seed);
  }

  /** A copy with other layers. */
  public HeatMapSpec withLayers(java.util.List<MapLayer> l) {
    return new HeatMapSpec(periodType, l, programmes, minSamples, k, permutations, seed);
  }

  /** Key of the programme filter, stored as {@code programme_scope}, e.g. "RANDOM_MONITORING". */
  public String programmeScope() {
    return programmes.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
  }

  /** Programme scope in words for the map metadata, e.g. "random monitoring". */
  public String programmesText() {
    return programmes.stream()
        .map(p -> p.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
