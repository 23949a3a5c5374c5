package org.agrisafe.risk.aberration;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Poisson CUSUM of standardised counts, as R {@code surveillance::algo.cusum} 1.20.3.
 *
 * <p>Source: Rossi G, Lampugnani L, Marchi M (1999). An approximate CUSUM procedure for surveillance of health events.
 * Stat Med 18:2111-2122, Section 2 (standardisation, k = 1.04, h = 2.26). Parameters: {@link CusumParameters}.
 *
 * <p>Algorithm:
 * <ol>
 *   <li>m = the given expected count, or (default, R {@code m = NULL}) the mean of y[1 .. first - 1].</li>
 *   <li>For each evaluated t: z_t = transformation(y_t, m); C_t = max(0, C_{t-1} + z_t - k), C_{first-1} = 0.</li>
 *   <li>alarm_t = C_t &ge; h.</li>
 *   <li>upperbound_t = the count that would make C_t reach h (back-transformed, R's formulas; for "standard"
 *       ceiling(sqrt(m) (h + k - C_{t-1}) + m)); negative or {@code NA} values are set to 0, as R does.</li>
 *   <li>Extension (off by default): with {@code resetAfterAlarm}, C_t is set to 0 after an alarm at t.</li>
 * </ol>
 * Output: one {@link AberrationPoint} per index; {@code expected} = m, {@code dispersion} = the variance used in the
 * standardisation, {@code statistic} = C_t (before any reset), {@code baselineSize} = first - 1 when m is estimated,
 * otherwise 0.
 *
 * <p>m = 0 (an all-zero history): R's standardisation divides 0 by 0 and gives {@code NA}. Here, for
 * {@link CusumParameters.Transformation#STANDARD}, a zero count standardises to 0 (no deviation from an expected
 * zero) and a positive count to +infinity (alarm); the upperbound is then 0, as R's NA-to-0 rule gives.
 */
public final class CusumDetector implements AberrationDetector {

  private final CusumParameters parameters;

  public CusumDetector(CusumParameters parameters) {
    if (parameters == null) {
      throw new IllegalArgumentException("CUSUM parameters are null: expected CusumParameters");
    }
    this.parameters = parameters;
  }

  @Override
  public AberrationResult detect(CountSeries series, int rangeFirst, int rangeLast) {
    series.checkRange(rangeFirst, rangeLast);
    long[] y = series.observedView();
    double m;
    int baselineSize;
    if (parameters.m().isPresent()) {
      m = parameters.m().getAsDouble();
      baselineSize = 0;
    } else {
      if (rangeFirst < 2) {
        throw series.tooShort(
            "CUSUM",
            rangeFirst,
            rangeFirst - 1,
            1,
            "m = NULL estimates the expected count from the periods before the range");
      }
      m = RStats.mean(y, 0, rangeFirst - 1);
      baselineSize = rangeFirst - 1;
    }
    double k = parameters.k();
    double h = parameters.h();
    double alpha = parameters.alpha();
    CusumParameters.Transformation trans = parameters.transformation();
    double variance =
        trans == CusumParameters.Transformation.PEARSON_NEG_BIN ? m + alpha * m * m : m;
    List<AberrationPoint> points = new ArrayList<>(rangeLast - rangeFirst + 1);
    double previous = 0;
    for (int t = rangeFirst; t <= rangeLast; t++) {
      long x = y[t - 1];
      double z = standardise(trans, x, m, alpha);
      double cusum = Math.max(0, previous + (z - k));
      boolean alarm = cusum >= h;
      double upper = upperbound(trans, m, h, k, previous, cusum, alpha);
      if (Double.isNaN(upper) || upper < 0) {
        upper = 0; // R: upperbound[is.na(upperbound)] <- 0; upperbound[upperbound < 0] <- 0
      }
      points.add(
          new AberrationPoint(
              t,
              x,
              OptionalDouble.of(upper),
              alarm,
              ThresholdStatus.COMPUTED,
              m,
              false,
              variance,
              cusum,
              baselineSize,
              upper));
      previous = parameters.resetAfterAlarm() && alarm ? 0 : cusum;
    }
    String name =
        "cusum: "
            + trans.name().toLowerCase(java.util.Locale.ROOT)
            + (parameters.resetAfterAlarm() ? " (reset after alarm)" : "");
    return new AberrationResult(series.name(), name, points);
  }

  static double standardise(
      CusumParameters.Transformation trans, long xCount, double m, double alpha) {
    double x = xCount;
    return switch (trans) {
      case STANDARD -> m == 0 ? (x == 0 ? 0 : Double.POSITIVE_INFINITY) : (x - m) / Math.sqrt(m);
      case ROSSI -> (x - 3 * m + 2 * Math.sqrt(x * m)) / (2 * Math.sqrt(m));
      case ANSCOMBE -> 1.5 * (Math.pow(x, 2.0 / 3) - Math.pow(m, 2.0 / 3)) / Math.pow(m, 1.0 / 6);
      case ANSCOMBE_2ND ->
          (Math.pow(x, 2.0 / 3) - (Math.pow(m, 2.0 / 3) - Math.pow(m, -1.0 / 3) / 9))
              / (2.0 / 3 * Math.pow(m, 1.0 / 6));
      case PEARSON_NEG_BIN -> (x - m) / Math.sqrt(m + alpha * m * m);
      case NONE -> x;
    };
  }

  static double upperbound(
      CusumParameters.Transformation trans,
      double m,
      double h,
      double k,
      double previous,
      double cusum,
      double alpha) {
    double hk = h + k - previous;
    return switch (trans) {
      case STANDARD -> Math.ceil(Math.sqrt(m) * hk + m);
      case ROSSI ->
          2 * h * Math.sqrt(m)
              + 2 * k * Math.sqrt(m)
              - 2 * previous * Math.sqrt(m)
              + 5 * m
              - 2
                  * Math.sqrt(
                      4 * m * m
                          + 2 * Math.pow(m, 1.5) * h
                          + 2 * Math.pow(m, 1.5) * k
                          - 2 * Math.pow(m, 1.5) * previous);
      case ANSCOMBE -> {
        double base = 2.0 / 3 * Math.pow(m, 1.0 / 6) * hk + Math.pow(m, 2.0 / 3);
        yield base < 0 ? 0 : Math.pow(base, 1.5);
      }
      case ANSCOMBE_2ND -> {
        double base =
            2.0 / 3 * Math.pow(m, 1.0 / 6) * hk + (Math.pow(m, 2.0 / 3) - Math.pow(m, 1.0 / 3) / 9);
        yield base < 0 ? 0 : Math.pow(base, 1.5);
      }
      case PEARSON_NEG_BIN -> Math.sqrt(m + alpha * m * m) * hk + m;
      case NONE -> h - cusum;
    };
  }
}
