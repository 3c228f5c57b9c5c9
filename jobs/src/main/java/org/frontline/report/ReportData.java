package org.frontline.report;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.frontline.common.ColumnTransformer;
import org.frontline.events.EventsJob;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.frontline.trends.Areas;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * The numbers of one night's report, read from the lake's trend, spike, event and topic tables. Every query
 * aggregates or limits in Spark first; only the small results (at most a few hundred rows each) reach the
 * driver. Dates are ISO strings so that the same records serialise unchanged to JSON and CSV.
 */
public final class ReportData {
  /** Days of the national series; weeks of the topic series; oblasts in the small multiples. */
  static final int NATIONAL_DAYS = 90;
  static final int MULTIPLE_DAYS = 56;
  static final int TOPIC_WEEKS = 12;
  static final int TOP_OBLASTS = 6;
  static final int TOP_TOPICS = 5;
  /** The night's events listed (and written to CSV) at most; the rest are counted. */
  static final int MAX_EVENTS = 2000;
  /** Spikes listed: the flagged oblast-weeks of the night's week and the week before, highest z first. */
  static final int MAX_SPIKES = 20;

  public record Headline(String date, long events, long eventsRussia, double killed, double injured,
                         double launched, double intercepted, Map<String, Long> byWeapon,
                         Map<String, Long> byAttacker, Double events7dAvg,
                         long last7Days, long previous7Days, Long weekOverWeek, Double weekOverWeekPct,
                         long sources) {}

  public record DayPoint(String date, long events, Double events7dAvg, double killed, double injured,
                         double launched) {}

  public record AreaTotal(String area, String name, long events7, double killed7, double injured7,
                          long events28) {}

  public record Series(String area, String name, List<DayPoint> days) {}

  public record WeekShare(String week, long articles, double share) {}

  public record Topic(int topicId, String label, long articles7, double share7, List<String> terms,
                      List<WeekShare> weeks) {}

  public record Spike(String week, String area, String name, String metric, double value, Double median,
                      Double z, String reason) {}

  public record Source(String source, String title, String url, String docId) {}

  public record Event(String eventId, String date, String country, String attacker, String area, String areaName,
                      String place, String weapon, String weaponModel, Double launched, Double intercepted,
                      Double killed, Double injured, long sourcesCount, String sentence, List<Source> sources) {}

  /**
   * What the lake holds that the per-day tables leave out, and what the reader should know before reading
   * them: articles without a publication date, strike mentions without a date (not events), a lake with no
   * dated event, a night without one. {@code notices} are the sentences the report shows.
   */
  public record Coverage(long articles, long articlesUndated, long mentions, long mentionsUndated,
                         long eventsDated, String lastEventDay, boolean topicTables, List<String> notices) {}

  public record Report(String date, String firstDay, String lastDay, Coverage coverage, Headline headline,
                       List<DayPoint> national, List<AreaTotal> oblasts, List<Series> mostHit, List<Topic> topics,
                       List<Spike> spikes, List<Event> events, long eventsTotal) {}

  private ReportData() {}

  private static Date sql(LocalDate d) {
    return Date.valueOf(d);
  }

  private static String iso(Row r, String col) {
    Date d = r.getAs(col);
    return d == null ? null : d.toLocalDate().toString();
  }

  private static double dbl(Row r, String col) {
    Object v = r.getAs(col);
    return v == null ? 0.0 : ((Number) v).doubleValue();
  }

  private static Double dblOrNull(Row r, String col) {
    Object v = r.getAs(col);
    return v == null ? null : ((Number) v).doubleValue();
  }

  private static long lng(Row r, String col) {
    Object v = r.getAs(col);
    return v == null ? 0L : ((Number) v).longValue();
  }

  /** The lake's last day with trend rows, or null when there are none. */
  public static LocalDate lastDay(Lake lake) {
    Row r = lake.read(Tables.STRIKE_TRENDS).filter(col("period").equalTo("day"))
        .agg(min("period_start"), max("period_start")).first();
    return r.isNullAt(1) ? null : r.getDate(1).toLocalDate();
  }

