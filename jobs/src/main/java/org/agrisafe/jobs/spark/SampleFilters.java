package org.agrisafe.jobs.spark;

import static org.apache.spark.sql.functions.col;

import org.agrisafe.risk.verdict.TestKind;
import org.apache.spark.sql.Column;

/** Row filters on {@code monitoring.samples} shared by the jobs. */
public final class SampleFilters {
  private SampleFilters() {}

  /**
   * Samples with at least one quantitative (lab) result: {@code test_kind} QUANTITATIVE or MIXED, not RAPID. A
   * rapid-only sample is never judged against an MRL (docs/conventions.md §9.4), and {@code monitoring.samples} is
   * partitioned by {@code test_kind}, so this filter also prunes the rapid-test files from the scan.
   */
  public static Column notRapidOnly() {
    return col("test_kind").isNull().or(col("test_kind").notEqual(TestKind.RAPID.name()));
  }
}
