package org.agrisafe.risk.aberration;

/** A detector evaluates a 1-based inclusive range of a count series. Implementations are immutable and thread-safe. */
public interface AberrationDetector {

  /**
   * @param series    the series
   * @param rangeFirst first 1-based index to evaluate
   * @param rangeLast  last 1-based index to evaluate (inclusive)
   * @return one point per index in {@code rangeFirst..rangeLast}
   * @throws IllegalArgumentException naming the series when the range is invalid or the history before
   *                                  {@code rangeFirst} is shorter than the method needs
   */
  AberrationResult detect(CountSeries series, int rangeFirst, int rangeLast);
}
