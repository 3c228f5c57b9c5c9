package org.frontline.extract;

import org.frontline.common.Stems;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The stems against the patterns they replace or guard, on random text built to hit the edge cases. */
class StemsTest {
  /** The pattern {@link StrikeRules#CASUALTY_WORD} replaced, as it was written. */
  static final Pattern CASUALTY_REGEX = Pattern.compile("(?i)kill|dead|died|death|injur|wound|hurt|lives|"
      + "victim|casualt");

  static final String[] PIECES = {"killed", "KILLED", "Dead", "deadline", "die", "diEd", "death", "injuries",
      "Wounded", "hurt", "lives", "victims", "casualties", "attacks", "Strikes", "struck", "hit", "shelling",
      "bombardment", "pounding", "targeted", "launched", "fired", "explosion", "blasts", "damaged", "destroyed",
      "shot down", "shot  down", "shot\tdown", "downed", "raids", "barrage", "came under", "debris", "shot at",
      "rocked", "k", "ill", "de", "ad", "\u212Aill", "K\u0130LL", "\u0131njur", "w\u00F6und", "strike-", "hitting",
      "whit", "thither", "raider", "the", "a", "of", ".", ",", " ", "2", "drones", "Kharkiv", "\u0000", "\uD83D\uDE00"};

  static String randomText(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      b.append(PIECES[r.nextInt(PIECES.length)]);
      if (r.nextBoolean()) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  @Test
  void casualtyStemsAreExactlyTheCaseInsensitivePattern() {
    Random r = new Random(1);
    int hits = 0;
    for (int i = 0; i < 50_000; i++) {
      String s = randomText(r);
      boolean expected = CASUALTY_REGEX.matcher(s).find();
      assertEquals(expected, StrikeCues.CASUALTY_WORD.anyIn(s), s);
      hits += expected ? 1 : 0;
    }
    assertTrue(hits > 10_000 && hits < 40_000, "both outcomes are exercised: " + hits);
    // the Kelvin sign and dotted capital I fold to ASCII only under UNICODE_CASE: neither side matches them
    assertFalse(StrikeCues.CASUALTY_WORD.anyIn("\u212Aill"));
    assertFalse(StrikeCues.CASUALTY_WORD.anyIn("K\u0130LL"));
  }

  @Test
  void everyTriggerMatchContainsATriggerStem() {
    Random r = new Random(2);
    int matches = 0;
    for (int i = 0; i < 50_000; i++) {
      String s = randomText(r);
      if (StrikeCues.TRIGGER.matcher(s).find()) {
        matches++;
        assertTrue(StrikeCues.TRIGGER_STEMS.anyIn(s), s);
      }
    }
    assertTrue(matches > 10_000, "matches: " + matches);
  }

  @Test
  void asciiLowerCaseKeepsOffsetsAndOtherCharacters() {
    assertEquals("shot down \u0130 \u212A 2", Stems.asciiLowerCase("SHOT Down \u0130 \u212A 2"));
    String same = "already lower";
    assertSame(same, Stems.asciiLowerCase(same));
    assertThrows(IllegalArgumentException.class, () -> new Stems("Kill"));
  }
}
