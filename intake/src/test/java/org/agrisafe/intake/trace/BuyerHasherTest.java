package org.agrisafe.intake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.junit.jupiter.api.Test;

class BuyerHasherTest {
  private static final String ID = "11010519491231002X"; // the worked example of GB 11643-1999

  @Test
  void gb11643CheckCharacterOfTheStandardsExample() {
    assertEquals('X', IdNumbers.checkChar("11010519491231002"));
    assertTrue(IdNumbers.valid(ID));
    assertTrue(IdNumbers.valid("110105 19491231 002x"));
    assertFalse(IdNumbers.valid("110105194912310021"));
  }

  @Test
  void hmacMatchesAnIndependentComputationAndNormalises() throws Exception {
    BuyerHasher h = new BuyerHasher("k1", "0123456789abcdef-secret", Map.of());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            "0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal(("ID|" + ID).getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, h.hashIdNumber(ID));
    assertEquals(
        expected, h.hashIdNumber(" 110105-19491231-002x "), "spaces, hyphens and lower-case x");
    assertEquals(64, expected.length());
    assertFalse(expected.contains(ID));
    assertEquals(h.hashPhone("13912345678"), h.hashPhone("+86 139 1234 5678"));
    assertNotEquals(
        h.hashPhone("13912345678"), h.hashIdNumber("13912345678"), "ID and phone hashes are apart");
  }

  @Test
  void rotationKeepsOldKeysForReading() {
    BuyerHasher old = new BuyerHasher("k1", "first-secret-0123456789", Map.of());
    BuyerHasher now =
        new BuyerHasher("k2", "second-secret-0123456789", Map.of("k1", "first-secret-0123456789"));
    assertNotEquals(old.hashIdNumber(ID), now.hashIdNumber(ID));
    Map<String, String> look = now.lookupKeys(ID);
    assertEquals(now.hashIdNumber(ID), look.get("k2"));
    assertEquals(
        old.hashIdNumber(ID), look.get("k1"), "a row hashed before the rotation is still found");
  }

  @Test
  void configurationDefaultIsFlaggedAsDevelopmentOnlyAndOverridable() {
    LakehouseConfig dev = LakehouseConfig.load(null, Map.of(), Map.of());
    assertTrue(BuyerHasher.fromConfig(dev).usesDevelopmentKey());
    assertEquals(
        "****", dev.describe().get(LakehouseConfig.BUYER_HASH_KEY), "the key is masked in logs");
    LakehouseConfig prod =
        LakehouseConfig.load(
            null,
            Map.of(),
            Map.of(
                "AGRISAFE_BUYER_HASH_KEY",
                "a-production-secret-from-vault",
                "AGRISAFE_BUYER_HASH_KEY_ID",
                "2026-11"));
    BuyerHasher h = BuyerHasher.fromConfig(prod);
    assertFalse(h.usesDevelopmentKey());
    assertEquals("2026-11", h.keyId());
    assertThrows(IllegalArgumentException.class, () -> new BuyerHasher("k", "short", Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BuyerHasher.fromConfig(dev.with(LakehouseConfig.BUYER_HASH_PREVIOUS_KEYS, "nocolon")));
  }
}
