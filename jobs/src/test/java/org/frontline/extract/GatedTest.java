package org.frontline.extract;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** The words of a pattern's source, in order: escapes such as \\b or \\s are dropped, not read as letters. */
  static List<String> words(String regex) {
    List<String> out = new ArrayList<>();
    for (String w : regex.replaceAll("\\\\[a-zA-Z]", " ").split("[^A-Za-z0-9'’-]+")) {
      if (!w.isEmpty() && w.chars().anyMatch(Character::isLetter)) {
        out.add(w.replaceAll("^[-']+|[-']+$", ""));
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
      List<String> words = words(g.pattern().pattern());
      int matches = 0;
      for (int i = 0; i < 20_000; i++) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(12);
        int at = r.nextInt(words.size());
        for (int k = 0; k < n; k++) {
          String w = r.nextInt(4) == 0 ? EXTRA[r.nextInt(EXTRA.length)]
              : r.nextBoolean() ? words.get((at + k) % words.size()) : words.get(r.nextInt(words.size()));
          w = switch (r.nextInt(3)) {
            case 0 -> w.toUpperCase(Locale.ROOT);
            case 1 -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
            default -> w;
          };
          b.append(k == 0 ? "" : " ").append(w);
        }
        String text = b.toString();
        if (g.pattern().matcher(text).find()) {
          matches++;
          assertTrue(g.mayMatch(Stems.asciiLowerCase(text)), f.getName() + " matches without a stem: '" + text + "'");
        }
      }
      assertTrue(matches > 0, f.getName() + ": no random text matched, the check proved nothing");
    }
  }
}
