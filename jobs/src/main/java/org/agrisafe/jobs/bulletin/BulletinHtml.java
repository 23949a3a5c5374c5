package org.agrisafe.jobs.bulletin;

import static org.agrisafe.jobs.report.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agrisafe.jobs.bulletin.BulletinSpec.Language;

/**
 * Renders a bulletin's figures (from {@link BulletinFigures}) as one well-formed XHTML page, which is both the HTML
 * output and the input of {@link BulletinPdf}. Rates are printed in % with one decimal and their 95 % Wilson
 * interval; images (charts, map) are referenced by file name, relative to the bulletin's folder.
 */
public final class BulletinHtml {
  private BulletinHtml() {}

  /**
   * @param images file names of the trend chart, the category chart and the map PNG (each may be null)
   * @param state the publication state line (e.g. "DRAFT", "PUBLISHED revision 1 by x at t")
   */
  @SuppressWarnings("unchecked")
  public static String render(
      Map<String, Object> f,
      BulletinSpec spec,
      String trendPng,
      String categoryPng,
      String mapPng,
      String state) {
    Language l = spec.language();
    StringBuilder h = new StringBuilder();
    Map<String, Object> meta = (Map<String, Object>) f.get("meta");
    String title =
        BulletinText.get(
            l,
            spec.periodType().name().equals("MONTH")
                ? "title"
                : "title." + spec.periodType().name());
    h.append(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""
                + " lang=\"")
        .append(l == Language.EN ? "en" : "zh-CN")
        .append("\"><head><meta charset=\"UTF-8\"/><title>")
        .append(escape(title))
        .append(" ")
        .append(escape(spec.period()))
        .append("</title><style>")
        .append("@page { size: A4; margin: 16mm 14mm; } body { font-family: '")
        .append(BulletinPdf.FONT_FAMILY)
        .append(
            "', sans-serif; font-size: 10pt; color: #222; } h1 { font-size: 17pt; } h2 { font-size: 13pt;"
                + " border-bottom: 1px solid #888; margin-top: 14pt; } h3 { font-size: 11pt; }"
                + " table { border-collapse: collapse; width: 100%; margin: 4pt 0; -fs-table-paginate: paginate; }"
                + " th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; font-size: 8.5pt; }"
                + " th { background: #eee; } .num { text-align: right; } .bad { color: #b00; font-weight: bold; }"
                + " .ok { color: #070; } .note { color: #555; font-size: 8.5pt; } img { max-width: 100%; }")
        .append("</style></head><body>\n");
    h.append("<h1>")
        .append(escape(title))
        .append("</h1>\n<p>")
        .append(escape(BulletinText.get(l, "source")))
        .append(": ")
        .append(escape(spec.sourceSystem()))
        .append(" &#183; ")
        .append(escape(BulletinText.get(l, "period")))
        .append(": ")
        .append(escape(spec.period()))
        .append(" (")
        .append(escape(spec.periodType().name()))
        .append(") &#183; ")
        .append(escape(BulletinText.get(l, "status")))
        .append(": ")
        .append(escape(state))
        .append("</p>\n");

    Map<String, Object> hl = (Map<String, Object>) f.get("headline");
    h.append("<h2>").append(escape(BulletinText.get(l, "headline"))).append("</h2>\n");
    if (!(boolean) hl.get("has_data")) {
      h.append("<p class=\"bad\">")
          .append(escape(BulletinText.get(l, "no_data_period")))
          .append("</p>\n");
    } else {
      Map<String, Object> c = (Map<String, Object>) hl.get("current");
      String status = (String) hl.get("target_status");
      h.append("<table><tr><th>")
          .append(escape(BulletinText.get(l, "samples")))
          .append("</th><td class=\"num\">")
          .append(c.get("tested"))
          .append("</td></tr><tr><th>")
          .append(escape(BulletinText.get(l, "passed")))
          .append("</th><td class=\"num\">")
          .append(c.get("passed"))
          .append(" / ")
          .append(c.get("judged"))
          .append("</td></tr>");
      for (String r : List.of("pass_rate", "detection_rate", "exceedance_rate")) {
        h.append("<tr><th>")
            .append(escape(BulletinText.get(l, r)))
            .append(" (")
            .append(escape(BulletinText.get(l, "interval")))
            .append(")</th><td class=\"num\">")
            .append(rate(c, r))
            .append("</td></tr>");
      }
      h.append("<tr><th>")
          .append(escape(BulletinText.get(l, "target")))
          .append(" ")
          .append(BulletinCharts.fmt(100 * spec.targetPassRate()))
          .append(" %</th><td class=\"")
          .append("MET".equals(status) ? "ok" : "bad")
          .append("\">")
          .append(escape(BulletinText.get(l, status)))
          .append("</td></tr>");
      for (String k : List.of("previous_period", "same_period_last_year")) {
        Map<String, Object> cmp = (Map<String, Object>) hl.get(k);
        h.append("<tr><th>")
            .append(
                escape(
                    BulletinText.get(l, k.equals("previous_period") ? "previous" : "year_before")))
            .append(" ")
            .append(escape((String) cmp.get("period")))
            .append("</th><td class=\"num\">");
        if ((boolean) cmp.get("has_data")) {
          h.append(pct(cmp.get("pass_rate")))
              .append(" (n = ")
              .append(cmp.get("tested"))
              .append("); ")
              .append(escape(BulletinText.get(l, "change_pp")))
              .append(": ")
              .append(signed((Double) cmp.get("change_percentage_points")));
        } else {
          h.append(escape(BulletinText.get(l, "NO_DATA")));
        }
        h.append("</td></tr>");
      }
      h.append("</table>\n");
    }
    if (trendPng != null) {
      h.append("<img src=\"").append(escape(trendPng)).append("\" alt=\"trend\"/>\n");
    }

    h.append("<h2>").append(escape(BulletinText.get(l, "breakdowns"))).append("</h2>\n");
    Map<String, Object> bds = (Map<String, Object>) f.get("breakdowns");
    for (Map.Entry<String, Object> e : bds.entrySet()) {
      Map<String, Object> b = (Map<String, Object>) e.getValue();
      h.append("<h3>").append(escape(BulletinText.get(l, e.getKey()))).append("</h3>\n");
      if ("NOT_COMPUTED".equals(b.get("status"))) {
        h.append("<p class=\"note\">")
            .append(escape(BulletinText.get(l, "not_computed")))
            .append(" <code>")
            .append(escape((String) b.get("run_first")))
            .append("</code></p>\n");
        continue;
      }
      List<Map<String, Object>> groups = (List<Map<String, Object>>) b.get("groups");
      if (groups.isEmpty()
          && ((Number) ((Map<String, Object>) b.get("suppressed")).get("groups")).longValue()
              == 0) {
        h.append("<p class=\"note\">")
            .append(escape(BulletinText.get(l, "NO_DATA")))
            .append("</p>\n");
        continue;
      }
      if (e.getKey().equals("category") && categoryPng != null) {
        h.append("<img src=\"").append(escape(categoryPng)).append("\" alt=\"categories\"/>\n");
      }
      h.append("<table><tr><th>")
          .append(escape(BulletinText.get(l, "group")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "samples")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "pass_rate")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "exceedance_rate")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "target")))
          .append("</th></tr>\n");
      for (Map<String, Object> g : groups) {
        String st = (String) g.get("target_status");
        h.append("<tr><td>")
            .append(escape(String.valueOf(g.get("key"))))
            .append("</td><td class=\"num\">")
            .append(g.get("tested"))
            .append("</td><td class=\"num\">")
            .append(rate(g, "pass_rate"))
            .append("</td><td class=\"num\">")
            .append(rate(g, "exceedance_rate"))
            .append("</td><td class=\"")
            .append("NOT_MET".equals(st) ? "bad" : "ok")
            .append("\">")
            .append(escape(BulletinText.get(l, st)))
            .append("</td></tr>\n");
      }
      Map<String, Object> sup = (Map<String, Object>) b.get("suppressed");
      if (((Number) sup.get("groups")).longValue() > 0) {
        h.append("<tr><td>")
            .append(
                escape(
                    BulletinText.get(l, "suppressed")
                        .replace("{n}", Integer.toString(spec.minGroupSamples()))))
            .append(": ")
            .append(sup.get("groups"))
            .append("</td><td class=\"num\">")
            .append(sup.get("tested"))
            .append("</td><td>-</td><td>-</td><td>-</td></tr>\n");
      }
      h.append("</table>\n<p class=\"note\">")
          .append(escape(BulletinText.get(l, "below_target")))
          .append(": ");
      List<Object> below = (List<Object>) b.get("below_target");
      h.append(
              below.isEmpty()
                  ? escape(BulletinText.get(l, "none"))
                  : escape(String.join(", ", below.stream().map(String::valueOf).toList())))
          .append("</p>\n");
    }

    for (String k : List.of("exceedances", "banned_detections")) {
      Map<String, Object> x = (Map<String, Object>) f.get(k);
      h.append("<h2>")
          .append(escape(BulletinText.get(l, k.equals("exceedances") ? "exceedances" : "banned")))
          .append(" (")
          .append(x.get("count"))
          .append(")</h2>\n");
      List<Map<String, Object>> rows = (List<Map<String, Object>>) x.get("listed");
      if (rows.isEmpty()) {
        h.append("<p>").append(escape(BulletinText.get(l, "none"))).append("</p>\n");
        continue;
      }
      h.append("<table><tr>");
      for (String c :
          List.of("sample", "date", "commodity", "analyte", "value", "mrl", "limit_source")) {
        h.append("<th>").append(escape(BulletinText.get(l, c))).append("</th>");
      }
      h.append("</tr>\n");
      for (Map<String, Object> r : rows) {
        h.append("<tr>");
        for (String c :
            List.of(
                "sample_id",
                "sample_date",
                "commodity_code",
                "analyte",
                "value_mg_per_kg",
                "mrl_mg_per_kg",
                "limit_source")) {
          h.append("<td>")
              .append(escape(r.get(c) == null ? "-" : String.valueOf(r.get(c))))
              .append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</table>\n");
      if ((boolean) x.get("truncated")) {
        h.append("<p class=\"note\">")
            .append(escape(BulletinText.get(l, "truncated")))
            .append("</p>\n");
      }
    }

    Map<String, Object> w = (Map<String, Object>) f.get("warnings");
    h.append("<h2>")
        .append(escape(BulletinText.get(l, "warnings")))
        .append(" (")
        .append(w.get("count"))
        .append(")</h2>\n<p>")
        .append(escape(String.valueOf(w.get("by_state"))))
        .append("</p>\n");
    List<Map<String, Object>> wl = (List<Map<String, Object>>) w.get("listed");
    if (!wl.isEmpty()) {
      h.append("<table><tr><th>ID</th><th>")
          .append(escape(BulletinText.get(l, "severity")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "state")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "group")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "observed")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "expected")))
          .append("</th></tr>\n");
      for (Map<String, Object> r : wl) {
        Object key = r.get("commodity_code") != null ? r.get("commodity_code") : r.get("category");
        h.append("<tr><td>")
            .append(escape(String.valueOf(r.get("warning_id"))))
            .append("</td><td>")
            .append(escape(String.valueOf(r.get("severity"))))
            .append("</td><td>")
            .append(escape(String.valueOf(r.get("state"))))
            .append("</td><td>")
            .append(escape(String.valueOf(key)))
            .append("</td><td class=\"num\">")
            .append(r.get("observed"))
            .append(" / ")
            .append(r.get("denominator"))
            .append("</td><td class=\"num\">")
            .append(
                r.get("expected") == null
                    ? "-"
                    : String.format(Locale.ROOT, "%.2f", (double) r.get("expected")))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    Map<String, Object> risks = (Map<String, Object>) f.get("risks");
    h.append("<h2>").append(escape(BulletinText.get(l, "risks"))).append("</h2>\n");
    if (!"OK".equals(risks.get("status"))) {
      h.append("<p class=\"note\">")
          .append(escape(BulletinText.get(l, "not_computed")))
          .append(" <code>")
          .append(escape((String) risks.get("run_first")))
          .append("</code></p>\n");
    } else {
      h.append("<p class=\"note\">")
          .append(escape(risks.get("ranking_period_type")))
          .append(' ')
          .append(escape(risks.get("ranking_period")))
          .append(": ")
          .append(escape(String.valueOf(risks.get("note"))))
          .append("</p>\n<table><tr><th>")
          .append(escape(BulletinText.get(l, "rank")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "analyte")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "commodity")))
          .append("</th><th>A</th><th>B</th><th>C</th><th>D</th><th>E</th><th>F</th><th>")
          .append(escape(BulletinText.get(l, "score")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "severity")))
          .append("</th></tr>\n");
      for (Map<String, Object> r : (List<Map<String, Object>>) risks.get("top")) {
        h.append("<tr><td>")
            .append(r.get("rank_position"))
            .append("</td><td>")
            .append(escape(String.valueOf(r.get("analyte_code"))))
            .append("</td><td>")
            .append(escape(String.valueOf(r.get("commodity_code"))))
            .append("</td>");
        for (String s :
            List.of(
                "a_score", "b_score", "c_score", "d_score", "e_score", "f_score", "total_score")) {
          h.append("<td class=\"num\">").append(r.get(s)).append("</td>");
        }
        h.append("<td>").append(escape(String.valueOf(r.get("risk_rank")))).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    Map<String, Object> map = (Map<String, Object>) f.get("map");
    h.append("<h2>").append(escape(BulletinText.get(l, "map"))).append("</h2>\n");
    if (!"OK".equals(map.get("status"))) {
      h.append("<p class=\"note\">")
          .append(escape(BulletinText.get(l, "not_computed")))
          .append(" <code>")
          .append(escape((String) map.get("run_first")))
          .append("</code></p>\n");
    } else {
      h.append("<p class=\"note\">")
          .append(
              escape(map.get("layer") + ", " + map.get("period_type") + " " + map.get("period")))
          .append("</p>\n");
      if (mapPng != null) {
        h.append("<img src=\"").append(escape(mapPng)).append("\" alt=\"map\"/>\n");
      }
      h.append("<table><tr><th>")
          .append(escape(BulletinText.get(l, "region")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "samples")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "pass_rate")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "hotspot")))
          .append("</th></tr>\n");
      List<Map<String, Object>> regions = (List<Map<String, Object>>) map.get("regions");
      for (Map<String, Object> r : regions.subList(0, Math.min(15, regions.size()))) {
        h.append("<tr><td>")
            .append(
                escape(
                    r.get("region_code")
                        + " "
                        + (r.get("region_name") == null ? "" : r.get("region_name"))))
            .append("</td><td class=\"num\">")
            .append(r.get("samples"))
            .append("</td><td class=\"num\">")
            .append(pct(r.get("pass_rate")))
            .append("</td><td>")
            .append(escape(String.valueOf(r.get("hotspot_class"))))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    Map<String, Object> dq = (Map<String, Object>) f.get("data_quality");
    h.append("<h2>")
        .append(escape(BulletinText.get(l, "data_quality")))
        .append("</h2>\n<table><tr><th>")
        .append(escape(BulletinText.get(l, "cut_off")))
        .append("</th><td>")
        .append(escape(String.valueOf(meta.get("data_cut_off_utc"))))
        .append("</td></tr><tr><th>")
        .append(escape(BulletinText.get(l, "samples")))
        .append("</th><td class=\"num\">")
        .append(dq.get("samples_in_period"))
        .append("</td></tr><tr><th>")
        .append(escape(BulletinText.get(l, "late")))
        .append(" (&gt; ")
        .append(escape(String.valueOf(dq.get("late_after_utc"))))
        .append(")</th><td class=\"num\">")
        .append(dq.get("late_samples"))
        .append("</td></tr><tr><th>")
        .append(escape(BulletinText.get(l, "rejected")))
        .append("</th><td class=\"num\">")
        .append(dq.get("rejected_records"))
        .append("</td></tr></table>\n<table><tr><th>")
        .append(escape(BulletinText.get(l, "lab")))
        .append("</th><th>")
        .append(escape(BulletinText.get(l, "samples")))
        .append("</th></tr>\n");
    for (Map<String, Object> r : (List<Map<String, Object>>) dq.get("uploads_per_lab")) {
      h.append("<tr><td>")
          .append(escape(String.valueOf(r.get("lab_id"))))
          .append("</td><td class=\"num\">")
          .append(r.get("samples"))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    List<Map<String, Object>> reasons = (List<Map<String, Object>>) dq.get("rejected_top_reasons");
    if (!reasons.isEmpty()) {
      h.append("<table><tr><th>")
          .append(escape(BulletinText.get(l, "field")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "reason")))
          .append("</th><th>")
          .append(escape(BulletinText.get(l, "count")))
          .append("</th></tr>\n");
      for (Map<String, Object> r : reasons) {
        h.append("<tr><td>")
            .append(escape(String.valueOf(r.get("field"))))
            .append("</td><td>")
            .append(escape(String.valueOf(r.get("reason"))))
            .append("</td><td class=\"num\">")
            .append(r.get("records"))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("<p class=\"note\">").append(escape(String.valueOf(dq.get("note")))).append("</p>\n");

    h.append("<h2>")
        .append(escape(BulletinText.get(l, "methods")))
        .append("</h2>\n<h3>")
        .append(escape(BulletinText.get(l, "dictionary")))
        .append("</h3>\n<ul>");
    for (String d :
        List.of(
            "pass_rate",
            "detection_rate",
            "exceedance_rate",
            "interval",
            "programme",
            "rules",
            "suppression",
            "risk",
            "reproducible")) {
      String label =
          List.of("pass_rate", "detection_rate", "exceedance_rate").contains(d)
              ? BulletinText.get(l, d) + ": "
              : "";
      h.append("<li>").append(escape(label + BulletinText.get(l, "def." + d))).append("</li>");
    }
    h.append("</ul>\n<h3>")
        .append(escape(BulletinText.get(l, "snapshots")))
        .append("</h3>\n<table><tr><th>")
        .append(escape(BulletinText.get(l, "table")))
        .append("</th><th>snapshot-id</th></tr>\n");
    for (Map.Entry<String, Object> e : ((Map<String, Object>) meta.get("snapshots")).entrySet()) {
      h.append("<tr><td>")
          .append(escape(e.getKey()))
          .append("</td><td>")
          .append(e.getValue() == null ? "-" : e.getValue())
          .append("</td></tr>\n");
    }
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }

  static String rate(Map<String, Object> m, String name) {
    Object v = m.get(name);
    if (v == null) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%.1f %% [%.1f, %.1f]",
        100 * (double) v,
        100 * (double) m.get(name + "_low"),
        100 * (double) m.get(name + "_high"));
  }

  static String pct(Object v) {
    return v == null
        ? "-"
        : String.format(Locale.ROOT, "%.1f %%", 100 * ((Number) v).doubleValue());
  }

  static String signed(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%+.2f", v);
  }
}
