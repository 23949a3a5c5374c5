package org.agrisafe.synthetic;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Empirical residue distributions of the UK PRiF brand-name annex (data/uk-prif-residues, 2016-2022), for
 * resampling synthetic residues (from the one extraction of the file, {@link UkPrifDetections}): the share of samples with at least one detection, the number of detections of a
 * sample that has any, and the (analyte, value in mg/kg) pairs detected. The annex lists detections only, so the
 * analytes tested without detection are not known (docs/conventions.md §8.4).
 *
 * @param detectedSampleShare samples with at least one quantified detection / all samples, in [0, 1]
 * @param detectionsPerDetectedSample one entry per detected sample: its number of detections (&gt;= 1)
 * @param analytes analyte names of the detections (English, as in the annex), parallel to {@code valuesMgPerKg}
 * @param valuesMgPerKg values of the detections, mg/kg
 */
public record UkResidueProfile(
    double detectedSampleShare,
    int[] detectionsPerDetectedSample,
    String[] analytes,
    double[] valuesMgPerKg)
    implements Serializable {

  /**
   * Builds the profile from the annex file ({@link UkPrifDetections#read}).
   *
   * @throws IllegalArgumentException if the file yields no detection
   */
  public static UkResidueProfile fromPrif(Path prifFile) {
    return of(UkPrifDetections.read(prifFile));
  }

  /**
   * Builds the profile from the annex's detections: every detection counts, with or without a published MRL.
   *
   * @throws IllegalArgumentException if there is no detection
   */
  public static UkResidueProfile of(UkPrifDetections annex) {
    Map<String, Integer> perSample = new HashMap<>();
    List<String> analytes = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (UkPrifDetections.Detection d : annex.detections()) {
      perSample.merge(d.sampleId(), 1, Integer::sum);
      analytes.add(d.analyteName());
      values.add(d.valueMgPerKg());
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          "No quantified detection in "
              + annex.source()
              + ": expected the UK PRiF brand-name annex");
    }
    return new UkResidueProfile(
        (double) perSample.size() / annex.samples(),
        perSample.values().stream().mapToInt(Integer::intValue).toArray(),
        analytes.toArray(String[]::new),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
