package org.frontline.extract;

import java.time.LocalDate;
import java.util.List;

/**
 * What one article's sentences share while {@link StrikeRules} reads them in order: the reference date
 * relative dates resolve against, what the headline says (place, weapon, date, who struck), and what the
 * earlier sentences established (their date and weapon, the latest regional and national mention, to which
 * a later sentence's figures may belong).
 */
final class ArticleContext {
  /** The day relative dates resolve against: the publication, else the article's first date, else the run's. */
  final LocalDate reference;
  /** How a sentence without a date of its own is dated: PUBLISHED, ANCHOR or AS_OF. */
  final DateBasis defaultBasis;
  /** Whether the publication date is known. */
  final boolean published;
  /** The headline's place, when the headline reports a strike on it. */
  final PlaceMatcher.Hit titlePlace;
  /** RU, UA or null: who struck, as the headline tells it. */
  final String titleCue;
  /** A date in the headline ("yesterday", "on Wednesday"). */
  final EventDates.Found titleDate;

  /** The date the latest sentence with mentions gave, its weapon and model. */
  LocalDate contextDate;
  WeaponClass contextWeapon;
  String contextModel;
  Mention lastRegional;
  Mention lastNational;

  ArticleContext(String title, List<Sentences.Span> spans, LocalDate published, LocalDate asOf,
                 PlaceMatcher matcher) {
    LocalDate reference = published;
    DateBasis basis = DateBasis.PUBLISHED;
    if (reference == null) {
      for (Sentences.Span s : spans) {
        EventDates.Found f = EventDates.explicit(s.text(), asOf);
        if (f.date() != null) {
          reference = f.date();
          basis = DateBasis.ANCHOR;
          break;
        }
      }
      if (reference == null) {
        reference = asOf;
        basis = DateBasis.AS_OF;
      }
    }
    this.reference = reference;
    this.defaultBasis = basis;
    this.published = published != null;
    this.titlePlace = title == null ? null : headlinePlace(title, matcher);
    if (title != null) {
      Weapons.Hit w = StrikeRules.primary(StrikeRules.withoutRubric(Weapons.find(title), title));
      if (w != null) {
        contextWeapon = w.weapon();
        contextModel = w.model();
      }
    }
    this.titleCue = Attackers.cue(title);
    this.titleDate = title == null ? EventDates.Found.NONE : EventDates.find(title, reference, -1);
  }

  private static PlaceMatcher.Hit headlinePlace(String title, PlaceMatcher matcher) {
    for (PlaceMatcher.Hit h : matcher.find(title)) {
      if (h.isPlace() && (h.cued || StrikeCues.TRIGGER.matcher(title).find())) {
        return h;
      }
    }
    return null;
  }

  /** A sentence's date and how it was read; {@code date} null when the day cannot be told. */
  record Dated(LocalDate date, DateBasis basis) {}

  /**
   * The date of a sentence whose own date expression is {@code found}: its own date, else the earlier
   * sentences', else the headline's, else the publication (or none, for an article read against the run).
   */
  Dated date(EventDates.Found found) {
    if (found.date() != null && defaultBasis == DateBasis.AS_OF && found.basis() == DateBasis.RELATIVE) {
      return new Dated(null, DateBasis.UNKNOWN); // "yesterday" in an article of unknown date
    }
    if (found.date() != null && found.basis() == DateBasis.RELATIVE && titleDate.basis() == DateBasis.EXPLICIT
        && Math.abs(found.date().toEpochDay() - titleDate.date().toEpochDay()) <= 1) {
      // an explicit date wins over a relative expression in the same item: "… air targets on Apr 16" over
      // "… over the past day" in an item of 17 April
      return new Dated(titleDate.date(), DateBasis.EXPLICIT);
    }
    if (found.date() != null) {
      return new Dated(found.date(), !published && found.basis() == DateBasis.RELATIVE ? defaultBasis
          : found.basis());
    }
    if (found.vague()) {
      return new Dated(null, DateBasis.VAGUE);
    }
    if (contextDate != null) {
      return new Dated(contextDate, DateBasis.INHERITED);
    }
    if (titleDate.date() != null && defaultBasis != DateBasis.AS_OF) {
      return new Dated(titleDate.date(), titleDate.basis()); // "yesterday" or a date in the headline only
    }
    if (defaultBasis == DateBasis.AS_OF) {
      return new Dated(null, DateBasis.UNKNOWN);
    }
    return new Dated(reference, defaultBasis);
  }

  /** Whether a date lies too far before the reference (background) or after it (a misread) to be news. */
  boolean outOfRange(LocalDate date) {
    return date != null && (date.isBefore(reference.minusDays(StrikeRules.MAX_AGE_DAYS))
        || date.isAfter(reference.plusDays(1)));
  }

  /**
   * Remembers the mentions one sentence made: the latest regional and national mention, and, when it made
   * any, its date and weapon for the sentences after it.
   */
  void remember(List<Mention> made, EventDates.Found found, LocalDate date, Weapons.Hit firstWeapon,
                String model) {
    for (Mention m : made) {
      if (m.national) {
        lastNational = m;
      } else {
        lastRegional = m;
      }
    }
    if (made.isEmpty()) {
      return;
    }
    if (found.date() != null) {
      contextDate = found.date();
    } else if (contextDate == null && date != null) {
      contextDate = date;
    }
    if (firstWeapon != null) {
      contextWeapon = firstWeapon.weapon();
      contextModel = model;
    }
  }
}
