package org.agrisafe.risk.exposure;

import java.util.EnumSet;
import java.util.Set;

/** Which non-detect bounds an estimate carries. */
public enum BoundAvailability {
  /** Lower, middle and upper bound were computed. */
  ALL_BOUNDS(
      EnumSet.allOf(NonDetectBound.class),
      "lower, middle and upper bound computed (non-detects enumerated with their LOD/LOQ)"),
  /** Only the lower bound: the source lists detections only, so middle and upper bounds are not computable. */
  LOWER_ONLY(
      EnumSet.of(NonDetectBound.LOWER),
      "lower bound only: the source lists detections only (non-detects and their LOD/LOQ are not reported), "
          + "so middle and upper bounds cannot be computed");

  private final Set<NonDetectBound> bounds;
  private final String message;

  BoundAvailability(Set<NonDetectBound> bounds, String message) {
    this.bounds = bounds;
    this.message = message;
  }

  /** The bounds available. */
  public Set<NonDetectBound> bounds() {
    return EnumSet.copyOf(bounds);
  }

  /** A sentence for the panel saying which bounds exist and why. */
  public String message() {
    return message;
  }

  /** The availability of reporting mode {@code reporting}. */
  public static BoundAvailability of(NonDetectReporting reporting) {
    return reporting == NonDetectReporting.ENUMERATED ? ALL_BOUNDS : LOWER_ONLY;
  }
}
