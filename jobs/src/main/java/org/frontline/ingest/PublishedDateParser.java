package org.frontline.ingest;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.*;

/**
 * Parses publication dates written in the usual ways into a UTC instant and a UTC date, with built-in
 * expressions only: ISO dates and instants with or without zone ({@code 2026-02-04},
 * {@code 2026-02-04T05:12:00+02:00}), RFC 1123 ({@code Wed, 04 Feb 2026 05:12:00 GMT}), month names
 * ({@code February 4, 2026}, {@code Feb. 4, 2026}, {@code 4 February 2026}), dotted European dates
 * ({@code 04.02.2026}) and Unix epoch seconds or milliseconds. A value without a zone is taken as UTC.
 * {@code date_status} tells what happened: ok, missing, unparseable or out_of_range (before minDate or more
 * than maxFutureDays after today); the date is null unless ok.
 */
public final class PublishedDateParser extends ColumnTransformer {
  private final Param<String> inputCol;
  private final StringArrayParam patterns;
  private final Param<String> minDate;
  private final IntParam maxFutureDays;

  public PublishedDateParser() {
    this(newUid("publishedDateParser"));
  }

  public PublishedDateParser(String uid) {
    super(uid);
    inputCol = param("inputCol", "publication date as written", "published_raw");
    patterns = new StringArrayParam(this, "patterns",
        "Spark datetime patterns tried in order after ISO 8601 (day names are removed first)");
    setDefault(patterns, new String[] {
        "d MMM yyyy HH:mm:ss z", "d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm z", "d MMM yyyy HH:mm Z",
        "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy",
        "MMMM d, yyyy h:mm a", "MMMM d, yyyy HH:mm", "dd.MM.yyyy", "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss",
        "d.M.yyyy", "dd.MM.yy", "dd.MM.yy HH:mm", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss", "yyyyMMdd"});
    minDate = param("minDate", "earliest plausible publication date (ISO)", "1990-01-01");
    maxFutureDays = new IntParam(this, "maxFutureDays", "days after today still accepted",
        ParamValidators.gtEq(0));
    setDefault(maxFutureDays, 2);
  }

  public Param<String> inputCol() { return inputCol; }
  public StringArrayParam patterns() { return patterns; }
  public Param<String> minDate() { return minDate; }
  public IntParam maxFutureDays() { return maxFutureDays; }

  public PublishedDateParser setInputCol(String v) { set(inputCol, v); return this; }
  public PublishedDateParser setPatterns(String[] v) { set(patterns, v); return this; }
  public PublishedDateParser setMaxFutureDays(int v) { set(maxFutureDays, v); return this; }

  /**
   * The earliest plausible publication date, an ISO date ({@code yyyy-MM-dd}); anything else (an empty string
   * too: the date has no "unset" value) is refused with an {@link IllegalArgumentException}.
   */
  public PublishedDateParser setMinDate(String v) {
    if (v == null || v.length() != 10 || !isIsoDate(v)) {
      throw new IllegalArgumentException("minDate must be an ISO date (yyyy-MM-dd), not '" + v + "'");
    }
    set(minDate, v);
    return this;
  }

  public PublishedDateParser setMinDate(LocalDate v) {
    return setMinDate(v == null ? null : v.toString());
  }

  private static boolean isIsoDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The date string with day names, abbreviation dots and ordinal suffixes removed. */
  static Column simplify(Column s) {
    Column noDay = regexp_replace(s, "^(?i)(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+", "");
    Column noDots = regexp_replace(noDay, "(?i)\\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.", "$1");
    noDots = regexp_replace(noDots, "(?i)\\bsept\\b", "Sep");
    return once(regexp_replace(noDots, "(?i)(\\d)(?:st|nd|rd|th)\\b", "$1"));
  }

  /**
   * The parsed instant (UTC) of a date string, or null; {@code s} is the trimmed string and
   * {@code noDots} its {@link #simplify simplified} form (columns, so each is computed once per row).
   */
  public Column parse(Column s, Column noDots) {
    List<Column> tries = new ArrayList<>();
    tries.add(when(s.rlike("^\\d{13}$"), timestamp_millis(s.cast(DataTypes.LongType))));
    tries.add(when(s.rlike("^\\d{10}$"), timestamp_seconds(s.cast(DataTypes.LongType))));
    tries.add(when(s.rlike("^\\d{4}-\\d{2}-\\d{2}"), call_function("try_to_timestamp", s)));
    for (String p : $(patterns)) {
      // a cheap shape check first: a failed parse costs an exception inside Spark
      tries.add(when(noDots.rlike(shapeOf(p)), call_function("try_to_timestamp", noDots, lit(p))));
    }
    return coalesce(tries.toArray(new Column[0]));
  }

  public static MLReader<PublishedDateParser> read() {
    return new DefaultParamsReader<>();
  }

  public static PublishedDateParser load(String path) {
    return read().load(path);
  }

  /** A regex that every string a Spark datetime pattern can parse matches (digits, names, zones). */
  static String shapeOf(String pattern) {
    StringBuilder re = new StringBuilder("^");
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int j = i;
      while (j < pattern.length() && pattern.charAt(j) == c) {
        j++;
      }
      int n = j - i;
      switch (c) {
        case 'y': re.append(n == 2 ? "\\d{2}" : "\\d{4}"); break;
        case 'M': re.append(n >= 4 ? "[A-Za-z]{3,9}" : n == 3 ? "[A-Za-z]{3}" : n == 2 ? "\\d{2}" : "\\d{1,2}"); break;
        case 'd': case 'H': case 'h': case 'm': case 's': re.append(n == 2 ? "\\d{2}" : "\\d{1,2}"); break;
        case 'a': re.append("[AaPp][Mm]"); break;
        case 'z': re.append("[A-Za-z]{1,5}"); break;
        case 'Z': re.append("[+-]\\d{4}"); break;
        default: re.append(Pattern.quote(pattern.substring(i, j)));
      }
      i = j;
    }
    return re.append("$").toString();
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Column ts = col("__ts");
    Column inRange = ts.geq(to_timestamp(lit($(minDate))))
        .and(ts.lt(date_add(current_date(), (Integer) $(maxFutureDays) + 1).cast(DataTypes.TimestampType)));
    Column status = when(col($(inputCol)).isNull().or(trim(col($(inputCol))).equalTo("")), lit("missing"))
        .when(ts.isNull(), lit("unparseable"))
        .when(not(inRange), lit("out_of_range"))
        .otherwise(lit("ok"));
    return dataset.withColumn("__s", trim(col($(inputCol))))
        .withColumn("__simple", simplify(col("__s")))
        .withColumn("__ts", once(parse(col("__s"), col("__simple")).cast(DataTypes.StringType))
            .cast(DataTypes.TimestampType))
        .withColumn("date_status", status)
        .withColumn("published_at", when(col("date_status").equalTo("ok"), ts))
        .withColumn("published_date", to_date(col("published_at")))
        .drop("__ts", "__s", "__simple");
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(inputCol), DataTypes.StringType);
    StructType out = withField(schema, "date_status", DataTypes.StringType);
    out = withField(out, "published_at", DataTypes.TimestampType);
    return withField(out, "published_date", DataTypes.DateType);
  }
}
