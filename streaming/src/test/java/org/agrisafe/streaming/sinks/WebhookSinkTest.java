package org.agrisafe.streaming.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook delivery to a local receiver: retries with back-off; a failed delivery lands in the dead-letter file. */
class WebhookSinkTest {
  private static final String NOTICE =
      "{\"warning_id\":\"W-1\",\"measure\":\"BANNED_DETECTION\",\"severity\":\"HIGH\"}";

  @Test
  void retriesUntilTheReceiverAcceptsAndDeadLettersWhenItNeverDoes(@TempDir Path tmp)
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/duty",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = calls.incrementAndGet() <= 2 ? 503 : 200; // down twice, then up
          if (status == 200) {
            received.add(body);
          }
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    receiver.createContext(
        "/broken",
        ex -> {
          ex.sendResponseHeaders(500, -1);
          ex.close();
        });
    receiver.start();
    try {
      String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
      Path dead = tmp.resolve("dead-letter.jsonl");
      var ok =
          new WebhookSink.Writer(
              new WebhookSink.Params(
                  Map.of("BANNED_DETECTION", base + "/duty"), 4, 10, 2000, dead.toString()));
      ok.write(NOTICE, null);
      assertEquals(List.of(NOTICE), received);
      assertEquals(3, calls.get(), "two failures, then delivered on the third attempt");
      assertEquals(1, ok.delivered());
      ok.write(
          NOTICE.replace("BANNED_DETECTION", "EXCEEDANCE"),
          null); // no webhook for this rule: skipped
      assertEquals(3, calls.get());

      var broken =
          new WebhookSink.Writer(
              new WebhookSink.Params(
                  Map.of("BANNED_DETECTION", base + "/broken"), 3, 5, 2000, dead.toString()));
      broken.write(NOTICE, null);
      assertEquals(1, broken.failed());
      List<String> lines = Files.readAllLines(dead);
      assertEquals(1, lines.size());
      assertTrue(
          lines.get(0).contains("\"error\":\"HTTP 500\"")
              && lines.get(0).contains("\"warning_id\":\"W-1\""),
          lines.get(0));
    } finally {
      receiver.stop(0);
    }
  }
}
