package org.agrisafe.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.agrisafe.streaming.endpoint.UploadEndpointTest;
import org.agrisafe.streaming.endpoint.UploadServer;
import org.agrisafe.streaming.job.Uploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

/**
 * {@code --role all|job|endpoint} of {@link StreamingMain}: which options each role needs and refuses, the checkpoint
 * location it resolves, and the endpoint role running alone (no Flink job, no lakehouse).
 */
class StreamRolesTest {
  private static final String KEYS = "streaming/demo/lab-api-keys.properties";
  private static final String KEY_QC01 = "k-370100-QC-01-0123456789";

  private static String error(String... args) {
    return assertThrows(ParameterException.class, () -> StreamingMain.parse(args)).getMessage();
  }

  @Test
  void roleDefaultsToAllWhichNeedsApiKeys() {
    StreamingMain m = StreamingMain.parse("--api-keys", KEYS, "--lakehouse-dir", "/tmp/lake");
    assertEquals(StreamingMain.Role.ALL, m.role);
    assertEquals("all", StreamingMain.ROLE_DEFAULT);
    assertEquals(URI.create("file:///tmp/lake/checkpoints"), m.checkpoints);
    assertEquals("Missing required option: '--api-keys=FILE'", error("--role", "all"));
  }

  @Test
  void jobNeedsNoApiKeysAndRefusesTheEndpointsOptions() {
    StreamingMain m =
        StreamingMain.parse(
            "--role",
            "job",
            "--kafka-bootstrap",
            "broker:9092",
            "--checkpoint-dir",
            "s3://agrisafe-lakehouse/checkpoints",
            "--restore",
            "none");
    assertEquals(StreamingMain.Role.JOB, m.role);
    assertNull(m.apiKeys);
    assertEquals(URI.create("s3://agrisafe-lakehouse/checkpoints"), m.checkpoints);
    assertEquals(StreamingMain.Role.JOB, StreamingMain.parse("--role", "JOB").role);
    assertEquals(
        "--api-keys is not used by --role job: the upload endpoint runs as its own process (--role endpoint)",
        error("--role", "job", "--api-keys", KEYS));
    assertEquals(
        "--port is not used by --role job: the upload endpoint runs as its own process (--role endpoint)",
        error("--role", "job", "--port", "9000"));
  }

  @Test
  void endpointNeedsApiKeysAndRefusesTheJobsOptions() {
    StreamingMain m =
        StreamingMain.parse(
            "--role",
            "endpoint",
            "--api-keys",
            KEYS,
            "--port",
            "0",
            "--kafka-bootstrap",
            "broker:9092",
            "--uploads-topic",
            "u",
            "--lakehouse-dir",
            "/tmp/lake");
    assertEquals(StreamingMain.Role.ENDPOINT, m.role);
    assertEquals("Missing required option: '--api-keys=FILE'", error("--role", "endpoint"));
    for (String[] jobOption :
        new String[][] {
          {"--checkpoint-dir", "/tmp/chk"},
          {"--restore", "none"},
          {"--producer-repeat-failures", "4"},
          {"--webhook-banned", "http://h/b"},
          {"--warnings-topic", "w"}
        }) {
      assertEquals(
          jobOption[0]
              + " is not used by --role endpoint: expected only [--api-keys, --config,"
              + " --kafka-bootstrap, --port, --role, --uploads-dir, --uploads-topic] (the job's options go to the"
              + " --role job process)",
          error("--role", "endpoint", "--api-keys", KEYS, jobOption[0], jobOption[1]));
    }
  }

  @Test
  void badRoleAndCheckpointDirNameTheOptionAndWhatWasExpected() {
    assertEquals(
        "--role 'cluster': expected one of all, job, endpoint", error("--role", "cluster"));
    String expected =
        "expected a local directory or a URI with a scheme (s3://bucket/path, hdfs://namenode/path,"
            + " file:///path)";
    assertEquals(
        "--checkpoint-dir 's3:/bucket/chk': " + expected,
        error("--role", "job", "--checkpoint-dir", "s3:/bucket/chk"));
    assertEquals(
        "--checkpoint-dir 'file://host/chk': " + expected,
        error("--role", "job", "--checkpoint-dir", "file://host/chk"));
  }

  @Test
  void restoreLatestIsRefusedWithARemoteCheckpointDir() {
    String e = error("--role", "job", "--checkpoint-dir", "s3://agrisafe-lakehouse/checkpoints");
    assertEquals(
        "Cannot restore 'latest' from checkpoint directory s3://agrisafe-lakehouse/checkpoints: only a local"
            + " checkpoint directory is searched for the newest checkpoint; expected --restore PATH (the checkpoint's chk-N"
            + " folder, e.g. s3://agrisafe-lakehouse/checkpoints/<job id>/chk-N, or a savepoint), or --restore none with"
            + " Flink's flink run -s PATH",
        e);
    assertTrue(
        error("--api-keys", KEYS, "--checkpoint-dir", "hdfs://nn:8020/chk", "--restore", "LATEST")
            .startsWith("Cannot restore 'latest' from checkpoint directory hdfs://nn:8020/chk"));
    StreamingMain m =
        StreamingMain.parse(
            "--role",
            "job",
            "--checkpoint-dir",
            "s3://b/chk",
            "--restore",
            "s3://b/chk/0123/chk-7");
    assertEquals("s3://b/chk/0123/chk-7", m.restore);
    // a file URI is local: latest is searched there
    assertEquals(
        URI.create("file:///tmp/chk"),
        StreamingMain.parse("--role", "job", "--checkpoint-dir", "file:///tmp/chk").checkpoints);
  }

