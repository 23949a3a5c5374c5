/**
 * Aberration (outbreak) detection for count time series, reproducing R package {@code surveillance} 1.20.3
 * number for number.
 *
 * <p>Methods:
 * <ul>
 *   <li>{@link org.agrisafe.risk.aberration.FarringtonDetector}: Farrington et al. (1996), R {@code algo.farrington};</li>
 *   <li>{@link org.agrisafe.risk.aberration.FarringtonFlexibleDetector}: Noufaily et al. (2013), R
 *       {@code farringtonFlexible};</li>
 *   <li>{@link org.agrisafe.risk.aberration.EarsCDetector}: EARS C1, C2, C3 (Hutwagner et al. 2003), R {@code earsC};</li>
 *   <li>{@link org.agrisafe.risk.aberration.CusumDetector}: Rossi et al. (1999) CUSUM, R {@code algo.cusum}.</li>
 * </ul>
 *
 * <p>Input is a {@link org.agrisafe.risk.aberration.CountSeries} (counts per period, optional number of samples tested
 * per period, frequency 52 or 12, optional period start dates) and a 1-based inclusive range of indices to evaluate.
 * Output is an {@link org.agrisafe.risk.aberration.AberrationResult}: one
 * {@link org.agrisafe.risk.aberration.AberrationPoint} per evaluated index. Where R writes {@code NA} (or, in
 * {@code algo.farrington}, a placeholder 0) the upperbound is an empty {@link java.util.OptionalDouble} and
 * {@link org.agrisafe.risk.aberration.ThresholdStatus} says why; no {@code NaN} is ever returned as a threshold.
 * A history too short for the method is an {@link java.lang.IllegalArgumentException} naming the series.
 *
 * <p>Weekly series have 52 periods a year, as R {@code surveillance} expects: ISO week 53 must be merged into week 52
 * by the caller (docs/conventions.md §13.6).
 */
package org.agrisafe.risk.aberration;
