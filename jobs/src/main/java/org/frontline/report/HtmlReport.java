package org.frontline.report;

import org.apache.commons.text.StringEscapeUtils;
import org.frontline.lake.Tables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page for a night: inline CSS and SVG, no script, no external resource (a
 * Content-Security-Policy forbids them), so it opens from a mail attachment or a file share with no
 * network. Every piece of text that comes from articles (titles, sentences, places, sources, topic terms)
 * is HTML-escaped; links are kept only for http(s) addresses.
 */
public final class HtmlReport {
  private HtmlReport() {}

  static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0;color:#222;"
          + "background:#fafafa}",
      "main{max-width:1180px;margin:0 auto;padding:16px 24px 48px}",
      "h1{font-size:1.6em;margin:.4em 0 .1em}h2{font-size:1.2em;margin:1.8em 0 .5em;border-bottom:1px solid #ddd;"
          + "padding-bottom:4px}",
      ".sub{color:#666;margin:0 0 1em}",
      ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}",
      ".card{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:10px 14px}",
      ".card .v{font-size:1.9em;font-weight:600}.card .l{color:#555;font-size:.9em}",
      ".card .d{color:#777;font-size:.8em;margin-top:4px}",
      ".up{color:#b3261e}.down{color:#1e7b34}",
      "figure{margin:0;background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:8px}",
      "figure svg{width:100%;height:auto;display:block}",
      "figcaption{color:#555;font-size:.85em;padding:4px 4px 0}",
      ".grid2{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;align-items:start}",
      ".multiples{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:10px}",
      "@media (max-width:800px){.grid2,.multiples{grid-template-columns:1fr}}",
      "table{border-collapse:collapse;width:100%;background:#fff;font-size:.86em}",
      "th,td{border-bottom:1px solid #e6e6e6;padding:5px 7px;text-align:left;vertical-align:top}",
      "th{background:#f0f0f0;position:sticky;top:0}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}",
      "td.s{color:#444;max-width:420px}td a{color:#1a4f9c}td.d{white-space:nowrap}",
      ".note{color:#666;font-size:.85em}",
      ".notice{background:#fff6e0;border-left:4px solid #e0a000;padding:.4em .8em;margin:.4em 0}",
      "footer{margin-top:2.5em;color:#666;font-size:.8em;border-top:1px solid #ddd;padding-top:8px}");

  static String h(String s) {
    return s == null ? "" : StringEscapeUtils.escapeHtml4(s);
  }

  /** The address if it is an http(s) URL, else null (no javascript:, data: or relative links). */
  static String safeUrl(String url) {
    if (url == null) {
      return null;
    }
    String u = url.trim();
    String lower = u.toLowerCase(Locale.ROOT);
    return (lower.startsWith("https://") || lower.startsWith("http://")) && !u.contains(" ") ? u : null;
  }

  static String num(Double v) {
    return v == null ? "" : OblastMap.fmt(v);
  }

  static String pct(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%+.0f %%", 100 * v);
  }

  /** "; 2 by Russia, 1 by Ukraine": who struck the night's events in Ukraine, when not all by Russia. */
  static String byAttacker(Map<String, Long> counts) {
    long ru = counts.getOrDefault("RU", 0L);
    long ua = counts.getOrDefault("UA", 0L);
    long unknown = counts.getOrDefault("unknown", 0L);
    if (ua == 0 && unknown == 0) {
      return "";
    }
    return "; " + ru + " by Russia, " + ua + " by Ukraine (occupied areas)" + (unknown == 0 ? ""
        : ", " + unknown + " attacker not told");
  }

  static String attackerName(String attacker) {
    return attacker == null ? "" : switch (attacker) {
      case "RU" -> "Russia";
      case "UA" -> "Ukraine";
      default -> "not told";
    };
  }

  static String card(String value, String label, String detail) {
    return "<div class=\"card\"><div class=\"v\">" + value + "</div><div class=\"l\">" + h(label)
        + "</div><div class=\"d\">" + detail + "</div></div>";
  }

  /**
   * The report's HTML: a function of the lake's tables and the night alone, so that two runs over the same
   * input give the same bytes (no clock in it; when the report was written is in its run summary).
   */
  public static String render(ReportData.Report r, String lakeRoot) {
    ReportData.Headline hl = r.headline();
    StringBuilder b = new StringBuilder(64 * 1024);
    appendHead(b, r);
    appendTitle(b, r);
    appendCoverageNotices(b, r);
    appendHeadline(b, hl);
    appendNationalSeries(b, r);
    appendMapAndOblastTable(b, r);
    appendMostHit(b, r);
    appendTopics(b, r);
    appendSpikes(b, r);
    appendEvents(b, r);
    appendFooter(b, lakeRoot);
    return b.toString();
  }

  /** The doctype and the head: the Content-Security-Policy, the title and the inline CSS; opens body and main. */
  private static void appendHead(StringBuilder b, ReportData.Report r) {
    appendHead(b, "Frontline nightly report " + r.date());
  }

  /** The doctype and the head of a report page titled {@code title} (plain text); opens body and main. */
  static void appendHead(StringBuilder b, String title) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';")
        .append(" img-src data:\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(h(title)).append("</title><style>").append(CSS)
        .append("</style></head><body><main>\n");
  }

  /** The page's heading and the line under it: the days of the lake's events. */
  private static void appendTitle(StringBuilder b, ReportData.Report r) {
    b.append("<h1>Strikes in the night to ").append(h(r.date())).append("</h1>")
        .append("<p class=\"sub\">Frontline nightly report · ")
        .append(r.firstDay() == null ? "no dated strike event in the lake's articles"
            : "events reported in the lake's articles from " + h(r.firstDay()) + " to " + h(r.lastDay()))
        .append("</p>\n");
  }

  /** The coverage notices (undated articles and mentions, an empty lake or night), when there are any. */
  private static void appendCoverageNotices(StringBuilder b, ReportData.Report r) {
    appendNotices(b, r.coverage().notices());
  }

  /** What the reader should know before the figures, in a section of its own; nothing when there is none. */
  static void appendNotices(StringBuilder b, List<String> notices) {
    if (!notices.isEmpty()) {
      b.append("<section id=\"coverage\">");
      for (String n : notices) {
        b.append("<p class=\"notice\">").append(h(n)).append("</p>");
      }
      b.append("</section>\n");
    }
  }

  /** The headline figures: the night's events, the week over week, the casualties, launches and Russia. */
  private static void appendHeadline(StringBuilder b, ReportData.Headline hl) {
    StringBuilder weapons = new StringBuilder();
    for (Map.Entry<String, Long> e : hl.byWeapon().entrySet()) {
      if (e.getValue() > 0) {
        weapons.append(weapons.length() == 0 ? "" : ", ").append(e.getValue()).append(' ')
            .append(h(e.getKey().replace('_', ' ')));
      }
    }
    String wow = hl.weekOverWeekPct() == null ? "" : "<span class=\"" + (hl.weekOverWeek() > 0 ? "up" : "down")
        + "\">" + pct(hl.weekOverWeekPct()) + "</span> ";
    b.append("<section id=\"headline\"><div class=\"cards\">")
        .append(card(Long.toString(hl.events()), "strike events in Ukraine",
            (weapons.length() == 0 ? "none reported" : weapons.toString()) + byAttacker(hl.byAttacker())))
        .append(card(Long.toString(hl.last7Days()), "events in the last 7 days",
            wow + "vs " + hl.previous7Days() + " the 7 days before"))
        .append(card(num(hl.killed()), "killed", "sum of the events' median reports"))
        .append(card(num(hl.injured()), "injured", "sum of the events' median reports"))
        .append(card(num(hl.launched()), "drones and missiles launched", num(hl.intercepted())
            + " reported intercepted"))
        .append(card(Long.toString(hl.eventsRussia()), "strike events in Russia", "reported on Russian territory"))
        .append("</div></section>\n");
  }

  /** The national series: Ukraine's strike events per day with their 7-day average. */
  private static void appendNationalSeries(StringBuilder b, ReportData.Report r) {
    b.append("<h2 id=\"national\">Ukraine: strike events per day</h2><figure>")
        .append(Charts.daily("chart-national", null, r.national(), 1100, 300, 0))
        .append("<figcaption>Bars: strike events per day (every event in Ukraine, national summaries included);"
            + " line: 7-day average. Last ").append(r.national().size()).append(" days.</figcaption></figure>\n");
  }

  /** The map of the oblasts' events in the 7 days beside the table of the oblasts with events in 28 days. */
  private static void appendMapAndOblastTable(StringBuilder b, ReportData.Report r) {
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, String> details = new LinkedHashMap<>();
    for (ReportData.AreaTotal a : r.oblasts()) {
      values.put(a.area(), (double) a.events7());
      details.put(a.area(), a.events7() + " events, " + num(a.killed7()) + " killed, " + num(a.injured7())
          + " injured in the 7 days to " + r.date());
    }
    b.append("<h2 id=\"map\">Where: the 7 days to ").append(h(r.date())).append("</h2><div class=\"grid2\"><figure>")
        .append(OblastMap.render(values, details, "strike events, 7 days to " + r.date(), 760))
        .append("</figure><div><table id=\"oblasts\"><thead><tr><th>oblast</th><th class=\"n\">events 7 d</th>")
        .append("<th class=\"n\">killed</th><th class=\"n\">injured</th><th class=\"n\">events 28 d</th>"
            + "</tr></thead><tbody>");
    appendOblastRows(b, r);
    b.append("</tbody></table></div></div>\n");
  }

  /** The oblast table's rows: the first 15 oblasts with events in the 28 days. */
  private static void appendOblastRows(StringBuilder b, ReportData.Report r) {
    int shown = 0;
    for (ReportData.AreaTotal a : r.oblasts()) {
      if (a.events28() == 0 || shown++ >= 15) {
        continue;
      }
      b.append("<tr><td>").append(h(a.name())).append("</td><td class=\"n\">").append(a.events7())
          .append("</td><td class=\"n\">").append(num(a.killed7())).append("</td><td class=\"n\">")
          .append(num(a.injured7())).append("</td><td class=\"n\">").append(a.events28()).append("</td></tr>");
    }
  }

  /** The small multiples of the most-hit oblasts, one scale for all. */
  private static void appendMostHit(StringBuilder b, ReportData.Report r) {
    b.append("<h2 id=\"most-hit\">Most-hit oblasts, last ").append(ReportData.MULTIPLE_DAYS)
        .append(" days</h2>");
    if (r.mostHit().isEmpty()) {
      b.append("<p class=\"note\">No oblast had strike events in the 28 days to ").append(h(r.date())).append(".</p>");
    } else {
      double max = 1;
      for (ReportData.Series s : r.mostHit()) {
        for (ReportData.DayPoint p : s.days()) {
          max = Math.max(max, p.events());
        }
      }
      b.append("<div class=\"multiples\">");
      int i = 0;
      for (ReportData.Series s : r.mostHit()) {
        b.append("<figure>").append(Charts.daily("chart-oblast-" + (i++), s.name(), s.days(), 360, 170,
            Math.ceil(max * 1.1))).append("</figure>");
      }
      b.append("</div><p class=\"note\">The same scale in every panel: events per day, line = 7-day average."
          + " Ranked by events in the 28 days to ").append(h(r.date())).append(".</p>\n");
    }
  }

  /** The topics: the weekly shares of the week's top topics and their table, or why there are none. */
  private static void appendTopics(StringBuilder b, ReportData.Report r) {
    b.append("<h2 id=\"topics\">What the coverage is about</h2>");
    if (r.topics().isEmpty() && !r.coverage().topicTables()) {
      b.append("<p class=\"note\">No topic trends in the lake (run the topics stage).</p>");
    } else if (r.topics().isEmpty()) {
      b.append("<p class=\"note\">No dated article of the 7 days to ").append(h(r.date()))
          .append(" has a topic (the topics stage leaves out undated articles, and is skipped on a corpus too"
              + " small to fit a model: the run summary says why).</p>");
    } else {
      b.append("<div class=\"grid2\"><figure>").append(Charts.topicShares("chart-topics", r.topics(), 700, 300))
          .append("<figcaption>Weekly share of articles of the top topics of the last 7 days.</figcaption></figure>")
          .append("<table id=\"topic-table\"><thead><tr><th>topic</th><th>this week's terms</th>")
          .append("<th class=\"n\">articles 7 d</th><th class=\"n\">share</th></tr></thead><tbody>");
      for (ReportData.Topic t : r.topics()) {
        b.append("<tr><td>#").append(t.topicId()).append(' ').append(h(t.label())).append("</td><td>")
            .append(h(String.join(", ", t.terms()))).append("</td><td class=\"n\">").append(t.articles7())
            .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.0f %%", 100 * t.share7()))
            .append("</td></tr>");
      }
      b.append("</tbody></table></div>\n");
    }
  }

  /** The spikes: the oblast weeks that stand out from their own baseline, or a note that none does. */
  private static void appendSpikes(StringBuilder b, ReportData.Report r) {
    b.append("<h2 id=\"spikes\">What stands out: spikes</h2>");
    if (r.spikes().isEmpty()) {
      b.append("<p class=\"note\">No oblast week of this week or the last stands out from its own 8-week"
          + " baseline.</p>");
    } else {
      b.append("<table id=\"spike-table\"><thead><tr><th>week of</th><th>area</th><th>metric</th>")
          .append("<th class=\"n\">value</th><th class=\"n\">baseline median</th><th class=\"n\">robust z</th>")
          .append("<th>why</th></tr></thead><tbody>");
      for (ReportData.Spike s : r.spikes()) {
        b.append("<tr><td class=\"d\">").append(h(s.week())).append("</td><td>").append(h(s.name())).append("</td><td>")
            .append(h(s.metric())).append("</td><td class=\"n\">").append(num(s.value()))
            .append("</td><td class=\"n\">").append(num(s.median())).append("</td><td class=\"n\">")
            .append(s.z() == null ? "" : String.format(Locale.ROOT, "%.1f", s.z())).append("</td><td>")
            .append(h(s.reason())).append("</td></tr>");
      }
      b.append("</tbody></table>\n");
    }
  }

  /** The night's events: their table (the first of them when there are more), or a note that there are none. */
  private static void appendEvents(StringBuilder b, ReportData.Report r) {
    b.append("<h2 id=\"events\">The night's events (").append(r.eventsTotal()).append(")</h2>");
    if (r.events().isEmpty()) {
      b.append("<p class=\"note\">No strike event is dated ").append(h(r.date())).append(".</p>");
    } else {
      if (r.eventsTotal() > r.events().size()) {
        b.append("<p class=\"note\">The first ").append(r.events().size()).append(" of ").append(r.eventsTotal())
            .append(" events; the events table of the lake has them all.</p>");
      }
      b.append("<table id=\"event-table\"><thead><tr><th>area</th><th>place</th><th>by</th><th>weapon</th>")
          .append("<th class=\"n\">launched</th><th class=\"n\">intercepted</th><th class=\"n\">killed</th>")
          .append("<th class=\"n\">injured</th><th>sources</th><th>example sentence</th></tr></thead><tbody>");
      for (ReportData.Event e : r.events()) {
        b.append("<tr><td>").append(h(e.areaName())).append("</td><td>").append(h(e.place())).append("</td><td>")
            .append(h(attackerName(e.attacker()))).append("</td><td>")
            .append(h(e.weapon().replace('_', ' ')))
            .append(e.weaponModel() == null ? "" : " (" + h(e.weaponModel()) + ")")
            .append("</td><td class=\"n\">").append(num(e.launched())).append("</td><td class=\"n\">")
            .append(num(e.intercepted())).append("</td><td class=\"n\">").append(num(e.killed()))
            .append("</td><td class=\"n\">").append(num(e.injured())).append("</td><td>");
        appendSources(b, e);
        b.append("</td><td class=\"s\">").append(h(e.sentence())).append("</td></tr>");
      }
      b.append("</tbody></table>\n");
    }
  }

  /** An event's sources, one a line: a link for an http(s) address, else the name alone. */
  static void appendSources(StringBuilder b, ReportData.Event e) {
    int k = 0;
    for (ReportData.Source s : e.sources()) {
      String name = s.source() != null ? s.source() : s.docId();
      String url = safeUrl(s.url());
      b.append(k++ == 0 ? "" : "<br>");
      if (url != null) {
        b.append("<a href=\"").append(h(url)).append("\" rel=\"noopener noreferrer\" title=\"")
            .append(h(s.title())).append("\">").append(h(name)).append("</a>");
      } else {
        b.append("<span title=\"").append(h(s.title())).append("\">").append(h(name)).append("</span>");
      }
    }
  }

  /** The footer: what the numbers are, the data files beside the page, the lake and the map's attribution. */
  private static void appendFooter(StringBuilder b, String lakeRoot) {
    b.append("<footer><p>Counts are strike <em>events</em> (the mentions of one strike across articles merged),")
        .append(" not articles. Figures are the median of the reports of each event, summed. Weapon classes: ")
        .append(h(String.join(", ", Tables.WEAPONS))).append(". Spikes: robust z-score of an oblast's week")
        .append(" against the median and MAD of its previous 8 weeks.</p><p>The same numbers: report.json,")
        .append(" national_daily.csv, oblasts.csv, most_hit.csv, topics.csv, spikes.csv, events.csv beside this")
        .append(" file. Lake: ").append(h(lakeRoot)).append(".</p><p>").append(h(OblastMap.ATTRIBUTION))
        .append(".</p></footer>\n</main></body></html>\n");
  }
}
