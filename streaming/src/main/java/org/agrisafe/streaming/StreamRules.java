package org.agrisafe.streaming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.ingest.Judging.JudgedResult;
import org.agrisafe.lakehouse.ingest.Judging.JudgedSample;
import org.agrisafe.lakehouse.ingest.model.ParsedSample;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.lakehouse.tables.WarningTables.Producer;
import org.agrisafe.lakehouse.tables.WarningTables.Severity;

/**
 * The per-result real-time warning rules (producer {@link Producer#STREAM_RULE}), as pure functions from a judged
 * current result to the column values of one {@code analytics.warnings} row (or none).
 *
 * <ul>
 *   <li>{@link Rule#BANNED_DETECTION}: any detection of a substance banned for that commodity on the sampling
 *       date by a verified ban rule (CONVENTIONS, Bans), even under the MRL; severity HIGH (RASFF alert).</li>
 *   <li>{@link Rule#EXCEEDANCE}: a quantitative result above its MRL (value &gt; MRL, strictly); severity MEDIUM
 *       (information for follow-up).</li>
 *   <li>{@link Rule#PRODUCER_REPEAT} and {@link Rule#RAPID_POSITIVE_RATE} are window rules over many results,
 *       raised by {@link ProducerRepeatRule} and {@link RapidPositiveRateRule} ({@link WindowRules}); this class
 *       returns no per-result warning for them.</li>
 * </ul>
 * The warning ID is {@link WarningTables#warningId} over (rule, sample_id, analyte_code, sample date): a
 * correction or a replay of the same finding maps onto the same warning, which the stream suppresses
 * ({@link WarningDeduplicator}). The period is the sample date (DAY, cut in the deployment's zone).
 */
public final class StreamRules {
  private StreamRules() {}

  /** The per-result rules. */
  public enum Rule {
    BANNED_DETECTION(Severity.HIGH),
    EXCEEDANCE(Severity.MEDIUM),
    /** Window rule ({@link ProducerRepeatRule}): a producer with N failing samples in D days. */
    PRODUCER_REPEAT(Severity.HIGH),
    /** Window rule ({@link RapidPositiveRateRule}): a district/commodity rapid-positive rate far above baseline. */
    RAPID_POSITIVE_RATE(Severity.MEDIUM);

    private final Severity severity;

    Rule(Severity severity) {
      this.severity = severity;
    }

    public Severity severity() {
      return severity;
    }
  }

  /**
   * The warning a judged result raises under {@code rule}, or null.
   *
   * @param now the instant the warning is raised (created_at), UTC
   */
  public static Map<String, Object> warning(Rule rule, JudgedSample js, JudgedResult jr, Instant now) {
    if (jr.quantitative() == null) {
      return null;
    }
    boolean fires = switch (rule) {
      case BANNED_DETECTION -> jr.quantitative().bannedDetection();
      case EXCEEDANCE -> jr.quantitative().exceeds();
      // window rules: raised by their own keyed operators over many results (WindowRules), never per result
      case PRODUCER_REPEAT, RAPID_POSITIVE_RATE -> false;
    };
    if (!fires) {
      return null;
    }
    ParsedSample s = js.sample();
    LocalDate day = s.sampleDate();
    String analyte = jr.analyteCode();
    Map<String, Object> m = new HashMap<>();
    m.put("warning_id", WarningTables.warningId(Producer.STREAM_RULE,
        List.of(rule.name(), s.sampleId(), analyte == null ? "" : analyte, "DAY", day.toString())));
    m.put("producer", Producer.STREAM_RULE.name());
    m.put("warning_type", rule.severity().defaultType().name());
    m.put("severity", rule.severity().name());
    m.put("state", WarningTables.State.NEW.name());
    m.put("measure", rule.name());
    m.put("series_level", "RESULT");
    m.put("source_system", s.sourceSystem().name());
    m.put("commodity_code", js.commodityCode());
    m.put("category", js.category());
    m.put("analyte_code", analyte);
    m.put("region_code", s.divisionCode());
    m.put("programme_scope", s.programme().name());
    m.put("period_type", "DAY");
    m.put("period", day.toString());
    m.put("observed", 1L);
    m.put("method", "stream_rule:" + rule.name().toLowerCase());
    m.put("recurrence", 0);
    m.put("group_id", WarningTables.groupId(List.of(rule.name(), analyte == null ? "" : analyte, day.toString())));
    m.put("rank_score", (double) rule.severity().weight());
    String q = jr.quantitative().reason();
    m.put("details", rule.name() + ": " + jr.result().analyteRaw() + " in " + s.commodityRaw() + ", sample "
        + s.sampleId() + ", result " + jr.result().resultId() + " rev " + jr.result().revision()
        + (jr.result().valueMgPerKg() == null ? "" : ", " + jr.result().valueMgPerKg() + " mg/kg")
        + (q == null ? "" : " (" + q + ")"));
    m.put("created_at", now);
    m.put("updated_at", now);
    return m;
  }
}
