package org.agrisafe.risk.aberration;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Quasi-Poisson GLM with log link fitted by iteratively reweighted least squares, reproducing R's
 * {@code glm.fit(x, y, weights, offset, family = quasipoisson(link = "log"))} (R 4.2) step for step, and the parts
 * of {@code summary.glm}, {@code predict.glm} and {@code hatvalues} the Farrington methods use.
 *
 * <p>R details kept on purpose, because they move the results beyond 1e-6: start {@code mustart = y + 0.1},
 * {@code eta = log(mustart)} (the offset is not in the start); {@code mu = pmax(exp(eta), DBL_EPSILON)};
 * convergence when {@code |dev - devold| / (|dev| + 0.1) < 1e-8}, at most 25 iterations; the working weights,
 * the QR (hence the covariance, hat values and standard errors) are those computed at the start of the last
 * iteration, while fitted values and working residuals use the last coefficients; dispersion
 * {@code sum(w * r^2) / df.residual} (Pearson statistic, not floored here).
 *
 * <p>Design matrices are small (n &le; a few hundred rows, p &le; about 12 columns); a plain Householder QR is used.
 * A design whose column becomes negligible (remaining norm &lt; 1e-11 of its original norm, R's {@code dqrdc2}
 * tolerance) is reported as rank deficient rather than pivoted.
 */
final class QuasiPoissonGlm {

  static final double EPSILON = 1e-8;
  static final int MAX_ITERATIONS = 25;
  private static final double DBL_EPSILON = Math.ulp(1.0);
  private static final double QR_TOLERANCE = 1e-11;

  private QuasiPoissonGlm() {}

  /** A fitted model. Arrays are owned by the fit; callers must not modify them. */
  static final class Fit {
    final double[][] x; // n rows, p columns
    final double[] y;
    final double[] offset; // may be null
    final double[] coefficients;
    final double[] mu;
    final double[] workingWeights; // w^2 of the last iteration (R's model$weights)
    final double[] workingResiduals; // (y - mu) / mu.eta(eta)
    final double[][] r; // p x p upper triangular of the last QR
    final boolean converged;
    final boolean rankDeficient;
    final int iterations;
    final int dfResidual;

    private Fit(
        double[][] x,
        double[] y,
        double[] offset,
        double[] coefficients,
        double[] mu,
        double[] workingWeights,
        double[] workingResiduals,
        double[][] r,
        boolean converged,
        boolean rankDeficient,
        int iterations,
        int dfResidual) {
      this.x = x;
      this.y = y;
      this.offset = offset;
      this.coefficients = coefficients;
      this.mu = mu;
      this.workingWeights = workingWeights;
      this.workingResiduals = workingResiduals;
      this.r = r;
      this.converged = converged;
      this.rankDeficient = rankDeficient;
      this.iterations = iterations;
      this.dfResidual = dfResidual;
    }

    int p() {
      return coefficients.length;
    }

    /** R {@code summary.glm(model)$dispersion}: Pearson chi-square / df.residual; NaN when df = 0. */
    double dispersion() {
      return dispersionWith(workingWeights);
    }

    /**
     * {@code sum(weights * r^2) / df.residual} over positive weights with other weights than the working ones:
     * what R's {@code summary.glm} computes once {@code model$weights} has been overwritten (farringtonFlexible
     * replaces it by the prior reweighting weights).
     */
    double dispersionWith(double[] weights) {
      if (dfResidual <= 0) {
        return Double.NaN;
      }
      double sum = 0;
      for (int i = 0; i < y.length; i++) {
        if (weights[i] > 0) {
          sum += weights[i] * workingResiduals[i] * workingResiduals[i];
        }
      }
      return sum / dfResidual;
    }

    /** Unscaled covariance (R'R)^-1. */
    double[][] covUnscaled() {
      int p = p();
      double[][] rinv = new double[p][p];
      for (int j = 0; j < p; j++) {
        rinv[j][j] = 1.0 / r[j][j];
        for (int i = j - 1; i >= 0; i--) {
          double s = 0;
          for (int k = i + 1; k <= j; k++) {
            s += r[i][k] * rinv[k][j];
          }
          rinv[i][j] = -s / r[i][i];
        }
      }
      double[][] cov = new double[p][p];
      for (int i = 0; i < p; i++) {
        for (int j = i; j < p; j++) {
          double s = 0;
          for (int k = j; k < p; k++) {
            s += rinv[i][k] * rinv[j][k];
          }
          cov[i][j] = s;
          cov[j][i] = s;
        }
      }
      return cov;
    }

