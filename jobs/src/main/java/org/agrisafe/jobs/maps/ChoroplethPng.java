package org.agrisafe.jobs.maps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.agrisafe.intake.reference.Region;
import org.agrisafe.intake.reference.RegionLayer;
import org.agrisafe.jobs.report.CjkFont;
import org.locationtech.jts.awt.PointTransformation;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * A PNG choropleth of one layer and period (Java2D + JTS {@link ShapeWriter}): exceedance rate in the map page's
 * fixed classes (&lt; 1, 1–2, 2–5, 5–10, ≥ 10 %, ColorBrewer YlOrRd), "no data" grey, "too few samples" hatched,
 * Gi* hot and cold spots (≥ 95 %) outlined; with title (English and Chinese), period, legend, scale note and source.
 *
 * <p>Projection: plate carrée (lon, lat as x, y) for the world, cut at 58° S; for Jinan equirectangular with x
 * scaled by cos(latitude of the centre), so shapes and the scale bar are true near Jinan. Chinese text uses the CJK
 * TrueType font of {@link CjkFont} (an installed copy, else the one shipped in the jar); when it cannot be read the
 * logical "SansSerif" font is used and a warning is printed (Chinese may then show as boxes).
 */
public final class ChoroplethPng {
  private ChoroplethPng() {}

  /** Upper bounds of the exceedance classes (proportions), as the map page's fixed breaks. */
  static final double[] BREAKS = {0.01, 0.02, 0.05, 0.10};

  static final Color[] YL_OR_RD = {
    new Color(0xffffb2),
    new Color(0xfecc5c),
    new Color(0xfd8d3c),
    new Color(0xf03b20),
    new Color(0xbd0026)
  };
  static final Color NO_DATA = new Color(0xc4c4c4);
  static final Color HOT = new Color(0xb2182b);
  static final Color COLD = new Color(0x2166ac);
  private static final String[] CLASS_LABELS = {
    "< 1 %", "1 – 2 %", "2 – 5 %", "5 – 10 %", "≥ 10 %"
  };

  private static Font baseFont;

  /** The CJK font, or SansSerif with a warning on stderr. */
  static synchronized Font baseFont() {
    if (baseFont == null) {
      try {
        baseFont = CjkFont.awtFont();
      } catch (RuntimeException e) {
        System.err.println(
            "WARNING: CJK font cannot be loaded ("
                + e.getMessage()
                + "): using SansSerif, Chinese names may not render");
        baseFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
      }
    }
    return baseFont;
  }

  /** The class index (0..4) of an exceedance rate. */
  static int classOf(double rate) {
    int c = 0;
    while (c < BREAKS.length && rate >= BREAKS[c]) {
      c++;
    }
    return c;
  }

