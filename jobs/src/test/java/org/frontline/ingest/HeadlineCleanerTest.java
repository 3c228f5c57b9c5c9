package org.frontline.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

class HeadlineCleanerTest extends SparkTest {
  private static Row clean(String title, String text) {
    return new HeadlineCleaner().transform(strings(cols("title", "text"), row(title, text)))
        .select("title", "text").first();
  }

  @Test
  void removesHeadlineRepeatedAtTheTop() {
    Row r = clean("Strikes continue despite diplomacy",
        "Strikes continue despite diplomacy\nStrikes Continue Despite Diplomacy\n"
            + "Strikes continue despite diplomacy as drones hit Kyiv.");
    assertEquals("Strikes continue despite diplomacy as drones hit Kyiv.", r.getString(1));
  }

  @Test
  void cutsSiteSuffixDatelineAndRepeatedFirstSentence() {
    Row r = clean("Borrell: New division of Europe is impossible (05.01.22 18:47) « Ukrainian Politics | Censor.NET",
        "05.01.22 18:47 - Borrell: New division of Europe is impossible. A new division of Europe is impossible.");
    assertEquals("Borrell: New division of Europe is impossible", r.getString(0));
    assertEquals("A new division of Europe is impossible.", r.getString(1));
    assertEquals("Drones hit Lviv", clean("Drones hit Lviv | Daily Ledger", "x").getString(0));
  }

  @Test
  void keepsTextThatOnlyBeginsLikeTheHeadlineAndHandlesNulls() {
    Row r = clean("Talks resume", "Talks resume as drones hit Odesa.");
    assertEquals("Talks resume as drones hit Odesa.", r.getString(1));
    Row onlyTitle = clean("Artillery shell hits apartment block in Kyiv", null);
    assertEquals("Artillery shell hits apartment block in Kyiv", onlyTitle.getString(0));
    assertNull(onlyTitle.getString(1));
    Row repeatOnly = clean("Kyiv hit", "Kyiv hit");
    assertNull(repeatOnly.getString(1));
    Row noTitle = clean(null, "Text without a headline.");
    assertNull(noTitle.getString(0));
    assertEquals("Text without a headline.", noTitle.getString(1));
  }

  @Test
  void aRepeatedFirstSentenceIsFoundWhateverTheCaseOfItsFirstLetter() {
    assertEquals("Two were hurt.", clean("DRONES HIT KHARKIV", "drones hit Kharkiv. Two were hurt.").getString(1));
    assertEquals("Two were hurt.", clean("\u0130zmail port hit", "\u0130ZMAIL port hit. Two were hurt.").getString(1));
    assertEquals("Odesa port hit. Two were hurt.",
        clean("Izmail port hit", "Odesa port hit. Two were hurt.").getString(1));
  }

  @Test
  void droppingRepeatedHeadlineLinesGivesWhatSparksLineExpressionsGave() {
    // the expressions it replaced: split into lines, key each, keep from the first line that is not the headline
    Column lines = split(col("text"), "\n");
    Column titleKey = coalesce(keyOf(col("title")), lit(""));
    Column firstKept = array_position(concat(
        transform(lines, l -> keyOf(l).notEqual(titleKey)), array(lit(true))), lit(true));
    Column before = when(keyOf(substring_index(col("text"), "\n", 1)).notEqual(titleKey),
        col("text")).otherwise(array_join(slice(lines, firstKept, size(lines)), "\n"));
    String[] titles = {"Drones hit Lviv", "DRONES hit lviv!", "İstanbul talks", "Удари по Києву", "", "  ", null};
    String[] others = {"Drones hit Lviv overnight.", "", " ", "istanbul talks", "Удари по Києву.",
        "— Drones, hit: Lviv —", "Ⅻ apartments", "x"};
    Random r = new Random(5);
    List<String[]> rows = new ArrayList<>();
    for (int t = 0; t < 3000; t++) {
      String title = titles[r.nextInt(titles.length)];
      StringBuilder text = new StringBuilder();
      int n = r.nextInt(5);
      for (int i = 0; i < n; i++) {
        text.append(i > 0 ? "\n" : "").append(r.nextInt(3) > 0 && title != null
            ? (r.nextBoolean() ? title : title.toUpperCase(Locale.ROOT) + ".")
            : others[r.nextInt(others.length)]);
      }
      rows.add(row(title, r.nextInt(20) == 0 ? null : text.toString()));
    }
    List<Row> out = strings(cols("title", "text"), rows.toArray(new String[0][]))
        .select(before.as("before"), udf((UDF2<String, String, String>)
            HeadlineCleaner::dropRepeatedHeadline, DataTypes.StringType)
            .apply(col("text"), col("title")).as("after"), col("title"), col("text")).collectAsList();
    int dropped = 0;
    for (Row o : out) {
      assertEquals(o.getString(0), o.getString(1), o.getString(2) + " | " + o.getString(3));
      dropped += o.getString(1) != null && !o.getString(1).equals(o.getString(3)) ? 1 : 0;
    }
    assertTrue(dropped > 500, "texts that began with their headline: " + dropped);
  }

  private static Column keyOf(Column c) {
    return regexp_replace(lower(c), "[^\\p{L}\\p{N}]+", "");
  }
}
