package org.frontline.extract;

import java.util.Arrays;
import java.util.Set;

/**
 * The word starts of one sentence and which of them may begin a count ({@link Numbers#NUM}): a run of digits,
 * a number word, or "a" before "dozen" or "hundred". A count pattern such as "more than 40 drones" can only begin at
 * a word a few words before such a start, so {@link Gated#matches} tries it there alone instead of at
 * every position of the sentence. A rule whose matches begin with one of a few words ("the", "a", a number:
 * "the 68-year-old woman was killed") is likewise tried only at those words ({@link #startsOf}).
 *
 * <p>A word start is an ASCII letter or digit not preceded by one (nor by {@code _}): every position where
 * {@code \b} is followed by an ASCII letter or digit is one, whatever {@code \b}'s Unicode reading.
 */
final class NumberWords {
  private final int[] starts;
  private final int[] ends;
  private final boolean[] number;
  private final int words;

  NumberWords(String s) {
    int n = s.length();
    int[] st = new int[8];
    int[] en = new int[8];
    boolean[] num = new boolean[8];
    int w = 0;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      boolean prevWord = i > 0 && (isAsciiAlnum(s.charAt(i - 1)) || s.charAt(i - 1) == '_');
      if (!isAsciiAlnum(c) || prevWord) {
        i++;
        continue;
      }
      int e = i + 1;
      while (e < n && isAsciiAlnum(s.charAt(e))) {
        e++;
      }
      if (w == st.length) {
        st = Arrays.copyOf(st, 2 * w);
        en = Arrays.copyOf(en, 2 * w);
        num = Arrays.copyOf(num, 2 * w);
      }
      st[w] = i;
      en[w] = e;
      num[w] = c >= '0' && c <= '9' || e - i <= 9 && Numbers.beginsCount(s, i, e);
      w++;
      i = e;
    }
    this.starts = st;
    this.ends = en;
    this.number = num;
    this.words = w;
  }

  private static boolean isAsciiAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /**
   * The offsets, ascending, of the word starts at most {@code before} words ahead of (or at) a word that may
   * begin a count, and of those ahead of it only the words in {@code first} or beginning with one of
   * {@code prefixes} (as in {@link #startsOf}).
   */
  int[] startsUpTo(int before, Set<String> first, String[] prefixes, String lower) {
    int[] out = new int[words];
    int n = 0;
    int covered = -1; // the highest word index already taken
    for (int k = 0; k < words; k++) {
      if (!number[k]) {
        continue;
      }
      for (int j = Math.max(covered + 1, k - before); j <= k; j++) {
        if (j == k || isFirst(j, first, prefixes, lower)) {
          out[n++] = starts[j];
        }
      }
      covered = k;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The offsets, ascending, of the word starts whose word (its ASCII letters and digits, lower case) is one
   * of {@code first}, begins with one of {@code prefixes}, or, when {@code counts}, may begin a count.
   * {@code lower} is {@link org.frontline.common.Stems#asciiLowerCase} of the sentence.
   */
  int[] startsOf(Set<String> first, String[] prefixes, boolean counts, String lower) {
    int[] out = new int[words];
    int n = 0;
    for (int k = 0; k < words; k++) {
      if (counts && number[k] || isFirst(k, first, prefixes, lower)) {
        out[n++] = starts[k];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Whether word {@code k} is one of {@code first} or begins with one of {@code prefixes}. */
  private boolean isFirst(int k, Set<String> first, String[] prefixes, String lower) {
    if (first.contains(lower.substring(starts[k], ends[k]))) {
      return true;
    }
    for (String p : prefixes) {
      if (p.length() <= ends[k] - starts[k] && lower.startsWith(p, starts[k])) {
        return true;
      }
    }
    return false;
  }
}
