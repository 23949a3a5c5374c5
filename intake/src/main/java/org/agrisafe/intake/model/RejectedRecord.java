package org.agrisafe.intake.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A row (or part of a row) that was not ingested, with the reason. Nothing is dropped silently: every
 * {@link RowKind#REJECTED} row has at least one of these.
 *
 * @param sourceSystem the source
 * @param sourceFile file name (no directory)
 * @param sourceLine 1-based row in the file (CSV: header is row 1)
 * @param recordKey the sample or result ID if known, else null
 * @param field the field at fault (source column name), or {@code sample} when a whole sample is rejected
 *     because of another row
 * @param reason what is wrong and what was expected
 * @param rawText the offending text as read (may be the whole row), nullable
 */
public record RejectedRecord(
    SourceSystem sourceSystem,
    String sourceFile,
    long sourceLine,
    String recordKey,
    String field,
    String reason,
    String rawText)
    implements Serializable {

  /** @throws NullPointerException if sourceSystem, field or reason is null */
  public RejectedRecord {
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return sourceSystem
        + " "
        + sourceFile
        + ":"
        + sourceLine
        + (recordKey == null ? "" : " [" + recordKey + "]")
        + " "
        + field
        + ": "
        + reason
        + (rawText == null ? "" : " <" + rawText + ">");
  }
}
