package org.agrisafe.streaming.cli;

import java.io.PrintWriter;
import org.agrisafe.streaming.rules.WindowRuleParams;
import org.agrisafe.streaming.sinks.CompactionJob;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The one command-line parser of the streaming module's entry points ({@link StreamingMain}, {@link CompactionJob},
 * the window-rule options of {@link WindowRuleParams.Options}): picocli, as the {@code jobs} launcher uses.
 *
 * <p>Options are {@code --key value} (or {@code --key=value}); {@code --help} prints them with their defaults. A bad
 * value is a {@link ParameterException} whose message names the option, the value and what was expected, e.g.
 * {@code --port 'abc': expected an integer 0-65535 (0: any free port)}. Arguments starting with {@code @} are not
 * expanded as argument files (a value is never read from a file by accident). An option given twice takes the last
 * value. The lakehouse keys ({@code --config FILE}, {@code --lakehouse-dir DIR}, {@code --catalog-uri URI},
 * {@code --iceberg.* value}, ...) are the mixin {@link org.agrisafe.lakehouse.config.LakehouseOptions}, shared with
 * the {@code jobs} launcher; {@code LakehouseConfig} rejects the unknown. An option without its value is
 * {@code Missing value of --key: expected --key value}.
 *
 * <p>Exit codes of {@link #execute}: 0 done, 1 the command failed (message and stack trace on standard error),
 * 2 bad options (message and a pointer to {@code --help} on standard error).
 */
public final class StreamCli {
  private StreamCli() {}

  /**
   * Runs a picocli command ({@code Callable<Integer>} or {@code Runnable}) on {@code args}.
   *
   * @return the exit code: 0, 1 (failed) or 2 (bad options)
   */
  public static int execute(Object command, String... args) {
    return execute(
        command, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** {@link #execute(Object, String...)} writing help to {@code out} and errors to {@code err}. */
  public static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(command).setOut(out).setErr(err);
    cl.setParameterExceptionHandler(
        (e, a) -> {
          PrintWriter w = e.getCommandLine().getErr();
          w.println(e.getCommandLine().getCommandName() + ": " + clear(e).getMessage());
          w.println("Run with --help for the options.");
          return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          c.getErr().println(c.getCommandName() + ": error: " + ex.getMessage());
          ex.printStackTrace(c.getErr());
          return 1;
        });
    return cl.execute(args);
  }

  /**
   * Parses {@code args} into {@code command}'s option fields (no validation beyond the options' converters).
   *
   * @return {@code command}
   * @throws ParameterException naming the option, the value and what was expected
   */
  public static <T> T parse(T command, String... args) {
    CommandLine cl = commandLine(command);
    try {
      cl.parseArgs(args);
    } catch (ParameterException e) {
      throw clear(e);
    }
    return command;
  }

  public static CommandLine commandLine(Object command) {
    return new CommandLine(command).setExpandAtFiles(false).setOverwrittenOptionsAllowed(true);
  }

  /**
   * A conversion error reworded as {@code --option 'value': expected ...} (picocli's own wording is
   * {@code Invalid value for option '--option': ...}), an option without its value as {@code Missing value of
   * --option: expected --option value}; other errors unchanged.
   */
  public static ParameterException clear(ParameterException e) {
    String missing = "Missing required parameter for option '";
    if (e instanceof MissingParameterException && e.getMessage().startsWith(missing)) {
      String name =
          e.getMessage()
              .substring(missing.length(), e.getMessage().indexOf('\'', missing.length()));
      return new ParameterException(
          e.getCommandLine(), "Missing value of " + name + ": expected " + name + " value");
    }
    if (e.getCause() instanceof TypeConversionException t
        && e.getArgSpec() instanceof OptionSpec o) {
      return new ParameterException(
          e.getCommandLine(),
          o.longestName() + " '" + e.getValue() + "': " + t.getMessage(),
          t,
          o,
          e.getValue());
    }
    return e;
  }

  /**
   * A converter whose failure says what was expected ({@link #clear} adds the option and the value): {@code parse}
   * gives the value, or null when it is out of range; a {@link NumberFormatException} is a failure too. Subclasses
   * exist only because picocli instantiates converters by class.
   */
  abstract static class Checked<T> implements ITypeConverter<T> {
    private final String expected;
    private final java.util.function.Function<String, T> parse;

    Checked(String expected, java.util.function.Function<String, T> parse) {
      this.expected = expected;
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      T v;
      try {
        v = parse.apply(value.strip());
      } catch (NumberFormatException e) {
        v = null;
      }
      if (v == null) {
        throw new TypeConversionException("expected " + expected);
      }
      return v;
    }
  }

  /** A TCP port, 0 for any free port. */
  public static final class Port extends Checked<Integer> {
    Port() {
      super("an integer 0-65535 (0: any free port)", v -> within(Integer.parseInt(v), 0, 65535));
    }
  }

  /** A duration in milliseconds, at least 1. */
  public static final class PositiveMillis extends Checked<Long> {
    PositiveMillis() {
      super(
          "a whole number of milliseconds >= 1",
          v -> within(Long.parseLong(v), 1L, Long.MAX_VALUE));
    }
  }

  /** A whole number, at least 0. */
  public static final class NonNegativeLong extends Checked<Long> {
    public NonNegativeLong() {
      super("a whole number >= 0", v -> within(Long.parseLong(v), 0L, Long.MAX_VALUE));
    }
  }

  /** An integer; its range is checked by the parameter object that takes it. */
  public static final class Int extends Checked<Integer> {
    public Int() {
      super("an integer", Integer::parseInt);
    }
  }

  /** A finite decimal number; its range is checked by the parameter object that takes it. */
  public static final class Decimal extends Checked<Double> {
    public Decimal() {
      super(
          "a number",
          v -> {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
          });
    }
  }

  /** {@code v} when {@code lo <= v <= hi}, else null. */
  private static <N extends Comparable<N>> N within(N v, N lo, N hi) {
    return v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0 ? v : null;
  }
}
