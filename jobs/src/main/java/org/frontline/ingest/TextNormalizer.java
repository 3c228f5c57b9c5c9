package org.frontline.ingest;

import org.apache.commons.text.StringEscapeUtils;

import java.text.Normalizer;

/**
 * The two text steps Spark has no built-in expression for: decoding HTML entities ({@code &amp;},
 * {@code &#8217;}, {@code &nbsp;} ...) and Unicode NFC normalisation. A pure function, wrapped as a UDF by
 * {@link TextCleaner}; both fast paths skip work for the common already-clean string.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  public static String decodeAndNormalize(String s) {
    if (s == null) {
      return null;
    }
    String out = s.indexOf('&') >= 0 ? StringEscapeUtils.unescapeHtml4(s) : s;
    return Normalizer.isNormalized(out, Normalizer.Form.NFC) ? out : Normalizer.normalize(out, Normalizer.Form.NFC);
  }
}
