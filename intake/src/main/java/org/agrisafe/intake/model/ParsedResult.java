package org.agrisafe.intake.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * One result: one (sample, analyte, method), engine-free and immutable. Concentrations are in mg/kg (converted
 * from the source unit; {@code valueRaw}/{@code unitRaw} keep the published text). The verdict is NOT computed
 * here: it is the risk layer's job (docs/conventions.md §2); only what the source published is kept.
 *
 * @param resultId result ID, unique per revision within the source ({@code sampleId#n} for PRiF and SAMR, the
 *     lab's {@code result_id} prefixed with {@code PLATFORM_UPLOAD:} for uploads)
 * @param revision 1-based revision; a higher revision of the same result ID is a correction
 * @param superseded true when a higher revision of the same result ID was ingested in the same batch (both are
 *     kept; consumers use the non-superseded one)
 * @param sampleId the {@link ParsedSample#sampleId()} this result belongs to
 * @param analyteRaw analyte as published
 * @param analyteCode normalised residue-definition key: NFKC, lower case, whitespace collapsed, no space inside
 *     parentheses (e.g. {@code flonicamid (sum)}, {@code 恩诺沙星})
 * @param methodType quantitative or rapid; always {@code method.type()}
 * @param method analytical method ({@link Method#UNKNOWN} when the source does not state it)
 * @param valueRaw value text as published, nullable
 * @param unitRaw unit text as published, nullable
 * @param valueMgPerKg value in mg/kg, &ge; 0; null for rapid tests and for results reported below LOD/LOQ
 *     without a value
 * @param valueFlags footnote marks attached to the value by the source (PRiF {@code *}: reported on a fat
 *     basis), nullable
 * @param lodMgPerKg limit of detection in mg/kg, nullable
 * @param loqMgPerKg limit of quantification in mg/kg, nullable; &ge; LOD when both are given
 * @param reportedBelowLod reported as not detected (&lt; LOD, ND, 未检出)
 * @param reportedBelowLoq reported as detected but not quantified (LOD &le; x &lt; LOQ)
 * @param inhibitionRatePct enzyme-inhibition rate in % [0, 100]; only for {@link Method#ENZYME_INHIBITION}
 * @param stripPositive colloidal-gold strip result; only for {@link Method#COLLOIDAL_GOLD}
 * @param publishedMrlMgPerKg the MRL published with the result in mg/kg; null when the source says
 *     {@code (No MRL)} or publishes no numeric limit
 * @param publishedMrlFlags flags attached to the published MRL (PRiF {@code *} = set at the limit of
 *     determination, {@code †} = adjusted for processing, {@code L}, {@code !} = footnote), nullable
 * @param publishedLimitText the limit as published text (e.g. {@code ≤100μg/kg}, {@code 不得检出},
 *     {@code MRL = 0.03*}, {@code No MRL}), nullable
 * @param publishedExceedsFlag the source's own "exceeds" mark (PRiF bold-green cell); null for sources that
 *     publish none. False does not mean "not exceeding": PRiF 2016–2018 rarely formatted exceedances.
 * @param sourceLine 1-based row of the result in its source file
 */
public record ParsedResult(
    String resultId,
    int revision,
    boolean superseded,
    String sampleId,
    String analyteRaw,
    String analyteCode,
    MethodType methodType,
    Method method,
    String valueRaw,
    String unitRaw,
    Double valueMgPerKg,
    String valueFlags,
    Double lodMgPerKg,
    Double loqMgPerKg,
    boolean reportedBelowLod,
    boolean reportedBelowLoq,
    Double inhibitionRatePct,
    Boolean stripPositive,
    Double publishedMrlMgPerKg,
    String publishedMrlFlags,
    String publishedLimitText,
    Boolean publishedExceedsFlag,
    long sourceLine)
    implements Serializable {

  /** Revision given to results whose source has no revisions. */
  public static final int REVISION_DEFAULT = 1;

  /**
   * Validates the invariants.
   *
   * @throws NullPointerException if resultId, sampleId, analyteCode, methodType or method is null
   * @throws IllegalArgumentException if revision &lt; 1, methodType differs from the method's, a concentration is
   *     negative or not finite, LOD &gt; LOQ, the inhibition rate is outside [0, 100], a rapid-test field is set
   *     on the wrong method, or both below-LOD and below-LOQ are set
   */
  public ParsedResult {
    Objects.requireNonNull(resultId, "resultId");
    Objects.requireNonNull(sampleId, "sampleId");
    Objects.requireNonNull(analyteCode, "analyteCode");
    Objects.requireNonNull(methodType, "methodType");
    Objects.requireNonNull(method, "method");
    String where = " of result " + resultId;
    if (revision < 1) {
      throw new IllegalArgumentException("Revision " + revision + where + ": expected >= 1");
    }
    if (method.type() != methodType) {
      throw new IllegalArgumentException(
          "Method type "
              + methodType
              + where
              + " does not match method "
              + method
              + " ("
              + method.type()
              + ")");
    }
    requireConcentration(valueMgPerKg, "value", where);
    requireConcentration(lodMgPerKg, "LOD", where);
    requireConcentration(loqMgPerKg, "LOQ", where);
    requireConcentration(publishedMrlMgPerKg, "published MRL", where);
    if (lodMgPerKg != null && loqMgPerKg != null && lodMgPerKg > loqMgPerKg) {
      throw new IllegalArgumentException(
          "LOD "
              + lodMgPerKg
              + " mg/kg"
              + where
              + " is above LOQ "
              + loqMgPerKg
              + " mg/kg: expected LOD <= LOQ");
    }
    if (reportedBelowLod && reportedBelowLoq) {
      throw new IllegalArgumentException(
          "Result" + where + " is flagged both below LOD and below LOQ: expected at most one");
    }
    if (inhibitionRatePct != null) {
      if (method != Method.ENZYME_INHIBITION) {
        throw new IllegalArgumentException(
            "Inhibition rate"
                + where
                + " given for method "
                + method
                + ": expected ENZYME_INHIBITION");
      }
      if (!(inhibitionRatePct >= 0.0 && inhibitionRatePct <= 100.0)) {
        throw new IllegalArgumentException(
            "Inhibition rate " + inhibitionRatePct + " %" + where + ": expected [0, 100] %");
      }
    }
    if (stripPositive != null && method != Method.COLLOIDAL_GOLD) {
      throw new IllegalArgumentException(
          "Strip result" + where + " given for method " + method + ": expected COLLOIDAL_GOLD");
    }
  }

  private static void requireConcentration(Double v, String name, String where) {
    if (v != null && !(v >= 0.0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(
          name + " " + v + " mg/kg" + where + ": expected a finite value >= 0");
    }
  }

  /** A copy of this result marked as superseded by a higher revision. */
  public ParsedResult asSuperseded() {
    return new ParsedResult(
        resultId,
        revision,
        true,
        sampleId,
        analyteRaw,
        analyteCode,
        methodType,
        method,
        valueRaw,
        unitRaw,
        valueMgPerKg,
        valueFlags,
        lodMgPerKg,
        loqMgPerKg,
        reportedBelowLod,
        reportedBelowLoq,
        inhibitionRatePct,
        stripPositive,
        publishedMrlMgPerKg,
        publishedMrlFlags,
        publishedLimitText,
        publishedExceedsFlag,
        sourceLine);
  }

  /** A builder; defaults: revision 1, not superseded, method {@link Method#UNKNOWN} (quantitative). */
  public static Builder builder(String resultId, String sampleId) {
    return new Builder(resultId, sampleId);
  }

  /** Mutable builder of {@link ParsedResult}; {@link #build()} runs the record's validation. */
  public static final class Builder {
    private final String resultId;
    private final String sampleId;
    private int revision = REVISION_DEFAULT;
    private String analyteRaw;
    private String analyteCode;
    private Method method = Method.UNKNOWN;
    private String valueRaw;
    private String unitRaw;
    private Double valueMgPerKg;
    private String valueFlags;
    private Double lodMgPerKg;
    private Double loqMgPerKg;
    private boolean reportedBelowLod;
    private boolean reportedBelowLoq;
    private Double inhibitionRatePct;
    private Boolean stripPositive;
    private Double publishedMrlMgPerKg;
    private String publishedMrlFlags;
    private String publishedLimitText;
    private Boolean publishedExceedsFlag;
    private long sourceLine;

    private Builder(String resultId, String sampleId) {
      this.resultId = resultId;
      this.sampleId = sampleId;
    }

    public Builder revision(int v) {
      this.revision = v;
      return this;
    }

    public Builder analyte(String raw, String code) {
      this.analyteRaw = raw;
      this.analyteCode = code;
      return this;
    }

    public Builder method(Method v) {
      this.method = v;
      return this;
    }

    public Builder value(String raw, String unit, Double mgPerKg) {
      this.valueRaw = raw;
      this.unitRaw = unit;
      this.valueMgPerKg = mgPerKg;
      return this;
    }

    public Builder valueFlags(String v) {
      this.valueFlags = v;
      return this;
    }

    public Builder limits(Double lod, Double loq) {
      this.lodMgPerKg = lod;
      this.loqMgPerKg = loq;
      return this;
    }

    public Builder reportedBelowLod(boolean v) {
      this.reportedBelowLod = v;
      return this;
    }

    public Builder reportedBelowLoq(boolean v) {
      this.reportedBelowLoq = v;
      return this;
    }

    public Builder inhibitionRatePct(Double v) {
      this.inhibitionRatePct = v;
      return this;
    }

    public Builder stripPositive(Boolean v) {
      this.stripPositive = v;
      return this;
    }

    public Builder publishedMrl(Double mgPerKg, String flags, String limitText) {
      this.publishedMrlMgPerKg = mgPerKg;
      this.publishedMrlFlags = flags;
      this.publishedLimitText = limitText;
      return this;
    }

    public Builder publishedExceedsFlag(Boolean v) {
      this.publishedExceedsFlag = v;
      return this;
    }

    public Builder sourceLine(long v) {
      this.sourceLine = v;
      return this;
    }

    public ParsedResult build() {
      return new ParsedResult(
          resultId,
          revision,
          false,
          sampleId,
          analyteRaw,
          analyteCode,
          method.type(),
          method,
          valueRaw,
          unitRaw,
          valueMgPerKg,
          valueFlags,
          lodMgPerKg,
          loqMgPerKg,
          reportedBelowLod,
          reportedBelowLoq,
          inhibitionRatePct,
          stripPositive,
          publishedMrlMgPerKg,
          publishedMrlFlags,
          publishedLimitText,
          publishedExceedsFlag,
          sourceLine);
    }
  }
}
