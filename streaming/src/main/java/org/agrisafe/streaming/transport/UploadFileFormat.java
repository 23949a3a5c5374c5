package org.agrisafe.streaming.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.ingest.UploadAdapter;
import org.agrisafe.intake.ingest.UploadFileRecords;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;

/**
 * Reads one upload file of a watched directory (JSON Lines {@code .jsonl}/{@code .ndjson} or CSV {@code .csv},
 * UTF-8, docs/formats/upload-format.md) into {@link UploadEnvelope}s, one per record, split as the batch adapter
 * splits them ({@link UploadFileRecords}: blank lines and rows are not records and give no envelope; numbering
 * as in the batch); CSV rows become the same JSON object as a JSON line. Files are not split; on restore the
 * records already emitted are skipped (Flink's checkpointed position), so each record enters the stream once per
 * successful checkpoint. A CSV row with the wrong number of cells is passed on as its raw text and rejected
 * downstream (field {@code line}).
 */
public class UploadFileFormat implements BulkFormat<UploadEnvelope, FileSourceSplit> {

  @Override
  public Reader<UploadEnvelope> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return reader(split, 0);
  }

  @Override
  public Reader<UploadEnvelope> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    long skip =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return reader(split, skip);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<UploadEnvelope> getProducedType() {
    return TypeInformation.of(UploadEnvelope.class);
  }

  private static Reader<UploadEnvelope> reader(FileSourceSplit split, long skip)
      throws IOException {
    Path path = split.path();
    byte[] bytes;
    long modified;
    try (FSDataInputStream in = path.getFileSystem().open(path)) {
      bytes = readAll(in);
      modified = path.getFileSystem().getFileStatus(path).getModificationTime();
    }
    List<UploadEnvelope> records =
        parse(path.getName(), new String(bytes, StandardCharsets.UTF_8), modified);
    return new Reader<>() {
      boolean done;

      @Override
      public RecordIterator<UploadEnvelope> readBatch() {
        if (done) {
          return null;
        }
        done = true;
        var it = records.iterator();
        for (long i = 0; i < skip && it.hasNext(); i++) {
          it.next();
        }
        return new IteratorResultIterator<>(it, CheckpointedPosition.NO_OFFSET, skip);
      }

      @Override
      public void close() {}
    };
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  /**
   * The envelopes of one upload file's text.
   *
   * @param name file name (decides the format: see {@link UploadAdapter.Format#of})
   * @param text the file's text
   * @param receivedAtMs receipt instant of the file, epoch ms UTC
   * @throws IllegalArgumentException if the name has no upload extension or the CSV header is invalid
   */
  public static List<UploadEnvelope> parse(String name, String text, long receivedAtMs) {
    UploadAdapter.Format format = UploadAdapter.Format.of(java.nio.file.Path.of(name));
    List<UploadEnvelope> out = new ArrayList<>();
    UploadFileRecords.Visitor visitor =
        new UploadFileRecords.Visitor() {
          @Override
          public void blank(long line) {
            // not a record (docs/formats/upload-format.md): no envelope, so neither accepted nor
            // rejected
          }

          @Override
          public void jsonLine(long line, String json) {
            out.add(new UploadEnvelope(name, line, json, receivedAtMs, null));
          }

          @Override
          public void csvRecord(long line, Map<String, String> fields) {
            out.add(
                new UploadEnvelope(name, line, UploadJson.toPayload(fields), receivedAtMs, null));
          }

          @Override
          public void csvCellCount(long line, List<String> cells, int expected) {
            out.add(new UploadEnvelope(name, line, String.join(",", cells), receivedAtMs, null));
          }
        };
    try {
      UploadFileRecords.read(format, text, visitor);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot parse CSV upload " + name + ": " + e.getMessage(), e);
    }
    return out;
  }
}
