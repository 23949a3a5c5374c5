package org.agrisafe.risk.verdict;

/** Where an applied limit came from. */
public enum LimitSource {
  /** A {@link LimitRule} of the {@link LimitBook} (e.g. GB 2763-2021). */
  LIMIT_BOOK,
  /** The MRL printed with the result by a foreign source (e.g. the EU MRL in the UK PRiF annex). */
  PUBLISHED_BY_SOURCE
}
