package org.frontline.notebook;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Charts from small, already aggregated Datasets (a cell's last expression shows them inline as SVG). The rows
 * are collected to the kernel, so a chart refuses more than {@link #MAX_ROWS}: aggregate first.
 */
public final class Charts {
  public static final int MAX_ROWS = 20_000;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf)};

  private Charts() {}

  /**
   * One line per value of {@code series} (or one line when it is null) of {@code y} over the date column
   * {@code x}.
   */
  public static JFreeChart lines(Dataset<Row> rows, String x, String series, String y, String title) {
    Dataset<Row> sel = series == null ? rows.select(col(x), col(y)) : rows.select(col(x), col(y), col(series));
    TimeSeriesCollection data = new TimeSeriesCollection();
    Map<String, TimeSeries> bySeries = new LinkedHashMap<>();
    for (Row r : collect(sel.orderBy(col(x)))) {
      if (r.isNullAt(0) || r.isNullAt(1)) {
        continue;
      }
      String name = series == null ? y : String.valueOf(r.get(2));
      TimeSeries s = bySeries.computeIfAbsent(name, TimeSeries::new);
      LocalDate d = LocalDate.parse(r.get(0).toString().substring(0, 10));
      s.addOrUpdate(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), ((Number) r.get(1)).doubleValue());
    }
    bySeries.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createTimeSeriesChart(title, x, y, data, bySeries.size() > 1, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < bySeries.size(); i++) {
      r.setSeriesPaint(i, COLORS[i % COLORS.length]);
      r.setSeriesStroke(i, new BasicStroke(1.8f));
    }
    plot.setRenderer(r);
    ((DateAxis) plot.getDomainAxis()).setLowerMargin(0.01);
    style(chart);
    return chart;
  }

  /** Bars of {@code y} per {@code category}, in the Dataset's order (sort it first). */
  public static JFreeChart bars(Dataset<Row> rows, String category, String y, String title) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Row r : collect(rows.select(col(category), col(y)))) {
      if (!r.isNullAt(1)) {
        data.addValue(((Number) r.get(1)).doubleValue(), y, String.valueOf(r.get(0)));
      }
    }
    JFreeChart chart = ChartFactory.createBarChart(title, category, y, data, PlotOrientation.HORIZONTAL, false,
        false, false);
    chart.getCategoryPlot().getRenderer().setSeriesPaint(0, COLORS[0]);
    style(chart);
    return chart;
  }

  private static List<Row> collect(Dataset<Row> rows) {
    List<Row> got = rows.limit(MAX_ROWS + 1).collectAsList();
    if (got.size() > MAX_ROWS) {
      throw new IllegalArgumentException("a chart takes at most " + MAX_ROWS + " rows: aggregate first");
    }
    return got;
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    chart.getPlot().setOutlineVisible(false);
  }
}
