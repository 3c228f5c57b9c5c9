package org.frontline.trends;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
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
import org.frontline.lake.Tables;

import java.util.Arrays;

import static org.apache.spark.sql.functions.*;

/**
 * Flags weeks that stand out from an area's own recent past. For each weekly trend row and each metric
 * the baseline is the previous {@link #baselineWeeks()} weeks of the same area; the robust z-score is
 * {@code (value - median) / max(1.4826 * MAD, minScale)} (median and median absolute deviation resist a
 * single earlier spike, unlike mean and standard deviation). A week is a spike when the baseline has at
 * least {@link #minBaselineWeeks()} weeks, the value is at least {@link #minValue()} and z reaches
 * {@link #threshold()}. Every row says why it is or is not flagged. Input: zero-filled week rows
 * ({@code period = week}); output: the {@code spikes} table's columns, one row per week, area and metric.
 */
public final class SpikeDetector extends ColumnTransformer {
  /** Default weeks of the baseline (also the {@code --baseline-weeks} default). */
  public static final int DEFAULT_BASELINE_WEEKS = 8;
  /** Default robust z-score of a spike (also the {@code --spike-threshold} default). */
  public static final double DEFAULT_THRESHOLD = 3.5;

  private final StringArrayParam metrics;
  private final IntParam baselineWeeks;
  private final IntParam minBaselineWeeks;
  private final DoubleParam threshold;
  private final DoubleParam minValue;
  private final DoubleParam minScale;

  public SpikeDetector() {
    this(newUid("spikeDetector"));
  }

  public SpikeDetector(String uid) {
    super(uid);
    metrics = new StringArrayParam(this, "metrics", "numeric trend columns tested for spikes");
    setDefault(metrics, new String[] {"events", "killed"});
    baselineWeeks = new IntParam(this, "baselineWeeks", "weeks before the tested one forming its baseline",
        ParamValidators.gtEq(2));
    setDefault(baselineWeeks, DEFAULT_BASELINE_WEEKS);
    minBaselineWeeks = new IntParam(this, "minBaselineWeeks", "fewest baseline weeks needed to flag anything",
        ParamValidators.gtEq(1));
    setDefault(minBaselineWeeks, 4);
    threshold = new DoubleParam(this, "threshold", "robust z-score at or above which a week is a spike",
        ParamValidators.gt(0));
    setDefault(threshold, DEFAULT_THRESHOLD);
    minValue = new DoubleParam(this, "minValue", "smallest value that can be a spike (3 events, 3 killed)",
        ParamValidators.gtEq(0));
    setDefault(minValue, 3.0);
    minScale = new DoubleParam(this, "minScale",
        "floor of the scale 1.4826 x MAD, so that a quiet baseline (MAD 0) does not make every event a spike",
        ParamValidators.gt(0));
    setDefault(minScale, 1.0);
  }

  public StringArrayParam metrics() { return metrics; }
  public IntParam baselineWeeks() { return baselineWeeks; }
  public IntParam minBaselineWeeks() { return minBaselineWeeks; }
  public DoubleParam threshold() { return threshold; }
  public DoubleParam minValue() { return minValue; }
  public DoubleParam minScale() { return minScale; }

  public SpikeDetector setThreshold(double value) {
    set(threshold, value);
    return this;
  }

  public SpikeDetector setBaselineWeeks(int value) {
    set(baselineWeeks, value);
    return this;
  }

  public SpikeDetector setMetrics(String... columns) {
    set(metrics, columns);
    return this;
  }

  /** Fewest baseline weeks needed to flag anything; at most {@link #baselineWeeks()} (checked on transform). */
  public SpikeDetector setMinBaselineWeeks(int value) {
    set(minBaselineWeeks, value);
    return this;
  }

  public SpikeDetector setMinValue(double value) {
    set(minValue, value);
    return this;
  }

