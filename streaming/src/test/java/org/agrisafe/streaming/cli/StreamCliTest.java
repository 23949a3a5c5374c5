package org.agrisafe.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.streaming.job.StreamConfig;
import org.agrisafe.streaming.rules.WindowRuleParams;
import org.agrisafe.streaming.sinks.CompactionJob;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/**
 * The command lines of {@link StreamingMain} ({@code ./agrisafe-stream}) and {@link CompactionJob} through
 * {@link StreamCli}: every option's name and default, the lakehouse keys passed through, and the errors.
 */
class StreamCliTest {
  private static final String KEYS = "streaming/demo/lab-api-keys.properties";

  @Test
  void streamDefaults() {
    StreamingMain m = StreamingMain.parse("--api-keys", KEYS);
    assertEquals(Path.of(KEYS), m.apiKeys);
    assertEquals(8088, m.port);
    assertEquals(StreamingMain.PORT_DEFAULT, m.port);
    assertNull(m.uploadsDir);
    assertNull(m.kafkaBootstrap);
    assertEquals("agrisafe.uploads", m.uploadsTopic);
    assertEquals("agrisafe.warnings", m.warningsTopic);
    assertNull(m.checkpointDir);
    assertEquals("latest", m.restore);
    assertNull(m.webhookBanned);
    assertNull(m.webhookExceedance);
    assertNull(m.webhookConfirmedAfterRapid);
    assertEquals(StreamConfig.defaults(), m.streamConfig);
    assertEquals(
        Duration.ofMillis(StreamConfig.CHECKPOINT_INTERVAL_MS_DEFAULT),
        m.streamConfig.checkpointInterval());
    assertEquals(Duration.ofMillis(60_000), m.streamConfig.referencePoll());
    assertEquals(WindowRuleParams.defaults(), m.windowRules);
    assertEquals(
        LakehouseConfig.load(null, Map.of(), System.getenv()).describe(), m.lakehouse.describe());
  }

  @Test
  void streamOptionsAndLakehouseKeys() {
    StreamingMain m =
        StreamingMain.parse(
            "--lakehouse-dir",
            "/tmp/lake",
            "--api-keys",
            KEYS,
            "--port",
            "0",
            "--uploads-dir",
            "/tmp/up",
            "--kafka-bootstrap",
            "broker:9092",
            "--uploads-topic",
            "u",
            "--warnings-topic",
            "w",
            "--checkpoint-interval-ms",
            "250",
            "--checkpoint-dir",
            "/tmp/chk",
            "--restore",
            "none",
            "--reference-poll-ms",
            "5000",
            "--webhook-banned",
            "http://h/b",
            "--webhook-exceedance",
            "http://h/e",
            "--webhook-confirmed-after-rapid",
            "http://h/c",
            "--producer-repeat-failures",
            "4",
            "--producer-repeat-window-days",
            "14",
            "--rapid-rate-window-days",
            "3",
            "--rapid-rate-baseline-days",
            "21",
            "--rapid-rate-min-tests",
            "30",
            "--rapid-rate-alpha",
            "0.01",
            "--rapid-rate-prior-positives",
            "1",
            "--rapid-rate-prior-negatives",
            "2",
            "--zone=Europe/London",
            "--iceberg.io-impl",
            "org.example.FileIO",
            "--port=1"); // the last --port wins
    assertEquals(Path.of("/tmp/lake"), m.lakehouse.lakehouseDir());
    assertEquals(ZoneId.of("Europe/London"), m.lakehouse.zone());
    assertEquals("org.example.FileIO", m.lakehouse.icebergCatalogProperties().get("io-impl"));
    assertEquals(1, m.port);
    assertEquals(Path.of("/tmp/up"), m.uploadsDir);
    assertEquals("broker:9092", m.kafkaBootstrap);
    assertEquals("u", m.uploadsTopic);
    assertEquals("w", m.warningsTopic);
    assertEquals(Duration.ofMillis(250), m.streamConfig.checkpointInterval());
    assertEquals(Duration.ofMillis(5000), m.streamConfig.referencePoll());
    assertEquals(
        java.net.URI.create("file:///tmp/chk"),
        m.checkpointDir); // a local directory, as a file URI
    assertEquals("none", m.restore);
    assertEquals("http://h/b", m.webhookBanned);
    assertEquals("http://h/e", m.webhookExceedance);
    assertEquals("http://h/c", m.webhookConfirmedAfterRapid);
    assertEquals(new WindowRuleParams(4, 14, 3, 21, 30, 0.01, 1, 2), m.windowRules);
  }