  /**
   * Draws the map.
   *
   * @param layer the layer
   * @param stats the statistics of {@code period} (other periods are ignored)
   * @param period the period drawn (normally the latest)
   * @param synthetic whether the figures are synthetic (said in the title)
   * @param programmes programme scope in words
   * @param minSamples the too-few-samples threshold
   * @param out the PNG file
   */
  public static void write(
      MapLayer layer,
      List<RegionStat> stats,
      String period,
      boolean synthetic,
      String programmes,
      int minSamples,
      Path out) {
    RegionLayer regions = layer.regions();
    boolean world = layer == MapLayer.WORLD_ORIGIN;
    int width = world ? 1800 : 1400;
    int mapTop = 110;
    Envelope env = new Envelope();
    regions.regions().forEach(r -> env.expandToInclude(r.geometry().getEnvelopeInternal()));
    if (world) {
      env.init(-180, 180, -58, 84);
    } else {
      env.expandBy(0.03);
    }
    double kx = world ? 1.0 : Math.cos(Math.toRadians(env.centre().y));
    int mapWidth = world ? width - 40 : width - 420;
    double scale = mapWidth / (env.getWidth() * kx);
    int mapHeight = (int) Math.round(env.getHeight() * scale);
    int legendTop = world ? mapTop + mapHeight + 20 : mapTop;
    int height = world ? legendTop + 215 : Math.max(mapTop + mapHeight + 95, 800);
    int mapLeft = 20;
    PointTransformation tx =
        (Coordinate c, Point2D p) ->
            p.setLocation(
                mapLeft + (c.x - env.getMinX()) * kx * scale,
                mapTop + (env.getMaxY() - c.y) * scale);
    ShapeWriter sw = new ShapeWriter(tx);

    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    if (world) {
      g.setColor(new Color(0xeaf2f8)); // sea
      g.fillRect(mapLeft, mapTop, mapWidth, mapHeight);
    }
    Font f = baseFont();
    TexturePaint hatch = hatch();

    Map<String, RegionStat> byCode = new HashMap<>();
    for (RegionStat s : stats) {
      if (s.period().equals(period) && s.onMap()) {
        byCode.put(s.code(), s);
      }
    }
    g.setClip(new Rectangle(mapLeft, mapTop, mapWidth, mapHeight));
    for (Region r : regions.regions()) {
      Shape shape = sw.toShape(r.geometry());
      RegionStat s = byCode.get(r.code());
      if (s == null || s.exceedance().value() == null) {
        g.setColor(NO_DATA);
        g.fill(shape);
      } else if (s.tooFewSamples()) {
        g.setPaint(hatch);
        g.fill(shape);
      } else {
        g.setColor(YL_OR_RD[classOf(s.exceedance().value())]);
        g.fill(shape);
      }
      g.setColor(new Color(0x555555));
      g.setStroke(new BasicStroke(world ? 0.5f : 1.2f));
      g.draw(shape);
    }
    for (Region r : regions.regions()) { // hot/cold outlines on top of the borders
      RegionStat s = byCode.get(r.code());
      if (s != null && s.hotspot().isSignificant() && s.hotspot().confidencePercent() >= 95) {
        g.setColor(s.hotspot().giBin() > 0 ? HOT : COLD);
        g.setStroke(new BasicStroke(world ? 2.5f : 4f));
        g.draw(sw.toShape(r.geometry()));
      }
    }
    if (!world) {
      labels(g, f, regions, tx, byCode);
    }
    g.setClip(null);
    g.setColor(new Color(0x888888));
    g.setStroke(new BasicStroke(1f));
    g.drawRect(mapLeft, mapTop, mapWidth, mapHeight);

    // title block
    g.setColor(Color.BLACK);
    g.setFont(f.deriveFont(Font.BOLD, 30f));
    String measure = "Exceedance rate 超标率";
    g.drawString(layer.title + " — " + measure + (synthetic ? "  [SYNTHETIC DATA]" : ""), 20, 42);
    g.setFont(f.deriveFont(Font.PLAIN, 22f));
    g.drawString(
        layer.titleZh
            + "  ·  "
            + periodLabel(period)
            + "  ·  "
            + programmes
            + (synthetic ? "  ·  模拟数据" : ""),
        20,
        78);

    int lx = world ? 20 : mapLeft + mapWidth + 30;
    legend(g, f, lx, legendTop, minSamples, hatch, world);

    g.setFont(f.deriveFont(Font.PLAIN, 15f));
    g.setColor(new Color(0x333333));
    String scaleNote =
        world
            ? "Plate carrée (lon/lat, WGS-84); areas and distances not to scale; 58° S – 84° N shown."
            : "Equirectangular around "
                + String.format(Locale.ROOT, "%.2f° N", env.centre().y)
                + " (WGS-84, boundaries converted from GCJ-02).";
    String source =
        "Source: "
            + layer.source
            + ". Boundaries: "
            + (world ? "Natural Earth 1:110m (public domain)." : "DataV/AMap (GCJ-02 → WGS-84).")
            + " Exceedance = samples with ≥ 1 result > MRL / samples tested.";
    StringBuilder notDrawn = new StringBuilder();
    for (RegionStat s : stats) {
      if (s.period().equals(period) && !s.onMap()) {
        notDrawn
            .append(notDrawn.length() == 0 ? "" : ", ")
            .append(s.code())
            .append(" (n=")
            .append(s.counts().samples())
            .append(')');
      }
    }
    g.drawString(
        "Not drawn, no polygon 无边界未绘制: " + (notDrawn.length() == 0 ? "none" : notDrawn),
        20,
        height - 62);
    g.drawString(scaleNote, 20, height - 38);
    g.drawString(source, 20, height - 14);
    if (!world) {
      scaleBar(g, f, mapLeft + 20, mapTop + mapHeight - 30, scale);
    }
    g.dispose();
    try {
      Files.createDirectories(out.toAbsolutePath().getParent());
      ImageIO.write(img, "png", out.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out, e);
    }
  }

  private static String periodLabel(String period) {
    return "Period 时期: " + period;
  }

  private static TexturePaint hatch() {
    BufferedImage t = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = t.createGraphics();
    g.setColor(new Color(0xeeeeee));
    g.fillRect(0, 0, 10, 10);
    g.setColor(new Color(0x888888));
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(0, 10, 10, 0);
    g.drawLine(-5, 5, 5, -5);
    g.drawLine(5, 15, 15, 5);
    g.dispose();
    return new TexturePaint(t, new Rectangle(0, 0, 10, 10));
  }

