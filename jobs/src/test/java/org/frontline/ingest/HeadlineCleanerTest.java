package org.frontline.ingest;

import org.apache.spark.sql.Row;
import org.frontline.SparkTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class HeadlineCleanerTest extends SparkTest {
  private static Row clean(String title, String text) {
    return new HeadlineCleaner().transform(strings(cols("title", "text"), row(title, text)))
        .select("title", "text").first();
  }

  @Test
  void removesHeadlineRepeatedAtTheTop() {
    Row r = clean("Strikes continue despite diplomacy",
        "Strikes continue despite diplomacy\nStrikes Continue Despite Diplomacy\nStrikes continue despite diplomacy as drones hit Kyiv.");
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
    assertEquals("Odesa port hit. Two were hurt.", clean("Izmail port hit", "Odesa port hit. Two were hurt.").getString(1));
  }
}
