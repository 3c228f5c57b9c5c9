package org.frontline.trends;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.SparkTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/** Trend values against expectations computed by hand on a handful of events. */
class TrendsTest extends SparkTest {
  static final StructType EVENT = new StructType()
      .add("event_id", DataTypes.StringType)
      .add("event_date", DataTypes.DateType)
      .add("country", DataTypes.StringType)
      .add("region_iso", DataTypes.StringType)
      .add("weapon", DataTypes.StringType)
      .add("launched_median", DataTypes.DoubleType)
      .add("intercepted_median", DataTypes.DoubleType)
      .add("killed_median", DataTypes.DoubleType)
      .add("injured_median", DataTypes.DoubleType)
      .add("doc_ids", DataTypes.createArrayType(DataTypes.StringType))
      .add("sources", DataTypes.createArrayType(DataTypes.StringType))
      .add("attacker", DataTypes.StringType);

  static Dataset<Row> trends;

  static Row event(String id, String day, String country, String region, String weapon, Double launched,
                   Double intercepted, Double killed, Double injured, List<String> docs, List<String> sources) {
    return RowFactory.create(id, Date.valueOf(day), country, region, weapon, launched, intercepted, killed,
        injured, CollectionConverters.asScala(docs).toSeq(),
        CollectionConverters.asScala(sources).toSeq(), country.equals("RU") ? "UA" : "RU");
  }

