package org.agrisafe.intake.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.model.SourceSystem;

/**
 * Reads one file of the platform's upload format ({@code docs/formats/upload-format.md}): JSON Lines
 * ({@code .jsonl}, {@code .ndjson}) or CSV ({@code .csv}), optionally gzipped ({@code .gz} suffix ignored for the
 * format; gzip detected from the content). Each record is validated by {@link UploadRecords#parse}; this class
 * adds what needs more than one record:
 * <ul>
 *   <li>the same (result_id, revision) again with the same content: {@link RowKind#DUPLICATE}, kept once;
 *       with different content: rejected (a correction must raise the revision);</li>
 *   <li>a higher revision of a result_id is a correction: both are kept, the lower ones marked
 *       {@link ParsedResult#superseded()};</li>
 *   <li>records of one sample_id must agree on the sample fields; the first valid record makes the sample
 *       ({@link RowKind#SAMPLE_HEADER}), the others are {@link RowKind#CONTINUATION}, a disagreeing one is
 *       rejected.</li>
 * </ul>
 * A bad record rejects only itself (the upload unit is the result record; the lab resends it). Samples: received =
 * distinct sample IDs met (a rejected record without a sample ID counts as one sample of its own); accepted =
 * those with at least one valid record; rejected = the others.
 *
 * <p>Records are split by {@link UploadFileRecords} and JSON lines read by {@link UploadJsonFields}, as in the
 * stream. A blank line or row is not a record: it is neither accepted nor rejected and meets no sample; it is
 * counted as a {@link RowKind#BLANK} row only so that the row kinds sum to the lines read. Hence records =
 * rows read &minus; BLANK = accepted records (SAMPLE_HEADER + CONTINUATION + DUPLICATE) + REJECTED, the stream's
 * received = accepted + rejected. A line that is not one JSON object of scalars is rejected with field
 * {@code line} and the stream's reason ({@link UploadJsonFields#rejectedUnreadable}).
 */
public final class UploadAdapter {

  private UploadAdapter() {}

  /** Upload file formats. */
  public enum Format {
    JSON_LINES,
    CSV;

