package org.agrisafe.risk.aberration;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * EARS C1, C2 and C3 aberration detection, as R {@code surveillance::earsC} 1.20.3.
 *
 * <p>Sources: Hutwagner L, Thompson W, Seeman GM, Treadwell T (2003). The bioterrorism preparedness and response
 * Early Aberration Reporting System (EARS). J Urban Health 80(2 Suppl 1):i89-96; Fricker RD, Hegler BL, Dunfee DA
 * (2008). Comparing syndromic surveillance detection methods: EARS' versus a CUSUM-based methodology. Stat Med
 * 27(17):3407-3429, Section 2.1 (C1, C2, C3 definitions). Parameters and defaults: {@link EarsCParameters}.
 *
 * <p>Algorithm, for each evaluated index t (z = qnorm(1 - alpha), sigma = max(sd, minSigma), sd with denominator
 * n - 1):
 * <ol>
 *   <li>C1: baseline y[t-baseline .. t-1]; upperbound = mean + z * sigma.</li>
 *   <li>C2: baseline y[t-baseline-2 .. t-3]; upperbound = mean + z * sigma.</li>
 *   <li>C3: C2(s) = (y[s] - mean_s) / sigma_s with the C2 baseline of s; upperbound =
 *       max(0, y[t] + sigma_t * (z - max(0, C2(t-2) - 1) - max(0, C2(t-1) - 1))).</li>
 *   <li>alarm = y[t] &gt; upperbound.</li>
 * </ol>
 * Note on C3, as in R: its upperbound contains y[t] itself, so the C3 alarm at t depends only on C2(t-1) and
 * C2(t-2) (alarm when their truncated sum exceeds z); a single spike at t is flagged at t + 1 and t + 2, not at t.
 * Use C1 or C2 when a same-period alarm is needed.
 * Output: one {@link AberrationPoint} per index; {@code expected} = baseline mean, {@code dispersion} = sigma,
 * {@code statistic} = (y - mean) / sigma (C1, C2) or the C3 sum, {@code baselineSize} = baseline.
 * Where R gives {@code NaN} (C3 with sigma = 0 and y equal to the mean, e.g. an all-zero baseline with
 * {@code minSigma = 0}) the upperbound is empty with {@link ThresholdStatus#UNDEFINED} and no alarm; with sigma = 0
 * C1/C2 give upperbound = mean (0 on an all-zero series, no alarm since 0 &gt; 0 is false).
 */
public final class EarsCDetector implements AberrationDetector {

  private final EarsCParameters parameters;

  public EarsCDetector(EarsCParameters parameters) {
    if (parameters == null) {
      throw new IllegalArgumentException("EARS parameters are null: expected EarsCParameters");
    }
    this.parameters = parameters;
  }

  @Override
  public AberrationResult detect(CountSeries series, int rangeFirst, int rangeLast) {
    series.checkRange(rangeFirst, rangeLast);
    int maxLag = parameters.maxLag();
    if (rangeFirst - maxLag < 1) {
      throw series.tooShort(
          "EARS " + parameters.variant(),
          rangeFirst,
          rangeFirst - 1,
          maxLag,
          "baseline = "
              + parameters.baseline()
              + " periods"
              + (parameters.variant() == EarsCParameters.Variant.C1 ? "" : " plus the guard band"));
    }
    long[] y = series.observedView();
    int baseline = parameters.baseline();
    double z = RStats.qnorm(1 - parameters.alpha());
    double minSigma = parameters.minSigma();
    List<AberrationPoint> points = new ArrayList<>(rangeLast - rangeFirst + 1);
    for (int t = rangeFirst; t <= rangeLast; t++) {
      long obs = y[t - 1];
      double mean;
      double sigma;
      double upper;
      double statistic;
      switch (parameters.variant()) {
        case C1, C2 -> {
          int lastLag = parameters.variant() == EarsCParameters.Variant.C1 ? 1 : 3;
          // 0-based window [t-1-(baseline+lastLag-1), t-1-lastLag]
          int from = t - lastLag - baseline; // 0-based start = (t - lastLag - baseline + 1) - 1
          int to = t - lastLag; // exclusive
          mean = RStats.mean(y, from, to);
          sigma = Math.max(RStats.sd(y, from, to), minSigma);
          upper = mean + z * sigma;
          statistic = (obs - mean) / sigma;
        }
        case C3 -> {
          double lag2 = Math.max(0, c2(y, t - 2, baseline, minSigma) - 1);
          double lag1 = Math.max(0, c2(y, t - 1, baseline, minSigma) - 1);
          int from = t - 3 - baseline;
          int to = t - 3;
          mean = RStats.mean(y, from, to);
          sigma = Math.max(RStats.sd(y, from, to), minSigma);
          upper = Math.max(0, obs + sigma * (z - (lag2 + lag1)));
          statistic = Math.max(0, (obs - mean) / sigma - 1) + lag1 + lag2;
        }
        default -> throw new IllegalStateException("Unknown EARS variant " + parameters.variant());
      }
      boolean defined = !Double.isNaN(upper);
      points.add(
          new AberrationPoint(
              t,
              obs,
              defined ? OptionalDouble.of(upper) : OptionalDouble.empty(),
              defined && obs > upper,
              defined ? ThresholdStatus.COMPUTED : ThresholdStatus.UNDEFINED,
              mean,
              false,
              sigma,
              statistic,
              baseline,
              upper));
    }
    return new AberrationResult(series.name(), "EARS_" + parameters.variant(), points);
  }

  /** C2 statistic of 1-based index s: (y[s] - mean) / max(sd, minSigma) over y[s-baseline-2 .. s-3]. */
  private static double c2(long[] y, int s, int baseline, double minSigma) {
    int from = s - 3 - baseline;
    int to = s - 3;
    return (y[s - 1] - RStats.mean(y, from, to)) / Math.max(RStats.sd(y, from, to), minSigma);
  }
}
