package org.agrisafe.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.config.LakehouseOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The same lakehouse arguments give the same {@link LakehouseConfig} in every {@code ./agrisafe} command as in
 * {@code ./agrisafe-stream} (the stream's twin of this test, {@code SameLakehouseArgumentsTest} in
 * {@code streaming}, uses the same arguments and the same expected configuration), and every command's
 * {@code --help} lists the lakehouse options. Parses only: no Spark.
 */
class SameLakehouseArgumentsTest {
  static String[] args(Path file) {
    return new String[] {
      "--config",
      file.toString(),
      "--lakehouse-dir",
      "/tmp/agrisafe-same-args/lake",
      "--zone",
      "Europe/London",
      "--catalog-uri=jdbc:sqlite:/tmp/agrisafe-same-args/catalog.db",
      "--iceberg.io-impl",
      "org.example.FileIO",
      "--conf",
      "output-dir=/tmp/agrisafe-same-args/out"
    };
  }

  static Map<String, String> expected(Path file) {
    return LakehouseConfig.load(
            file,
            Map.of(
                "lakehouse-dir", "/tmp/agrisafe-same-args/lake",
                "zone", "Europe/London",
                "catalog-uri", "jdbc:sqlite:/tmp/agrisafe-same-args/catalog.db",
                "iceberg.io-impl", "org.example.FileIO",
                "output-dir", "/tmp/agrisafe-same-args/out"),
            System.getenv())
        .describe();
  }

  /** Every command (leaf of the command tree) with its lakehouse mixin. */
  private static void leaves(CommandLine cl, List<CommandLine> out) {
    if (cl.getSubcommands().isEmpty()) {
      out.add(cl);
    }
    cl.getSubcommands().values().forEach(c -> leaves(c, out));
  }

  @Test
  void everyCommandBuildsTheSameConfigurationAndListsTheOptions(@TempDir Path tmp)
      throws Exception {
    Path file = Files.writeString(tmp.resolve("lake.properties"), "commit-retries=3\nzone=UTC\n");
    List<CommandLine> leaves = new ArrayList<>();
    leaves(new CommandLine(new AgriSafe()), leaves);
    int withMixin = 0;
    for (CommandLine leaf : leaves) {
      if (!leaf.getCommandSpec().mixins().containsKey("config")) {
        continue;
      }
      withMixin++;
      List<String> path = new ArrayList<>();
      for (CommandLine c = leaf; c.getParent() != null; c = c.getParent()) {
        path.add(0, c.getCommandName());
      }
      StringWriter help = new StringWriter();
      leaf.usage(new PrintWriter(help));
      assertTrue(help.toString().contains("--lakehouse-dir=DIR"), path + "\n" + help);
      assertTrue(help.toString().contains("--zone=ZONE"), path + "\n" + help);
    }
    assertTrue(withMixin >= 20, "commands with the lakehouse options: " + withMixin);

    for (List<String> command : List.of(List.of("run", "risk"), List.of("create"))) {
      List<String> all = new ArrayList<>(command);
      all.addAll(List.of(args(file)));
      CommandLine cl = new CommandLine(new AgriSafe());
      CommandLine.ParseResult r = cl.parseArgs(all.toArray(String[]::new));
      while (r.hasSubcommand()) {
        r = r.subcommand();
      }
      LakehouseOptions o = (LakehouseOptions) r.commandSpec().mixins().get("config").userObject();
      assertEquals(expected(file), o.load().describe(), command.toString());
      assertEquals("3", o.load().get("commit-retries"));
    }
  }
}
