package org.agrisafe.risk.verdict;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One quantitative result (one sample × analyte × method, e.g. GC-MS, LC-MS/MS) to be judged.
 *
 * <p>Exactly one of three reporting forms is allowed:
 *
 * <ul>
 *   <li>a value ({@code valueMgPerKg} set, both flags false);
 *   <li>"&lt;LOD" ({@code reportedBelowLod}, value null): not detected. A source with a single reporting limit
 *       ("none detected above the reporting limit", UK PRiF) reports this form with the reporting limit as LOD;
 *   <li>"&lt;LOQ" ({@code reportedBelowLoq}, value null): detected at or above the LOD but not quantified.
 * </ul>
 *
 * <p>All concentrations are in mg/kg (convert with {@link org.agrisafe.risk.units.Units} first). Build with
 * {@link #builder(String, String, String, LocalDate)}.
 *
 * @param resultId unique id of the result, non-blank
 * @param analyteCode residue definition code, in the code set of the LimitBook and BanBook
 * @param commodityCode the sample's commodity code
 * @param sampleDate sampling date, local to the deployment's zone (Asia/Shanghai by default, Europe/London for UK
 *     data)
 * @param valueMgPerKg measured value in mg/kg, finite and &ge; 0; null for a "&lt;LOD"/"&lt;LOQ" report
 * @param lodMgPerKg limit of detection in mg/kg, &gt; 0, or null if not reported
 * @param loqMgPerKg limit of quantification in mg/kg, &gt; 0 and &ge; LOD, or null if not reported
 * @param reportedBelowLod the result was reported as "&lt;LOD" (or "&lt;reporting limit")
 * @param reportedBelowLoq the result was reported as "&lt;LOQ"
 * @param publishedMrlMgPerKg the MRL printed by a foreign source with the result, &gt; 0, used only when the
 *     LimitBook has no rule; null if none
 * @param publishedMrlSource the published MRL's source, e.g. "EU MRL as published by UK PRiF"; required when
 *     {@code publishedMrlMgPerKg} is set
 * @param expandedUncertaintyFraction the expanded measurement uncertainty U as a fraction of the value, in [0, 1];
 *     default {@value #EXPANDED_UNCERTAINTY_FRACTION_DEFAULT} (EFSA/SANTE default of 50 %), only for the
 *     non-compliance figure
 */
public record QuantitativeInput(
    String resultId,
    String analyteCode,
    String commodityCode,
    LocalDate sampleDate,
    Double valueMgPerKg,
    Double lodMgPerKg,
    Double loqMgPerKg,
    boolean reportedBelowLod,
    boolean reportedBelowLoq,
    Double publishedMrlMgPerKg,
    String publishedMrlSource,
    double expandedUncertaintyFraction)
    implements Serializable {

  /**
   * Default expanded measurement uncertainty, 0.5 (50 % of the value): the default expanded uncertainty of the EU
   * analytical quality-control guidance (SANTE/11312/2021, "Analytical quality control and method validation
   * procedures for pesticide residues analysis in food and feed", measurement-uncertainty part), which EFSA's annual
   * EU reports on pesticide residues use to call a sample non-compliant (value − U &gt; MRL). Recommended: the
   * lab's own U where reported, else this default.
   */
  public static final double EXPANDED_UNCERTAINTY_FRACTION_DEFAULT = 0.5;

  /** Validates each field and the reporting form; messages name the result id and the field. */
  public QuantitativeInput {
    if (resultId == null || resultId.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot create QuantitativeInput: resultId is null or blank");
    }
    requireText(resultId, "analyteCode", analyteCode);
    requireText(resultId, "commodityCode", commodityCode);
    if (sampleDate == null) {
      throw new IllegalArgumentException(
          "Cannot judge result '" + resultId + "': sampleDate is null");
    }
    if (valueMgPerKg != null && !(Double.isFinite(valueMgPerKg) && valueMgPerKg >= 0)) {
      throw new IllegalArgumentException(
          "Cannot judge result '"
              + resultId
              + "': valueMgPerKg "
              + valueMgPerKg
              + " is not a finite number >= 0 mg/kg");
    }
    requirePositive(resultId, "lodMgPerKg", lodMgPerKg);
    requirePositive(resultId, "loqMgPerKg", loqMgPerKg);
    requirePositive(resultId, "publishedMrlMgPerKg", publishedMrlMgPerKg);
    if (lodMgPerKg != null && loqMgPerKg != null && lodMgPerKg > loqMgPerKg) {
      throw new IllegalArgumentException(
          "Cannot judge result '"
              + resultId
              + "': LOD "
              + lodMgPerKg
              + " mg/kg is above LOQ "
              + loqMgPerKg
              + " mg/kg");
    }
    if (reportedBelowLod && reportedBelowLoq) {
      throw new IllegalArgumentException(
          "Cannot judge result '"
              + resultId
              + "': reported both '<LOD' and '<LOQ'; expected one of them");
    }
    if ((reportedBelowLod || reportedBelowLoq) && valueMgPerKg != null) {
      throw new IllegalArgumentException(
          "Cannot judge result '"
              + resultId
              + "': reported '<"
              + (reportedBelowLod ? "LOD" : "LOQ")
              + "' and also value "
              + valueMgPerKg
              + " mg/kg; expected the value null (put the limit in "
              + (reportedBelowLod ? "lodMgPerKg" : "loqMgPerKg")
              + ")");
    }
    if (!reportedBelowLod && !reportedBelowLoq && valueMgPerKg == null) {
      throw new IllegalArgumentException(
          "Cannot judge result '"
              + resultId
              + "': no value and not reported '<LOD' or '<LOQ'; expected one");
    }
    if (publishedMrlMgPerKg != null
        && (publishedMrlSource == null || publishedMrlSource.isBlank())) {
      throw new IllegalArgumentException(
          "Cannot judge result '"
              + resultId
              + "': published MRL "
              + publishedMrlMgPerKg
              + " mg/kg has no publishedMrlSource; expected e.g. 'EU MRL as published by UK PRiF'");
    }
    if (!(expandedUncertaintyFraction >= 0 && expandedUncertaintyFraction <= 1)) {
      throw new IllegalArgumentException(
          "Cannot judge result '"
              + resultId
              + "': expandedUncertaintyFraction "
              + expandedUncertaintyFraction
              + " is not in [0, 1]; default "
              + EXPANDED_UNCERTAINTY_FRACTION_DEFAULT);
    }
  }

  /** Starts a builder with the four required fields; everything else null/false/default. */
  public static Builder builder(
      String resultId, String analyteCode, String commodityCode, LocalDate sampleDate) {
    return new Builder(resultId, analyteCode, commodityCode, sampleDate);
  }

  private static void requireText(String resultId, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot judge result '" + resultId + "': " + field + " is null or blank");
    }
  }

  private static void requirePositive(String resultId, String field, Double value) {
    if (value != null && !(Double.isFinite(value) && value > 0)) {
      throw new IllegalArgumentException(
          "Cannot judge result '"
              + resultId
              + "': "
              + field
              + " "
              + value
              + " is not a finite number > 0 mg/kg");
    }
  }

  /** Builder for {@link QuantitativeInput}; validation happens in {@link #build()}. */
  public static final class Builder {
    private final String resultId;
    private final String analyteCode;
    private final String commodityCode;
    private final LocalDate sampleDate;
    private Double value;
    private Double lod;
    private Double loq;
    private boolean belowLod;
    private boolean belowLoq;
    private Double publishedMrl;
    private String publishedMrlSource;
    private double uncertaintyFraction = EXPANDED_UNCERTAINTY_FRACTION_DEFAULT;

    private Builder(
        String resultId, String analyteCode, String commodityCode, LocalDate sampleDate) {
      this.resultId = resultId;
      this.analyteCode = analyteCode;
      this.commodityCode = commodityCode;
      this.sampleDate = sampleDate;
    }

    /** Measured value in mg/kg. */
    public Builder value(Double mgPerKg) {
      this.value = mgPerKg;
      return this;
    }

    /** LOD in mg/kg. */
    public Builder lod(Double mgPerKg) {
      this.lod = mgPerKg;
      return this;
    }

    /** LOQ in mg/kg. */
    public Builder loq(Double mgPerKg) {
      this.loq = mgPerKg;
      return this;
    }

    /** Reported "&lt;LOD" with this LOD in mg/kg (null if the source gives none). */
    public Builder belowLod(Double lodMgPerKg) {
      this.belowLod = true;
      this.lod = lodMgPerKg;
      return this;
    }

    /** Reported "&lt;LOQ" with this LOQ in mg/kg (null if the source gives none). */
    public Builder belowLoq(Double loqMgPerKg) {
      this.belowLoq = true;
      this.loq = loqMgPerKg;
      return this;
    }

    /** The MRL printed by the source, in mg/kg, and where it comes from. */
    public Builder publishedMrl(Double mgPerKg, String source) {
      this.publishedMrl = mgPerKg;
      this.publishedMrlSource = source;
      return this;
    }

    /** Expanded uncertainty as a fraction of the value (default 0.5). */
    public Builder expandedUncertaintyFraction(double fraction) {
      this.uncertaintyFraction = fraction;
      return this;
    }

    /** Builds and validates. */
    public QuantitativeInput build() {
      return new QuantitativeInput(
          resultId,
          analyteCode,
          commodityCode,
          sampleDate,
          value,
          lod,
          loq,
          belowLod,
          belowLoq,
          publishedMrl,
          publishedMrlSource,
          uncertaintyFraction);
    }
  }
}
