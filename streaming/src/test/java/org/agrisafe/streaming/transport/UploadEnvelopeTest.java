package org.agrisafe.streaming.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link UploadEnvelope#toBytes} / {@link UploadEnvelope#fromBytes}, the form keyed state keeps envelopes in. */
class UploadEnvelopeTest {
  @Test
  void bytesRoundTripWithNullsAndNonAsciiText() {
    UploadEnvelope full =
        new UploadEnvelope(
            "upload-7.jsonl",
            17,
            "{\"commodity\":\"菠菜\",\"value\":0.02}",
            1_720_000_000_123L,
            "370100-QC-01");
    assertEquals(full, UploadEnvelope.fromBytes(full.toBytes()));
    UploadEnvelope nulls = new UploadEnvelope(null, 0, "", -1, null);
    assertEquals(nulls, UploadEnvelope.fromBytes(nulls.toBytes()));
  }

  @Test
  void truncatedOrPaddedBytesAreRefused() {
    byte[] b = new UploadEnvelope("s", 1, "{}", 2, null).toBytes();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> UploadEnvelope.fromBytes(Arrays.copyOf(b, b.length - 1)));
    assertEquals(true, e.getMessage().contains("truncated"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> UploadEnvelope.fromBytes(Arrays.copyOf(b, b.length + 1)));
    assertEquals(true, e.getMessage().contains("left over"), e.getMessage());
  }
}
