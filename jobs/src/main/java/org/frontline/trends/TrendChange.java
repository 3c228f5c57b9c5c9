package org.frontline.trends;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import static org.apache.spark.sql.functions.*;

/**
 * Change over time within each (period, area) series of zero-filled rows ({@link PeriodAggregator}):
 * {@code events_prev} (the previous period's events); for days, 7-day rolling averages of events, launched,
 * killed and injured, and the week-over-week change (the last 7 days against the 7 before); for weeks, the
 * change against the previous week. A value that needs days before the series starts is null, never a
 * partial average. {@code wow_change_pct} is null when the earlier week had no events.
 */
public final class TrendChange extends ColumnTransformer {
  private final Param<String> seriesCol;

  public TrendChange() {
    this(newUid("trendChange"));
  }

  public TrendChange(String uid) {
    super(uid);
    seriesCol = param("seriesCol", "column naming the series within each period", "area");
  }

  public Param<String> seriesCol() { return seriesCol; }

  public TrendChange setSeriesCol(String v) { set(seriesCol, v); return this; }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, "period", DataTypes.StringType);
    requireColumn(schema, "period_start", DataTypes.DateType);
    requireColumn(schema, $(seriesCol), DataTypes.StringType);
    requireColumn(schema, "events", DataTypes.LongType);
    for (String c : new String[] {"launched_sum", "killed", "injured"}) {
      requireColumn(schema, c, DataTypes.DoubleType);
    }
    StructType out = withField(schema, "events_prev", DataTypes.LongType);
    for (String c : new String[] {"events_7d_avg", "launched_7d_avg", "killed_7d_avg", "injured_7d_avg"}) {
      out = withField(out, c, DataTypes.DoubleType);
    }
    return withField(withField(out, "wow_change", DataTypes.LongType), "wow_change_pct", DataTypes.DoubleType);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    WindowSpec series = Window.partitionBy(col("period"), col($(seriesCol))).orderBy(col("period_start"));
    WindowSpec last7 = series.rowsBetween(-6, 0);
    WindowSpec prev7 = series.rowsBetween(-13, -7);
    Column isDay = col("period").equalTo("day");
    Column full7 = count(lit(1)).over(last7).equalTo(7);
    Column full14 = count(lit(1)).over(series.rowsBetween(-13, 0)).equalTo(14);
    Column recent = sum(col("events")).over(last7);
    Column before = sum(col("events")).over(prev7);
    Column dayChange = when(full14, recent.minus(before));
    Column dayPct = when(full14.and(before.gt(0)), recent.minus(before).divide(before));
    Column prev = lag(col("events"), 1).over(series);
    Column weekChange = col("events").minus(prev);
    Column weekPct = when(prev.gt(0), col("events").minus(prev).divide(prev));
    Dataset<Row> out = dataset.toDF().withColumn("events_prev", prev);
    for (String[] c : new String[][] {{"events_7d_avg", "events"}, {"launched_7d_avg", "launched_sum"},
        {"killed_7d_avg", "killed"}, {"injured_7d_avg", "injured"}}) {
      out = out.withColumn(c[0], when(isDay.and(full7), sum(col(c[1])).over(last7).divide(7.0)));
    }
    return out
        .withColumn("wow_change", when(isDay, dayChange).when(col("period").equalTo("week"), weekChange)
            .cast("long"))
        .withColumn("wow_change_pct", when(isDay, dayPct).when(col("period").equalTo("week"), weekPct)
            .cast("double"));
  }

  public static MLReader<TrendChange> read() {
    return new DefaultParamsReader<>();
  }

  public static TrendChange load(String path) {
    return read().load(path);
  }
}
