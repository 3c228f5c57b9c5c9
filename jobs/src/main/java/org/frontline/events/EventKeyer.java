package org.frontline.events;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
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
 * Gives each dated mention the id of the real-world strike it reports. Mentions are the same strike when
 * they share the date, the country, who struck ({@code attacker}), the region and the weapon class, and
 * their places agree: a mention
 * naming only the region joins one of the region's city events of that day and weapon, the one whose killed
 * and injured figures agree with its own, else the most reported; an unknown weapon takes
 * the region's one known weapon that day. National mentions (no region) form one event per weapon per
 * day. A mention whose article gives no date for it ({@code date_basis = published}: dated by publication)
 * takes the date of a dated mention of the same region, weapon and place up to {@code maxLagDays} before — a
 * report of Tuesday's strike published on Friday is Tuesday's strike, not a new one; a follow-up ("the death
 * toll has risen to 38") joins the latest earlier report of that place however it was dated. The id is a hash
 * of the key, so the same mentions always give the same ids. Undated mentions get no id. Joins and window
 * functions only.
 */
public final class EventKeyer extends ColumnTransformer {
  private final Param<String> outputCol;
  private final IntParam maxLagDays;

  public EventKeyer() {
    this(newUid("eventKeyer"));
  }

  public EventKeyer(String uid) {
    super(uid);
    outputCol = param("outputCol", "event id (string, null for undated mentions)", "event_id");
    maxLagDays = new IntParam(this, "maxLagDays",
        "how many days before its publication a mention dated only by publication may join a dated strike",
        ParamValidators.inRange(0, 31));
    setDefault(maxLagDays, 7);
  }

  public IntParam maxLagDays() { return maxLagDays; }

  public Param<String> outputCol() { return outputCol; }

  public EventKeyer setMaxLagDays(int v) { set(maxLagDays, v); return this; }
  public EventKeyer setOutputCol(String v) { set(outputCol, v); return this; }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, "event_date", DataTypes.DateType);
    for (String c : new String[] {"mention_id", "date_basis", "country", "attacker", "region_iso", "weapon",
        "place_canonical"}) {
      requireColumn(schema, c, DataTypes.StringType);
    }
    requireColumn(schema, "follow_up", DataTypes.BooleanType);
    requireColumn(schema, "killed", DataTypes.IntegerType);
    requireColumn(schema, "injured", DataTypes.IntegerType);
    StructType out = withField(schema, "event_day", DataTypes.DateType);
    return withField(withField(withField(out, "event_weapon", DataTypes.StringType), "event_place",
        DataTypes.StringType), $(outputCol), DataTypes.StringType);
  }

  /**
   * +1 when two reports of a figure agree (equal, or within half of the larger: tolls grow as the day goes
   * on), -1 when they clearly differ, 0 when either is silent.
   */
  static Column agreement(Column a, Column b) {
    return when(a.isNull().or(b.isNull()), lit(0))
        .when(abs(a.minus(b)).leq(greatest(lit(1), greatest(a, b).divide(2))), lit(1))
        .otherwise(lit(-1));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Dataset<Row> in = dataset.toDF();
    // candidates: mentions that report a strike (not a follow-up) in a region; "dated" ones give their own date
    Dataset<Row> candidates = in.filter(col("region_iso").isNotNull().and(not(col("follow_up"))))
        .select(col("country").as("d_country"), col("attacker").as("d_attacker"), col("region_iso").as("d_region"),
            col("weapon").as("d_weapon"), col("place_canonical").as("d_place"), col("event_date").as("d_date"),
            col("date_basis").isin("explicit", "relative", "inherited").as("d_dated")).distinct();
    // each mention dated by publication looks up the candidates of each of the maxLagDays + 1 days up to its
    // date by an equi-join on the day (a range condition would pair it with every date of its region)
    Dataset<Row> adopted = in.filter(col("date_basis").equalTo("published").and(col("region_iso").isNotNull()))
        .select(col("mention_id"), col("country"), col("attacker"), col("region_iso"), col("weapon"),
            col("place_canonical"), col("follow_up"), col("event_date"),
            explode(sequence(lit(0), lit((Integer) $(maxLagDays)))).as("__lag"))
        .withColumn("__day", date_sub(col("event_date"), col("__lag")))
        .join(candidates, col("country").equalTo(col("d_country")).and(col("attacker").equalTo(col("d_attacker")))
            .and(col("region_iso").equalTo(col("d_region")))
            .and(col("__day").equalTo(col("d_date")))
            .and(col("weapon").equalTo(col("d_weapon")).or(col("weapon").equalTo("unknown"))
                .or(col("d_weapon").equalTo("unknown")))
            .and(col("place_canonical").isNull().or(col("d_place").isNull())
                .or(col("place_canonical").equalTo(col("d_place"))))
            // a follow-up ("the toll has risen to 38") joins the earlier strike however that was dated
            .and(col("d_dated").or(col("follow_up").and(col("d_date").lt(col("event_date"))))))
        .groupBy(col("mention_id").as("a_mention_id")).agg(max(col("d_date")).as("adopted_date"));
    in = in.join(adopted, col("mention_id").equalTo(col("a_mention_id")), "left")
        .withColumn("event_day", coalesce(col("adopted_date"), col("event_date")))
        .drop("a_mention_id", "adopted_date");
    Column[] area = {col("event_day"), col("country"), col("attacker"), col("region_iso")};
    WindowSpec byArea = Window.partitionBy(area);
    Column known = array_distinct(filter(collect_list(col("weapon")).over(byArea), w -> w.notEqual(lit("unknown"))));
    Dataset<Row> d = in
        .withColumn("event_weapon", when(col("weapon").equalTo("unknown").and(size(known).equalTo(1)),
            element_at(known, 1)).otherwise(col("weapon")));
    // a mention naming only the region joins one of the region's city events that day: the one whose
    // figures agree with its own, then the most reported, then the first by name
    Column[] group = {col("event_day"), col("country"), col("attacker"), col("region_iso"), col("event_weapon")};
    Dataset<Row> cities = d.filter(col("place_canonical").isNotNull())
        .groupBy(col("event_day").as("c_day"), col("country").as("c_country"), col("attacker").as("c_attacker"),
            col("region_iso").as("c_region"),
            col("event_weapon").as("c_weapon"), col("place_canonical").as("c_place"))
        .agg(count(lit(1)).as("c_n"), max(col("killed")).as("c_killed"), max(col("injured")).as("c_injured"));
    Column sameGroup = col("event_day").equalTo(col("c_day")).and(col("country").equalTo(col("c_country")))
        .and(col("attacker").equalTo(col("c_attacker")))
        .and(col("region_iso").equalTo(col("c_region"))).and(col("event_weapon").equalTo(col("c_weapon")));
    Column score = agreement(col("killed"), col("c_killed")).plus(agreement(col("injured"), col("c_injured")));
    WindowSpec best = Window.partitionBy(col("mention_id"))
        .orderBy(col("c_score").desc(), col("c_n").desc(), col("c_place"));
    Dataset<Row> chosen = d.filter(col("place_canonical").isNull().and(col("region_iso").isNotNull()))
        .select(col("mention_id"), col("event_day"), col("country"), col("attacker"), col("region_iso"),
            col("event_weapon"), col("killed"), col("injured"))
        .join(cities, sameGroup)
        .withColumn("c_score", score)
        .withColumn("c_rank", row_number().over(best))
        .filter(col("c_rank").equalTo(1))
        .select(col("mention_id").as("c_mention_id"), col("c_place").as("chosen_place"));
    d = d.join(chosen, col("mention_id").equalTo(col("c_mention_id")), "left")
        .withColumn("event_place", when(col("region_iso").isNull(), lit(null).cast("string"))
            .otherwise(coalesce(col("place_canonical"), col("chosen_place"))))
        .drop("c_mention_id", "chosen_place");
    Column key = concat_ws("|", col("event_day").cast("string"), col("country"), col("attacker"),
        coalesce(col("region_iso"), lit("")),
        col("event_weapon"), coalesce(col("event_place"), lit("")));
    return d.withColumn($(outputCol), when(col("event_day").isNull(), lit(null).cast("string"))
        .otherwise(substring(sha2(key, 256), 1, 16)));
  }

  public static MLReader<EventKeyer> read() {
    return new DefaultParamsReader<>();
  }

  public static EventKeyer load(String path) {
    return read().load(path);
  }
}
