package org.agrisafe.streaming.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.job.FlinkTestCluster;
import org.agrisafe.streaming.job.StreamConfig;
import org.agrisafe.streaming.job.StreamingJob;
import org.agrisafe.streaming.job.Uploads;
import org.agrisafe.streaming.rules.StreamRules;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.agrisafe.streaming.transport.DirectoryTransport;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the embedded default: the upload endpoint hands records to the watched directory, the running
 * stream (continuous directory source) writes them; a posted banned-pesticide result becomes a warning row.
 */
public class UploadEndpointTest {
  @RegisterExtension static final FlinkTestCluster.Shared FLINK = FlinkTestCluster.extension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY_QC01 = "k-370100-QC-01-0123456789";
  private static final String KEY_L2 = "k-L2-abcdefghijklmnop";

  public static HttpResponse<String> post(int port, String key, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + UploadServer.PATH))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header(UploadServer.API_KEY_HEADER, key);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void postedBannedResultBecomesAWarningRowWithinSeconds(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("uploads"));
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));
    StreamExecutionEnvironment env = FlinkTestCluster.env(1, 300, 0);
    StreamingJob.build(
        StreamingJob.directorySource(env, in, Duration.ofMillis(100)),
        new IcebergSinks(lake, List.of()),
        StreamConfig.defaults(),
        new Judging(ReferenceData.loadBundled()),
        List.of(StreamRules.Rule.values()));
    JobClient job = env.executeAsync("upload-endpoint-test");
    ApiKeys keys = new ApiKeys(Map.of(Uploads.LAB, KEY_QC01, "L2", KEY_L2));
    try (UploadServer server =
        new UploadServer(
            0,
            keys,
            new DirectoryTransport(in),
            UploadServer.MAX_BODY_BYTES_DEFAULT,
            lake.zone())) {
      assertEquals(401, post(server.port(), null, "application/x-ndjson", "{}").statusCode());
      assertEquals(
          401,
          post(server.port(), "wrong-key-0123456789", "application/x-ndjson", "{}").statusCode());

      HttpResponse<String> other =
          post(
              server.port(),
              KEY_L2,
              "application/x-ndjson",
              Uploads.banned("E0", 1, "ES0", "2024-07-01T09:00:00+08:00"));
      JsonNode o = JSON.readTree(other.body());
      assertEquals(0, o.get("accepted").asInt(), other.body());
      assertEquals(1, o.get("rejected").asInt());
      assertTrue(o.get("records").get(0).get("reason").asText().contains("only its own results"));

      // warm-up: wait until the running job has committed a first record, so the timing below is
      // steady state
      assertEquals(
          200,
          post(
                  server.port(),
                  KEY_QC01,
                  "application/x-ndjson",
                  Uploads.procymidone("E9", 1, "ES9", "0.01", "2024-07-01T09:00:00+08:00"))
              .statusCode());
      long warmDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (FlinkTestCluster.rows(lake, Tables.RESULTS).isEmpty()
          && System.nanoTime() < warmDeadline) {
        Thread.sleep(100);
      }

      long postedAt = System.nanoTime();
      HttpResponse<String> r =
          post(
              server.port(),
              KEY_QC01,
              "application/x-ndjson",
              Uploads.banned("E1", 1, "ES1", "2024-07-01T09:00:00+08:00")
                  + "\n"
                  + Uploads.rec(
                      "E2", 1, "ES2", "芹菜", "毒死蜱", "0.1", "ppm", "2024-07-01T09:00:00+08:00")
                  + "\n");
      assertEquals(200, r.statusCode(), r.body());
      JsonNode a = JSON.readTree(r.body());
      assertEquals(1, a.get("accepted").asInt(), r.body());
      assertEquals(1, a.get("rejected").asInt());
      assertEquals("REJECTED", a.get("records").get(1).get("status").asText());

      List<Record> warnings = List.of();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (warnings.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        warnings = FlinkTestCluster.rows(lake, WarningTables.WARNINGS);
      }
      double seconds = (System.nanoTime() - postedAt) / 1e9;
      System.out.printf("upload -> warning row committed in %.2f s%n", seconds);
      assertEquals(1, warnings.size(), "one warning row");
      Record w = warnings.get(0);
      assertEquals("BANNED_DETECTION", w.getField("measure"));
      assertEquals("STREAM_RULE", w.getField("producer"));
      assertEquals("ALERT", w.getField("warning_type"));
      assertEquals("370102", w.getField("region_code"));
      assertTrue(seconds < 15, "warning row within seconds, took " + seconds + " s");
      long deadline2 = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      List<Record> rejected = List.of();
      while (rejected.isEmpty() && System.nanoTime() < deadline2) {
        Thread.sleep(100);
        rejected = FlinkTestCluster.rows(lake, Tables.REJECTED_RECORDS);
      }
      assertEquals(
          1, rejected.size(), "the invalid record was handed over and landed in rejected_records");
    } finally {
      job.cancel().get();
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!job.getJobStatus().get().isGloballyTerminalState() && System.nanoTime() < end) {
        Thread.sleep(50);
      }
    }
  }
}
