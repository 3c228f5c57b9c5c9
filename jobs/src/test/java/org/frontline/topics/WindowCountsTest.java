package org.frontline.topics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WindowCountsTest {
  private static final List<String> WORDS = List.of("a", "b", "c", "d");
  private static final List<int[]> PAIRS = List.of(new int[] {0, 1}, new int[] {2, 0}, new int[] {1, 3});

  @Test
  void slidingCountsEqualCountingEveryWindowAlone() {
    Random random = new Random(7);
    String[] alphabet = {"a", "b", "c", "d", "x", "y"};
    for (int trial = 0; trial < 500; trial++) {
      int window = 1 + random.nextInt(6);
      List<String> doc = new ArrayList<>();
      int n = random.nextInt(15);
      for (int i = 0; i < n; i++) {
        doc.add(alphabet[random.nextInt(alphabet.length)]);
      }
      WindowCounts counter = new WindowCounts(WORDS, PAIRS, window);
      assertArrayEquals(bruteForce(doc, window), dense(counter.count(doc)), "window " + window + " over " + doc);
    }
  }

  @Test
  void aShortDocumentIsOneWindowAndOnlyNonZeroSlotsAreGiven() {
    WindowCounts counter = new WindowCounts(WORDS, PAIRS, 10);
    List<long[]> c = counter.count(List.of("b", "x", "a", "a"));
    assertEquals(4, c.size());
    assertArrayEquals(new long[] {WindowCounts.WINDOWS, 1}, c.get(0));
    assertArrayEquals(new long[] {0, 1}, c.get(1)); // a
    assertArrayEquals(new long[] {1, 1}, c.get(2)); // b
    assertArrayEquals(new long[] {4, 1}, c.get(3)); // the pair (a, b); (c, a) and (b, d) are absent
    assertEquals(List.of(), counter.count(null));
    assertArrayEquals(new long[] {WindowCounts.WINDOWS, 1}, counter.count(List.of()).get(0));
  }

  @Test
  void invalidWordsPairsAndWindowsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new WindowCounts(WORDS, PAIRS, 0));
    assertThrows(IllegalArgumentException.class, () -> new WindowCounts(List.of("a", "a"), List.of(), 3));
    assertThrows(IllegalArgumentException.class, () -> new WindowCounts(WORDS, List.of(new int[] {1, 1}), 3));
    assertThrows(IllegalArgumentException.class,
        () -> new WindowCounts(WORDS, List.of(new int[] {0, 1}, new int[] {1, 0}), 3));
  }

  private static long[] bruteForce(List<String> doc, int window) {
    long[] out = new long[1 + WORDS.size() + PAIRS.size()];
    int windows = Math.max(1, doc.size() - window + 1);
    out[0] = windows;
    for (int s = 0; s < windows; s++) {
      Set<String> in = new HashSet<>(doc.subList(s, Math.min(doc.size(), s + window)));
      for (int w = 0; w < WORDS.size(); w++) {
        out[1 + w] += in.contains(WORDS.get(w)) ? 1 : 0;
      }
      for (int p = 0; p < PAIRS.size(); p++) {
        boolean both = in.contains(WORDS.get(PAIRS.get(p)[0])) && in.contains(WORDS.get(PAIRS.get(p)[1]));
        out[1 + WORDS.size() + p] += both ? 1 : 0;
      }
    }
    return out;
  }

  private static long[] dense(List<long[]> sparse) {
    long[] out = new long[1 + WORDS.size() + PAIRS.size()];
    for (long[] c : sparse) {
      out[(int) c[0] + 1] = c[1];
    }
    return out;
  }
}
