package org.frontline.ingest;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import java.io.Serializable;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.*;

/**
 * Turns HTML or plain text into clean lines: script/style blocks, comments and tags removed (block tags
 * become line breaks), entities decoded, Unicode NFC, control and zero-width characters dropped, whitespace
 * folded within each line, empty lines and boilerplate lines (ads, comment prompts, share buttons,
 * newsletter and privacy footers, "read more" links, photo credits) removed, and trailing link prompts
 * ("View news.") cut. Lines are joined with {@code \n}; an empty result is null.
 */
public final class TextCleaner extends ColumnTransformer {
  /** A whole line is boilerplate when it matches this (case-insensitive) and is at most maxBoilerplateChars long. */
  public static final String DEFAULT_BOILERPLATE = "(?i)^(?:"
      + "advertisements?|advertising|ads?|sponsored(?: content)?|promoted(?: content)?|paid content"
      + "|story continues below(?: advertisement)?|continue reading.*|scroll (?:down )?to continue.*"
      + "|add a comment|leave a (?:reply|comment)|post a comment|cancel reply"
      + "|\\d* ?comments?|(?:view|show|load) comments"
      + "|join the (?:conversation|discussion).*"
      + "|share(?: this)?(?: article| story| post| page)?(?: on [\\w ]+)?:?|share on .*|(?:tweet|email|print|copy link)"
      + "|(?:facebook|twitter|x|whatsapp|telegram|linkedin|instagram|reddit)"
      + "(?:[ ,|/]+(?:facebook|twitter|x|whatsapp|telegram|linkedin|instagram|reddit|email))*"
      + "|follow (?:us|[\\w ]+) on (?:twitter|x|facebook|telegram|instagram|google news).*"
      + "|(?:sign up|subscribe)(?: now| today| here)?(?: (?:to|for) .*)?|keep up to date with .*"
      + "|get (?:the latest|our) .*(?:news|updates|alerts).*"
      + "|by (?:pressing|clicking|signing up|subscribing|continuing)\\b.*"
      + "|(?:privacy policy|terms of (?:use|service)|cookie (?:policy|settings)|"
      + "manage cookies|accept (?:all )?cookies)(?:[ |,]+.*)?"
      + "|all rights reserved.*|©.*|copyright (?:©\\s*)?\\d{4}.*|\\(c\\) \\d{4}.*"
      + "|(?:read more|read also|also read|see also|related|more on this story|more from [\\w ]+)(?:[:.]? .*)?"
      + "|related (?:articles|stories|news|topics)|recommended(?: for you)?|most (?:read|popular)"
      + "|trending(?: now)?|you may also like.*"
      + "|image (?:source|caption|copyright)?:? .*|(?:photo|picture|image)(?:graph)?(?: credit)?: .*"
      + "|getty images|(?:reuters|ap|afp|epa)(?: photo)?"
      + "|skip (?:to|past) .*|click here.*|download (?:our|the) app.*"
      + "|listen to (?:this )?(?:article|story).*|\\d+ min(?:ute)?s? read"
      + ")$";

  /** A short line containing one of these anywhere is a footer: newsletter, privacy and terms notices. */
  public static final String DEFAULT_FOOTER_WORDS =
      "(?i)\\b(?:newsletters?|privacy policy|terms of (?:use|service)|cookie policy|all rights reserved)\\b";

  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final BooleanParam removeBoilerplate;
  private final Param<String> boilerplatePattern;
  private final IntParam maxBoilerplateChars;
  private final Param<String> footerPattern;

  public TextCleaner() {
    this(newUid("textCleaner"));
  }

