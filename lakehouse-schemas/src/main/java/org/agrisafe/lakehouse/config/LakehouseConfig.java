package org.agrisafe.lakehouse.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Configuration of a deployment: which catalog and warehouse, which zone periods are cut in, and how Spark runs.
 *
 * <p><b>Order of precedence</b> (highest first), written once here: (1) explicit overrides (command-line
 * {@code --conf key=value}); (2) environment variables {@code AGRISAFE_<KEY>} with dashes as underscores, e.g.
 * {@code AGRISAFE_CATALOG_URI}; (3) the configuration file ({@code --config FILE}, Java properties syntax);
 * (4) the {@code *_DEFAULT} constants below (the embedded default: a JDBC catalog on a SQLite file and a local
 * warehouse folder, Spark in local mode).
 *
 * <p><b>Keys</b> are kebab-case. Unknown keys are rejected with an error naming them, except those starting with
 * {@value #ICEBERG_PREFIX}, which pass through unchanged to the Iceberg catalog (e.g. {@code
 * iceberg.io-impl=org.apache.iceberg.aws.s3.S3FileIO}, {@code iceberg.s3.endpoint=...}), and {@value
 * #SPARK_PREFIX}, which pass through to the Spark session (e.g. {@code spark.executor.memory=4g}).
 */
public final class LakehouseConfig {
  public static final String ICEBERG_PREFIX = "iceberg.";
  public static final String SPARK_PREFIX = "spark.";

  /** Name of the Iceberg catalog in every engine (Spark, Flink, Trino, PyIceberg). */
  public static final String CATALOG_NAME = "catalog-name";

  public static final String CATALOG_NAME_DEFAULT = "agrisafe";

  /** {@code jdbc} (SQLite file or PostgreSQL) or {@code rest} (Iceberg REST catalog). */
  public static final String CATALOG_TYPE = "catalog-type";

  public static final String CATALOG_TYPE_DEFAULT = "jdbc";

  /** Catalog URI: {@code jdbc:sqlite:...}, {@code jdbc:postgresql://...} or {@code http(s)://...} for REST. */
  public static final String CATALOG_URI = "catalog-uri";

  /** Empty default: derived as {@code jdbc:sqlite:<lakehouse-dir>/catalog.db}. */
  public static final String CATALOG_URI_DEFAULT = "";

  public static final String CATALOG_USER = "catalog-user";
  public static final String CATALOG_USER_DEFAULT = "";
  public static final String CATALOG_PASSWORD = "catalog-password";
  public static final String CATALOG_PASSWORD_DEFAULT = "";

  /** Folder of the embedded lakehouse (catalog file and warehouse), relative to the working directory. */
  public static final String LAKEHOUSE_DIR = "lakehouse-dir";

  public static final String LAKEHOUSE_DIR_DEFAULT = "lakehouse";

  /** Warehouse location: a folder, {@code s3://bucket/path} or {@code hdfs://...}. Empty = lakehouse-dir/warehouse. */
  public static final String WAREHOUSE = "warehouse";

  public static final String WAREHOUSE_DEFAULT = "";

  /**
   * Zone in which days, ISO weeks and months are cut, everywhere (docs/conventions.md §13.2): an IANA zone ID.
   * Fixed per lakehouse: recorded in its tables when they are created, and a run with another zone is refused
   * ({@code LakehouseBootstrap.checkZone}).
   */
  public static final String ZONE = "zone";

  public static final String ZONE_DEFAULT = "Asia/Shanghai";

  /** Spark master; {@code local[2]} embedded, or left to spark-submit when {@code cluster}. */
  public static final String SPARK_MASTER = "spark-master";

  public static final String SPARK_MASTER_DEFAULT = "local[2]";

  public static final String SPARK_SHUFFLE_PARTITIONS = "spark-shuffle-partitions";
  public static final String SPARK_SHUFFLE_PARTITIONS_DEFAULT = "4";

  /** Where exports, reports and maps are written. */
  public static final String OUTPUT_DIR = "output-dir";

  public static final String OUTPUT_DIR_DEFAULT = "out";

  /** Commit retries for concurrent writers (Iceberg {@code commit.retry.num-retries}). */
  public static final String COMMIT_RETRIES = "commit-retries";

  public static final String COMMIT_RETRIES_DEFAULT = "10";

  /**
   * Back-off of a retried commit, applied to new tables as {@code table-default.commit.retry.*} (override with the
   * pass-through key {@code iceberg.table-default.commit.retry.min-wait-ms} and the like). First wait after a
   * conflicting commit, ms; doubled at each retry (Iceberg's own default 100).
   */
  public static final long COMMIT_RETRY_MIN_WAIT_MS_DEFAULT = 100;

  /**
   * Longest wait between two commit attempts, ms (Iceberg's own default 60 000): the stream commits at every
   * checkpoint (1 s), so one conflicting commit must not stall it for a minute; with 10 retries the waits add up
   * to about 40 s at most.
   */
  public static final long COMMIT_RETRY_MAX_WAIT_MS_DEFAULT = 10_000;

  /**
   * Time after which a commit stops retrying and fails, ms (Iceberg's own default 1 800 000): 5 minutes, so that
   * a commit that cannot succeed fails the streaming job visibly within minutes (it restarts from its last
   * checkpoint and commits those files again) instead of blocking its committer, and every later checkpoint's
   * commit, for half an hour.
   */
  public static final long COMMIT_RETRY_TOTAL_TIMEOUT_MS_DEFAULT = 300_000;

  /**
   * Secret of the HMAC-SHA256 keyed hash of natural-person buyers' ID numbers and phones (docs/conventions.md
   * §17.1). The default is a DEVELOPMENT-ONLY key, published in this source file: a warning is printed whenever it
   * is used ({@code org.agrisafe.intake.trace.BuyerHasher}). Set a secret per deployment, e.g. with the
   * environment variable {@code AGRISAFE_BUYER_HASH_KEY}.
   */
  public static final String BUYER_HASH_KEY = "buyer-hash-key";

  public static final String BUYER_HASH_KEY_DEFAULT =
      "DEVELOPMENT-ONLY-agrisafe-buyer-hash-key-not-secret";

  /** Identifier of {@link #BUYER_HASH_KEY}, stored beside every hash so that keys can be rotated. */
  public static final String BUYER_HASH_KEY_ID = "buyer-hash-key-id";

  public static final String BUYER_HASH_KEY_ID_DEFAULT = "dev-0";

  /** Earlier keys kept for reading after a rotation: {@code id1:secret1,id2:secret2}; empty by default. */
  public static final String BUYER_HASH_PREVIOUS_KEYS = "buyer-hash-previous-keys";

  public static final String BUYER_HASH_PREVIOUS_KEYS_DEFAULT = "";

  private static final Map<String, String> DEFAULTS;

  static {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(CATALOG_NAME, CATALOG_NAME_DEFAULT);
    d.put(CATALOG_TYPE, CATALOG_TYPE_DEFAULT);
    d.put(CATALOG_URI, CATALOG_URI_DEFAULT);
    d.put(CATALOG_USER, CATALOG_USER_DEFAULT);
    d.put(CATALOG_PASSWORD, CATALOG_PASSWORD_DEFAULT);
    d.put(LAKEHOUSE_DIR, LAKEHOUSE_DIR_DEFAULT);
    d.put(WAREHOUSE, WAREHOUSE_DEFAULT);
    d.put(ZONE, ZONE_DEFAULT);
    d.put(SPARK_MASTER, SPARK_MASTER_DEFAULT);
    d.put(SPARK_SHUFFLE_PARTITIONS, SPARK_SHUFFLE_PARTITIONS_DEFAULT);
    d.put(OUTPUT_DIR, OUTPUT_DIR_DEFAULT);
    d.put(COMMIT_RETRIES, COMMIT_RETRIES_DEFAULT);
    d.put(BUYER_HASH_KEY, BUYER_HASH_KEY_DEFAULT);
    d.put(BUYER_HASH_KEY_ID, BUYER_HASH_KEY_ID_DEFAULT);
    d.put(BUYER_HASH_PREVIOUS_KEYS, BUYER_HASH_PREVIOUS_KEYS_DEFAULT);
    DEFAULTS = Collections.unmodifiableMap(d);
  }

  private final Map<String, String> values;

  private LakehouseConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    ZoneId.of(get(ZONE)); // validate early
    String type = get(CATALOG_TYPE);
    if (!type.equals("jdbc") && !type.equals("rest")) {
      throw new IllegalArgumentException(
          "Invalid " + CATALOG_TYPE + " '" + type + "': expected 'jdbc' or 'rest'");
    }
    try {
      if (Integer.parseInt(get(SPARK_SHUFFLE_PARTITIONS)) < 1) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid "
              + SPARK_SHUFFLE_PARTITIONS
              + " '"
              + get(SPARK_SHUFFLE_PARTITIONS)
              + "': expected a positive integer");
    }
  }

  /** The embedded default, with environment variables applied. */
  public static LakehouseConfig defaults() {
    return load(null, Map.of(), System.getenv());
  }

  /**
   * Builds a configuration by the order of precedence above.
   *
   * @param file a properties file, or null
   * @param overrides explicit overrides (highest precedence)
   * @param env environment variables (usually {@link System#getenv()})
   * @throws IllegalArgumentException on an unknown key, naming it and where it came from
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static LakehouseConfig load(
      Path file, Map<String, String> overrides, Map<String, String> env) {
    Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
    if (file != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("Cannot read configuration file " + file, e);
      }
      for (String k : p.stringPropertyNames()) {
        put(v, k, p.getProperty(k).trim(), "configuration file " + file);
      }
    }
    for (String k : DEFAULTS.keySet()) {
      String envName = "AGRISAFE_" + k.toUpperCase().replace('-', '_');
      String e = env.get(envName);
      if (e != null && !e.isBlank()) {
        v.put(k, e.trim());
      }
    }
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      put(v, e.getKey(), e.getValue(), "override");
    }
    return new LakehouseConfig(v);
  }

  private static void put(Map<String, String> v, String key, String value, String origin) {
    if (!DEFAULTS.containsKey(key)
        && !key.startsWith(ICEBERG_PREFIX)
        && !key.startsWith(SPARK_PREFIX)) {
      throw new IllegalArgumentException(
          "Unknown configuration key '"
              + key
              + "' in "
              + origin
              + ": expected one of "
              + DEFAULTS.keySet()
              + " or a key starting with '"
              + ICEBERG_PREFIX
              + "' or '"
              + SPARK_PREFIX
              + "'");
    }
    v.put(key, value);
  }

  /** A copy with one more override. */
  public LakehouseConfig with(String key, String value) {
    Map<String, String> v = new LinkedHashMap<>(values);
    put(v, key, value, "override");
    return new LakehouseConfig(v);
  }

  public String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("Unknown configuration key '" + key + "'");
    }
    return value;
  }

  public String catalogName() {
    return get(CATALOG_NAME);
  }

  public ZoneId zone() {
    return ZoneId.of(get(ZONE));
  }

  public Path lakehouseDir() {
    return Path.of(get(LAKEHOUSE_DIR)).toAbsolutePath().normalize();
  }

  public Path outputDir() {
    return Path.of(get(OUTPUT_DIR)).toAbsolutePath().normalize();
  }

  /** True for the embedded default (JDBC catalog on a local SQLite file). */
  public boolean isEmbedded() {
    return get(CATALOG_TYPE).equals("jdbc") && catalogUri().startsWith("jdbc:sqlite:");
  }

  public String catalogUri() {
    String uri = get(CATALOG_URI);
    return uri.isEmpty() ? "jdbc:sqlite:" + lakehouseDir().resolve("catalog.db") : uri;
  }

  public String warehouse() {
    String w = get(WAREHOUSE);
    if (w.isEmpty()) {
      return lakehouseDir().resolve("warehouse").toUri().toString();
    }
    if (!w.contains("://") && !w.startsWith("file:")) {
      return Path.of(w).toAbsolutePath().normalize().toUri().toString();
    }
    return w;
  }

  /**
   * The Iceberg catalog properties, as every engine needs them: {@code type}, {@code uri}, {@code warehouse},
   * the JDBC catalog schema version V1 (shared by Spark, Flink, Trino and PyIceberg), credentials, commit
   * retries ({@code table-default.commit.retry.num-retries}, {@code .min-wait-ms}, {@code .max-wait-ms},
   * {@code .total-timeout-ms}: applied to tables when they are created), and any
   * {@code iceberg.*} pass-through key.
   */
  public Map<String, String> icebergCatalogProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("type", get(CATALOG_TYPE));
    p.put("uri", catalogUri());
    p.put("warehouse", warehouse());
    // Concurrent writers (Spark jobs, the streaming job) retry a conflicting commit: a default for
    // new tables.
    p.put("table-default.commit.retry.num-retries", get(COMMIT_RETRIES));
    p.put(
        "table-default.commit.retry.min-wait-ms", Long.toString(COMMIT_RETRY_MIN_WAIT_MS_DEFAULT));
    p.put(
        "table-default.commit.retry.max-wait-ms", Long.toString(COMMIT_RETRY_MAX_WAIT_MS_DEFAULT));
    p.put(
        "table-default.commit.retry.total-timeout-ms",
        Long.toString(COMMIT_RETRY_TOTAL_TIMEOUT_MS_DEFAULT));
    if (get(CATALOG_TYPE).equals("jdbc")) {
      p.put("jdbc.schema-version", "V1");
      if (!get(CATALOG_USER).isEmpty()) {
        p.put("jdbc.user", get(CATALOG_USER));
      }
      if (!get(CATALOG_PASSWORD).isEmpty()) {
        p.put("jdbc.password", get(CATALOG_PASSWORD));
      }
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().startsWith(ICEBERG_PREFIX)) {
        p.put(e.getKey().substring(ICEBERG_PREFIX.length()), e.getValue());
      }
    }
    return p;
  }

  /** Pass-through {@code spark.*} keys. */
  public Map<String, String> sparkProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().startsWith(SPARK_PREFIX)) {
        p.put(e.getKey(), e.getValue());
      }
    }
    return p;
  }

  /** All keys and values, passwords masked, for logs. */
  public Map<String, String> describe() {
    Map<String, String> m = new TreeMap<>(values);
    if (!Objects.equals(m.get(CATALOG_PASSWORD), "")) {
      m.put(CATALOG_PASSWORD, "****");
    }
    m.put(BUYER_HASH_KEY, "****");
    if (!m.get(BUYER_HASH_PREVIOUS_KEYS).isEmpty()) {
      m.put(BUYER_HASH_PREVIOUS_KEYS, "****");
    }
    return m;
  }

  /** The known keys and their defaults. */
  public static Map<String, String> knownKeys() {
    return DEFAULTS;
  }
}
