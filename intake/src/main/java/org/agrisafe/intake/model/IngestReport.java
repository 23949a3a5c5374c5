package org.agrisafe.intake.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reconciliation of one ingest run, at two levels:
 * <ol>
 *   <li>source rows: every row read is exactly one {@link RowKind}; the counts must sum to {@code rowsRead};</li>
 *   <li>samples: {@code samplesReceived == samplesAccepted + samplesRejected}.</li>
 * </ol>
 * A received sample is a distinct sample identity met in the input (duplicates of an already received sample
 * are not received again). {@link #reconcile()} checks both and throws with the figures if they do not add up.
 *
 * @param sourceSystem the source
 * @param sourceFiles the files read, in reading order (names only)
 * @param rowsRead data rows read (CSV header rows excluded; JSON Lines: all lines)
 * @param rowCounts rows per kind (all kinds present, zero where none)
 * @param samplesReceived distinct samples met
 * @param samplesAccepted samples in the batch
 * @param samplesRejected samples rejected whole
 * @param resultsAccepted results in the batch (superseded revisions included)
 * @param rejectedRecords number of {@link RejectedRecord}s
 */
public record IngestReport(
    SourceSystem sourceSystem,
    List<String> sourceFiles,
    long rowsRead,
    Map<RowKind, Long> rowCounts,
    long samplesReceived,
    long samplesAccepted,
    long samplesRejected,
    long resultsAccepted,
    long rejectedRecords)
    implements Serializable {

  /** Copies the collections; missing row kinds are filled with 0. */
  public IngestReport {
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    sourceFiles = List.copyOf(sourceFiles);
    EnumMap<RowKind, Long> counts = new EnumMap<>(RowKind.class);
    for (RowKind k : RowKind.values()) {
      counts.put(k, rowCounts == null ? 0L : rowCounts.getOrDefault(k, 0L));
    }
    rowCounts = Collections.unmodifiableMap(counts);
  }

  /** Rows of one kind. */
  public long rows(RowKind kind) {
    return rowCounts.get(kind);
  }

  /**
   * Checks both reconciliation levels.
   *
   * @return this report, for chaining
   * @throws IllegalStateException naming the figures when the row counts do not sum to {@code rowsRead} or
   *     received samples differ from accepted + rejected
   */
  public IngestReport reconcile() {
    long sum = 0;
    for (long c : rowCounts.values()) {
      sum += c;
    }
    if (sum != rowsRead) {
      throw new IllegalStateException(
          "Row reconciliation failed for "
              + sourceSystem
              + " "
              + sourceFiles
              + ": row kinds "
              + rowCounts
              + " sum to "
              + sum
              + ", expected rows read "
              + rowsRead);
    }
    if (samplesReceived != samplesAccepted + samplesRejected) {
      throw new IllegalStateException(
          "Sample reconciliation failed for "
              + sourceSystem
              + " "
              + sourceFiles
              + ": received "
              + samplesReceived
              + ", expected accepted "
              + samplesAccepted
              + " + rejected "
              + samplesRejected
              + " = "
              + (samplesAccepted + samplesRejected));
    }
    return this;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Ingest report ").append(sourceSystem).append('\n');
    sb.append("  files            ").append(sourceFiles).append('\n');
    sb.append("  rows read        ").append(rowsRead).append('\n');
    for (Map.Entry<RowKind, Long> e : rowCounts.entrySet()) {
      sb.append(String.format("    %-14s %d%n", e.getKey(), e.getValue()));
    }
    sb.append("  samples received ").append(samplesReceived).append('\n');
    sb.append("    accepted       ").append(samplesAccepted).append('\n');
    sb.append("    rejected       ").append(samplesRejected).append('\n');
    sb.append("  results accepted ").append(resultsAccepted).append('\n');
    sb.append("  rejected records ").append(rejectedRecords).append('\n');
    return sb.toString();
  }
}
