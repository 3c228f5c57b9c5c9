package org.frontline.ingest;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;
import scala.collection.Iterator;
import scala.collection.Seq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.*;

/**
 * Maps a record's fields (a map from source column name to string value) to Frontline's article fields:
 * {@code doc_id, title, body, published_raw, source, url}. Source names are matched case- and
 * punctuation-insensitively ({@code pubDate}, {@code Published At} and {@code published_at} are one name)
 * against a list of usual names per field; the first non-empty one wins, except for the body, where every
 * non-empty text column present is joined in list order (lead before body), identical values once.
 */
public final class FieldMapper extends ColumnTransformer {
  public static final List<String> FIELDS = List.of("doc_id", "title", "body", "published_raw", "source", "url");

  private final Param<String> inputCol;
  private final StringArrayParam idNames;
  private final StringArrayParam titleNames;
  private final StringArrayParam textNames;
  private final StringArrayParam dateNames;
  private final StringArrayParam sourceNames;
  private final StringArrayParam urlNames;

  public FieldMapper() {
    this(newUid("fieldMapper"));
  }

  public FieldMapper(String uid) {
    super(uid);
    inputCol = param("inputCol", "map<string,string> column holding the record's fields", "fields");
    idNames = names("idNames", "source names of the document id", "doc_id", "id", "article_id", "guid", "uuid");
    titleNames = names("titleNames", "source names of the headline", "title", "headline", "heading");
    textNames = names("textNames", "source names of text columns, all joined in this order",
        "lead", "summary", "description", "body", "text", "content", "article", "full_text");
    dateNames = names("dateNames", "source names of the publication date",
        "published", "published_at", "publishedat", "pubdate", "pub_date", "publication_date", "date",
        "datetime", "timestamp", "created_at");
    sourceNames = names("sourceNames", "source names of the outlet",
        "source", "outlet", "publisher", "source_name", "site", "domain");
    urlNames = names("urlNames", "source names of the article URL", "url", "link", "href", "uri");
  }

  private StringArrayParam names(String name, String doc, String... defaults) {
    StringArrayParam p = new StringArrayParam(this, name, doc);
    setDefault(p, defaults);
    return p;
  }

  public Param<String> inputCol() { return inputCol; }
  public StringArrayParam idNames() { return idNames; }
  public StringArrayParam titleNames() { return titleNames; }
  public StringArrayParam textNames() { return textNames; }
  public StringArrayParam dateNames() { return dateNames; }
  public StringArrayParam sourceNames() { return sourceNames; }
  public StringArrayParam urlNames() { return urlNames; }

  public FieldMapper setInputCol(String v) { set(inputCol, v); return this; }
  public FieldMapper setIdNames(String[] v) { set(idNames, v); return this; }
  public FieldMapper setTitleNames(String[] v) { set(titleNames, v); return this; }
  public FieldMapper setTextNames(String[] v) { set(textNames, v); return this; }
  public FieldMapper setDateNames(String[] v) { set(dateNames, v); return this; }
  public FieldMapper setSourceNames(String[] v) { set(sourceNames, v); return this; }
  public FieldMapper setUrlNames(String[] v) { set(urlNames, v); return this; }

  /**
   * Applies {@code --map field=column} overrides: the field is taken from that column only. Fields are
   * {@code id, title, text, published, source, url}; for {@code text}, several columns may be given
   * comma-separated.
   */
  public FieldMapper withOverrides(Map<String, String> overrides) {
    overrides.forEach((field, column) -> {
      String[] cols = column.split(",");
      switch (field.toLowerCase(Locale.ROOT)) {
        case "id": case "doc_id": set(idNames, cols); break;
        case "title": set(titleNames, cols); break;
        case "text": case "body": set(textNames, cols); break;
        case "published": case "date": set(dateNames, cols); break;
        case "source": set(sourceNames, cols); break;
        case "url": set(urlNames, cols); break;
        default: throw new IngestException("unknown field in --map: '" + field
            + "' (fields are id, title, text, published, source, url)");
      }
    });
    return this;
  }

  private static final Pattern NORMAL = Pattern.compile("^[a-z0-9]+(?:_[a-z0-9]+)*$");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGE = Pattern.compile("^_|_$");

  /**
   * A record's key as the mapper looks it up: kept when already normalised, else lower-cased, runs of other
   * characters made "_" and the ends' "_" dropped. The value of Spark's {@code CASE WHEN k RLIKE
   * '^[a-z0-9]+(?:_[a-z0-9]+)*$' THEN k ELSE regexp_replace(regexp_replace(lower(k), '[^a-z0-9]+', '_'),
   * '^_|_$', '') END}, which it replaces ({@code FieldMapperTest} compares them): the same patterns, and
   * Spark's lower case ({@link ContentHash#sparkLower}).
   */
  static String normalizeKey(String k) {
    if (k == null || NORMAL.matcher(k).find()) {
      return k;
    }
    return EDGE.matcher(NON_ALNUM.matcher(ContentHash.sparkLower(k)).replaceAll("_")).replaceAll("");
  }

  private static final UserDefinedFunction KEYS = udf(
      (UDF1<Seq<String>, String[]>) keys -> {
        if (keys == null) {
          return null;
        }
        String[] out = new String[keys.size()];
        Iterator<String> it = keys.iterator();
        for (int i = 0; it.hasNext(); i++) {
          out[i] = normalizeKey(it.next());
        }
        return out;
      }, DataTypes.createArrayType(DataTypes.StringType, false));

  static String normalizeName(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private static Column value(Column map, String name) {
    return nullif(trim(call_function("try_element_at", map, lit(normalizeName(name)))), lit(""));
  }

  private static Column first(Column map, String[] names) {
    Column[] cols = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      cols[i] = value(map, names[i]);
    }
    return cols.length == 1 ? cols[0] : coalesce(cols);
  }

  public static MLReader<FieldMapper> read() {
    return new DefaultParamsReader<>();
  }

  public static FieldMapper load(String path) {
    return read().load(path);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    // the keys alone go through a function (a lambda over the map would be evaluated without code generation,
    // and with it the whole projection); the values are not copied
    Column m = col($(inputCol));
    Column normalized = map_from_arrays(KEYS.apply(map_keys(m)), map_values(m));
    List<Column> texts = new ArrayList<>();
    for (String n : $(textNames)) {
      texts.add(value(col("__m"), n));
    }
    Column body = array_join(array_distinct(array_compact(array(texts.toArray(new Column[0])))), "\n\n");
    return dataset.withColumn("__m", normalized)
        .withColumn("doc_id", first(col("__m"), $(idNames)))
        .withColumn("title", first(col("__m"), $(titleNames)))
        .withColumn("body", nullif(body, lit("")))
        .withColumn("published_raw", first(col("__m"), $(dateNames)))
        .withColumn("source", first(col("__m"), $(sourceNames)))
        .withColumn("url", first(col("__m"), $(urlNames)))
        .drop("__m");
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(inputCol), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    StructType out = schema;
    for (String f : FIELDS) {
      out = withField(out, f, DataTypes.StringType);
    }
    return out;
  }
}
