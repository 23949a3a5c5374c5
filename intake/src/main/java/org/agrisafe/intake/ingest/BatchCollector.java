package org.agrisafe.intake.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.IngestReport;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.model.SourceSystem;

/** Accumulates one adapter run and builds the reconciled {@link IngestBatch} (shared by all adapters). */
public final class BatchCollector {

  private final SourceSystem sourceSystem;
  private final List<String> files = new ArrayList<>();
  private final Map<RowKind, Long> rowCounts = new EnumMap<>(RowKind.class);
  private final List<ParsedSample> samples = new ArrayList<>();
  private final List<ParsedResult> results = new ArrayList<>();
  private final List<RejectedRecord> rejected = new ArrayList<>();
  private long rowsRead;
  private long samplesReceived;
  private long samplesRejected;

  BatchCollector(SourceSystem sourceSystem) {
    this.sourceSystem = sourceSystem;
  }

  SourceSystem sourceSystem() {
    return sourceSystem;
  }

  void file(String name) {
    files.add(name);
  }

  /** Counts one row read as {@code kind}. */
  void row(RowKind kind) {
    rowsRead++;
    rowCounts.merge(kind, 1L, Long::sum);
  }

  void sampleReceived() {
    samplesReceived++;
  }

  void sampleRejected() {
    samplesRejected++;
  }

  void accept(ParsedSample sample) {
    samples.add(sample);
  }

  void accept(ParsedResult result) {
    results.add(result);
  }

  void reject(RejectedRecord record) {
    rejected.add(record);
  }

  List<ParsedResult> results() {
    return results;
  }

  /**
   * Builds the batch and reconciles its report.
   *
   * @throws IllegalStateException if the report does not reconcile (a bug in the adapter)
   */
  IngestBatch build() {
    IngestReport report =
        new IngestReport(
            sourceSystem,
            files,
            rowsRead,
            rowCounts,
            samplesReceived,
            samples.size(),
            samplesRejected,
            results.size(),
            rejected.size());
    return new IngestBatch(samples, results, rejected, report.reconcile());
  }
}
