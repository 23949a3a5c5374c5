package org.agrisafe.streaming.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrisafe.intake.judging.Judging.JudgedResult;
import org.agrisafe.intake.judging.Judging.JudgedSample;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.lakehouse.tables.WarningTables.Producer;
import org.agrisafe.lakehouse.tables.WarningTables.Severity;
import org.agrisafe.risk.verdict.RapidOutcome;
import org.agrisafe.streaming.job.SampleProcessor;

/**
 * The real-time warning rules (producer {@link Producer#STREAM_RULE}), as pure functions from a judged current
 * result ({@link #warning}) or a judged sample ({@link #sampleWarnings}) to the column values of
 * {@code analytics.warnings} rows.
 *
 * <ul>
 *   <li>{@link Rule#BANNED_DETECTION}: any detection of a substance banned for that commodity on the sampling
 *       date by a verified ban rule (docs/conventions.md §5.2), even under the MRL; severity HIGH (RASFF alert).</li>
 *   <li>{@link Rule#EXCEEDANCE}: a quantitative result above its MRL (value &gt; MRL, strictly); severity MEDIUM
 *       (information for follow-up).</li>
 *   <li>{@link Rule#PRODUCER_REPEAT} and {@link Rule#RAPID_POSITIVE_RATE} are window rules over many results,
 *       raised by {@link ProducerRepeatRule} and {@link RapidPositiveRateRule} ({@link WindowRules}); this class
 *       returns no per-result warning for them.</li>
 *   <li>{@link Rule#CONFIRMED_AFTER_RAPID} (sample-level, raised by {@link SampleProcessor}, which sees all current
 *       results of a sample): a rapid result that is POSITIVE (enzyme inhibition &ge; 50 %, GB/T 5009.199, or a
 *       positive colloidal-gold strip) and a quantitative result of the same sample that fails (value &gt; MRL,
 *       or a detection of a substance under a verified ban): the suspicion is confirmed (docs/conventions.md §9.3);
 *       severity HIGH (RASFF alert). One warning per failing quantitative result's analyte, whatever the arrival
 *       order of the two results.</li>
 * </ul>
 * The common columns are set by {@link StreamWarningRow}. The warning ID is {@link WarningTables#warningId} over
 * (rule, sample_id, analyte_code, sample date): a
 * correction or a replay of the same finding maps onto the same warning, which the stream suppresses
 * ({@link WarningDeduplicator}). The period is the sample date (DAY, cut in the deployment's zone).
 */
public final class StreamRules {
  private StreamRules() {}

  /**
   * The rules: BANNED_DETECTION and EXCEEDANCE per result ({@link #warning}), PRODUCER_REPEAT and
   * RAPID_POSITIVE_RATE over windows ({@link WindowRules}), CONFIRMED_AFTER_RAPID per sample ({@link #sampleWarnings}).
   */
  public enum Rule {
    BANNED_DETECTION(Severity.HIGH),
    EXCEEDANCE(Severity.MEDIUM),
    /** Window rule ({@link ProducerRepeatRule}): a producer with N failing samples in D days. */
    PRODUCER_REPEAT(Severity.HIGH),
    /** Window rule ({@link RapidPositiveRateRule}): a district/commodity rapid-positive rate far above baseline. */
    RAPID_POSITIVE_RATE(Severity.MEDIUM),
    /** Sample-level: a confirmed failure after a rapid positive on the same sample ({@link #sampleWarnings}). */
    CONFIRMED_AFTER_RAPID(Severity.HIGH);

    private final Severity severity;

    Rule(Severity severity) {
      this.severity = severity;
    }

    public Severity severity() {
      return severity;
    }
  }

  /**
   * The warning a judged result raises under per-result {@code rule}, or null (always null for the window rules
   * and the sample-level {@link Rule#CONFIRMED_AFTER_RAPID}).
   *
   * @param now the instant the warning is raised (created_at), UTC
   */
  public static Map<String, Object> warning(
      Rule rule, JudgedSample js, JudgedResult jr, Instant now) {
    if (jr.quantitative() == null) {
      return null;
    }
    boolean fires =
        switch (rule) {
          case BANNED_DETECTION -> jr.quantitative().bannedDetection();
          case EXCEEDANCE -> jr.quantitative().exceeds();
          // window rules: raised by their own keyed operators over many results (WindowRules),
          // never per result
          case PRODUCER_REPEAT, RAPID_POSITIVE_RATE -> false;
          case CONFIRMED_AFTER_RAPID -> false; // sample-level: sampleWarnings
        };
    if (!fires) {
      return null;
    }
    Map<String, Object> m = base(rule, js, jr.analyteCode(), "RESULT", now);
    ParsedSample s = js.sample();
    String q = jr.quantitative().reason();
    m.put(
        "details",
        rule.name()
            + ": "
            + jr.result().analyteRaw()
            + " in "
            + s.commodityRaw()
            + ", sample "
            + s.sampleId()
            + ", result "
            + jr.result().resultId()
            + " rev "
            + jr.result().revision()
            + (jr.result().valueMgPerKg() == null
                ? ""
                : ", " + jr.result().valueMgPerKg() + " mg/kg")
            + (q == null ? "" : " (" + q + ")"));
    return m;
  }

