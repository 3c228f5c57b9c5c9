package org.frontline.report;

import org.frontline.lake.Tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.frontline.report.HtmlReport.attackerName;
import static org.frontline.report.HtmlReport.byAttacker;
import static org.frontline.report.HtmlReport.card;
import static org.frontline.report.HtmlReport.h;
import static org.frontline.report.HtmlReport.num;

/**
 * The report of a period as one self-contained HTML page, like the nightly one (inline CSS and SVG, no script,
 * the same Content-Security-Policy): the period's figures, the country's series with its weapon mix and its
 * attacker split, the map of the oblasts' events with the events as points, the most-hit oblasts, the
 * deadliest events with their sources, and the period's topics.
 */
public final class PeriodHtml {
  private PeriodHtml() {}

  public static String render(PeriodData.Period p, String lakeRoot) {
    StringBuilder b = new StringBuilder(64 * 1024);
    HtmlReport.appendHead(b, "Frontline report " + p.from() + " to " + p.to());
    b.append("<h1>Strikes from ").append(h(p.from())).append(" to ").append(h(p.to())).append("</h1>")
        .append("<p class=\"sub\">Frontline period report · ").append(p.totals().days()).append(" days, per ")
        .append(h(p.unit())).append("</p>\n");
    HtmlReport.appendNotices(b, p.notices());
    appendHeadline(b, p);
    appendSeries(b, p);
    appendMap(b, p);
    appendMostHit(b, p);
    appendDeadliest(b, p);
    appendTopics(b, p);
    appendOfficial(b, p);
    b.append("<footer><p>Counts are strike <em>events</em> (the mentions of one strike across articles merged),")
        .append(" not articles; figures are the median of each event's reports, summed. A period's figures are")
        .append(" the sums of its days. Points: a place's events at the place (filled), an oblast's events that")
        .append(" name no place at its centroid (dashed ring); national summaries are not drawn.</p>")
        .append("<p>The same numbers: report.json, series.csv, oblasts.csv, points.csv, deadliest.csv")
        .append(p.official() == null ? "" : ", official.csv").append(" beside this file. Lake: ")
        .append(h(lakeRoot)).append(".</p><p>").append(h(OblastMap.ATTRIBUTION))
        .append(".</p></footer>\n</main></body></html>\n");
    return b.toString();
  }

  private static void appendHeadline(StringBuilder b, PeriodData.Period p) {
    PeriodData.Totals t = p.totals();
    StringBuilder weapons = new StringBuilder();
    for (Map.Entry<String, Long> e : t.byWeapon().entrySet()) {
      if (e.getValue() > 0) {
        weapons.append(weapons.length() == 0 ? "" : ", ").append(e.getValue()).append(' ')
            .append(h(e.getKey().replace('_', ' ')));
      }
    }
    b.append("<section id=\"headline\"><div class=\"cards\">")
        .append(card(Long.toString(t.events()), "strike events in Ukraine",
            (weapons.length() == 0 ? "none reported" : weapons.toString()) + byAttacker(t.byAttacker())))
        .append(card(Long.toString(t.daysWithEvents()), "days with events", "of " + t.days() + " days"))
        .append(card(num(t.killed()), "killed", "sum of the events' median reports"))
        .append(card(num(t.injured()), "injured", "sum of the events' median reports"))
        .append(card(num(t.launched()), "drones and missiles launched", num(t.intercepted())
            + " reported intercepted"))
        .append(card(Long.toString(t.eventsRussia()), "strike events in Russia", "reported on Russian territory"))
        .append("</div></section>\n");
  }

  private static List<Double> values(List<PeriodData.PeriodPoint> points,
                                     java.util.function.ToDoubleFunction<PeriodData.PeriodPoint> f) {
    List<Double> out = new ArrayList<>();
    for (PeriodData.PeriodPoint x : points) {
      out.add(f.applyAsDouble(x));
    }
    return out;
  }

