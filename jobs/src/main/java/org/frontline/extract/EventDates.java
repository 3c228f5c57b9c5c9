package org.frontline.extract;

import org.frontline.common.Stems;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date a sentence gives for what it reports and resolves it against a reference date (the
 * article's publication date). Explicit dates ("on February 4", "Feb. 4", "4 February 2026", "2026-02-04",
 * "04.02.2026", "the night of 3 to 4 February" → the 4th) and relative ones ("overnight", "last night",
 * "this morning", "today" → the reference date; "yesterday" → one day before; "on Tuesday", "Tuesday night"
 * → the latest Tuesday on or before the reference; "overnight into Saturday" → that Saturday). A night is
 * dated by the morning it ends. Vague periods ("last week", "recently") are {@link Found#vague}.
 */
final class EventDates {
  private EventDates() {}

  /** What a sentence says about its date. */
  record Found(LocalDate date, DateBasis basis, int start, boolean vague) {
    static final Found NONE = new Found(null, null, -1, false);

    boolean any() {
      return date != null || vague;
    }
  }

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
      Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7), Map.entry("jul", 7),
      Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9),
      Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10), Map.entry("november", 11),
      Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
  /** Every month's name (and abbreviation) begins with one of these. */
  private static final String[] MONTH_STEMS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
      "nov", "dec"};
  private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|"
      + "November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String RANGE = "(?:\\s*(?:-|–|to|and|into)\\s*" + DAY + ")?";
  /** "February 4", "Feb. 3-4", "February 3 to 4, 2026". */
  private static final Gated MONTH_DAY = new Gated(Pattern.compile("\\b" + MONTH + "\\s+" + DAY + RANGE
      + "(?:,?\\s+(\\d{4}))?(?!\\d|:\\d)"), MONTH_STEMS);
  /** "4 February", "3-4 February 2026", "the night of 3 to 4 February". */
  private static final Gated DAY_MONTH = new Gated(Pattern.compile("\\b" + DAY + RANGE + "\\s+(?:of\\s+)?" + MONTH
      + "(?:,?\\s+(\\d{4}))?\\b"), MONTH_STEMS);
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
  private static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final Pattern INTO_WEEKDAY = Pattern.compile("\\b(?:overnight|night|early hours)\\s+"
      + "(?:into|to|on)\\s+" + WEEKDAY + "\\b");
  private static final Pattern ON_WEEKDAY = Pattern.compile("\\b(?:on|On|late on|early on|since|last|Last)?\\s*"
      + WEEKDAY + "(?:'s)?(?:\\s+(night|evening|morning|afternoon))?\\b");
  private static final Gated TODAY = new Gated(Pattern.compile("(?i)\\b(over the past day|in the past day|"
      + "past 24 hours|past 24 ?hrs|past 24h|last 24 hours|"
      + "over the last day|last day|overnight|last night|tonight|this morning|"
      + "early this morning|this afternoon|this evening|today|earlier today|in the early hours|"
      + "during the night|at night|the day before yesterday|(?:from|since) 18:00 yesterday|yesterday)\\b"),
      "day", "24", "night", "morning", "afternoon", "evening", "early hours");
  /**
   * No day: a vague period ("last week", "recently"), or a strike told as background — a time clause ("when
   * Russia was shelling Kyiv"), a facility "which was destroyed by" a strike, a phase of the war ("in the
   * early days of the war"). The coding rules date such an event null.
   */
  private static final Gated VAGUE = new Gated(Pattern.compile("(?i)\\b(last week|this week|earlier this week|"
      + "last weekend|recently|in recent days|in recent weeks|earlier this month|last month|days ago|"
      + "weeks ago|a week ago|over the weekend|when (?:[\\w-]+ ){1,3}(?:was|were) (?:shelling|bombing|attacking|"
      + "striking|pounding|firing on|firing at)|(?:which|that) (?:was|were) (?:\\w+ )?(?:destroyed|damaged|hit|"
      + "struck|shelled|bombed) (?:by|in)|(?:early|first|initial|opening) (?:days|weeks|months|day|week|hours) of "
      + "the (?:war|invasion)|(?:start|beginning|outset) of the (?:war|invasion|full-scale invasion)|earlier in "
      + "the war|early in the war)\\b"),
      "week", "recent", "month", "ago", "when ", "which ", "that ", " of the war", " of the invasion", "in the war",
      " of the full-scale");

  /**
   * The date the sentence gives, resolved against {@code reference}. Explicit dates win over weekdays, and
   * weekdays over "overnight"/"yesterday"; among several of a kind, the one nearest the strike word at
   * {@code anchor} ("rescuers finished on Monday at the site where a missile killed five on Sunday").
   */
  static Found find(String s, LocalDate reference, int anchor) {
    List<Found> explicit = new ArrayList<>();
    collectExplicit(s, reference, explicit);
    if (!explicit.isEmpty()) {
      return nearest(explicit, anchor);
    }
    List<Found> weekdays = new ArrayList<>();
    // every weekday's name contains "day" (the weekday patterns are case-sensitive)
    boolean day = s.contains("day");
    Matcher m = INTO_WEEKDAY.matcher(s);
    while (day && m.find()) {
      weekdays.add(new Found(weekday(m.group(1), reference), DateBasis.RELATIVE, m.start(), false));
    }
    if (weekdays.isEmpty() && day) {
      m = ON_WEEKDAY.matcher(s);
      while (m.find()) {
        // "Tuesday night" is the night starting Tuesday: it ends on Wednesday (never after the reference)
        LocalDate d = weekday(m.group(1), reference);
        if (d != null && "night".equals(m.group(2))) {
          d = d.plusDays(1);
          if (d.isAfter(reference)) {
            d = reference;
          }
        }
        weekdays.add(new Found(d, DateBasis.RELATIVE, m.start(1), false));
      }
    }
    if (!weekdays.isEmpty()) {
      return nearest(weekdays, anchor);
    }
    List<Found> days = new ArrayList<>();
    String lower = Stems.asciiLowerCase(s);
    m = TODAY.matcher(s, lower);
    while (m != null && m.find()) {
      String w = m.group(1).toLowerCase(Locale.ROOT);
      // a night and a "past day" (24-hour) summary are dated by the morning they end: the publication
      // "from 18:00 yesterday" opens the Air Force's overnight window: the night ends on the reference
      LocalDate d = w.equals("yesterday") ? reference.minusDays(1)
          : w.equals("the day before yesterday") ? reference.minusDays(2) : reference;
      days.add(new Found(d, DateBasis.RELATIVE, m.start(), false));
    }
    if (!days.isEmpty()) {
      return nearest(days, anchor);
    }
    m = VAGUE.matcher(s, lower);
    if (m != null && m.find()) {
      return new Found(null, DateBasis.VAGUE, m.start(), true);
    }
    return Found.NONE;
  }

  private static Found nearest(List<Found> found, int anchor) {
    Found best = found.get(0);
    if (anchor < 0) {
      return best;
    }
    for (Found f : found) {
      if (Math.abs(f.start() - anchor) < Math.abs(best.start() - anchor)) {
        best = f;
      }
    }
    return best;
  }

  /** The first explicit calendar date in the sentence; without a year it takes the reference's. */
  static Found explicit(String s, LocalDate reference) {
    List<Found> all = new ArrayList<>();
    collectExplicit(s, reference, all);
    Found best = Found.NONE;
    for (Found f : all) {
      if (!best.any() || f.start() < best.start()) {
        best = f;
      }
    }
    return best;
  }

  private static void collectExplicit(String s, LocalDate reference, List<Found> out) {
    if (!hasDigit(s)) {
      return; // every calendar date pattern needs a digit (\d is ASCII 0-9)
    }
    // a month's name (or, in an ISO date, a hyphen) is in every match of the first three: most sentences are
    // settled by indexOf
    String lower = Stems.asciiLowerCase(s);
    Matcher m = MONTH_DAY.matcher(s, lower);
    while (m != null && m.find()) {
      int day = Integer.parseInt(m.group(m.group(3) != null ? 3 : 2));
      keep(out, calendar(m.group(4), month(m.group(1)), day, reference, m.start()));
    }
    m = DAY_MONTH.matcher(s, lower);
    while (m != null && m.find()) {
      int day = Integer.parseInt(m.group(m.group(2) != null ? 2 : 1));
      keep(out, calendar(m.group(4), month(m.group(3)), day, reference, m.start()));
    }
    m = s.indexOf('-') >= 0 ? ISO.matcher(s) : null;
    while (m != null && m.find()) {
      keep(out, calendar(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), reference, m.start()));
    }
    m = DOTTED.matcher(s);
    while (m.find()) {
      keep(out, calendar(m.group(3), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), reference, m.start()));
    }
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static void keep(List<Found> out, Found f) {
    if (f.date() != null) {
      out.add(f);
    }
  }

  private static Found calendar(String year, int month, int day, LocalDate reference, int at) {
    try {
      if (year != null) {
        return new Found(LocalDate.of(Integer.parseInt(year), month, day), DateBasis.EXPLICIT, at, false);
      }
      if (reference == null) {
        return new Found(null, DateBasis.EXPLICIT, at, true);
      }
      LocalDate d = LocalDate.of(reference.getYear(), month, day);
      // "on December 30" in a January article is last year's
      if (d.isAfter(reference.plusDays(2))) {
        d = d.minusYears(1);
      }
      return new Found(d, DateBasis.EXPLICIT, at, false);
    } catch (DateTimeException | NumberFormatException e) {
      return Found.NONE;
    }
  }

  private static int month(String name) {
    return MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
  }

  private static LocalDate weekday(String name, LocalDate reference) {
    if (reference == null) {
      return null;
    }
    DayOfWeek d = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    return reference.with(TemporalAdjusters.previousOrSame(d));
  }
}
