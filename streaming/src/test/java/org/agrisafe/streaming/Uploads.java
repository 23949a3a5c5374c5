package org.agrisafe.streaming;

/** Test fixtures: upload-format JSON lines. */
final class Uploads {
  private Uploads() {}

  static final String LAB = "370100-QC-01";

  /** A quantitative record of lab {@link #LAB}, division 370102. */
  static String rec(String resultId, int revision, String sampleId, String commodity, String analyte, String value,
      String unit, String sampledAt) {
    return "{\"result_id\":\"" + resultId + "\",\"revision\":" + revision + ",\"sample_id\":\"" + sampleId
        + "\",\"lab_id\":\"" + LAB + "\",\"lab_level\":\"city\",\"sampling_stage\":\"wholesale_market\","
        + "\"division_code\":\"370102\",\"commodity\":\"" + commodity + "\",\"analyte\":\"" + analyte + "\","
        + "\"method\":\"LC-MS/MS\",\"value\":\"" + value + "\",\"unit\":\"" + unit + "\",\"sampled_at\":\""
        + sampledAt + "\",\"programme\":\"random_monitoring\"}";
  }

  /** Carbofuran (克百威, verified ban on vegetables) detected on celery: a banned detection. */
  static String banned(String resultId, int revision, String sampleId, String sampledAt) {
    return rec(resultId, revision, sampleId, "芹菜", "克百威", "5", "µg/kg", sampledAt);
  }

  /** Procymidone (腐霉利) on chives, {@code value} mg/kg against the GB 2763-2021 MRL 0.2 mg/kg. */
  static String procymidone(String resultId, int revision, String sampleId, String value, String sampledAt) {
    return rec(resultId, revision, sampleId, "韭菜", "腐霉利", value, "mg/kg", sampledAt);
  }

  static UploadEnvelope env(String payload, long line) {
    return new UploadEnvelope("test.jsonl", line, payload, 1_700_000_000_000L + line, null);
  }
}
