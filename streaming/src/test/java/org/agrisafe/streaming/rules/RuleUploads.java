package org.agrisafe.streaming.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.agrisafe.streaming.job.RuleFact;
import org.agrisafe.streaming.job.Uploads;

/** Test fixtures of the window rules: upload records with producer and division, and {@link RuleFact}s. */
public final class RuleUploads {
  private RuleUploads() {}

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode base(
      String resultId,
      int revision,
      String sampleId,
      String producer,
      String division,
      String commodity,
      String sampledAt) {
    ObjectNode o = JSON.createObjectNode();
    o.put("result_id", resultId);
    o.put("revision", revision);
    o.put("sample_id", sampleId);
    o.put("lab_id", Uploads.LAB);
    o.put("lab_level", "city");
    o.put("sampling_stage", "wholesale_market");
    if (division != null) {
      o.put("division_code", division);
    }
    if (producer != null) {
      o.put("producer_id", producer);
    }
    o.put("commodity", commodity);
    o.put("sampled_at", sampledAt);
    o.put("programme", "random_monitoring");
    return o;
  }

  /**
   * Procymidone (腐霉利) on chives (韭菜), LC-MS/MS, {@code value} mg/kg; after 2023-05 the MRL is 5 mg/kg
   * (GB 2763.1-2022), so "6" fails and "1" passes.
   */
  public static String quantitative(
      String resultId,
      int revision,
      String sampleId,
      String producer,
      String value,
      String sampledAt) {
    ObjectNode o = base(resultId, revision, sampleId, producer, "370102", "韭菜", sampledAt);
    o.put("analyte", "腐霉利");
    o.put("method", "LC-MS/MS");
    o.put("value", value);
    o.put("unit", "mg/kg");
    return o.toString();
  }

  /** An enzyme-inhibition rapid test on {@code commodity}: 62 % inhibition is POSITIVE, 12 % NEGATIVE. */
  public static String rapid(
      String resultId,
      String sampleId,
      String division,
      String commodity,
      boolean positive,
      String sampledAt) {
    ObjectNode o = base(resultId, 1, sampleId, null, division, commodity, sampledAt);
    o.put("analyte", "有机磷和氨基甲酸酯类农药");
    o.put("method", "ENZYME_INHIBITION");
    o.put("inhibition_rate_pct", positive ? "62" : "12");
    return o.toString();
  }

  /** The local day (Asia/Shanghai) of an ISO-8601 instant with offset, days since 1970-01-01. */
  public static long day(String sampledAt) {
    return OffsetDateTime.parse(sampledAt).atZoneSameInstant(SHANGHAI).toLocalDate().toEpochDay();
  }

  /** Epoch ms of an ISO-8601 instant with offset. */
  public static long ms(String instant) {
    return OffsetDateTime.parse(instant).toInstant().toEpochMilli();
  }

  /** A failing quantitative fact of producer P sampled at {@code sampledAt}. */
  public static RuleFact failure(
      String resultId, int revision, String sampleId, String producer, String sampledAt) {
    RuleFact f = new RuleFact();
    f.add = true;
    f.resultId = "PLATFORM_UPLOAD:" + resultId;
    f.revision = revision;
    f.sampleId = "PLATFORM_UPLOAD:" + sampleId;
    f.sourceSystem = "PLATFORM_UPLOAD";
    f.producerId = producer;
    f.divisionCode = "370102";
    f.commodityCode = "韭菜";
    f.sampleDay = day(sampledAt);
    f.fail = true;
    return f;
  }

  /** A rapid-test fact of (division, commodity) sampled at {@code sampledAt}. */
  public static RuleFact rapidFact(
      String resultId, String division, String commodity, boolean positive, String sampledAt) {
    RuleFact f = new RuleFact();
    f.add = true;
    f.resultId = "PLATFORM_UPLOAD:" + resultId;
    f.revision = 1;
    f.sampleId = "PLATFORM_UPLOAD:S-" + resultId;
    f.sourceSystem = "PLATFORM_UPLOAD";
    f.divisionCode = division;
    f.commodityCode = commodity;
    f.sampleDay = day(sampledAt);
    f.rapid = true;
    f.positive = positive;
    return f;
  }
}