  public TextCleaner(String uid) {
    super(uid);
    inputCol = param("inputCol", "text or HTML to clean", "body");
    outputCol = param("outputCol", "cleaned text, lines joined with \\n", "text");
    removeBoilerplate = new BooleanParam(this, "removeBoilerplate", "drop boilerplate lines");
    setDefault(removeBoilerplate, true);
    boilerplatePattern = param("boilerplatePattern", "regex a whole boilerplate line matches", DEFAULT_BOILERPLATE);
    maxBoilerplateChars = new IntParam(this, "maxBoilerplateChars",
        "longer lines are never treated as boilerplate", ParamValidators.gtEq(0));
    setDefault(maxBoilerplateChars, 200);
    footerPattern = param("footerPattern", "regex found anywhere in a short footer line", DEFAULT_FOOTER_WORDS);
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> outputCol() { return outputCol; }
  public BooleanParam removeBoilerplate() { return removeBoilerplate; }
  public Param<String> boilerplatePattern() { return boilerplatePattern; }
  public IntParam maxBoilerplateChars() { return maxBoilerplateChars; }
  public Param<String> footerPattern() { return footerPattern; }

  public TextCleaner setInputCol(String v) { set(inputCol, v); return this; }
  public TextCleaner setOutputCol(String v) { set(outputCol, v); return this; }
  public TextCleaner setRemoveBoilerplate(boolean v) { set(removeBoilerplate, v); return this; }
  public TextCleaner setBoilerplatePattern(String v) { set(boilerplatePattern, v); return this; }
  public TextCleaner setMaxBoilerplateChars(int v) { set(maxBoilerplateChars, v); return this; }
  public TextCleaner setFooterPattern(String v) { set(footerPattern, v); return this; }

  /**
   * The whole cleaning as one column expression: {@link #cleaner()}'s pure function as a UDF, computed once
   * per row (one conversion of the text to a Java string and back, instead of one per step).
   */
  public Column clean(Column c) {
    Cleaner f = cleaner();
    return udf((UDF1<String, String>) f::clean, DataTypes.StringType).asNondeterministic().apply(c);
  }

  /** The cleaning of one text with this transformer's parameters, as a serializable pure function. */
  public Cleaner cleaner() {
    return new Cleaner((Boolean) $(removeBoilerplate) ? new Boilerplate($(boilerplatePattern), $(footerPattern),
        (Integer) $(maxBoilerplateChars)) : null);
  }

  /**
   * The cleaning of one text: CR and CRLF made LF, HTML removed (both only looked for when the text has a
   * {@code \r} or a {@code <}), then {@link TextNormalizer#normalize} (entities decoded, NFC, control
   * characters dropped, whitespace folded to one space within each line, lines trimmed, empty lines dropped),
   * then the boilerplate lines dropped and a trailing link prompt cut ({@link Boilerplate}); leading and
   * trailing spaces trimmed; an empty result is null.
   */
  public static final class Cleaner implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern CR = Pattern.compile("\r\n?");
    private static final Pattern[] HTML = {
        Pattern.compile("(?is)<(script|style|noscript|head|template|iframe|svg)\\b[^>]*>.*?</\\1\\s*>"),
        Pattern.compile("(?s)<!--.*?-->"),
        Pattern.compile("(?i)</?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|blockquote|section|article|header"
            + "|footer|aside|nav|figure|figcaption|hr|pre)\\b[^>]*>"),
        Pattern.compile("<[a-zA-Z/!?][^<>]*>")};
    private static final String[] HTML_REPLACEMENTS = {"\n", "", "\n", ""};

    private final Boilerplate boilerplate;

    Cleaner(Boilerplate boilerplate) {
      this.boilerplate = boilerplate;
    }

    public String clean(String c) {
      if (c == null) {
        return null;
      }
      String s = c.indexOf('\r') >= 0 ? CR.matcher(c).replaceAll("\n") : c;
      if (s.indexOf('<') >= 0) {
        for (int i = 0; i < HTML.length; i++) {
          s = HTML[i].matcher(s).replaceAll(HTML_REPLACEMENTS[i]);
        }
      }
      s = TextNormalizer.normalize(s);
      if (boilerplate != null) {
        s = boilerplate.drop(s);
      }
      s = Boilerplate.trimSpaces(s);
      return s.isEmpty() ? null : s;
    }
  }

  public static MLReader<TextCleaner> read() {
    return new DefaultParamsReader<>();
  }

  public static TextCleaner load(String path) {
    return read().load(path);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    return dataset.withColumn($(outputCol), clean(col($(inputCol))));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, $(inputCol), DataTypes.StringType);
    // the output may be the input column itself (cleaned in place), never another existing column
    return $(outputCol).equals($(inputCol)) ? replaceField(schema, $(outputCol), DataTypes.StringType)
        : withField(schema, $(outputCol), DataTypes.StringType);
  }
}
