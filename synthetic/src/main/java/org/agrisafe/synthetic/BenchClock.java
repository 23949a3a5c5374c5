package org.agrisafe.synthetic;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Wall time, process CPU time and the machine's load average, for benchmarks on a shared machine: when other
 * processes compete for the cores, the wall time of a run says little without the load next to it, and the CPU
 * seconds of this process say what the work itself cost.
 */
public final class BenchClock {
  private final long wall0 = System.nanoTime();
  private final long cpu0 = cpuNanos();

  /** Seconds of wall time since this clock started. */
  public double wallSeconds() {
    return (System.nanoTime() - wall0) / 1e9;
  }

  /** Seconds of CPU time used by this JVM (all threads) since this clock started; NaN when not measurable. */
  public double cpuSeconds() {
    long c = cpuNanos();
    return c < 0 || cpu0 < 0 ? Double.NaN : (c - cpu0) / 1e9;
  }

  /** "12.3 s wall, 20.1 s CPU". */
  public String summary() {
    return String.format(Locale.ROOT, "%.1f s wall, %.1f s CPU", wallSeconds(), cpuSeconds());
  }

  public static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** The 1-minute load average from /proc/loadavg (Linux), or "?" elsewhere. */
  public static String load1() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
