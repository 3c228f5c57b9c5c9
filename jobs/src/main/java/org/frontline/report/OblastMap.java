package org.frontline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.text.StringEscapeUtils;
import org.frontline.trends.Areas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A choropleth of Ukraine by oblast as hand-built SVG (no charting library draws GeoJSON): the geoBoundaries
 * ADM1 polygons packed in the jar, projected equirectangularly around 48.5°N (x scaled by cos 48.5°), points
 * closer than half a pixel dropped, each unit filled by its class of a value and titled with its figures.
 */
public final class OblastMap {
  static final String RESOURCE = "frontline/geo/ukraine-adm1.geojson";
  static final String ATTRIBUTION = "Boundaries: © OpenStreetMap contributors; geoBoundaries (Runfola et al."
      + " 2020), ODbL 1.0";
  /** Five sequential classes (ColorBrewer Reds), and the colour of zero. */
  static final String[] CLASSES = {"#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"};
  static final String ZERO = "#f4f4f4";
  private static final double COS = Math.cos(Math.toRadians(48.5));

  private static volatile JsonNode geo;

  private OblastMap() {}

  static JsonNode geo() {
    if (geo == null) {
      try (InputStream in = OblastMap.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        geo = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
    return geo;
  }

  /** The upper bounds of the five classes for values up to {@code max}: equal steps rounded up, the last = max. */
  static long[] breaks(double max) {
    long top = Math.max(CLASSES.length, (long) Math.ceil(max));
    long[] b = new long[CLASSES.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (long) Math.ceil(top * (i + 1) / (double) CLASSES.length);
    }
    return b;
  }

  static String colour(double v, long[] breaks) {
    if (v <= 0) {
      return ZERO;
    }
    for (int i = 0; i < breaks.length; i++) {
      if (v <= breaks[i]) {
        return CLASSES[i];
      }
    }
    return CLASSES[CLASSES.length - 1];
  }

  /**
   * @param values  the mapped value per ISO code (missing = 0)
   * @param details per ISO code, the text of its tooltip after the name (plain text; escaped here)
   * @param what    what the value counts, for the legend ("strike events, 7 days to 2026-02-04")
   */
  public static String render(Map<String, Double> values, Map<String, String> details, String what, int width) {
    return render(values, details, what, width, List.of());
  }

  /** A point drawn over the map: a circle whose area grows with {@code size}, titled {@code title}. */
  public record Dot(double lat, double lon, double size, boolean exact, String title) {}

  /** The choropleth with the dots on top (largest first, so small ones stay visible); dots outside are left out. */
  public static String render(Map<String, Double> values, Map<String, String> details, String what, int width,
                              List<Dot> dots) {
    Bounds bounds = bounds();
    double pad = 10;
    double legendH = 46;
    double scale = (width - 2 * pad) / (bounds.maxX() - bounds.minX());
    double height = (bounds.maxY() - bounds.minY()) * scale + 2 * pad + legendH;
    double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    long[] breaks = breaks(max);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"oblast-map\" "
        + "viewBox=\"0 0 %d %.0f\" role=\"img\" aria-label=\"Map of Ukraine by oblast: %s\">", width, height,
        esc(what)));
    appendOblasts(svg, citiesLast(), values, details, breaks, pad, bounds.minX(), bounds.minY(), scale);
    if (dots.isEmpty()) {
      appendValueLabels(svg, values, breaks, pad, bounds.minX(), bounds.minY(), scale);
    } else {
      appendDots(svg, dots, bounds, pad, scale);
    }
    appendLegend(svg, what, breaks, width, pad, height, legendH);
    return svg.append("</svg>").toString();
  }

  /** The projected extent of the units: x = longitude × cos 48.5°, y = −latitude. */
  private record Bounds(double minX, double maxX, double minY, double maxY) {}

