package org.frontline.events;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * The national figures found in the news against an official series, night by night: for each night and weapon
 * class (missile, drone) the official series reports within the lake's span, whether the lake has a national
 * event of that class dated that morning with a launched figure (covered), whether it equals the official one
 * (exact), and by how much it misses (absolute and relative error); the same for intercepted against destroyed;
 * the worst nights with the sentence the figure was read from.
 */
public final class SeriesEval {
  private SeriesEval() {}

  /** The weapon classes an official series counts. */
  static final List<String> WEAPONS = List.of("missile", "drone");

  /** One night's national figures of one class in the lake: the event with the largest launched figure. */
  public record NewsNight(LocalDate morning, String weapon, double launched, Double intercepted, String eventId,
                          String sentence, List<String> docIds) {}

  /** The national events of the lake with a launched figure, one per morning and class (small: collected). */
  public static List<NewsNight> news(Dataset<Row> events) {
    List<NewsNight> out = new ArrayList<>();
    for (Row r : events.filter(col("country").equalTo("UA").and(col("region_iso").isNull())
            .and(col("weapon").isin(WEAPONS.toArray())).and(col("launched_median").isNotNull()))
        .groupBy(col("event_date"), col("weapon"))
        .agg(max_by(struct(col("launched_median"), col("intercepted_median"), col("event_id"),
            col("example_sentence"), col("doc_ids")), struct(col("launched_median"), col("event_id"))).as("e"))
        .orderBy("event_date", "weapon").collectAsList()) {
      Row e = r.getStruct(2);
      out.add(new NewsNight(r.getDate(0).toLocalDate(), r.getString(1), e.getDouble(0),
          e.isNullAt(1) ? null : e.getDouble(1), e.getString(2), e.getString(3), e.getList(4)));
    }
    return out;
  }

  private static String key(LocalDate d, String weapon) {
    return d + "|" + weapon;
  }

  /**
   * The comparison over the official nights from {@code from} to {@code to} (the lake's span; null: no bound),
   * with the {@code worst} nights by absolute error of the launched figure.
   */
  public static Map<String, Object> compare(List<OfficialSeries.Night> official, List<NewsNight> news,
                                            LocalDate from, LocalDate to, int worst) {
    return compare(official, news, from, to, worst, null);
  }

