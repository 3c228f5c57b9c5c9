package org.frontline.ingest;

import com.ibm.icu.lang.UCharacter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The hash two copies of an article share: SHA-256, as lower-case hex, of its content lower-cased and with
 * every run of whitespace ({@code \s}: space, tab, line feed, vertical tab, form feed, carriage return) made
 * one space. It is the value of Spark's {@code sha2(regexp_replace(lower(content), "\\s+", " "), 256)},
 * which earlier lakes hold, computed in one pass: Spark lower-cases an ASCII text byte by byte and any
 * other with ICU's {@code UCharacter.toLowerCase}, as here, but copies the text between its own strings
 * and Java's four times on the way. {@code ContentHashTest} compares the two on random texts.
 */
public final class ContentHash {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  });

  private ContentHash() {}

  /** The hash of {@code content} (null hashes as the empty text). */
  public static String of(String content) {
    String s = content == null ? "" : content;
    byte[] bytes = key(sparkLower(s)).getBytes(StandardCharsets.UTF_8);
    byte[] digest = SHA256.get().digest(bytes);
    char[] out = new char[2 * digest.length];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
    return new String(out);
  }

  /** Spark's {@code lower()}: an ASCII text by its letters A–Z, any other by ICU's {@code UCharacter.toLowerCase}. */
  static String sparkLower(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return UCharacter.toLowerCase(s);
      }
    }
    return s.toLowerCase(Locale.ROOT);
  }

  /** {@code \s} of a Java pattern without the Unicode flag, as Spark's {@code regexp_replace} compiles it. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** A lower-cased text with its whitespace runs made one space. */
  private static String key(String lower) {
    StringBuilder b = new StringBuilder(lower.length());
    boolean inSpace = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (isSpace(c)) {
        if (!inSpace) {
          b.append(' ');
        }
        inSpace = true;
        continue;
      }
      inSpace = false;
      b.append(c);
    }
    return b.toString();
  }
}