  @Test
  void badValuesNameTheOptionTheValueAndWhatWasExpected() {
    assertError("--port 'abc': expected an integer 0-65535 (0: any free port)", "--port", "abc");
    assertError(
        "--port '70000': expected an integer 0-65535 (0: any free port)", "--port", "70000");
    assertError("--port '-1': expected an integer 0-65535 (0: any free port)", "--port", "-1");
    assertError(
        "--checkpoint-interval-ms '0': expected a whole number of milliseconds >= 1",
        "--checkpoint-interval-ms",
        "0");
    assertError(
        "--reference-poll-ms '1.5': expected a whole number of milliseconds >= 1",
        "--reference-poll-ms",
        "1.5");
    assertError(
        "--rapid-rate-min-tests 'twenty': expected an integer", "--rapid-rate-min-tests", "twenty");
    assertError("--rapid-rate-alpha 'NaN': expected a number", "--rapid-rate-alpha", "NaN");
    assertError(
        "Invalid producer-repeat-failures 1: expected an integer in [2, 2147483647]",
        "--producer-repeat-failures",
        "1");
    assertError(
        "Invalid rapid-rate-alpha 1.0: expected a probability in (0, 1)",
        "--rapid-rate-alpha",
        "1");
    assertError(
        "Missing value of --lakehouse-dir: expected --lakehouse-dir value", "--lakehouse-dir");
    assertError(
        "Cannot parse argument 'extra': expected an option --key value (a lakehouse key such as"
            + " --lakehouse-dir DIR, or see --help)",
        "extra");
    ParameterException e =
        assertThrows(
            ParameterException.class,
            () -> StreamingMain.parse("--api-keys", KEYS, "--prot", "8088"));
    assertTrue(
        e.getMessage().startsWith("Unknown configuration key 'prot' in override"), e.getMessage());
    e = assertThrows(ParameterException.class, () -> StreamingMain.parse("--port", "8088"));
    assertEquals("Missing required option: '--api-keys=FILE'", e.getMessage());
  }

  private static void assertError(String expected, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--api-keys";
    all[1] = KEYS;
    System.arraycopy(args, 0, all, 2, args.length);
    ParameterException e = assertThrows(ParameterException.class, () -> StreamingMain.parse(all));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void helpListsTheOptionsAndBadOptionsExitWithStatus2() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        StreamCli.execute(
            new StreamingMain(), new PrintWriter(out), new PrintWriter(err), "--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    for (String s :
        new String[] {
          "Usage: agrisafe-stream",
          "--api-keys=FILE",
          "--port=N",
          "Default: 8088",
          "--checkpoint-interval-ms=MS",
          "Default: 5000",
          "--reference-poll-ms=MS",
          "Default: 60000",
          "--restore=latest|none|PATH",
          "--uploads-topic=TOPIC",
          "--warnings-topic=TOPIC",
          "Default: agrisafe.warnings",
          "--webhook-confirmed-after-rapid=URL",
          "--producer-repeat-failures=N",
          "Default: 3",
          "--rapid-rate-alpha=P",
          "Default: 0.001",
          "--lakehouse-dir DIR",
          "-h, --help"
        }) {
      assertTrue(help.contains(s), s + " not in\n" + help);
    }
    assertEquals("", err.toString());

    out = new StringWriter();
    err = new StringWriter();
    assertEquals(
        2,
        StreamCli.execute(
            new StreamingMain(),
            new PrintWriter(out),
            new PrintWriter(err),
            "--api-keys",
            KEYS,
            "--port",
            "abc"));
    assertEquals(
        "agrisafe-stream: --port 'abc': expected an integer 0-65535 (0: any free port)\n"
            + "Run with --help for the options.\n",
        err.toString().replace(System.lineSeparator(), "\n"));
    assertEquals("", out.toString());
  }

  @Test
  void compactionOptions() {
    CompactionJob.Options o = CompactionJob.Options.parse();
    assertEquals(0, o.everyMinutes);
    o = CompactionJob.Options.parse("--lakehouse-dir", "/tmp/lake", "--every-minutes", "15");
    assertEquals(15, o.everyMinutes);
    assertEquals(Path.of("/tmp/lake"), o.lakehouse.lakehouseDir());
    ParameterException e =
        assertThrows(
            ParameterException.class, () -> CompactionJob.Options.parse("--every-minutes", "soon"));
    assertEquals("--every-minutes 'soon': expected a whole number >= 0", e.getMessage());
    e =
        assertThrows(
            ParameterException.class, () -> CompactionJob.Options.parse("--every-minutes", "-5"));
    assertEquals("--every-minutes '-5': expected a whole number >= 0", e.getMessage());
    e =
        assertThrows(
            ParameterException.class, () -> CompactionJob.Options.parse("--lakehouse-dir"));
    assertEquals(
        "Missing value of --lakehouse-dir: expected --lakehouse-dir value", e.getMessage());

    StringWriter out = new StringWriter();
    assertEquals(
        0,
        StreamCli.execute(
            new CompactionJob.Options(),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "--help"));
    assertTrue(out.toString().contains("--every-minutes=N"), out.toString());
  }
}
