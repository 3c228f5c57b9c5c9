package org.frontline.ingest;

import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The word-shingle set of a text as sorted distinct feature indices, in one pass: the text lower-cased and
 * cut into runs of letters and digits ({@code RegexTokenizer} with {@code [^\p{L}\p{N}]+}), word
 * {@code n}-grams joined by a space ({@code NGram}; a text of fewer than {@code n} words gives its words),
 * each hashed as Spark's {@code hash()} does (murmur3 of the UTF-8 bytes, seed 42) and taken modulo
 * {@code numFeatures}. The same set as those built-ins compose to ({@code NearDuplicateMarkerTest} checks
 * it), at a tenth of the cost: they pass every article through three conversions and an interpreted lambda.
 * A pure function, wrapped as a UDF by {@link NearDuplicateMarker}.
 */
public final class Shingles {
  private static final int SEED = 42;

  private Shingles() {}

  /** Lower-cased runs of letters and digits, in order. */
  static List<String> words(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean word = isWordChar(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }

  /** {@code \p{L}} or {@code \p{N}} as java.util.regex reads them. */
  static boolean isWordChar(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    }
    int t = Character.getType(cp);
    return Character.isLetter(cp) || t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }

  /** Spark's {@code hash(string)}: murmur3 (x86, 32 bit) of the UTF-8 bytes with seed 42. */
  static int sparkHash(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Murmur3_x86_32.hashUnsafeBytes(b, Platform.BYTE_ARRAY_OFFSET, b.length, SEED);
  }

  /** The sorted distinct indices of the text's word n-grams; empty for a text without words. */
  public static int[] indices(String text, int n, int numFeatures) {
    if (text == null) {
      return new int[0];
    }
    List<String> words = words(text);
    int count = words.size() >= n ? words.size() - n + 1 : words.size();
    int[] out = new int[count];
    StringBuilder gram = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String shingle;
      if (words.size() >= n) {
        gram.setLength(0);
        for (int j = i; j < i + n; j++) {
          gram.append(j > i ? " " : "").append(words.get(j));
        }
        shingle = gram.toString();
      } else {
        shingle = words.get(i);
      }
      out[i] = Math.floorMod(sparkHash(shingle), numFeatures);
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }
}
