package org.agrisafe.streaming.endpoint;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Per-lab API keys of the upload endpoint: each lab ({@code lab_id} of the upload format) has one key; a request
 * is authenticated as the lab whose key it carries, and may post only that lab's results. Keys are compared in
 * constant time. File format: Java properties, {@code <lab_id>=<key>}, one lab per line.
 */
public final class ApiKeys {
  /** Shortest key accepted, characters. */
  public static final int MIN_KEY_LENGTH_DEFAULT = 16;

  private final Map<String, byte[]> keyByLab;

  /**
   * @param keyByLab lab ID to key
   * @throws IllegalArgumentException on a blank lab ID, a key shorter than {@value #MIN_KEY_LENGTH_DEFAULT}
   *     characters, or a key shared by two labs
   */
  public ApiKeys(Map<String, String> keyByLab) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    Map<String, String> labByKey = new LinkedHashMap<>();
    keyByLab.forEach(
        (lab, key) -> {
          if (lab == null || lab.isBlank()) {
            throw new IllegalArgumentException(
                "Invalid lab ID '" + lab + "' in API keys: expected a non-blank lab_id");
          }
          if (key == null || key.length() < MIN_KEY_LENGTH_DEFAULT) {
            throw new IllegalArgumentException(
                "API key of lab '"
                    + lab
                    + "' is too short: expected at least "
                    + MIN_KEY_LENGTH_DEFAULT
                    + " characters");
          }
          String other = labByKey.put(key, lab);
          if (other != null) {
            throw new IllegalArgumentException(
                "Labs '"
                    + other
                    + "' and '"
                    + lab
                    + "' share one API key: expected "
                    + "one key per lab");
          }
          m.put(lab, key.getBytes(StandardCharsets.UTF_8));
        });
    this.keyByLab = Map.copyOf(m);
  }

  /**
   * Loads keys from a properties file.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ApiKeys load(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read API keys file " + file, e);
    }
    Map<String, String> m = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k.strip(), p.getProperty(k).strip()));
    return new ApiKeys(m);
  }

  /** The lab a key belongs to, or empty for a missing or unknown key. */
  public Optional<String> labFor(String key) {
    if (key == null || key.isEmpty()) {
      return Optional.empty();
    }
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Map.Entry<String, byte[]> e : keyByLab.entrySet()) {
      if (MessageDigest.isEqual(e.getValue(), k)) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }
}
