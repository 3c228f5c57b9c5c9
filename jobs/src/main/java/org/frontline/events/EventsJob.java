package org.frontline.events;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.common.ColumnTransformer;
import org.frontline.common.Progress;
import org.frontline.lake.Lake;
import org.frontline.lake.RunSummary;
import org.frontline.lake.Tables;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;
import static org.frontline.common.ColumnTransformer.spread;

/**
 * Stage {@code events}: mentions → events. Keys each dated mention with {@link EventKeyer} and aggregates
 * the mentions of one strike into one row: how many mentions, articles and sources report it, which
 * documents, each figure's median, minimum and maximum across them, and where to draw it
 * ({@link EventGeocoder}). Every count in later trend tables
 * comes from this table.
 */
public final class EventsJob {
  /**
   * Days before an event's date from which articles are read for its sources. An article is published at
   * most a day before the date of a strike it reports (a later date is a misread and dropped), and a mention
   * joins only an event dated on or before its own date, so a day would do; the margin is a month.
   */
  static final int SOURCE_MARGIN_DAYS = 31;

  /**
   * True for the articles that can be sources of the events dated {@code from} or later: those published from
   * {@link #SOURCE_MARGIN_DAYS} before it on, and the undated. A stage joining recent events to their articles
   * reads the articles' recent partitions only, not the whole lake.
   */
  public static Column canReportFrom(LocalDate from) {
    return col("published_date").geq(lit(Date.valueOf(from.minusDays(SOURCE_MARGIN_DAYS))))
        .or(col("published_date").isNull());
  }

  private final Lake lake;

  public EventsJob(Lake lake) {
    this.lake = lake;
  }

  /** The events of a frame of mentions (columns of the mentions table). */
  public static Dataset<Row> events(Dataset<Row> mentions) {
    Dataset<Row> keyed = new EventKeyer().transform(mentions).filter(col("event_id").isNotNull());
    // the output columns in order; the two distinct counts are the sizes of sets, filled in after the
    // aggregation: a count_distinct aggregate makes Spark expand every mention once per distinct column
    Map<String, Column> columns = new LinkedHashMap<>();
    columns.put("event_date", first(col("event_day")));
    // ACLED's time_precision: 1 when a source gives the day (a date, "overnight", "on Tuesday"), 2 when the
    // day is only that of publication
    columns.put("time_precision", min(when(col("date_basis").isin(OWN_DAY), 1).otherwise(2)));
    columns.put("country", first(col("country")));
    columns.put("attacker", first(col("attacker")));
    columns.put("region_iso", first(col("region_iso"), true));
    columns.put("place", first(col("event_place"), true));
    columns.put("weapon", first(col("event_weapon")));
    columns.put("weapon_model", mode(col("weapon_model"), true));
    columns.put("n_mentions", count(lit(1)));
    columns.put("n_articles", null);
    columns.put("n_sources", null);
    columns.put("doc_ids", sort_array(collect_set(col("doc_id"))));
    columns.put("mention_ids", sort_array(collect_set(col("mention_id"))));
    columns.put("launched_qualifier", max_by(col("launched_qualifier"), struct(col("launched"), col("mention_id"))));
    for (String f : Tables.FIGURES) {
      columns.put(f + "_median", median(col(f)));
      columns.put(f + "_min", min(col(f)));
      columns.put(f + "_max", max(col(f)));
    }
    columns.put("first_published", min(col("published_date")));
    columns.put("confidence", max(col("confidence")));
    columns.put("example_sentence", max_by(col("sentence"), struct(col("confidence"), col("mention_id"))));
    List<Column> aggs = new ArrayList<>();
    columns.forEach((name, c) -> {
      if (c != null) {
        aggs.add(c.as(name));
      }
    });
    aggs.add(collect_set(coalesce(col("source"), col("doc_id"))).as("__sources"));
    // spread over every core: adaptive execution would coalesce the few MB of mentions to two or three tasks,
    // and the medians and sets make this aggregation CPU work
    Dataset<Row> grouped = spread(keyed, col("event_id")).groupBy(col("event_id"))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    List<Column> out = new ArrayList<>(List.of(col("event_id")));
    for (String name : columns.keySet()) {
      out.add(name.equals("n_articles") ? size(col("doc_ids")).cast("long").as(name)
          : name.equals("n_sources") ? size(col("__sources")).cast("long").as(name) : col(name));
    }
    return new EventGeocoder().transform(grouped.select(out.toArray(new Column[0])));
  }

  /** The date bases ({@code mentions.date_basis}) that read the day from the article's own words. */
  static final String[] OWN_DAY = {"explicit", "relative", "inherited", "anchor"};

  /** Rewrites the events table from every mention. */
  public EventsResult.Full run() {
    Progress p = Progress.start("events", "reading mentions");
    Dataset<Row> mentions = lake.read(Tables.MENTIONS);
    Dataset<Row> events = ColumnTransformer.materialize(events(mentions));
    // one pass over the materialised events and one over the mentions for the totals
    Row e = events.agg(count(lit(1)), sum(when(col("region_iso").isNull(), 1).otherwise(0)),
        sum(when(col("n_articles").gt(1), 1).otherwise(0))).first();
    long n = e.getLong(0);
    Progress.info("events", "writing " + n + " events");
    lake.overwrite(Tables.EVENTS, events);
    Row m = mentions.agg(count(lit(1)), sum(when(col("event_date").isNull(), 1).otherwise(0))).first();
    long nMentions = m.getLong(0);
    long undated = m.isNullAt(1) ? 0L : m.getLong(1);
    Map<String, Long> byWeapon = RunSummary.counts(events, "weapon");
    p.done(n + " events from " + (nMentions - undated) + " dated mentions (" + undated + " undated left out)");
    return new EventsResult.Full(nMentions, undated, n, e.isNullAt(1) ? 0L : e.getLong(1),
        e.isNullAt(2) ? 0L : e.getLong(2), byWeapon);
  }

  /**
   * The nightly form of the stage: only the events a change of mentions dated {@code from .. to} can
   * touch are recomputed. A mention joins an event up to {@code maxLagDays} (L) before its own date, so a
   * changed mention can change the events of {@code from - L .. to}, and, by taking over the mentions of the
   * L days after it (a late report now joining it), those of {@code to .. to + L}. The events dated
   * {@code from - L .. to + L} are rebuilt from the mentions dated {@code from - 2L .. to + 2L} (every mention
   * that can join them, and every dated mention those can take a date from) and replace the rows of those
   * days; the result equals a full recomputation.
   */
  public EventsResult.Recomputed runBetween(LocalDate from, LocalDate to) {
    EventKeyer keyer = new EventKeyer();
    int lag = ((Number) keyer.getOrDefault(keyer.maxLagDays())).intValue();
    LocalDate first = from.minusDays(lag);
    LocalDate last = to.plusDays(lag);
    Progress p = Progress.start("events", "recomputing the events of " + first + " .. " + last);
    Column readRange = col("event_date").between(lit(Date.valueOf(from.minusDays(2L * lag))),
        lit(Date.valueOf(to.plusDays(2L * lag))));
    Column writeRange = col("event_date").between(lit(Date.valueOf(first)), lit(Date.valueOf(last)));
    Dataset<Row> events = ColumnTransformer.materialize(events(lake.read(Tables.MENTIONS).filter(readRange))
        .filter(writeRange));
    long n = events.count();
    lake.replaceDays(Tables.EVENTS, events, "event_date", first, last);
    p.done(n + " events on " + first + " .. " + last);
    return new EventsResult.Recomputed(first, last, n);
  }
}
