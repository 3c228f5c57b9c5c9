package org.frontline.ingest;

import org.frontline.common.Stems;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops the boilerplate lines of normalized text and cuts a trailing link prompt, as a pure function that
 * {@link TextCleaner} wraps. A line is boilerplate when it is at most {@code maxChars} characters (code points)
 * long and the line pattern or the footer pattern is found in it. Both patterns are compiled once, with the
 * function; the longer lines, most of an article, are not searched at all. With the default patterns each
 * line is first checked against their literals, exactly as {@code extract}'s gated rules are: the line
 * pattern (anchored at the line's start) only runs on a line that starts with one of its alternatives'
 * first words, the footer pattern only on a line that holds one of its phrases ({@code BoilerplateTest}
 * checks both are necessary on lines made of the patterns' own words).
 *
 * <p>It replaces a chain of built-in expressions (a whole-text search for a candidate line, then
 * {@code filter(split(text, '\n'), line -> ...)}) that cost a fifth of ingest's record preparation: Spark
 * evaluates the lambda of a higher-order function without code generation, converting every line to a Java
 * string twice.
 */
public final class Boilerplate implements Serializable {
  private static final long serialVersionUID = 1L;
  /** A link prompt at the very end of a text ("View news.", "Read more"), case-insensitive. */
  static final String PROMPT = "(?:view (?:news|article|more|full article)|read more|continue reading)\\.?$";
  /** The prompt is looked for (and cut with the spaces before it) only when the last this-many characters hold one. */
  static final int PROMPT_TAIL = 24;
  private static final Pattern PROMPT_AT_END = Pattern.compile("(?i)" + PROMPT);
  private static final Pattern PROMPT_CUT = Pattern.compile("(?i)\\s*\\b" + PROMPT);

  /**
   * How a line that {@link TextCleaner#DEFAULT_BOILERPLATE} matches starts (ASCII letters in any case): the
   * first words of its alternatives ({@code \d* ?comments?} can start with a digit, a space or "comment").
   */
  static final String[] DEFAULT_LINE_STARTS = {"ad", "sponsored", "promoted", "paid content", "story continues",
      "continue reading", "scroll ", "leave a ", "post a comment", "cancel reply", "0", "1", "2", "3", "4", "5", "6",
      "7", "8", "9", " ", "comment", "view comments", "show comments", "load comments", "join the ", "share",
      "tweet", "email", "print", "copy link", "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin",
      "instagram", "reddit", "follow ", "sign up", "subscribe", "keep up to date with ", "get ", "by ",
      "privacy policy", "terms of ", "cookie ", "manage cookies", "accept ", "all rights reserved", "\u00a9",
      "copyright ", "(c) ", "read more", "read also", "also read", "see also", "related", "more on this story",
      "more from ", "recommended", "most ", "trending", "you may also like", "image", "photo", "picture",
      "getty images", "reuters", "ap", "afp", "epa", "skip ", "click here", "download ", "listen to "};
  /** Every match of {@link TextCleaner#DEFAULT_FOOTER_WORDS} holds one of these (ASCII letters in any case). */
  static final String[] DEFAULT_FOOTER_STEMS = {"newsletter", "privacy policy", "terms of ", "cookie policy",
      "all rights reserved"};

  private final Pattern line;
  private final Pattern footer;
  private final int maxChars;
  /** The line starts, by the line's first character (lower-cased when ASCII); null: no gate. */
  private final String[][] lineStarts;
  /** The footer's stems; null: no gate. */
  private final Stems footerStems;

  public Boilerplate(String linePattern, String footerPattern, int maxChars) {
    this(linePattern, footerPattern, maxChars, true);
  }

  /** {@code gated}: check the default patterns' literals first (false only to test that they change nothing). */
  Boilerplate(String linePattern, String footerPattern, int maxChars, boolean gated) {
    this.line = Pattern.compile(linePattern);
    this.footer = Pattern.compile(footerPattern);
    this.maxChars = maxChars;
    this.lineStarts = gated && linePattern.equals(TextCleaner.DEFAULT_BOILERPLATE) ? byFirstChar(DEFAULT_LINE_STARTS)
        : null;
    this.footerStems = gated && footerPattern.equals(TextCleaner.DEFAULT_FOOTER_WORDS)
        ? new Stems(DEFAULT_FOOTER_STEMS) : null;
  }

  private static String[][] byFirstChar(String[] starts) {
    List<List<String>> table = new ArrayList<>();
    for (int c = 0; c < 256; c++) {
      table.add(new ArrayList<>());
    }
    for (String s : starts) {
      table.get(s.charAt(0)).add(s);
    }
    String[][] out = new String[256][];
    for (int c = 0; c < 256; c++) {
      out[c] = table.get(c).toArray(new String[0]);
    }
    return out;
  }

  /** Whether the line pattern may match {@code l}: it starts with one of the line starts, case aside. */
  private boolean mayStartBoilerplate(String l) {
    if (lineStarts == null) {
      return true;
    }
    if (l.isEmpty()) {
      return false;
    }
    char c = l.charAt(0);
    if (c >= 'A' && c <= 'Z') {
      c = (char) (c + ('a' - 'A'));
    }
    if (c >= 256) {
      return false;
    }
    for (String start : lineStarts[c]) {
      if (l.regionMatches(true, 0, start, 0, start.length())) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code l} (one line, no {@code \n}) is boilerplate. */
  public boolean isBoilerplate(String l) {
    return isBoilerplate(l, 0, l.length());
  }

  /** True when the line {@code s[start, end)} is boilerplate; a long line is not even cut out of the text. */
  private boolean isBoilerplate(String s, int start, int end) {
    if (end - start > maxChars && s.codePointCount(start, end) > maxChars) {
      return false;
    }
    String l = s.substring(start, end);
    if (mayStartBoilerplate(l) && line.matcher(l).find()) {
      return true;
    }
    return (footerStems == null || footerStems.anyIn(l)) && footer.matcher(l).find();
  }

  /** The text without its boilerplate lines (kept lines joined with {@code \n}) and trailing link prompt. */
  public String drop(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder kept = null; // null while every line so far is kept: the result is then a prefix of s
    boolean any = false; // a line is in kept (it may be an empty one)
    int start = 0;
    int n = s.length();
    while (start <= n) {
      int end = s.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      if (isBoilerplate(s, start, end)) {
        if (kept == null) {
          kept = new StringBuilder(n).append(s, 0, Math.max(start - 1, 0));
          any = start > 0;
        }
      } else if (kept != null) {
        if (any) {
          kept.append('\n');
        }
        kept.append(s, start, end);
        any = true;
      }
      start = end + 1;
    }
    String joined = kept == null ? s : kept.toString();
    return cutPrompt(joined);
  }

  /** Cuts a trailing link prompt and the spaces before it, when the text's last characters hold one. */
  static String cutPrompt(String s) {
    int n = s.length();
    int tailStart = n;
    for (int k = 0; k < PROMPT_TAIL && tailStart > 0; k++) {
      tailStart = s.offsetByCodePoints(tailStart, -1);
    }
    if (!PROMPT_AT_END.matcher(s).region(tailStart, n).find()) {
      return s;
    }
    return PROMPT_CUT.matcher(s).replaceAll("");
  }

  /** Spark's {@code trim}: ASCII spaces (only) removed from both ends. */
  static String trimSpaces(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && s.charAt(a) == ' ') {
      a++;
    }
    while (b > a && s.charAt(b - 1) == ' ') {
      b--;
    }
    return a == 0 && b == s.length() ? s : s.substring(a, b);
  }
}
