package org.agrisafe.risk.score;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.agrisafe.risk.common.NotAssessed;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Producer and region failure-rate scores: a beta-binomial model with an empirical-Bayes Beta prior fitted across
 * units, ranking by the posterior probability that the true rate exceeds a target.
 *
 * <p>Sources: Marshall R.J. (1991) Mapping disease and mortality rates using empirical Bayes estimators. Journal of
 * the Royal Statistical Society C (Applied Statistics) 40(2):283–294, section 3 (global method-of-moments estimator:
 * m = Σx/Σn, s² = Σ n_i (p_i − m)²/Σ n_i, prior variance φ = s² − m/n̄, φ set to 0 when negative; the same estimator
 * as R {@code spdep::EBest}); here with the binomial sampling variance m(1 − m)/n̄ in place of the Poisson m/n̄, as in
 * Kleinman J.C. (1973) Proportions with extraneous variance: single and independent samples. JASA 68(341):46–54.
 * Beta-binomial conjugacy: Gelman A. et al. (2013) Bayesian Data Analysis, 3rd ed., section 2.4 and 5.3.
 *
 * <p>Steps:
 * <ol>
 *   <li>Recency weight of a sample t days before {@code asOf}: w = 0.5^(t / halfLife) (default half-life 365 days);
 *       n_i = Σ w, x_i = Σ w·failed, banned_i = Σ w·bannedFinding.</li>
 *   <li>Prior over units with n_i &gt; 0 (k units): m = Σx_i/Σn_i; if m is 0 or 1 → Jeffreys Beta(0.5, 0.5)
 *       ({@code FALLBACK_JEFFREYS}); else if k &lt; minUnitsForPrior (default 5) → Beta(m·k0, (1−m)·k0), k0 =
 *       fallbackPriorStrength (default 2) ({@code FALLBACK_TOO_FEW_UNITS}); else s² and φ as above with n̄ = Σn_i/k;
 *       φ ≤ 0 → α + β = Σ n_i ({@code NO_EXTRA_BINOMIAL_VARIATION}: the data show no between-unit variation, the
 *       prior weighs as much as all the data); otherwise α + β = m(1−m)/φ − 1 (floored at a tiny positive value), α =
 *       m(α+β), β = (1−m)(α+β) ({@code METHOD_OF_MOMENTS}).</li>
 *   <li>Posterior of unit i: Beta(α + x_i, β + n_i − x_i); posterior mean; P(rate &gt; target) = 1 − I_target(α′,
 *       β′) (regularized incomplete beta).</li>
 *   <li>Units with no samples: posterior = prior, status NO_HISTORY.</li>
 *   <li>Rank by P(rate &gt; target) descending, then posterior mean descending, then unit key.</li>
 * </ol>
 * Banned-substance findings are reported as their own component and do not enter the rate or the ranking: a panel
 * reads them beside it (an illegal-use signal is not a rate).
 *
 * <p>Output: {@link ScoreReport}. Bad input — a null sample date, a date after {@code asOf}, a duplicate unit key —
 * puts that unit in {@code notAssessed}; an empty list of units gives no scores and one {@link NotAssessed}
 * ("group"). Nothing throws for bad records; null arguments throw {@link NullPointerException}.
 */
public final class BetaBinomialScores {
  private static final double MIN_PRIOR_STRENGTH = 1e-6;

  private BetaBinomialScores() {}

  private record Weighted(
      UnitHistory unit, int n, int failures, int banned, double wn, double wx, double wb) {}

