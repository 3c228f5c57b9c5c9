package org.frontline.report;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.frontline.common.Progress;
import org.frontline.events.OfficialSeries;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * Stage {@code report} for a period: the lake's tables → the report of the days {@code from .. to} in a
 * directory: {@code report.html} (self-contained), {@code report.json} and CSV files. LoadNumbers
 * ({@link PeriodData}) → RenderHtml ({@link PeriodHtml}, with {@link Charts} and {@link OblastMap}) → WriteFiles.
 */
public final class PeriodReportJob {
  /**
   * Where to write, the period (null: the lake's first, last day with trend rows), and an official daily series
   * to show the news' national figures against (a local CSV file; null: none).
   */
  public record Options(String out, LocalDate from, LocalDate to, String official) {
    public Options(String out, LocalDate from, LocalDate to) {
      this(out, from, to, null);
    }

    public Options {
      ReportJob.requireOut(out);
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("the period ends (" + to + ") before it begins (" + from + ")");
      }
    }
  }

  private final Lake lake;
  private final Options options;

  public PeriodReportJob(Lake lake, Options options) {
    this.lake = lake;
    this.options = options;
  }

  /** The first and last day of the lake's trend rows, or null when it has none. */
  public static LocalDate[] span(Lake lake) {
    Row r = lake.read(Tables.STRIKE_TRENDS).filter(col("period").equalTo("day"))
        .agg(min("period_start"), max("period_start")).first();
    return r.isNullAt(0) ? null : new LocalDate[] {r.getDate(0).toLocalDate(), r.getDate(1).toLocalDate()};
  }

  public PeriodReportResult run() {
    Progress p = Progress.start("report", "reading the period's trends, events and topics");
    if (!lake.exists(Tables.STRIKE_TRENDS)) {
      throw new Lake.LakeException("the lake has no strike_trends table: run 'frontline trends' (or run) first");
    }
    LocalDate[] span = options.from() == null || options.to() == null ? span(lake) : null;
    LocalDate from = options.from() != null ? options.from() : span != null ? span[0]
        : LocalDate.now(java.time.ZoneOffset.UTC);
    LocalDate to = options.to() != null ? options.to() : span != null ? span[1] : from;
    if (to.isBefore(from)) {
      to = from;
    }
    List<OfficialSeries.Night> official = null;
    if (options.official() != null) {
      OfficialSeries.Read read = readOfficial(options.official());
      official = read.nights();
      Progress.info("report", "official series " + options.official() + ": " + official.size()
          + " national nights" + (read.skipped() == 0 ? "" : ", " + read.skipped() + " unreadable rows left out"));
    }
    PeriodData.Period data = PeriodData.load(lake, from, to, official, options.official());
    Progress.info("report", PeriodData.describe(data) + "; drawing charts");
    String html = PeriodHtml.render(data, lake.root());
    Map<String, String> files = files(html, data);
    Path dir = new Path(options.out());
    try {
      String where = ReportJob.writeFiles(lake.fs().getConf(), dir, files);
      p.done("wrote the report of " + from + " .. " + to + ": " + where + " (" + html.length() / 1024 + " KiB)");
      return new PeriodReportResult(from, to, where, html.getBytes(StandardCharsets.UTF_8).length,
          data.totals().events() + data.totals().eventsRussia(), data.notices());
    } catch (IOException e) {
      throw new Lake.LakeException("cannot write the report to " + dir + ": " + e.getMessage());
    }
  }

  /** The official series of a local file; a file that cannot be read is a {@link Lake.LakeException}. */
  public static OfficialSeries.Read readOfficial(String file) {
    try {
      return OfficialSeries.read(java.nio.file.Path.of(file));
    } catch (IOException | IllegalArgumentException e) {
      throw new Lake.LakeException("cannot read the official series " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, String> files(String html, PeriodData.Period data) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("report.html", html);
    try {
      files.put("report.json", ReportJob.JSON.writeValueAsString(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> header = new ArrayList<>(List.of("area", "period_start", "events", "killed", "injured", "launched",
        "intercepted"));
    Tables.WEAPONS.forEach(w -> header.add("events_" + w));
    Tables.ATTACKERS.forEach(a -> header.add(Tables.attackerColumn(a)));
    List<List<Object>> series = new ArrayList<>();
    addSeries(series, "UA", data.national());
    for (PeriodData.Series s : data.mostHit()) {
      addSeries(series, s.area(), s.points());
    }
    files.put("series.csv", ReportJob.csv(header, series));
    List<List<Object>> oblasts = new ArrayList<>();
    for (PeriodData.AreaTotal a : data.oblasts()) {
      oblasts.add(List.of(a.area(), a.name(), a.events(), a.killed(), a.injured()));
    }
    files.put("oblasts.csv", ReportJob.csv(List.of("area", "name", "events", "killed", "injured"), oblasts));
    List<List<Object>> points = new ArrayList<>();
    for (PeriodData.MapPoint m : data.points()) {
      points.add(List.of(m.label(), m.lat(), m.lon(), m.precision(), m.events(), m.killed(), m.injured()));
    }
    files.put("points.csv", ReportJob.csv(List.of("label", "lat", "lon", "geo_precision", "events", "killed",
        "injured"), points));
    List<List<Object>> deadliest = new ArrayList<>();
    for (ReportData.Event e : data.deadliest()) {
      deadliest.add(List.of(e.eventId(), e.date(), e.areaName(), e.place() == null ? "" : e.place(), e.weapon(),
          e.killed() == null ? "" : e.killed(), e.injured() == null ? "" : e.injured(), e.sourcesCount(),
          e.sentence() == null ? "" : e.sentence()));
    }
    files.put("deadliest.csv", ReportJob.csv(List.of("event_id", "event_date", "area_name", "place", "weapon",
        "killed", "injured", "n_sources", "example_sentence"), deadliest));
    if (data.official() != null) {
      List<List<Object>> nights = new ArrayList<>();
      for (PeriodData.NightPair n : data.official().nights()) {
        nights.add(java.util.Arrays.asList(n.morning(), n.weapon(), opt(n.officialLaunched()),
            opt(n.officialDestroyed()), opt(n.newsLaunched()), opt(n.newsIntercepted())));
      }
      files.put("official.csv", ReportJob.csv(List.of("morning", "weapon", "official_launched",
          "official_destroyed", "news_launched", "news_intercepted"), nights));
    }
    return files;
  }

  private static Object opt(Object v) {
    return v == null ? "" : v;
  }

  private static void addSeries(List<List<Object>> rows, String area, List<PeriodData.PeriodPoint> points) {
    for (PeriodData.PeriodPoint x : points) {
      List<Object> r = new ArrayList<>(List.of(area, x.start(), x.events(), x.killed(), x.injured(), x.launched(),
          x.intercepted()));
      Tables.WEAPONS.forEach(w -> r.add(x.byWeapon().getOrDefault(w, 0L)));
      Tables.ATTACKERS.forEach(a -> r.add(x.byAttacker().getOrDefault(a, 0L)));
      rows.add(r);
    }
  }
}
