package org.frontline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.frontline.common.Progress;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stage {@code report}: the lake's tables → one night's report in a directory: {@code report.html}
 * (self-contained), {@code report.json} (every number of the page, Jackson) and one CSV per section.
 * LoadNumbers ({@link ReportData}) → DrawCharts and the map ({@link Charts}, {@link OblastMap}) →
 * RenderHtml ({@link HtmlReport}) → WriteFiles.
 */
public final class ReportJob {
  /**
   * Options: where to write, the night (null: the lake's last day), and whether a lake spanning more than
   * {@link #ARCHIVE_DAYS} days also gets the report of its whole span ({@code OUT/span/}), with the news against
   * the official daily series {@code official} (a local CSV file; null: none).
   */
  public record Options(String out, LocalDate date, boolean archive, String official) {
    public Options {
      requireOut(out);
    }

    public Options(String out, LocalDate date) {
      this(out, date, false, null);
    }
  }

  /** A lake whose trend days span more than this is an archive: a night's report alone would show little of it. */
  public static final int ARCHIVE_DAYS = 28;

  /** A report needs a directory to be written to. */
  static void requireOut(String out) {
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("--out is required");
    }
  }

  /** The report's JSON: indented, so that a reader can open it as it is. */
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Lake lake;
  private final Options options;

  public ReportJob(Lake lake, Options options) {
    this.lake = lake;
    this.options = options;
  }

  /** Writes the report and its data files. */
  public ReportResult run() {
    Progress p = Progress.start("report", "reading trends, spikes, events and topics");
    LocalDate date = night();
    ReportData.Report data = ReportData.load(lake, date);
    Progress.info("report", String.format("night %s: %d events in Ukraine, %d listed; drawing charts", date,
        data.headline().events(), data.events().size()));
    for (String n : data.coverage().notices()) {
      Progress.info("report", n);
    }
    String html = HtmlReport.render(data, lake.root());
    Path dir = new Path(options.out());
    Map<String, String> files = dataFiles(html, data);
    try {
      String where = writeFiles(lake.fs().getConf(), dir, files);
      p.done("wrote " + where + " (" + html.length() / 1024 + " KiB) and " + (files.size() - 1) + " data files");
      return new ReportResult(date, where, html.getBytes(StandardCharsets.UTF_8).length, data.events().size(),
          data.spikes().size(), data.coverage().notices(), options.archive() ? spanReport() : null);
    } catch (IOException e) {
      throw new Lake.LakeException("cannot write the report to " + dir + ": " + e.getMessage());
    }
  }

  /** The report of the lake's whole span into {@code OUT/span}, when the lake is an archive; else null. */
  private PeriodReportResult spanReport() {
    LocalDate[] span = PeriodReportJob.span(lake);
    if (span == null || java.time.temporal.ChronoUnit.DAYS.between(span[0], span[1]) + 1 <= ARCHIVE_DAYS) {
      if (options.official() != null) {
        Progress.info("report", "the lake spans " + ARCHIVE_DAYS + " days or fewer: no report of its span, so the"
            + " official series is not shown (report --from/--to --official FILE shows it for any period)");
      }
      return null;
    }
    return new PeriodReportJob(lake, new PeriodReportJob.Options(new Path(options.out(), "span").toString(), span[0],
        span[1], options.official())).run();
  }

  /** The night to report: the one asked for, else the lake's last day, else today (UTC); none without trends. */
  private LocalDate night() {
    if (!lake.exists(Tables.STRIKE_TRENDS)) {
      throw new Lake.LakeException("the lake has no strike_trends table: run 'frontline trends' (or run) first");
    }
    LocalDate date = options.date() != null ? options.date() : ReportData.lastDay(lake);
    if (date == null) {
      date = LocalDate.now(ZoneOffset.UTC);
    }
    return date;
  }

  /** The files' names and contents, in the order they are written: the page, its JSON and the CSVs. */
  private static Map<String, String> dataFiles(String html, ReportData.Report data) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("report.html", html);
    try {
      files.put("report.json", JSON.writeValueAsString(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.put("national_daily.csv", csv(List.of("date", "events", "events_7d_avg", "killed", "injured", "launched"),
        rows(data.national(), d -> List.of(d.date(), d.events(), opt(d.events7dAvg()), d.killed(), d.injured(),
            d.launched()))));
    files.put("oblasts.csv", csv(List.of("area", "name", "events_7d", "killed_7d", "injured_7d", "events_28d"),
        rows(data.oblasts(), a -> List.of(a.area(), a.name(), a.events7(), a.killed7(), a.injured7(),
            a.events28()))));
    files.put("most_hit.csv", mostHitCsv(data));
    files.put("topics.csv", topicsCsv(data));
    files.put("spikes.csv", csv(List.of("week_start", "area", "name", "metric", "value", "baseline_median", "z",
        "reason"), rows(data.spikes(), s -> List.of(s.week(), s.area(), s.name(), s.metric(), s.value(),
            opt(s.median()), opt(s.z()), s.reason()))));
    files.put("events.csv", eventsCsv(data));
    return files;
  }

  /** most_hit.csv: a row per day of each most-hit oblast's series. */
  private static String mostHitCsv(ReportData.Report data) {
    List<List<Object>> multiples = new ArrayList<>();
    for (ReportData.Series s : data.mostHit()) {
      for (ReportData.DayPoint d : s.days()) {
        multiples.add(List.of(s.area(), s.name(), d.date(), d.events(), opt(d.events7dAvg()), d.killed()));
      }
    }
    return csv(List.of("area", "name", "date", "events", "events_7d_avg", "killed"), multiples);
  }

  /** topics.csv: a row per week of each top topic, with the topic's figures of the 7 days. */
  private static String topicsCsv(ReportData.Report data) {
    List<List<Object>> topicRows = new ArrayList<>();
    for (ReportData.Topic t : data.topics()) {
      for (ReportData.WeekShare w : t.weeks()) {
        topicRows.add(List.of(t.topicId(), t.label(), String.join(" | ", t.terms()), t.articles7(), t.share7(),
            w.week(), w.articles(), w.share()));
      }
    }
    return csv(List.of("topic_id", "label", "terms", "articles_7d", "share_7d", "week",
        "week_articles", "week_share"), topicRows);
  }

  /** events.csv: a row per listed event of the night, its source addresses in one field. */
  private static String eventsCsv(ReportData.Report data) {
    return csv(List.of("event_id", "event_date", "country", "attacker", "area", "area_name", "place",
        "weapon", "weapon_model", "launched", "intercepted", "killed", "injured", "n_sources", "source_urls",
        "example_sentence"), rows(data.events(), e -> List.of(e.eventId(), e.date(), e.country(), e.attacker(),
            e.area(),
            e.areaName(), opt(e.place()), e.weapon(), opt(e.weaponModel()), opt(e.launched()),
            opt(e.intercepted()), opt(e.killed()), opt(e.injured()), e.sourcesCount(),
            String.join(" ", e.sources().stream().map(s -> s.url() == null ? "" : s.url()).toList()).trim(),
            opt(e.sentence()))));
  }

  /**
   * Writes the files into the directory, each to a hidden temporary file renamed over the target (no checksum
   * files), and gives the qualified address of report.html.
   */
  static String writeFiles(org.apache.hadoop.conf.Configuration conf, Path dir, Map<String, String> files)
      throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    fs.setWriteChecksum(false);
    fs.mkdirs(dir);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = new Path(dir, f.getKey());
      Path tmp = new Path(dir, "." + f.getKey() + ".tmp");
      writeAtomically(fs, target, tmp, f.getValue());
    }
    return fs.makeQualified(new Path(dir, "report.html")).toString();
  }

  /** Writes the content to the temporary file, then renames it over the target. */
  private static void writeAtomically(FileSystem fs, Path target, Path tmp, String content) throws IOException {
    try (FSDataOutputStream out = fs.create(tmp, true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("rename failed: " + tmp + " -> " + target);
    }
  }

  private static Object opt(Object v) {
    return v == null ? "" : v;
  }

  private static <T> List<List<Object>> rows(List<T> items, Function<T, List<Object>> f) {
    List<List<Object>> out = new ArrayList<>();
    for (T t : items) {
      out.add(f.apply(t));
    }
    return out;
  }

  static String csv(List<String> header, List<List<Object>> rows) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
        .setHeader(header.toArray(new String[0])).get())) {
      for (List<Object> r : rows) {
        p.printRecord(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
