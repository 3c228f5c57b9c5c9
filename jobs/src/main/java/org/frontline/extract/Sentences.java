package org.frontline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences with their character offsets. A sentence ends at a line break or at '.', '!'
 * or '?' followed by space and an upper-case letter, a digit or a quote, except after abbreviations
 * ("Feb. 4", "Mr. Zelensky", "U.S. officials", "a.m.") and initials ("J. Smith").
 */
public final class Sentences {
  private Sentences() {}

  /** A sentence: its index in the text, its offsets ({@code end} exclusive) and its text. */
  public record Span(int index, int start, int end, String text) {}

  private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col",
      "sgt", "capt", "maj", "gov", "sen", "rep", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "no", "nos", "vs", "etc", "approx", "est", "u.s", "u.n", "u.k", "e.u", "a.m",
      "p.m", "i.e", "e.g", "inc", "ltd", "co", "corp", "jr", "sr", "mt", "ft", "km", "vol", "fig", "dept");

  public static List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean end = false;
      int cut = i + 1;
      if (c == '\n' || c == '\r') {
        end = true;
        cut = i;
      } else if ((c == '.' || c == '!' || c == '?') && i + 2 < n) {
        int j = i + 1;
        while (j < n && (text.charAt(j) == '"' || text.charAt(j) == '”' || text.charAt(j) == '’'
            || text.charAt(j) == ')' || text.charAt(j) == '\'')) {
          j++;
        }
        cut = j;
        if (j < n && Character.isWhitespace(text.charAt(j))) {
          int k = j;
          while (k < n && text.charAt(k) == ' ') {
            k++;
          }
          char next = k < n ? text.charAt(k) : 'A';
          boolean opens = Character.isUpperCase(next) || Character.isDigit(next) || next == '"' || next == '“'
              || next == '‘' || next == '\n' || next == '(';
          end = opens && (c != '.' || !abbreviation(text, i));
        }
      }
      if (end) {
        add(out, text, start, cut);
        start = cut;
      }
    }
    add(out, text, start, n);
    return out;
  }

  private static boolean abbreviation(String text, int dot) {
    int s = dot;
    while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
      s--;
    }
    String word = text.substring(s, dot).toLowerCase(Locale.ROOT);
    if (word.length() == 1 && Character.isUpperCase(text.charAt(s))) {
      return true; // an initial
    }
    return ABBREVIATIONS.contains(word);
  }

  private static void add(List<Span> out, String text, int from, int to) {
    int a = from;
    int b = to;
    while (a < b && Character.isWhitespace(text.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    if (b > a) {
      out.add(new Span(out.size(), a, b, text.substring(a, b)));
    }
  }
}
