package org.frontline.ingest;

import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TextCleanerTest extends SparkTest {
  private static String clean(String body) {
    Dataset<Row> in = strings(cols("body"), row(body));
    return new TextCleaner().transform(in).select("text").first().getString(0);
  }

  @Test
  void stripsTagsScriptsAndDecodesEntities() {
    assertEquals("Kyiv & Kharkiv were hit.\nIt’s the third attack.",
        clean("<div><p>Kyiv &amp; Kharkiv were <b>hit</b>.</p><script>var a = '<p>x</p>';</script>"
            + "<p>It&#8217;s the third&nbsp;attack.</p></div>"));
  }

  @Test
  void normalisesUnicodeToNfcAndFoldsWhitespace() {
    // "e" + combining acute becomes one code point; tabs, NBSP and runs of spaces become one space
    assertEquals("Caf\u00e9 in Odesa", clean("Cafe\u0301 \t in\u00a0\u00a0 Odesa"));
    assertEquals("one\ntwo", clean("  one  \r\n\r\n\r\n   two\u200b  "));
  }

  @Test
  void dropsBoilerplateLinesButKeepsSentences() {
    String body = String.join("\n", "Russia fired more than 100 drones overnight.", "Advertisement",
        "Two civilians were killed in the Dnipropetrovsk region.", "Add a Comment", "Leave a Reply",
        "Keep Up to Date with the Most Important News",
        "By pressing the Subscribe button, you confirm that you have read and are agreeing to our Privacy Policy",
        "Share this article", "Follow us on Telegram", "Read more: How air defence works", "© 2026 Example Media");
    assertEquals("Russia fired more than 100 drones overnight.\n"
        + "Two civilians were killed in the Dnipropetrovsk region.", clean(body));
  }

  @Test
  void longLinesAreNeverBoilerplateAndTrailingLinkPromptIsCut() {
    String sentence = "Subscribe " + "to the idea that air defence matters, officials said again and again; ".repeat(4);
    assertEquals(sentence.strip(), clean(sentence));
    assertEquals("A new division of Europe is impossible.",
        clean("A new division of Europe is impossible. View news."));
  }

  @Test
  void emptyAndHtmlOnlyBodiesBecomeNull() {
    assertNull(clean("<script>track()</script><style>p{}</style>"));
    assertNull(clean("   \n\t "));
    assertNull(clean(null));
  }

  @Test
  void schemaIsValidatedWithColumnAndType() {
    Dataset<Row> in = spark().range(1).toDF("body");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TextCleaner().transform(in));
    assertTrue(e.getMessage().contains("'body'") && e.getMessage().contains("bigint"), e.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> new TextCleaner().setInputCol("nope").transform(in));
    assertTrue(missing.getMessage().contains("'nope' not found"));
  }

  @Test
  void persistsWithItsParams(@TempDir Path dir) throws Exception {
    TextCleaner c = new TextCleaner().setInputCol("lead").setOutputCol("clean").setRemoveBoilerplate(false);
    c.write().overwrite().save(dir.resolve("tc").toString());
    TextCleaner back = (TextCleaner) DefaultParamsReader
        .loadParamsInstance(dir.resolve("tc").toString(), spark().sparkContext());
    assertEquals("lead", back.getOrDefault(back.inputCol()));
    assertEquals("clean", back.getOrDefault(back.outputCol()));
    assertEquals(false, back.getOrDefault(back.removeBoilerplate()));
    assertEquals(c.uid(), back.uid());
  }
}
