package org.frontline.extract;

import org.frontline.common.Stems;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule's pattern and the literal stems every one of its matches contains: the pattern runs only on a
 * sentence that has one of them, so a sentence without is settled by a few {@code indexOf} calls instead of
 * an alternation tried at every word boundary. The stems must be a necessary condition (checked in
 * {@code GatedTest} on texts made of the pattern's own words); with them the rule finds exactly what the
 * pattern alone finds.
 */
final class Gated {
  private final Pattern pattern;
  private final Stems stems;
  private final int wordsBeforeNumber;
  private final Set<String> firstWords;
  private final String[] firstPrefixes;
  private final boolean firstCounts;

  Gated(Pattern pattern, String... stems) {
    this(-1, null, false, pattern, stems);
  }

  private Gated(int wordsBeforeNumber, Set<String> first, boolean firstCounts, Pattern pattern, String... stems) {
    this.pattern = pattern;
    this.stems = new Stems(stems);
    this.wordsBeforeNumber = wordsBeforeNumber;
    this.firstWords = first == null ? null : first.stream().filter(w -> !w.endsWith("*"))
        .collect(Collectors.toUnmodifiableSet());
    this.firstPrefixes = first == null ? null : first.stream().filter(w -> w.endsWith("*"))
        .map(w -> w.substring(0, w.length() - 1)).sorted().toArray(String[]::new);
    this.firstCounts = firstCounts;
  }

  /**
   * A count rule: every match begins at a word start at most {@code wordsBefore} words ahead of a word that
   * may begin a count ({@link NumberWords}), e.g. 3 for "no fewer than 40 drones", and when it begins ahead of
   * it, with one of {@code first} (as in {@link #firstWord}): "no" of "no fewer than 40 drones", "killed" of
   * "killed at least 3". {@link #matches} tries it only there. {@code GatedTest} checks that it finds what
   * {@code find()} finds.
   */
  static Gated count(int wordsBefore, Set<String> first, Pattern pattern, String... stems) {
    return new Gated(wordsBefore, checked(first), false, pattern, stems);
  }

  /**
   * A rule whose every match begins at a word start, with one of {@code first} (lower case: the word's ASCII
   * letters and digits, "ukraine" for "Ukraine's"; "shahed*" for any word that begins so, "Shaheds") or, when
   * {@code counts}, with a word that may begin a count; {@link #matches} tries it only there. {@code GatedTest}
   * checks that it finds what {@code find()} finds.
   */
  static Gated firstWord(Set<String> first, boolean counts, Pattern pattern, String... stems) {
    return new Gated(-1, checked(first), counts, pattern, stems);
  }

  private static Set<String> checked(Set<String> first) {
    for (String w : first) {
      if (!w.matches("[a-z0-9]+\\*?")) {
        throw new IllegalArgumentException("first words are lower-case ASCII letters and digits, a prefix ends"
            + " with *: '" + w + "'");
      }
    }
    return Set.copyOf(first);
  }

  /** Whether {@link #matches} tries the rule only at some word starts (a count rule or a first-word rule). */
  boolean triedAtStarts() {
    return wordsBeforeNumber >= 0 || firstWords != null;
  }

  Pattern pattern() {
    return pattern;
  }

  /** Whether the text may match: {@code lower} is {@link Stems#asciiLowerCase} of it. */
  boolean mayMatch(String lower) {
    return stems.anyInLower(lower);
  }

  /** A matcher over {@code s}, or null when it cannot match; {@code lower} is {@link Stems#asciiLowerCase} of it. */
  Matcher matcher(String s, String lower) {
    return mayMatch(lower) ? pattern.matcher(s) : null;
  }

  /**
   * The matches {@code find()} gives over {@code s}, in order, or null when there can be none. A count or
   * first-word rule is tried only at the starts {@code words} allows, each by {@code lookingAt} over the rest of
   * the sentence with transparent bounds (its look-behinds and {@code \b} see the text before).
   */
  Matches matches(String s, String lower, NumberWords words) {
    if (!mayMatch(lower)) {
      return null;
    }
    if (!triedAtStarts()) {
      return new Matches(pattern.matcher(s), null);
    }
    int[] starts = wordsBeforeNumber >= 0 ? words.startsUpTo(wordsBeforeNumber, firstWords, firstPrefixes, lower)
        : words.startsOf(firstWords, firstPrefixes, firstCounts, lower);
    return starts.length == 0 ? null
        : new Matches(pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false), starts);
  }

  /** Successive matches: {@link #next} then the matcher's groups and offsets. */
  static final class Matches {
    private final Matcher m;
    private final int[] starts;
    private int i;
    private int from;

    private Matches(Matcher m, int[] starts) {
      this.m = m;
      this.starts = starts;
    }

    /** Advances to the next match; false when there is none. */
    boolean next() {
      if (starts == null) {
        return m.find();
      }
      int end = m.regionEnd();
      while (i < starts.length) {
        int p = starts[i++];
        if (p < from) {
          continue;
        }
        m.region(p, end);
        if (m.lookingAt()) {
          from = Math.max(m.end(), p + 1);
          return true;
        }
      }
      return false;
    }

    Matcher matcher() {
      return m;
    }
  }

  /** Whether the pattern occurs in {@code s}; {@code lower} is {@link Stems#asciiLowerCase} of it. */
  boolean find(String s, String lower) {
    return mayMatch(lower) && pattern.matcher(s).find();
  }
}
