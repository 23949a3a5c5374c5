package org.agrisafe.synthetic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.agrisafe.intake.ingest.PrifAdapter;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;

/**
 * The quantified detections of the UK PRiF brand-name annex ({@code data/uk-prif-residues/
 * prif_brand_name_annex_rows.csv.gz}, 2016-2022), read once with the batch ingest's adapter ({@link PrifAdapter}):
 * the one extraction behind {@link UkResidueProfile} and {@link UkResidueQuantiles}. A detection is a result with
 * a value &gt; 0 mg/kg and an analyte name; the annex lists detections only, so the analytes tested without
 * detection are not known (docs/conventions.md §8.4).
 *
 * @param source the file read, for messages
 * @param detections the detections in file order
 * @param samples the number of distinct samples of the annex, with or without a detection
 */
public record UkPrifDetections(Path source, List<Detection> detections, long samples) {

  /**
   * One quantified detection.
   *
   * @param sampleId the sample's ID as ingested
   * @param analyteCode the annex's normalised analyte code, else its name lower-cased (Locale.ROOT) and trimmed
   * @param analyteName the analyte's name as in the annex (English)
   * @param valueMgPerKg the value, mg/kg, &gt; 0
   * @param publishedMrlMgPerKg the MRL published next to it, mg/kg, or null when the annex gives none
   */
  public record Detection(
      String sampleId,
      String analyteCode,
      String analyteName,
      double valueMgPerKg,
      Double publishedMrlMgPerKg) {}

  /**
   * Reads the annex file.
   *
   * @throws java.io.UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if a required column is missing from its header ({@link PrifAdapter#read})
   */
  public static UkPrifDetections read(Path prifFile) {
    IngestBatch b = PrifAdapter.read(prifFile);
    List<Detection> d = new ArrayList<>();
    for (ParsedResult r : b.results()) {
      if (r.valueMgPerKg() != null && r.valueMgPerKg() > 0 && r.analyteRaw() != null) {
        String code =
            r.analyteCode() != null
                ? r.analyteCode()
                : r.analyteRaw().toLowerCase(Locale.ROOT).trim();
        d.add(
            new Detection(
                r.sampleId(), code, r.analyteRaw(), r.valueMgPerKg(), r.publishedMrlMgPerKg()));
      }
    }
    long samples = b.samples().stream().map(ParsedSample::sampleId).distinct().count();
    return new UkPrifDetections(prifFile, List.copyOf(d), samples);
  }
}
