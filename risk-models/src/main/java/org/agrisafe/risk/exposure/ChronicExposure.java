package org.agrisafe.risk.exposure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.agrisafe.risk.common.Assessment;
import org.agrisafe.risk.common.NotAssessed;

/**
 * Chronic (long-term) dietary exposure: estimated daily intake (EDI), hazard quotient (HQ, reported as %ADI) and food
 * safety index (IFS).
 *
 * <p>Source: WHO (2009) Principles and Methods for the Risk Assessment of Chemicals in Food, Environmental Health
 * Criteria 240, chapter 6 (dietary exposure assessment: EDI = Σ concentration × consumption / body weight); IFS as
 * in {@link FoodSafetyIndex}.
 *
 * <p>Steps, per analyte:
 * <ol>
 *   <li>resolve the analyte with {@link AdiBook}; unknown analyte or no ADI → not assessed;</li>
 *   <li>check every food: consumption finite and &gt; 0 kg/day, else the analyte is not assessed (a partial sum would
 *       understate the exposure);</li>
 *   <li>the bounds computed are those every food has ({@code LOWER_ONLY} as soon as one food is detections-only);</li>
 *   <li>per bound b: EDI′_b = Σ_food mean_b × consumption (mg/person/day); EDI_b = EDI′_b / bw (mg/kg bw/day);
 *       HQ_b = EDI_b / ADI; %ADI = 100 × HQ_b; IFS_b = EDI′_b × 1 / (ADI × bw) (= HQ_b).</li>
 * </ol>
 * Output: one {@link ChronicExposureResult} per assessed analyte, in input order, and a {@link NotAssessed} per
 * analyte that was not (key {@code "analyte=<name>"}). Nothing throws for bad records; null arguments throw
 * {@link NullPointerException}.
 */
public final class ChronicExposure {
  private ChronicExposure() {}

