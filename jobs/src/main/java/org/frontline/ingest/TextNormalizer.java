package org.frontline.ingest;

import org.apache.commons.text.StringEscapeUtils;

import java.text.Normalizer;

/**
 * The character-level text steps, as one pure function that {@link TextCleaner} wraps as a UDF: HTML entities
 * decoded ({@code &amp;}, {@code &#8217;}, {@code &nbsp;} ...), Unicode NFC, then one pass over the characters
 * that drops control and zero-width characters, folds every run of spaces to one space and every run of
 * spaces and line breaks that holds a line break to one {@code \n}, and trims the ends. The pass replaces six
 * whole-text regular expressions (each a full scan of the text in Spark) with one loop; the decoding and NFC
 * steps skip work for the common already-clean string.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  /** Decoded, NFC and folded (see the class comment); null stays null, blank becomes "". */
  public static String normalize(String s) {
    return s == null ? null : fold(decodeAndNormalize(s));
  }

  public static String decodeAndNormalize(String s) {
    if (s == null) {
      return null;
    }
    String out = s.indexOf('&') >= 0 ? StringEscapeUtils.unescapeHtml4(s) : s;
    return Normalizer.isNormalized(out, Normalizer.Form.NFC) ? out : Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /** Control and zero-width characters, dropped: C0 controls but tab and line breaks, DEL, ZWSP..ZWJ, WJ, BOM. */
  static boolean isDropped(char c) {
    return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F
        || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
  }

  /** Line breaks: LF, form feed, line and paragraph separators (CR is folded to LF before the HTML steps). */
  static boolean isBreak(char c) {
    return c == '\n' || c == '\f' || c == 0x2028 || c == 0x2029;
  }

  /** Spaces within a line: space, tab, CR, NBSP and Unicode's other space separators. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
        || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  /** Drops control characters, folds spaces and line breaks, trims; returns {@code s} itself when nothing changes. */
  static String fold(String s) {
    int n = s.length();
    StringBuilder out = null;
    boolean pendingSpace = false;
    boolean pendingBreak = false;
    int written = 0; // characters of s copied so far, while the output is still a prefix of s (out == null)
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean dropped = isDropped(c);
      boolean isBreak = !dropped && isBreak(c);
      boolean space = !dropped && !isBreak && isSpace(c);
      if (dropped || isBreak || space) {
        pendingBreak |= isBreak;
        pendingSpace |= space;
        continue;
      }
      // a regular character: emit the separator the run before it folds to
      boolean nothingYet = out == null ? written == 0 : out.length() == 0;
      String sep = nothingYet ? "" : pendingBreak ? "\n" : pendingSpace ? " " : "";
      if (out == null) {
        // still identical to s when the skipped run is exactly the separator itself
        boolean same = i - written == sep.length() && (sep.isEmpty() || s.charAt(written) == sep.charAt(0));
        if (same) {
          written = i + 1;
        } else {
          out = new StringBuilder(n);
          out.append(s, 0, written).append(sep).append(c);
        }
      } else {
        out.append(sep).append(c);
      }
      pendingBreak = false;
      pendingSpace = false;
    }
    if (out == null) {
      return written == n ? s : s.substring(0, written);
    }
    return out.toString();
  }
}
