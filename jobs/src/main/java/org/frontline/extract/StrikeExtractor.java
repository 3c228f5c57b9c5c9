package org.frontline.extract;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;
import org.frontline.lake.Tables;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static java.util.Map.entry;
import static org.apache.spark.sql.functions.*;

/**
 * Adds the strike mentions of each article as an array of structs ({@link #MENTION}): the rules of
 * {@link StrikeRules} over the text, with the title as place context and the publication date as the
 * reference for relative dates. The gazetteer is broadcast once; each executor builds its Aho–Corasick
 * automaton once.
 */
public final class StrikeExtractor extends ColumnTransformer {
  /** One mention as the transformer emits it (the {@code mentions} table adds ids and article columns). */
  public static final StructType MENTION = Tables.MENTION;

  private final Param<String> textCol;
  private final Param<String> titleCol;
  private final Param<String> dateCol;
  private final Param<String> outputCol;
  private final Param<String> asOf;
  private final Param<String> flagsCol;

  public StrikeExtractor() {
    this(newUid("strikeExtractor"));
  }

  public StrikeExtractor(String uid) {
    super(uid);
    textCol = param("textCol", "article text (string)", "text");
    titleCol = param("titleCol", "headline (string), used as place context", "title");
    dateCol = param("dateCol", "publication date (date), the reference for relative dates", "published_date");
    outputCol = param("outputCol", "strike mentions (array of structs)", "mentions");
    asOf = param("asOf", "yyyy-MM-dd date undated articles are read against; empty means today (UTC)", "");
    flagsCol = param("flagsCol", "optional map<int,string>: sentence index -> weapon class of the sentences a"
        + " second opinion (StrikeSentenceModel) calls strike reports; empty means none", "");
  }

  public Param<String> textCol() { return textCol; }
  public Param<String> titleCol() { return titleCol; }
  public Param<String> dateCol() { return dateCol; }
  public Param<String> asOf() { return asOf; }
  public Param<String> outputCol() { return outputCol; }
  public Param<String> flagsCol() { return flagsCol; }

  public StrikeExtractor setAsOf(String v) { set(asOf, v); return this; }
  public StrikeExtractor setOutputCol(String v) { set(outputCol, v); return this; }
  public StrikeExtractor setFlagsCol(String v) { set(flagsCol, v); return this; }
  public StrikeExtractor setTextCol(String v) { set(textCol, v); return this; }
  public StrikeExtractor setTitleCol(String v) { set(titleCol, v); return this; }
  public StrikeExtractor setDateCol(String v) { set(dateCol, v); return this; }

