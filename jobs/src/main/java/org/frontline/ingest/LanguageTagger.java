package org.frontline.ingest;

import com.google.common.base.Optional;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * Detects the language of a text (ISO 639-1 code, {@code und} when unsure or too short) with the optimaize
 * n-gram detector over its built-in profiles; only the first {@code maxChars} characters are looked at.
 * Non-English articles are kept and marked, never dropped.
 */
public final class LanguageTagger extends ColumnTransformer {
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final IntParam maxChars;

  public LanguageTagger() {
    this(newUid("languageTagger"));
  }

  public LanguageTagger(String uid) {
    super(uid);
    inputCol = param("inputCol", "text to identify", "content");
    outputCol = param("outputCol", "ISO 639-1 code or 'und'", "language");
    maxChars = new IntParam(this, "maxChars", "characters looked at", ParamValidators.gt(0));
    setDefault(maxChars, 1000);
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> outputCol() { return outputCol; }
  public IntParam maxChars() { return maxChars; }

  public LanguageTagger setInputCol(String v) { set(inputCol, v); return this; }
  public LanguageTagger setOutputCol(String v) { set(outputCol, v); return this; }
  public LanguageTagger setMaxChars(int v) { set(maxChars, v); return this; }

  /** One detector per executor JVM: loading the profiles takes about a second. */
  private static final class Holder {
    static final LanguageDetector DETECTOR;
    static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingOnLargeText();

    static {
      try {
        DETECTOR = LanguageDetectorBuilder.create(NgramExtractors.standard())
            .withProfiles(new LanguageProfileReader().readAllBuiltIn())
            .minimalConfidence(0.85)
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Frequent English words that other Latin-script languages rarely use: a text of Latin letters where they
   * make up an eighth of the words (a headline: one of them) is English without asking the detector.
   */
  private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "is", "were",
      "that", "for", "with", "as", "by", "at", "from", "said", "says", "it", "its", "has", "have", "had", "be",
      "been", "are", "this", "their", "after", "which", "who", "not", "but", "they", "he", "she", "would",
      "over", "into", "about", "more", "than", "also", "against", "during", "while", "where", "when", "what");

  /** {@link #ENGLISH} as {@link #asciiKey}s, sorted: a word is looked up without a substring or lower-casing. */
  private static final long[] ENGLISH_KEYS = ENGLISH.stream().mapToLong(w -> asciiKey(w, 0, w.length())).sorted()
      .toArray();

  /**
   * The lower-cased ASCII letters of {@code s[from, to)} (at most 7) packed into a long, one byte each; -1 when
   * a character is not ASCII. No English word of {@link #ENGLISH} has another character, and no other character
   * lower-cases to one of their letters (the Kelvin sign becomes "k", which none has).
   */
  static long asciiKey(CharSequence s, int from, int to) {
    long key = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return -1;
      }
      key = key << 8 | (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return key;
  }

  static boolean clearlyEnglish(String sample) {
    int words = 0;
    int hits = 0;
    int start = -1;
    for (int i = 0; i <= sample.length(); i++) {
      boolean letter = i < sample.length() && Character.isLetter(sample.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        words++;
        if (i - start <= 7 && Arrays.binarySearch(ENGLISH_KEYS, asciiKey(sample, start, i)) >= 0) {
          hits++;
        }
        start = -1;
      }
    }
    if (words >= 12) {
      return hits * 8 >= words && isLatin(sample);
    }
    // a headline: one such word is enough; the n-gram detector is unreliable on a handful of words
    // (it called English headlines Estonian, German and French)
    return words >= 4 && hits >= 1 && isLatin(sample);
  }

  static boolean isLatin(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // an ASCII letter is Latin: the script lookup (a binary search over Unicode's ranges) only for the rest
      if (c >= 0x80 && Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} holds at least {@code n} letters (code points); stops counting at {@code n}. */
  static boolean hasLetters(String s, int n) {
    int letters = 0;
    for (int i = 0; i < s.length() && letters < n; ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) {
        letters++;
      }
      i += Character.charCount(cp);
    }
    return letters >= n;
  }

  /** The pure function: language code of a text. */
  public static String detect(String text, int maxChars) {
    if (text == null) {
      return "und";
    }
    String sample = text.length() > maxChars ? text.substring(0, maxChars) : text;
    if (!hasLetters(sample, 20)) {
      return "und";
    }
    if (clearlyEnglish(sample)) {
      return "en";
    }
    if (isLatin(sample) && sample.split("\\s+").length < 12) {
      return "und"; // too short for the n-gram detector to tell Latin-script languages apart
    }
    Optional<LdLocale> lang = Holder.DETECTOR.detect(Holder.TEXT.forText(sample));
    return lang.isPresent() ? lang.get().getLanguage() : "und";
  }

  public static MLReader<LanguageTagger> read() {
    return new DefaultParamsReader<>();
  }

  public static LanguageTagger load(String path) {
    return read().load(path);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    int n = (Integer) $(maxChars);
    UserDefinedFunction f = udf((UDF1<String, String>) s -> detect(s, n), DataTypes.StringType);
    return dataset.withColumn($(outputCol), f.apply(col($(inputCol))));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(inputCol), DataTypes.StringType);
    return withField(schema, $(outputCol), DataTypes.StringType);
  }
}
