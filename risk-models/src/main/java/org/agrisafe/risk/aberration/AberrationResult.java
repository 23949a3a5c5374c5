package org.agrisafe.risk.aberration;

import java.util.List;

/**
 * Output of a detector run: one {@link AberrationPoint} per evaluated index, in index order.
 *
 * @param seriesName name of the series analysed
 * @param method     method and its main parameters, in R's naming (e.g. {@code farrington(3,0,5)})
 * @param points     one point per index of the evaluated range, ascending
 */
public record AberrationResult(String seriesName, String method, List<AberrationPoint> points) {

  public AberrationResult {
    points = List.copyOf(points);
  }

  /** Point for 1-based {@code index}. @throws IllegalArgumentException when the index was not evaluated */
  public AberrationPoint at(int index) {
    if (points.isEmpty()
        || index < points.get(0).index()
        || index > points.get(points.size() - 1).index()) {
      throw new IllegalArgumentException(
          "Series '" + seriesName + "': index " + index + " was not evaluated by " + method);
    }
    return points.get(index - points.get(0).index());
  }

  /** Number of alarms raised. */
  public long alarmCount() {
    return points.stream().filter(AberrationPoint::alarm).count();
  }
}