  public SpikeDetector setMinScale(double value) {
    set(minScale, value);
    return this;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, "period", DataTypes.StringType);
    requireColumn(schema, "period_start", DataTypes.DateType);
    requireColumn(schema, "area", DataTypes.StringType);
    requireColumn(schema, "area_name", DataTypes.StringType);
    for (String m : $(metrics)) {
      requireColumn(schema, m, DataTypes.LongType, DataTypes.DoubleType, DataTypes.IntegerType);
    }
    if (intOf(minBaselineWeeks) > intOf(baselineWeeks)) {
      throw new IllegalArgumentException("minBaselineWeeks " + $(minBaselineWeeks) + " exceeds baselineWeeks "
          + $(baselineWeeks));
    }
    return Tables.SPIKES_SCHEMA;
  }

  private int intOf(IntParam p) {
    return ((Number) $(p)).intValue();
  }

  private double dbl(DoubleParam p) {
    return ((Number) $(p)).doubleValue();
  }

  /** The median of a sorted numeric array column (null when empty). */
  static Column sortedMedian(Column sorted) {
    Column n = size(sorted);
    Column lower = element_at(sorted, n.plus(1).divide(2).cast("int"));
    Column upper = element_at(sorted, n.divide(2).plus(1).cast("int"));
    return when(n.gt(0), when(n.mod(2).equalTo(1), lower).otherwise(
        element_at(sorted, n.divide(2).cast("int")).plus(upper).divide(2.0)));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    int weeks = intOf(baselineWeeks);
    WindowSpec baseline = Window.partitionBy(col("area"), col("metric")).orderBy(col("week_start"))
        .rowsBetween(-weeks, -1);
    Dataset<Row> weekly = dataset.toDF().filter(col("period").equalTo("week"));
    Dataset<Row> longForm = null;
    for (String m : $(metrics)) {
      Dataset<Row> one = weekly.select(col("period_start").as("week_start"), col("area"), col("area_name"),
          lit(m).as("metric"), col(m).cast("double").as("value"));
      longForm = longForm == null ? one : longForm.unionByName(one);
    }
    Column past = array_sort(collect_list(col("value")).over(baseline));
    Dataset<Row> b = longForm
        .withColumn("__past", past)
        .withColumn("baseline_weeks", size(col("__past")))
        .withColumn("baseline_median", sortedMedian(col("__past")))
        .withColumn("baseline_mad", sortedMedian(array_sort(
            mapArray(col("__past"), v -> abs(v.minus(col("baseline_median")))))));
    Column scale = greatest(col("baseline_mad").multiply(1.4826), lit(dbl(minScale)));
    Column enough = col("baseline_weeks").geq(intOf(minBaselineWeeks));
    Column z = when(enough, round(col("value").minus(col("baseline_median")).divide(scale), 3));
    double t = dbl(threshold);
    double floor = dbl(minValue);
    Column spike = enough.and(col("value").geq(floor)).and(col("z").geq(t));
    Column numbers = format_string("%s %s against a median of %s over the previous %d weeks (MAD %s)",
        trimmed(col("value")), col("metric"), trimmed(col("baseline_median")), col("baseline_weeks"),
        trimmed(col("baseline_mad")));
    Column reason = when(not(enough), format_string("baseline too short: %d of the %d weeks needed",
            col("baseline_weeks"), lit(intOf(minBaselineWeeks))))
        .when(col("value").lt(floor), format_string("%s %s is below the minimum of %s",
            trimmed(col("value")), col("metric"), trimmed(lit(floor))))
        .when(col("z").geq(t), concat(lit("spike: "), numbers, format_string(": robust z %.1f >= %s", col("z"),
            trimmed(lit(t)))))
        .otherwise(concat(numbers, format_string(": robust z %.1f < %s", col("z"), trimmed(lit(t)))));
    return b.withColumn("z", z)
        .withColumn("spike", spike)
        .withColumn("reason", reason)
        .select(Tables.SPIKES_SCHEMA.fieldNames()[0], Arrays.copyOfRange(
            Tables.SPIKES_SCHEMA.fieldNames(), 1, Tables.SPIKES_SCHEMA.fieldNames().length));
  }

  /** A number without a needless ".0": 3 rather than 3.0, 2.5 as is. */
  private static Column trimmed(Column d) {
    return regexp_replace(format_number(d, 2), "\\.?0+$|,", "");
  }

  public static MLReader<SpikeDetector> read() {
    return new DefaultParamsReader<>();
  }

  public static SpikeDetector load(String path) {
    return read().load(path);
  }
}
