package org.agrisafe.streaming.job;

import java.util.Arrays;
import java.util.Objects;
import org.agrisafe.streaming.transport.UploadEnvelope;

/**
 * An uploaded record that has just become the current revision of its result ({@link ResultProcessor#CURRENT}),
 * as a Flink POJO: the input of {@link SampleProcessor}. {@code sampleId} and {@code resultId} are the stored IDs
 * ({@code PLATFORM_UPLOAD:<lab's ID>}); {@code record} is the record as received ({@link UploadEnvelope#toBytes}:
 * bytes cross the network and go into the sample operator's state in one piece), so that the sample operator
 * parses it with the same code ({@link org.agrisafe.intake.ingest.UploadRecords#parse}) and keeps the sample's
 * attributes (programme, place, lab), which the rows of {@code monitoring.results} do not carry.
 */
public class CurrentRecord {
  public String sampleId;
  public String resultId;
  public int revision;

  /** The envelope as {@link UploadEnvelope#toBytes}. */
  public byte[] record;

  public CurrentRecord() {}

  public CurrentRecord(String sampleId, String resultId, int revision, UploadEnvelope envelope) {
    this.sampleId = sampleId;
    this.resultId = resultId;
    this.revision = revision;
    this.record = envelope.toBytes();
  }

  /** The envelope of {@link #record}. */
  public UploadEnvelope envelope() {
    return UploadEnvelope.fromBytes(record);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CurrentRecord c
        && revision == c.revision
        && Objects.equals(sampleId, c.sampleId)
        && Objects.equals(resultId, c.resultId)
        && Arrays.equals(record, c.record);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sampleId, resultId, revision) * 31 + Arrays.hashCode(record);
  }

  @Override
  public String toString() {
    return resultId + " rev " + revision + " of " + sampleId;
  }
}
