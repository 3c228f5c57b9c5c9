package org.frontline.events;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * Gives each row a point and ACLED's geo_precision from {@link Coordinates}: the place's own coordinates
 * (precision 1) when its region and canonical name are known, else the region's centroid (2), else the
 * country's reference point (3); null when even the country is unknown. Three broadcast joins with the
 * small coordinate tables, no per-row code.
 */
public final class EventGeocoder extends ColumnTransformer {
  private final Param<String> countryCol;
  private final Param<String> regionCol;
  private final Param<String> placeCol;
  private final Param<String> latCol;
  private final Param<String> lonCol;
  private final Param<String> precisionCol;

  public EventGeocoder() {
    this(newUid("eventGeocoder"));
  }

  public EventGeocoder(String uid) {
    super(uid);
    countryCol = param("countryCol", "country where the event happened (string: UA, RU)", "country");
    regionCol = param("regionCol", "ISO 3166-2 code of its region (string, null when national)", "region_iso");
    placeCol = param("placeCol", "canonical name of its place (string, null when only the region is known)", "place");
    latCol = param("latCol", "output: latitude in degrees, WGS 84 (double)", "lat");
    lonCol = param("lonCol", "output: longitude in degrees, WGS 84 (double)", "lon");
    precisionCol = param("precisionCol", "output: ACLED geo_precision (int: 1 place, 2 region centroid, 3 country)",
        "geo_precision");
  }

  public Param<String> countryCol() { return countryCol; }
  public Param<String> regionCol() { return regionCol; }
  public Param<String> placeCol() { return placeCol; }
  public Param<String> latCol() { return latCol; }
  public Param<String> lonCol() { return lonCol; }
  public Param<String> precisionCol() { return precisionCol; }

  public EventGeocoder setCountryCol(String v) { set(countryCol, v); return this; }
  public EventGeocoder setRegionCol(String v) { set(regionCol, v); return this; }
  public EventGeocoder setPlaceCol(String v) { set(placeCol, v); return this; }
  public EventGeocoder setLatCol(String v) { set(latCol, v); return this; }
  public EventGeocoder setLonCol(String v) { set(lonCol, v); return this; }
  public EventGeocoder setPrecisionCol(String v) { set(precisionCol, v); return this; }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(countryCol), DataTypes.StringType);
    requireColumn(schema, $(regionCol), DataTypes.StringType);
    requireColumn(schema, $(placeCol), DataTypes.StringType);
    StructType out = withField(schema, $(latCol), DataTypes.DoubleType);
    out = withField(out, $(lonCol), DataTypes.DoubleType);
    return withField(out, $(precisionCol), DataTypes.IntegerType);
  }

  private static final StructType POINTS = new StructType()
      .add("key", DataTypes.StringType, false)
      .add("lat", DataTypes.DoubleType, false)
      .add("lon", DataTypes.DoubleType, false);

  private static Dataset<Row> points(SparkSession spark, Map<String, Coordinates.Point> byKey, String prefix) {
    List<Row> rows = new ArrayList<>(byKey.size());
    byKey.forEach((k, p) -> rows.add(RowFactory.create(k, p.lat(), p.lon())));
    return broadcast(spark.createDataFrame(rows, POINTS)
        .toDF(prefix + "key", prefix + "lat", prefix + "lon"));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    SparkSession spark = dataset.sparkSession();
    Coordinates c = Coordinates.packed();
    Column region = col($(regionCol));
    Column place = col($(placeCol));
    Column placeKey = when(region.isNotNull().and(place.isNotNull()), concat(region, lit("|"), place));
    Dataset<Row> d = dataset.toDF()
        .join(points(spark, c.places(), "__p_"), placeKey.equalTo(col("__p_key")), "left")
        .join(points(spark, c.areas(), "__r_"), region.equalTo(col("__r_key")), "left")
        .join(points(spark, c.areas(), "__c_"), col($(countryCol)).equalTo(col("__c_key")), "left");
    return d
        .withColumn($(latCol), coalesce(col("__p_lat"), col("__r_lat"), col("__c_lat")))
        .withColumn($(lonCol), coalesce(col("__p_lon"), col("__r_lon"), col("__c_lon")))
        .withColumn($(precisionCol), when(col("__p_lat").isNotNull(), lit(Coordinates.TOWN))
            .when(col("__r_lat").isNotNull(), lit(Coordinates.REGION))
            .when(col("__c_lat").isNotNull(), lit(Coordinates.COUNTRY)))
        .drop("__p_key", "__p_lat", "__p_lon", "__r_key", "__r_lat", "__r_lon", "__c_key", "__c_lat", "__c_lon");
  }

  public static MLReader<EventGeocoder> read() {
    return new DefaultParamsReader<>();
  }

  public static EventGeocoder load(String path) {
    return read().load(path);
  }
}
