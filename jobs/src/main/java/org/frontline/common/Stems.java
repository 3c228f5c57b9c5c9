package org.frontline.common;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * A set of literal stems looked up in a text with {@link String#indexOf} (vectorised by the JVM: for a few
 * dozen stems over a sentence it beats an Aho–Corasick automaton, whose transitions are boxed), ignoring the
 * case of ASCII letters only, as {@link java.util.regex.Pattern#CASE_INSENSITIVE} does without
 * {@code UNICODE_CASE}. It is an exact
 * replacement for a case-insensitive pattern that is an alternation of literals ("kill|dead|died"), and a
 * cheap necessary condition before a pattern that cannot match without one of them: a regular expression
 * with word boundaries and alternations tries every alternative at every position of a sentence, and most
 * sentences contain none of the stems.
 */
public final class Stems implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String[] stems;

  public Stems(String... stems) {
    for (String s : stems) {
      if (s.isEmpty() || !s.equals(s.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("stems are non-empty and lower case: '" + s + "' in "
            + Arrays.toString(stems));
      }
    }
    this.stems = stems.clone();
  }

  /** Whether any stem occurs in {@code text}, ASCII letters compared without case. */
  public boolean anyIn(String text) {
    return anyInLower(asciiLowerCase(text));
  }

  /** Whether any stem occurs in {@code lower}, a text already {@link #asciiLowerCase ASCII-lower-cased}. */
  public boolean anyInLower(String lower) {
    for (String stem : stems) {
      if (lower.indexOf(stem) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code A}–{@code Z} to {@code a}–{@code z}, every other character (and so every offset) unchanged. */
  public static String asciiLowerCase(String s) {
    int i = 0;
    while (i < s.length() && !isAsciiUpper(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    char[] c = s.toCharArray();
    for (; i < c.length; i++) {
      if (isAsciiUpper(c[i])) {
        c[i] = (char) (c[i] + ('a' - 'A'));
      }
    }
    return new String(c);
  }

  private static boolean isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
