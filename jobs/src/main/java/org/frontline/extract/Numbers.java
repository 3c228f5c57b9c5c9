package org.frontline.extract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Numbers as news writes counts: digits ("12", "1,200") and number words ("two", "twenty-five",
 * "a dozen"). Four plain digits are read as a year, never a count; ages ("a 68-year-old") and house numbers
 * never match because every count pattern requires the counted noun or verb right after the number.
 */
final class Numbers {
  private Numbers() {}

  private static final String UNITS = "one|two|three|four|five|six|seven|eight|nine";
  private static final String TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
  private static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

  /** A regex fragment for one count (no capturing groups). */
  static final String NUM = "(?<![Nn]o )(?<![Ee]very )(?<![\\w-])"
      + "(?<!(?:January|February|March|April|May|June|July|August|September|"
      + "October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.? )"
      + "(?:\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?![\\d,.:-]\\d)|a dozen|zero|(?:" + TENS + ")(?:[- ](?:" + UNITS
      + "))?|" + TEENS + "|" + UNITS + "|a hundred|(?:" + UNITS + ") hundred)(?![\\w-])";

  /** Qualifier phrases in front of a number, and what they mean. */
  static final String QUALIFIER = "(?:more than|over|at least|no fewer than|no less than|in excess of|upwards of|"
      + "about|around|nearly|almost|some|approximately|roughly|an estimated|close to|up to|as many as|"
      + "a total of|in total|a further|another)";

  /** The first word of each {@link #QUALIFIER} phrase (an alternation of literal phrases). */
  static final Set<String> QUALIFIER_FIRST_WORDS = Arrays.stream(
      QUALIFIER.substring("(?:".length(), QUALIFIER.length() - 1).split("\\|"))
      .map(phrase -> phrase.split(" ")[0]).collect(Collectors.toUnmodifiableSet());

  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
      Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
      Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
      Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
      Map.entry("ninety", 90), Map.entry("zero", 0), Map.entry("a", 1), Map.entry("an", 1));

  /**
   * Whether the word {@code s[start, end)} may begin a {@link #NUM} match: a number word, or "a" in "a dozen"
   * or "a hundred" (ASCII letters compared without case, as the pattern does).
   */
  static boolean beginsCount(String s, int start, int end) {
    String w = s.substring(start, end).toLowerCase(Locale.ROOT);
    if (w.equals("a")) {
      return s.regionMatches(true, start, "a dozen", 0, 7) || s.regionMatches(true, start, "a hundred", 0, 9);
    }
    return !w.equals("an") && WORDS.containsKey(w);
  }

  /** The value of a {@link #NUM} match, or null. */
  static Integer parse(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return null;
    }
    if (Character.isDigit(t.charAt(0))) {
      try {
        return Integer.parseInt(t.replace(",", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (t.equals("a dozen")) {
      return 12;
    }
    if (t.equals("a hundred")) {
      return 100;
    }
    if (t.endsWith(" hundred")) {
      Integer u = WORDS.get(t.substring(0, t.length() - " hundred".length()));
      return u == null ? null : u * 100;
    }
    String[] parts = t.split("[- ]");
    int total = 0;
    for (String p : parts) {
      Integer v = WORDS.get(p);
      if (v == null) {
        return null;
      }
      total += v;
    }
    return total;
  }

  /** exact, at_least, about or up_to, from the words in front of a number. */
  static String qualifier(String q) {
    if (q == null || q.isBlank()) {
      return "exact";
    }
    String t = q.trim().toLowerCase(Locale.ROOT);
    if (t.equals("up to") || t.equals("as many as")) {
      return "up_to";
    }
    if (t.equals("more than") || t.equals("over") || t.equals("at least") || t.startsWith("no ")
        || t.equals("in excess of") || t.equals("upwards of")) {
      return "at_least";
    }
    if (t.equals("a total of") || t.equals("in total") || t.equals("a further") || t.equals("another")) {
      return "exact";
    }
    return "about";
  }
}