  private static void legend(
      Graphics2D g, Font f, int x, int y, int minSamples, TexturePaint hatch, boolean world) {
    g.setColor(Color.BLACK);
    g.setFont(f.deriveFont(Font.BOLD, 19f));
    g.drawString("Exceedance rate 超标率", x, y + 18);
    g.setFont(f.deriveFont(Font.PLAIN, 17f));
    int row = 30;
    int[][] pos = new int[9][];
    for (int i = 0; i < 9; i++) {
      pos[i] =
          world
              ? new int[] {x + (i / 3) * 330, y + 32 + (i % 3) * row}
              : new int[] {x, y + 32 + i * row};
    }
    for (int c = 0; c < 5; c++) {
      box(g, pos[c], YL_OR_RD[c], null, null);
      g.setColor(Color.BLACK);
      g.drawString(CLASS_LABELS[c], pos[c][0] + 38, pos[c][1] + 17);
    }
    box(g, pos[5], NO_DATA, null, null);
    g.setColor(Color.BLACK);
    g.drawString("No data 无数据", pos[5][0] + 38, pos[5][1] + 17);
    box(g, pos[6], null, hatch, null);
    g.setColor(Color.BLACK);
    g.drawString("Too few samples (< " + minSamples + ") 样本过少", pos[6][0] + 38, pos[6][1] + 17);
    box(g, pos[7], Color.WHITE, null, HOT);
    g.setColor(Color.BLACK);
    g.drawString("Gi* hot spot ≥ 95 % 热点", pos[7][0] + 38, pos[7][1] + 17);
    box(g, pos[8], Color.WHITE, null, COLD);
    g.setColor(Color.BLACK);
    g.drawString("Gi* cold spot ≥ 95 % 冷点", pos[8][0] + 38, pos[8][1] + 17);
  }

  private static void box(Graphics2D g, int[] p, Color fill, TexturePaint paint, Color outline) {
    if (paint != null) {
      g.setPaint(paint);
    } else {
      g.setColor(fill);
    }
    g.fillRect(p[0], p[1], 30, 22);
    g.setColor(outline == null ? new Color(0x555555) : outline);
    g.setStroke(new BasicStroke(outline == null ? 1f : 3.5f));
    g.drawRect(p[0], p[1], 30, 22);
  }

  private static void labels(
      Graphics2D g,
      Font f,
      RegionLayer regions,
      PointTransformation tx,
      Map<String, RegionStat> byCode) {
    Font zh = f.deriveFont(Font.BOLD, 17f);
    Font small = f.deriveFont(Font.PLAIN, 13f);
    for (Region r : regions.regions()) {
      Point ip = RegionStatistics.largestPart(r.geometry()).getInteriorPoint();
      Point2D p = new Point2D.Double();
      tx.transform(ip.getCoordinate(), p);
      RegionStat s = byCode.get(r.code());
      String value =
          s == null || s.exceedance().value() == null
              ? "—"
              : String.format(
                  Locale.ROOT,
                  "%.1f %% (n=%d)",
                  100 * s.exceedance().value(),
                  s.counts().samples());
      String[] lines = {r.nameZh() == null ? r.name() : r.nameZh(), r.name(), value};
      Font[] fonts = {zh, small, small};
      int yy = (int) p.getY() - 14;
      for (int i = 0; i < 3; i++) {
        g.setFont(fonts[i]);
        int w = g.getFontMetrics().stringWidth(lines[i]);
        int x = (int) p.getX() - w / 2;
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(
            x - 2,
            yy - g.getFontMetrics().getAscent() + 1,
            w + 4,
            g.getFontMetrics().getHeight() - 2);
        g.setColor(Color.BLACK);
        g.drawString(lines[i], x, yy);
        yy += g.getFontMetrics().getHeight() - 2;
      }
    }
  }

  private static void scaleBar(Graphics2D g, Font f, int x, int y, double pxPerDegree) {
    // x pixels per degree of longitude = scale·kx, and a degree of longitude is 111.32·kx km
    double pxPerKm = pxPerDegree / 111.32;
    int km = 20;
    int len = (int) Math.round(km * pxPerKm);
    g.setColor(Color.WHITE);
    g.fillRect(x - 6, y - 24, len + 70, 36);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(3f));
    g.drawLine(x, y, x + len, y);
    g.drawLine(x, y - 6, x, y + 6);
    g.drawLine(x + len, y - 6, x + len, y + 6);
    g.setFont(f.deriveFont(Font.PLAIN, 15f));
    g.drawString(km + " km", x + len + 8, y + 5);
  }
}
