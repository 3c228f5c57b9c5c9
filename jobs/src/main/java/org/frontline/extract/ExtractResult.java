package org.frontline.extract;

import org.frontline.lake.ChangedArticles;
import org.frontline.lake.StageResult;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an extraction wrote: every article's mentions ({@link Full}) or the changed articles' ({@link Changed}). */
public sealed interface ExtractResult extends StageResult {
  /** A full extraction: the mentions table rewritten from every article. */
  record Full(long articles, long articlesWithMentions, long mentions, Map<String, Long> byWeapon,
              Map<String, Long> byCountry, Map<String, Long> byDateBasis, long national) implements ExtractResult {
    @Override
    public Map<String, Object> summary() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("articles", articles);
      s.put("articles_with_mentions", articlesWithMentions);
      s.put("mentions", mentions);
      s.put("by_weapon", byWeapon);
      s.put("by_country", byCountry);
      s.put("by_date_basis", byDateBasis);
      s.put("national", national);
      return StageResult.section("extract", s);
    }
  }

  /**
   * A nightly extraction: the mentions of the changed articles replaced; {@code span} is the span of event
   * dates whose mentions changed (old and new), for the events stage to recompute; {@code articles} are the
   * changed articles, for the topics stage.
   */
  record Changed(long articlesChanged, long articlesWithMentions, long mentions, Map<String, Long> byWeapon,
                 DateSpan span, ChangedArticles articles) implements ExtractResult {
    @Override
    public Map<String, Object> summary() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("articles_changed", articlesChanged);
      s.put("articles_with_mentions", articlesWithMentions);
      s.put("mentions", mentions);
      s.put("by_weapon", byWeapon);
      s.put("event_dates_changed", span.isEmpty() ? null : span.from() + ".." + span.to());
      return StageResult.section("extract", s);
    }
  }

  /** A span of event dates (both null when no dated mention changed). */
  record DateSpan(LocalDate from, LocalDate to) {
    public boolean isEmpty() {
      return from == null;
    }
  }
}