  /**
   * As {@link #compare(List, List, LocalDate, LocalDate, int)}; with {@code publishedDays} (the days the lake has
   * articles of), also the coverage of the official nights the corpus could report: those with an article
   * published on their morning or the day after.
   */
  public static Map<String, Object> compare(List<OfficialSeries.Night> official, List<NewsNight> news,
                                            LocalDate from, LocalDate to, int worst,
                                            java.util.Set<LocalDate> publishedDays) {
    Map<String, NewsNight> byNight = new HashMap<>();
    news.forEach(n -> byNight.put(key(n.morning(), n.weapon()), n));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", from == null ? null : from.toString());
    out.put("to", to == null ? null : to.toString());
    List<Map<String, Object>> misses = new ArrayList<>();
    Map<String, Object> perWeapon = new LinkedHashMap<>();
    List<Scored> all = new ArrayList<>();
    for (String w : WEAPONS) {
      List<Scored> scored = new ArrayList<>();
      long nights = 0;
      for (OfficialSeries.Night o : official) {
        boolean inSpan = (from == null || !o.morning().isBefore(from)) && (to == null || !o.morning().isAfter(to));
        if (!o.weapon().equals(w) || !inSpan || o.launched() <= 0) {
          continue;
        }
        nights++;
        NewsNight n = byNight.get(key(o.morning(), w));
        if (n != null) {
          scored.add(new Scored(o, n, byNight.get(key(o.morning().minusDays(1), w)),
              byNight.get(key(o.morning().plusDays(1), w))));
        }
      }
      Map<String, Object> f = figures(nights, scored, official, news, w, from, to);
      if (publishedDays != null) {
        reportable(f, official, scored, w, from, to, publishedDays);
      }
      perWeapon.put(w, f);
      all.addAll(scored);
    }
    long nightsAll = 0;
    for (Object v : perWeapon.values()) {
      nightsAll += (Long) ((Map<?, ?>) v).get("official_nights");
    }
    Map<String, Object> allFigures = figures(nightsAll, all, official, news, null, from, to);
    if (publishedDays != null) {
      reportable(allFigures, official, all, null, from, to, publishedDays);
    }
    out.put("all", allFigures);
    out.putAll(perWeapon);
    all.sort(Comparator.comparingDouble((Scored s) -> -s.absError()).thenComparing(s -> s.official().morning())
        .thenComparing(s -> s.official().weapon()));
    for (Scored s : all.subList(0, Math.min(worst, all.size()))) {
      if (s.absError() == 0) {
        break;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("morning", s.official().morning().toString());
      m.put("weapon", s.official().weapon());
      m.put("official_launched", s.official().launched());
      m.put("official_destroyed", s.official().destroyed());
      m.put("news_launched", s.news().launched());
      m.put("news_intercepted", s.news().intercepted());
      m.put("event_id", s.news().eventId());
      m.put("doc_ids", s.news().docIds());
      m.put("sentence", s.news().sentence());
      misses.add(m);
    }
    out.put("worst", misses);
    return out;
  }

  /** An official night with the news' figures of that morning (and of the mornings beside it, or null). */
  private record Scored(OfficialSeries.Night official, NewsNight news, NewsNight dayBefore, NewsNight dayAfter) {
    double absError() {
      return Math.abs(news.launched() - official.launched());
    }

    boolean exact() {
      return news.launched() == official.launched();
    }

    /** The news' figure equals the official one on the morning before or after: read for the wrong night. */
    boolean offByADay() {
      return !exact() && ((dayBefore != null && dayBefore.launched() == official.launched())
          || (dayAfter != null && dayAfter.launched() == official.launched()));
    }
  }

  private static Map<String, Object> figures(long nights, List<Scored> scored, List<OfficialSeries.Night> official,
                                             List<NewsNight> news, String weapon, LocalDate from, LocalDate to) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("official_nights", nights);
    m.put("covered", (long) scored.size());
    m.put("coverage", rate(scored.size(), nights));
    m.put("launched_exact", scored.stream().filter(Scored::exact).count());
    m.put("launched_exact_share", rate(scored.stream().filter(Scored::exact).count(), scored.size()));
    m.put("launched_off_by_a_day", scored.stream().filter(Scored::offByADay).count());
    m.put("launched_median_abs_error", median(scored.stream().map(Scored::absError).toList()));
    m.put("launched_median_rel_error", median(scored.stream()
        .map(s -> s.absError() / s.official().launched()).toList()));
    List<Scored> both = scored.stream().filter(s -> s.news().intercepted() != null
        && s.official().destroyed() != null).toList();
    m.put("intercepted_compared", (long) both.size());
    m.put("intercepted_exact_share", rate(both.stream().filter(s -> s.news().intercepted().doubleValue()
        == s.official().destroyed()).count(), both.size()));
    m.put("intercepted_median_abs_error", median(both.stream()
        .map(s -> Math.abs(s.news().intercepted() - s.official().destroyed())).toList()));
    // national figures in the news on mornings the series has no national report of that class
    java.util.Set<String> officialKeys = new java.util.HashSet<>();
    official.forEach(o -> officialKeys.add(key(o.morning(), o.weapon())));
    m.put("news_only_nights", news.stream().filter(n -> (weapon == null || n.weapon().equals(weapon))
        && (from == null || !n.morning().isBefore(from)) && (to == null || !n.morning().isAfter(to))
        && !officialKeys.contains(key(n.morning(), n.weapon()))).count());
    return m;
  }

  /** The official nights with an article published on their morning or the day after, and how many are covered. */
  private static void reportable(Map<String, Object> f, List<OfficialSeries.Night> official, List<Scored> scored,
                                 String weapon, LocalDate from, LocalDate to, java.util.Set<LocalDate> days) {
    long n = 0;
    long covered = 0;
    java.util.Set<String> coveredKeys = new java.util.HashSet<>();
    scored.forEach(s -> coveredKeys.add(key(s.official().morning(), s.official().weapon())));
    for (OfficialSeries.Night o : official) {
      boolean inSpan = (from == null || !o.morning().isBefore(from)) && (to == null || !o.morning().isAfter(to));
      boolean reported = days.contains(o.morning()) || days.contains(o.morning().plusDays(1));
      if ((weapon == null || o.weapon().equals(weapon)) && inSpan && o.launched() > 0 && reported) {
        n++;
        covered += coveredKeys.contains(key(o.morning(), o.weapon())) ? 1 : 0;
      }
    }
    f.put("official_nights_with_articles", n);
    f.put("covered_of_nights_with_articles", covered);
    f.put("coverage_of_nights_with_articles", rate(covered, n));
  }

  /** The distinct days the articles were published on (a few thousand at most: collected). */
  public static java.util.Set<LocalDate> publishedDays(Dataset<Row> articles) {
    java.util.Set<LocalDate> days = new java.util.HashSet<>();
    for (Row r : articles.select("published_date").where(col("published_date").isNotNull()).distinct()
        .collectAsList()) {
      days.add(r.getDate(0).toLocalDate());
    }
    return days;
  }

  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> v = new ArrayList<>(values);
    v.sort(Double::compare);
    int n = v.size();
    double m = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    return Math.round(m * 1000) / 1000.0;
  }

  private static Double rate(long k, long n) {
    return n == 0 ? null : Math.round(1000.0 * k / n) / 1000.0;
  }
}
