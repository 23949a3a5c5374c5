package org.agrisafe.jobs.rates;

import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The 95 % Wilson score interval as Spark column expressions, evaluated on aggregated counts (one row per group),
 * so that the interval is generated code rather than a Java UDF call per group.
 *
 * <p>Source: Wilson, E. B. (1927) "Probable inference, the law of succession, and statistical inference", Journal
 * of the American Statistical Association 22(158):209-212, computed exactly as
 * {@link org.agrisafe.risk.rates.BinomialIntervals#wilson(long, long)} (R {@code stats::prop.test(x, n, correct =
 * FALSE)}), which stays the reference; {@code WilsonColumnsTest} checks both agree on {@code golden/binomial}.
 *
 * <p>Algorithm, with p = x / n, z = Φ⁻¹(0.975) and c = z² / (2n): lower = 0 if x = 0, else
 * (p + c − z·√(p(1−p)/n + c/(2n))) / (1 + 2c); upper = 1 if x = n, else (p + c + z·√(…)) / (1 + 2c); both
 * clamped to [0, 1]. Output: a double column, a proportion in [0, 1]; null when n = 0 or either input is null (an
 * empty group has no rate).
 */
public final class WilsonColumns {
  private WilsonColumns() {}

  /** Φ⁻¹(0.975), the two-sided 95 % normal quantile. */
  public static final double Z_95 = 1.959963984540054;

  /** Lower bound for numerator {@code x} and denominator {@code n} (long columns, 0 ≤ x ≤ n). */
  public static Column lower(Column x, Column n) {
    return bound(x, n, -1);
  }

  /** Upper bound for numerator {@code x} and denominator {@code n} (long columns, 0 ≤ x ≤ n). */
  public static Column upper(Column x, Column n) {
    return bound(x, n, +1);
  }

  private static Column bound(Column x, Column n, int sign) {
    Column nd = n.cast("double");
    Column p = x.cast("double").divide(nd);
    Column c = lit(Z_95 * Z_95 / 2.0).divide(nd);
    Column half =
        lit(Z_95)
            .multiply(
                sqrt(p.multiply(lit(1.0).minus(p)).divide(nd).plus(c.divide(nd.multiply(2.0)))));
    Column raw = p.plus(c).plus(half.multiply(sign)).divide(lit(1.0).plus(c.multiply(2.0)));
    Column clamped = greatest(lit(0.0), least(lit(1.0), raw));
    Column edge = sign < 0 ? x.equalTo(0) : x.equalTo(n);
    return when(n.isNull().or(x.isNull()).or(n.leq(0)), lit(null).cast("double"))
        .when(edge, lit(sign < 0 ? 0.0 : 1.0))
        .otherwise(clamped);
  }
}
