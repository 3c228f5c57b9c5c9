package org.frontline.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.SimpleTimePeriod;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The report's charts, drawn by JFreeChart and written as inline SVG by JFreeSVG (scalable, no image files,
 * no network). Each SVG's definitions are prefixed with its element id, so that several can share one HTML page.
 */
public final class Charts {
  static final Color BAR = new Color(0xd6, 0x60, 0x4d);
  static final Color LINE = new Color(0x2b, 0x2b, 0x2b);
  static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
  static final Color[] SERIES = {new Color(0x1b, 0x9e, 0x77), new Color(0xd9, 0x5f, 0x02),
      new Color(0x75, 0x70, 0xb3), new Color(0xe7, 0x29, 0x8a), new Color(0x66, 0xa6, 0x1e)};
  static final Font FONT = new Font("SansSerif", Font.PLAIN, 11);

  private Charts() {}

  private static Day day(String iso) {
    LocalDate d = LocalDate.parse(iso);
    return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }

  /** Daily bars of events with the 7-day average as a line; {@code maxY} fixes the scale (0 = automatic). */
  public static String daily(String id, String title, List<ReportData.DayPoint> days, int width, int height,
                             double maxY) {
    TimeSeries bars = new TimeSeries("strike events per day");
    TimeSeries avg = new TimeSeries("7-day average");
    for (ReportData.DayPoint p : days) {
      bars.add(day(p.date()), p.events());
      if (p.events7dAvg() != null) {
        avg.add(day(p.date()), p.events7dAvg());
      }
    }
    XYBarRenderer barRenderer = bars(new XYBarRenderer(0.15));
    barRenderer.setSeriesPaint(0, BAR);
    XYPlot plot = new XYPlot(new TimeSeriesCollection(bars), dates("d MMM"), counts(maxY), barRenderer);
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    lineRenderer.setSeriesPaint(0, LINE);
    lineRenderer.setSeriesStroke(0, new BasicStroke(2f));
    plot.setDataset(1, new TimeSeriesCollection(avg));
    plot.setRenderer(1, lineRenderer);
    style(plot);
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 13), plot, width >= 500);
    return svg(id, chart, width, height);
  }

  /**
   * Stacked bars per week or month ({@code unit}): one stack per period starting at {@code starts}, one
   * layer per series (its values in the order of {@code starts}), coloured in order; {@code maxY} fixes the
   * scale (0 = automatic).
   */
  public static String periods(String id, String title, List<String> starts, String unit,
                               Map<String, List<Double>> series, int width, int height, double maxY) {
    TimeTableXYDataset data = new TimeTableXYDataset();
    for (int i = 0; i < starts.size(); i++) {
      LocalDate a = LocalDate.parse(starts.get(i));
      LocalDate b = "month".equals(unit) ? a.plusMonths(1) : a.plusWeeks(1);
      SimpleTimePeriod period = new SimpleTimePeriod(java.sql.Date.valueOf(a), java.sql.Date.valueOf(b));
      for (Map.Entry<String, List<Double>> e : series.entrySet()) {
        data.add(period, e.getValue().get(i), e.getKey());
      }
    }
    StackedXYBarRenderer r = bars(new StackedXYBarRenderer(0.15));
    int i = 0;
    for (String name : series.keySet()) {
      r.setSeriesPaint(i, series.size() == 1 ? BAR : SERIES6[i % SERIES6.length]);
      i++;
    }
    XYPlot plot = new XYPlot(data, dates("month".equals(unit) ? "MMM yyyy" : "d MMM"), counts(maxY), r);
    style(plot);
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 13), plot, series.size() > 1);
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(FONT);
    }
    return svg(id, chart, width, height);
  }

  /**
   * Values per day, one series of points per entry of {@code series} (day → value; a day without a value has
   * no point), joined by lines: e.g. an official series and the news' figures of the same nights.
   */
  public static String nights(String id, String title, Map<String, Map<String, Double>> series, int width,
                              int height) {
    TimeSeriesCollection data = new TimeSeriesCollection();
    for (Map.Entry<String, Map<String, Double>> e : series.entrySet()) {
      TimeSeries t = new TimeSeries(e.getKey());
      e.getValue().forEach((d, v) -> t.add(day(d), v));
      data.addSeries(t);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    Color[] colours = {LINE, BAR};
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesPaint(i, colours[i % colours.length]);
      r.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.5f : 1f));
    }
    XYPlot plot = new XYPlot(data, dates("d MMM yy"), counts(0), r);
    style(plot);
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 13), plot, true);
    chart.getLegend().setItemFont(FONT);
    return svg(id, chart, width, height);
  }

  /** A date axis labelled in {@code pattern}. */
  private static DateAxis dates(String pattern) {
    DateAxis x = new DateAxis();
    x.setDateFormatOverride(format(pattern));
    x.setTickLabelFont(FONT);
    return x;
  }

  /** A count axis with whole ticks, from 0 to {@code maxY} (0 = automatic). */
  private static NumberAxis counts(double maxY) {
    NumberAxis y = new NumberAxis();
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    y.setTickLabelFont(FONT);
    if (maxY > 0) {
      y.setRange(0, maxY);
    }
    return y;
  }

  /** Flat bars without shadows. */
  private static <R extends XYBarRenderer> R bars(R r) {
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    return r;
  }

  /** Six qualitative colours (ColorBrewer Dark2) for stacked layers. */
  static final Color[] SERIES6 = {new Color(0x1b, 0x9e, 0x77), new Color(0xd9, 0x5f, 0x02),
      new Color(0x75, 0x70, 0xb3), new Color(0xe7, 0x29, 0x8a), new Color(0x66, 0xa6, 0x1e),
      new Color(0x99, 0x99, 0x99)};

  /** Weekly share of articles per topic, one line per topic. */
  public static String topicShares(String id, List<ReportData.Topic> topics, int width, int height) {
    TimeSeriesCollection data = new TimeSeriesCollection();
    for (ReportData.Topic t : topics) {
      TimeSeries s = new TimeSeries("#" + t.topicId() + " " + t.label());
      for (ReportData.WeekShare w : t.weeks()) {
        s.add(day(w.week()), 100.0 * w.share());
      }
      data.addSeries(s);
    }
    DateAxis x = new DateAxis();
    x.setDateFormatOverride(format("d MMM"));
    x.setTickLabelFont(FONT);
    x.setUpperMargin(0.04);
    NumberAxis y = new NumberAxis("% of the week's articles");
    y.setTickLabelFont(FONT);
    y.setLabelFont(FONT);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < topics.size(); i++) {
      r.setSeriesPaint(i, SERIES[i % SERIES.length]);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(data, x, y, r);
    style(plot);
    JFreeChart chart = new JFreeChart(null, FONT, plot, true);
    chart.getLegend().setItemFont(FONT);
    return svg(id, chart, width, height);
  }

  private static SimpleDateFormat format(String pattern) {
    SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ENGLISH);
    f.setTimeZone(TimeZone.getDefault());
    return f;
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlinesVisible(false);
    plot.setOutlineVisible(false);
  }

  /**
   * A chart as an inline SVG element (also used by the notebooks' display). Its definitions are prefixed with
   * {@code id}, which must be unique on the page: the same chart gives the same bytes in every run.
   */
  public static String svg(String id, JFreeChart chart, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement(id, false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID,
        MeetOrSlice.MEET);
  }
}