    /**
     * The format from the file name: {@code .jsonl}/{@code .ndjson} or {@code .csv}, after an optional
     * {@code .gz}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Format of(Path file) {
      String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".gz")) {
        n = n.substring(0, n.length() - 3);
      }
      if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
        return JSON_LINES;
      }
      if (n.endsWith(".csv")) {
        return CSV;
      }
      throw new IllegalArgumentException(
          "Cannot tell the upload format of '"
              + file.getFileName()
              + "': expected a name ending in .jsonl, .ndjson or .csv (optionally .gz)");
    }
  }

  /**
   * Reads an upload file.
   *
   * @param file the file
   * @param charset the text encoding, or null to detect it: strict UTF-8 if the bytes are valid UTF-8, else GBK
   * @param zone the deployment's zone ({@code LakehouseConfig.zone()}), in which each sample's date and month are
   *     cut from its {@code sampled_at} (docs/conventions.md §13.2)
   * @return the reconciled batch
   * @throws UncheckedIOException if the file cannot be read or decoded in the given charset (or GBK)
   * @throws IllegalArgumentException if the format cannot be told from the name
   */
  public static IngestBatch read(Path file, Charset charset, ZoneId zone) {
    Format format = Format.of(file);
    String name = file.getFileName().toString();
    String text;
    try {
      text = SourceFiles.decode(SourceFiles.readAllBytes(file), charset);
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException(
          "Cannot decode upload "
              + file
              + " as "
              + (charset == null ? "UTF-8 or GBK" : charset.name()),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read upload " + file, e);
    }
    State state = new State(name, zone);
    try {
      UploadFileRecords.read(format, text, state);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse CSV upload " + state.file, e);
    } catch (IllegalArgumentException e) {
      if (format != Format.CSV) {
        throw e;
      }
      throw new IllegalArgumentException(
          "Cannot parse the CSV header of upload " + state.file + ": " + e.getMessage(), e);
    }
    return state.finish();
  }

  /** Cross-record state of one file; receives its records from {@link UploadFileRecords}. */
  private static final class State implements UploadFileRecords.Visitor {
    final String file;
    final ZoneId zone;
    final BatchCollector out = new BatchCollector(SourceSystem.PLATFORM_UPLOAD);
    final Map<String, ParsedSample> samples = new LinkedHashMap<>();
    final Set<String> sampleIdsSeen = new HashSet<>();
    final Map<String, Map<String, String>> contentByResultRevision = new HashMap<>();
    final Map<String, Long> lineByResultRevision = new HashMap<>();
    final List<ParsedResult> results = new ArrayList<>();
    long unidentifiedRejected;

    State(String file, ZoneId zone) {
      this.file = file;
      this.zone = java.util.Objects.requireNonNull(zone, "zone");
      out.file(file);
    }

    @Override
    public void blank(long line) {
      out.row(RowKind.BLANK);
    }

    @Override
    public void jsonLine(long line, String text) {
      Map<String, String> fields;
      try {
        fields = UploadJsonFields.fields(text);
      } catch (IllegalArgumentException e) {
        rejectUnidentified(UploadJsonFields.rejectedUnreadable(file, line, text, e));
        return;
      }
      accept(fields, line);
    }

    @Override
    public void csvRecord(long line, Map<String, String> fields) {
      accept(fields, line);
    }

    @Override
    public void csvCellCount(long line, List<String> cells, int expected) {
      rejectUnidentified(
          new RejectedRecord(
              SourceSystem.PLATFORM_UPLOAD,
              file,
              line,
              null,
              "line",
              "Record "
                  + line
                  + " of "
                  + file
                  + " has "
                  + cells.size()
                  + " cells: expected "
                  + expected
                  + " as in the header",
              String.join(",", cells)));
    }

    void rejectUnidentified(RejectedRecord r) {
      out.row(RowKind.REJECTED);
      out.reject(r);
      unidentifiedRejected++;
    }

    void accept(Map<String, String> fields, long line) {
      String sampleRaw = Texts.clean(fields.get(UploadRecords.SAMPLE_ID));
      String resultRaw = Texts.clean(fields.get(UploadRecords.RESULT_ID));
      String revRaw = Texts.clean(fields.get(UploadRecords.REVISION));
      Map<String, String> content = normalised(fields);
      String rrKey =
          resultRaw == null ? null : resultRaw + "\u001f" + (revRaw == null ? "1" : revRaw);
      if (rrKey != null && contentByResultRevision.containsKey(rrKey)) {
        if (contentByResultRevision.get(rrKey).equals(content)) {
          out.row(RowKind.DUPLICATE);
          return;
        }
        reject(
            sampleRaw,
            new RejectedRecord(
                SourceSystem.PLATFORM_UPLOAD,
                file,
                line,
                SourceSystem.PLATFORM_UPLOAD + ":" + resultRaw,
                UploadRecords.REVISION,
                "Result "
                    + resultRaw
                    + " revision "
                    + (revRaw == null ? "1" : revRaw)
                    + " was already received in record "
                    + lineByResultRevision.get(rrKey)
                    + " with different content: expected a higher revision for a "
                    + "correction",
                revRaw));
        return;
      }
      UploadRecords.Outcome o = UploadRecords.parse(fields, file, line, zone);
      if (o instanceof UploadRecords.Invalid inv) {
        reject(sampleRaw, inv.rejected());
        return;
      }
      UploadRecords.Valid v = (UploadRecords.Valid) o;
      ParsedSample known = samples.get(v.sample().sampleId());
      if (known != null && !sameSample(known, v.sample())) {
        reject(
            sampleRaw,
            new RejectedRecord(
                SourceSystem.PLATFORM_UPLOAD,
                file,
                line,
                v.result().resultId(),
                UploadRecords.SAMPLE_ID,
                "Sample fields of "
                    + v.sample().sampleId()
                    + " in record "
                    + line
                    + " differ from record "
                    + known.sourceLine()
                    + ": expected every record of a sample to repeat "
                    + "the same sample fields",
                sampleRaw));
        return;
      }
      contentByResultRevision.put(rrKey, content);
      lineByResultRevision.put(rrKey, line);
      sampleIdsSeen.add(sampleRaw);
      if (known == null) {
        samples.put(v.sample().sampleId(), v.sample());
        out.row(RowKind.SAMPLE_HEADER);
      } else {
        out.row(RowKind.CONTINUATION);
      }
      results.add(v.result());
    }

    private void reject(String sampleRaw, RejectedRecord r) {
      out.row(RowKind.REJECTED);
      out.reject(r);
      if (sampleRaw == null) {
        unidentifiedRejected++;
      } else {
        sampleIdsSeen.add(sampleRaw);
      }
    }

    IngestBatch finish() {
      Map<String, Integer> maxRevision = new HashMap<>();
      for (ParsedResult r : results) {
        maxRevision.merge(r.resultId(), r.revision(), Math::max);
      }
      samples.values().forEach(out::accept);
      for (ParsedResult r : results) {
        out.accept(r.revision() < maxRevision.get(r.resultId()) ? r.asSuperseded() : r);
      }
      long received = sampleIdsSeen.size() + unidentifiedRejected;
      for (long i = 0; i < received; i++) {
        out.sampleReceived();
      }
      for (long i = 0; i < received - samples.size(); i++) {
        out.sampleRejected();
      }
      return out.build();
    }

    private static boolean sameSample(ParsedSample a, ParsedSample b) {
      return a.equals(
          new ParsedSample(
              b.sampleId(),
              b.sourceSystem(),
              b.sourceSampleId(),
              a.sourceFile(),
              a.sourceLine(),
              b.programme(),
              b.sampledAt(),
              b.sampleDate(),
              b.zone(),
              b.commodityRaw(),
              b.commodityCode(),
              b.organic(),
              b.description(),
              b.countryOfOriginRaw(),
              b.labId(),
              b.labLevel(),
              b.samplingStage(),
              b.samplingPoint(),
              b.address(),
              b.divisionCode(),
              b.lon(),
              b.lat(),
              b.producerId(),
              b.traceCode(),
              b.brand(),
              b.packer(),
              b.publishedSampleVerdict(),
              a.attributes()));
    }

    private static Map<String, String> normalised(Map<String, String> fields) {
      Map<String, String> m = new HashMap<>();
      fields.forEach(
          (k, v) -> {
            String c = Texts.clean(v);
            if (c != null) {
              m.put(k, c);
            }
          });
      return m;
    }
  }
}
