package org.frontline.trends;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;
import org.frontline.lake.Tables;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Event rows placed in areas ({@link EventAreas}) → one row per area and calendar period between
 * {@link #startDate()} and {@link #endDate()}, every area in every period: a period without events is a row
 * of zeros, not a missing row. Per row: events (and per weapon class and per attacker), sum and median of the events'
 * launched and intercepted figures, killed and injured, distinct articles and sources.
 * Input columns: {@code area, event_date, weapon, attacker, launched_median, intercepted_median, killed_median,
 * injured_median, doc_ids, sources}.
 */
public final class PeriodAggregator extends ColumnTransformer {
  private final Param<String> period;
  private final Param<String> startDate;
  private final Param<String> endDate;
  private final StringArrayParam areas;

  public PeriodAggregator() {
    this(newUid("periodAggregator"));
  }

  public PeriodAggregator(String uid) {
    super(uid);
    period = new Param<>(this, "period", "calendar period: day, week (ISO, Monday start) or month",
        ParamValidators.inArray(Tables.PERIODS.toArray(new String[0])));
    setDefault(period, "day");
    startDate = param("startDate", "first day covered (yyyy-MM-dd); its period is the first row", "");
    endDate = param("endDate", "last day covered (yyyy-MM-dd); later events are left out", "");
    areas = new StringArrayParam(this, "areas", "area codes that get a row in every period");
    setDefault(areas, Areas.codes().toArray(new String[0]));
  }

  public Param<String> period() { return period; }
  public Param<String> startDate() { return startDate; }
  public Param<String> endDate() { return endDate; }
  public StringArrayParam areas() { return areas; }

  public PeriodAggregator setPeriod(String value) {
    set(period, value);
    return this;
  }

  public PeriodAggregator setRange(LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("endDate " + end + " is before startDate " + start);
    }
    return setStartDate(start).setEndDate(end);
  }

  /** The first day covered: an ISO date ({@code yyyy-MM-dd}), or "" for unset; anything else is refused. */
  public PeriodAggregator setStartDate(String value) {
    set(startDate, isoDateOrEmpty(startDate, value));
    return this;
  }

  /** The first day covered; null for unset. */
  public PeriodAggregator setStartDate(LocalDate value) {
    return setStartDate(value == null ? "" : value.toString());
  }

  /** The last day covered: an ISO date ({@code yyyy-MM-dd}), or "" for unset; anything else is refused. */
  public PeriodAggregator setEndDate(String value) {
    set(endDate, isoDateOrEmpty(endDate, value));
    return this;
  }

  /** The last day covered; null for unset. */
  public PeriodAggregator setEndDate(LocalDate value) {
    return setEndDate(value == null ? "" : value.toString());
  }

  /** {@code value} when it is "" (unset) or an ISO date; else an IllegalArgumentException naming the param. */
  private static String isoDateOrEmpty(Param<String> param, String value) {
    if (value != null && (value.isEmpty() || value.length() == 10 && isIsoDate(value))) {
      return value;
    }
    throw new IllegalArgumentException(param.name() + " must be an ISO date (yyyy-MM-dd) or empty, not '"
        + value + "'");
  }

  private static boolean isIsoDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  public PeriodAggregator setAreas(String... codes) {
    set(areas, codes);
    return this;
  }

  /** The first day of the period of {@code date} (a date column). */
  public static Column periodStart(String period, Column date) {
    switch (period) {
      case "day": return date;
      case "week": return to_date(date_trunc("week", date));
      case "month": return trunc(date, "MM");
      default: throw new IllegalArgumentException("unknown period " + period);
    }
  }

  /** The last day of the period starting at {@code start}. */
  public static Column periodEnd(String period, Column start) {
    switch (period) {
      case "day": return start;
      case "week": return date_add(start, 6);
      case "month": return last_day(start);
      default: throw new IllegalArgumentException("unknown period " + period);
    }
  }

  private static Column step(String period) {
    switch (period) {
      case "day": return expr("INTERVAL 1 DAY");
      case "week": return expr("INTERVAL 7 DAYS");
      default: return expr("INTERVAL 1 MONTH");
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, "area", DataTypes.StringType);
    requireColumn(schema, "event_date", DataTypes.DateType);
    requireColumn(schema, "weapon", DataTypes.StringType);
    requireColumn(schema, "attacker", DataTypes.StringType);
    for (String f : Tables.FIGURES) {
      requireColumn(schema, f + "_median", DataTypes.DoubleType);
    }
    requireColumn(schema, "doc_ids", DataTypes.createArrayType(DataTypes.StringType, false),
        DataTypes.createArrayType(DataTypes.StringType, true));
    requireColumn(schema, "sources", DataTypes.createArrayType(DataTypes.StringType, false),
        DataTypes.createArrayType(DataTypes.StringType, true));
    if ($(startDate).isEmpty() || $(endDate).isEmpty()) {
      throw new IllegalArgumentException("PeriodAggregator needs startDate and endDate (setRange)");
    }
    StructType out = Tables.STRIKE_TRENDS_SCHEMA;
    return new StructType(Arrays.stream(out.fields())
        .filter(f -> !f.name().equals("area_kind") && !f.name().equals("area_name")
            && !f.name().equals("events_prev") && !f.name().contains("_7d_") && !f.name().startsWith("wow_"))
        .toArray(StructField[]::new));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    String p = $(period);
    Column lo = to_date(lit($(startDate)));
    Column hi = to_date(lit($(endDate)));
    Dataset<Row> rows = dataset.toDF()
        .filter(col("event_date").between(lo, hi))
        .withColumn("period_start", periodStart(p, col("event_date")));
    List<Column> aggs = new ArrayList<>();
    for (String w : Tables.WEAPONS) {
      aggs.add(sum(when(col("weapon").equalTo(w), 1L).otherwise(0L)).as("events_" + w));
    }
    for (String a : Tables.ATTACKERS) {
      aggs.add(sum(when(col("attacker").equalTo(a), 1L).otherwise(0L)).as(Tables.attackerColumn(a)));
    }
    aggs.add(sum(col("launched_median")).as("launched_sum"));
    aggs.add(median(col("launched_median")).as("launched_median"));
    aggs.add(sum(col("intercepted_median")).as("intercepted_sum"));
    aggs.add(median(col("intercepted_median")).as("intercepted_median"));
    aggs.add(sum(col("killed_median")).as("killed"));
    aggs.add(sum(col("injured_median")).as("injured"));
    aggs.add(size(array_distinct(flatten(collect_list(col("doc_ids"))))).cast("long").as("articles"));
    aggs.add(size(array_distinct(flatten(collect_list(col("sources"))))).cast("long").as("sources"));
    Dataset<Row> counts = rows.groupBy(col("area"), col("period_start"))
        .agg(count(lit(1)).as("events"), aggs.toArray(new Column[0]));
    Column[] areaLits = Arrays.stream($(areas)).map(a -> lit(a)).toArray(Column[]::new);
    Dataset<Row> calendar = dataset.sparkSession().range(1)
        .select(explode(sequence(periodStart(p, lo), hi, step(p))).as("period_start"))
        .crossJoin(dataset.sparkSession().range(1).select(explode(array(areaLits)).as("area")));
    List<Column> out = new ArrayList<>();
    out.add(lit(p).as("period"));
    out.add(col("period_start"));
    out.add(periodEnd(p, col("period_start")).as("period_end"));
    out.add(col("period_start").geq(lo).and(periodEnd(p, col("period_start")).leq(hi)).as("complete"));
    out.add(col("area"));
    out.add(coalesce(col("events"), lit(0L)).as("events"));
    for (String w : Tables.WEAPONS) {
      out.add(coalesce(col("events_" + w), lit(0L)).as("events_" + w));
    }
    for (String a : Tables.ATTACKERS) {
      out.add(coalesce(col(Tables.attackerColumn(a)), lit(0L)).as(Tables.attackerColumn(a)));
    }
    for (String f : List.of("launched_sum", "launched_median", "intercepted_sum", "intercepted_median", "killed",
        "injured", "articles", "sources")) {
      out.add(f.endsWith("_median") ? col(f) : coalesce(col(f), lit(0)).cast(
          f.equals("articles") || f.equals("sources") ? "long" : "double").as(f));
    }
    return calendar.join(counts, new String[] {"period_start", "area"}, "left").select(out.toArray(new Column[0]));
  }

  public static MLReader<PeriodAggregator> read() {
    return new DefaultParamsReader<>();
  }

  public static PeriodAggregator load(String path) {
    return read().load(path);
  }
}
