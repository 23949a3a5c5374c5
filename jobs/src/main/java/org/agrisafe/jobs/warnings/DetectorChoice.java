package org.agrisafe.jobs.warnings;

import java.util.Locale;
import org.agrisafe.risk.aberration.AberrationDetector;
import org.agrisafe.risk.aberration.EarsCDetector;
import org.agrisafe.risk.aberration.EarsCParameters;
import org.agrisafe.risk.aberration.FarringtonDetector;
import org.agrisafe.risk.aberration.FarringtonParameters;

/**
 * The detector a monthly series of {@code n} months gets, by history length.
 *
 * <ol>
 *   <li>Farrington (Farrington et al. 1996, J R Stat Soc A 159(3):547-563, Section 3) with
 *       b = min(maxBaselineYears, floor((n - 1 - w) / 12)) years, when b ≥ 1: it needs 12 b + w earlier months
 *       before the first evaluated month (R {@code algo.farrington}), so with w = 3 from n = 16 months; the
 *       population offset log(samples tested) is used as in the spec's parameters. For n = 78: b = 3, months
 *       40..78 evaluated.
 *   <li>Otherwise EARS (Hutwagner et al. 2003; Fricker et al. 2008, Section 2.1) with the spec's variant, when
 *       n &gt; maxLag (C1: 7 baseline months); EARS works on counts (no offset).
 *   <li>Otherwise the series is too short for every method: {@link #tooShort()} says so.
 * </ol>
 *
 * @param method short method name: {@code FARRINGTON}, {@code EARS_C1}/{@code EARS_C2}/{@code EARS_C3} or
 *     {@code NONE}
 * @param detector the detector, or null for NONE
 * @param firstIndex first evaluable 1-based index (n + 1 for NONE)
 * @param parametersJson the detector's parameters as JSON
 */
public record DetectorChoice(
    String method, AberrationDetector detector, int firstIndex, String parametersJson) {

  public boolean tooShort() {
    return detector == null;
  }

  /** Months a series needs for Farrington with b = 1 (12 + w earlier months plus one evaluated). */
  public static int farringtonMinLength(FarringtonParameters p) {
    return 12 + p.w() + 1;
  }

  /** Months a series needs for EARS (maxLag earlier months plus one evaluated). */
  public static int earsMinLength(EarsCParameters p) {
    return p.maxLag() + 1;
  }

  /** The choice for a monthly series of {@code n} months. */
  public static DetectorChoice forLength(int n, WarningSpec spec) {
    FarringtonParameters f = spec.farrington();
    int b = Math.min(spec.maxBaselineYears(), (n - 1 - f.w()) / 12);
    if (b >= 1) {
      FarringtonParameters p = f.withBW(b, f.w());
      String json =
          String.format(
              Locale.ROOT,
              "{\"b\":%d,\"w\":%d,\"alpha\":%s,\"reweight\":%s,\"trend\":%s,\"limit54_cases\":%d,"
                  + "\"limit54_periods\":%d,\"power_transform\":\"%s\",\"population_offset\":%s,"
                  + "\"untested_population\":%s,\"frequency\":12}",
              p.b(),
              p.w(),
              p.alpha(),
              p.reweight(),
              p.trend(),
              p.limit54Cases(),
              p.limit54Periods(),
              p.powerTransform(),
              p.populationOffset(),
              MonthlySeries.UNTESTED_POPULATION);
      return new DetectorChoice("FARRINGTON", new FarringtonDetector(p), 12 * b + p.w() + 1, json);
    }
    EarsCParameters e = spec.ears();
    if (n >= earsMinLength(e)) {
      String json =
          String.format(
              Locale.ROOT,
              "{\"variant\":\"%s\",\"baseline\":%d,\"alpha\":%s,\"min_sigma\":%s,\"population_offset\":false}",
              e.variant(),
              e.baseline(),
              e.alpha(),
              e.minSigma());
      return new DetectorChoice("EARS_" + e.variant(), new EarsCDetector(e), e.maxLag() + 1, json);
    }
    return new DetectorChoice("NONE", null, n + 1, "{}");
  }
}
