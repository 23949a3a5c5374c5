package org.agrisafe.jobs.warnings;

import static org.apache.spark.sql.functions.col;

import org.agrisafe.risk.verdict.RapidOutcome;
import org.agrisafe.risk.verdict.TestKind;
import org.apache.spark.sql.Column;

/**
 * What a warning series counts per month, and over which samples (the denominator, used as the population
 * offset): a rise that only follows a rise in sampling is not an outbreak (docs/conventions.md §18.2).
 */
public enum Measure {
  /** Samples with at least one result above its MRL, over judged (non-rapid) samples tested. */
  EXCEEDANCE_SAMPLES("exceeded an MRL"),
  /** Samples with a detection of a substance banned for that commodity on that date (verified bans only). */
  BANNED_DETECTION_SAMPLES("had a banned-substance detection"),
  /** Rapid-test positives (enzyme inhibition ≥ 50 % or a positive strip), over rapid-tested samples. */
  RAPID_POSITIVE_SAMPLES("were rapid-test positive");

  private final String phrase;

  Measure(String phrase) {
    this.phrase = phrase;
  }

  /** How the measure reads in a warning's details: "12 of 20 samples tested exceeded an MRL". */
  public String phrase() {
    return phrase;
  }

  /** Which samples form the denominator. */
  public Column denominator() {
    return this == RAPID_POSITIVE_SAMPLES
        ? col("test_kind").equalTo(TestKind.RAPID.name())
        : org.agrisafe.jobs.spark.SampleFilters.notRapidOnly();
  }

  /** Whether a sample counts in the numerator. */
  public Column numerator() {
    return switch (this) {
      case EXCEEDANCE_SAMPLES -> col("has_exceedance");
      case BANNED_DETECTION_SAMPLES -> col("has_banned_detection");
      case RAPID_POSITIVE_SAMPLES -> col("rapid_outcome").equalTo(RapidOutcome.POSITIVE.name());
    };
  }
}
