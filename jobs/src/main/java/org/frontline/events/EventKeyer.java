package org.frontline.events;

import org.apache.spark.ml.param.Param;
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
 * they share the date, the country, the region and the weapon class, and their places agree: a mention
 * naming only the region joins the region's most-mentioned city for that weapon; an unknown weapon takes
 * the region's one known weapon that day. National mentions (no region) form one event per weapon per
 * day. The id is a hash of that key, so the same mentions always give the same ids. Undated mentions get
 * no id. Window functions only, no row loops.
 */
public final class EventKeyer extends ColumnTransformer {
  private final Param<String> outputCol;

  public EventKeyer() {
    this(newUid("eventKeyer"));
  }

  public EventKeyer(String uid) {
    super(uid);
    outputCol = param("outputCol", "event id (string, null for undated mentions)", "event_id");
  }

  public Param<String> outputCol() { return outputCol; }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, "event_date", DataTypes.DateType);
    for (String c : new String[] {"country", "region_iso", "weapon", "place_canonical"}) {
      requireColumn(schema, c, DataTypes.StringType);
    }
    return withField(withField(withField(schema, "event_weapon", DataTypes.StringType), "event_place",
        DataTypes.StringType), $(outputCol), DataTypes.StringType);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Column[] area = {col("event_date"), col("country"), col("region_iso")};
    WindowSpec byArea = Window.partitionBy(area);
    Column known = array_distinct(filter(collect_list(col("weapon")).over(byArea), w -> w.notEqual(lit("unknown"))));
    Dataset<Row> d = dataset.toDF()
        .withColumn("event_weapon", when(col("weapon").equalTo("unknown").and(size(known).equalTo(1)),
            element_at(known, 1)).otherwise(col("weapon")));
    WindowSpec byCity = Window.partitionBy(col("event_date"), col("country"), col("region_iso"),
        col("event_weapon"), col("place_canonical"));
    WindowSpec rankCities = Window.partitionBy(col("event_date"), col("country"), col("region_iso"),
            col("event_weapon"))
        .orderBy(col("place_canonical").isNull(), col("__n_city").desc(), col("place_canonical"))
        .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    d = d.withColumn("__n_city", count(lit(1)).over(byCity))
        .withColumn("event_place", when(col("region_iso").isNull(), lit(null).cast("string"))
            .otherwise(coalesce(col("place_canonical"), first(col("place_canonical")).over(rankCities))))
        .drop("__n_city");
    Column key = concat_ws("|", col("event_date").cast("string"), col("country"), coalesce(col("region_iso"), lit("")),
        col("event_weapon"), coalesce(col("event_place"), lit("")));
    return d.withColumn($(outputCol), when(col("event_date").isNull(), lit(null).cast("string"))
        .otherwise(substring(sha2(key, 256), 1, 16)));
  }
}
