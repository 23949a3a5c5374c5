package org.agrisafe.intake.model;

/**
 * What one source row (CSV row or JSON line) turned out to be. Every row read is counted as exactly one kind;
 * {@link IngestReport#reconcile()} checks that the counts add up to the rows read.
 */
public enum RowKind {
  /** First row of an accepted sample (carries the sample fields; may also carry its first result). */
  SAMPLE_HEADER,
  /** A further row of an accepted sample (a further result, or a correction of one). */
  CONTINUATION,
  /** A heading, sub-group label or footnote inside the data (no sample, no result). */
  LABEL_ROW,
  /** An empty row or line. */
  BLANK,
  /** A row that repeats one already ingested (same natural key); counted, never kept twice. */
  DUPLICATE,
  /** A row that was not ingested; each has at least one {@link RejectedRecord}. */
  REJECTED
}
