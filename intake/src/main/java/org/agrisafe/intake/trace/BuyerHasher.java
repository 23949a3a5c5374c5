package org.agrisafe.intake.trace;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.agrisafe.lakehouse.config.LakehouseConfig;

/**
 * Keyed hash of a natural person's ID number or phone (docs/conventions.md §17.1): HMAC-SHA256 (RFC 2104,
 * FIPS 198-1) with a secret from configuration, hex-encoded (64 characters), stored with the key's identifier.
 * The same person gets the same hash in every shop (one key per deployment), so purchases link across shops
 * without the ID ever landing in clear.
 *
 * <p>Normalisation before hashing: NFKC, spaces and hyphens removed, upper case (the ID check letter {@code x}
 * → {@code X}); phones also lose a leading {@code +86} / {@code 0086}.
 *
 * <p>Rotation: the current key ({@link LakehouseConfig#BUYER_HASH_KEY}, id {@link
 * LakehouseConfig#BUYER_HASH_KEY_ID}) hashes new data; previous keys ({@link
 * LakehouseConfig#BUYER_HASH_PREVIOUS_KEYS}) stay for reading: {@link #lookupKeys} gives the hash of a value
 * under every known key so that rows written before the rotation are still found. Re-keying re-ingests the
 * retained ledger files (kept at least 2 years by the shops) under the current key; an HMAC cannot be re-keyed
 * without the clear value, by design.
 */
public final class BuyerHasher implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String keyId;
  private final byte[] key;
  private final Map<String, byte[]> previous;
  private final boolean developmentKey;

  /**
   * @param keyId identifier of the current key, non-blank, no ':' or ','
   * @param secret the current secret, at least 16 characters
   * @param previous earlier keys by id (may be empty)
   * @throws IllegalArgumentException on a blank id or a short secret
   */
  public BuyerHasher(String keyId, String secret, Map<String, String> previous) {
    if (keyId == null || keyId.isBlank() || keyId.contains(":") || keyId.contains(",")) {
      throw new IllegalArgumentException(
          "Invalid buyer-hash key id '"
              + keyId
              + "': expected a non-blank id"
              + " without ':' or ','");
    }
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException(
          "Buyer-hash key '" + keyId + "' is too short: expected >= 16 characters");
    }
    this.keyId = keyId;
    this.key = secret.getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> p = new LinkedHashMap<>();
    previous.forEach((id, s) -> p.put(id, s.getBytes(StandardCharsets.UTF_8)));
    this.previous = Collections.unmodifiableMap(p);
    this.developmentKey = secret.equals(LakehouseConfig.BUYER_HASH_KEY_DEFAULT);
  }

  /**
   * The hasher of a deployment; prints a warning to stderr when the development-only default key is in use.
   *
   * @throws IllegalArgumentException when {@code buyer-hash-previous-keys} is not {@code id:secret,...}
   */
  public static BuyerHasher fromConfig(LakehouseConfig cfg) {
    Map<String, String> prev = new LinkedHashMap<>();
    String text = cfg.get(LakehouseConfig.BUYER_HASH_PREVIOUS_KEYS).trim();
    if (!text.isEmpty()) {
      for (String part : text.split(",")) {
        int i = part.indexOf(':');
        if (i <= 0 || i == part.length() - 1) {
          throw new IllegalArgumentException(
              "Cannot parse "
                  + LakehouseConfig.BUYER_HASH_PREVIOUS_KEYS
                  + " entry #"
                  + (prev.size() + 1)
                  + ": expected id:secret");
        }
        prev.put(part.substring(0, i).trim(), part.substring(i + 1).trim());
      }
    }
    BuyerHasher h =
        new BuyerHasher(
            cfg.get(LakehouseConfig.BUYER_HASH_KEY_ID),
            cfg.get(LakehouseConfig.BUYER_HASH_KEY),
            prev);
    if (h.developmentKey) {
      System.err.println(
          "WARNING: "
              + LakehouseConfig.BUYER_HASH_KEY
              + " is the DEVELOPMENT-ONLY default key,"
              + " published in the source: buyer hashes are not protected. Set AGRISAFE_BUYER_HASH_KEY in production.");
    }
    return h;
  }

  /** The current key's identifier. */
  public String keyId() {
    return keyId;
  }

  /** Whether the current key is the published development-only default. */
  public boolean usesDevelopmentKey() {
    return developmentKey;
  }

  /** HMAC-SHA256 hex of a normalised ID number under the current key; null for null or blank. */
  public String hashIdNumber(String idNumber) {
    String n = normaliseId(idNumber);
    return n == null ? null : hmac(key, "ID|" + n);
  }

  /** HMAC-SHA256 hex of a normalised phone under the current key; null for null or blank. */
  public String hashPhone(String phone) {
    String n = normalisePhone(phone);
    return n == null ? null : hmac(key, "PHONE|" + n);
  }

  /** The hash of an ID number under the current and every previous key: key id → hash (for look-ups). */
  public Map<String, String> lookupKeys(String idNumber) {
    Map<String, String> m = new LinkedHashMap<>();
    String n = normaliseId(idNumber);
    if (n == null) {
      return m;
    }
    m.put(keyId, hmac(key, "ID|" + n));
    previous.forEach((id, k) -> m.put(id, hmac(k, "ID|" + n)));
    return m;
  }

  static String normaliseId(String s) {
    if (s == null) {
      return null;
    }
    String n =
        Normalizer.normalize(s, Normalizer.Form.NFKC)
            .replaceAll("[\\s-]", "")
            .toUpperCase(Locale.ROOT);
    return n.isEmpty() ? null : n;
  }

  static String normalisePhone(String s) {
    String n = normaliseId(s);
    if (n == null) {
      return null;
    }
    if (n.startsWith("+86")) {
      n = n.substring(3);
    } else if (n.startsWith("0086")) {
      n = n.substring(4);
    }
    return n;
  }

  private static String hmac(byte[] k, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(k, "HmacSHA256"));
      return java.util.HexFormat.of()
          .formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
