package org.agrisafe.risk.verdict;

/**
 * The value of the {@code sample_verdict} column of {@code monitoring.samples} ({@link #name()}): the sample's
 * {@link SampleVerdict}, or {@link #NOT_JUDGED} for a sample with rapid tests only, which is never judged against
 * an MRL. Source: docs/conventions.md §9.4 and §10.
 */
public enum SampleStatus {
  /** {@link SampleVerdict#PASS} (合格). */
  PASS,
  /** {@link SampleVerdict#FAIL} (不合格). */
  FAIL,
  /** Rapid tests only: no verdict (§9.4); also the verdict of a result row that is neither quantitative nor rapid. */
  NOT_JUDGED;

  /** The status of a judged sample: PASS or FAIL, as {@code verdict}. */
  public static SampleStatus of(SampleVerdict verdict) {
    return switch (java.util.Objects.requireNonNull(verdict, "SampleStatus.of: verdict is null")) {
      case PASS -> PASS;
      case FAIL -> FAIL;
    };
  }

  /** Whether this is a verdict (PASS or FAIL), i.e. the sample counts in 合格率 (docs/conventions.md §12). */
  public boolean judged() {
    return this != NOT_JUDGED;
  }
}
