package org.agrisafe.streaming.job;

import java.util.Objects;
import org.agrisafe.intake.model.MethodType;
import org.agrisafe.risk.verdict.RapidOutcome;
import org.agrisafe.risk.verdict.Verdict;
import org.agrisafe.streaming.rules.ProducerRepeatRule;
import org.agrisafe.streaming.rules.RapidPositiveRateRule;
import org.agrisafe.streaming.sinks.IcebergRows;
import org.apache.flink.table.data.RowData;

/**
 * What the window rules ({@link ProducerRepeatRule}, {@link RapidPositiveRateRule}) need of one current result of
 * {@code monitoring.results}, as a changelog entry (a Flink POJO): {@code add = true} when the result (at this
 * revision) became current, {@code add = false} when that revision stopped being current (a correction), so that
 * downstream counts can be undone. Emitted by {@link ResultProcessor} on {@link ResultProcessor#FACTS}.
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

  private static final int RESULT_ID =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "result_id");
  private static final int REVISION = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "revision");
  private static final int SAMPLE_ID =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "sample_id");
  private static final int SOURCE_SYSTEM =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "source_system");
  private static final int SAMPLE_DATE =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "sample_date");
  private static final int COMMODITY =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "commodity_code");
  private static final int METHOD_TYPE =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "method_type");
  private static final int VERDICT = IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "verdict");
  private static final int FP_PRONE =
      IcebergRows.index(ResultProcessor.RESULTS_SCHEMA, "false_positive_prone");

  public RuleFact() {}

  /**
   * The fact ({@code add = true}) of a row of {@code monitoring.results} (or of {@code monitoring.result_revisions},
   * whose leading columns are the results columns), with the sample's producer and division (either may be null).
   */
  public static RuleFact of(RowData row, String producerId, String divisionCode) {
    RuleFact f = new RuleFact();
    f.add = true;
    f.resultId = row.getString(RESULT_ID).toString();
    f.revision = row.getInt(REVISION);
    f.sampleId = row.getString(SAMPLE_ID).toString();
    f.sourceSystem = row.getString(SOURCE_SYSTEM).toString();
    f.producerId = producerId;
    f.divisionCode = divisionCode;
    f.commodityCode = IcebergRows.string(row, COMMODITY);
    f.sampleDay = row.getInt(SAMPLE_DATE);
    f.rapid = MethodType.RAPID.name().equals(row.getString(METHOD_TYPE).toString());
    String verdict = row.getString(VERDICT).toString();
    f.positive = f.rapid && RapidOutcome.POSITIVE.name().equals(verdict);
    f.fail = !f.rapid && Verdict.FAIL.name().equals(verdict);
    f.falsePositiveProne = !row.isNullAt(FP_PRONE) && row.getBoolean(FP_PRONE);
    return f;
  }

  /**
   * Writes the fact compactly (for {@link ResultState}): flags, revision, sample day, then the six strings, each a
   * presence byte and modified UTF-8 ({@link java.io.DataOutput#writeUTF}).
   *
   * @throws java.io.IOException if {@code out} fails
   */
  void write(java.io.DataOutput out) throws java.io.IOException {
    out.writeByte(
        (add ? 1 : 0)
            | (rapid ? 2 : 0)
            | (positive ? 4 : 0)
            | (fail ? 8 : 0)
            | (falsePositiveProne ? 16 : 0));
    out.writeInt(revision);
    out.writeLong(sampleDay);
    for (String s :
        new String[] {resultId, sampleId, sourceSystem, producerId, divisionCode, commodityCode}) {
      out.writeBoolean(s != null);
      if (s != null) {
        out.writeUTF(s);
      }
    }
  }

  /**
   * The fact of {@link #write}.
   *
   * @throws java.io.IOException if {@code in} fails or ends early
   */
  static RuleFact read(java.io.DataInput in) throws java.io.IOException {
    RuleFact f = new RuleFact();
    int flags = in.readByte();
    f.add = (flags & 1) != 0;
    f.rapid = (flags & 2) != 0;
    f.positive = (flags & 4) != 0;
    f.fail = (flags & 8) != 0;
    f.falsePositiveProne = (flags & 16) != 0;
    f.revision = in.readInt();
    f.sampleDay = in.readLong();
    f.resultId = readString(in);
    f.sampleId = readString(in);
    f.sourceSystem = readString(in);
    f.producerId = readString(in);
    f.divisionCode = readString(in);
    f.commodityCode = readString(in);
    return f;
  }

  private static String readString(java.io.DataInput in) throws java.io.IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

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
    return o instanceof RuleFact f
        && add == f.add
        && revision == f.revision
        && sampleDay == f.sampleDay
        && rapid == f.rapid
        && positive == f.positive
        && fail == f.fail
        && falsePositiveProne == f.falsePositiveProne
        && Objects.equals(resultId, f.resultId)
        && Objects.equals(sampleId, f.sampleId)
        && Objects.equals(sourceSystem, f.sourceSystem)
        && Objects.equals(producerId, f.producerId)
        && Objects.equals(divisionCode, f.divisionCode)
        && Objects.equals(commodityCode, f.commodityCode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        add, resultId, revision, sampleId, producerId, divisionCode, commodityCode, sampleDay);
  }

  @Override
  public String toString() {
    return (add ? "+" : "-")
        + resultId
        + "@"
        + revision
        + " sample "
        + sampleId
        + " producer "
        + producerId
        + " division "
        + divisionCode
        + " commodity "
        + commodityCode
        + " day "
        + sampleDay
        + (rapid ? (positive ? " RAPID+" : " RAPID-") : (fail ? " FAIL" : ""));
  }
}
