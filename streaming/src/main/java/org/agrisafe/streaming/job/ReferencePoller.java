package org.agrisafe.streaming.job;

import java.time.Duration;
import java.util.List;
import org.agrisafe.intake.reference.IcebergReference;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference-data source (parallelism 1): every {@code reference-poll} interval it reads the current snapshot IDs
 * of the reference tables ({@link IcebergReference#version}); when they differ from the last version it knows, it
 * loads the tables ({@link IcebergReference#load}) and emits the new {@link ReferenceVersion}, which the job
 * broadcasts to every {@link ResultProcessor}.
 *
 * <p>It starts from the version loaded when the job was built (the processor's initial version), so an unchanged
 * catalog emits nothing. A failed poll or load (catalog unreachable, a table that does not form a hierarchy) is
 * logged and counted ({@code agrisafe.reference-poll-failures}) and the previous version stays in force; the next
 * poll tries again. Metrics: {@code agrisafe.reference-versions-loaded} (counter).
 *
 * <p>It emits the final watermark at once: reference versions have no event time, and the broadcast input must not
 * hold back the event-time watermark of the keyed operator (and the windows after it).
 *
 * <p>Not checkpointed: after a restore it starts again from the version loaded at job start; the processor keeps
 * the newer of that and its restored broadcast state ({@link ReferenceVersion#newer}).
 */
public class ReferencePoller extends RichSourceFunction<ReferenceVersion> {
  private static final Logger LOG = LoggerFactory.getLogger(ReferencePoller.class);

  /** The element type of the reference stream. */
  public static final TypeInformation<ReferenceVersion> TYPE = ReferenceVersion.TYPE;

  private final CatalogLoader catalogLoader;
  private final String initialVersion;
  private final long pollMs;
  private volatile boolean running = true;
  private transient Counter loaded;
  private transient Counter failures;

  /**
   * @param catalogLoader the lakehouse catalog
   * @param initialVersion the version the job started with ({@link ReferenceVersion#version})
   * @param poll the poll interval ({@code reference-poll}), positive
   * @throws IllegalArgumentException on a non-positive interval
   */
  public ReferencePoller(CatalogLoader catalogLoader, String initialVersion, Duration poll) {
    if (poll == null || poll.isZero() || poll.isNegative()) {
      throw new IllegalArgumentException(
          "Invalid reference-poll " + poll + ": expected a positive duration");
    }
    this.catalogLoader = catalogLoader;
    this.initialVersion = initialVersion;
    this.pollMs = poll.toMillis();
  }

  /** The unbounded reference stream of the production job (uid {@code reference-poll}, parallelism 1). */
  @SuppressWarnings("deprecation")
  public static DataStream<ReferenceVersion> stream(
      StreamExecutionEnvironment env,
      CatalogLoader catalogLoader,
      ReferenceVersion initial,
      Duration poll) {
    return env.addSource(
            new ReferencePoller(catalogLoader, initial.version, poll), "reference-poll", TYPE)
        .setParallelism(1)
        .uid("reference-poll");
  }

  /**
   * A bounded reference stream holding {@code versions}, for bounded jobs and tests (e.g. just the initial version:
   * the data never changes).
   *
   * @throws IllegalArgumentException if {@code versions} is empty (Flink's collection source cannot be empty)
   */
  public static DataStream<ReferenceVersion> fixed(
      StreamExecutionEnvironment env, List<ReferenceVersion> versions) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot build a fixed reference stream of no versions: expected at least "
              + "the initial version");
    }
    return env.fromData(versions, TYPE).setParallelism(1).uid("reference-fixed");
  }

  @Override
  public void open(Configuration parameters) {
    var g = getRuntimeContext().getMetricGroup().addGroup("agrisafe");
    loaded = g.counter("reference-versions-loaded");
    failures = g.counter("reference-poll-failures");
  }

  @Override
  public void run(SourceContext<ReferenceVersion> ctx) throws Exception {
    synchronized (ctx.getCheckpointLock()) {
      ctx.emitWatermark(Watermark.MAX_WATERMARK);
    }
    String last = initialVersion;
    Catalog catalog = null;
    while (running) {
      try {
        if (catalog == null) {
          catalog = catalogLoader.loadCatalog();
        }
        String now = IcebergReference.version(catalog);
        if (!now.equals(last)) {
          ReferenceVersion v = ReferenceVersion.load(catalog, System.currentTimeMillis());
          synchronized (ctx.getCheckpointLock()) {
            ctx.collect(v);
          }
          loaded.inc();
          LOG.info("reference data changed: {} (was {})", v.version, last);
          System.out.println("reference: loaded " + v.version + " (was " + last + ")");
          last = v.version;
        }
      } catch (RuntimeException e) {
        failures.inc();
        LOG.warn("reference poll failed, keeping version {}: {}", last, e.toString());
        catalog = null;
      }
      sleep();
    }
  }

  private void sleep() throws InterruptedException {
    long until = System.currentTimeMillis() + pollMs;
    while (running && System.currentTimeMillis() < until) {
      Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
    }
  }

  @Override
  public void cancel() {
    running = false;
  }
}
