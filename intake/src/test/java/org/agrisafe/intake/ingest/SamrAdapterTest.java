package org.agrisafe.intake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.agrisafe.intake.model.IngestBatch;
import org.agrisafe.intake.model.ParsedResult;
import org.agrisafe.intake.model.ParsedSample;
import org.agrisafe.intake.model.Programme;
import org.agrisafe.intake.model.RejectedRecord;
import org.agrisafe.intake.model.RowKind;
import org.agrisafe.intake.model.SampleVerdict;
import org.agrisafe.intake.model.SamplingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAMR adapter on real rows. {@code samr_real_rows.csv} holds 10 rows copied unchanged from
 * {@code data/cn-samr-sampling-foodmate/} (uncompressed): domestic_2021H1 rows 2, 3, 36; domestic_2022 row 336;
 * batch3-4 rows 647, 1696; batch5-6 rows 6, 775, 1146, 1494 (CSV record numbers, header = 1).
 */
class SamrAdapterTest {

  @TempDir Path tmp;

  static Path realRows() throws Exception {
    return Paths.get(SamrAdapterTest.class.getResource("samr_real_rows.csv").toURI());
  }

  private IngestBatch readRealRows() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("one"));
    Files.copy(realRows(), dir.resolve("real.csv"));
    return SamrAdapter.readFolder(dir);
  }

  @Test
  void realRowsParsed() throws Exception {
    IngestBatch b = readRealRows();
    b.report().reconcile();
    assertEquals(10, b.report().rowsRead());
    assertEquals(10, b.report().samplesReceived());
    assertEquals(8, b.report().samplesAccepted());
    assertEquals(2, b.report().samplesRejected(), "the CFU/g result and the truncated '①1.2×10'");
    assertEquals(2, b.report().rows(RowKind.REJECTED));
    assertEquals(5, b.results().size());

    Map<String, ParsedResult> byDescription =
        b.results().stream()
            .collect(
                Collectors.toMap(
                    r ->
                        b.samples().stream()
                                .filter(s -> s.sampleId().equals(r.sampleId()))
                                .findFirst()
                                .orElseThrow()
                                .description()
                            + "|"
                            + r.valueRaw(),
                    Function.identity()));
    ParsedResult bass = byDescription.get("活鲈鱼|527μg/kg");
    assertEquals(0.527, bass.valueMgPerKg(), 1e-12);
    assertEquals("≤100μg/kg", bass.publishedLimitText());
    assertEquals(0.1, bass.publishedMrlMgPerKg(), 1e-12);
    assertEquals("恩诺沙星", bass.analyteCode());
    assertNull(bass.publishedExceedsFlag());

    ParsedResult noodles = byDescription.get("珍珠粉条|3.50×10²mg/kg");
    assertEquals(350.0, noodles.valueMgPerKg(), 1e-9, "superscript exponent ×10² read before NFKC");
    assertEquals("铝的残留量(干样品,以al计)", noodles.analyteCode(), "full-width （，） folded by NFKC");

    ParsedResult quail = byDescription.get("鹌鹑蛋|0.28μg/kg");
    assertEquals("不得检出μg/kg", quail.publishedLimitText());
    assertNull(quail.publishedMrlMgPerKg(), "a text limit has no numeric MRL");

    ParsedResult shrimp = byDescription.get("罗氏虾|1.5mg/kg");
    assertEquals("镉(以cd计)", shrimp.analyteCode(), "newline inside the quoted field removed");

    ParsedSample slicer =
        b.samples().stream().filter(s -> "切片机".equals(s.description())).findFirst().orElseThrow();
    assertEquals(SampleVerdict.FAIL, slicer.publishedSampleVerdict());
    assertEquals("接地措施", slicer.attributes().get("samr_failed_items_without_value"));

    ParsedSample additive =
        b.samples().stream()
            .filter(s -> s.description() != null && s.description().startsWith("猪肉香精"))
            .findFirst()
            .orElseThrow();
    assertEquals(SampleVerdict.PASS, additive.publishedSampleVerdict());
    assertEquals("cn_food_additives", additive.commodityCode());
    assertEquals("山东", additive.attributes().get("cn_province"));
    assertEquals("山东市场监管局", additive.attributes().get("samr_publisher"));
    assertEquals(LocalDate.of(2021, 1, 15), additive.sampleDate());
    assertEquals(Instant.parse("2021-01-14T16:00:00Z"), additive.sampledAt(), "00:00 +08:00");
    assertEquals(Programme.RISK_TARGETED, additive.programme());
    assertEquals(SamplingStage.UNKNOWN, additive.samplingStage(), "供应站 matches no keyword rule");
    assertTrue(additive.sampleId().startsWith("CN_SAMR:"));

    RejectedRecord cfu =
        b.rejected().stream().filter(r -> r.reason().contains("CFU/g")).findFirst().orElseThrow();
    assertEquals("检测结果", cfu.field());
    assertTrue(cfu.reason().contains("unknown unit 'CFU/g'"), cfu.reason());
    assertTrue(b.rejected().stream().anyMatch(r -> r.reason().contains("①1.2×10")));
  }

  @Test
  void formatTwinAndRepeatedRowsAreDuplicatesNotDoubleCounted() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("twin"));
    Files.copy(realRows(), dir.resolve("a.csv"));
    Files.copy(realRows(), dir.resolve("a_format.csv"));
    Files.copy(realRows(), dir.resolve("b.csv"));
    IngestBatch b = SamrAdapter.readFolder(dir);
    b.report().reconcile();
    assertEquals(
        List.of("a.csv", "b.csv", "a_format.csv"), b.report().sourceFiles(), "_format twins last");
    assertEquals(30, b.report().rowsRead());
    assertEquals(20, b.report().rows(RowKind.DUPLICATE));
    assertEquals(10, b.report().samplesReceived());
    assertEquals(8, b.samples().size());
    assertEquals(5, b.results().size());
    assertTrue(b.samples().stream().allMatch(s -> "a.csv".equals(s.sourceFile())));
  }

  @Test
  void perRowParseIsStateless() throws Exception {
    Map<String, String> row = new java.util.LinkedHashMap<>();
    for (String c : SamrAdapter.REQUIRED_COLUMNS) {
      row.put(c, "");
    }
    row.put("物料名称", "活鲈鱼");
    row.put("产品分类", "水产及其制品-->生鲜（冻）水产品");
    row.put("生产商", "/ ");
    row.put("供应商", "某某水产批发市场");
    row.put("检测项目", "恩诺沙星");
    row.put("检测结果", "527");
    row.put("单位", "μg/kg");
    row.put("限量值", "≤100μg/kg");
    row.put("判定", "不合格");
    row.put("发布单位", "国内监督抽查(国家市场监管总局)");
    row.put("发布日期", "2022-06-01");
    SamrAdapter.SamrRow r1 = SamrAdapter.parseRow(row, "x.csv", 2);
    SamrAdapter.SamrRow r2 = SamrAdapter.parseRow(row, "x.csv", 2);
    assertEquals(r1, r2);
    assertNull(r1.rejection());
    assertNotNull(r1.result());
    assertEquals(0.527, r1.result().valueMgPerKg(), 1e-12, "_format twin: unit in its own column");
    assertNull(r1.sample().producerId(), "'/' means no producer");
    assertEquals("cn_aquatic_fresh_frozen", r1.sample().commodityCode(), "full-width （冻） via NFKC");
    assertEquals(SamplingStage.WHOLESALE_MARKET, r1.sample().samplingStage());
    assertNull(r1.sample().attributes().get("cn_province"), "national publisher has no province");
    row.put("判定", "待定");
    assertEquals("判定", SamrAdapter.parseRow(row, "x.csv", 2).rejection().field());
    row.put("判定", "不合格");
    row.put("发布日期", "2022/06/01");
    assertEquals("发布日期", SamrAdapter.parseRow(row, "x.csv", 2).rejection().field());
  }

  /**
   * The whole bundled folder. Expected figures from an independent Python script run once
   * ({@code python3 samr_check.py data/cn-samr-sampling-foodmate}, same natural keys, its own regex for a
   * single mass-fraction value):
   * {@code rows 9538 duplicates 2498 samples 7039 accepted 6989 rejected 50 rejected rows 51 results 101
   * accepted FAIL samples 160}. PROVENANCE: 7,241 rows in the 7 raw files + 2,297 in the _format twin = 9,538;
   * 7,044 exact-distinct raw rows, of which 4 more collapse under NFKC/whitespace normalisation.
   */
  @Test
  void bundledFolderReconciles() {
    IngestBatch b = SamrAdapter.readFolder(TestPaths.repoFile("data/cn-samr-sampling-foodmate"));
    System.out.println(b.report());
    b.report().reconcile();
    assertEquals(9_538, b.report().rowsRead());
    assertEquals(2_498, b.report().rows(RowKind.DUPLICATE));
    assertEquals(7_039, b.report().samplesReceived());
    assertEquals(6_989, b.report().samplesAccepted());
    assertEquals(50, b.report().samplesRejected());
    assertEquals(51, b.report().rows(RowKind.REJECTED));
    assertEquals(101, b.results().size());
    assertEquals(
        160,
        b.samples().stream().filter(s -> s.publishedSampleVerdict() == SampleVerdict.FAIL).count());
    assertEquals(0, b.report().rows(RowKind.BLANK));
  }
}
