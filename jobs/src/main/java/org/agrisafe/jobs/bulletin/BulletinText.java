package org.agrisafe.jobs.bulletin;

import java.util.Map;
import org.agrisafe.jobs.bulletin.BulletinSpec.Language;

/** The bulletin's fixed texts in English and Chinese, by key. Unknown keys throw. */
public final class BulletinText {
  private static final Map<String, String[]> T =
      Map.ofEntries(
          e(
              "title",
              "Monthly bulletin of agricultural product quality safety monitoring",
              "农产品质量安全监测月报"),
          e(
              "title.QUARTER",
              "Quarterly bulletin of agricultural product quality safety monitoring",
              "农产品质量安全监测季报"),
          e(
              "title.YEAR",
              "Annual bulletin of agricultural product quality safety monitoring",
              "农产品质量安全监测年报"),
          e("source", "Source", "数据来源"),
          e("period", "Period", "报告期"),
          e("status", "Status", "状态"),
          e("headline", "Headline summary (random monitoring)", "总体情况（例行监测）"),
          e("samples", "Samples tested", "检测样品数"),
          e("judged", "Samples judged", "判定样品数"),
          e("passed", "Passed", "合格样品数"),
          e("pass_rate", "Pass rate", "合格率"),
          e("detection_rate", "Detection rate", "检出率"),
          e("exceedance_rate", "Exceedance rate", "超标率"),
          e("interval", "95 % Wilson interval", "95% Wilson 置信区间"),
          e("target", "Target", "目标"),
          e("MET", "target met", "达到目标"),
          e("NOT_MET", "below target", "未达到目标"),
          e("NO_DATA", "no data", "无数据"),
          e("previous", "Previous period (month on month)", "环比（上一期）"),
          e("year_before", "Same period a year before (year on year)", "同比（上年同期）"),
          e("change_pp", "change, percentage points", "变化（百分点）"),
          e(
              "no_data_period",
              "No sample of this source was tested in this period under random monitoring.",
              "本报告期内该来源无例行监测样品。"),
          e("breakdowns", "Pass rates by group", "分组合格率"),
          e("category", "By category", "按类别"),
          e("commodity_code", "By commodity", "按品种"),
          e("region_code", "By district", "按区县"),
          e("sampling_stage", "By sampling stage", "按抽样环节"),
          e("lab_level", "By laboratory level", "按检测机构级别"),
          e("group", "Group", "分组"),
          e("not_computed", "Not computed; run first:", "尚未计算，请先运行："),
          e("below_target", "Below target", "低于目标的分组"),
          e("none", "none", "无"),
          e(
              "suppressed",
              "Groups with fewer than {n} samples (rates not published)",
              "样品数少于 {n} 的分组（不公布比率）"),
          e("exceedances", "Results above the MRL", "超标结果"),
          e("banned", "Banned-substance detections", "禁用药物检出"),
          e("count", "Count", "数量"),
          e("sample", "Sample", "样品"),
          e("date", "Date", "日期"),
          e("commodity", "Commodity", "品种"),
          e("analyte", "Analyte", "检测项目"),
          e("value", "Value (mg/kg)", "检测值（mg/kg）"),
          e("mrl", "MRL (mg/kg)", "限量（mg/kg）"),
          e("limit_source", "Limit source", "限量依据"),
          e(
              "truncated",
              "List truncated; the JSON figures file has the count.",
              "列表已截断，完整数量见 JSON 数据文件。"),
          e("warnings", "Warnings of the period and their states", "本期预警及处置状态"),
          e("severity", "Severity", "级别"),
          e("state", "State", "状态"),
          e("observed", "Observed", "观测值"),
          e("expected", "Expected", "期望值"),
          e("risks", "Top risks (risk ranking matrix)", "风险排序（前列）"),
          e("rank", "Rank", "排名"),
          e("score", "Score S", "得分 S"),
          e("map", "Map", "地图"),
          e("region", "Region", "地区"),
          e("hotspot", "Hot spot class", "热点类别"),
          e("trend", "Trend over the last periods", "近期趋势"),
          e("data_quality", "Data quality", "数据质量"),
          e("cut_off", "Data cut-off (UTC)", "数据截止时间（UTC）"),
          e("late", "Samples ingested late", "迟报样品数"),
          e("lab", "Laboratory", "检测机构"),
          e("rejected", "Rejected records (all ingests of the source)", "被拒记录（该来源全部导入）"),
          e("reason", "Reason", "原因"),
          e("field", "Field", "字段"),
          e("methods", "Methods note", "方法说明"),
          e("snapshots", "Iceberg snapshots read", "读取的 Iceberg 快照"),
          e("table", "Table", "数据表"),
          e("dictionary", "Metric dictionary", "指标释义"),
          e(
              "def.pass_rate",
              "PASS samples / judged samples; a sample fails when any result is above its MRL (value > MRL,"
                  + " strictly) or a must-not-be-detected substance is found.",
              "合格样品数 / 判定样品数；任一结果超过限量（检测值 > MRL）或检出不得检出物质即判为不合格。"),
          e(
              "def.detection_rate",
              "Samples with at least one detected analyte / tested samples.",
              "至少检出一项的样品数 / 检测样品数。"),
          e(
              "def.exceedance_rate",
              "Samples with at least one result above its MRL / tested samples.",
              "至少一项结果超过限量的样品数 / 检测样品数。"),
          e(
              "def.interval",
              "95 % Wilson score interval of the binomial proportion (Wilson 1927).",
              "二项比例的 95% Wilson 得分区间（Wilson 1927）。"),
          e(
              "def.programme",
              "Headline figures cover random monitoring only; risk-targeted sampling is excluded.",
              "总体指标仅统计例行监测样品，不含风险监测（专项）抽样。"),
          e(
              "def.rules",
              "Verdicts: limits as published with the data (UK) or GB 2763 / GB 31650 (China); no MRL ="
                  + " NO_STANDARD, counted apart.",
              "判定依据：随数据公布的限量（英国数据）或 GB 2763 / GB 31650（中国）；无限量标准的单列统计。"),
          e(
              "def.suppression",
              "Groups with fewer than the minimum samples have no published rate.",
              "样品数低于最小值的分组不公布比率。"),
          e(
              "def.risk",
              "Risk ranking: S = (A + B) x (C + D + E + F), the ranking-matrix method of the risk job.",
              "风险排序：S = (A + B) × (C + D + E + F)，见风险评估作业。"),
          e(
              "def.reproducible",
              "Every figure is read from the snapshots listed; regenerating from them gives the same"
                  + " figures.",
              "所有数字均读自所列快照；按这些快照重新生成结果相同。"),
          e("generated", "Generated", "生成时间"));

  private BulletinText() {}

  private static Map.Entry<String, String[]> e(String key, String en, String zh) {
    return Map.entry(key, new String[] {en, zh});
  }

  /** The text of {@code key} in {@code language}. */
  public static String get(Language language, String key) {
    String[] v = T.get(key);
    if (v == null) {
      throw new IllegalArgumentException("No bulletin text '" + key + "'");
    }
    return v[language == Language.EN ? 0 : 1];
  }
}
