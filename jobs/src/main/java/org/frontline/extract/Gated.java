package org.frontline.extract;

import org.frontline.common.Stems;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  Gated(Pattern pattern, String... stems) {
    this.pattern = pattern;
    this.stems = new Stems(stems);
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

  /** Whether the pattern occurs in {@code s}; {@code lower} is {@link Stems#asciiLowerCase} of it. */
  boolean find(String s, String lower) {
    return mayMatch(lower) && pattern.matcher(s).find();
  }
}
