package org.agrisafe.streaming.sinks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.agrisafe.streaming.rules.WarningNotices;
import org.agrisafe.streaming.transport.UploadJson;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;

/**
 * Delivers warning notices ({@link WarningNotices} JSON) to the duty officer: an HTTP POST to the webhook of the
 * warning's rule ({@code measure}), retried with exponential back-off. A notice that still fails after
 * {@code maxAttempts} is not lost: it is appended, with the last error, to the dead-letter file (JSON Lines) and
 * counted on the {@code webhook_failed} metric; delivered notices are counted on {@code webhook_delivered}.
 * Delivery is at least once (a restart may resend); receivers deduplicate by {@code warning_id}. A rule without a
 * webhook is skipped. Delivery is synchronous: a slow receiver back-pressures the warning branch only.
 */
public final class WebhookSink implements Sink<String> {
  public static final int MAX_ATTEMPTS_DEFAULT = 5;
  public static final long INITIAL_BACKOFF_MS_DEFAULT = 200;
  public static final long TIMEOUT_MS_DEFAULT = 5_000;

  /**
   * Parameters.
   *
   * @param webhookByRule rule name ({@code measure}: BANNED_DETECTION, EXCEEDANCE) to URL
   * @param maxAttempts attempts per notice, &gt;= 1 (default {@value #MAX_ATTEMPTS_DEFAULT})
   * @param initialBackoffMs wait before the 2nd attempt, doubled each time, ms (default
   *     {@value #INITIAL_BACKOFF_MS_DEFAULT})
   * @param timeoutMs per-request timeout, ms (default {@value #TIMEOUT_MS_DEFAULT})
   * @param deadLetterFile where undeliverable notices are appended
   */
  public record Params(
      Map<String, String> webhookByRule,
      int maxAttempts,
      long initialBackoffMs,
      long timeoutMs,
      String deadLetterFile)
      implements Serializable {
    public Params {
      webhookByRule = Map.copyOf(webhookByRule);
      webhookByRule.forEach(
          (rule, url) -> {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
              throw new IllegalArgumentException(
                  "Invalid webhook URL '"
                      + url
                      + "' for rule "
                      + rule
                      + ": expected http:// or https://");
            }
          });
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            "Invalid max attempts " + maxAttempts + ": expected >= 1");
      }
      if (initialBackoffMs < 0 || timeoutMs < 1) {
        throw new IllegalArgumentException(
            "Invalid back-off "
                + initialBackoffMs
                + " ms or timeout "
                + timeoutMs
                + " ms: expected back-off >= 0 and timeout >= 1");
      }
      if (deadLetterFile == null || deadLetterFile.isBlank()) {
        throw new IllegalArgumentException("Missing dead-letter file: expected a path");
      }
    }

    public static Params of(Map<String, String> webhookByRule, Path deadLetterFile) {
      return new Params(
          webhookByRule,
          MAX_ATTEMPTS_DEFAULT,
          INITIAL_BACKOFF_MS_DEFAULT,
          TIMEOUT_MS_DEFAULT,
          deadLetterFile.toString());
    }
  }

  private final Params params;

  public WebhookSink(Params params) {
    this.params = params;
  }

  @Override
  @SuppressWarnings("deprecation")
  public SinkWriter<String> createWriter(InitContext context) {
    Writer w = new Writer(params);
    if (context != null) {
      w.delivered = context.metricGroup().addGroup("agrisafe").counter("webhook_delivered");
      w.failed = context.metricGroup().addGroup("agrisafe").counter("webhook_failed");
    }
    return w;
  }

  /** The writer; usable alone (function-level tests). */
  public static final class Writer implements SinkWriter<String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Params params;
    private final HttpClient http;
    Counter delivered = new SimpleCounter();
    Counter failed = new SimpleCounter();

    public Writer(Params params) {
      this.params = params;
      this.http =
          HttpClient.newBuilder().connectTimeout(Duration.ofMillis(params.timeoutMs())).build();
    }

    @Override
    public void write(String notice, Context context) throws IOException, InterruptedException {
      String rule = java.util.Objects.requireNonNullElse(UploadJson.field(notice, "measure"), "");
      String url = params.webhookByRule().get(rule);
      if (url == null) {
        return;
      }
      String error = null;
      long backoff = params.initialBackoffMs();
      for (int attempt = 1; attempt <= params.maxAttempts(); attempt++) {
        try {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofMillis(params.timeoutMs()))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(notice, StandardCharsets.UTF_8))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() / 100 == 2) {
            delivered.inc();
            return;
          }
          error = "HTTP " + r.statusCode();
        } catch (IOException e) {
          error = e.toString();
        }
        if (attempt < params.maxAttempts()) {
          Thread.sleep(backoff);
          backoff *= 2;
        }
      }
      failed.inc();
      ObjectNode dead = JSON.createObjectNode();
      dead.put("failed_at", Instant.now().toString());
      dead.put("webhook", url);
      dead.put("attempts", params.maxAttempts());
      dead.put("error", error);
      dead.set("notice", JSON.readTree(notice));
      Path file = Path.of(params.deadLetterFile());
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      synchronized (Writer.class) {
        Files.writeString(
            file,
            dead + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    }

    /** Notices delivered so far by this writer. */
    public long delivered() {
      return delivered.getCount();
    }

    /** Notices given up on (written to the dead-letter file) by this writer. */
    public long failed() {
      return failed.getCount();
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {}
  }
}
