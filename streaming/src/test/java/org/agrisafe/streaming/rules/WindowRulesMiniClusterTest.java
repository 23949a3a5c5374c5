package org.agrisafe.streaming.rules;

import static org.agrisafe.streaming.rules.RuleUploads.quantitative;
import static org.agrisafe.streaming.rules.RuleUploads.rapid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.agrisafe.intake.judging.Judging;
import org.agrisafe.intake.reference.ReferenceData;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.agrisafe.streaming.job.FlinkTestCluster;
import org.agrisafe.streaming.job.StreamConfig;
import org.agrisafe.streaming.job.StreamingJob;
import org.agrisafe.streaming.sinks.IcebergSinks;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MiniCluster run of the window rules: a bounded upload file with a planted repeat-offender producer and a planted
 * rapid-positive burst among background noise (fixed seed); the warnings land in {@code analytics.warnings}.
 */
class WindowRulesMiniClusterTest {
  @RegisterExtension static final FlinkTestCluster.Shared FLINK = FlinkTestCluster.extension();

  private int id;

  private String next() {
    return "M" + (++id);
  }

  private void failing(List<String> out, String producer, LocalDate day, String value) {
    String n = next();
    out.add(quantitative("R" + n, 1, "S" + n, producer, value, day + "T09:00:00+08:00"));
  }

  private void rapidDays(
      List<String> out,
      String division,
      String commodity,
      LocalDate from,
      int days,
      int perDay,
      double positiveRate,
      Random rnd) {
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < perDay; i++) {
        String n = next();
        out.add(
            rapid(
                "R" + n,
                "S" + n,
                division,
                commodity,
                rnd.nextDouble() < positiveRate,
                from.plusDays(d) + "T" + (10 + i) + ":00:00+08:00"));
      }
    }
  }

  @Test
  void plantedPatternsFireAndBackgroundNoiseDoesNot(@TempDir Path tmp) throws Exception {
    Random rnd = new Random(20240701L);
    List<String> lines = new ArrayList<>();
    LocalDate june1 = LocalDate.of(2024, 6, 1);
    // PRODUCER_REPEAT planted: P-PLANTED fails on 5 June, 15 June and 1 July 23:30 +08:00 (1 July
    // local)
    failing(lines, "P-PLANTED", june1.plusDays(4), "6");
    failing(lines, "P-PLANTED", june1.plusDays(14), "6");
    String n = next();
    lines.add(quantitative("R" + n, 1, "S" + n, "P-PLANTED", "6", "2024-07-01T23:30:00+08:00"));
    // background: passing samples of everyone, two failures of P-BG1, three of P-BG2 spread over 90
    // days
    for (String p : List.of("P-PLANTED", "P-BG1", "P-BG2", "P-CORR")) {
      for (int d = 0; d < 30; d += 3) {
        failing(lines, p, june1.plusDays(d), "1");
      }
    }
    failing(lines, "P-BG1", june1.plusDays(2), "6");
    failing(lines, "P-BG1", june1.plusDays(20), "6");
    failing(lines, "P-BG2", june1.minusDays(60), "6");
    failing(lines, "P-BG2", june1.minusDays(25), "6");
    failing(lines, "P-BG2", june1.plusDays(10), "6");
    // P-CORR: three failures, but the lab corrects one to a passing value: no warning
    failing(lines, "P-CORR", june1.plusDays(1), "6");
    failing(lines, "P-CORR", june1.plusDays(5), "6");
    n = next();
    lines.add(quantitative("R" + n, 1, "S" + n, "P-CORR", "6", "2024-06-09T09:00:00+08:00"));
    lines.add(quantitative("R" + n, 2, "S" + n, "P-CORR", "1", "2024-06-09T09:00:00+08:00"));
    // failures without a producer: skipped (metric), never a warning
    for (int i = 0; i < 4; i++) {
      failing(lines, null, june1.plusDays(i), "6");
    }

    // RAPID_POSITIVE_RATE: 28 baseline days of 5 tests at a 3 % positive rate, then a week; 370102
    // spinach gets a
    // burst on 1 July (8 of 10 positive), 370103 spinach and 370104 celery stay at the baseline
    // rate
    LocalDate base = LocalDate.of(2024, 5, 28);
    for (String div : List.of("370102", "370103")) {
      rapidDays(lines, div, "菠菜", base, 34, 5, 0.03, rnd);
    }
    rapidDays(lines, "370104", "芹菜", base, 35, 5, 0.03, rnd);
    rapidDays(lines, "370103", "菠菜", LocalDate.of(2024, 7, 1), 1, 10, 0.03, rnd);
    for (int i = 0; i < 10; i++) {
      n = next();
      lines.add(
          rapid(
              "R" + n, "S" + n, "370102", "菠菜", i < 8, "2024-07-01T" + (10 + i) + ":30:00+08:00"));
    }
    java.util.Collections.shuffle(lines, rnd); // arrival order is not event-time order

    Path in = Files.createDirectories(tmp.resolve("uploads"));
    Files.write(in.resolve("lab.jsonl"), lines, StandardCharsets.UTF_8);
    LakehouseConfig lake = FlinkTestCluster.lakehouse(tmp.resolve("lakehouse"));
    StreamExecutionEnvironment env = FlinkTestCluster.env(2, 200, 0);
    StreamingJob.build(
        StreamingJob.directorySource(env, in, null),
        new IcebergSinks(lake, List.of()),
        StreamConfig.defaults(),
        new Judging(ReferenceData.loadBundled()),
        List.of(StreamRules.Rule.values()),
        WindowRuleParams.defaults());
    env.execute("window-rules-minicluster-test");

    List<Record> warnings = FlinkTestCluster.rows(lake, WarningTables.WARNINGS);
    List<Record> producer =
        warnings.stream().filter(r -> "PRODUCER_REPEAT".equals(r.getField("measure"))).toList();
    assertEquals(1, producer.size(), "only P-PLANTED: " + producer);
    Record p = producer.get(0);
    assertEquals(
        WindowRules.warningId(
            StreamRules.Rule.PRODUCER_REPEAT,
            List.of("P-PLANTED"),
            LocalDate.of(2024, 7, 1).toEpochDay()),
        p.getField("warning_id"));
    assertEquals("2024-07-01", p.getField("period"), "23:30 +08:00 is 1 July in Asia/Shanghai");
    assertEquals(3L, p.getField("observed"));
    assertEquals("STREAM_RULE", p.getField("producer"));
    assertTrue(
        ((String) p.getField("details")).contains("producer P-PLANTED had 3 failing samples"));

    List<Record> rapid =
        warnings.stream().filter(r -> "RAPID_POSITIVE_RATE".equals(r.getField("measure"))).toList();
    assertTrue(!rapid.isEmpty(), "the planted burst fires");
    Set<String> keys = new TreeSet<>();
    rapid.forEach(r -> keys.add(r.getField("region_code") + "/" + r.getField("commodity_code")));
    assertEquals(Set.of("370102/spinach"), keys, "background districts and commodities never fire");
    Record first =
        rapid.stream()
            .filter(r -> "2024-07-01".equals(r.getField("period")))
            .findFirst()
            .orElseThrow();
    assertTrue((Long) first.getField("observed") >= 8);
    assertTrue((Double) first.getField("threshold") <= (Long) first.getField("observed"));
    assertTrue((Double) first.getField("expected") < 3);
    assertTrue(((String) first.getField("details")).contains("one-sided exact binomial"));
    assertEquals(
        rapid.size(),
        rapid.stream().map(r -> r.getField("warning_id")).distinct().count(),
        "one warning per (district, commodity, window end day)");
  }
}
