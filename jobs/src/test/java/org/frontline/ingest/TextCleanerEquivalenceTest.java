package org.frontline.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The cleaning function gives, on random texts, exactly what the chain of Spark built-in expressions it replaced
 * gives (kept here as the reference): CR and HTML regular expressions, the normalizer, a whole-text search for
 * a candidate boilerplate line, {@code filter(split(...))} with {@code rlike} per line, the link-prompt cut
 * on the last 24 characters, {@code trim} and {@code nullif}.
 */
class TextCleanerEquivalenceTest extends SparkTest {
  private static final String[] SENTENCES = {
      "Russia launched 42 drones at the Kharkiv region overnight.", "Two people were hurt in Odesa.",
      "Officials said air defence destroyed most of them.", "Київ зазнав атаки вночі.",
      "The mayor said a school was damaged\u00a0and\u00a0windows were broken.",
      "Emoji \uD83D\uDE80 lines count code points.",
      "Cafe\u0301 owners on the square were evacuated.", "A & B said it is \"too early\" to say.",
      "Share prices fell after the news.", "Subscribers to the service were told the reply was late.",
  };
  private static final String[] BOILERPLATE = {
      "Advertisement", "ADVERTISEMENT", "Read more: what we know", "Share this article", "Follow us on Telegram",
      "© 2026 Example Media", "Sign up to our newsletter", "Privacy Policy | Terms of Use", "12 comments",
      "Photo: Reuters", "Getty Images", "Click here to read the full story", "3 min read", "Related",
      "By clicking you accept our terms", "Copyright 2025 Somebody", "Facebook Twitter Email", "Image caption: ruins",
      "Our newsletter is free", "All rights reserved.", "Continue reading", "Story continues below advertisement",
  };
  private static final String[] ENDINGS = {"", " View news.", " Read more", "\nRead more.", " continue reading",
      " VIEW FULL ARTICLE", " view article.", " Read more about it", "\u00a0Read more"};
  private static final String[] NOISE = {"\r\n", "\r", "\n\n\n", "  ", "\t", "\u200b", "&amp;", "&nbsp;", "<b>",
      "</p><p>", "<br/>", "<script>var x = '<p>';</script>", "<!-- c -->", "<div class=\"x\">", "&#8217;",
      "\u2028", "\u0085", " "};

  private static String text(Random r) {
    StringBuilder b = new StringBuilder();
    int lines = r.nextInt(9);
    for (int i = 0; i < lines; i++) {
      if (i > 0) {
        b.append(r.nextInt(4) == 0 ? "\r\n" : "\n");
      }
      int kind = r.nextInt(10);
      if (kind < 3) {
        b.append(BOILERPLATE[r.nextInt(BOILERPLATE.length)]);
      } else if (kind < 4) {
        // a long line: near the 200-character limit, counted in code points (the rocket is two chars)
        // ("Sign up for ..." is boilerplate when it is short enough)
        boolean rockets = r.nextBoolean();
        b.append("Sign up for ").append(rockets ? "\uD83D\uDE80".repeat(170 + r.nextInt(40))
            : "Advertisement ".repeat(12 + r.nextInt(3)));
      } else {
        b.append(SENTENCES[r.nextInt(SENTENCES.length)]);
      }
      if (r.nextInt(5) == 0) {
        b.insert(r.nextInt(b.length() + 1), NOISE[r.nextInt(NOISE.length)]);
      }
    }
    b.append(ENDINGS[r.nextInt(ENDINGS.length)]);
    if (r.nextInt(6) == 0) {
      b.insert(0, "<html><head><title>t</title></head><body><p>").append("</p></body></html>");
    }
    return b.toString();
  }

  /** The built-in expressions TextCleaner evaluated before it became one function. */
  private static Column reference(Column c) {
    Column s = when(instr(c, "\r").gt(0), regexp_replace(c, "\r\n?", "\n")).otherwise(c);
    Column html = regexp_replace(s, "(?is)<(script|style|noscript|head|template|iframe|svg)\\b[^>]*>.*?</\\1\\s*>",
        "\n");
    html = regexp_replace(html, "(?s)<!--.*?-->", "");
    html = regexp_replace(html, "(?i)</?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|blockquote|section|article|header"
        + "|footer|aside|nav|figure|figcaption|hr|pre)\\b[^>]*>", "\n");
    html = regexp_replace(html, "<[a-zA-Z/!?][^<>]*>", "");
    s = when(instr(s, "<").gt(0), html).otherwise(s);
    s = udf((UDF1<String, String>) TextNormalizer::normalize, DataTypes.StringType).apply(s);
    String pattern = TextCleaner.DEFAULT_BOILERPLATE;
    String footer = TextCleaner.DEFAULT_FOOTER_WORDS;
    Column suspect = s.rlike("(?m)" + pattern).or(s.rlike(footer));
    Column lines = filter(split(s, "\n"), l -> not(length(l).leq(200).and(l.rlike(pattern).or(l.rlike(footer)))));
    Column joined = when(suspect, array_join(lines, "\n")).otherwise(s);
    String prompt = "(?:view (?:news|article|more|full article)|read more|continue reading)\\.?$";
    joined = when(substring(joined, -24, 24).rlike("(?i)" + prompt),
        regexp_replace(joined, "(?i)\\s*\\b" + prompt, "")).otherwise(joined);
    return nullif(trim(joined), lit(""));
  }

  @Test
  void givesWhatTheBuiltInExpressionsGaveOnRandomTexts() {
    Random r = new Random(7);
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      rows.add(new String[] {Integer.toString(i), text(r)});
    }
    rows.add(new String[] {"null", null});
    rows.add(new String[] {"empty", ""});
    Dataset<Row> in = strings(cols("id", "body"), rows.toArray(new String[0][]));
    Dataset<Row> out = new TextCleaner().transform(in).withColumn("ref", reference(col("body")));
    List<Row> all = out.select("id", "body", "text", "ref").collectAsList();
    int changedByBoilerplate = 0;
    for (Row row : all) {
      assertEquals(row.getString(3), row.getString(2), "text " + row.getString(0) + ": " + row.getString(1));
      String normalized = TextNormalizer.normalize(row.getString(1));
      if (row.getString(2) != null && normalized != null && !normalized.equals(row.getString(2))) {
        changedByBoilerplate++;
      }
    }
    // the texts exercise the boilerplate rules, not only the normalizer
    assertTrue(changedByBoilerplate > 500, "texts with boilerplate removed: " + changedByBoilerplate);
  }

  @Test
  void dropsOnlyShortLinesAndKeepsTheOrder() {
    Boilerplate b = new Boilerplate(TextCleaner.DEFAULT_BOILERPLATE, TextCleaner.DEFAULT_FOOTER_WORDS, 20);
    assertEquals("One.\nTwo.", b.drop("Advertisement\nOne.\nShare\nTwo.\nPrivacy policy"));
    assertEquals("Advertisement advertisement", b.drop("Advertisement advertisement"));
    String longFooter = "Sign up for our newsletter today"; // 32 characters: longer than 20
    assertEquals(longFooter, b.drop(longFooter));
    assertEquals("", b.drop("Advertisement"));
    assertEquals("Air raid over.", b.drop("Air raid over. Read more."));
    assertNull(b.drop(null));
  }
}