  public static Report load(Lake lake, LocalDate date) {
    Dataset<Row> trends = lake.read(Tables.STRIKE_TRENDS).filter(col("period").equalTo("day"));
    Row range = trends.agg(min("period_start"), max("period_start")).first();
    String first = range.isNullAt(0) ? null : range.getDate(0).toLocalDate().toString();
    String last = range.isNullAt(1) ? null : range.getDate(1).toLocalDate().toString();

    NationalDays nat = nationalDays(trends, date);
    Headline headline = headline(date, nat.national(), nat.today(), nat.russia());
    List<AreaTotal> oblasts = oblastTotals(trends, date);
    Map<String, Series> multiples = mostHit(trends, date, topOblasts(oblasts));

    List<Topic> topics = lake.exists(Tables.TOPIC_TRENDS) ? topics(lake, date) : List.of();
    List<Spike> spikes = spikes(lake, date);
    Dataset<Row> night = lake.read(Tables.EVENTS).filter(col("event_date").equalTo(sql(date))
        .and(col("country").isin(Areas.NATIONAL, Areas.RUSSIA)));
    long total = night.count();
    List<Event> events = events(night, lake.read(Tables.ARTICLES).filter(EventsJob.canReportFrom(date)));
    return new Report(date.toString(), first, last, coverage(lake, date, total), headline, nat.national(), oblasts,
        new ArrayList<>(multiples.values()), topics, spikes, events, total);
  }

  /** The national series of the last days, and the night's trend rows of Ukraine and of Russia (null: none). */
  private record NationalDays(List<DayPoint> national, Row today, Row russia) {}

  /** The national series of the {@link #NATIONAL_DAYS} to the night, with the night's rows of Ukraine and Russia. */
  private static NationalDays nationalDays(Dataset<Row> trends, LocalDate date) {
    Column nationalDays = col("area").isin(Areas.NATIONAL, Areas.RUSSIA)
        .and(col("period_start").between(sql(date.minusDays(NATIONAL_DAYS - 1)), sql(date)));
    List<Row> nat = trends.filter(nationalDays).orderBy("period_start").collectAsList();
    List<DayPoint> national = new ArrayList<>();
    Row today = null;
    Row russia = null;
    for (Row r : nat) {
      boolean isDay = iso(r, "period_start").equals(date.toString());
      if (Areas.RUSSIA.equals(r.getAs("area"))) {
        russia = isDay ? r : russia;
        continue;
      }
      national.add(point(r));
      today = isDay ? r : today;
    }
    return new NationalDays(national, today, russia);
  }

  /** The headline figures: the night's, and the events of the last 7 days against the 7 before. */
  private static Headline headline(LocalDate date, List<DayPoint> national, Row today, Row russia) {
    long last7 = 0;
    long prev7 = 0;
    for (DayPoint p : national) {
      LocalDate d = LocalDate.parse(p.date());
      if (!d.isBefore(date.minusDays(6))) {
        last7 += p.events();
      } else if (!d.isBefore(date.minusDays(13))) {
        prev7 += p.events();
      }
    }
    Map<String, Long> byWeapon = new LinkedHashMap<>();
    for (String w : Tables.WEAPONS) {
      byWeapon.put(w, today == null ? 0L : lng(today, "events_" + w));
    }
    Map<String, Long> byAttacker = new LinkedHashMap<>();
    for (String a : Tables.ATTACKERS) {
      byAttacker.put(a, today == null ? 0L : lng(today, Tables.attackerColumn(a)));
    }
    return new Headline(date.toString(), today == null ? 0 : lng(today, "events"),
        russia == null ? 0 : lng(russia, "events"), today == null ? 0 : dbl(today, "killed"),
        today == null ? 0 : dbl(today, "injured"), today == null ? 0 : dbl(today, "launched_sum"),
        today == null ? 0 : dbl(today, "intercepted_sum"), byWeapon, byAttacker,
        today == null ? null : dblOrNull(today, "events_7d_avg"), last7, prev7, last7 - prev7,
        prev7 == 0 ? null : (last7 - prev7) / (double) prev7, today == null ? 0 : lng(today, "sources"));
  }

  /** Each oblast's events, killed and injured in the 7 days and events in the 28 days, most events first. */
  private static List<AreaTotal> oblastTotals(Dataset<Row> trends, LocalDate date) {
    Column recent = col("period_start").geq(sql(date.minusDays(6)));
    List<AreaTotal> oblasts = new ArrayList<>();
    for (Row r : trends.filter(col("area_kind").equalTo("oblast")
            .and(col("period_start").between(sql(date.minusDays(27)), sql(date))))
        .groupBy("area", "area_name")
        .agg(sum(when(recent, col("events")).otherwise(0L)).as("e7"),
            sum(when(recent, col("killed")).otherwise(0.0)).as("k7"),
            sum(when(recent, col("injured")).otherwise(0.0)).as("i7"), sum("events").as("e28"))
        .orderBy(col("e7").desc(), col("e28").desc(), col("area")).collectAsList()) {
      oblasts.add(new AreaTotal(r.getAs("area"), r.getAs("area_name"), lng(r, "e7"), dbl(r, "k7"), dbl(r, "i7"),
          lng(r, "e28")));
    }
    return oblasts;
  }

