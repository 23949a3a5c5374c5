package org.agrisafe.lakehouse.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.UnmatchedArgsBinding;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The lakehouse options of every launcher, one picocli mixin ({@code @Mixin LakehouseOptions}): the commands of
 * {@code ./agrisafe}, {@code ./agrisafe-stream} and the stream's compaction job. It builds the
 * {@link LakehouseConfig} ({@link #load}), so the same arguments give the same configuration in every launcher.
 *
 * <p>Options: {@code --config FILE} (a properties file); one option per key of {@link LakehouseConfig}
 * ({@code --lakehouse-dir DIR}, {@code --zone ZONE}, {@code --catalog-uri URI}, ..., listed once below and by
 * {@code --help}); {@code --conf KEY=VALUE}, repeatable; and, as {@code --key value} or {@code --key=value}, the
 * pass-through keys {@code --iceberg.<name>} and {@code --spark.<name>} (read from the command's unmatched
 * arguments, so an unknown {@code --key} is rejected by {@link LakehouseConfig} with its name). Precedence, highest
 * first: {@code --conf}, the {@code --key} options, the environment ({@code AGRISAFE_<KEY>}), the file, the
 * defaults (the order of {@link LakehouseConfig}).
 *
 * <p>Errors: a {@link ParameterException} naming the argument for an unmatched argument that is not
 * {@code --key value}; {@link IllegalArgumentException} (unknown key, bad value) and
 * {@link java.io.UncheckedIOException} (unreadable file) from {@link LakehouseConfig#load}.
 */
public final class LakehouseOptions {
  private CommandSpec mixee;

  /**
   * The command this mixin is part of: its arguments that match no option are collected as {@link #unmatched}
   * (picocli does not take an {@code @Unmatched} field from a mixin, so the binding is added here).
   */
  @Spec(Spec.Target.MIXEE)
  void mixee(CommandSpec spec) {
    mixee = spec;
    spec.addUnmatchedArgsBinding(
        UnmatchedArgsBinding.forStringArrayConsumer(
            new ISetter() {
              @Override
              public <T> T set(T value) {
                unmatched.clear();
                if (value != null) {
                  unmatched.addAll(List.of((String[]) value));
                }
                return null;
              }
            }));
  }

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Lakehouse configuration file (properties). Default: the embedded lakehouse in ./lakehouse.")
  Path configFile;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description =
          "Set a configuration key (highest precedence); repeatable. Pass-through keys also as"
              + " --iceberg.<name> VALUE and --spark.<name> VALUE.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** The keys given as {@code --key value} options, in order. */
  private final Map<String, String> keys = new LinkedHashMap<>();

  /** Arguments the command did not declare: read as pass-through keys by {@link #passThroughKeys}. */
  private final List<String> unmatched = new ArrayList<>();

  @Option(
      names = "--" + LakehouseConfig.CATALOG_NAME,
      paramLabel = "NAME",
      description =
          "Name of the Iceberg catalog in every engine."
              + " Default: "
              + LakehouseConfig.CATALOG_NAME_DEFAULT
              + ".")
  void catalogName(String value) {
    keys.put(LakehouseConfig.CATALOG_NAME, value);
  }

  @Option(
      names = "--" + LakehouseConfig.CATALOG_TYPE,
      paramLabel = "jdbc|rest",
      description =
          "Catalog type: jdbc (SQLite file or PostgreSQL) or rest (Iceberg REST catalog)."
              + " Default: "
              + LakehouseConfig.CATALOG_TYPE_DEFAULT
              + ".")
  void catalogType(String value) {
    keys.put(LakehouseConfig.CATALOG_TYPE, value);
  }

  @Option(
      names = "--" + LakehouseConfig.CATALOG_URI,
      paramLabel = "URI",
      description =
          "Catalog URI (jdbc:sqlite:..., jdbc:postgresql://..., http(s)://... for REST). Default: jdbc:sqlite:<lakehouse-dir>/catalog.db.")
  void catalogUri(String value) {
    keys.put(LakehouseConfig.CATALOG_URI, value);
  }

  @Option(
      names = "--" + LakehouseConfig.CATALOG_USER,
      paramLabel = "USER",
      description = "Catalog user (JDBC). Default: none.")
  void catalogUser(String value) {
    keys.put(LakehouseConfig.CATALOG_USER, value);
  }

  @Option(
      names = "--" + LakehouseConfig.CATALOG_PASSWORD,
      paramLabel = "PASSWORD",
      description =
          "Catalog password (JDBC); prefer the environment, AGRISAFE_CATALOG_PASSWORD. Default: none.")
  void catalogPassword(String value) {
    keys.put(LakehouseConfig.CATALOG_PASSWORD, value);
  }

  @Option(
      names = "--" + LakehouseConfig.LAKEHOUSE_DIR,
      paramLabel = "DIR",
      description =
          "Folder of the embedded lakehouse (catalog file and warehouse)."
              + " Default: "
              + LakehouseConfig.LAKEHOUSE_DIR_DEFAULT
              + ".")
  void lakehouseDir(String value) {
    keys.put(LakehouseConfig.LAKEHOUSE_DIR, value);
  }

  @Option(
      names = "--" + LakehouseConfig.WAREHOUSE,
      paramLabel = "PATH",
      description =
          "Warehouse: a folder, s3://bucket/path or hdfs://... Default: <lakehouse-dir>/warehouse.")
  void warehouse(String value) {
    keys.put(LakehouseConfig.WAREHOUSE, value);
  }

  @Option(
      names = "--" + LakehouseConfig.ZONE,
      paramLabel = "ZONE",
      description =
          "Zone in which days, ISO weeks and months are cut."
              + " Default: "
              + LakehouseConfig.ZONE_DEFAULT
              + ".")
  void zone(String value) {
    keys.put(LakehouseConfig.ZONE, value);
  }

  @Option(
      names = "--" + LakehouseConfig.SPARK_MASTER,
      paramLabel = "MASTER",
      description =
          "Spark master (batch jobs)." + " Default: " + LakehouseConfig.SPARK_MASTER_DEFAULT + ".")
  void sparkMaster(String value) {
    keys.put(LakehouseConfig.SPARK_MASTER, value);
  }

  @Option(
      names = "--" + LakehouseConfig.SPARK_SHUFFLE_PARTITIONS,
      paramLabel = "N",
      description =
          "Spark shuffle partitions (batch jobs), at least 1."
              + " Default: "
              + LakehouseConfig.SPARK_SHUFFLE_PARTITIONS_DEFAULT
              + ".")
  void sparkShufflePartitions(String value) {
    keys.put(LakehouseConfig.SPARK_SHUFFLE_PARTITIONS, value);
  }

  @Option(
      names = "--" + LakehouseConfig.OUTPUT_DIR,
      paramLabel = "DIR",
      description =
          "Where exports, reports and maps are written."
              + " Default: "
              + LakehouseConfig.OUTPUT_DIR_DEFAULT
              + ".")
  void outputDir(String value) {
    keys.put(LakehouseConfig.OUTPUT_DIR, value);
  }

  @Option(
      names = "--" + LakehouseConfig.COMMIT_RETRIES,
      paramLabel = "N",
      description =
          "Commit retries of concurrent writers."
              + " Default: "
              + LakehouseConfig.COMMIT_RETRIES_DEFAULT
              + ".")
  void commitRetries(String value) {
    keys.put(LakehouseConfig.COMMIT_RETRIES, value);
  }

  @Option(
      names = "--" + LakehouseConfig.BUYER_HASH_KEY,
      paramLabel = "SECRET",
      description =
          "Secret of the keyed hash of buyer ID numbers and phones; prefer the environment, AGRISAFE_BUYER_HASH_KEY. Default: a development-only key.")
  void buyerHashKey(String value) {
    keys.put(LakehouseConfig.BUYER_HASH_KEY, value);
  }

  @Option(
      names = "--" + LakehouseConfig.BUYER_HASH_KEY_ID,
      paramLabel = "ID",
      description =
          "Identifier of the buyer hash key."
              + " Default: "
              + LakehouseConfig.BUYER_HASH_KEY_ID_DEFAULT
              + ".")
  void buyerHashKeyId(String value) {
    keys.put(LakehouseConfig.BUYER_HASH_KEY_ID, value);
  }

  @Option(
      names = "--" + LakehouseConfig.BUYER_HASH_PREVIOUS_KEYS,
      paramLabel = "ID:SECRET,...",
      description = "Earlier buyer hash keys kept for reading after a rotation. Default: none.")
  void buyerHashPreviousKeys(String value) {
    keys.put(LakehouseConfig.BUYER_HASH_PREVIOUS_KEYS, value);
  }

  /** The configuration file ({@code --config}), or null. */
  public Path configFile() {
    return configFile;
  }

  /**
   * The configuration of these options, with the process environment.
   *
   * @throws ParameterException on an unmatched argument that is not {@code --key value}
   * @throws IllegalArgumentException on an unknown key or a bad value, naming it
   * @throws java.io.UncheckedIOException if the configuration file cannot be read
   */
  public LakehouseConfig load() {
    return load(System.getenv());
  }

  /** {@link #load()} with the environment {@code env}. */
  public LakehouseConfig load(Map<String, String> env) {
    Map<String, String> o = new LinkedHashMap<>(passThroughKeys());
    o.putAll(keys);
    o.putAll(overrides);
    return LakehouseConfig.load(configFile, o, env);
  }

  /**
   * The command's unmatched arguments read as keys: {@code --key value} or {@code --key=value} (e.g.
   * {@code --iceberg.io-impl CLASS}). A later value of a key replaces an earlier one.
   *
   * @return the keys (without {@code --}) and values, in order
   * @throws ParameterException on an argument that is not {@code --key} or a key without a value
   */
  Map<String, String> passThroughKeys() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < unmatched.size(); i++) {
      String k = unmatched.get(i);
      if (!k.startsWith("--") || k.length() == 2 || k.indexOf('=') == 2) {
        throw new ParameterException(
            mixee.commandLine(),
            "Cannot parse argument '"
                + k
                + "': expected an option --key value (a lakehouse key such as --lakehouse-dir DIR, or see --help)");
      }
      int eq = k.indexOf('=');
      if (eq > 2) {
        m.put(k.substring(2, eq), k.substring(eq + 1));
      } else if (i + 1 >= unmatched.size()) {
        throw new ParameterException(
            mixee.commandLine(), "Missing value of " + k + ": expected " + k + " value");
      } else {
        m.put(k.substring(2), unmatched.get(++i));
      }
    }
    return m;
  }
}
