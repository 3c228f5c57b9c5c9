package org.frontline.extract;

import org.frontline.PatternWords;
import org.frontline.common.Stems;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every gated rule of {@link StrikeRules} and {@link EventDates}: on texts made of its own pattern's words (random words, and runs of
 * consecutive words, so that its phrases occur), in random ASCII case, a match never happens without a stem.
 */
class GatedTest {
  private static final String[] EXTRA = {"19", "20", "1945", "2022", "2025", "12", "1,200", "two", "the", "a", "of",
      ",", ".", "Kyiv", "drones", "were", "was", "people", "civilians", "-", "’s", "'s"};

  static List<Field> gatedFields() {
    List<Field> out = new ArrayList<>();
    for (Class<?> c : List.of(StrikeRules.class, EventDates.class)) {
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
      for (int i = 0; i < 20_000; i++) {
        String text = PatternWords.text(r, words, EXTRA, 1 + r.nextInt(12), 4, 0);
        if (g.pattern().matcher(text).find()) {
          matches++;
          assertTrue(g.mayMatch(Stems.asciiLowerCase(text)), f.getName() + " matches without a stem: '" + text + "'");
        }
      }
      assertTrue(matches > 0, f.getName() + ": no random text matched, the check proved nothing");
    }
  }
}
