package org.agrisafe.jobs.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Console progress for long work: numbered steps with their wall time, and a bar for counted loops. Writes to
 * stderr so that stdout stays the command's result.
 */
public final class Progress {
  private final PrintStream out;
  private final int steps;
  private int step;
  private long stepStart;
  private String stepName;

  public Progress(int steps) {
    this(System.err, steps);
  }

  Progress(PrintStream out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  /** Starts the next step, finishing the current one. */
  public void step(String name) {
    done();
    step++;
    stepName = name;
    stepStart = System.nanoTime();
    out.printf(Locale.ROOT, "[%d/%d] %s ...%n", step, steps, name);
    out.flush();
  }

  /** Finishes the current step, printing its wall time. */
  public void done() {
    if (stepName != null) {
      out.printf(
          Locale.ROOT,
          "[%d/%d] %s: done in %.1f s%n",
          step,
          steps,
          stepName,
          (System.nanoTime() - stepStart) / 1e9);
      out.flush();
      stepName = null;
    }
  }

  /** A one-line bar for {@code done} of {@code total} items. */
  public void bar(String what, long done, long total) {
    int width = 30;
    int filled = total <= 0 ? width : (int) Math.min(width, done * width / total);
    out.printf(
        Locale.ROOT,
        "\r      %s [%s%s] %d/%d",
        what,
        "#".repeat(filled),
        ".".repeat(width - filled),
        done,
        total);
    if (done >= total) {
      out.println();
    }
    out.flush();
  }
}