  LocalDate asOfDate() {
    String v = $(asOf);
    return v == null || v.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(v);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(textCol), DataTypes.StringType);
    requireColumn(schema, $(titleCol), DataTypes.StringType);
    requireColumn(schema, $(dateCol), DataTypes.DateType);
    if (!$(flagsCol).isEmpty()) {
      requireColumn(schema, $(flagsCol), DataTypes.createMapType(DataTypes.IntegerType, DataTypes.StringType));
    }
    if (!$(asOf).isBlank()) {
      try {
        LocalDate.parse($(asOf));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("asOf must be a yyyy-MM-dd date but was '" + $(asOf) + "'");
      }
    }
    return withField(schema, $(outputCol), new ArrayType(MENTION, false));
  }

  private static Gazetteer gazetteer;

  /** The gazetteer, loaded once per driver JVM. */
  static synchronized Gazetteer gazetteer() {
    if (gazetteer == null) {
      gazetteer = Gazetteer.load();
    }
    return gazetteer;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Broadcast<Gazetteer> gaz = dataset.sparkSession().sparkContext()
        .broadcast(gazetteer(), ClassTag$.MODULE$.apply(Gazetteer.class));
    LocalDate asOfDate = asOfDate();
    if (!$(flagsCol).isEmpty()) {
      UserDefinedFunction flagged = udf((UDF4<String, String, String, scala.collection.Map<Integer, String>,
          List<Row>>) (title, text, published, flags) -> rows(StrikeRules.extract(title, text,
              published == null ? null : LocalDate.parse(published), asOfDate, gaz.value(), flags(flags))),
          new ArrayType(MENTION, false));
      return dataset.withColumn($(outputCol), flagged.apply(col($(titleCol)), col($(textCol)),
          col($(dateCol)).cast(DataTypes.StringType), col($(flagsCol))));
    }
    UserDefinedFunction extract = udf((UDF3<String, String, String, List<Row>>) (title, text, published) ->
        rows(StrikeRules.extract(title, text, published == null ? null : LocalDate.parse(published), asOfDate,
            gaz.value())), new ArrayType(MENTION, false));
    return dataset.withColumn($(outputCol),
        extract.apply(col($(titleCol)), col($(textCol)), col($(dateCol)).cast(DataTypes.StringType)));
  }

  private static Map<Integer, WeaponClass> flags(scala.collection.Map<Integer, String> flags) {
    Map<Integer, WeaponClass> out = new HashMap<>();
    if (flags != null) {
      CollectionConverters.asJava(flags).forEach((k, v) -> out.put(k,
          v == null ? WeaponClass.UNKNOWN : WeaponClass.of(v)));
    }
    return out;
  }

  /**
   * How a mention fills each column of {@link Tables#MENTION}, by name. The rows' field order is the schema's:
   * a column without an entry here, or an entry without a column, fails when the class loads.
   */
  private static final Map<String, Function<Mention, Object>> VALUES = Map.ofEntries(
      entry("sentence_index", m -> m.sentenceIndex),
      entry("sentence_start", m -> m.sentenceStart),
      entry("sentence_end", m -> m.sentenceEnd),
      entry("sentence", m -> m.sentence),
      entry("sentence_field", m -> m.field),
      entry("evidence_sentences", m -> CollectionConverters.asScala(m.evidence).toSeq()),
      entry("event_date", m -> m.eventDate == null ? null : Date.valueOf(m.eventDate)),
      entry("date_basis", m -> m.dateBasis.label()),
      entry("follow_up", m -> m.followUp),
      entry("country", m -> m.country),
      entry("attacker", m -> m.attacker),
      entry("region_iso", m -> m.regionIso),
      entry("place", m -> m.place),
      entry("place_canonical", m -> m.placeCanonical),
      entry("place_kind", m -> m.placeKind),
      entry("weapon", m -> m.weapon.label()),
      entry("weapon_model", m -> m.weaponModel),
      entry("launched", m -> m.launched),
      entry("launched_qualifier", m -> m.launchedQualifier),
      entry("intercepted", m -> m.intercepted),
      entry("killed", m -> m.killed),
      entry("injured", m -> m.injured),
      entry("confidence", m -> m.confidence));

  /** {@link #VALUES} in the schema's column order. */
  private static final List<Function<Mention, Object>> LAYOUT = layout(MENTION, VALUES);

  static List<Function<Mention, Object>> layout(StructType schema, Map<String, Function<Mention, Object>> values) {
    Set<String> unused = new TreeSet<>(values.keySet());
    List<Function<Mention, Object>> layout = new ArrayList<>();
    for (String column : schema.fieldNames()) {
      Function<Mention, Object> f = values.get(column);
      if (f == null) {
        throw new IllegalStateException("the mention schema's column " + column + " has no value in "
            + "StrikeExtractor.VALUES");
      }
      layout.add(f);
      unused.remove(column);
    }
    if (!unused.isEmpty()) {
      throw new IllegalStateException("StrikeExtractor.VALUES fills columns the mention schema lacks: " + unused);
    }
    return List.copyOf(layout);
  }

  static List<Row> rows(List<Mention> mentions) {
    List<Row> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      Object[] values = new Object[LAYOUT.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = LAYOUT.get(i).apply(m);
      }
      out.add(RowFactory.create(values));
    }
    return out;
  }

  public static MLReader<StrikeExtractor> read() {
    return new DefaultParamsReader<>();
  }

  public static StrikeExtractor load(String path) {
    return read().load(path);
  }
}
