package org.agrisafe.lakehouse.synthetic;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.ingest.PrifAdapter;
import org.agrisafe.lakehouse.ingest.model.IngestBatch;
import org.agrisafe.lakehouse.ingest.model.ParsedResult;
import org.agrisafe.lakehouse.ingest.model.ParsedSample;

/**
 * Empirical residue distributions of the UK PRiF brand-name annex (data/uk-prif-residues, 2016-2022), for
 * resampling synthetic residues: the share of samples with at least one detection, the number of detections of a
 * sample that has any, and the (analyte, value in mg/kg) pairs detected. The annex lists detections only, so the
 * analytes tested without detection are not known (CONVENTIONS, left-censored results).
 *
 * @param detectedSampleShare samples with at least one quantified detection / all samples, in [0, 1]
 * @param detectionsPerDetectedSample one entry per detected sample: its number of detections (&gt;= 1)
 * @param analytes analyte names of the detections (English, as in the annex), parallel to {@code valuesMgPerKg}
 * @param valuesMgPerKg values of the detections, mg/kg
 */
public record UkResidueProfile(double detectedSampleShare, int[] detectionsPerDetectedSample, String[] analytes,
    double[] valuesMgPerKg) implements Serializable {

  /**
   * Builds the profile from the annex file.
   *
   * @throws IllegalArgumentException if the file yields no detection
   */
  public static UkResidueProfile fromPrif(Path prifFile) {
    IngestBatch b = PrifAdapter.read(prifFile);
    Map<String, Integer> perSample = new HashMap<>();
    List<String> analytes = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (ParsedResult r : b.results()) {
      if (r.valueMgPerKg() != null && r.valueMgPerKg() > 0 && r.analyteRaw() != null) {
        perSample.merge(r.sampleId(), 1, Integer::sum);
        analytes.add(r.analyteRaw());
        values.add(r.valueMgPerKg());
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("No quantified detection in " + prifFile
          + ": expected the UK PRiF brand-name annex");
    }
    long samples = b.samples().stream().map(ParsedSample::sampleId).distinct().count();
    return new UkResidueProfile((double) perSample.size() / samples,
        perSample.values().stream().mapToInt(Integer::intValue).toArray(), analytes.toArray(String[]::new),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