    /** Two-sided p-value of coefficient j, R {@code summary.glm(...)$coefficients[j, 4]} (t test, df.residual). */
    double pValue(int j) {
      return pValue(j, dispersion());
    }

    /** As {@link #pValue(int)} with the given dispersion in the standard error. */
    double pValue(int j, double dispersion) {
      double se = Math.sqrt(dispersion * covUnscaled()[j][j]);
      double t = coefficients[j] / se;
      if (Double.isNaN(t) || dfResidual <= 0) {
        return Double.NaN;
      }
      return 2 * new TDistribution(null, dfResidual).cumulativeProbability(-Math.abs(t));
    }

    /** R {@code hatvalues(model)}: diagonal of the weighted hat matrix, values within 10 eps of 1 set to 1. */
    double[] hatValues() {
      int n = y.length;
      int p = p();
      double[] h = new double[n];
      double[] u = new double[p];
      for (int i = 0; i < n; i++) {
        double w = Math.sqrt(workingWeights[i]);
        // solve R' u = w x_i
        double s2 = 0;
        for (int j = 0; j < p; j++) {
          double s = w * x[i][j];
          for (int k = 0; k < j; k++) {
            s -= r[k][j] * u[k];
          }
          u[j] = s / r[j][j];
          s2 += u[j] * u[j];
        }
        h[i] = s2 > 1 - 10 * DBL_EPSILON ? 1 : s2;
      }
      return h;
    }

    /** Linear predictor x0'beta + offset0. */
    double linkPrediction(double[] x0, double offset0) {
      double eta = offset0;
      for (int j = 0; j < x0.length; j++) {
        eta += x0[j] * coefficients[j];
      }
      return eta;
    }

    /** Standard error of the linear predictor at x0 with the given dispersion (R {@code predict.lm} se). */
    double linkStandardError(double[] x0, double dispersion) {
      double[][] cov = covUnscaled();
      double q = 0;
      for (int i = 0; i < x0.length; i++) {
        for (int j = 0; j < x0.length; j++) {
          q += x0[i] * cov[i][j] * x0[j];
        }
      }
      return Math.sqrt(q * dispersion);
    }
  }

  /** Inverse link and its derivative: {@code pmax(exp(eta), DBL_EPSILON)}. */
  static double linkInverse(double eta) {
    return Math.max(Math.exp(eta), DBL_EPSILON);
  }

