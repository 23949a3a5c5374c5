package org.agrisafe.risk.aberration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Farrington algorithm, as R {@code surveillance::algo.farrington} 1.20.3 (fit function
 * {@code algo.farrington.fitGLM.fast}), reproduced number for number.
 *
 * <p>Source: Farrington CP, Andrews NJ, Beale AD, Catchpole MA (1996). A statistical algorithm for the early
 * detection of outbreaks of infectious disease. J R Stat Soc A 159(3):547-563, Section 3 (model, reweighting,
 * threshold, the 5-in-4-weeks rule). Parameters, defaults and recommended values: {@link FarringtonParameters}.
 *
 * <p>Algorithm, for each evaluated index k:
 * <ol>
 *   <li>Baseline: periods k - f i - w .. k - f i + w for i = 1..b (f = frequency), or, when the series has dates,
 *       the same date i years back, &plusmn;w periods, moved to the nearest same weekday (weekly) or the same day of
 *       month (monthly), as R's {@code refvalIdxByDate}. The index is the time covariate {@code wtime}.</li>
 *   <li>Fit a quasi-Poisson GLM, log link, {@code response ~ 1 + wtime} ({@code ~ 1} without trend; plus offset
 *       log(population) when asked), by IRLS ({@link QuasiPoissonGlm}); if it does not converge with the trend,
 *       refit without. phi = max(Pearson chi-square / df, 1).</li>
 *   <li>Reweighting: Anscombe residuals s_i = 3/2 (y^(2/3) mu^(-1/6) - mu^(1/2)) / sqrt(phi (1 - h_ii)); weights
 *       gamma s^-2 for s &gt; 1, gamma otherwise, summing to n; refit with these prior weights; phi again floored
 *       at 1.</li>
 *   <li>Trend: kept only if the trend's t-test p &lt; 0.05, b &ge; 3 and the prediction at k &le; the largest
 *       baseline count; otherwise the model is refitted (steps 2-3) without trend.</li>
 *   <li>Prediction mu0 at k and its standard error with dispersion phi; tau = phi + se^2/mu0; upperbound =
 *       (mu0^(2/3) + z sqrt(4/9 mu0^(1/3) tau))^(3/2), z = qnorm(1 - alpha/2) (other power transforms
 *       analogous).</li>
 *   <li>limit54: with fewer than 5 cases in the last 4 periods (current included) there is no alarm; R writes
 *       upperbound 0, here the upperbound is empty with {@link ThresholdStatus#SUPPRESSED_LIMIT54} and the computed
 *       value is kept in {@link AberrationPoint#thresholdBeforeSuppression()}.</li>
 *   <li>Exceedance score X = (y - mu0) / (upperbound - mu0); alarm when X &gt; 1.</li>
 * </ol>
 * Output: one {@link AberrationPoint} per index: expected = mu0, trendUsed, dispersion = phi, statistic = X (0 when
 * suppressed, as R), baselineSize = b (2w + 1).
 *
 * @throws IllegalArgumentException (from {@link #detect}) naming the series when the first evaluated index has less
 *                                  than f b + w earlier periods (b years of baseline plus the window)
 */
public final class FarringtonDetector implements AberrationDetector {

  private final FarringtonParameters parameters;

  public FarringtonDetector(FarringtonParameters parameters) {
    if (parameters == null) {
      throw new IllegalArgumentException(
          "Farrington parameters are null: expected FarringtonParameters");
    }
    this.parameters = parameters;
  }

  /** Model of one period, after the trend decision. */
  private record Model(QuasiPoissonGlm.Fit fit, double phi, boolean hasTrend) {}

  @Override
  public AberrationResult detect(CountSeries series, int rangeFirst, int rangeLast) {
    series.checkRange(rangeFirst, rangeLast);
    FarringtonParameters p = parameters;
    long[] observed = series.observedView();
    double z = RStats.qnorm(1 - p.alpha() / 2);
    List<AberrationPoint> points = new ArrayList<>(rangeLast - rangeFirst + 1);
    for (int k = rangeFirst; k <= rangeLast; k++) {
      int[] wtime = referenceIndices(series, k);
      int n = wtime.length;
      double[] response = new double[n];
      double[] offset = p.populationOffset() ? new double[n] : null;
      long maxResponse = 0;
      for (int i = 0; i < n; i++) {
        response[i] = observed[wtime[i] - 1];
        maxResponse = Math.max(maxResponse, observed[wtime[i] - 1]);
        if (offset != null) {
          offset[i] = Math.log(series.populationAt(wtime[i]));
        }
      }
      double offsetNow = p.populationOffset() ? Math.log(series.populationAt(k)) : 0;
      Model model = fit(response, wtime, offset, p.trend());
      boolean doTrend = false;
      if (model.hasTrend()) {
        double pValue = model.fit().pValue(1);
        double mu0Hat =
            QuasiPoissonGlm.linkInverse(model.fit().linkPrediction(new double[] {1, k}, offsetNow));
        boolean significant = pValue < FarringtonParameters.P_THRESHOLD_TREND;
        boolean atLeastThreeYears = p.b() >= 3;
        boolean noExtrapolation = mu0Hat <= maxResponse;
        doTrend = atLeastThreeYears && significant && noExtrapolation;
        if (!doTrend) {
          model = fit(response, wtime, offset, false);
        }
      }
      double[] x0 = model.hasTrend() ? new double[] {1, k} : new double[] {1};
      double eta0 = model.fit().linkPrediction(x0, offsetNow);
      double mu0 = QuasiPoissonGlm.linkInverse(eta0);
      double se = model.fit().linkStandardError(x0, model.phi()) * mu0;
      double upper = FarringtonSupport.deltaUpper(mu0, se, model.phi(), z, p.powerTransform());
      boolean enough =
          FarringtonSupport.enoughCases(observed, k, p.limit54Cases(), p.limit54Periods());
      long y = observed[k - 1];
      double score = enough ? (y - mu0) / (upper - mu0) : 0;
      boolean alarm = score > 1;
      ThresholdStatus status =
          !enough
              ? ThresholdStatus.SUPPRESSED_LIMIT54
              : Double.isNaN(upper) ? ThresholdStatus.UNDEFINED : ThresholdStatus.COMPUTED;
      points.add(
          new AberrationPoint(
              k,
              y,
              status == ThresholdStatus.COMPUTED
                  ? OptionalDouble.of(upper)
                  : OptionalDouble.empty(),
              alarm,
              status,
              mu0,
              doTrend,
              model.phi(),
              score,
              n,
              upper));
    }
    return new AberrationResult(series.name(), "farrington(" + p.w() + ",0," + p.b() + ")", points);
  }

  /** R {@code algo.farrington.fitGLM.fast} (with optional offset). */
  private Model fit(double[] response, int[] wtime, double[] offset, boolean timeTrend) {
    double[][] design = design(wtime, timeTrend);
    QuasiPoissonGlm.Fit fit = QuasiPoissonGlm.fit(design, response, null, offset);
    boolean hasTrend = timeTrend;
    if (!fit.converged && timeTrend) {
      design = design(wtime, false);
      fit = QuasiPoissonGlm.fit(design, response, null, offset);
      hasTrend = false;
    }
    double phi = Math.max(fit.dispersion(), 1);
    if (parameters.reweight()) {
      double[] s = FarringtonSupport.anscombeResiduals(fit, phi);
      double[] omega = FarringtonSupport.weights(s, FarringtonParameters.WEIGHTS_THRESHOLD);
      fit = QuasiPoissonGlm.fit(design, response, omega, offset);
      phi = Math.max(fit.dispersion(), 1);
    }
    return new Model(fit, phi, hasTrend);
  }

  private static double[][] design(int[] wtime, boolean trend) {
    double[][] x = new double[wtime.length][trend ? 2 : 1];
    for (int i = 0; i < wtime.length; i++) {
      x[i][0] = 1;
      if (trend) {
        x[i][1] = wtime[i];
      }
    }
    return x;
  }

  /** 1-based indices of the baseline of k, in R's order. */
  int[] referenceIndices(CountSeries series, int k) {
    int b = parameters.b();
    int w = parameters.w();
    int f = series.frequency();
    int[] idx = new int[b * (2 * w + 1)];
    if (!series.hasEpochs()) {
      int needed = f * b + w;
      if (k - needed < 1) {
        throw series.tooShort(
            "Farrington",
            k,
            k - 1,
            needed,
            "b = " + b + " years of " + f + " periods plus w = " + w);
      }
      int pos = 0;
      for (int i = b; i >= 1; i--) {
        for (int t = k - f * i - w; t <= k - f * i + w; t++) {
          idx[pos++] = t;
        }
      }
      return idx;
    }
    LocalDate[] epochs = series.epochsView();
    LocalDate t0 = epochs[k - 1];
    int pos = 0;
    for (int j = 1; j <= b; j++) {
      LocalDate refPoint = FarringtonSupport.minusYearsR(t0, j);
      for (int i = -w; i <= w; i++) {
        LocalDate d;
        if (f == CountSeries.WEEKLY) {
          d = refPoint.plusDays(7L * i);
          int t0wd = FarringtonSupport.weekdayR(t0);
          int dwd = FarringtonSupport.weekdayR(d);
          int forward = Math.floorMod(t0wd - dwd, 7);
          int backward = Math.floorMod(dwd - t0wd, 7);
          d = d.plusDays(forward < backward ? forward : -backward);
        } else {
          d = FarringtonSupport.plusMonthsR(refPoint, i);
          d = d.minusDays(d.getDayOfMonth() - t0.getDayOfMonth());
        }
        int index = FarringtonSupport.indexOfEpoch(epochs, d);
        if (index < 0) {
          if (d.isBefore(epochs[0])) {
            throw series.tooShort(
                "Farrington",
                k,
                k - 1,
                (int)
                    Math.ceil(
                        FarringtonSupport.days(d, t0) / (f == CountSeries.WEEKLY ? 7.0 : 30.4375)),
                "b = "
                    + b
                    + " years plus w = "
                    + w
                    + " by date: reference date "
                    + d
                    + " is before the first epoch "
                    + epochs[0]);
          }
          throw new IllegalArgumentException(
              "Series '"
                  + series.name()
                  + "': reference date "
                  + d
                  + " for index "
                  + k
                  + " is not among the epochs: expected regular periods without gaps");
        }
        idx[pos++] = index;
      }
    }
    return idx;
  }
}
