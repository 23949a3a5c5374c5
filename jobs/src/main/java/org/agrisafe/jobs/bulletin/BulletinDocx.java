package org.agrisafe.jobs.bulletin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.agrisafe.jobs.bulletin.BulletinSpec.Language;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Writes the bulletin as DOCX with Apache POI, for editors who finish it in a word processor: the headline
 * figures, the breakdown tables, the exceedance and warning counts, the trend chart and the map, from the same
 * figures as the HTML and PDF. Chinese text is set in WenQuanYi Micro Hei (the reader's word processor substitutes
 * a CJK font when it is not installed).
 */
public final class BulletinDocx {
  private BulletinDocx() {}

  /** Writes {@code docx}; images may be null. */
  @SuppressWarnings("unchecked")
  public static Path write(
      Map<String, Object> f,
      BulletinSpec spec,
      String state,
      Path trendPng,
      Path mapPng,
      Path docx) {
    Language l = spec.language();
    try (XWPFDocument d = new XWPFDocument()) {
      heading(
          d,
          BulletinText.get(
                  l,
                  spec.periodType().name().equals("MONTH")
                      ? "title"
                      : "title." + spec.periodType().name())
              + " "
              + spec.period(),
          18);
      para(
          d,
          BulletinText.get(l, "source")
              + ": "
              + spec.sourceSystem()
              + "; "
              + BulletinText.get(l, "status")
              + ": "
              + state);
      heading(d, BulletinText.get(l, "headline"), 14);
      Map<String, Object> hl = (Map<String, Object>) f.get("headline");
      if (!(boolean) hl.get("has_data")) {
        para(d, BulletinText.get(l, "no_data_period"));
      } else {
        Map<String, Object> c = (Map<String, Object>) hl.get("current");
        XWPFTable t = d.createTable(5, 2);
        cell(t, 0, BulletinText.get(l, "samples"), String.valueOf(c.get("tested")));
        cell(t, 1, BulletinText.get(l, "pass_rate"), BulletinHtml.rate(c, "pass_rate"));
        cell(t, 2, BulletinText.get(l, "exceedance_rate"), BulletinHtml.rate(c, "exceedance_rate"));
        cell(
            t,
            3,
            BulletinText.get(l, "target")
                + " "
                + BulletinCharts.fmt(100 * spec.targetPassRate())
                + " %",
            BulletinText.get(l, (String) hl.get("target_status")));
        Map<String, Object> prev = (Map<String, Object>) hl.get("previous_period");
        cell(
            t,
            4,
            BulletinText.get(l, "previous") + " " + prev.get("period"),
            BulletinHtml.pct(prev.get("pass_rate")));
      }
      image(d, trendPng, 450, 190);
      Map<String, Object> bds = (Map<String, Object>) f.get("breakdowns");
      for (Map.Entry<String, Object> e : bds.entrySet()) {
        Map<String, Object> b = (Map<String, Object>) e.getValue();
        heading(d, BulletinText.get(l, e.getKey()), 12);
        if (!"OK".equals(b.get("status"))) {
          para(
              d,
              BulletinText.get(
                      l, "NOT_COMPUTED".equals(b.get("status")) ? "not_computed" : "NO_DATA")
                  + (b.get("run_first") == null ? "" : " " + b.get("run_first")));
          continue;
        }
        List<Map<String, Object>> groups = (List<Map<String, Object>>) b.get("groups");
        XWPFTable t = d.createTable(groups.size() + 1, 3);
        cell(t, 0, BulletinText.get(l, "group"), BulletinText.get(l, "samples"));
        t.getRow(0).getCell(2).setText(BulletinText.get(l, "pass_rate"));
        for (int i = 0; i < groups.size(); i++) {
          Map<String, Object> g = groups.get(i);
          cell(t, i + 1, String.valueOf(g.get("key")), String.valueOf(g.get("tested")));
          t.getRow(i + 1).getCell(2).setText(BulletinHtml.rate(g, "pass_rate"));
        }
      }
      heading(d, BulletinText.get(l, "exceedances"), 12);
      para(
          d,
          BulletinText.get(l, "count")
              + ": "
              + ((Map<String, Object>) f.get("exceedances")).get("count"));
      heading(d, BulletinText.get(l, "banned"), 12);
      para(
          d,
          BulletinText.get(l, "count")
              + ": "
              + ((Map<String, Object>) f.get("banned_detections")).get("count"));
      heading(d, BulletinText.get(l, "warnings"), 12);
      para(d, String.valueOf(((Map<String, Object>) f.get("warnings")).get("by_state")));
      heading(d, BulletinText.get(l, "map"), 12);
      image(d, mapPng, 450, 260);
      heading(d, BulletinText.get(l, "methods"), 12);
      for (String k :
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
        para(d, BulletinText.get(l, "def." + k));
      }
      para(
          d,
          BulletinText.get(l, "snapshots")
              + ": "
              + ((Map<String, Object>) f.get("meta")).get("snapshots"));
      try (OutputStream os = Files.newOutputStream(docx)) {
        d.write(os);
      }
      return docx;
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IllegalStateException("Cannot write DOCX " + docx + ": " + e.getMessage(), e);
    }
  }

  private static void heading(XWPFDocument d, String text, int size) {
    XWPFRun r = d.createParagraph().createRun();
    r.setBold(true);
    r.setFontSize(size);
    font(r);
    r.setText(text);
  }

  private static void para(XWPFDocument d, String text) {
    XWPFRun r = d.createParagraph().createRun();
    font(r);
    r.setText(text);
  }

  private static void font(XWPFRun r) {
    r.setFontFamily(BulletinPdf.FONT_FAMILY);
    r.setFontFamily(BulletinPdf.FONT_FAMILY, XWPFRun.FontCharRange.eastAsia);
  }

  private static void cell(XWPFTable t, int row, String a, String b) {
    t.getRow(row).getCell(0).setText(a);
    t.getRow(row).getCell(1).setText(b);
  }

  private static void image(XWPFDocument d, Path png, int widthPt, int heightPt)
      throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
    if (png == null || !Files.isRegularFile(png)) {
      return;
    }
    XWPFParagraph p = d.createParagraph();
    try (InputStream in = Files.newInputStream(png)) {
      p.createRun()
          .addPicture(
              in,
              Document.PICTURE_TYPE_PNG,
              png.getFileName().toString(),
              Units.toEMU(widthPt),
              Units.toEMU(heightPt));
    }
  }
}
