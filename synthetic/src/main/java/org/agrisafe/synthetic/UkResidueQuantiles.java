package org.agrisafe.synthetic;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-analyte residue distributions of the UK PRiF brand-name annex (data/uk-prif-residues, 2016-2022), as
 * fixed-size quantile arrays that a Spark SQL column samples with one array lookup: {@code q[floor(u * Q)]} for a
 * seeded uniform {@code u} in [0, 1). Companion of {@link UkResidueProfile} (the same extraction of the file,
 * {@link UkPrifDetections}), keyed by analyte with the MRL published next to each detection.
 *
 * <p>Construction ({@link #of}):
 *
 * <ol>
 *   <li>keep quantified detections (value &gt; 0 mg/kg) that carry a published MRL &gt; 0;
 *   <li>per analyte: the MRL is the median of the MRLs published with its detections (the annex gives one per
 *       commodity; the synthetic data use one limit per analyte, shown in {@code limit_source});
 *   <li>the {@code analytes} analytes with the most detections at or below their MRL (at least
 *       {@value #MIN_DETECTIONS} of them) are kept, in descending count order (ties by code);
 *   <li>per analyte, {@code quantiles} empirical quantiles (type 1, lower) of the values at or below the MRL;
 *       over all kept analytes, {@code quantiles} quantiles of value / MRL for the values above the MRL (the
 *       exceedance ratio, &gt; 1).
 * </ol>
 *
 * @param analyteCodes kept analytes' codes (the annex's normalised code, else its lower-cased name), length K
 * @param analyteNames their names as in the annex, length K
 * @param mrlMgPerKg their MRLs, mg/kg, length K
 * @param belowMrlQuantiles K × Q quantiles of the detected values at or below the MRL, mg/kg, ascending per row
 * @param exceedanceRatioQuantiles Q quantiles of value / MRL over the exceedances, ascending, each &gt; 1
 * @param detectedSampleShare samples with at least one quantified detection / all samples of the annex, in [0, 1]
 */
public record UkResidueQuantiles(
    String[] analyteCodes,
    String[] analyteNames,
    double[] mrlMgPerKg,
    double[][] belowMrlQuantiles,
    double[] exceedanceRatioQuantiles,
    double detectedSampleShare)
    implements Serializable {

  /** Analytes kept by default: a prime, so a stride in [1, K-1] visits K distinct analytes. */
  public static final int ANALYTES_DEFAULT = 31;

  /** Quantiles per array (Q) by default. */
  public static final int QUANTILES_DEFAULT = 64;

  /** Fewest detections at or below the MRL for an analyte to be kept. */
  public static final int MIN_DETECTIONS = 10;

  /** One quantified detection of the annex. */
  public record Detection(
      String sampleId,
      String analyteCode,
      String analyteName,
      double valueMgPerKg,
      double mrlMgPerKg) {}

  /**
   * Reads the annex ({@link UkPrifDetections#read}) and builds the arrays with the defaults.
   *
   * @throws IllegalArgumentException if fewer than {@link #ANALYTES_DEFAULT} analytes qualify
   */
  public static UkResidueQuantiles fromPrif(Path prifFile) {
    return of(UkPrifDetections.read(prifFile));
  }

  /**
   * Builds the arrays with the defaults from the annex's detections that carry a published MRL &gt; 0 (the
   * detected-sample share counts the samples of those detections).
   *
   * @throws IllegalArgumentException if fewer than {@link #ANALYTES_DEFAULT} analytes qualify
   */
  public static UkResidueQuantiles of(UkPrifDetections annex) {
    List<Detection> d = new ArrayList<>();
    for (UkPrifDetections.Detection x : annex.detections()) {
      if (x.publishedMrlMgPerKg() != null && x.publishedMrlMgPerKg() > 0) {
        d.add(
            new Detection(
                x.sampleId(),
                x.analyteCode(),
                x.analyteName(),
                x.valueMgPerKg(),
                x.publishedMrlMgPerKg()));
      }
    }
    return of(d, annex.samples(), ANALYTES_DEFAULT, QUANTILES_DEFAULT);
  }

  /**
   * Builds the arrays from detections (steps in the class Javadoc).
   *
   * @param detections quantified detections with their published MRL
   * @param samples number of samples of the source (denominator of the detected-sample share), &gt; 0
   * @param analytes K, the analytes kept (recommended: a prime; default {@value #ANALYTES_DEFAULT})
   * @param quantiles Q, the quantiles per array, &gt;= 2 (default {@value #QUANTILES_DEFAULT})
   * @throws IllegalArgumentException if fewer than K analytes have {@value #MIN_DETECTIONS} detections at or below
   *     their MRL, if no value exceeds its MRL, or if an argument is out of range
   */
  public static UkResidueQuantiles of(
      List<Detection> detections, long samples, int analytes, int quantiles) {
    if (samples < 1) {
      throw new IllegalArgumentException("Samples " + samples + ": expected >= 1");
    }
    if (analytes < 1) {
      throw new IllegalArgumentException("Analytes " + analytes + ": expected >= 1");
    }
    if (quantiles < 2) {
      throw new IllegalArgumentException("Quantiles " + quantiles + ": expected >= 2");
    }
    Map<String, List<Detection>> byCode = new LinkedHashMap<>();
    Set<String> detectedSamples = new HashSet<>();
    for (Detection x : detections) {
      byCode.computeIfAbsent(x.analyteCode(), k -> new ArrayList<>()).add(x);
      detectedSamples.add(x.sampleId());
    }
    List<String> codes = new ArrayList<>();
    Map<String, Double> mrl = new LinkedHashMap<>();
    Map<String, double[]> below = new LinkedHashMap<>();
    for (Map.Entry<String, List<Detection>> e : byCode.entrySet()) {
      double m = median(e.getValue().stream().mapToDouble(Detection::mrlMgPerKg).toArray());
      double[] b =
          e.getValue().stream()
              .mapToDouble(Detection::valueMgPerKg)
              .filter(v -> v <= m)
              .sorted()
              .toArray();
      if (b.length >= MIN_DETECTIONS) {
        codes.add(e.getKey());
        mrl.put(e.getKey(), m);
        below.put(e.getKey(), b);
      }
    }
    if (codes.size() < analytes) {
      throw new IllegalArgumentException(
          "Only "
              + codes.size()
              + " analytes have "
              + MIN_DETECTIONS
              + " detections at or below their MRL: expected >= "
              + analytes);
    }
    codes.sort(
        (a, c) ->
            below.get(c).length != below.get(a).length
                ? Integer.compare(below.get(c).length, below.get(a).length)
                : a.compareTo(c));
    codes = codes.subList(0, analytes);
    String[] names = new String[analytes];
    double[] mrls = new double[analytes];
    double[][] q = new double[analytes][];
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < analytes; i++) {
      String c = codes.get(i);
      names[i] = byCode.get(c).get(0).analyteName();
      mrls[i] = mrl.get(c);
      q[i] = quantiles(below.get(c), quantiles);
    }
    for (Detection x : detections) {
      Double m = mrl.get(x.analyteCode());
      if (m != null && x.valueMgPerKg() > m) {
        ratios.add(x.valueMgPerKg() / m);
      }
    }
    if (ratios.isEmpty()) {
      throw new IllegalArgumentException(
          "No detection exceeds its MRL: expected at least one exceedance");
    }
    double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new UkResidueQuantiles(
        codes.toArray(String[]::new),
        names,
        mrls,
        q,
        quantiles(r, quantiles),
        (double) detectedSamples.size() / samples);
  }

  /**
   * Q empirical quantiles of sorted values: entry j is {@code sorted[floor(j * (n - 1) / (Q - 1))]} (the first and
   * last are the minimum and maximum).
   *
   * @param sorted ascending values, at least one
   * @param q number of quantiles, &gt;= 2
   * @return Q ascending values
   * @throws IllegalArgumentException if {@code sorted} is empty
   */
  public static double[] quantiles(double[] sorted, int q) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("No value to take quantiles of: expected at least one");
    }
    double[] out = new double[q];
    for (int j = 0; j < q; j++) {
      out[j] = sorted[(int) ((long) j * (sorted.length - 1) / (q - 1))];
    }
    return out;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** K, the number of analytes. */
  public int analyteCount() {
    return analyteCodes.length;
  }
}