  /** The country's events per period by weapon, and the same by attacker. */
  private static void appendSeries(StringBuilder b, PeriodData.Period p) {
    List<String> starts = p.national().stream().map(PeriodData.PeriodPoint::start).toList();
    Map<String, List<Double>> byWeapon = new LinkedHashMap<>();
    for (String w : Tables.WEAPONS) {
      byWeapon.put(w.replace('_', ' '), values(p.national(), x -> x.byWeapon().getOrDefault(w, 0L)));
    }
    Map<String, List<Double>> byAttacker = new LinkedHashMap<>();
    for (String a : Tables.ATTACKERS) {
      byAttacker.put(attackerName(a), values(p.national(), x -> x.byAttacker().getOrDefault(a, 0L)));
    }
    b.append("<h2 id=\"national\">Ukraine: strike events per ").append(h(p.unit())).append("</h2>");
    if (starts.isEmpty()) {
      b.append("<p class=\"note\">No day of the period has trend rows.</p>\n");
      return;
    }
    b.append("<figure>").append(Charts.periods("chart-weapons", "By weapon", starts, p.unit(), byWeapon, 1100, 320, 0))
        .append("<figcaption>Every event in Ukraine per ").append(h(p.unit()))
        .append(" (national summaries included), stacked by weapon class; the first and last ").append(h(p.unit()))
        .append(" hold only the period's days.</figcaption></figure>")
        .append("<figure>").append(Charts.periods("chart-attackers", "By attacker", starts, p.unit(), byAttacker,
            1100, 260, 0))
        .append("<figcaption>The same events by who struck, as the coding rules read it.</figcaption></figure>\n");
  }

  private static void appendMap(StringBuilder b, PeriodData.Period p) {
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, String> details = new LinkedHashMap<>();
    for (PeriodData.AreaTotal a : p.oblasts()) {
      values.put(a.area(), (double) a.events());
      details.put(a.area(), a.events() + " events, " + num(a.killed()) + " killed, " + num(a.injured()) + " injured");
    }
    List<OblastMap.Dot> dots = new ArrayList<>();
    for (PeriodData.MapPoint m : p.points()) {
      dots.add(new OblastMap.Dot(m.lat(), m.lon(), m.events(), m.precision() == 1, m.label() + ": " + m.events()
          + " events, " + num(m.killed()) + " killed, " + num(m.injured()) + " injured"));
    }
    String what = "strike events, " + p.from() + " to " + p.to();
    b.append("<h2 id=\"map\">Where</h2><div class=\"grid2\"><figure>")
        .append(OblastMap.render(values, details, what, 760, dots))
        .append("<figcaption>Oblasts coloured by their events; circles sized by the events at a place (filled) or")
        .append(" naming only the oblast (dashed, at its centroid).</figcaption></figure><div>")
        .append("<table id=\"oblasts\"><thead><tr><th>oblast</th><th class=\"n\">events</th>")
        .append("<th class=\"n\">killed</th><th class=\"n\">injured</th></tr></thead><tbody>");
    for (PeriodData.AreaTotal a : p.oblasts()) {
      b.append("<tr><td>").append(h(a.name())).append("</td><td class=\"n\">").append(a.events())
          .append("</td><td class=\"n\">").append(num(a.killed())).append("</td><td class=\"n\">")
          .append(num(a.injured())).append("</td></tr>");
    }
    b.append("</tbody></table></div></div>\n");
  }

  private static void appendMostHit(StringBuilder b, PeriodData.Period p) {
    b.append("<h2 id=\"most-hit\">Most-hit oblasts</h2>");
    if (p.mostHit().isEmpty()) {
      b.append("<p class=\"note\">No oblast had strike events in the period.</p>\n");
      return;
    }
    double max = 1;
    for (PeriodData.Series s : p.mostHit()) {
      for (PeriodData.PeriodPoint x : s.points()) {
        max = Math.max(max, x.events());
      }
    }
    b.append("<div class=\"multiples\">");
    int i = 0;
    for (PeriodData.Series s : p.mostHit()) {
      Map<String, List<Double>> one = Map.of("events", values(s.points(), x -> x.events()));
      b.append("<figure>").append(Charts.periods("chart-oblast-" + (i++), s.name(),
          s.points().stream().map(PeriodData.PeriodPoint::start).toList(), p.unit(), one, 360, 170,
          Math.ceil(max * 1.1))).append("</figure>");
    }
    b.append("</div><p class=\"note\">The same scale in every panel: events per ").append(h(p.unit()))
        .append(".</p>\n");
  }