  /** Assesses each input; see the class comment. */
  public static Assessment<ChronicExposureResult> assess(
      List<ChronicInput> inputs, AdiBook adiBook, ChronicParameters parameters) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(adiBook, "adiBook");
    Objects.requireNonNull(parameters, "parameters");
    List<ChronicExposureResult> results = new ArrayList<>();
    List<NotAssessed> notAssessed = new ArrayList<>();
    for (ChronicInput in : inputs) {
      String key = "analyte=" + (in.analyte() == null ? "<null>" : AdiBook.normalize(in.analyte()));
      String problem = check(in);
      if (problem != null) {
        notAssessed.add(new NotAssessed(key, problem));
        continue;
      }
      AdiResolution res = adiBook.resolve(in.analyte());
      if (res.status() != AdiResolution.Status.RESOLVED) {
        notAssessed.add(new NotAssessed(key, res.status() + ": " + res.message()));
        continue;
      }
      if (!res.hasAdi()) {
        notAssessed.add(
            new NotAssessed(
                key,
                "missing ADI: substance '"
                    + res.entry().substance()
                    + "' has no ADI in the reference table"));
        continue;
      }
      results.add(compute(in, res, parameters.bodyWeightKg()));
    }
    return new Assessment<>(results, notAssessed);
  }

  private static String check(ChronicInput in) {
    if (in.analyte() == null || in.analyte().isBlank()) {
      return "analyte name is empty: expected a name";
    }
    if (in.foods().isEmpty()) {
      return "no food groups: expected at least one (food group, residue, consumption)";
    }
    for (FoodIntake f : in.foods()) {
      if (f == null || f.residue() == null) {
        return "a food entry or its residue levels are null: expected both";
      }
      double c = f.consumptionKgPerDay();
      if (!(c > 0) || Double.isInfinite(c)) {
        return "consumption of food group '"
            + f.foodGroup()
            + "' is "
            + c
            + " kg/day: expected a finite value > 0";
      }
    }
    return null;
  }

  private static ChronicExposureResult compute(ChronicInput in, AdiResolution res, double bw) {
    double adi = res.entry().adiMgPerKgBwPerDay();
    BoundAvailability availability = BoundAvailability.ALL_BOUNDS;
    for (FoodIntake f : in.foods()) {
      if (f.residue().availability() == BoundAvailability.LOWER_ONLY) {
        availability = BoundAvailability.LOWER_ONLY;
      }
    }
    Set<NonDetectBound> bounds = EnumSet.copyOf(availability.bounds());
    List<ChronicExposureResult.FoodContribution> foods = new ArrayList<>();
    Map<NonDetectBound, Double> totals = new EnumMap<>(NonDetectBound.class);
    for (FoodIntake f : in.foods()) {
      Map<NonDetectBound, Double> means = new EnumMap<>(NonDetectBound.class);
      Map<NonDetectBound, Double> intakes = new EnumMap<>(NonDetectBound.class);
      for (NonDetectBound b : bounds) {
        double mean = f.residue().meanMgPerKg().get(b);
        means.put(b, mean);
        intakes.put(b, mean * f.consumptionKgPerDay());
        totals.merge(b, mean * f.consumptionKgPerDay(), Double::sum);
      }
      foods.add(
          new ChronicExposureResult.FoodContribution(
              f.foodGroup(), means, f.residue().samples(), f.consumptionKgPerDay(), intakes));
    }
    Map<NonDetectBound, ChronicExposureResult.BoundEstimate> estimates =
        new EnumMap<>(NonDetectBound.class);
    for (NonDetectBound b : bounds) {
      double ediPrime = totals.get(b);
      double edi = ediPrime / bw;
      double hq = hazardQuotient(edi, adi);
      estimates.put(
          b,
          new ChronicExposureResult.BoundEstimate(
              b,
              ediPrime,
              edi,
              hq,
              100.0 * hq,
              FoodSafetyIndex.ifs(ediPrime, adi, bw, FoodSafetyIndex.CORRECTION_FACTOR_DEFAULT)));
    }
    String source =
        res.entry().adiSource()
            + (res.entry().adiYear() == null ? "" : " (" + res.entry().adiYear() + ")");
    return new ChronicExposureResult(
        in.analyte(),
        res.entry().substance(),
        res.matchRule(),
        availability,
        availability.message(),
        foods,
        bw,
        adi,
        source,
        estimates);
  }

  /**
   * Estimated daily intake, mg/kg bw/day: Σ(residue mg/kg × consumption kg/day) / bw.
   *
   * @throws IllegalArgumentException when the arrays differ in length, a consumption is not &gt; 0, a residue is
   *                                  negative, or bw is not &gt; 0
   */
  public static double estimatedDailyIntake(
      double[] residueMgPerKg, double[] consumptionKgPerDay, double bodyWeightKg) {
    if (residueMgPerKg.length != consumptionKgPerDay.length) {
      throw new IllegalArgumentException(
          "Got "
              + residueMgPerKg.length
              + " residues and "
              + consumptionKgPerDay.length
              + " consumptions: expected equal lengths");
    }
    if (!(bodyWeightKg > 0)) {
      throw new IllegalArgumentException("Body weight is " + bodyWeightKg + " kg: expected > 0");
    }
    double sum = 0;
    for (int i = 0; i < residueMgPerKg.length; i++) {
      if (!(residueMgPerKg[i] >= 0)) {
        throw new IllegalArgumentException(
            "Residue " + i + " is " + residueMgPerKg[i] + " mg/kg: expected >= 0");
      }
      if (!(consumptionKgPerDay[i] > 0)) {
        throw new IllegalArgumentException(
            "Consumption " + i + " is " + consumptionKgPerDay[i] + " kg/day: expected > 0");
      }
      sum += residueMgPerKg[i] * consumptionKgPerDay[i];
    }
    return sum / bodyWeightKg;
  }

  /** Hazard quotient EDI/ADI (both mg/kg bw/day). */
  public static double hazardQuotient(double ediMgPerKgBwPerDay, double adiMgPerKgBwPerDay) {
    if (!(adiMgPerKgBwPerDay > 0)) {
      throw new IllegalArgumentException(
          "ADI is " + adiMgPerKgBwPerDay + " mg/kg bw/day: expected > 0");
    }
    if (!(ediMgPerKgBwPerDay >= 0)) {
      throw new IllegalArgumentException(
          "EDI is " + ediMgPerKgBwPerDay + " mg/kg bw/day: expected >= 0");
    }
    return ediMgPerKgBwPerDay / adiMgPerKgBwPerDay;
  }
}
