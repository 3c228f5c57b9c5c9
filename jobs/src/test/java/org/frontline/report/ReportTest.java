package org.frontline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.frontline.events.EventsJob;
import org.frontline.extract.ExtractJob;
import org.frontline.ingest.IngestJob;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.frontline.trends.TrendsJob;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The report of a small lake built from hand-written articles, one of them hostile (markup in its title,
 * text and outlet, a javascript: link): structure, numbers against the tables, escaping, and the page as a
 * real browser (headless Chromium) parses and draws it.
 */
class ReportTest extends SparkTest {
  @TempDir
  static Path dir;
  static Lake lake;
  static String html;
  static Path out;

  static String article(String id, String day, String source, String url, String title, String text) {
    ObjectMapper m = new ObjectMapper();
    var o = m.createObjectNode().put("id", id).put("published", day + "T08:00:00Z").put("source", source)
        .put("url", url).put("title", title).put("text", text);
    return o.toString();
  }

  @BeforeAll
  static void build() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(article("r1", "2026-03-10", "Outlet A", "https://a.example/r1", "Drones hit Kharkiv",
        "A Russian drone hit an apartment block in Kharkiv overnight, killing two people and injuring 10."));
    lines.add(article("r2", "2026-03-10", "Outlet B", "https://b.example/r2", "Kharkiv attacked",
        "Three people were killed and 12 injured when a drone struck Kharkiv overnight, officials said."));
    lines.add(article("r3", "2026-03-11", "Outlet C", "https://c.example/r3", "Odesa port hit",
        "A missile struck the port of Odesa overnight, injuring four workers, the regional governor said."));
    lines.add(article("r4", "2026-03-12", "<b>Outlet</b> & \"Co\"", "javascript:alert(1)",
        "<script>alert('x')</script> Sumy hit",
        "A drone hit a school in Sumy overnight <img src=x onerror=alert(1)>, injuring two teachers & a guard"
            + " (toll <3 \"so far\")."));
    lines.add(article("r5", "2026-03-12", "Outlet D", "https://d.example/r5?a=1&b=<2>", "Dnipro hit",
        "A missile hit an industrial site in Dnipro overnight, killing one man, the mayor said."));
    Path corpus = dir.resolve("corpus.jsonl");
    Files.write(corpus, lines, StandardCharsets.UTF_8);
    lake = new Lake(spark(), dir.resolve("lake").toString());
    new IngestJob(spark(), lake, IngestJob.Options.of(List.of(corpus.toString()))).run();
    new ExtractJob(lake, new ExtractJob.Options("2026-11-27")).run();
    new EventsJob(lake).run();
    new TrendsJob(lake, TrendsJob.Options.defaults()).run();
    out = dir.resolve("report");
    new ReportJob(lake, new ReportJob.Options(out.toString(), LocalDate.parse("2026-03-12"))).run();
    html = Files.readString(out.resolve("report.html"));
  }

  static int count(String haystack, String regex) {
    Matcher m = Pattern.compile(regex).matcher(haystack);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void everySectionAndFileIsThere() {
    for (String id : List.of("headline", "national", "map", "most-hit", "topics", "spikes", "events")) {
      assertTrue(html.contains("id=\"" + id + "\""), id);
    }
    assertEquals(27, count(html, "<path class=\"oblast\""), "one path per ADM1 unit");
    assertTrue(count(html, "<svg") >= 3, "national chart, map and small multiples");
    assertTrue(html.contains("Content-Security-Policy"));
    assertTrue(html.contains("© OpenStreetMap contributors; geoBoundaries"));
    assertFalse(html.contains("<link"), "no external stylesheet");
    assertFalse(html.contains("src=\"http"), "no external image or script");
    for (String f : List.of("report.json", "national_daily.csv", "oblasts.csv", "most_hit.csv", "topics.csv",
        "spikes.csv", "events.csv")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    assertTrue(html.contains("No topic trends in the lake"), "a lake without topics still gets a report");
  }

  @Test
  void whoStruckIsToldWhenNotAllWereRussias() {
    assertEquals("", HtmlReport.byAttacker(Map.of("RU", 3L, "UA", 0L, "unknown", 0L)));
    assertEquals("; 3 by Russia, 1 by Ukraine (occupied areas), 2 attacker not told",
        HtmlReport.byAttacker(Map.of("RU", 3L, "UA", 1L, "unknown", 2L)));
    assertEquals("Ukraine", HtmlReport.attackerName("UA"));
    assertTrue(html.contains("<th>by</th>"), "the events table says who struck");
  }

  @Test
  void articleTextIsEscapedAndOnlyHttpLinksSurvive() {
    assertFalse(html.contains("<script"), "no script element, whatever the articles say");
    assertFalse(html.contains("<img"), "no markup from article text");
    assertFalse(html.contains("<b>Outlet"), "outlet names are escaped");
    assertTrue(html.contains("&lt;b&gt;Outlet&lt;/b&gt; &amp; &quot;Co&quot;"), "the outlet's name, escaped");
    assertTrue(html.contains("two teachers &amp; a guard (toll &lt;3 &quot;so far&quot;)"), "the sentence, escaped");
    assertFalse(html.contains("javascript:"), "a javascript: address is not a link");
    assertTrue(html.contains("href=\"https://d.example/r5?a=1&amp;b=&lt;2&gt;\""), "attribute values are escaped");
    assertTrue(html.contains("<span title=\""), "the outlet without a safe address is named, not linked");
  }

  @Test
  void numbersMatchTheTables() throws Exception {
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    Row ua = lake.read(Tables.STRIKE_TRENDS).filter(col("period").equalTo("day").and(col("area").equalTo("UA"))
        .and(col("period_start").equalTo("2026-03-12"))).first();
    assertEquals(2L, ua.<Long>getAs("events"), "Sumy and Dnipro");
    assertEquals(2L, json.get("headline").get("events").asLong());
    assertEquals(ua.<Double>getAs("killed"), json.get("headline").get("killed").asDouble());
    assertEquals(4L, json.get("headline").get("last7Days").asLong(), "Kharkiv, Odesa, Sumy, Dnipro");
    assertEquals(2L, json.get("eventsTotal").asLong());
    List<String> csv = Files.readAllLines(out.resolve("events.csv"));
    assertEquals(3, csv.size(), "header and two events");
    assertTrue(csv.get(0).startsWith("event_id,event_date,country,attacker,area"));
    JsonNode oblasts = json.get("oblasts");
    assertEquals(27, oblasts.size());
    assertEquals(1L, findArea(oblasts, "UA-63").get("events7").asLong(), "one Kharkiv strike from two outlets");
    assertTrue(html.contains("<h2 id=\"events\">The night's events (2)</h2>"));
  }

  static JsonNode findArea(JsonNode list, String area) {
    for (JsonNode n : list) {
      if (n.get("area").asText().equals(area)) {
        return n;
      }
    }
    throw new AssertionError(area + " missing");
  }

  /** The page in a real browser: Chromium parses it (no script element in its DOM) and draws it. */
  @Test
  void chromiumRendersThePage() throws Exception {
    String chromium = null;
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(c))) {
        chromium = c;
      }
    }
    Assumptions.assumeTrue(chromium != null, "no Chromium installed (.ci/run installs Debian's chromium)");
    Path png = dir.resolve("shot.png");
    Path page = out.resolve("report.html");
    Process shot = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--window-size=1280,3000", "--screenshot=" + png, page.toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    assertTrue(shot.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    assertTrue(Files.size(png) > 50_000, "a drawn page, not a blank one: " + Files.size(png) + " bytes");
    Process dom = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
        page.toUri().toString()).redirectError(dir.resolve("dom.log").toFile()).start();
    String parsed = new String(dom.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(dom.waitFor(120, TimeUnit.SECONDS));
    assertTrue(parsed.contains("id=\"event-table\""), "the browser's DOM has the events table");
    assertEquals(27, count(parsed, "class=\"oblast\""), "and the map's 27 units");
    assertFalse(parsed.contains("<script"), "and no script element");

    // the report of a period, as the browser parses it
    Path period = dir.resolve("period-browser");
    new PeriodReportJob(lake, new PeriodReportJob.Options(period.toString(), LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-31"))).run();
    Process periodDom = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
        period.resolve("report.html").toUri().toString()).redirectError(dir.resolve("dom2.log").toFile()).start();
    String periodParsed = new String(periodDom.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(periodDom.waitFor(120, TimeUnit.SECONDS));
    assertTrue(periodParsed.contains("id=\"deadliest-table\""), "the period's deadliest events");
    assertEquals(27, count(periodParsed, "class=\"oblast\""), "its map's 27 units");
    assertEquals(4, count(periodParsed, "class=\"dot\""), "and its events as points");
    assertFalse(periodParsed.contains("<script"), "and no script element");
  }

  @Test
  void aPeriodReportDrawsTheMonthFromTheTablesAndEscapesArticleText() throws Exception {
    Path month = dir.resolve("month");
    PeriodReportResult r = new PeriodReportJob(lake, new PeriodReportJob.Options(month.toString(),
        LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"))).run();
    String page = Files.readString(month.resolve("report.html"));
    for (String id : List.of("headline", "national", "map", "most-hit", "deadliest", "topics")) {
      assertTrue(page.contains("id=\"" + id + "\""), id);
    }
    for (String f : List.of("report.json", "series.csv", "oblasts.csv", "points.csv", "deadliest.csv")) {
      assertTrue(Files.exists(month.resolve(f)), f);
    }
    long events = lake.read(Tables.EVENTS).filter(col("country").equalTo("UA")).count();
    JsonNode json = new ObjectMapper().readTree(month.resolve("report.json").toFile());
    assertEquals(events, json.get("totals").get("events").asLong(), "the month's events are the table's");
    assertEquals(events, r.events());
    assertEquals("week", json.get("unit").asText(), "a month is drawn per week");
    // one dot per place struck (Kharkiv, Odesa, Sumy, Dnipro), each at its own coordinates
    assertEquals(4, count(page, "<circle class=\"dot\""), page.substring(page.indexOf("class=\"dots\"")));
    Row kharkiv = lake.read(Tables.EVENTS).filter(col("place").equalTo("Kharkiv")).first();
    JsonNode deadliest = json.get("deadliest").get(0);
    assertEquals("Kharkiv", deadliest.get("place").asText(), "the deadliest first");
    assertEquals(kharkiv.<Double>getAs("killed_median"), deadliest.get("killed").asDouble());
    assertEquals(2, deadliest.get("sources").size(), "with its two sources");
    assertFalse(page.contains("<script>alert"), "article text stays text");
    assertFalse(page.contains("javascript:"), "only http(s) links");
    assertTrue(page.contains("Content-Security-Policy"));

    Path empty = dir.resolve("empty-month");
    new PeriodReportJob(lake, new PeriodReportJob.Options(empty.toString(), LocalDate.parse("2025-01-01"),
        LocalDate.parse("2025-12-31"))).run();
    String none = Files.readString(empty.resolve("report.html"));
    assertTrue(none.contains("No strike event is dated between 2025-01-01 and 2025-12-31"), "a year without events");
    assertTrue(none.contains("per month"), "a year is drawn per month");
  }

  @Test
  void aPeriodReportSetsTheNewsAgainstAnOfficialSeriesWhenGivenOne() throws Exception {
    Path series = Files.write(dir.resolve("official.csv"), List.of(
        "time_start,time_end,model,launch_place,target,target_main,launched,destroyed",
        "2026-03-10 18:00,2026-03-11 09:00,Shahed-136/131,,Ukraine,,30,25",
        "2026-03-11 18:00,2026-03-12 09:00,Kalibr,,Ukraine,,2,1",
        "2026-04-11 18:00,2026-04-12 09:00,Kalibr,,Ukraine,,9,9"));
    Path month = dir.resolve("month-official");
    new PeriodReportJob(lake, new PeriodReportJob.Options(month.toString(), LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-31"), series.toString())).run();
    String page = Files.readString(month.resolve("report.html"));
    assertTrue(page.contains("id=\"official-table\""), "the comparison's table");
    assertEquals(2, count(page, "<svg id='chart-official-"), "a chart per class");
    List<String> nights = Files.readAllLines(month.resolve("official.csv"));
    assertEquals(List.of("morning,weapon,official_launched,official_destroyed,news_launched,news_intercepted",
        "2026-03-11,drone,30,25,,", "2026-03-12,missile,2,1,,"), nights, "the period's nights only");
    JsonNode all = new ObjectMapper().readTree(month.resolve("report.json").toFile()).get("official")
        .get("comparison").get("all");
    assertEquals(2, all.get("official_nights").asInt());
    assertEquals(0, all.get("covered").asInt(), "these articles give no national figure");
    Path plain = dir.resolve("month-plain");
    new PeriodReportJob(lake, new PeriodReportJob.Options(plain.toString(), LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-31"))).run();
    assertFalse(Files.exists(plain.resolve("official.csv")), "no series, no comparison");
    assertTrue(new ObjectMapper().readTree(plain.resolve("report.json").toFile()).get("official").isNull());
    assertFalse(Files.readString(plain.resolve("report.html")).contains("id=\"official\""));
  }
}
