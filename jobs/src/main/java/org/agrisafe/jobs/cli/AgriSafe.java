package org.agrisafe.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line entry point of the launcher ({@code ./agrisafe}) and of {@code spark-submit --class
 * org.agrisafe.jobs.cli.AgriSafe}.
 */
@Command(
    name = "agrisafe",
    mixinStandardHelpOptions = true,
    version = "AgriSafe 0.1.0",
    description = "Agricultural product quality-safety lakehouse: ingest, rates, reports.",
    subcommands = {
      CreateCommand.class,
      IngestCommand.class,
      ReferenceCommands.class,
      RejudgeCommand.class,
      RunCommand.class,
      ExportCommand.class,
      DemoCommand.class,
      RiskCommands.PanelDecision.class,
      WarningCommands.Transition.class,
      BulletinCommands.Group.class,
      BulletinCommands.Maintain.class,
      TraceCommands.class
    })
public final class AgriSafe implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    int code =
        new CommandLine(new AgriSafe())
            .setExecutionExceptionHandler(
                (ex, cmd, parsed) -> {
                  cmd.getErr().println("agrisafe: error: " + ex.getMessage());
                  if (System.getenv("AGRISAFE_DEBUG") != null) {
                    ex.printStackTrace(cmd.getErr());
                  } else {
                    cmd.getErr().println("(set AGRISAFE_DEBUG=1 for the stack trace)");
                  }
                  return 1;
                })
            .execute(args);
    System.exit(code);
  }
}
