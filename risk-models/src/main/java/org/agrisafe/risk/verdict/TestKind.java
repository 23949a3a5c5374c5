package org.agrisafe.risk.verdict;

/**
 * Which kinds of test a sample's verdict rests on: the value of the {@code test_kind} column of {@code
 * monitoring.samples} ({@link #name()}). Source: docs/conventions.md §9.4, §10.4 and §10.5.
 */
public enum TestKind {
  /** Quantitative results only (or none listed, when the source reports that nothing was detected). */
  QUANTITATIVE,
  /** Rapid tests only: the sample is {@link SampleStatus#NOT_JUDGED} and is reported apart (§9.4, §9.5). */
  RAPID,
  /** Quantitative and rapid results: judged on the quantitative ones (§10.5). */
  MIXED,
  /** The source publishes a verdict per sample (the 合格/不合格 of the Chinese notices), which is kept (§10.4). */
  PUBLISHED_VERDICT;

  /**
   * The kind of a sample's current results.
   *
   * @param hasQuantitative whether the sample has at least one quantitative result
   * @param hasRapid whether it has at least one rapid result
   * @param publishedVerdict whether its source publishes a sample-level verdict
   * @return PUBLISHED_VERDICT when the source publishes a verdict; otherwise RAPID for rapid results only, MIXED
   *     for both kinds, QUANTITATIVE else (also for a sample with no result rows)
   */
  public static TestKind of(boolean hasQuantitative, boolean hasRapid, boolean publishedVerdict) {
    if (publishedVerdict) {
      return PUBLISHED_VERDICT;
    }
    if (hasRapid) {
      return hasQuantitative ? MIXED : RAPID;
    }
    return QUANTITATIVE;
  }
}
