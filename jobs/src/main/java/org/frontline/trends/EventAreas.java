package org.frontline.trends;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import static org.apache.spark.sql.functions.*;

/**
 * Places each event in the areas it counts towards: an event in Ukraine counts for {@code UA} and, when its
 * region is one of {@link #oblasts()}, for that oblast; an event in Russia counts for {@code RU}. One output
 * row per (event, area), column {@code outputCol}; events of other countries have none.
 */
public final class EventAreas extends ColumnTransformer {
  private final Param<String> countryCol;
  private final Param<String> regionCol;
  private final Param<String> outputCol;
  private final StringArrayParam oblasts;

  public EventAreas() {
    this(newUid("eventAreas"));
  }

  public EventAreas(String uid) {
    super(uid);
    countryCol = param("countryCol", "country code column (UA, RU)", "country");
    regionCol = param("regionCol", "ISO 3166-2 region column, null for a national report", "region_iso");
    outputCol = param("outputCol", "output column: the area code", "area");
    oblasts = new StringArrayParam(this, "oblasts", "region codes reported as areas of their own");
    setDefault(oblasts, Areas.oblastCodes().toArray(new String[0]));
  }

  public Param<String> countryCol() { return countryCol; }
  public Param<String> regionCol() { return regionCol; }
  public Param<String> outputCol() { return outputCol; }
  public StringArrayParam oblasts() { return oblasts; }

  public EventAreas setCountryCol(String column) {
    set(countryCol, column);
    return this;
  }

  public EventAreas setRegionCol(String column) {
    set(regionCol, column);
    return this;
  }

  public EventAreas setOutputCol(String column) {
    set(outputCol, column);
    return this;
  }

  public EventAreas setOblasts(String... codes) {
    set(oblasts, codes);
    return this;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(countryCol), DataTypes.StringType);
    requireColumn(schema, $(regionCol), DataTypes.StringType);
    return withField(schema, $(outputCol), DataTypes.StringType);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Column country = col($(countryCol));
    Column region = col($(regionCol));
    Column own = when(country.equalTo(Areas.NATIONAL).and(region.isin((Object[]) $(oblasts))), region);
    Column whole = when(country.equalTo(Areas.NATIONAL), lit(Areas.NATIONAL))
        .when(country.equalTo(Areas.RUSSIA), lit(Areas.RUSSIA));
    return dataset.toDF()
        .withColumn($(outputCol), explode(filter(array(own, whole), Column::isNotNull)));
  }

  public static MLReader<EventAreas> read() {
    return new DefaultParamsReader<>();
  }

  public static EventAreas load(String path) {
    return read().load(path);
  }
}
