package org.agrisafe.jobs.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Models of P(sample fails) for the sampling plan, on the driver with Smile 3.1.1 (GPL-3.0).
 *
 * <p>Features of a sample: commodity, category, region (adcode or country of origin), sampling point and sampling
 * stage (one-hot; a level seen fewer than {@code minLevelCount} times in training is pooled into "other"), the month
 * as sin/cos of 2π·month/12 (season), and the stratum's (commodity × region) past failure rate (x + k·m)/(n + k) and
 * log(1 + n), counted over months strictly before the sample's month and before the training cut-off (no leakage).
 *
 * <p>Models: gradient tree boosting (Friedman J.H. (2001) Greedy function approximation: a gradient boosting
 * machine. Annals of Statistics 29(5):1189–1232, section 4.5 (two-class logistic loss); Smile
 * {@code GradientTreeBoost.fit(formula, data, ntrees, maxDepth, maxNodes, nodeSize, shrinkage, subsample)}), L2-
 * penalised logistic regression (Smile {@code LogisticRegression.binomial(x, y, lambda, tol, maxIter)}), and the
 * plain historical rate (the stratum's smoothed past failure rate, no model).
 */
final class FailureModels {
  private FailureModels() {}

  /** Model names stored in {@code analytics.model_evaluation.model}. */
  enum Kind {
    GRADIENT_BOOSTING,
    LOGISTIC_REGRESSION,
    HISTORICAL_RATE
  }

  static final String[] CATEGORICAL = {
    "commodity_code", "category", "region_key", "sampling_point", "sampling_stage"
  };
  static final String OTHER = "__other__";

  /** One sample's features and outcome. */
  record Example(
      String[] categorical, int month, double historyRate, double historySamples, int failed) {}

  /** One-hot encoder fitted on training examples. */
  static final class Encoder {
    final List<Map<String, Integer>> index = new ArrayList<>();
    final int width;

    Encoder(List<Example> train, int minLevelCount) {
      int offset = 0;
      for (int c = 0; c < CATEGORICAL.length; c++) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Example e : train) {
          counts.merge(level(e.categorical()[c]), 1, Integer::sum);
        }
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> lv : counts.entrySet()) {
          if (lv.getValue() >= minLevelCount) {
            idx.put(lv.getKey(), offset++);
          }
        }
        idx.put(OTHER, offset++);
        index.add(idx);
      }
      width = offset + 4;
    }

    private static String level(String v) {
      return v == null ? "__null__" : v;
    }

    double[] encode(Example e) {
      double[] x = new double[width];
      for (int c = 0; c < CATEGORICAL.length; c++) {
        Map<String, Integer> idx = index.get(c);
        x[idx.getOrDefault(level(e.categorical()[c]), idx.get(OTHER))] = 1;
      }
      x[width - 4] = Math.sin(2 * Math.PI * e.month() / 12.0);
      x[width - 3] = Math.cos(2 * Math.PI * e.month() / 12.0);
      x[width - 2] = e.historyRate();
      x[width - 1] = Math.log1p(e.historySamples());
      return x;
    }

    String[] names() {
      String[] n = new String[width];
      for (int i = 0; i < width; i++) {
        n[i] = "x" + i;
      }
      return n;
    }
  }

  /** A fitted model: a probability per example. */
  interface Fitted {
    double probability(Example e);
  }

  /**
   * Fits one model.
   *
   * @throws IllegalArgumentException when the training set holds one class only (nothing to learn)
   */
  static Fitted fit(Kind kind, List<Example> train, SamplingPlanParameters p) {
    if (kind == Kind.HISTORICAL_RATE) {
      return Example::historyRate;
    }
    long failures = train.stream().filter(e -> e.failed() == 1).count();
    if (failures == 0 || failures == train.size()) {
      throw new IllegalArgumentException(
          "training set of "
              + train.size()
              + " samples has "
              + failures
              + " failures: expected both outcomes to fit "
              + kind);
    }
    Encoder enc = new Encoder(train, p.minLevelCount());
    double[][] x = new double[train.size()][];
    int[] y = new int[train.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = enc.encode(train.get(i));
      y[i] = train.get(i).failed();
    }
    MathEx.setSeed(p.seed());
    if (kind == Kind.LOGISTIC_REGRESSION) {
      LogisticRegression lr = LogisticRegression.binomial(x, y, p.lambda(), 1e-5, 500);
      return e -> {
        double[] post = new double[2];
        lr.predict(enc.encode(e), post);
        return post[1];
      };
    }
    String[] names = enc.names();
    DataFrame df = DataFrame.of(x, names).merge(IntVector.of("y", y));
    GradientTreeBoost gbm =
        GradientTreeBoost.fit(
            Formula.lhs("y"), df, p.trees(), 20, p.maxNodes(), 5, p.shrinkage(), p.subsample());
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      col.put(names[i], i);
    }
    return e -> {
      double[][] one = {enc.encode(e)};
      DataFrame d = DataFrame.of(one, names).merge(IntVector.of("y", new int[] {0}));
      double[] post = new double[2];
      gbm.predict(d.get(0), post);
      return post[1];
    };
  }

  static String parameters(Kind kind, SamplingPlanParameters p) {
    return switch (kind) {
      case GRADIENT_BOOSTING ->
          "trees="
              + p.trees()
              + ", maxDepth=20, maxNodes="
              + p.maxNodes()
              + ", nodeSize=5, "
              + "shrinkage="
              + p.shrinkage()
              + ", subsample="
              + p.subsample()
              + ", minLevelCount="
              + p.minLevelCount();
      case LOGISTIC_REGRESSION ->
          "lambda=" + p.lambda() + ", tol=1e-5, maxIter=500, minLevelCount=" + p.minLevelCount();
      case HISTORICAL_RATE -> "historyPriorStrength=" + p.historyPriorStrength();
    };
  }
}
