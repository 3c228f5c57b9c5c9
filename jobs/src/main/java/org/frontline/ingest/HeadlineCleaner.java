package org.frontline.ingest;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.*;

/**
 * Tidies the headline and removes its repetition from the text: a site suffix on the title
 * ({@code " (05.04.22 12:02) « War in Ukraine | Censor.NET"}, {@code " | Reuters"}) is cut; at the start of
 * the text a dateline stamp ({@code "05.04.22 12:02 - "}), lines that only repeat the headline, and the
 * headline repeated as the first sentence are removed. Both columns are cleaned text (see {@link TextCleaner}).
 */
public final class HeadlineCleaner extends ColumnTransformer {
  private final Param<String> titleCol;
  private final Param<String> textCol;

  public HeadlineCleaner() {
    this(newUid("headlineCleaner"));
  }

  public HeadlineCleaner(String uid) {
    super(uid);
    titleCol = param("titleCol", "cleaned headline column, rewritten in place", "title");
    textCol = param("textCol", "cleaned text column, rewritten in place", "text");
  }

  public Param<String> titleCol() { return titleCol; }
  public Param<String> textCol() { return textCol; }

  public HeadlineCleaner setTitleCol(String v) { set(titleCol, v); return this; }
  public HeadlineCleaner setTextCol(String v) { set(textCol, v); return this; }

  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Letters and digits only, lower case: the form two headlines are compared in. The value of Spark's
   * {@code regexp_replace(lower(s), "[^\\p{L}\\p{N}]+", "")} ({@code HeadlineCleanerTest} compares them).
   */
  static String key(String s) {
    return NOT_LETTER_OR_DIGIT.matcher(ContentHash.sparkLower(s)).replaceAll("");
  }

  /**
   * The text from its first line whose {@link #key} is not the headline's (a null headline's key is empty);
   * empty when every line repeats the headline. The lines are keyed one by one, only as far as they repeat
   * it: most texts do not begin with their headline, and their first line is the only one keyed.
   */
  static String dropRepeatedHeadline(String text, String title) {
    if (text == null) {
      return null;
    }
    String titleKey = title == null ? "" : key(title);
    int start = 0;
    while (true) {
      int end = text.indexOf('\n', start);
      if (!key(end < 0 ? text.substring(start) : text.substring(start, end)).equals(titleKey)) {
        return text.substring(start);
      }
      if (end < 0) {
        return "";
      }
      start = end + 1;
    }
  }

  private static final UserDefinedFunction DROP_REPEATED_HEADLINE =
      udf((UDF2<String, String, String>) HeadlineCleaner::dropRepeatedHeadline,
          DataTypes.StringType);

  public static MLReader<HeadlineCleaner> read() {
    return new DefaultParamsReader<>();
  }

  public static HeadlineCleaner load(String path) {
    return read().load(path);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Column title = regexp_replace(col($(titleCol)),
        "\\s*\\(\\d{1,2}\\.\\d{1,2}\\.\\d{2,4},? \\d{1,2}:\\d{2}\\)\\s*(?:[«|].*)?$", "");
    title = regexp_replace(title, "(?:\\s+[|«»]\\s+[^|«»]{1,40})+\\s*[|]?\\s*$", "");
    title = nullif(trim(title), lit(""));

    Column text = regexp_replace(col($(textCol)), "^\\d{1,2}\\.\\d{1,2}\\.\\d{2,4},? \\d{1,2}:\\d{2}\\s*[-–—]\\s*", "");
    Column joined = DROP_REPEATED_HEADLINE.apply(col("__text0"), col("__title"));
    // the headline repeated as the first sentence of the text
    // the first letters are compared first: lower-casing the whole text (ICU) for the prefix test is the
    // expensive part, and few texts begin with their headline's letter. Exact: both lower-cased first letters
    // are prefixes of the lower-cased text when it begins with the headline, so one is a prefix of the other
    // (they differ in length only for letters like İ, whose lower case is two characters)
    Column stripped = expr("CASE WHEN __title IS NOT NULL"
        + " AND (startswith(lower(left(__joined, 1)), lower(left(__title, 1)))"
        + " OR startswith(lower(left(__title, 1)), lower(left(__joined, 1))))"
        + " AND startswith(lower(__joined), lower(__title))"
        + " AND substring(__joined, length(__title) + 1, 1) RLIKE '^([.!?:]|$)'"
        + " THEN ltrim(substring(__joined, length(__title) + 2)) ELSE __joined END");
    return dataset.withColumn("__title", once(title))
        .withColumn("__text0", once(text))
        .withColumn("__joined", once(joined))
        .withColumn($(textCol), once(nullif(trim(stripped), lit(""))))
        .withColumn($(titleCol), col("__title"))
        .drop("__title", "__joined", "__text0");
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(titleCol), DataTypes.StringType);
    requireColumn(schema, $(textCol), DataTypes.StringType);
    return schema;
  }
}
