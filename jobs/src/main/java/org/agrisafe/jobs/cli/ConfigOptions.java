package org.agrisafe.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import picocli.CommandLine.Option;

/** Options every subcommand takes: the configuration file and {@code --conf key=value} overrides. */
public final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Configuration file (properties). Default: the embedded lakehouse in ./lakehouse.")
  Path configFile;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "Override a configuration key (highest precedence); repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  public LakehouseConfig load() {
    return LakehouseConfig.load(configFile, overrides, System.getenv());
  }
}