  /**
   * Fits the model.
   *
   * @param x            design, n rows by p columns (the intercept column included by the caller)
   * @param y            responses (counts), length n
   * @param priorWeights prior weights (&gt; 0), or null for all 1
   * @param offset       offset on the linear predictor scale, or null for none
   */
  static Fit fit(double[][] x, double[] y, double[] priorWeights, double[] offset) {
    int n = y.length;
    int p = x[0].length;
    double[] weights = priorWeights;
    if (weights == null) {
      weights = new double[n];
      java.util.Arrays.fill(weights, 1.0);
    }
    double[] eta = new double[n];
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      eta[i] = Math.log(y[i] + 0.1);
      mu[i] = linkInverse(eta[i]);
    }
    double devold = deviance(y, mu, weights);
    double[] w = new double[n];
    double[] z = new double[n];
    double[][] a = new double[p][n]; // column-major weighted design
    double[] coef = new double[p];
    double[][] r = new double[p][p];
    boolean converged = false;
    boolean rankDeficient = false;
    int iter = 0;
    for (iter = 1; iter <= MAX_ITERATIONS; iter++) {
      for (int i = 0; i < n; i++) {
        double muEta = linkInverse(eta[i]);
        double off = offset == null ? 0 : offset[i];
        z[i] = (eta[i] - off) + (y[i] - mu[i]) / muEta;
        w[i] = Math.sqrt(weights[i] * muEta * muEta / mu[i]);
      }
      for (int j = 0; j < p; j++) {
        double[] col = a[j];
        for (int i = 0; i < n; i++) {
          col[i] = x[i][j] * w[i];
        }
      }
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = z[i] * w[i];
      }
      rankDeficient = !householderSolve(a, b, r, coef);
      if (rankDeficient) {
        break;
      }
      boolean finite = true;
      for (double c : coef) {
        finite &= Double.isFinite(c);
      }
      if (!finite) {
        break;
      }
      for (int i = 0; i < n; i++) {
        double e = offset == null ? 0 : offset[i];
        for (int j = 0; j < p; j++) {
          e += x[i][j] * coef[j];
        }
        eta[i] = e;
        mu[i] = linkInverse(e);
      }
      double dev = deviance(y, mu, weights);
      if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < EPSILON) {
        converged = true;
        break;
      }
      devold = dev;
    }
    double[] wt = new double[n];
    double[] res = new double[n];
    int zeroWeights = 0;
    for (int i = 0; i < n; i++) {
      wt[i] = w[i] * w[i];
      res[i] = (y[i] - mu[i]) / linkInverse(eta[i]);
      if (weights[i] == 0) {
        zeroWeights++;
      }
    }
    int df = n - zeroWeights - p;
    return new Fit(
        x,
        y,
        offset,
        coef,
        mu,
        wt,
        res,
        r,
        converged && !rankDeficient,
        rankDeficient,
        Math.min(iter, MAX_ITERATIONS),
        df);
  }

  /** Quasi-Poisson deviance, R {@code quasipoisson()$dev.resids} summed. */
  static double deviance(double[] y, double[] mu, double[] wt) {
    double d = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] > 0) {
        d += wt[i] * (y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i]));
      } else {
        d += mu[i] * wt[i];
      }
    }
    return 2 * d;
  }

  /**
   * Least squares by Householder QR: overwrites a (columns) and b; fills r and coef.
   *
   * @return false when a column is negligible (rank deficient)
   */
  private static boolean householderSolve(double[][] a, double[] b, double[][] r, double[] coef) {
    int p = a.length;
    int n = b.length;
    double[] originalNorm = new double[p];
    for (int j = 0; j < p; j++) {
      originalNorm[j] = norm(a[j], 0, n);
    }
    for (int j = 0; j < p; j++) {
      double[] v = a[j];
      double nrm = norm(v, j, n);
      if (!(nrm > QR_TOLERANCE * originalNorm[j]) || nrm == 0) {
        return false;
      }
      double alpha = v[j] > 0 ? -nrm : nrm;
      v[j] -= alpha;
      double vtv = 0;
      for (int i = j; i < n; i++) {
        vtv += v[i] * v[i];
      }
      for (int k = j + 1; k < p; k++) {
        double[] c = a[k];
        double s = 0;
        for (int i = j; i < n; i++) {
          s += v[i] * c[i];
        }
        double f = 2 * s / vtv;
        for (int i = j; i < n; i++) {
          c[i] -= f * v[i];
        }
      }
      double s = 0;
      for (int i = j; i < n; i++) {
        s += v[i] * b[i];
      }
      double f = 2 * s / vtv;
      for (int i = j; i < n; i++) {
        b[i] -= f * v[i];
      }
      r[j][j] = alpha;
      for (int k = j + 1; k < p; k++) {
        r[j][k] = a[k][j];
      }
      for (int k = 0; k < j; k++) {
        r[j][k] = 0;
      }
    }
    for (int j = p - 1; j >= 0; j--) {
      double s = b[j];
      for (int k = j + 1; k < p; k++) {
        s -= r[j][k] * coef[k];
      }
      coef[j] = s / r[j][j];
    }
    return true;
  }

  private static double norm(double[] v, int from, int to) {
    double scale = 0;
    for (int i = from; i < to; i++) {
      scale = Math.max(scale, Math.abs(v[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < to; i++) {
      double t = v[i] / scale;
      s += t * t;
    }
    return scale * Math.sqrt(s);
  }
}
