package org.agrisafe.intake.model;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one adapter run produced: accepted samples and results (in source order), rejected records, and the
 * reconciliation report. Every result's {@code sampleId} is among {@code samples}.
 */
public record IngestBatch(
    List<ParsedSample> samples,
    List<ParsedResult> results,
    List<RejectedRecord> rejected,
    IngestReport report)
    implements Serializable {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if the report is null
   * @throws IllegalArgumentException if a result's sample is not among the samples
   */
  public IngestBatch {
    samples = List.copyOf(samples);
    results = List.copyOf(results);
    rejected = List.copyOf(rejected);
    Objects.requireNonNull(report, "report");
    Set<String> ids = new HashSet<>();
    for (ParsedSample s : samples) {
      ids.add(s.sampleId());
    }
    for (ParsedResult r : results) {
      if (!ids.contains(r.sampleId())) {
        throw new IllegalArgumentException(
            "Result "
                + r.resultId()
                + " refers to sample "
                + r.sampleId()
                + ", which is not in the batch: expected every result's sample among the samples");
      }
    }
  }

  @Override
  public String toString() {
    return "IngestBatch{samples="
        + samples.size()
        + ", results="
        + results.size()
        + ", rejected="
        + rejected.size()
        + "}\n"
        + report;
  }
}
