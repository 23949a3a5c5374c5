package org.agrisafe.risk.aberration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Improved ("flexible") Farrington algorithm, as R {@code surveillance::farringtonFlexible} 1.20.3, reproduced number
 * for number.
 *
 * <p>Sources: Noufaily A, Enki DG, Farrington P, Garthwaite P, Andrews N, Charlett A (2013). An improved algorithm
 * for outbreak detection in multiple surveillance systems. Stat Med 32(7):1206-1222, Sections 3 (seasonal factor,
 * reweighting threshold, excluded recent weeks, negative binomial threshold) and 5 (recommendations); Farrington et
 * al. (1996), J R Stat Soc A 159(3):547-563, Section 3; Salmon M, Schumacher D, Hoehle M (2016), Monitoring count time
 * series in R: aberration detection in public health surveillance, J Stat Softw 70(10), Section 3.1. Parameters,
 * defaults and recommended values: {@link FarringtonFlexibleParameters}.
 *
 * <p>Algorithm, for each evaluated index k (f = frequency, p = noPeriods):
 * <ol>
 *   <li>Reference periods k - f i, i = 0..b (by index), or, when the series has dates, the same date i years back
 *       moved to the nearest same weekday (weekly), as R's {@code algo.farrington.referencetimepoints}.</li>
 *   <li>Seasonal blocks (R {@code blocks}): each reference window (reference &plusmn; w; the current window k - w .. k)
 *       is level p; when p &gt; 1 the gap between two consecutive windows is split into p - 1 blocks of near equal
 *       length (the first ones one longer), levels 1..p-1.</li>
 *   <li>Data: every period with a level, except k - pastWeeksNotIncluded .. k; covariates: the index (or the date
 *       distance in periods) {@code wtime} and the level as a factor (treatment contrasts).</li>
 *   <li>Fit a quasi-Poisson GLM, log link, {@code response ~ 1 + wtime [+ offset(log(population))] [+ seasgroups]}
 *       by IRLS ({@link QuasiPoissonGlm}); without convergence refit without trend; still none: no result
 *       ({@link ThresholdStatus#MODEL_NOT_CONVERGED}). phi = max(dispersion, 1).</li>
 *   <li>Reweighting with Anscombe residuals above {@code weightsThreshold}, refit, phi again floored at 1.</li>
 *   <li>Trend kept if its p-value &lt; pThresholdTrend, b &ge; 3 and the prediction at k &le; the largest response;
 *       otherwise refit without trend.</li>
 *   <li>Prediction at k for level p (and population of k). Threshold: DELTA: (mu0^(2/3) + z sqrt(4/9 mu0^(1/3) tau))^(3/2),
 *       tau = phi + se^2/mu0, z = qnorm(1 - alpha); NB_PLUGIN: the (1 - alpha) quantile of a negative binomial
 *       with mean exp(eta0) and variance phi times the mean (Poisson when phi = 1); MUAN: the same with mean
 *       exp(eta0 + qnorm(1 - alpha) se(eta0)).</li>
 *   <li>limit54: fewer than limit54Cases cases in the last limit54Periods periods: R gives {@code NA}; here the
 *       upperbound is empty ({@link ThresholdStatus#SUPPRESSED_LIMIT54}) and there is no alarm.</li>
 *   <li>Alarm when the score (y - fit) / (upperbound - fit) &gt; 1 and y &gt; 0 (fit is mu0 for DELTA and, as in R,
 *       the linear predictor eta0 for NB_PLUGIN and MUAN).</li>
 * </ol>
 * R quirks reproduced (they change alarms): (1) after reweighting R overwrites {@code model$weights} (the IRLS
 * working weights) with the reweighting weights omega, so the dispersion {@code summary.glm} reports, used for the
 * trend's t test and the prediction's standard error, is {@code sum(omega r^2) / df} with the working residuals r,
 * not the Pearson statistic; (2) the prediction's standard error uses that dispersion unfloored, because R passes
 * {@code dispersion} inside {@code newdata} and {@code predict.glm} ignores it. tau and the negative binomial use phi,
 * the Pearson dispersion floored at 1.
 *
 * <p>Output: one {@link AberrationPoint} per index: expected = mu0 (DELTA) or exp(eta0), trendUsed, dispersion = phi,
 * statistic = the score, baselineSize = number of periods in the fit.
 */
public final class FarringtonFlexibleDetector implements AberrationDetector {

  private final FarringtonFlexibleParameters parameters;

  public FarringtonFlexibleDetector(FarringtonFlexibleParameters parameters) {
    if (parameters == null) {
      throw new IllegalArgumentException(
          "farringtonFlexible parameters are null: expected " + "FarringtonFlexibleParameters");
    }
    this.parameters = parameters;
  }

  /** Data of one period's GLM. */
  private record GlmData(
      double[] response,
      double[] wtime,
      int[] level,
      int[] levels,
      double[] offset,
      double wtimeNow,
      double offsetNow,
      long maxResponse) {}

  /**
   * A fitted model: phi = max(Pearson dispersion, 1) used in the threshold; summaryDispersion = what R's
   * {@code summary.glm} returns for this model after farringtonFlexible overwrote {@code model$weights} with the
   * reweighting weights, used for the trend p-value and the standard error of the prediction.
   */
  private record Model(
      QuasiPoissonGlm.Fit fit, double phi, boolean hasTrend, double summaryDispersion) {}

  @Override
  public AberrationResult detect(CountSeries series, int rangeFirst, int rangeLast) {
    series.checkRange(rangeFirst, rangeLast);
    FarringtonFlexibleParameters p = parameters;
    long[] observed = series.observedView();
    double zOneSided = RStats.qnorm(1 - p.alpha());
    List<AberrationPoint> points = new ArrayList<>(rangeLast - rangeFirst + 1);
    for (int k = rangeFirst; k <= rangeLast; k++) {
      GlmData data = dataGlm(series, k);
      long y = observed[k - 1];
      int n = data.response().length;
      Model model = fit(data, p.trend());
      boolean doTrend = false;
      if (model != null && model.hasTrend()) {
        double predResponse =
            QuasiPoissonGlm.linkInverse(
                model.fit().linkPrediction(predictionRow(data, true), data.offsetNow()));
        boolean significant =
            model.fit().pValue(1, model.summaryDispersion()) < p.pThresholdTrend();
        doTrend = p.b() >= 3 && significant && predResponse <= data.maxResponse();
        if (!doTrend) {
          model = fit(data, false);
        }
      }
      if (model == null) {
        // R: NA everywhere. Expected falls back to the mean of the baseline counts (documented).
        double baselineMean = Arrays.stream(data.response()).average().orElse(Double.NaN);
        points.add(
            new AberrationPoint(
                k,
                y,
                OptionalDouble.empty(),
                false,
                ThresholdStatus.MODEL_NOT_CONVERGED,
                baselineMean,
                false,
                Double.NaN,
                Double.NaN,
                n,
                Double.NaN));
        continue;
      }
      double[] x0 = predictionRow(data, model.hasTrend());
      double eta0 = model.fit().linkPrediction(x0, data.offsetNow());
      // R quirk: se.fit with summary.glm's dispersion (R passes dispersion inside newdata, so
      // predict.glm
      // ignores it), unfloored and computed with the overwritten model$weights
      double seEta0 = model.fit().linkStandardError(x0, model.summaryDispersion());
      double phi = model.phi();
      double upper;
      double fitValue;
      double expected;
      if (p.thresholdMethod() == FarringtonFlexibleParameters.ThresholdMethod.DELTA) {
        double mu0 = QuasiPoissonGlm.linkInverse(eta0);
        double se = seEta0 * mu0;
        upper = FarringtonSupport.deltaUpper(mu0, se, phi, zOneSided, p.powerTransform());
        fitValue = mu0;
        expected = mu0;
      } else {
        double mu0Quantile =
            p.thresholdMethod() == FarringtonFlexibleParameters.ThresholdMethod.NB_PLUGIN
                ? Math.exp(eta0)
                : Math.exp(eta0 + seEta0 * zOneSided);
        if (mu0Quantile == Double.POSITIVE_INFINITY || Double.isNaN(mu0Quantile)) {
          upper = Double.NaN;
        } else if (phi > 1) {
          upper = RStats.qnbinom(1 - p.alpha(), mu0Quantile / (phi - 1), 1 / phi);
        } else {
          upper = RStats.qpois(1 - p.alpha(), mu0Quantile);
        }
        fitValue = eta0; // R: score uses the link-scale prediction
        expected = Math.exp(eta0);
      }
      double score = Double.isNaN(upper) ? Double.NaN : (y - fitValue) / (upper - fitValue);
      boolean enough =
          FarringtonSupport.enoughCases(observed, k, p.limit54Cases(), p.limit54Periods());
      boolean alarm = enough && !Double.isNaN(score) && score > 1 && y != 0;
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
              expected,
              doTrend,
              phi,
              score,
              n,
              upper));
    }
    return new AberrationResult(
        series.name(),
        "farringtonFlexible(b="
            + p.b()
            + ",w="
            + p.w()
            + ",noPeriods="
            + p.noPeriods()
            + ","
            + p.thresholdMethod()
            + ")",
        points);
  }

  /** R {@code algo.farrington.fitGLM.flexible}; null when no convergence with nor without trend. */
  private Model fit(GlmData data, boolean timeTrend) {
    double[][] design = design(data, timeTrend);
    QuasiPoissonGlm.Fit fit = QuasiPoissonGlm.fit(design, data.response(), null, data.offset());
    boolean hasTrend = timeTrend;
    if (!fit.converged) {
      if (timeTrend) {
        design = design(data, false);
        fit = QuasiPoissonGlm.fit(design, data.response(), null, data.offset());
        hasTrend = false;
      }
      if (!fit.converged) {
        return null;
      }
    }
    double phi = Math.max(fit.dispersion(), 1);
    if (parameters.reweight()) {
      double[] s = FarringtonSupport.anscombeResiduals(fit, phi);
      double[] omega = FarringtonSupport.weights(s, parameters.weightsThreshold());
      fit = QuasiPoissonGlm.fit(design, data.response(), omega, data.offset());
      if (fit.rankDeficient) {
        return null;
      }
      phi = Math.max(fit.dispersion(), 1);
      return new Model(fit, phi, hasTrend, fit.dispersionWith(omega));
    }
    return new Model(fit, phi, hasTrend, fit.dispersion());
  }

  /** Columns: intercept, wtime (if trend), one indicator per factor level except the lowest present one. */
  private double[][] design(GlmData data, boolean trend) {
    int n = data.response().length;
    int[] levels = data.levels();
    boolean factors = parameters.noPeriods() != 1;
    int nFactor = factors ? levels.length - 1 : 0;
    int p = 1 + (trend ? 1 : 0) + nFactor;
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      int c = 1;
      if (trend) {
        x[i][c++] = data.wtime()[i];
      }
      for (int l = 1; l < levels.length && factors; l++) {
        x[i][c++] = data.level()[i] == levels[l] ? 1 : 0;
      }
    }
    return x;
  }

  /** Design row of period k: level noPeriods. */
  private double[] predictionRow(GlmData data, boolean trend) {
    int[] levels = data.levels();
    boolean factors = parameters.noPeriods() != 1;
    int nFactor = factors ? levels.length - 1 : 0;
    double[] x0 = new double[1 + (trend ? 1 : 0) + nFactor];
    x0[0] = 1;
    int c = 1;
    if (trend) {
      x0[c++] = data.wtimeNow();
    }
    for (int l = 1; l < levels.length && factors; l++) {
      x0[c++] = levels[l] == parameters.noPeriods() ? 1 : 0;
    }
    return x0;
  }

  /** R {@code algo.farrington.data.glm}. */
  private GlmData dataGlm(CountSeries series, int k) {
    FarringtonFlexibleParameters p = parameters;
    int b = p.b();
    int w = p.w();
    int nPeriods = p.noPeriods();
    int[] referenceWeeks = referenceWeeks(series, k); // descending: k, 1 year back, ...
    int length = series.length();
    int[] blocks = new int[length + 1]; // 1-based, 0 = NA
    fill(blocks, k - w, k, nPeriods);
    for (int i = 1; i <= b; i++) {
      int refWeek = referenceWeeks[i];
      fill(blocks, refWeek - w, refWeek + w, nPeriods);
      if (nPeriods != 1) {
        int period = referenceWeeks[i - 1] - 2 * w - 1 - refWeek;
        if (period < nPeriods - (2 * w + 1)) {
          throw new IllegalArgumentException(
              "Series '"
                  + series.name()
                  + "': noPeriods "
                  + nPeriods
                  + " is too big for the "
                  + period
                  + " periods between reference windows at index "
                  + k
                  + " (R: 'Number of factors too big!')");
        }
        int lengthOfBlocks = period / (nPeriods - 1);
        int rest = period % (nPeriods - 1);
        int[] cum = new int[nPeriods];
        for (int j = 1; j < nPeriods; j++) {
          cum[j] = cum[j - 1] + lengthOfBlocks + (j <= rest ? 1 : 0);
        }
        for (int j = 1; j < nPeriods; j++) {
          fill(blocks, refWeek + w + 1 + cum[j - 1], refWeek + w + 1 + cum[j] - 1, j);
        }
      }
    }
    int[] blocksId = blocks.clone();
    fill(blocksId, k - p.effectivePastWeeksNotIncluded(), k, 0);
    int n = 0;
    for (int t = 1; t <= length; t++) {
      if (blocksId[t] != 0) {
        n++;
      }
    }
    int[] index = new int[n];
    int pos = 0;
    for (int t = 1; t <= length; t++) {
      if (blocksId[t] != 0) {
        index[pos++] = t;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          "Series '"
              + series.name()
              + "': no baseline periods left at index "
              + k
              + " after excluding the last "
              + p.effectivePastWeeksNotIncluded()
              + " periods");
    }
    long[] observed = series.observedView();
    double[] response = new double[n];
    double[] wtime = new double[n];
    int[] level = new int[n];
    double[] offset = p.populationOffset() ? new double[n] : null;
    long maxResponse = 0;
    LocalDate[] epochs = series.epochsView();
    double step = epochs == null ? 1 : FarringtonSupport.days(epochs[0], epochs[1]);
    for (int i = 0; i < n; i++) {
      int t = index[i];
      response[i] = observed[t - 1];
      maxResponse = Math.max(maxResponse, observed[t - 1]);
      wtime[i] =
          epochs == null ? t : FarringtonSupport.days(epochs[index[0] - 1], epochs[t - 1]) / step;
      level[i] = blocks[t];
      if (offset != null) {
        offset[i] = Math.log(series.populationAt(t));
      }
    }
    double wtimeNow =
        epochs == null ? k : FarringtonSupport.days(epochs[index[0] - 1], epochs[k - 1]) / step;
    int[] levels = Arrays.stream(level).distinct().sorted().toArray();
    if (nPeriods != 1 && Arrays.binarySearch(levels, nPeriods) < 0) {
      throw new IllegalArgumentException(
          "Series '"
              + series.name()
              + "': at index "
              + k
              + " no baseline period has the level of the current period ("
              + nPeriods
              + "); reduce pastWeeksNotIncluded");
    }
    double offsetNow = p.populationOffset() ? Math.log(series.populationAt(k)) : 0;
    return new GlmData(response, wtime, level, levels, offset, wtimeNow, offsetNow, maxResponse);
  }

  /** R's {@code x[a:b] <- v}, including R's descending sequence when b &lt; a; indices outside 1..n ignored. */
  private static void fill(int[] v, int a, int b, int value) {
    int step = b >= a ? 1 : -1;
    for (int t = a; ; t += step) {
      if (t >= 1 && t < v.length) {
        v[t] = value;
      }
      if (t == b) {
        break;
      }
    }
  }

  /** Indices of k and its b reference periods, descending; checks the history. */
  private int[] referenceWeeks(CountSeries series, int k) {
    int b = parameters.b();
    int w = parameters.w();
    int f = series.frequency();
    int[] ref = new int[b + 1];
    if (!series.hasEpochs()) {
      int needed = f * b + w;
      if (k - needed < 1) {
        throw series.tooShort(
            "farringtonFlexible",
            k,
            k - 1,
            needed,
            "b = " + b + " years of " + f + " periods plus w = " + w);
      }
      for (int i = 0; i <= b; i++) {
        ref[i] = k - f * i;
      }
      return ref;
    }
    LocalDate[] epochs = series.epochsView();
    LocalDate t0 = epochs[k - 1];
    for (int i = 0; i <= b; i++) {
      LocalDate d = FarringtonSupport.minusYearsR(t0, i);
      if (f == CountSeries.WEEKLY) {
        int dayToGet = FarringtonSupport.weekdayR(t0);
        int actualDay = FarringtonSupport.weekdayR(d);
        LocalDate a = d.minusDays(actualDay - dayToGet);
        LocalDate bb = a.plusDays(a.isAfter(d) ? -7 : 7);
        long distA = Math.abs(FarringtonSupport.days(d, a));
        long distB = Math.abs(FarringtonSupport.days(d, bb));
        d = distA > distB ? bb : a;
      }
      int index = FarringtonSupport.indexOfEpoch(epochs, d);
      if (index < 0) {
        if (d.isBefore(epochs[0])) {
          throw series.tooShort(
              "farringtonFlexible",
              k,
              k - 1,
              f * b + w,
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
      ref[i] = index;
    }
    Arrays.sort(ref);
    for (int i = 0; i < ref.length / 2; i++) {
      int tmp = ref[i];
      ref[i] = ref[ref.length - 1 - i];
      ref[ref.length - 1 - i] = tmp;
    }
    if (ref[b] - w < 1) {
      throw series.tooShort(
          "farringtonFlexible",
          k,
          k - 1,
          k - ref[b] + w,
          "b = " + b + " years plus w = " + w + " by date");
    }
    return ref;
  }
}
