package org.agrisafe.risk.exposure;

/** How a data source reports non-detects; decides which {@link NonDetectBound}s can be computed. */
public enum NonDetectReporting {
  /** Every tested (sample, analyte) is a result, with its LOD/LOQ when not quantified (the platform's own format). */
  ENUMERATED,
  /**
   * Only detections are listed; the tested analytes and their limits of non-detects are not (UK PRiF brand-name
   * annex). Only the lower bound can be computed.
   */
  DETECTIONS_ONLY
}
