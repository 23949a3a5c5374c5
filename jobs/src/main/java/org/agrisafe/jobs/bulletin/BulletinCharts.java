package org.agrisafe.jobs.bulletin;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.jobs.bulletin.BulletinSpec.Language;
import org.agrisafe.jobs.report.CjkFont;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Bulletin charts drawn with XChart into PNG files (150 dpi): the pass-rate trend with its Wilson interval and the
 * target line, and the pass rates of the published category groups. Percentages on the axes; missing periods are
 * gaps (no rate is invented). Chinese labels use the CJK font named by {@link BulletinPdf#FONT_FAMILY} when it is
 * installed.
 */
public final class BulletinCharts {
  private BulletinCharts() {}

  /**
   * Trend chart of {@code figures.trend} (pass rate with its Wilson interval as error bars, and the target line);
   * periods without a rate are left out of the chart (the JSON keeps them as null). Returns the file written, or
   * null when no period has a rate.
   */
  @SuppressWarnings("unchecked")
  public static Path trend(Map<String, Object> figures, BulletinSpec spec, Path png) {
    List<Map<String, Object>> trend = (List<Map<String, Object>>) figures.get("trend");
    Language l = spec.language();
    List<String> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> err = new ArrayList<>();
    for (Map<String, Object> p : trend) {
      if (p.get("pass_rate") != null) {
        double r = (double) p.get("pass_rate");
        x.add((String) p.get("period"));
        y.add(100 * r);
        err.add(
            100
                * Math.max(
                    r - (double) p.get("pass_rate_low"), (double) p.get("pass_rate_high") - r));
      }
    }
    if (x.isEmpty()) {
      return null;
    }
    CategoryChart c =
        new CategoryChartBuilder()
            .width(900)
            .height(380)
            .title(BulletinText.get(l, "trend"))
            .xAxisTitle(BulletinText.get(l, "period"))
            .yAxisTitle(BulletinText.get(l, "pass_rate") + " (%)")
            .build();
    style(c.getStyler(), l);
    c.getStyler()
        .setDefaultSeriesRenderStyle(
            org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
    c.getStyler().setXAxisLabelRotation(45);
    org.knowm.xchart.CategorySeries s = c.addSeries(BulletinText.get(l, "pass_rate"), x, y, err);
    s.setMarker(SeriesMarkers.CIRCLE);
    double t = 100 * spec.targetPassRate();
    org.knowm.xchart.CategorySeries target =
        c.addSeries(
            BulletinText.get(l, "target") + " " + fmt(t) + " %",
            x,
            x.stream().map(v -> t).toList());
    target.setMarker(SeriesMarkers.NONE);
    target.setLineColor(Color.RED);
    target.setFillColor(Color.RED);
    return save(c, png);
  }

  /** Bar chart of the published groups of one breakdown; null when it has no group. */
  @SuppressWarnings("unchecked")
  public static Path groups(
      Map<String, Object> figures, BulletinSpec spec, String dimension, Path png) {
    Map<String, Object> b =
        (Map<String, Object>) ((Map<String, Object>) figures.get("breakdowns")).get(dimension);
    List<Map<String, Object>> groups = (List<Map<String, Object>>) b.get("groups");
    if (groups == null || groups.isEmpty()) {
      return null;
    }
    Language l = spec.language();
    CategoryChart c =
        new CategoryChartBuilder()
            .width(900)
            .height(380)
            .title(
                BulletinText.get(l, dimension) + " - " + BulletinText.get(l, "pass_rate") + " (%)")
            .build();
    style(c.getStyler(), l);
    c.getStyler().setXAxisLabelRotation(45);
    List<String> keys = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (Map<String, Object> g : groups) {
      if (g.get("pass_rate") != null) {
        keys.add(String.valueOf(g.get("key")));
        rates.add(100 * (double) g.get("pass_rate"));
      }
    }
    if (keys.isEmpty()) {
      return null;
    }
    c.addSeries(BulletinText.get(l, "pass_rate"), keys, rates);
    c.getStyler()
        .setYAxisMin(
            Math.max(0, Math.floor(rates.stream().mapToDouble(d -> d).min().orElse(0) - 5)));
    c.getStyler().setYAxisMax(100.0);
    return save(c, png);
  }

  private static void style(org.knowm.xchart.style.AxesChartStyler s, Language l) {
    String family = l == Language.ZH ? CjkFont.awtFont().getFamily() : Font.SANS_SERIF;
    s.setChartTitleFont(new Font(family, Font.BOLD, 16));
    s.setLegendFont(new Font(family, Font.PLAIN, 12));
    s.setAxisTitleFont(new Font(family, Font.PLAIN, 12));
    s.setAxisTickLabelsFont(new Font(family, Font.PLAIN, 11));
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
    s.setAntiAlias(true);
  }

  private static Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> c, Path png) {
    try {
      java.nio.file.Files.createDirectories(png.getParent());
      BitmapEncoder.saveBitmapWithDPI(
          c, png.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG, 150);
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write chart " + png, e);
    }
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