  @Test
  void configFileUnderTheCommandLineKeys(@TempDir Path tmp) throws IOException {
    Path prod =
        Files.writeString(
            tmp.resolve("prod.properties"), "zone=Europe/London\nlakehouse-dir=" + tmp + "/lake\n");
    StreamingMain m = StreamingMain.parse("--role", "job", "--config", prod.toString());
    assertEquals(ZoneId.of("Europe/London"), m.lakehouse.zone());
    assertEquals(tmp.resolve("lake"), m.lakehouse.lakehouseDir());
    assertEquals(Checkpoints.location(tmp.resolve("lake/checkpoints")), m.checkpoints);
    m =
        StreamingMain.parse(
            "--role", "job", "--config", prod.toString(), "--zone", "Asia/Shanghai");
    assertEquals(ZoneId.of("Asia/Shanghai"), m.lakehouse.zone());
    assertTrue(
        error("--role", "job", "--config", tmp.resolve("missing.properties").toString())
            .startsWith("Cannot read configuration file "));
  }

  @Test
  void helpListsTheRolesAndAMissingKeyExitsWithStatus2() {
    StringWriter out = new StringWriter();
    assertEquals(
        0,
        StreamCli.execute(
            new StreamingMain(),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    for (String s :
        new String[] {
          "--role=all|job|endpoint", "Default: all", "--config=FILE", "--checkpoint-dir=DIR|URI"
        }) {
      assertTrue(help.contains(s), s + " not in\n" + help);
    }
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        StreamCli.execute(
            new StreamingMain(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "--role",
            "endpoint",
            "--port",
            "0"));
    assertEquals(
        "agrisafe-stream: Missing required option: '--api-keys=FILE'\nRun with --help for the options.\n",
        err.toString().replace(System.lineSeparator(), "\n"));
  }

  /**
   * {@code --role endpoint} on port 0 with the directory transport: a posted record lands as an upload file in the
   * watched directory; no Flink job is started and the lakehouse (catalog, checkpoints) is not touched; {@code stop}
   * closes the server.
   */
  @Test
  void endpointRoleRunsOnlyTheEndpoint(@TempDir Path tmp) throws Exception {
    Path keys =
        Files.writeString(tmp.resolve("keys.properties"), Uploads.LAB + "=" + KEY_QC01 + "\n");
    Path uploads = tmp.resolve("uploads");
    Path lake = tmp.resolve("lakehouse");
    StreamingMain m =
        StreamingMain.parse(
            "--role",
            "endpoint",
            "--api-keys",
            keys.toString(),
            "--port",
            "0",
            "--uploads-dir",
            uploads.toString(),
            "--lakehouse-dir",
            lake.toString());
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = runner.submit(m::call);
      UploadServer server = m.endpoint.get(30, TimeUnit.SECONDS);
      String record = Uploads.procymidone("R1", 1, "S1", "0.05", "2024-07-01T09:00:00+08:00");
      HttpResponse<String> r =
          UploadEndpointTest.post(server.port(), KEY_QC01, "application/x-ndjson", record);
      assertEquals(200, r.statusCode(), r.body());
      JsonNode a = new ObjectMapper().readTree(r.body());
      assertEquals(1, a.get("accepted").asInt(), r.body());

      List<Path> files;
      try (Stream<Path> s = Files.list(uploads)) {
        files = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
      }
      assertEquals(1, files.size(), "one upload file in the watched directory: " + files);
      assertTrue(
          files.get(0).getFileName().toString().startsWith(Uploads.LAB + "-"),
          files.get(0).toString());
      assertTrue(files.get(0).toString().endsWith(".jsonl"), files.get(0).toString());
      assertEquals(record + "\n", Files.readString(files.get(0)));

      assertNull(m.job, "no Flink job started");
      assertFalse(
          Files.exists(lake),
          "the endpoint role creates no lakehouse, catalog or checkpoints: " + lake);

      m.stop();
      assertEquals(0, exit.get(30, TimeUnit.SECONDS));
      assertThrows(
          IOException.class,
          () -> UploadEndpointTest.post(server.port(), KEY_QC01, "application/x-ndjson", record),
          "the server is closed after stop");
    } finally {
      m.stop();
      runner.shutdownNow();
    }
  }
}
