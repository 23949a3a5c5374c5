package org.agrisafe.risk.score;

/**
 * The Beta(α, β) prior fitted across units.
 *
 * @param method               how it was obtained
 * @param alpha                α
 * @param beta                 β
 * @param groupRate            m = Σ x_i / Σ n_i (weighted), the prior mean except for the Jeffreys fallback
 * @param betweenUnitVariance  s² = Σ n_i (p_i − m)² / Σ n_i; NaN when not computed
 * @param priorVariance        φ = s² − m(1 − m)/n̄; NaN when not computed
 * @param unitsUsed            units with samples used in the fit
 * @param message              a sentence for the panel
 */
public record PriorFit(
    Method method,
    double alpha,
    double beta,
    double groupRate,
    double betweenUnitVariance,
    double priorVariance,
    int unitsUsed,
    String message) {

  /** How the prior was obtained. */
  public enum Method {
    /** Method of moments across units (Marshall 1991, binomial variance). */
    METHOD_OF_MOMENTS,
    /** φ ≤ 0: no extra-binomial variation; prior centred on m with α + β = Σ n_i. */
    NO_EXTRA_BINOMIAL_VARIATION,
    /** Fewer units than {@code minUnitsForPrior}: weak prior centred on m. */
    FALLBACK_TOO_FEW_UNITS,
    /** Group rate 0 or 1 (or no samples at all): Jeffreys Beta(0.5, 0.5). */
    FALLBACK_JEFFREYS
  }

  /** Prior mean α / (α + β). */
  public double mean() {
    return alpha / (alpha + beta);
  }
}