  private static void appendDeadliest(StringBuilder b, PeriodData.Period p) {
    b.append("<h2 id=\"deadliest\">The deadliest events</h2>");
    if (p.deadliest().isEmpty()) {
      b.append("<p class=\"note\">No event of the period reports a casualty.</p>\n");
      return;
    }
    b.append("<table id=\"deadliest-table\"><thead><tr><th>date</th><th>area</th><th>place</th><th>by</th>")
        .append("<th>weapon</th><th class=\"n\">killed</th><th class=\"n\">injured</th><th>sources</th>")
        .append("<th>example sentence</th></tr></thead><tbody>");
    for (ReportData.Event e : p.deadliest()) {
      b.append("<tr><td class=\"d\">").append(h(e.date())).append("</td><td>").append(h(e.areaName()))
          .append("</td><td>").append(h(e.place())).append("</td><td>").append(h(attackerName(e.attacker())))
          .append("</td><td>").append(h(e.weapon().replace('_', ' ')))
          .append(e.weaponModel() == null ? "" : " (" + h(e.weaponModel()) + ")")
          .append("</td><td class=\"n\">").append(num(e.killed())).append("</td><td class=\"n\">")
          .append(num(e.injured())).append("</td><td>");
      HtmlReport.appendSources(b, e);
      b.append("</td><td class=\"s\">").append(h(e.sentence())).append("</td></tr>");
    }
    b.append("</tbody></table>\n");
  }

  /** The news' national figures beside the official series', per class, and how well they agree. */
  private static void appendOfficial(StringBuilder b, PeriodData.Period p) {
    if (p.official() == null) {
      return;
    }
    b.append("<h2 id=\"official\">News vs the official series</h2><p class=\"note\">Launched per night: the")
        .append(" official daily series (").append(h(p.official().file())).append("; its national rows) and the")
        .append(" national figures found in the news (the event of that morning and class with the largest figure).")
        .append("</p><div class=\"grid2\">");
    for (String w : List.of("drone", "missile")) {
      Map<String, Double> official = new java.util.TreeMap<>();
      Map<String, Double> news = new java.util.TreeMap<>();
      for (PeriodData.NightPair n : p.official().nights()) {
        if (n.weapon().equals(w) && n.officialLaunched() != null) {
          official.put(n.morning(), n.officialLaunched().doubleValue());
        }
        if (n.weapon().equals(w) && n.newsLaunched() != null) {
          news.put(n.morning(), n.newsLaunched());
        }
      }
      Map<String, Map<String, Double>> series = new LinkedHashMap<>();
      series.put("official", official);
      series.put("news", news);
      b.append("<figure>").append(Charts.nights("chart-official-" + w, w + "s launched", series, 540, 260))
          .append("</figure>");
    }
    b.append("</div><table id=\"official-table\"><thead><tr><th>class</th><th class=\"n\">official nights</th>")
        .append("<th class=\"n\">covered by the news</th><th class=\"n\">exact</th>")
        .append("<th class=\"n\">median abs error</th><th class=\"n\">median rel error</th>")
        .append("<th class=\"n\">news only</th></tr></thead><tbody>");
    for (String w : List.of("all", "drone", "missile")) {
      Map<?, ?> f = (Map<?, ?>) p.official().comparison().get(w);
      b.append("<tr><td>").append(h(w)).append("</td><td class=\"n\">").append(f.get("official_nights"))
          .append("</td><td class=\"n\">").append(f.get("covered")).append("</td><td class=\"n\">")
          .append(share(f.get("launched_exact_share"))).append("</td><td class=\"n\">")
          .append(f.get("launched_median_abs_error") == null ? "" : f.get("launched_median_abs_error"))
          .append("</td><td class=\"n\">").append(share(f.get("launched_median_rel_error")))
          .append("</td><td class=\"n\">").append(f.get("news_only_nights")).append("</td></tr>");
    }
    b.append("</tbody></table>\n");
  }

  private static String share(Object v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * ((Number) v).doubleValue());
  }

  private static void appendTopics(StringBuilder b, PeriodData.Period p) {
    b.append("<h2 id=\"topics\">What the coverage was about</h2>");
    if (p.topics().isEmpty()) {
      b.append("<p class=\"note\">No dated article of the period has a topic (run the topics stage; it leaves out"
          + " undated articles).</p>\n");
      return;
    }
    b.append("<table id=\"topic-table\"><thead><tr><th>topic</th><th>terms</th><th class=\"n\">articles</th>")
        .append("<th class=\"n\">share</th></tr></thead><tbody>");
    for (PeriodData.Topic t : p.topics()) {
      b.append("<tr><td>#").append(t.topicId()).append(' ').append(h(t.label())).append("</td><td>")
          .append(h(String.join(", ", t.terms()))).append("</td><td class=\"n\">").append(t.articles())
          .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.0f %%", 100 * t.share()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>\n");
  }
}
