package org.agrisafe.it.xengine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agrisafe.synthetic.JinanUploadGenerator;
import org.agrisafe.synthetic.UkResidueProfile;

/**
 * Upload files for the streaming job's watched directory, in the platform's upload format (JSON Lines, one result
 * per line, docs/formats/upload-format.md): seeded synthetic records of {@link JinanUploadGenerator}, corrections
 * of them, and atomic drops into the directory (a hidden {@code .tmp} file renamed into place, as the endpoint's
 * {@code DirectoryTransport} does; the directory source ignores names starting with '.').
 */
public final class UploadFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UploadFiles() {}

  /**
   * Seeded synthetic records (SYNTHETIC demonstration data, {@code "synthetic":"true"}), one rapid sample per
   * quantitative sample so that both verdict kinds occur; result IDs {@code SYN-<seed>-<sample>-<n>}.
   *
   * @param seed random seed
   * @param samples number of samples
   * @param from first sampling date (Asia/Shanghai)
   * @param to last sampling date
   */
  public static List<ObjectNode> synthetic(long seed, int samples, LocalDate from, LocalDate to) {
    JinanUploadGenerator g =
        new JinanUploadGenerator(
            new JinanUploadGenerator.Params(seed, samples, from, to, 1.0, 0.1, 0.05),
            UkResidueProfile.fromPrif(
                StreamProcess.repo()
                    .resolve("data/uk-prif-residues/prif_brand_name_annex_rows.csv.gz")));
    List<ObjectNode> out = new ArrayList<>();
    g.generate(line -> out.add(parse(line)));
    return out;
  }

  /**
   * A correction of {@code rec}: the next revision, with a changed reading (inhibition rate + 7.5 %, capped at
   * 100; or the value in mg/kg set to {@code 0.0100 * (revision + 1)}), and, if {@code moveDays} is not 0, the
   * sampling instant moved by that many days (possibly into another month).
   */
  public static ObjectNode correction(ObjectNode rec, int moveDays) {
    ObjectNode c = rec.deepCopy();
    int revision = rec.get("revision").asInt() + 1;
    c.put("revision", revision);
    if (c.has("inhibition_rate_pct")) {
      double rate = Math.min(100, Double.parseDouble(c.get("inhibition_rate_pct").asText()) + 7.5);
      c.put("inhibition_rate_pct", String.format(Locale.ROOT, "%.1f", rate));
    } else {
      c.put("value", String.format(Locale.ROOT, "%.4f", 0.01 * (revision + 1)));
      c.remove("lod");
    }
    if (moveDays != 0) {
      c.put(
          "sampled_at",
          OffsetDateTime.parse(c.get("sampled_at").asText()).plusDays(moveDays).toString());
    }
    return c;
  }

  /** The lakehouse's {@code result_id} of an upload record: {@code PLATFORM_UPLOAD:<lab's result_id>}. */
  public static String resultId(ObjectNode rec) {
    return "PLATFORM_UPLOAD:" + rec.get("result_id").asText();
  }

  /** Per lakehouse result ID, the highest revision among {@code records} (what monitoring.results must hold). */
  public static Map<String, Integer> currentRevisions(List<ObjectNode> records) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (ObjectNode r : records) {
      m.merge(resultId(r), r.get("revision").asInt(), Math::max);
    }
    return m;
  }

  /** Writes {@code records} as {@code dir/name} (JSON Lines), atomically. */
  public static Path drop(Path dir, String name, List<ObjectNode> records) {
    StringBuilder sb = new StringBuilder();
    for (ObjectNode r : records) {
      sb.append(r).append('\n');
    }
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + name + ".tmp");
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot drop upload file " + name + " into " + dir, e);
    }
  }

  /** One upload record as a JSON object. */
  public static ObjectNode parse(String jsonLine) {
    try {
      return (ObjectNode) JSON.readTree(jsonLine);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse upload record " + jsonLine, e);
    }
  }
}
