package org.frontline.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sliding-window counts behind NPMI coherence, for one document, as a pure function. A document of
 * {@code L} tokens has {@code max(1, L - window + 1)} windows; window {@code s} holds tokens
 * {@code s .. s + window - 1} (a shorter document is one window). For each word of interest the count is the
 * number of windows holding it; for each pair of interest, the number of windows holding both words.
 *
 * <p>Slots: word {@code i} of the words given is slot {@code i}; pair {@code p} of the pairs given is slot
 * {@code words + p}; {@link #WINDOWS} is the document's number of windows. One pass slides the window over
 * the document with a count per word of interest, instead of exploding every occurrence into the windows it
 * opens and joining the occurrences with themselves.
 */
public final class WindowCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The slot of the document's window count. */
  public static final int WINDOWS = -1;

  private final String[] words;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<Long, Integer> pairSlot = new HashMap<>();
  private final int[][] pairs;
  private final int window;

  /**
   * @param words the words of interest (distinct)
   * @param pairs the pairs of interest (distinct), as two indices into {@code words} each
   */
  public WindowCounts(List<String> words, List<int[]> pairs, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1 but was " + window);
    }
    this.words = words.toArray(new String[0]);
    for (int i = 0; i < this.words.length; i++) {
      if (index.put(this.words[i], i) != null) {
        throw new IllegalArgumentException("word '" + this.words[i] + "' is given twice");
      }
    }
    this.pairs = new int[pairs.size()][];
    for (int p = 0; p < pairs.size(); p++) {
      int a = pairs.get(p)[0];
      int b = pairs.get(p)[1];
      if (a == b || a < 0 || b < 0 || a >= this.words.length || b >= this.words.length) {
        throw new IllegalArgumentException("pair " + Arrays.toString(pairs.get(p)) + " is not two distinct words of "
            + this.words.length);
      }
      this.pairs[p] = new int[] {a, b};
      if (pairSlot.put(key(a, b), this.words.length + p) != null) {
        throw new IllegalArgumentException("pair " + Arrays.toString(pairs.get(p)) + " is given twice");
      }
    }
    this.window = window;
  }

  private long key(int a, int b) {
    return a < b ? (long) a * Integer.MAX_VALUE + b : (long) b * Integer.MAX_VALUE + a;
  }

  /**
   * The non-zero counts of one document, as {@code (slot, count)} pairs in slot order, the window count
   * first; nothing for a null document.
   */
  public List<long[]> count(Iterable<String> tokens) {
    if (tokens == null) {
      return List.of();
    }
    List<Integer> ids = new ArrayList<>();
    for (String t : tokens) {
      Integer i = t == null ? null : index.get(t);
      ids.add(i == null ? -1 : i);
    }
    int n = ids.size();
    int windows = Math.max(1, n - window + 1);
    int slots = words.length + pairs.length;
    long[] counts = new long[slots];
    int[] inWindow = new int[words.length];
    int[] present = new int[words.length];
    int presentN = 0;
    int end = 0; // tokens [s, end) are in the window
    for (int s = 0; s < windows; s++) {
      int last = Math.min(n, s + window);
      while (end < last) {
        int id = ids.get(end++);
        if (id >= 0 && inWindow[id]++ == 0) {
          present[presentN++] = id;
        }
      }
      for (int x = 0; x < presentN; x++) {
        counts[present[x]]++;
        for (int y = x + 1; y < presentN; y++) {
          Integer slot = pairSlot.get(key(present[x], present[y]));
          if (slot != null) {
            counts[slot]++;
          }
        }
      }
      int id = s < n ? ids.get(s) : -1; // leaves the window before the next one
      if (id >= 0 && --inWindow[id] == 0) {
        for (int x = 0; x < presentN; x++) {
          if (present[x] == id) {
            present[x] = present[--presentN];
            break;
          }
        }
      }
    }
    List<long[]> out = new ArrayList<>();
    out.add(new long[] {WINDOWS, windows});
    for (int slot = 0; slot < slots; slot++) {
      if (counts[slot] > 0) {
        out.add(new long[] {slot, counts[slot]});
      }
    }
    return out;
  }
}
