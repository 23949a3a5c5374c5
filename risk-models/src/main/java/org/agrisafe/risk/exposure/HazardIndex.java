package org.agrisafe.risk.exposure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.agrisafe.risk.common.Assessment;
import org.agrisafe.risk.common.NotAssessed;

/**
 * Hazard index: HI = Σ HQ over analytes sharing an effect group (or over all analytes), the dose-addition screening
 * step of EFSA (2019) Guidance on harmonised methodologies for human health, animal health and ecological risk
 * assessment of combined exposure to multiple chemicals, EFSA Journal 17(3):5634, section 4.1 (hazard index).
 *
 * <p>Output: one {@link Group} per effect group in first-seen order, with its HQ components. Analytes whose result
 * lacks {@code bound} (a lower-bound-only estimate asked for MIDDLE/UPPER) and analytes with no effect group are
 * returned as {@link NotAssessed}, never summed as zero.
 */
public final class HazardIndex {
  /** Group name used by {@link #overall}. */
  public static final String ALL_ANALYTES = "all analytes";

  private HazardIndex() {}

  /**
   * HI of one group.
   *
   * @param effectGroup  group name
   * @param bound        bound of the HQs summed
   * @param hazardIndex  Σ HQ
   * @param components   analyte → HQ
   */
  public record Group(
      String effectGroup,
      NonDetectBound bound,
      double hazardIndex,
      Map<String, Double> components) {}

  /** HI per effect group; {@code effectGroupOf} returns null for an analyte with no known group. */
  public static Assessment<Group> byEffectGroup(
      List<ChronicExposureResult> results,
      NonDetectBound bound,
      Function<ChronicExposureResult, String> effectGroupOf) {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(bound, "bound");
    Objects.requireNonNull(effectGroupOf, "effectGroupOf");
    Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
    List<NotAssessed> notAssessed = new ArrayList<>();
    for (ChronicExposureResult r : results) {
      String key = "analyte=" + r.analyte();
      ChronicExposureResult.BoundEstimate e = r.estimates().get(bound);
      if (e == null) {
        notAssessed.add(
            new NotAssessed(key, "no " + bound + " bound estimate: " + r.availabilityMessage()));
        continue;
      }
      String g = effectGroupOf.apply(r);
      if (g == null || g.isBlank()) {
        notAssessed.add(
            new NotAssessed(
                key, "no effect group given: expected a group name for the hazard index"));
        continue;
      }
      groups
          .computeIfAbsent(g, k -> new LinkedHashMap<>())
          .merge(r.analyte(), e.hazardQuotient(), Double::sum);
    }
    List<Group> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> g : groups.entrySet()) {
      double hi = g.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
      out.add(new Group(g.getKey(), bound, hi, Map.copyOf(g.getValue())));
    }
    return new Assessment<>(out, notAssessed);
  }

  /** HI over all analytes (one group named {@link #ALL_ANALYTES}). */
  public static Assessment<Group> overall(
      List<ChronicExposureResult> results, NonDetectBound bound) {
    return byEffectGroup(results, bound, r -> ALL_ANALYTES);
  }
}