  @BeforeAll
  static void compute() {
    List<Row> rows = List.of(
        // Monday 2 March 2026: two strikes on Kharkiv oblast (UA-63) reported by two outlets
        event("e1", "2026-03-02", "UA", "UA-63", "drone", 10.0, 8.0, 1.0, null, List.of("a"), List.of("S1")),
        event("e2", "2026-03-02", "UA", "UA-63", "missile", 4.0, null, null, 3.0, List.of("b"), List.of("S2")),
        // Wednesday: Dnipropetrovsk (UA-12) from two articles, and a national summary
        event("e3", "2026-03-04", "UA", "UA-12", "drone", null, null, 2.0, 2.0, List.of("a", "c"),
            List.of("S1", "S3")),
        event("e4", "2026-03-04", "UA", null, "drone", 100.0, 86.0, null, null, List.of("d"), List.of("S1")),
        // the next week: a strike in Russia's Belgorod region, one outside the range
        event("e5", "2026-03-10", "RU", "RU-BEL", "drone", null, null, null, 1.0, List.of("e"), List.of("S4")),
        event("e6", "2026-04-20", "UA", "UA-63", "drone", 1.0, null, null, null, List.of("f"), List.of("S4")));
    Dataset<Row> events = spark().createDataFrame(rows, EVENT);
    trends = TrendsJob.trends(events, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-15")).cache();
  }

  static Row one(String period, String start, String area) {
    List<Row> r = trends.filter(col("period").equalTo(period).and(col("period_start").equalTo(start))
        .and(col("area").equalTo(area))).collectAsList();
    assertEquals(1, r.size(), period + " " + start + " " + area);
    return r.get(0);
  }

  @Test
  void everyAreaHasARowInEveryPeriod() {
    int areas = Areas.codes().size();
    assertEquals(29, areas);
    assertEquals(15L * areas, trends.filter(col("period").equalTo("day")).count());
    // ISO weeks starting 23 Feb, 2 Mar, 9 Mar (15 Mar is a Sunday)
    assertEquals(3L * areas, trends.filter(col("period").equalTo("week")).count());
    assertEquals(areas, trends.filter(col("period").equalTo("month")).count());
    Row quiet = one("day", "2026-03-03", "UA-63");
    assertEquals(0L, quiet.<Long>getAs("events"));
    assertEquals(0.0, quiet.<Double>getAs("killed"));
    assertNull(quiet.getAs("launched_median"));
    assertEquals("Kharkiv Oblast", quiet.getAs("area_name"));
    assertEquals("oblast", quiet.getAs("area_kind"));
  }

  @Test
  void dayFigures() {
    Row k = one("day", "2026-03-02", "UA-63");
    assertEquals(2L, k.<Long>getAs("events"));
    assertEquals(1L, k.<Long>getAs("events_drone"));
    assertEquals(1L, k.<Long>getAs("events_missile"));
    assertEquals(0L, k.<Long>getAs("events_artillery"));
    assertEquals(14.0, k.<Double>getAs("launched_sum"));
    assertEquals(7.0, k.<Double>getAs("launched_median"));
    assertEquals(8.0, k.<Double>getAs("intercepted_sum"));
    assertEquals(1.0, k.<Double>getAs("killed"));
    assertEquals(3.0, k.<Double>getAs("injured"));
    assertEquals(2L, k.<Long>getAs("articles"));
    assertEquals(2L, k.<Long>getAs("sources"));
    assertTrue(k.<Boolean>getAs("complete"));
    Row ua = one("day", "2026-03-04", "UA");
    assertEquals(2L, ua.<Long>getAs("events"), "the UA-12 strike and the national summary");
    assertEquals(100.0, ua.<Double>getAs("launched_sum"));
    assertEquals(2.0, ua.<Double>getAs("killed"));
    assertEquals(3L, ua.<Long>getAs("articles"), "a, c, d");
    assertEquals(2L, ua.<Long>getAs("sources"), "S1, S3");
    assertEquals(0L, one("day", "2026-03-04", "UA-63").<Long>getAs("events"));
    assertEquals(1L, one("day", "2026-03-10", "RU").<Long>getAs("events"));
    assertEquals(0L, one("day", "2026-03-10", "UA").<Long>getAs("events"));
    // who struck: Russia's strikes on Kharkiv oblast, Ukraine's on Belgorod
    assertEquals(2L, k.<Long>getAs("events_by_ru"));
    assertEquals(0L, k.<Long>getAs("events_by_ua"));
    assertEquals(1L, one("day", "2026-03-10", "RU").<Long>getAs("events_by_ua"));
    assertEquals(0L, one("day", "2026-03-10", "RU").<Long>getAs("events_by_unknown"));
  }

  @Test
  void weekAndMonthFigures() {
    Row w = one("week", "2026-03-02", "UA");
    assertEquals(4L, w.<Long>getAs("events"));
    assertEquals(3L, w.<Long>getAs("events_drone"));
    assertEquals(114.0, w.<Double>getAs("launched_sum"));
    assertEquals(10.0, w.<Double>getAs("launched_median"), "median of 10, 4, 100");
    assertEquals(4L, w.<Long>getAs("articles"));
    assertEquals(3L, w.<Long>getAs("sources"));
    assertEquals(0L, w.<Long>getAs("events_prev"));
    assertEquals(4L, w.<Long>getAs("wow_change"));
    assertNull(w.getAs("wow_change_pct"), "no events the week before: no percentage");
    Row next = one("week", "2026-03-09", "UA");
    assertEquals(0L, next.<Long>getAs("events"));
    assertEquals(-4L, next.<Long>getAs("wow_change"));
    assertEquals(-1.0, next.<Double>getAs("wow_change_pct"));
    assertTrue(next.<Boolean>getAs("complete"), "the week ends on 15 March, the range's last day");
    assertFalse(one("week", "2026-02-23", "UA").<Boolean>getAs("complete"), "starts before the range");
    Row m = one("month", "2026-03-01", "UA");
    assertEquals(4L, m.<Long>getAs("events"), "the 20 April strike is outside the range");
    assertEquals(LocalDate.parse("2026-03-31"), m.<Date>getAs("period_end").toLocalDate());
    assertFalse(m.<Boolean>getAs("complete"));
    assertEquals(1L, one("month", "2026-03-01", "RU").<Long>getAs("events"));
  }

  @Test
  void rollingAverageAndWeekOverWeek() {
    // days 1..14 of a series with 1..14 events
    StructType s = new StructType().add("period", DataTypes.StringType).add("period_start", DataTypes.DateType)
        .add("area", DataTypes.StringType).add("events", DataTypes.LongType)
        .add("launched_sum", DataTypes.DoubleType).add("killed", DataTypes.DoubleType)
        .add("injured", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int d = 1; d <= 14; d++) {
      rows.add(RowFactory.create("day", Date.valueOf(LocalDate.of(2026, 3, d)), "UA-63", (long) d, 2.0 * d, 0.0,
          1.0));
    }
    Dataset<Row> out = new TrendChange().transform(spark().createDataFrame(rows, s)).orderBy("period_start");
    List<Row> r = out.collectAsList();
    assertNull(r.get(5).getAs("events_7d_avg"), "day 6 has no 7 days behind it");
    assertEquals(4.0, r.get(6).<Double>getAs("events_7d_avg"), 1e-12);
    assertEquals(8.0, r.get(6).<Double>getAs("launched_7d_avg"), 1e-12);
    assertEquals(1.0, r.get(6).<Double>getAs("injured_7d_avg"), 1e-12);
    assertEquals(11.0, r.get(13).<Double>getAs("events_7d_avg"), 1e-12);
    assertNull(r.get(12).getAs("wow_change"));
    assertEquals(49L, r.get(13).<Long>getAs("wow_change"), "(8+..+14) - (1+..+7)");
    assertEquals(1.75, r.get(13).<Double>getAs("wow_change_pct"), 1e-12);
    assertEquals(13L, r.get(13).<Long>getAs("events_prev"));
  }

  @Test
  void spikesAgainstARobustBaseline() {
    StructType s = new StructType().add("period", DataTypes.StringType).add("period_start", DataTypes.DateType)
        .add("area", DataTypes.StringType).add("area_name", DataTypes.StringType)
        .add("events", DataTypes.LongType).add("killed", DataTypes.DoubleType);
    long[] series = {1, 2, 1, 2, 1, 2, 1, 2, 10};
    long[] quiet = {0, 0, 0, 0, 2};
    List<Row> rows = new ArrayList<>();
    for (int w = 0; w < series.length; w++) {
      rows.add(RowFactory.create("week", Date.valueOf(LocalDate.of(2026, 1, 5).plusWeeks(w)), "UA-63", "Kharkiv",
          series[w], 0.0));
    }
    for (int w = 0; w < quiet.length; w++) {
      rows.add(RowFactory.create("week", Date.valueOf(LocalDate.of(2026, 1, 5).plusWeeks(w)), "UA-12", "Dnipro",
          quiet[w], 0.0));
    }
    rows.add(RowFactory.create("day", Date.valueOf("2026-01-05"), "UA-63", "Kharkiv", 99L, 0.0));
    List<Row> out = new SpikeDetector().transform(spark().createDataFrame(rows, s))
        .filter(col("metric").equalTo("events")).orderBy("area", "week_start").collectAsList();
    assertEquals(quiet.length + series.length, out.size(), "weeks only, one row per week and area");
    Row last = out.get(out.size() - 1);
    assertEquals(10.0, last.<Double>getAs("value"));
    assertEquals(8, last.<Integer>getAs("baseline_weeks"));
    assertEquals(1.5, last.<Double>getAs("baseline_median"));
    assertEquals(0.5, last.<Double>getAs("baseline_mad"));
    assertEquals(8.5, last.<Double>getAs("z"), 1e-9, "(10 - 1.5) / max(1.4826 * 0.5, 1)");
    assertTrue(last.<Boolean>getAs("spike"));
    assertTrue(last.<String>getAs("reason").startsWith("spike: 10 events against a median of 1.5 over the previous"
        + " 8 weeks (MAD 0.5)"), last.<String>getAs("reason"));
    Row early = out.get(quiet.length + 2);
    assertFalse(early.<Boolean>getAs("spike"));
    assertEquals("baseline too short: 2 of the 4 weeks needed", early.getAs("reason"));
    Row small = out.get(quiet.length - 1);
    assertEquals(2.0, small.<Double>getAs("z"), 1e-9);
    assertFalse(small.<Boolean>getAs("spike"));
    assertEquals("2 events is below the minimum of 3", small.getAs("reason"));
  }

  @Test
  void paramsAreValidatedAndPersisted() throws Exception {
    assertThrows(IllegalArgumentException.class,
        () -> new PeriodAggregator().setRange(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-01")));
    assertThrows(IllegalArgumentException.class, () -> new PeriodAggregator().setPeriod("fortnight"));
    Path dir = Files.createTempDirectory("spike");
    new SpikeDetector().setThreshold(2.5).write().overwrite().save(dir.toString());
    SpikeDetector loaded = SpikeDetector.load(dir.toString());
    assertEquals(2.5, (Double) loaded.getOrDefault(loaded.threshold()), 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrendChange().transform(trends.withColumn("events", col("events").cast("string"))));
    assertTrue(e.getMessage().contains("'events' must be of type bigint but was string"), e.getMessage());
  }
}