  /** Scores and ranks {@code units} as of the local date {@code asOf}. */
  public static ScoreReport score(List<UnitHistory> units, LocalDate asOf, ScoreParameters p) {
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(p, "p");
    List<NotAssessed> notAssessed = new ArrayList<>();
    if (units.isEmpty()) {
      notAssessed.add(new NotAssessed("group", "empty group: no units to score"));
      PriorFit none =
          new PriorFit(
              PriorFit.Method.FALLBACK_JEFFREYS,
              0.5,
              0.5,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              0,
              "no units: Jeffreys prior, nothing scored");
      return new ScoreReport(none, p.targetRate(), List.of(), notAssessed);
    }
    List<Weighted> ok = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (UnitHistory u : units) {
      String key = "unit=" + u.unitKey();
      if (u.unitKey() == null || u.unitKey().isBlank()) {
        notAssessed.add(new NotAssessed(key, "unit key is empty: expected an identifier"));
        continue;
      }
      if (!keys.add(u.unitKey())) {
        notAssessed.add(
            new NotAssessed(
                key, "duplicate unit key: expected each unit once (later entry skipped)"));
        continue;
      }
      String problem = null;
      int n = 0;
      int f = 0;
      int b = 0;
      double wn = 0;
      double wx = 0;
      double wb = 0;
      for (SampleOutcome s : u.samples()) {
        if (s == null || s.sampleDate() == null) {
          problem = "a sample has no date: expected a sampling date for recency weighting";
          break;
        }
        if (s.sampleDate().isAfter(asOf)) {
          problem =
              "sample date "
                  + s.sampleDate()
                  + " is after the as-of date "
                  + asOf
                  + ": expected dates on or before it";
          break;
        }
        int c = s.count();
        double w =
            recencyWeight(ChronoUnit.DAYS.between(s.sampleDate(), asOf), p.halfLifeDays()) * c;
        n += c;
        wn += w;
        if (s.failed()) {
          f += c;
          wx += w;
        }
        if (s.bannedFinding()) {
          b += c;
          wb += w;
        }
      }
      if (problem != null) {
        notAssessed.add(new NotAssessed(key, problem));
        continue;
      }
      ok.add(new Weighted(u, n, f, b, wn, wx, wb));
    }
    double[] ns = ok.stream().filter(w -> w.n() > 0).mapToDouble(Weighted::wn).toArray();
    double[] xs = ok.stream().filter(w -> w.n() > 0).mapToDouble(Weighted::wx).toArray();
    PriorFit prior = fitPrior(xs, ns, p);
    List<UnitScore> scores = new ArrayList<>();
    for (Weighted w : ok) {
      double a1 = prior.alpha() + w.wx();
      double b1 = prior.beta() + w.wn() - w.wx();
      double pAbove =
          1.0 - new BetaDistribution(null, a1, b1).cumulativeProbability(p.targetRate());
      scores.add(
          new UnitScore(
              w.unit().unitKey(),
              w.n() == 0 ? UnitScore.Status.NO_HISTORY : UnitScore.Status.SCORED,
              w.n(),
              w.failures(),
              w.banned(),
              w.wn(),
              w.wx(),
              w.wb(),
              w.n() == 0 ? null : (double) w.failures() / w.n(),
              a1,
              b1,
              a1 / (a1 + b1),
              pAbove,
              0));
    }
    scores.sort(
        Comparator.comparingDouble(UnitScore::probabilityAboveTarget)
            .reversed()
            .thenComparing(Comparator.comparingDouble(UnitScore::posteriorMean).reversed())
            .thenComparing(UnitScore::unitKey));
    List<UnitScore> ranked = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      UnitScore s = scores.get(i);
      ranked.add(
          new UnitScore(
              s.unitKey(),
              s.status(),
              s.samples(),
              s.failures(),
              s.bannedFindings(),
              s.weightedSamples(),
              s.weightedFailures(),
              s.weightedBannedFindings(),
              s.observedRate(),
              s.posteriorAlpha(),
              s.posteriorBeta(),
              s.posteriorMean(),
              s.probabilityAboveTarget(),
              i + 1));
    }
    return new ScoreReport(prior, p.targetRate(), ranked, notAssessed);
  }

  /** Recency weight 0.5^(ageDays / halfLifeDays); 1 when the half-life is infinite. */
  public static double recencyWeight(double ageDays, double halfLifeDays) {
    if (!(ageDays >= 0)) {
      throw new IllegalArgumentException("Age is " + ageDays + " days: expected >= 0");
    }
    if (Double.isInfinite(halfLifeDays)) {
      return 1.0;
    }
    return Math.pow(0.5, ageDays / halfLifeDays);
  }

  /**
   * Fits the Beta prior from (weighted) failures x_i and samples n_i of units with n_i &gt; 0; see step 2 of the
   * class comment.
   */
  public static PriorFit fitPrior(double[] x, double[] n, ScoreParameters p) {
    if (x.length != n.length) {
      throw new IllegalArgumentException(
          "Got "
              + x.length
              + " failure counts and "
              + n.length
              + " sample counts: expected equal lengths");
    }
    int k = n.length;
    double sumN = 0;
    double sumX = 0;
    for (int i = 0; i < k; i++) {
      if (!(n[i] > 0) || !(x[i] >= 0) || x[i] > n[i]) {
        throw new IllegalArgumentException(
            "Unit " + i + " has x=" + x[i] + ", n=" + n[i] + ": expected n > 0 and 0 <= x <= n");
      }
      sumN += n[i];
      sumX += x[i];
    }
    if (k == 0 || sumX == 0 || sumX == sumN) {
      double m = k == 0 ? Double.NaN : sumX / sumN;
      return new PriorFit(
          PriorFit.Method.FALLBACK_JEFFREYS,
          0.5,
          0.5,
          m,
          Double.NaN,
          Double.NaN,
          k,
          "group rate is "
              + (k == 0 ? "undefined (no samples)" : m)
              + ": a Beta prior centred on it is degenerate, Jeffreys Beta(0.5, 0.5) used");
    }
    double m = sumX / sumN;
    if (k < p.minUnitsForPrior()) {
      double k0 = p.fallbackPriorStrength();
      return new PriorFit(
          PriorFit.Method.FALLBACK_TOO_FEW_UNITS,
          m * k0,
          (1 - m) * k0,
          m,
          Double.NaN,
          Double.NaN,
          k,
          k
              + " units with samples, fewer than "
              + p.minUnitsForPrior()
              + ": weak prior centred on the group rate with "
              + k0
              + " pseudo-samples");
    }
    double s2 = 0;
    for (int i = 0; i < k; i++) {
      double d = x[i] / n[i] - m;
      s2 += n[i] * d * d;
    }
    s2 /= sumN;
    double nBar = sumN / k;
    double phi = s2 - m * (1 - m) / nBar;
    if (phi <= 0) {
      return new PriorFit(
          PriorFit.Method.NO_EXTRA_BINOMIAL_VARIATION,
          m * sumN,
          (1 - m) * sumN,
          m,
          s2,
          phi,
          k,
          "no between-unit variation beyond binomial noise (phi <= 0): units shrunk towards the group rate with "
              + "a prior as strong as all the data");
    }
    double strength = Math.max(m * (1 - m) / phi - 1, MIN_PRIOR_STRENGTH);
    return new PriorFit(
        PriorFit.Method.METHOD_OF_MOMENTS,
        m * strength,
        (1 - m) * strength,
        m,
        s2,
        phi,
        k,
        "method of moments over "
            + k
            + " units: prior mean "
            + m
            + ", prior strength alpha+beta "
            + strength);
  }
}
