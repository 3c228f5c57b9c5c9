package org.frontline.trends;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;
import org.frontline.common.Concurrently;
import org.frontline.common.Progress;
import org.frontline.events.EventsJob;
import org.frontline.lake.Lake;
import org.frontline.lake.Tables;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Stage {@code trends}: events → {@code strike_trends} and {@code spikes}. Top to bottom: EventSources
 * (the distinct outlets behind each event) → {@link EventAreas} → {@link PeriodAggregator} per day, week and
 * month (zero-filled from the first event to the lake's last day) → {@link TrendChange} → names →
 * {@link SpikeDetector} on the weeks → write. Given {@code changedFrom} (the earliest event date a nightly
 * run changed), only the rows from that date on are recomputed and replaced; earlier rows are untouched.
 */
public final class TrendsJob {
  /** Days of events read before {@code changedFrom}: enough for every window (14 days, 8+1 weeks, a month). */
  static final int LOOKBACK_DAYS = 9 * 7 + 31;

  /** Options of the trends stage, validated at construction. */
  public record Options(int baselineWeeks, double spikeThreshold, LocalDate changedFrom, boolean incremental) {
    public Options {
      if (baselineWeeks < 2 || baselineWeeks > 8) {
        throw new IllegalArgumentException("--baseline-weeks must be in 2..8 (the rows read before a change"
            + " cover 8 weeks)");
      }
      if (!(spikeThreshold > 0)) {
        throw new IllegalArgumentException("--spike-threshold must be positive");
      }
    }

    public static Options defaults() {
      return new Options(SpikeDetector.DEFAULT_BASELINE_WEEKS, SpikeDetector.DEFAULT_THRESHOLD, null, false);
    }

    /**
     * The nightly form: rows from {@code date} on are recomputed (null: no event changed), and the days the
     * lake gained after the table's last day are added.
     */
    public Options incremental(LocalDate date) {
      return new Options(baselineWeeks, spikeThreshold, date, true);
    }
  }

  private final Lake lake;
  private final Options options;

  public TrendsJob(Lake lake, Options options) {
    this.lake = lake;
    this.options = options;
  }

  /** Per event: the distinct sources (outlet, or the article id when it has none) of its articles. */
  public static Dataset<Row> eventSources(Dataset<Row> events, Dataset<Row> articles) {
    Dataset<Row> docs = events.select(col("event_id"), explode(col("doc_ids")).as("doc_id"));
    Dataset<Row> bySource = docs.join(articles.select(col("doc_id"), col("source")), "doc_id")
        .groupBy(col("event_id"))
        .agg(sort_array(collect_set(coalesce(col("source"), col("doc_id")))).as("sources"));
    return events.join(bySource, new String[] {"event_id"}, "left")
        .withColumn("sources", coalesce(col("sources"), col("doc_ids")));
  }

  /** The areas' kind and name, as a small frame to join. */
  static Dataset<Row> areaNames(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (String code : Areas.codes()) {
      rows.add(RowFactory.create(code, Areas.kind(code), Areas.name(code)));
    }
    StructType s = new StructType().add("area", DataTypes.StringType, false)
        .add("area_kind", DataTypes.StringType, false).add("area_name", DataTypes.StringType, false);
    return spark.createDataFrame(rows, s);
  }

  /**
   * The trend rows of {@code events} (events table columns plus {@code sources}) from {@code start} to
   * {@code end}: every period, every area, with change columns and names.
   */
  public static Dataset<Row> trends(Dataset<Row> eventsWithSources, LocalDate start, LocalDate end) {
    Dataset<Row> placed = new EventAreas().transform(eventsWithSources);
    Dataset<Row> all = null;
    for (String period : Tables.PERIODS) {
      Dataset<Row> one = new PeriodAggregator().setPeriod(period).setRange(start, end).transform(placed);
      all = all == null ? one : all.unionByName(one);
    }
    Dataset<Row> changed = new TrendChange().transform(all);
    return changed.join(broadcast(areaNames(eventsWithSources.sparkSession())), "area")
        .select(columns(Tables.STRIKE_TRENDS_SCHEMA));
  }

  /** The spikes of trend rows (only their weeks are read). */
  public Dataset<Row> spikes(Dataset<Row> trends) {
    return new SpikeDetector().setBaselineWeeks(options.baselineWeeks()).setThreshold(options.spikeThreshold())
        .transform(trends);
  }

  private static Column[] columns(StructType schema) {
    return Arrays.stream(schema.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
  }

  /** Writes the trend and spike tables (whole, or from the first changed day when incremental). */
  public TrendsResult run() {
    Progress p = Progress.start("trends", "reading events");
    Dataset<Row> events = lake.read(Tables.EVENTS).filter(col("country").isin(Areas.NATIONAL, Areas.RUSSIA));
    Dataset<Row> articles = lake.read(Tables.ARTICLES);
    Row eb = events.agg(min("event_date"), max("event_date")).first();
    Row ab = articles.agg(max("published_date")).first();
    if (eb.isNullAt(0)) {
      Progress.info("trends", "no dated events: writing empty trend tables");
      SparkSession spark = events.sparkSession();
      lake.overwrite(Tables.STRIKE_TRENDS, spark.createDataFrame(List.of(), Tables.STRIKE_TRENDS_SCHEMA));
      lake.overwrite(Tables.SPIKES, spark.createDataFrame(List.of(), Tables.SPIKES_SCHEMA));
      p.done("no events");
      return new TrendsResult.Empty();
    }
    LocalDate first = eb.getDate(0).toLocalDate();
    LocalDate end = eb.getDate(1).toLocalDate();
    if (!ab.isNullAt(0) && ab.getDate(0).toLocalDate().isAfter(end)) {
      end = ab.getDate(0).toLocalDate();
    }
    LocalDate from = options.changedFrom();
    if (options.incremental() && lake.exists(Tables.STRIKE_TRENDS)) {
      Row had = lake.read(Tables.STRIKE_TRENDS).filter(col("period").equalTo("day")).agg(max("period_start")).first();
      if (!had.isNullAt(0) && had.getDate(0).toLocalDate().isBefore(end)) {
        LocalDate next = had.getDate(0).toLocalDate().plusDays(1);
        from = from == null || next.isBefore(from) ? next : from;
      }
      if (from == null) {
        p.done("no event changed and no new day: trend tables unchanged");
        return new TrendsResult.Unchanged();
      }
    } else if (options.incremental()) {
      from = null;
    }
    LocalDate start = first;
    if (from != null) {
      LocalDate lookback = from.minusDays(LOOKBACK_DAYS).withDayOfMonth(1)
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      start = lookback.isAfter(first) ? lookback : first;
      if (from.isAfter(end)) {
        from = end;
      }
    }
    Progress.info("trends", "days " + start + " .. " + end + (from == null ? "" : ", replacing rows from " + from));
    // the articles of the days the events can come from only: a night reads the lake's recent partitions
    Dataset<Row> withSources = eventSources(events.filter(col("event_date").geq(lit(Date.valueOf(start)))),
        articles.filter(EventsJob.canReportFrom(start)));
    Dataset<Row> trends = ColumnTransformer.materialize(trends(withSources, start, end));
    Dataset<Row> spikes = ColumnTransformer.materialize(spikes(trends));
    // the two tables, two commits, side by side: each reads its materialised frame only
    if (from == null) {
      Concurrently.run("trends-write", () -> lake.overwrite(Tables.STRIKE_TRENDS, trends),
          () -> lake.overwrite(Tables.SPIKES, spikes));
    } else {
      // the rows of every period that ends on or after the first changed day
      LocalDate changed = from;
      LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      Concurrently.run("trends-write",
          () -> lake.replaceDays(Tables.STRIKE_TRENDS, trends.filter(col("period_end").geq(lit(Date.valueOf(changed)))),
              "period_end", changed, null),
          () -> lake.replaceDays(Tables.SPIKES, spikes.filter(col("week_start").geq(lit(Date.valueOf(week)))),
              "week_start", week, null));
    }
    Row t = trends.agg(count(lit(1)), sum(when(col("period").equalTo("day").and(col("area").equalTo("UA")),
        col("events")))).first();
    long flagged = spikes.filter(col("spike")).count();
    p.done(String.format("%,d trend rows over %s .. %s, %d spike(s) flagged", t.getLong(0), first, end, flagged));
    return new TrendsResult.Written(first, end, from == null ? first : from, t.getLong(0),
        t.isNullAt(1) ? 0L : t.getLong(1), flagged);
  }
}