  /** The {@link #TOP_OBLASTS} oblasts with the most events in the 28 days (ties by code), none without. */
  private static List<String> topOblasts(List<AreaTotal> oblasts) {
    List<AreaTotal> ranked = new ArrayList<>(oblasts);
    ranked.sort((a, b) -> a.events28() != b.events28() ? Long.compare(b.events28(), a.events28())
        : a.area().compareTo(b.area()));
    List<String> top = new ArrayList<>();
    for (AreaTotal a : ranked) {
      if (a.events28() > 0 && top.size() < TOP_OBLASTS) {
        top.add(a.area());
      }
    }
    return top;
  }

  /** The daily series of the {@link #MULTIPLE_DAYS} to the night of each of the top oblasts, in their order. */
  private static Map<String, Series> mostHit(Dataset<Row> trends, LocalDate date, List<String> top) {
    Map<String, Series> multiples = new LinkedHashMap<>();
    for (String a : top) {
      multiples.put(a, new Series(a, Areas.name(a), new ArrayList<>()));
    }
    if (!top.isEmpty()) {
      for (Row r : trends.filter(col("area").isin(top.toArray())
          .and(col("period_start").between(sql(date.minusDays(MULTIPLE_DAYS - 1)), sql(date))))
          .orderBy("area", "period_start").collectAsList()) {
        multiples.get(r.<String>getAs("area")).days().add(point(r));
      }
    }
    return multiples;
  }

  /** The flagged oblast-weeks of the night's week and the week before, the latest week and highest z first. */
  private static List<Spike> spikes(Lake lake, LocalDate date) {
    List<Spike> spikes = new ArrayList<>();
    LocalDate week = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (Row r : lake.read(Tables.SPIKES).filter(col("spike")
            .and(col("week_start").between(sql(week.minusWeeks(1)), sql(date))))
        .orderBy(col("week_start").desc(), col("z").desc(), col("area"), col("metric")).limit(MAX_SPIKES)
        .collectAsList()) {
      spikes.add(new Spike(iso(r, "week_start"), r.getAs("area"), r.getAs("area_name"), r.getAs("metric"),
          dbl(r, "value"), dblOrNull(r, "baseline_median"), dblOrNull(r, "z"), r.getAs("reason")));
    }
    return spikes;
  }

  /**
   * The lake's undated articles and mentions and its dated events. The totals of articles and mentions are
   * answered by Delta from the tables' statistics; the undated articles are counted in their partition, the
   * undated mentions in the files whose statistics show null dates (a dated article can have one: a
   * background or vague sentence).
   */
  static Coverage coverage(Lake lake, LocalDate date, long nightEvents) {
    Dataset<Row> allArticles = lake.read(Tables.ARTICLES);
    Row a = RowFactory.create(allArticles.count(), allArticles.filter(col("published_date").isNull()).count());
    Row m = null;
    if (lake.exists(Tables.MENTIONS)) {
      Dataset<Row> mentions = lake.read(Tables.MENTIONS);
      m = RowFactory.create(mentions.count(), mentions.filter(col("event_date").isNull()).count());
    }
    Row e = lake.exists(Tables.EVENTS)
        ? lake.read(Tables.EVENTS).filter(col("country").isin(Areas.NATIONAL, Areas.RUSSIA))
            .agg(count(col("event_date")), max("event_date")).first() : null;
    long articles = a.getLong(0);
    long articlesUndated = a.getLong(1);
    long mentions = m == null ? 0 : m.getLong(0);
    long mentionsUndated = m == null ? 0 : m.getLong(1);
    long eventsDated = e == null ? 0 : e.getLong(0);
    String lastEvent = e == null || e.isNullAt(1) ? null : e.getDate(1).toLocalDate().toString();
    List<String> notices = new ArrayList<>();
    if (articles == 0) {
      notices.add("The lake holds no article: every table of this report is empty.");
    } else if (eventsDated == 0) {
      notices.add("The lake holds no dated strike event"
          + (mentions == 0 ? " (no article describes a strike)" : "") + ": the per-day charts and tables are empty.");
    } else if (nightEvents == 0) {
      notices.add("No strike event is dated " + date + "; the lake's latest dated event is of " + lastEvent + ".");
    }
    if (articlesUndated > 0) {
      notices.add(String.format(Locale.ROOT, "%,d of %,d articles have no publication date: they are left out of"
          + " every per-day and per-week table (strike trends, topics over time).", articlesUndated, articles));
    }
    if (mentionsUndated > 0) {
      notices.add(String.format(Locale.ROOT, "%,d of %,d strike mentions have no date (an undated article with"
          + " no explicit date): they are not counted as events.", mentionsUndated, mentions));
    }
    return new Coverage(articles, articlesUndated, mentions, mentionsUndated, eventsDated, lastEvent,
        lake.exists(Tables.TOPIC_TRENDS), notices);
  }

