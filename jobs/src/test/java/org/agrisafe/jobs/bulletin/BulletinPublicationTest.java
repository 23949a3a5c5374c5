package org.agrisafe.jobs.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrisafe.jobs.period.PeriodType;
import org.agrisafe.jobs.spark.SharedSpark;
import org.agrisafe.lakehouse.config.LakehouseConfig;
import org.agrisafe.lakehouse.tables.BulletinTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The publication states of a bulletin edition in {@code analytics.bulletin_publication_events}: the transitions
 * DRAFT -> APPROVED -> PUBLISHED, the refused ones, and that the state lives in the table, not in the folder. The
 * bulletin folders hold a minimal bulletin.json (spec, no input snapshot), so no figure is computed.
 */
class BulletinPublicationTest {
  private static final String SRC = "BPUBTEST";

  @AfterEach
  void clean() {
    SharedSpark.spark().sql("DELETE FROM " + table() + " WHERE source_system = '" + SRC + "'");
  }

  private static String table() {
    return BulletinTables.PUBLICATION_EVENTS.qualifiedName(SharedSpark.config().catalogName());
  }

  private static Path folder(String period, int revision) throws Exception {
    Path dir = Files.createTempDirectory("bulletin-state");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", "agrisafe-bulletin/1");
    doc.put("state", "DRAFT");
    doc.put("revision", revision);
    doc.put("spec", BulletinSpec.of(PeriodType.MONTH, period, SRC));
    doc.put("figures", Map.of("meta", Map.of("snapshots", Map.of())));
    BulletinJob.JSON.writeValue(dir.resolve("bulletin.json").toFile(), doc);
    return dir;
  }

  @Test
  @SuppressWarnings("unchecked")
  void draftIsApprovedThenPublishedAndEachStateIsARowOfTheTable() throws Exception {
    SparkSession spark = SharedSpark.spark();
    LakehouseConfig cfg = SharedSpark.config();
    Path dir = folder("2023-05", 0);
    Map<String, Object> p = BulletinPublication.read(spark, cfg, dir);
    assertEquals("DRAFT", p.get("state"), "an edition without rows is a draft");
    assertEquals(List.of(), p.get("history"));

    assertEquals(
        "APPROVED", BulletinPublication.approve(spark, cfg, dir, "head of unit").get("state"));
    p = BulletinPublication.publish(spark, cfg, dir, "bureau");
    assertEquals("PUBLISHED", p.get("state"));
    List<Map<String, Object>> history = (List<Map<String, Object>>) p.get("history");
    assertEquals(
        List.of("APPROVED", "PUBLISHED"), history.stream().map(e -> e.get("state")).toList());
    assertEquals(
        List.of("head of unit", "bureau"), history.stream().map(e -> e.get("who")).toList());

    List<Row> rows =
        spark.table(table()).filter("source_system = '" + SRC + "'").orderBy("at").collectAsList();
    assertEquals(
        List.of("APPROVED", "PUBLISHED"),
        rows.stream().map(r -> (String) r.getAs("state")).toList());
    assertTrue(
        rows.stream()
            .allMatch(
                r ->
                    "MONTH".equals(r.getAs("period_type"))
                        && "2023-05".equals(r.getAs("period"))
                        && (int) r.getAs("revision") == 0));
    assertEquals(dir.toAbsolutePath().normalize().toString(), rows.get(0).getAs("bulletin_dir"));
    assertTrue(
        Files.notExists(dir.resolve("publication.json")), "no state file is written any more");

    // a copy of the folder (same edition) reads the same state: the state belongs to the edition,
    // not the folder
    Path copy = Files.createTempDirectory("bulletin-copy");
    Files.copy(dir.resolve("bulletin.json"), copy.resolve("bulletin.json"));
    assertEquals("PUBLISHED", BulletinPublication.read(spark, cfg, copy).get("state"));
  }

  @Test
  void refusedTransitionsLeaveTheTableUnchanged() throws Exception {
    SparkSession spark = SharedSpark.spark();
    LakehouseConfig cfg = SharedSpark.config();
    Path dir = folder("2023-06", 0);
    IllegalStateException draft =
        assertThrows(
            IllegalStateException.class,
            () -> BulletinPublication.publish(spark, cfg, dir, "bureau"));
    assertTrue(
        draft.getMessage().contains("from DRAFT to PUBLISHED: expected APPROVED"),
        draft.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> BulletinPublication.revise(spark, cfg, dir, "bureau"),
        "only a published bulletin gets a revision");
    assertThrows(
        IllegalArgumentException.class, () -> BulletinPublication.approve(spark, cfg, dir, " "));
    assertEquals(0, spark.table(table()).filter("source_system = '" + SRC + "'").count());

    BulletinPublication.approve(spark, cfg, dir, "head of unit");
    IllegalStateException twice =
        assertThrows(
            IllegalStateException.class,
            () -> BulletinPublication.approve(spark, cfg, dir, "someone else"));
    assertTrue(
        twice.getMessage().contains("from APPROVED to APPROVED: expected DRAFT"),
        twice.getMessage());
    assertEquals(1, spark.table(table()).filter("source_system = '" + SRC + "'").count());
  }

  @Test
  void revisionsAreEditionsOfTheirOwnAndAConcurrentMoveIsRefused() throws Exception {
    SparkSession spark = SharedSpark.spark();
    LakehouseConfig cfg = SharedSpark.config();
    Path first = folder("2023-07", 0);
    Path revision = folder("2023-07", 1);
    BulletinPublication.approve(spark, cfg, first, "head of unit");
    assertEquals(
        "DRAFT",
        BulletinPublication.read(spark, cfg, revision).get("state"),
        "revision 1 is another edition: still a draft");
    BulletinPublication.Edition e = BulletinPublication.Edition.of(revision);
    assertEquals(new BulletinPublication.Edition(SRC, PeriodType.MONTH, "2023-07", 1), e);
    BulletinPublication.move(
        spark,
        cfg.catalogName(),
        e,
        null,
        BulletinPublication.State.DRAFT,
        "bureau",
        revision,
        first.resolve("bulletin.json").toString(),
        null);
    assertEquals(
        first.resolve("bulletin.json").toString(),
        BulletinPublication.read(spark, cfg, revision).get("revises"));
    // a second writer that checked the state before the first one wrote: its row is not inserted
    IllegalStateException race =
        assertThrows(
            IllegalStateException.class,
            () ->
                BulletinPublication.move(
                    spark,
                    cfg.catalogName(),
                    e,
                    null,
                    BulletinPublication.State.DRAFT,
                    "other desk",
                    revision,
                    null,
                    null));
    assertTrue(race.getMessage().contains("concurrently"), race.getMessage());
    assertEquals(
        1, spark.table(table()).filter("source_system = '" + SRC + "' AND revision = 1").count());
  }
}