  /**
   * The warnings a judged sample (all its current results) raises under the sample-level {@code rule}; empty when
   * it does not fire or {@code rule} is per-result.
   *
   * <p>{@link Rule#CONFIRMED_AFTER_RAPID}: fires when the sample has a rapid result with outcome POSITIVE and a
   * quantitative result that exceeds its MRL (value &gt; MRL, strictly) or is a banned detection; one warning per
   * distinct analyte of the failing quantitative results, naming the first positive rapid result (by result ID,
   * so that the text does not depend on arrival order): rapid method, analyte and reading, then the lab value in
   * mg/kg against the MRL.
   *
   * @param now the instant the warning is raised (created_at), UTC
   * @return column maps of {@code analytics.warnings}, ordered by analyte code
   */
  public static List<Map<String, Object>> sampleWarnings(Rule rule, JudgedSample js, Instant now) {
    if (rule != Rule.CONFIRMED_AFTER_RAPID) {
      return List.of();
    }
    JudgedResult rapid =
        js.results().stream()
            .filter(r -> r.rapid() != null && r.rapid().outcome() == RapidOutcome.POSITIVE)
            .min(Comparator.comparing(r -> r.result().resultId()))
            .orElse(null);
    if (rapid == null) {
      return List.of();
    }
    Map<String, JudgedResult> failing = new TreeMap<>();
    js.results().stream()
        .filter(
            r ->
                r.quantitative() != null
                    && (r.quantitative().exceeds() || r.quantitative().bannedDetection()))
        .sorted(Comparator.comparing(r -> r.result().resultId()))
        .forEach(r -> failing.putIfAbsent(r.analyteCode() == null ? "" : r.analyteCode(), r));
    List<Map<String, Object>> out = new ArrayList<>();
    for (JudgedResult q : failing.values()) {
      Map<String, Object> m = base(rule, js, q.analyteCode(), "SAMPLE", now);
      m.put(
          "details",
          rule.name()
              + ": sample "
              + js.sample().sampleId()
              + " ("
              + js.sample().commodityRaw()
              + "): rapid "
              + rapid.rapid().method()
              + " "
              + rapid.result().analyteRaw()
              + " POSITIVE"
              + (rapid.result().inhibitionRatePct() == null
                  ? ""
                  : " (inhibition " + rapid.result().inhibitionRatePct() + " %)")
              + (rapid.falsePositiveProne() ? " [false-positive-prone commodity]" : "")
              + ", result "
              + rapid.result().resultId()
              + "; confirmed by "
              + (q.result().method() == null ? "quantitative" : q.result().method().code())
              + " "
              + q.result().analyteRaw()
              + " "
              + labValue(q)
              + ", result "
              + q.result().resultId()
              + " rev "
              + q.result().revision());
      out.add(m);
    }
    return out;
  }

  /** "0.3 mg/kg &gt; MRL 0.2 mg/kg (GB 2763-2021)", or the banned-detection wording. */
  private static String labValue(JudgedResult q) {
    Double v = q.result().valueMgPerKg();
    var limit = q.quantitative().appliedLimit();
    String value = v == null ? q.quantitative().detection().name() : v + " mg/kg";
    String mrl =
        limit == null
            ? "no applicable MRL"
            : limit.mrlMgPerKg() == null
                ? "limit " + limit.limitType() + " (" + limit.standard() + ")"
                : "MRL " + limit.mrlMgPerKg() + " mg/kg (" + limit.standard() + ")";
    String cmp = q.quantitative().exceeds() ? " > " : " vs ";
    return value
        + cmp
        + mrl
        + (q.quantitative().bannedDetection() ? ", banned substance detected" : "");
  }

  /**
   * The columns of a per-result or sample rule's warning ({@link StreamWarningRow} with the sample's place and
   * programme, observed 1, grouped by rule, analyte and day); {@code details} is left to the caller.
   */
  private static Map<String, Object> base(
      Rule rule, JudgedSample js, String analyte, String seriesLevel, Instant now) {
    ParsedSample s = js.sample();
    LocalDate day = s.sampleDate();
    String a = analyte == null ? "" : analyte;
    return StreamWarningRow.of(rule, seriesLevel, List.of(s.sampleId(), a), day, now)
        .where(s.sourceSystem().name(), js.commodityCode(), s.divisionCode(), s.programme().name())
        .set("category", js.category())
        .set("analyte_code", analyte)
        .observed(1L)
        .group(List.of(a, day.toString()))
        .row();
  }
}