  private static DayPoint point(Row r) {
    return new DayPoint(iso(r, "period_start"), lng(r, "events"), dblOrNull(r, "events_7d_avg"), dbl(r, "killed"),
        dbl(r, "injured"), dbl(r, "launched_sum"));
  }

  private static List<Topic> topics(Lake lake, LocalDate date) {
    Dataset<Row> tt = lake.read(Tables.TOPIC_TRENDS);
    List<Row> top = tt.filter(col("period").equalTo("day")
            .and(col("period_start").between(sql(date.minusDays(6)), sql(date))))
        .groupBy("topic_id", "label")
        .agg(sum("articles").as("a7"), sum("period_articles").as("p7"))
        .filter(col("a7").gt(0))
        .orderBy(col("a7").desc(), col("topic_id")).limit(TOP_TOPICS).collectAsList();
    if (top.isEmpty()) {
      return List.of();
    }
    List<Integer> ids = new ArrayList<>();
    for (Row r : top) {
      ids.add(r.getAs("topic_id"));
    }
    LocalDate week = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Map<Integer, List<WeekShare>> weeks = new LinkedHashMap<>();
    Map<Integer, List<String>> terms = new LinkedHashMap<>();
    for (Row r : tt.filter(col("period").equalTo("week").and(col("topic_id").isin(ids.toArray()))
        .and(col("period_start").between(sql(week.minusWeeks(TOPIC_WEEKS - 1)), sql(week))))
        .orderBy("topic_id", "period_start").collectAsList()) {
      int id = r.getAs("topic_id");
      weeks.computeIfAbsent(id, k -> new ArrayList<>()).add(new WeekShare(iso(r, "period_start"),
          lng(r, "articles"), dbl(r, "share")));
      List<String> t = r.getList(r.fieldIndex("top_terms"));
      if (t != null && !t.isEmpty() && lng(r, "articles") > 0) {
        terms.put(id, t);
      }
    }
    List<Topic> out = new ArrayList<>();
    for (Row r : top) {
      int id = r.getAs("topic_id");
      long p7 = lng(r, "p7");
      out.add(new Topic(id, r.getAs("label"), lng(r, "a7"), p7 == 0 ? 0.0 : lng(r, "a7") / (double) p7,
          terms.getOrDefault(id, List.of()), weeks.getOrDefault(id, List.of())));
    }
    return out;
  }

  private static List<Event> events(Dataset<Row> night, Dataset<Row> articles) {
    return events(night, articles, MAX_EVENTS, col("country").desc(), col("region_iso").asc_nulls_first(),
        col("weapon"), col("place"), col("event_id"));
  }

  /** The first {@code limit} events in {@code order}, each with its articles' sources. */
  static List<Event> events(Dataset<Row> events, Dataset<Row> articles, int limit, Column... order) {
    // read once: the events and their sources are both joined from it
    Dataset<Row> limited = ColumnTransformer.materialize(events.orderBy(order).limit(limit));
    Dataset<Row> docs = limited.select(col("event_id"), explode(col("doc_ids")).as("doc_id"))
        .join(articles.select("doc_id", "source", "title", "url"), "doc_id")
        .groupBy("event_id")
        .agg(sort_array(collect_list(struct(col("source"), col("title"), col("url"), col("doc_id")))).as("refs"));
    List<Event> out = new ArrayList<>();
    for (Row r : limited.join(docs, new String[] {"event_id"}, "left").orderBy(order).collectAsList()) {
      List<Source> sources = new ArrayList<>();
      List<Row> refs = r.isNullAt(r.fieldIndex("refs")) ? List.of() : r.getList(r.fieldIndex("refs"));
      for (Row s : refs) {
        sources.add(new Source(s.getString(0), s.getString(1), s.getString(2), s.getString(3)));
      }
      String region = r.getAs("region_iso");
      String area = region != null ? region : r.getAs("country");
      out.add(new Event(r.getAs("event_id"), iso(r, "event_date"), r.getAs("country"), r.getAs("attacker"), area,
          region == null ? ("UA".equals(r.getAs("country")) ? "Ukraine (national report)" : "Russia")
              : "RU".equals(r.getAs("country")) ? "Russia, " + region : Areas.name(region),
          r.getAs("place"), r.getAs("weapon"), r.getAs("weapon_model"), dblOrNull(r, "launched_median"),
          dblOrNull(r, "intercepted_median"), dblOrNull(r, "killed_median"), dblOrNull(r, "injured_median"),
          lng(r, "n_sources"), r.getAs("example_sentence"), sources));
    }
    return out;
  }
}
