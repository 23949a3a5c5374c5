package org.agrisafe.streaming.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.agrisafe.streaming.job.Uploads;
import org.junit.jupiter.api.Test;

/** {@link EnvelopeCodec}: the streaming decode gives what the tree decode gives, on every shape. */
class EnvelopeCodecTest {
  @Test
  void encodedEnvelopesDecodeBothWaysAlike() {
    for (UploadEnvelope e :
        new UploadEnvelope[] {
          new UploadEnvelope(
              "upload-7.jsonl",
              17,
              Uploads.banned("R1", 1, "S1", "2024-07-01T09:00:00+08:00"),
              1_720_000_000_123L,
              "370100-QC-01"),
          new UploadEnvelope(
              "s",
              2,
              "{\"commodity\":\"菠菜\",\"value\":1.50,\"n\":{\"x\":[1,2]},\"q\":\"a\\\"}b\"}",
              3,
              null)
        }) {
      String value = EnvelopeCodec.encode(e);
      UploadEnvelope fast = EnvelopeCodec.decodeStreaming(value);
      assertNotNull(fast, value);
      assertEquals(EnvelopeCodec.decodeTree(value), fast, value);
      assertEquals(
          EnvelopeCodec.decodeTree(value).payload, fast.payload, "the encoder writes compact JSON");
    }
  }

  @Test
  void otherShapesTakeTheTreePath() {
    for (String value :
        new String[] {
          "not json",
          "[1]",
          "{\"record\":\"text\"}",
          "{\"raw\":\"x\",\"source\":\"s\"}",
          "{\"source\":\"s\"}",
          "{\"record\":{\"a\":1},\"record\":{\"a\":2}}",
          "{\"record\":{\"a\":1}} trailing",
          "{\"record\":{\"a\":1},\"source\":7}",
          "{\"record\":{\"a\":1},\"line\":\"17\"}"
        }) {
      assertNull(EnvelopeCodec.decodeStreaming(value), value);
      assertEquals(EnvelopeCodec.decodeTree(value), EnvelopeCodec.decode(value), value);
    }
    // spaces inside the record are kept as sent; the fields are the same
    String spaced =
        "{\"source\":\"s\",\"line\":1,\"received_at_ms\":2,\"record\": { \"result_id\" : \"R1\" , \"v\": 1.50 } }";
    UploadEnvelope fast = EnvelopeCodec.decodeStreaming(spaced);
    assertEquals("{ \"result_id\" : \"R1\" , \"v\": 1.50 }", fast.payload);
    assertEquals(Map.of("result_id", "R1", "v", "1.5"), UploadJson.fields(fast.payload));
    assertEquals(
        UploadJson.fields(EnvelopeCodec.decodeTree(spaced).payload),
        UploadJson.fields(fast.payload));
  }
}
