package org.agrisafe.streaming;

import java.util.Objects;

/**
 * An uploaded record that has just become the current revision of its result ({@link ResultProcessor#CURRENT}),
 * as a Flink POJO: the input of {@link SampleProcessor}. {@code sampleId} and {@code resultId} are the stored IDs
 * ({@code PLATFORM_UPLOAD:<lab's ID>}); {@code envelope} is the record as received, so that the sample operator
 * parses it with the same code ({@link org.agrisafe.lakehouse.ingest.UploadRecords#parse}) and keeps the sample's
 * attributes (programme, place, lab), which the rows of {@code monitoring.results} do not carry.
 */
public class CurrentRecord {
  public String sampleId;
  public String resultId;
  public int revision;
  public UploadEnvelope envelope;

  public CurrentRecord() {}

  public CurrentRecord(String sampleId, String resultId, int revision, UploadEnvelope envelope) {
    this.sampleId = sampleId;
    this.resultId = resultId;
    this.revision = revision;
    this.envelope = envelope;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CurrentRecord c && revision == c.revision && Objects.equals(sampleId, c.sampleId)
        && Objects.equals(resultId, c.resultId) && Objects.equals(envelope, c.envelope);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sampleId, resultId, revision, envelope);
  }

  @Override
  public String toString() {
    return resultId + " rev " + revision + " of " + sampleId;
  }
}
