package org.frontline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The words of a regular expression's source, to build test texts a pattern can match from. */
public final class PatternWords {
  private PatternWords() {}

  /** The words of a pattern's source, in order: escapes such as \\b or \\s are dropped, not read as letters. */
  public static List<String> of(String regex) {
    List<String> out = new ArrayList<>();
    for (String w : regex.replaceAll("\\\\[a-zA-Z]", " ").split("[^A-Za-z0-9'’-]+")) {
      if (!w.isEmpty() && w.chars().anyMatch(Character::isLetter)) {
        out.add(w.replaceAll("^[-']+|[-']+$", ""));
      }
    }
    return out;
  }

  /**
   * A text of {@code n} words: runs of consecutive pattern words (so that its phrases occur) and random ones,
   * one in {@code extraOneIn} from {@code extra}, in random ASCII case (upper, capitalised or as written),
   * separated by a space, or by nothing one time in {@code glueOneIn} (0: always a space).
   */
  public static String text(Random r, List<String> words, String[] extra, int n, int extraOneIn, int glueOneIn) {
    StringBuilder b = new StringBuilder();
    int at = r.nextInt(words.size());
    for (int k = 0; k < n; k++) {
      String w = r.nextInt(extraOneIn) == 0 ? extra[r.nextInt(extra.length)]
          : r.nextBoolean() ? words.get((at + k) % words.size()) : words.get(r.nextInt(words.size()));
      w = switch (r.nextInt(3)) {
        case 0 -> w.toUpperCase(Locale.ROOT);
        case 1 -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
        default -> w;
      };
      boolean glued = k == 0 || glueOneIn > 0 && r.nextInt(glueOneIn) == 0;
      b.append(glued ? "" : " ").append(w);
    }
    return b.toString();
  }
}
