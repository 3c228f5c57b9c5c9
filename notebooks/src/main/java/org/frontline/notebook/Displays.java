package org.frontline.notebook;

import org.apache.commons.text.StringEscapeUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfree.chart.JFreeChart;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

/** How values are shown in a notebook: Datasets as HTML tables (and text), charts as inline SVG. */
public final class Displays {
  /** Rows a Dataset shows as a cell's value. */
  public static final int DEFAULT_ROWS = 20;
  private static final int MAX_CELL_CHARS = 160;
  private static final AtomicInteger CHARTS = new AtomicInteger();

  private Displays() {}

  static void register(Renderer renderer) {
    renderer.createRegistration(Dataset.class).preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
        .register((ds, ctx) -> ctx.getOutputContainer().assign(table(ds, DEFAULT_ROWS)));
    renderer.createRegistration(JFreeChart.class).preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_HTML, MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
        .register((chart, ctx) -> ctx.getOutputContainer().assign(chart(chart, 860, 420)));
  }

  /** The first {@code n} rows: an HTML table with column types, and the same as plain text. */
  public static DisplayData table(Dataset<?> rows, int n) {
    StructField[] fields = rows.schema().fields();
    Column[] asText = Arrays.stream(fields).map(f -> {
      Column c = col("`" + f.name().replace("`", "``") + "`");
      // fractions are shown to 4 decimals (the Dataset itself keeps every digit)
      boolean fraction = f.dataType() instanceof DoubleType || f.dataType() instanceof FloatType;
      return (fraction ? round(c, 4) : c).cast("string").as(f.name());
    }).toArray(Column[]::new);
    List<Row> got = rows.toDF().select(asText).limit(n + 1).collectAsList();
    boolean more = got.size() > n;
    List<Row> shown = more ? got.subList(0, n) : got;

    StringBuilder html = new StringBuilder("<table class=\"frontline\"><thead><tr>");
    StringBuilder text = new StringBuilder();
    for (StructField f : fields) {
      html.append("<th title=\"").append(esc(f.dataType().simpleString())).append("\">").append(esc(f.name()))
          .append("<br><small>").append(esc(f.dataType().simpleString())).append("</small></th>");
      text.append(f.name()).append('\t');
    }
    html.append("</tr></thead><tbody>");
    text.setLength(Math.max(0, text.length() - 1));
    text.append('\n');
    for (Row r : shown) {
      html.append("<tr>");
      for (int i = 0; i < fields.length; i++) {
        String v = r.isNullAt(i) ? null : r.getString(i);
        boolean number = fields[i].dataType() instanceof NumericType;
        html.append(number ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
            .append(v == null ? "<i>null</i>" : esc(cut(v))).append("</td>");
        text.append(v == null ? "null" : cut(v).replace('\n', ' ').replace('\t', ' '))
            .append(i + 1 < fields.length ? "\t" : "\n");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    String note = shown.isEmpty() ? "no rows" : more ? "first " + n + " rows" : shown.size() + " row"
        + (shown.size() == 1 ? "" : "s");
    html.append("<p><small>").append(note).append("</small></p>");
    text.append("(").append(note).append(")");
    DisplayData d = new DisplayData(text.toString());
    d.putHTML(html.toString());
    return d;
  }

  /**
   * A chart as SVG, twice: as {@code image/svg+xml}, and as HTML holding the same SVG in an {@code <img>} data
   * URL. Frontends and nbconvert prefer the HTML, which survives nbconvert's SVG sanitiser (it strips inline SVG
   * down to its text); an image cannot run anything. Text: the title.
   */
  public static DisplayData chart(JFreeChart chart, int width, int height) {
    String svg = org.frontline.report.Charts.svg("nb-chart-" + CHARTS.incrementAndGet(), chart, width, height);
    return svg(svg, chart.getTitle() == null ? "chart" : chart.getTitle().getText(), width);
  }

  /**
   * A drawing already made as SVG (a report's map: {@code OblastMap.render}), shown like a chart: as
   * {@code image/svg+xml} and as an {@code <img>} in HTML. Text: the title.
   */
  public static DisplayData svg(String svg, String title, int width) {
    DisplayData d = new DisplayData("chart: " + title);
    d.putSVG(svg);
    d.putHTML("<img alt=\"" + esc(title) + "\" width=\"" + width + "\" style=\"max-width:100%\""
        + " src=\"data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)) + "\">");
    return d;
  }

  private static String cut(String s) {
    return s.length() <= MAX_CELL_CHARS ? s : s.substring(0, MAX_CELL_CHARS - 1) + "…";
  }

  private static String esc(String s) {
    return StringEscapeUtils.escapeHtml4(s);
  }
}
