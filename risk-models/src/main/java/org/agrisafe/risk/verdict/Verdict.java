package org.agrisafe.risk.verdict;

/** Verdict of one quantitative result (docs/conventions.md §2). */
public enum Verdict {
  /** A limit applies and the result does not exceed it. */
  PASS,
  /**
   * The result exceeds the limit: value &gt; MRL strictly (no deduction for uncertainty, China's 合格 judgement),
   * or any detection at or above the LOD where the limit is NOT_DETECTABLE (不得检出).
   */
  FAIL,
  /** No limit applies to this analyte on this commodity on the sampling date. Never a silent PASS, never 999. */
  NO_STANDARD
}
