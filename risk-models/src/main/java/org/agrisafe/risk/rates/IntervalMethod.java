package org.agrisafe.risk.rates;

/** How a {@link BinomialInterval} was computed. */
public enum IntervalMethod {
  /**
   * Wilson score interval without continuity correction: Wilson, E. B. (1927) "Probable inference, the law of
   * succession, and statistical inference", JASA 22(158):209-212; identical to R {@code prop.test(x, n, correct =
   * FALSE)$conf.int}.
   */
  WILSON,
  /**
   * Clopper-Pearson "exact" interval: Clopper, C. J. and Pearson, E. S. (1934) "The use of confidence or fiducial
   * limits illustrated in the case of the binomial", Biometrika 26(4):404-413; identical to R {@code
   * binom.test(x, n)$conf.int}.
   */
  CLOPPER_PEARSON
}
