package org.agrisafe.streaming;

import java.util.Objects;

/**
 * What the window rules ({@link ProducerRepeatRule}, {@link RapidPositiveRateRule}) need of one current result of
 * {@code monitoring.results}, as a changelog entry (a Flink POJO): {@code add = true} when the result (at this
 * revision) became current, {@code add = false} when that revision stopped being current (a correction), so that
 * downstream counts can be undone. Built by {@link ResultFacts}.
 *
 * <p>{@code sampleDay} is the sample date cut in the deployment's zone ({@code sample_date} of the results row),
 * as days since 1970-01-01. {@code producerId} and {@code divisionCode} come from the upload record (they are
 * sample columns, not results columns); either may be null.
 */
public class RuleFact {
  public boolean add;
  public String resultId;
  public int revision;
  public String sampleId;
  public String sourceSystem;
  public String producerId;
  public String divisionCode;
  public String commodityCode;
  public long sampleDay;
  /** method_type RAPID. */
  public boolean rapid;
  /** verdict POSITIVE (rapid). */
  public boolean positive;
  /** verdict FAIL (quantitative). */
  public boolean fail;
  /** A rapid positive on an allium or wild-rice stem (known false positives of enzyme inhibition). */
  public boolean falsePositiveProne;

  public RuleFact() {}

  /** A copy with {@code add} set. */
  public RuleFact withAdd(boolean a) {
    RuleFact f = new RuleFact();
    f.add = a;
    f.resultId = resultId;
    f.revision = revision;
    f.sampleId = sampleId;
    f.sourceSystem = sourceSystem;
    f.producerId = producerId;
    f.divisionCode = divisionCode;
    f.commodityCode = commodityCode;
    f.sampleDay = sampleDay;
    f.rapid = rapid;
    f.positive = positive;
    f.fail = fail;
    f.falsePositiveProne = falsePositiveProne;
    return f;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleFact f && add == f.add && revision == f.revision && sampleDay == f.sampleDay
        && rapid == f.rapid && positive == f.positive && fail == f.fail && falsePositiveProne == f.falsePositiveProne
        && Objects.equals(resultId, f.resultId) && Objects.equals(sampleId, f.sampleId)
        && Objects.equals(sourceSystem, f.sourceSystem) && Objects.equals(producerId, f.producerId)
        && Objects.equals(divisionCode, f.divisionCode) && Objects.equals(commodityCode, f.commodityCode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(add, resultId, revision, sampleId, producerId, divisionCode, commodityCode, sampleDay);
  }

  @Override
  public String toString() {
    return (add ? "+" : "-") + resultId + "@" + revision + " sample " + sampleId + " producer " + producerId
        + " division " + divisionCode + " commodity " + commodityCode + " day " + sampleDay
        + (rapid ? (positive ? " RAPID+" : " RAPID-") : (fail ? " FAIL" : ""));
  }
}
