package org.frontline.ingest;

import org.frontline.PatternWords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The literal gates in front of the default boilerplate patterns change nothing: on lines made of the patterns'
 * own words (random words and runs of consecutive words, in random ASCII case, with digits, symbols and
 * sentence words between), a gated and an ungated {@link Boilerplate} agree on every line and every text.
 */
class BoilerplateTest {
  private static final String[] EXTRA = {"0", "7", "12", "2026", "\u00a9", "(c)", ":", "|", ",", ".", "/", "-", "the",
      "Kyiv", "drones", "said", "", " ", "  "};

  private static List<String> lines(Random r, int n) {
    List<String> words = new ArrayList<>(PatternWords.of(TextCleaner.DEFAULT_BOILERPLATE));
    words.addAll(PatternWords.of(TextCleaner.DEFAULT_FOOTER_WORDS));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(PatternWords.text(r, words, EXTRA, r.nextInt(8), 5, 8));
    }
    return out;
  }

  @Test
  void theGatesOfTheDefaultPatternsChangeNoLine() {
    Boilerplate gated = new Boilerplate(TextCleaner.DEFAULT_BOILERPLATE, TextCleaner.DEFAULT_FOOTER_WORDS, 200);
    Boilerplate plain = new Boilerplate(TextCleaner.DEFAULT_BOILERPLATE, TextCleaner.DEFAULT_FOOTER_WORDS, 200, false);
    int boilerplate = 0;
    for (String l : lines(new Random(11), 200_000)) {
      boolean expected = plain.isBoilerplate(l);
      assertEquals(expected, gated.isBoilerplate(l), "'" + l + "'");
      boilerplate += expected ? 1 : 0;
    }
    // the lines exercise the patterns: thousands match, so a missing line start or stem would show
    assertTrue(boilerplate > 5_000, "boilerplate lines among the random ones: " + boilerplate);
  }

  @Test
  void theGatesChangeNoText() {
    Random r = new Random(5);
    Boilerplate gated = new Boilerplate(TextCleaner.DEFAULT_BOILERPLATE, TextCleaner.DEFAULT_FOOTER_WORDS, 40);
    Boilerplate plain = new Boilerplate(TextCleaner.DEFAULT_BOILERPLATE, TextCleaner.DEFAULT_FOOTER_WORDS, 40, false);
    List<String> pool = lines(r, 5_000);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(6); k >= 0; k--) {
        b.append(pool.get(r.nextInt(pool.size()))).append(k > 0 ? "\n" : "");
      }
      String text = b.toString();
      assertEquals(plain.drop(text), gated.drop(text), text);
    }
  }

  @Test
  void customPatternsAreNotGated() {
    // a custom line pattern that none of the default line starts begins: still found
    Boilerplate custom = new Boilerplate("(?i)^Werbung$", "(?i)\\bimpressum\\b", 200);
    assertTrue(custom.isBoilerplate("WERBUNG"));
    assertTrue(custom.isBoilerplate("Das Impressum"));
    assertFalse(custom.isBoilerplate("Advertisement"));
  }
}
