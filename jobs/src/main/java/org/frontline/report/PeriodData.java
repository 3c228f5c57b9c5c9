package org.frontline.report;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.events.Coordinates;
import org.frontline.events.EventsJob;
import org.frontline.events.OfficialSeries;
import org.frontline.events.SeriesEval;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;
import org.frontline.trends.Areas;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * The numbers of the report of a period (a month, a year, any span of days): totals, the country's series per
 * week or month with its weapon mix and attacker split, the oblasts' totals and the events as points for the
 * map, the most-hit oblasts' series, the deadliest events with their sources, the period's topics. Read from
 * the day rows of {@code strike_trends} (so a period's figures are exactly the sum of its days), from
 * {@code events} and {@code topic_trends}; every query aggregates or limits in Spark, only small results reach
 * the driver.
 */
public final class PeriodData {
  /** Spans up to this many days are drawn per week, longer ones per month. */
  static final int WEEKLY_MAX_DAYS = 120;
  static final int TOP_OBLASTS = 6;
  static final int DEADLIEST = 15;
  static final int TOP_TOPICS = 5;
  /** Map points drawn at most (the places with the most events). */
  static final int MAX_POINTS = 1500;

  /** One week or month of a series: its first day, events, figures and splits. */
  public record PeriodPoint(String start, long events, double killed, double injured, double launched,
                            double intercepted, Map<String, Long> byWeapon, Map<String, Long> byAttacker) {}

  public record Totals(long events, long eventsRussia, double killed, double injured, double launched,
                       double intercepted, long days, long daysWithEvents, Map<String, Long> byWeapon,
                       Map<String, Long> byAttacker) {}

  public record AreaTotal(String area, String name, long events, double killed, double injured) {}

  public record Series(String area, String name, List<PeriodPoint> points) {}

  /** Events at one point: the place (or region centroid), how many, their killed and injured. */
  public record MapPoint(String label, double lat, double lon, int precision, long events, double killed,
                         double injured) {}

  public record Topic(int topicId, String label, long articles, double share, List<String> terms) {}

  /** One morning of one weapon class: the official series' figures beside those found in the news (null: none). */
  public record NightPair(String morning, String weapon, Long officialLaunched, Long officialDestroyed,
                          Double newsLaunched, Double newsIntercepted) {}

  /** The news against an official series over the period: every night either reports, and the comparison. */
  public record Official(String file, List<NightPair> nights, Map<String, Object> comparison) {}

  public record Period(String from, String to, String unit, List<String> notices, Totals totals,
                       List<PeriodPoint> national, List<AreaTotal> oblasts, List<MapPoint> points,
                       List<Series> mostHit, List<ReportData.Event> deadliest, List<Topic> topics,
                       Official official) {}

  private PeriodData() {}

  /** {@code week} for a span of at most {@link #WEEKLY_MAX_DAYS} days, else {@code month}. */
  static String unit(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) + 1 <= WEEKLY_MAX_DAYS ? "week" : "month";
  }

  /** A figure of a row, 0 when the row (an area without day rows) or the value is missing. */
  private static double dbl(Row r, String c) {
    Object v = r == null ? null : r.getAs(c);
    return v == null ? 0.0 : ((Number) v).doubleValue();
  }

  private static long lng(Row r, String c) {
    Object v = r == null ? null : r.getAs(c);
    return v == null ? 0L : ((Number) v).longValue();
  }

  /** The sums a period takes from the day rows. */
  private static List<Column> sums() {
    List<Column> aggs = new ArrayList<>(List.of(sum("events").as("events"), sum("killed").as("killed"),
        sum("injured").as("injured"), sum("launched_sum").as("launched"), sum("intercepted_sum").as("intercepted")));
    for (String w : Tables.WEAPONS) {
      aggs.add(sum("events_" + w).as("events_" + w));
    }
    for (String a : Tables.ATTACKERS) {
      aggs.add(sum(Tables.attackerColumn(a)).as(Tables.attackerColumn(a)));
    }
    return aggs;
  }

  private static Map<String, Long> byWeapon(Row r) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String w : Tables.WEAPONS) {
      m.put(w, lng(r, "events_" + w));
    }
    return m;
  }

  private static Map<String, Long> byAttacker(Row r) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String a : Tables.ATTACKERS) {
      m.put(a, lng(r, Tables.attackerColumn(a)));
    }
    return m;
  }

  private static PeriodPoint point(Row r) {
    return new PeriodPoint(r.<Date>getAs("start").toLocalDate().toString(), lng(r, "events"), dbl(r, "killed"),
        dbl(r, "injured"), dbl(r, "launched"), dbl(r, "intercepted"), byWeapon(r), byAttacker(r));
  }

  public static Period load(Lake lake, LocalDate from, LocalDate to) {
    return load(lake, from, to, null, null);
  }

  /**
   * The period's numbers; with {@code official} (the nights of an official series, read from {@code file}), the
   * news' national figures beside them.
   */
  public static Period load(Lake lake, LocalDate from, LocalDate to, List<OfficialSeries.Night> official,
                            String file) {
    String unit = unit(from, to);
    Column inRange = col("period_start").between(Date.valueOf(from), Date.valueOf(to));
    Dataset<Row> days = lake.read(Tables.STRIKE_TRENDS).filter(col("period").equalTo("day").and(inRange))
        .withColumn("start", to_date(date_trunc(unit, col("period_start"))));
    List<Column> aggs = sums();
    Column[] rest = aggs.subList(1, aggs.size()).toArray(new Column[0]);

    Totals totals = totals(days, from, to, aggs, rest);
    List<PeriodPoint> national = new ArrayList<>();
    for (Row r : days.filter(col("area").equalTo(Areas.NATIONAL)).groupBy("start").agg(aggs.get(0), rest)
        .orderBy("start").collectAsList()) {
      national.add(point(r));
    }
    List<AreaTotal> oblasts = new ArrayList<>();
    for (Row r : days.filter(col("area_kind").equalTo("oblast")).groupBy("area", "area_name")
        .agg(sum("events").as("events"), sum("killed").as("killed"), sum("injured").as("injured"))
        .filter(col("events").gt(0)).orderBy(col("events").desc(), col("area")).collectAsList()) {
      oblasts.add(new AreaTotal(r.getAs("area"), r.getAs("area_name"), lng(r, "events"), dbl(r, "killed"),
          dbl(r, "injured")));
    }
    List<Series> mostHit = mostHit(days, oblasts, aggs, rest);
    Dataset<Row> events = lake.read(Tables.EVENTS)
        .filter(col("event_date").between(Date.valueOf(from), Date.valueOf(to)));
    List<MapPoint> points = points(events);
    List<ReportData.Event> deadliest = ReportData.events(events.filter(col("killed_median").gt(0)
            .or(col("injured_median").gt(0))),
        lake.read(Tables.ARTICLES).filter(EventsJob.canReportFrom(from)), DEADLIEST,
        col("killed_median").desc_nulls_last(), col("injured_median").desc_nulls_last(), col("event_date"),
        col("event_id"));
    List<Topic> topics = lake.exists(Tables.TOPIC_TRENDS) ? topics(lake, from, to) : List.of();
    List<String> notices = new ArrayList<>();
    if (totals.events() + totals.eventsRussia() == 0) {
      notices.add("No strike event is dated between " + from + " and " + to + ".");
    }
    return new Period(from.toString(), to.toString(), unit, notices, totals, national, oblasts, points, mostHit,
        deadliest, topics, official == null ? null : official(official, SeriesEval.news(events), from, to, file));
  }

  /** The nights either series reports in the period, by morning and class, with the comparison's figures. */
  static Official official(List<OfficialSeries.Night> official, List<SeriesEval.NewsNight> news, LocalDate from,
                           LocalDate to, String file) {
    Map<String, NightPair> nights = new java.util.TreeMap<>();
    for (OfficialSeries.Night o : official) {
      if (!o.morning().isBefore(from) && !o.morning().isAfter(to)) {
        nights.put(o.morning() + "|" + o.weapon(), new NightPair(o.morning().toString(), o.weapon(), o.launched(),
            o.destroyed(), null, null));
      }
    }
    for (SeriesEval.NewsNight n : news) {
      NightPair o = nights.get(n.morning() + "|" + n.weapon());
      nights.put(n.morning() + "|" + n.weapon(), new NightPair(n.morning().toString(), n.weapon(),
          o == null ? null : o.officialLaunched(), o == null ? null : o.officialDestroyed(), n.launched(),
          n.intercepted()));
    }
    return new Official(file, new ArrayList<>(nights.values()), SeriesEval.compare(official, news, from, to, 5));
  }

  /** The country's sums and Russia's events over the period, in one aggregation of the day rows. */
  private static Totals totals(Dataset<Row> days, LocalDate from, LocalDate to, List<Column> aggs, Column[] rest) {
    List<Column> more = new ArrayList<>(List.of(rest));
    more.add(sum(when(col("events").gt(0), 1).otherwise(0)).as("active"));
    Row ua = null;
    Row ru = null;
    for (Row r : days.filter(col("area").isin(Areas.NATIONAL, Areas.RUSSIA)).groupBy("area")
        .agg(aggs.get(0), more.toArray(new Column[0])).collectAsList()) {
      ua = Areas.NATIONAL.equals(r.getAs("area")) ? r : ua;
      ru = Areas.RUSSIA.equals(r.getAs("area")) ? r : ru;
    }
    return new Totals(lng(ua, "events"), lng(ru, "events"), dbl(ua, "killed"), dbl(ua, "injured"),
        dbl(ua, "launched"), dbl(ua, "intercepted"), ChronoUnit.DAYS.between(from, to) + 1, lng(ua, "active"),
        byWeapon(ua), byAttacker(ua));
  }

  /** The series of the {@link #TOP_OBLASTS} oblasts with the most events, in that order. */
  private static List<Series> mostHit(Dataset<Row> days, List<AreaTotal> oblasts, List<Column> aggs, Column[] rest) {
    Map<String, Series> out = new LinkedHashMap<>();
    for (AreaTotal a : oblasts.subList(0, Math.min(TOP_OBLASTS, oblasts.size()))) {
      out.put(a.area(), new Series(a.area(), a.name(), new ArrayList<>()));
    }
    if (!out.isEmpty()) {
      for (Row r : days.filter(col("area").isin(out.keySet().toArray())).groupBy("area", "start")
          .agg(aggs.get(0), rest).orderBy("area", "start").collectAsList()) {
        out.get(r.<String>getAs("area")).points().add(point(r));
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Events in Ukraine located at a place or a region (precision 1 or 2), summed per point. */
  private static List<MapPoint> points(Dataset<Row> events) {
    Map<String, String> regions = Coordinates.packed().admin1();
    List<MapPoint> out = new ArrayList<>();
    for (Row r : events.filter(col("country").equalTo(Areas.NATIONAL).and(col("geo_precision").isin(1, 2))
            .and(col("lat").isNotNull()))
        .groupBy(col("lat"), col("lon"), col("geo_precision"), col("place"), col("region_iso"))
        .agg(count(lit(1)).as("events"), sum("killed_median").as("killed"), sum("injured_median").as("injured"))
        .orderBy(col("events").desc(), col("region_iso"), col("place")).limit(MAX_POINTS).collectAsList()) {
      String place = r.getAs("place");
      String region = r.getAs("region_iso");
      String label = place != null ? place + ", " + regions.getOrDefault(region, region)
          : regions.getOrDefault(region, region) + " (region only)";
      out.add(new MapPoint(label, r.getAs("lat"), r.getAs("lon"), r.<Integer>getAs("geo_precision"),
          lng(r, "events"), dbl(r, "killed"), dbl(r, "injured")));
    }
    return out;
  }

  /** The topics with the most dated articles in the period, with their share of the period's articles. */
  private static List<Topic> topics(Lake lake, LocalDate from, LocalDate to) {
    Dataset<Row> day = lake.read(Tables.TOPIC_TRENDS).filter(col("period").equalTo("day")
        .and(col("period_start").between(Date.valueOf(from), Date.valueOf(to))));
    // period_articles repeats the day's article count on every topic's row: one topic's rows count each day once
    Row all = day.groupBy("period_start").agg(max("period_articles").as("n")).agg(sum("n")).first();
    long articles = all.isNullAt(0) ? 0 : all.getLong(0);
    List<Topic> out = new ArrayList<>();
    // a topic's terms: those of its latest day with articles (max_by leaves out the rows whose key is null)
    for (Row r : day.groupBy("topic_id", "label").agg(sum("articles").as("a"),
            max_by(col("top_terms"), when(col("articles").gt(0), col("period_start"))).as("terms"))
        .filter(col("a").gt(0)).orderBy(col("a").desc(), col("topic_id")).limit(TOP_TOPICS).collectAsList()) {
      List<String> terms = r.isNullAt(r.fieldIndex("terms")) ? List.of() : r.getList(r.fieldIndex("terms"));
      out.add(new Topic(r.getAs("topic_id"), r.getAs("label"), lng(r, "a"),
          articles == 0 ? 0 : lng(r, "a") / (double) articles, terms));
    }
    return out;
  }

  static String describe(Period p) {
    return String.format(Locale.ROOT, "%s .. %s: %d events in Ukraine, %d in Russia", p.from(), p.to(),
        p.totals().events(), p.totals().eventsRussia());
  }
}
