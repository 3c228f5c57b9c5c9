package org.frontline.ingest;

import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  /** {@code \p{L}} or {@code \p{N}} as java.util.regex reads them. */
  static boolean isWordChar(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    }
    int t = Character.getType(cp);
    return Character.isLetter(cp) || t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }

  /**
   * The sorted distinct indices of the text's word n-grams; empty for a text without words. The lower-cased
   * text is encoded to UTF-8 once and each n-gram hashed from those bytes (its words joined by a space byte),
   * which is what hashing the n-gram's string gives, without a string per n-gram.
   */
  public static int[] indices(String text, int n, int numFeatures) {
    if (text == null) {
      return new int[0];
    }
    String s = text.toLowerCase(Locale.ROOT);
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    // word runs as [start, end) byte offsets into utf8
    int[] starts = new int[16];
    int[] ends = new int[16];
    int words = 0;
    int start = -1;
    int at = 0; // byte offset of the code point at i
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int chars = Character.charCount(cp);
      // an unpaired surrogate is encoded as one '?' byte
      int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : Character.isSurrogate((char) cp) && chars == 1 ? 1
          : cp < 0x10000 ? 3 : 4;
      boolean word = isWordChar(cp);
      if (word && start < 0) {
        start = at;
      } else if (!word && start >= 0) {
        if (words == starts.length) {
          starts = Arrays.copyOf(starts, 2 * words);
          ends = Arrays.copyOf(ends, 2 * words);
        }
        starts[words] = start;
        ends[words++] = at;
        start = -1;
      }
      at += bytes;
      i += chars;
    }
    if (start >= 0) {
      if (words == starts.length) {
        starts = Arrays.copyOf(starts, words + 1);
        ends = Arrays.copyOf(ends, words + 1);
      }
      starts[words] = start;
      ends[words++] = at;
    }
    int width = words >= n ? n : 1;
    int count = words >= n ? words - n + 1 : words;
    int[] out = new int[count];
    byte[] gram = new byte[64];
    for (int i = 0; i < count; i++) {
      int len = 0;
      for (int j = i; j < i + width; j++) {
        int w = ends[j] - starts[j];
        if (len + w + 1 > gram.length) {
          gram = Arrays.copyOf(gram, 2 * (len + w + 1));
        }
        if (j > i) {
          gram[len++] = ' ';
        }
        System.arraycopy(utf8, starts[j], gram, len, w);
        len += w;
      }
      out[i] = Math.floorMod(Murmur3_x86_32.hashUnsafeBytes(gram, Platform.BYTE_ARRAY_OFFSET, len, SEED), numFeatures);
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
