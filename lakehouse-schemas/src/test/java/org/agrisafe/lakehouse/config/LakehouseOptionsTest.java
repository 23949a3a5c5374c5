package org.agrisafe.lakehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/** {@link LakehouseOptions}: one option per key of {@link LakehouseConfig}, the pass-through keys, precedence. */
class LakehouseOptionsTest {
  @Command(name = "cmd", mixinStandardHelpOptions = true)
  static final class Cmd implements Runnable {
    @Mixin LakehouseOptions lakehouse;

    @Override
    public void run() {}
  }

  private static LakehouseConfig load(Map<String, String> env, String... args) {
    Cmd c = new Cmd();
    new CommandLine(c).parseArgs(args);
    return c.lakehouse.load(env);
  }

  @Test
  void everyKeyIsAnOptionThatSetsIt() {
    CommandLine cl = new CommandLine(new Cmd());
    for (String key : LakehouseConfig.knownKeys().keySet()) {
      assertTrue(cl.getCommandSpec().optionsMap().containsKey("--" + key), "--" + key);
    }
    // A value each key accepts, different from its default.
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : LakehouseConfig.knownKeys().keySet()) {
      values.put(key, "v-" + key);
    }
    values.put(LakehouseConfig.CATALOG_TYPE, "rest");
    values.put(LakehouseConfig.ZONE, "Europe/London");
    values.put(LakehouseConfig.SPARK_SHUFFLE_PARTITIONS, "7");
    String[] args =
        values.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of("--" + e.getKey(), e.getValue()))
            .toArray(String[]::new);
    LakehouseConfig c = load(Map.of(), args);
    values.forEach((k, v) -> assertEquals(v, c.get(k), k));
  }

  @Test
  void precedenceAndPassThroughKeys(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("prod.properties");
    Files.writeString(file, "zone=Europe/London\ncatalog-name=file\noutput-dir=from-file\n");
    LakehouseConfig c =
        load(
            Map.of("AGRISAFE_OUTPUT_DIR", "from-env", "AGRISAFE_CATALOG_NAME", "env"),
            "--config",
            file.toString(),
            "--catalog-name",
            "option",
            "--iceberg.io-impl",
            "org.example.FileIO",
            "--spark.executor.memory=4g",
            "--conf",
            "zone=Asia/Shanghai");
    assertEquals("Asia/Shanghai", c.zone().getId(), "--conf wins over the file");
    assertEquals("option", c.catalogName(), "an option wins over the environment");
    assertEquals(Path.of("from-env").toAbsolutePath(), c.outputDir(), "env wins over the file");
    assertEquals("org.example.FileIO", c.icebergCatalogProperties().get("io-impl"));
    assertEquals("4g", c.sparkProperties().get("spark.executor.memory"));
    assertEquals(
        LakehouseConfig.load(null, Map.of(), Map.of()).describe(), load(Map.of()).describe());

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> load(Map.of(), "--prot", "8088"));
    assertTrue(e.getMessage().startsWith("Unknown configuration key 'prot'"), e.getMessage());
    ParameterException p =
        assertThrows(ParameterException.class, () -> load(Map.of(), "--iceberg.io-impl"));
    assertEquals(
        "Missing value of --iceberg.io-impl: expected --iceberg.io-impl value", p.getMessage());
  }

  @Test
  void helpListsTheOptions() {
    StringWriter out = new StringWriter();
    new CommandLine(new Cmd()).setOut(new PrintWriter(out)).execute("--help");
    String help = out.toString();
    for (String key : LakehouseConfig.knownKeys().keySet()) {
      assertTrue(help.contains("--" + key + "="), key + " not in\n" + help);
    }
    assertTrue(help.contains("--config=FILE"), help);
    assertTrue(help.contains("--conf=KEY=VALUE"), help);
    assertTrue(help.contains("Default: Asia/Shanghai"), help);
  }
}
