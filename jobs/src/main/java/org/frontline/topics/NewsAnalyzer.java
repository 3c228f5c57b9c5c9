package org.frontline.topics;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lucene's English analysis chain, fitted to war news: tokens are runs of letters and digits that may be
 * joined by a hyphen or an apostrophe ("Shahed-136", "Kh-101", "Zaporizhzhia" stay whole); possessives go
 * ("Russia's" → "russia"); lower case; stop words and boilerplate go; tokens without a letter go (figures,
 * dates); KStem reduces inflections to readable stems ("strikes" → "strike", "attacked" → "attack").
 */
public final class NewsAnalyzer extends Analyzer {
  static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*");

  private final CharArraySet stopWords;
  private final int minLength;

  public NewsAnalyzer(Collection<String> stopWords, int minLength) {
    this.stopWords = new CharArraySet(stopWords, true);
    this.minLength = minLength;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new PatternTokenizer(TOKEN, 0);
    TokenStream s = new EnglishPossessiveFilter(source);
    s = new LowerCaseFilter(s);
    s = new StopFilter(s, stopWords);
    s = new LengthFilter(s, minLength, 40);
    s = new HasLetterFilter(s);
    s = new KStemFilter(s);
    return new TokenStreamComponents(source, s);
  }

  /** The analysed tokens of a text, in order. */
  public List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    try (TokenStream ts = tokenStream("text", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Drops tokens that contain no letter. */
  private static final class HasLetterFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    HasLetterFilter(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      char[] b = term.buffer();
      for (int i = 0; i < term.length(); i++) {
        if (Character.isLetter(b[i])) {
          return true;
        }
      }
      return false;
    }
  }
}
