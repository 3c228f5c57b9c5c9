package org.frontline.topics;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.apache.spark.sql.functions.*;

/**
 * Text → analysed tokens with {@link NewsAnalyzer} (Lucene): names such as "Zaporizhzhia" and "Shahed-136"
 * stay whole, possessives, stop words, boilerplate and figures go, inflections are stemmed by KStem.
 * The first step of the topic features.
 */
public final class NewsTokenizer extends ColumnTransformer {
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final StringArrayParam stopWords;
  private final IntParam minTokenLength;

  public NewsTokenizer() {
    this(newUid("newsTokenizer"));
  }

  public NewsTokenizer(String uid) {
    super(uid);
    inputCol = param("inputCol", "text to analyse (string)", "text");
    outputCol = param("outputCol", "analysed tokens (array<string>)", "tokens");
    stopWords = new StringArrayParam(this, "stopWords", "words left out (lower case, before stemming)");
    setDefault(stopWords, defaultStopWords());
    minTokenLength = new IntParam(this, "minTokenLength", "shortest token kept", ParamValidators.gtEq(1));
    setDefault(minTokenLength, 2);
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> outputCol() { return outputCol; }
  public StringArrayParam stopWords() { return stopWords; }
  public IntParam minTokenLength() { return minTokenLength; }

  public NewsTokenizer setInputCol(String v) { set(inputCol, v); return this; }
  public NewsTokenizer setOutputCol(String v) { set(outputCol, v); return this; }
  public NewsTokenizer setStopWords(String[] v) { set(stopWords, v); return this; }
  public NewsTokenizer setMinTokenLength(int v) { set(minTokenLength, v); return this; }

  /** English function words and news boilerplate ({@code frontline/topics/stopwords.txt}). */
  public static String[] defaultStopWords() {
    InputStream in = NewsTokenizer.class.getClassLoader().getResourceAsStream("frontline/topics/stopwords.txt");
    if (in == null) {
      throw new IllegalStateException("frontline/topics/stopwords.txt is not on the classpath");
    }
    List<String> words = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words.toArray(new String[0]);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(inputCol), DataTypes.StringType);
    return withField(schema, $(outputCol), new ArrayType(DataTypes.StringType, false));
  }

  /** One analyzer per configuration per JVM: Lucene analyzers are thread-safe and reuse their components. */
  private static final Map<String, NewsAnalyzer> ANALYZERS = new ConcurrentHashMap<>();

  static NewsAnalyzer analyzer(String[] stop, int minLength) {
    String key = minLength + ":" + Arrays.hashCode(stop) + ":" + stop.length;
    return ANALYZERS.computeIfAbsent(key, k -> new NewsAnalyzer(Arrays.asList(stop), minLength));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    String[] stop = $(stopWords);
    int min = (Integer) $(minTokenLength);
    UserDefinedFunction tokenize = udf((UDF1<String, List<String>>) text -> analyzer(stop, min).tokens(text),
        new ArrayType(DataTypes.StringType, false));
    return dataset.withColumn($(outputCol), tokenize.apply(col($(inputCol))));
  }

  public static MLReader<NewsTokenizer> read() {
    return new DefaultParamsReader<>();
  }

  public static NewsTokenizer load(String path) {
    return read().load(path);
  }
}
