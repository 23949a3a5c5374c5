package org.agrisafe.risk.score;

import java.util.List;

/**
 * The sampling history of one unit (producer, market, district).
 *
 * @param unitKey  unit identifier
 * @param samples  its judged samples; empty for a unit with no history (it gets the group prior, NO_HISTORY)
 */
public record UnitHistory(String unitKey, List<SampleOutcome> samples) {
  public UnitHistory {
    samples = samples == null ? List.of() : List.copyOf(samples);
  }
}
