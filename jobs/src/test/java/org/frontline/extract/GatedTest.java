package org.frontline.extract;

import org.frontline.PatternWords;
import org.frontline.common.Stems;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every gated rule of the extraction rules ({@link SentenceFilters}, {@link StrikeCues}, {@link FigureReader},
 * {@link Attackers}) and
 * {@link EventDates}: on texts made of its own pattern's words (random words, and runs of consecutive words, so that
 * its phrases occur), in random ASCII case, a match never happens without a stem.
 */
class GatedTest {
  private static final String[] EXTRA = {"19", "20", "1945", "2022", "2025", "12", "1,200", "two", "the", "a", "of",
      ",", ".", "Kyiv", "drones", "were", "was", "people", "civilians", "-", "’s", "'s"};

  static List<Field> gatedFields() {
    List<Field> out = new ArrayList<>();
    for (Class<?> c : List.of(SentenceFilters.class, StrikeCues.class, FigureReader.class, EventDates.class,
        Attackers.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == Gated.class) {
          f.setAccessible(true);
          out.add(f);
        }
      }
    }
    return out;
  }

  @Test
  void noGatedPatternMatchesWithoutOneOfItsStems() throws Exception {
    List<Field> fields = gatedFields();
    assertTrue(fields.size() >= 28, "gated rules found: " + fields.size());
    Random r = new Random(3);
    for (Field f : fields) {
      Gated g = (Gated) f.get(null);
      List<String> words = PatternWords.of(g.pattern().pattern());
      int matches = 0;
      // at least 20,000 texts, more (up to 200,000) until one matches: the words drawn shift as patterns change
      for (int i = 0; i < 20_000 || (matches == 0 && i < 200_000); i++) {
        String text = PatternWords.text(r, words, EXTRA, 1 + r.nextInt(12), 4, 0);
        if (g.pattern().matcher(text).find()) {
          matches++;
          assertTrue(g.mayMatch(Stems.asciiLowerCase(text)), f.getName() + " matches without a stem: '" + text + "'");
        }
      }
      assertTrue(matches > 0, f.getName() + ": no random text matched, the check proved nothing");
    }
  }

  /** Every match of a plain {@code find()} loop: start, end and groups. */
  private static List<String> found(Matcher m) {
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(describe(m));
    }
    return out;
  }

  private static String describe(Matcher m) {
    StringBuilder b = new StringBuilder(m.start() + "-" + m.end());
    for (int g = 1; g <= m.groupCount(); g++) {
      b.append('|').append(m.group(g));
    }
    return b.toString();
  }

  /**
   * Sentences that random texts rarely make: a qualifier of three words ahead of its number, "a dozen" and "a
   * hundred" as counts, prefixes of names, a verb four words ahead, lists of people.
   */
  private static final String[] HARD_CASES = {
      "Russia launched no fewer than 40 drones overnight, and air defence shot down as many as 35 of them.",
      "A dozen civilians were killed and a hundred people were injured; in excess of 20 were hospitalised.",
      "The strike killed at least three people and wounded no less than 12 others in Kharkiv.",
      "Ukrainian HIMARSes and Storm Shadows hit Russia's depots; Shaheds and Iskanders struck Kyiv's suburbs.",
      "A 68-year-old woman and a 38-year-old man were killed, the family of four was hurt, their son was injured.",
      "Of the missiles, 4 were shot down; none of them was intercepted over Odesa; 10 of 12 drones downed.",
      "In total, 37 were recorded, of which 30 were destroyed; launched 7 in total; out of 9 launched, 2 were lost.",
      "Pro-Russian officials said Kh-101 and Tu-95 were used; the occupiers shelled the town, leaving 2 dead."};

  @Test
  void aRuleTriedOnlyAtSomeWordStartsFindsWhatFindFinds() throws Exception {
    String[] extra = {"19", "2", "40", "1,200", "12.5", "7-year-old", "one", "Two", "twenty-one", "a", "an", "dozen",
        "hundred", "no", "No", "of", "the", "them", "were", ",", ".", ";", "-", "_", "é", "Kyiv", "drones", "people",
        "civilians", "x2", "3rd", "sixty", "Seventeen", "ninety", "The", "their", "His", "Shaheds", "Iskanders",
        "HIMARSes", "Ukraine's", "pro-Russian", "Kh-101", "éRussian", "_the", "s", "out", "in", "total", "none"};
    Random r = new Random(11);
    int rules = 0;
    for (Field f : gatedFields()) {
      Gated g = (Gated) f.get(null);
      if (!g.triedAtStarts()) {
        continue;
      }
      rules++;
      for (String text : HARD_CASES) {
        sameAsFind(f.getName(), g, text);
      }
      List<String> words = PatternWords.of(g.pattern().pattern());
      int matched = 0;
      for (int i = 0; i < 60_000 || (matched <= 100 && i < 3_000_000); i++) {
        String text = PatternWords.text(r, words, extra, 1 + r.nextInt(14), 3, 9);
        matched += sameAsFind(f.getName(), g, text) ? 1 : 0;
      }
      assertTrue(matched > 100, f.getName() + ": only " + matched + " random texts matched");
    }
    assertEquals(16, rules, "count and first-word rules");
  }

  /** Asserts that the rule tried at its starts finds what {@code find()} finds in {@code text}; true if any. */
  private static boolean sameAsFind(String name, Gated g, String text) {
    String lower = Stems.asciiLowerCase(text);
    List<String> expected = g.mayMatch(lower) ? found(g.pattern().matcher(text)) : List.of();
    List<String> actual = new ArrayList<>();
    Gated.Matches m = g.matches(text, lower, new NumberWords(text));
    while (m != null && m.next()) {
      actual.add(describe(m.matcher()));
    }
    assertEquals(expected, actual, name + " on '" + text + "'");
    return !expected.isEmpty();
  }
}