  /** The extent of all the units' points, projected. */
  private static Bounds bounds() {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (JsonNode f : geo().get("features")) {
      for (JsonNode ring : rings(f.get("geometry"))) {
        for (JsonNode pt : ring) {
          double x = pt.get(0).asDouble() * COS;
          double y = -pt.get(1).asDouble();
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    return new Bounds(minX, maxX, minY, maxY);
  }

  /** The units in drawing order: the cities last, so that Kyiv and Sevastopol lie on top of the oblasts around them. */
  private static List<JsonNode> citiesLast() {
    List<JsonNode> features = new ArrayList<>();
    List<JsonNode> cities = new ArrayList<>();
    for (JsonNode f : geo().get("features")) {
      String iso = f.get("properties").get("shapeISO").asText();
      ("UA-30".equals(iso) || "UA-40".equals(iso) ? cities : features).add(f);
    }
    features.addAll(cities);
    return features;
  }

  /** One path per unit, filled by the class of its value and titled with its name and figures. */
  private static void appendOblasts(StringBuilder svg, List<JsonNode> features, Map<String, Double> values,
                                    Map<String, String> details, long[] breaks, double pad, double minX,
                                    double minY, double scale) {
    for (JsonNode f : features) {
      String iso = f.get("properties").get("shapeISO").asText();
      double v = values.getOrDefault(iso, 0.0);
      String d = pathData(f.get("geometry"), pad, minX, minY, scale);
      svg.append("<path class=\"oblast\" data-iso=\"").append(esc(iso)).append("\" fill=\"")
          .append(colour(v, breaks)).append("\" fill-rule=\"evenodd\" stroke=\"#777\" stroke-width=\"0.6\" d=\"")
          .append(d).append("\"><title>").append(esc(Areas.name(iso) + ": " + details.getOrDefault(iso, "no events")))
          .append("</title></path>");
    }
  }

  /** A unit's SVG path: its rings projected, points closer than half a pixel to the last one dropped. */
  private static String pathData(JsonNode geometry, double pad, double minX, double minY, double scale) {
    StringBuilder d = new StringBuilder();
    for (JsonNode ring : rings(geometry)) {
      double lastX = Double.NaN;
      double lastY = Double.NaN;
      int n = 0;
      for (JsonNode pt : ring) {
        double x = pad + (pt.get(0).asDouble() * COS - minX) * scale;
        double y = pad + (-pt.get(1).asDouble() - minY) * scale;
        if (n > 0 && Math.hypot(x - lastX, y - lastY) < 0.5) {
          continue;
        }
        d.append(n == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        lastX = x;
        lastY = y;
        n++;
      }
      d.append('Z');
    }
    return d.toString();
  }

  /** The value labels at the units' centroids (not of the cities, and not of zeros). */
  private static void appendValueLabels(StringBuilder svg, Map<String, Double> values, long[] breaks, double pad,
                                        double minX, double minY, double scale) {
    for (Areas.Oblast o : Areas.oblasts().values()) {
      double v = values.getOrDefault(o.iso(), 0.0);
      if (v <= 0 || "UA-30".equals(o.iso()) || "UA-40".equals(o.iso())) {
        continue;
      }
      double x = pad + (o.lon() * COS - minX) * scale;
      double y = pad + (-o.lat() - minY) * scale;
      // a halo in the opposite colour keeps the figure readable over a border or a city drawn on top
      boolean dark = colour(v, breaks).equals(CLASSES[3]) || colour(v, breaks).equals(CLASSES[4]);
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\""
          + " font-family=\"sans-serif\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2.5\" paint-order=\"stroke\""
          + " stroke-linejoin=\"round\">%s</text>", x, y + 4, dark ? "#fff" : "#222", dark ? "#67000d" : "#fff",
          fmt(v)));
    }
  }

  /** Largest radius of a dot, in pixels: the dot of the largest size. */
  static final double MAX_RADIUS = 14;

  /**
   * The dots, radius ∝ √size (area ∝ size): a place as a filled circle, a region's centroid as a dashed ring.
   * Those outside the map's extent (Russian territory) are left out.
   */
  private static void appendDots(StringBuilder svg, List<Dot> dots, Bounds bounds, double pad, double scale) {
    double max = dots.stream().mapToDouble(Dot::size).max().orElse(1);
    List<Dot> sorted = new ArrayList<>(dots);
    sorted.sort((a, b) -> Double.compare(b.size(), a.size()));
    svg.append("<g class=\"dots\">");
    for (Dot d : sorted) {
      double x = d.lon() * COS;
      double y = -d.lat();
      if (x < bounds.minX() || x > bounds.maxX() || y < bounds.minY() || y > bounds.maxY()) {
        continue;
      }
      double r = Math.max(2, MAX_RADIUS * Math.sqrt(d.size() / max));
      svg.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s>"
          + "<title>%s</title></circle>", pad + (x - bounds.minX()) * scale, pad + (y - bounds.minY()) * scale, r,
          d.exact() ? "fill=\"#08306b\" fill-opacity=\"0.55\" stroke=\"#fff\" stroke-width=\"0.8\""
              : "fill=\"none\" stroke=\"#08306b\" stroke-width=\"1.4\" stroke-dasharray=\"3,2\"", esc(d.title())));
    }
    svg.append("</g>");
  }

  /** The legend under the map: what is counted, a swatch per class with its range, and the attribution. */
  private static void appendLegend(StringBuilder svg, String what, long[] breaks, int width, double pad,
                                   double height, double legendH) {
    double ly = height - legendH + 8;
    svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" font-family=\"sans-serif\">"
        + "%s</text>", pad, ly, esc(what)));
    double lx = pad;
    String[] fills = new String[CLASSES.length + 1];
    String[] labels = new String[CLASSES.length + 1];
    fills[0] = ZERO;
    labels[0] = "0";
    long lo = 1;
    for (int i = 0; i < CLASSES.length; i++) {
      fills[i + 1] = CLASSES[i];
      labels[i + 1] = lo == breaks[i] ? Long.toString(lo) : lo + "–" + breaks[i];
      lo = breaks[i] + 1;
    }
    for (int i = 0; i < fills.length; i++) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"18\" height=\"12\" fill=\"%s\""
          + " stroke=\"#777\" stroke-width=\"0.5\"/><text x=\"%.0f\" y=\"%.0f\" font-size=\"11\""
          + " font-family=\"sans-serif\">%s</text>", lx, ly + 8, fills[i], lx + 22, ly + 18, esc(labels[i])));
      lx += 30 + 7 * labels[i].length();
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.0f\" font-size=\"10\" text-anchor=\"end\""
        + " font-family=\"sans-serif\" fill=\"#666\">%s</text>", width - (int) pad, ly + 34, esc(ATTRIBUTION)));
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String esc(String s) {
    return StringEscapeUtils.escapeXml10(s);
  }

  /** The outer and inner rings of a Polygon or MultiPolygon. */
  private static List<JsonNode> rings(JsonNode geometry) {
    List<JsonNode> out = new ArrayList<>();
    String type = geometry.get("type").asText();
    if ("Polygon".equals(type)) {
      geometry.get("coordinates").forEach(out::add);
    } else if ("MultiPolygon".equals(type)) {
      for (JsonNode polygon : geometry.get("coordinates")) {
        polygon.forEach(out::add);
      }
    }
    return out;
  }
}
