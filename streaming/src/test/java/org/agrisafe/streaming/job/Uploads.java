package org.agrisafe.streaming.job;

import org.agrisafe.streaming.transport.UploadEnvelope;
import org.agrisafe.streaming.transport.UploadJson;

/** Test fixtures: upload-format JSON lines. */
public final class Uploads {
  private Uploads() {}

  public static final String LAB = "370100-QC-01";

  /** A quantitative record of lab {@link #LAB}, division 370102. */
  public static String rec(
      String resultId,
      int revision,
      String sampleId,
      String commodity,
      String analyte,
      String value,
      String unit,
      String sampledAt) {
    return "{\"result_id\":\""
        + resultId
        + "\",\"revision\":"
        + revision
        + ",\"sample_id\":\""
        + sampleId
        + "\",\"lab_id\":\""
        + LAB
        + "\",\"lab_level\":\"city\",\"sampling_stage\":\"wholesale_market\","
        + "\"division_code\":\"370102\",\"commodity\":\""
        + commodity
        + "\",\"analyte\":\""
        + analyte
        + "\","
        + "\"method\":\"LC-MS/MS\",\"value\":\""
        + value
        + "\",\"unit\":\""
        + unit
        + "\",\"sampled_at\":\""
        + sampledAt
        + "\",\"programme\":\"random_monitoring\"}";
  }

  /** Carbofuran (克百威, verified ban on vegetables) detected on celery: a banned detection. */
  public static String banned(String resultId, int revision, String sampleId, String sampledAt) {
    return rec(resultId, revision, sampleId, "芹菜", "克百威", "5", "µg/kg", sampledAt);
  }

  /** Procymidone (腐霉利) on chives, {@code value} mg/kg against the GB 2763-2021 MRL 0.2 mg/kg. */
  public static String procymidone(
      String resultId, int revision, String sampleId, String value, String sampledAt) {
    return rec(resultId, revision, sampleId, "韭菜", "腐霉利", value, "mg/kg", sampledAt);
  }

  /**
   * An enzyme-inhibition rapid test (GB/T 5009.199) of lab {@link #LAB} for organophosphorus and carbamate
   * pesticides: {@code inhibitionPct} % (&ge; 50 % is POSITIVE).
   */
  public static String rapid(
      String resultId,
      int revision,
      String sampleId,
      String commodity,
      String inhibitionPct,
      String sampledAt) {
    return "{\"result_id\":\""
        + resultId
        + "\",\"revision\":"
        + revision
        + ",\"sample_id\":\""
        + sampleId
        + "\",\"lab_id\":\""
        + LAB
        + "\",\"lab_level\":\"city\",\"sampling_stage\":\"wholesale_market\","
        + "\"division_code\":\"370102\",\"commodity\":\""
        + commodity
        + "\",\"analyte\":\"有机磷和氨基甲酸酯类农药\","
        + "\"method\":\"ENZYME_INHIBITION\",\"inhibition_rate_pct\":\""
        + inhibitionPct
        + "\",\"sampled_at\":\""
        + sampledAt
        + "\",\"programme\":\"random_monitoring\"}";
  }

  public static UploadEnvelope env(String payload, long line) {
    return new UploadEnvelope("test.jsonl", line, payload, 1_700_000_000_000L + line, null);
  }

  /** The parsed record of {@code payload} (must be valid). */
  public static org.agrisafe.intake.ingest.UploadRecords.Valid parse(String payload, long line) {
    var o =
        org.agrisafe.intake.ingest.UploadRecords.parse(
            UploadJson.fields(payload),
            "test.jsonl",
            line,
            java.time.ZoneId.of(org.agrisafe.lakehouse.config.LakehouseConfig.ZONE_DEFAULT));
    if (o instanceof org.agrisafe.intake.ingest.UploadRecords.Invalid inv) {
      throw new IllegalArgumentException(
          "Invalid test record " + line + ": " + inv.rejected().reason());
    }
    return (org.agrisafe.intake.ingest.UploadRecords.Valid) o;
  }

  /** {@code payload} as the record of a new current revision ({@link ResultProcessor#CURRENT}). */
  public static CurrentRecord current(String payload, long line) {
    var v = parse(payload, line);
    return new CurrentRecord(
        v.sample().sampleId(), v.result().resultId(), v.result().revision(), env(payload, line));
  }
}
