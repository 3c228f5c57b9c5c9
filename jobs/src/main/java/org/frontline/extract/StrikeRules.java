package org.frontline.extract;

import org.frontline.common.Stems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The strike-extraction rules, as one pure function from an article to its strike mentions. Spark wraps
 * it in {@link StrikeExtractor}; tests call it directly.
 *
 * <p>Per sentence: clauses that speak of what could, would or might happen are blanked (offsets kept);
 * sentences about cumulative tallies, history, deliveries, production or exercises are skipped whole. A
 * sentence reports a strike when it has a strike word together with a place used as a location, a weapon
 * or a national cue ("at Ukraine"), or when it gives casualties or interceptions. It yields one mention per
 * place it locates; a national summary ("Russia launched 84 missiles and 24 drones at Ukraine") yields one
 * mention per weapon with no region. A sentence with figures but no place of its own ("Air defences shot
 * down 80 of them", "The victim was a 68-year-old woman") adds them to the article's latest mention. The
 * date, the weapon and the place carry over from earlier sentences of the same article. Finally the
 * mentions of one article with the same date, country, region and weapon are merged (figures: the largest
 * reported), an unknown weapon joining the one known weapon of the same place and date.
 */
public final class StrikeRules {
  private StrikeRules() {}

  /** How many days before the reference an event may lie and still be news rather than background. */
  static final int MAX_AGE_DAYS = 31;

  /**
   * The strike mentions of one article.
   *
   * @param published the publication date, or null
   * @param asOf      the date an undated article is read against (the run's date)
   */
  public static List<Mention> extract(String title, String text, LocalDate published, LocalDate asOf,
                                      Gazetteer gazetteer) {
    return extract(title, text, published, asOf, gazetteer, Map.of());
  }

  /**
   * The strike mentions of one article, with a second opinion: the sentences of {@code flagged} (by index)
   * are strike reports whatever the rules' strike words and filters say — the rules still find their place,
   * date and figures, and the flag's weapon class stands in when the sentence names none ({@code UNKNOWN}:
   * no hint).
   */
  public static List<Mention> extract(String title, String text, LocalDate published, LocalDate asOf,
                                      Gazetteer gazetteer, Map<Integer, WeaponClass> flagged) {
    if ((text == null || text.isBlank()) && title != null && !title.isBlank()) {
      return fromHeadlineAlone(title, published, asOf, gazetteer);
    }
    if (text == null || text.isBlank()) {
      return new ArrayList<>();
    }
    PlaceMatcher matcher = gazetteer.matcher();
    List<Sentences.Span> spans = Sentences.split(text);
    ArticleContext article = new ArticleContext(title, spans, published, asOf, matcher);
    List<Mention> out = new ArrayList<>();
    for (Sentences.Span span : spans) {
      Reading r = read(span, article, matcher, flagged.get(span.index()));
      if (r == null) {
        continue;
      }
      List<Mention> made = attribute(r, article);
      String cue = made.isEmpty() ? null : r.defence() ? Attackers.defenceCue(r.whole()) : Attackers.cue(r.whole());
      for (Mention m : made) {
        m.attacker = Attackers.of(cue, article.titleCue, m.country, m.regionIso);
      }
      out.addAll(made);
      article.remember(made, r.found(), r.dated().date(), r.firstWeapon(), r.model());
    }
    addHeadlineStrikes(out, title, published, asOf, gazetteer);
    return finish(out);
  }

  /** Many wire items are a headline alone: it is then the text (offsets are into the title). */
  private static List<Mention> fromHeadlineAlone(String title, LocalDate published, LocalDate asOf,
                                                 Gazetteer gazetteer) {
    List<Mention> fromTitle = extract(null, title, published, asOf, gazetteer);
    for (Mention m : fromTitle) {
      m.field = "title";
    }
    return fromTitle;
  }

  /** An article's mentions of one strike merged, each with its confidence. */
  private static List<Mention> finish(List<Mention> mentions) {
    List<Mention> merged = MentionMerger.merge(mentions);
    for (Mention m : merged) {
      m.confidence = Confidence.of(m);
    }
    return merged;
  }

  /** One sentence that reports a strike, as read: where, with what, which figures, when. */
  private record Reading(Sentences.Span span, String whole, String text, String lower, int triggerAt,
                         List<PlaceMatcher.Hit> places, List<Weapons.Hit> weapons, FigureReader.Figures figures,
                         boolean nationalRu, boolean nationalUa, EventDates.Found found, ArticleContext.Dated dated,
                         Weapons.Hit firstWeapon, WeaponClass weapon, String model) {
    boolean trigger() {
      return triggerAt >= 0;
    }

    /** The sentence tells of weapons shot down: it names the defender. */
    boolean defence() {
      return figures.intercepted != null || figures.launches.stream().anyMatch(FigureReader.Launch::intercept);
    }

    /** "the town", "there": it goes on about a place named before. */
    boolean anaphora() {
      return StrikeCues.ANAPHORA.matcher(text).find();
    }
  }

  /**
   * A sentence read for a strike, or null when it reports none: no strike or casualty word, a sentence the
   * filters rule out, no place, weapon, national cue or figure, or a date too far from the article's.
   */
  private static Reading read(Sentences.Span span, ArticleContext article, PlaceMatcher matcher,
                              WeaponClass flag) {
    String s = span.text();
    String lower = Stems.asciiLowerCase(s); // what every gated pattern looks its stems up in
    boolean mayReport = StrikeCues.mayReport(s, lower);
    // "In total, 37 were recorded": a figure with no strike word, after a national summary it belongs to
    boolean followUp = !mayReport && flag == null && article.lastNational != null
        && FigureReader.mayCount(lower);
    boolean screened = (mayReport || followUp)
        && !SentenceFilters.reportsNoStrike(s, lower, article.reference.getYear());
    if (!screened && flag == null) {
      return null;
    }
    String whole = s;
    s = SentenceFilters.blankHypotheticals(s, lower);
    if (!s.equals(whole)) {
      lower = Stems.asciiLowerCase(s);
    }
    int triggerAt = StrikeCues.trigger(s, lower);
    boolean read = screened && (triggerAt >= 0 || followUp || StrikeCues.CASUALTY_WORD.anyInLower(lower));
    // the second opinion only adds a sentence the rules pass over, standing for its missing strike word
    boolean flagged = !read && flag != null;
    if (!read && !flagged) {
      return null;
    }
    if (flagged && triggerAt < 0) {
      triggerAt = 0;
    }
    List<PlaceMatcher.Hit> places = followUp ? List.of() : cuedPlaces(s, matcher);
    List<Weapons.Hit> weapons = withoutRubric(Weapons.find(s), s);
    FigureReader.Figures fig = FigureReader.read(s, lower);
    boolean nationalRu = StrikeCues.NATIONAL_RU.find(s, lower);
    boolean nationalUa = StrikeCues.NATIONAL_UA.find(s, lower);
    boolean strike = (triggerAt >= 0 && (!places.isEmpty() || !weapons.isEmpty() || nationalUa || nationalRu))
        || fig.hasCasualties() || fig.intercepted != null || fig.launchedTotal != null
        || (!fig.launches.isEmpty() && (nationalUa || nationalRu)); // "Moscow used 3 missiles, the Air Force said"
    if (followUp) {
      strike = fig.launchedTotal != null || fig.intercepted != null;
    }
    if (!strike) {
      return null;
    }
    EventDates.Found found = EventDates.find(s, article.reference, triggerAt);
    ArticleContext.Dated dated = article.date(found);
    if (article.outOfRange(dated.date())) {
      return null; // background or a mistaken date: not this article's news
    }
    Weapons.Hit first = primary(weapons);
    WeaponClass weapon = first != null ? first.weapon()
        : flagged && flag != WeaponClass.UNKNOWN ? flag
        : article.contextWeapon != null ? article.contextWeapon : WeaponClass.UNKNOWN;
    String model = first != null ? firstModel(weapons, weapon)
        : article.contextWeapon != null ? article.contextModel : null;
    return new Reading(span, whole, s, lower, triggerAt, places, weapons, fig, nationalRu, nationalUa, found, dated,
        first, weapon, model);
  }

  /** The places a sentence uses as locations ("in Kharkiv", "hit Odesa"), not as actors ("Kyiv said"). */
  private static List<PlaceMatcher.Hit> cuedPlaces(String s, PlaceMatcher matcher) {
    List<PlaceMatcher.Hit> places = new ArrayList<>();
    for (PlaceMatcher.Hit h : matcher.find(s)) {
      if (h.cued && h.isPlace()) {
        places.add(h);
      }
    }
    return places;
  }

  /**
   * The mentions a sentence makes: one per place it locates; else one per weapon of a national summary;
   * else none, its figures going to the article's latest mention (or a strike at the headline's place).
   */
  private static List<Mention> attribute(Reading r, ArticleContext a) {
    FigureReader.Figures fig = r.figures();
    if (!r.places().isEmpty()) {
      return located(r);
    }
    if (!fig.launches.isEmpty() && fig.launches.stream().allMatch(FigureReader.Launch::intercept)
        && a.lastRegional != null && a.lastRegional.sentenceIndex == r.span().index() - 1 && !r.nationalRu()
        && !StrikeCues.SPREAD.find(r.text(), r.lower())) {
      return shotDownThere(r, a.lastRegional); // "Explosions rang out in Kremenchuk. Air defence shot down 2 missiles."
    }
    if ((!fig.launches.isEmpty() && !r.anaphora())
        || (r.trigger() && !r.weapons().isEmpty() && (r.nationalUa() || r.nationalRu()))
        || (r.trigger() && !fig.hasCasualties() && StrikeCues.SPREAD.find(r.text(), r.lower()))) {
      return national(r);
    }
    int index = r.span().index();
    if (fig.launchedTotal != null && a.lastNational != null && fig.launches.isEmpty()) {
      a.lastNational.launched = FigureReader.max(a.lastNational.launched, fig.launchedTotal);
      a.lastNational.evidence.add(index);
      if (fig.intercepted != null) {
        a.lastNational.intercepted = FigureReader.max(a.lastNational.intercepted, fig.intercepted);
      }
      dateFromFollowUp(a.lastNational, r);
    } else if (fig.intercepted != null && (a.lastNational != null || a.lastRegional != null)) {
      Mention target = a.lastNational != null ? a.lastNational : a.lastRegional;
      target.intercepted = FigureReader.max(target.intercepted, fig.intercepted);
      target.evidence.add(index);
      dateFromFollowUp(target, r);
    } else if (fig.hasCasualties() && r.found().date() != null && StrikeCues.COUNTRY_SCOPE.find(r.text(),
        r.lower())) {
      return List.of(rollUp(r)); // "22 civilians were killed in Russian attacks in Ukraine over the past day"
    } else if ((fig.hasCasualties() || !fig.launches.isEmpty()) && a.lastRegional != null) {
      fig.applyTo(a.lastRegional, null);
      a.lastRegional.evidence.add(index);
    } else if (r.trigger() && r.anaphora() && a.lastRegional != null && a.lastRegional.sentenceIndex == index - 1) {
      a.lastRegional.evidence.add(index);
      if (r.firstWeapon() != null && a.lastRegional.weapon == WeaponClass.UNKNOWN) {
        a.lastRegional.weapon = r.firstWeapon().weapon();
        a.lastRegional.weaponModel = r.model();
      }
    } else if ((fig.hasCasualties() || (r.trigger() && r.anaphora() && r.weapon() != WeaponClass.UNKNOWN))
        && a.titlePlace != null) {
      return List.of(atHeadlinePlace(r, a.titlePlace));
    } else if (fig.intercepted != null) {
      return national(r); // "air defence shot down five enemy targets": a shoot-down is a strike event
    }
    return List.of();
  }

  /**
   * A sentence that adds figures to an earlier mention and tells the day ("It added that Russia had launched
   * 13 in total on Tuesday") dates it when the earlier sentence gave no date of its own.
   */
  private static void dateFromFollowUp(Mention m, Reading r) {
    if (!m.ownDate && r.found().date() != null && r.dated().date() != null) {
      m.eventDate = r.dated().date();
      m.dateBasis = r.dated().basis();
      m.ownDate = true;
    }
  }

  /** One mention per region the sentence locates (a city rather than its oblast), each with its figures. */
  private static List<Mention> located(Reading r) {
    Map<String, PlaceMatcher.Hit> byIso = new LinkedHashMap<>();
    for (PlaceMatcher.Hit h : r.places()) {
      PlaceMatcher.Hit prev = byIso.get(h.iso);
      if (prev == null || (prev.kind == Gazetteer.Kind.OBLAST && h.kind == Gazetteer.Kind.CITY)) {
        byIso.put(h.iso, h);
      }
    }
    List<PlaceMatcher.Hit> distinct = new ArrayList<>(byIso.values());
    List<Mention> made = new ArrayList<>();
    for (PlaceMatcher.Hit h : distinct) {
      for (WeaponClass weapon : weaponsOf(r)) {
        Mention m = mention(r, h.country(), h.iso, h.surface, h.kind.name().toLowerCase(Locale.ROOT), weapon,
            weapon == r.weapon() ? r.model() : firstModel(r.weapons(), weapon));
        m.placeCanonical = h.canonical;
        m.ownDate = r.found().date() != null;
        m.ownWeapon = r.firstWeapon() != null;
        if (distinct.size() == 1) {
          r.figures().applyTo(m, null);
        } else {
          r.figures().applyNearest(m, h, distinct);
        }
        made.add(m);
      }
    }
    return made;
  }

  /** "shelled", "bombing": a verb that names how a strike is told more than the weapon it was made with. */
  private static final Pattern STRIKE_VERB = Pattern.compile(
      "(?i)shell(?:ed|ing)|bomb(?:ed|ing)|bombardment");

  /**
   * The weapon classes a sentence's strike was made with: its primary weapon, and every other class it names
   * ("helicopters, guns and MLRS": airstrike and artillery) — a carrier ("aircraft") not beside the bombs or
   * missiles it dropped, a verb ("shelled with S-300 missiles") not beside a weapon.
   */
  private static List<WeaponClass> weaponsOf(Reading r) {
    List<WeaponClass> out = new ArrayList<>(List.of(r.weapon()));
    boolean munition = r.weapons().stream().anyMatch(w -> w.weapon() == WeaponClass.GLIDE_BOMB
        || w.weapon() == WeaponClass.MISSILE);
    for (Weapons.Hit w : r.weapons()) {
      if (!out.contains(w.weapon()) && !(w.carrier() && munition)
          && !STRIKE_VERB.matcher(r.text().substring(w.start(), w.end())).matches()) {
        out.add(w.weapon());
      }
    }
    return out;
  }

  /** A national summary: one mention per weapon counted (else named), no region. */
  private static List<Mention> national(Reading r) {
    String country = r.nationalRu() ? "RU" : "UA";
    FigureReader.Figures fig = r.figures();
    Map<WeaponClass, Mention> perWeapon = new LinkedHashMap<>();
    for (FigureReader.Launch l : fig.launches) {
      Mention m = perWeapon.computeIfAbsent(l.weapon(), w -> mention(r, country, null, null, null, w, null));
      m.weaponModel = m.weaponModel != null ? m.weaponModel : l.model();
      FigureReader.Figures.apply(m, l);
    }
    if (perWeapon.isEmpty()) {
      for (Weapons.Hit w : r.weapons()) {
        perWeapon.computeIfAbsent(w.weapon(), k -> mention(r, country, null, null, null, k,
            firstModel(r.weapons(), k)));
      }
    }
    if (perWeapon.isEmpty()) {
      perWeapon.put(r.weapon(), mention(r, country, null, null, null, r.weapon(), r.model()));
    }
    List<Mention> made = new ArrayList<>();
    for (Mention m : perWeapon.values()) {
      m.national = true;
      m.ownDate = r.found().date() != null;
      m.ownWeapon = true;
      if (fig.intercepted != null && perWeapon.size() == 1) {
        m.intercepted = FigureReader.max(m.intercepted, fig.intercepted);
      }
      made.add(m);
    }
    return made;
  }

  /**
   * Weapons shot down, told right after a strike on a place and naming none: they were aimed there. Each
   * weapon joins the place's mention (naming its weapon when it had none), or makes one of its own there.
   */
  private static List<Mention> shotDownThere(Reading r, Mention place) {
    List<Mention> made = new ArrayList<>();
    for (FigureReader.Launch l : r.figures().launches) {
      Mention target = place.weapon == l.weapon() || place.weapon == WeaponClass.UNKNOWN ? place : null;
      for (Mention m : made) {
        target = m.weapon == l.weapon() ? m : target;
      }
      if (target == null) {
        target = mention(r, place.country, place.regionIso, place.place, place.placeKind, l.weapon(), l.model());
        target.placeCanonical = place.placeCanonical;
        target.eventDate = place.eventDate;
        target.dateBasis = place.dateBasis;
        made.add(target);
      } else if (target == place) {
        place.evidence.add(r.span().index());
      }
      target.weapon = l.weapon();
      FigureReader.Figures.apply(target, l);
    }
    return made;
  }

  /** A national daily casualty roll-up: one national event, weapon unknown, with the casualties. */
  private static Mention rollUp(Reading r) {
    Mention m = mention(r, "UA", null, null, null, WeaponClass.UNKNOWN, null);
    m.national = true;
    m.ownDate = true;
    r.figures().applyTo(m, null);
    return m;
  }

  /** Casualties (or "the town" hit) with no place of their own, in an article whose headline names one. */
  private static Mention atHeadlinePlace(Reading r, PlaceMatcher.Hit place) {
    Mention m = mention(r, place.country(), place.iso, place.surface, place.kind.name().toLowerCase(Locale.ROOT),
        r.weapon(), r.model());
    m.placeCanonical = place.canonical;
    r.figures().applyTo(m, null);
    return m;
  }

  /**
   * The strikes a headline reports ("Shelling of Kharkiv region: …", "Three killed in shelling of X") on a
   * country and region the text reports none on: the text is more specific where it speaks, the headline
   * speaks for itself where the text is silent — also on a figure the text's mention of the same strike
   * lacks ("… 3 drones launched" over a text that gives only the downed). Offsets of such mentions are into
   * the title.
   */
  private static void addHeadlineStrikes(List<Mention> out, String title, LocalDate published, LocalDate asOf,
                                         Gazetteer gazetteer) {
    if (title == null || title.isBlank()) {
      return;
    }
    for (Mention t : extract(null, title, published, asOf, gazetteer)) {
      Mention covering = null;
      for (Mention m : out) {
        if (m.country.equals(t.country) && Objects.equals(m.regionIso, t.regionIso)) {
          covering = covering == null || m.weapon == t.weapon ? m : covering;
        }
      }
      if (covering == null) {
        t.field = "title";
        out.add(t);
      } else if (covering.weapon == t.weapon || covering.weapon == WeaponClass.UNKNOWN) {
        // the text's figures stand; the headline's fill those it does not give
        if (covering.launched == null) {
          covering.launched = t.launched;
          covering.launchedQualifier = t.launchedQualifier;
        }
        covering.intercepted = covering.intercepted != null ? covering.intercepted : t.intercepted;
        covering.killed = covering.killed != null ? covering.killed : t.killed;
        covering.injured = covering.injured != null ? covering.injured : t.injured;
      }
    }
  }

  /**
   * The weapons of a sentence without those of its rubric: in "Shelling of Donetsk region: missile strikes
   * on …" the words before the colon name the topic, the words after it the strike.
   */
  static List<Weapons.Hit> withoutRubric(List<Weapons.Hit> weapons, String s) {
    int colon = s.indexOf(": ");
    if (colon <= 0 || colon > 100 || weapons.isEmpty() || weapons.get(0).start() > colon
        || weapons.get(weapons.size() - 1).start() < colon) {
      return weapons;
    }
    List<Weapons.Hit> after = new ArrayList<>();
    for (Weapons.Hit w : weapons) {
      if (w.start() > colon) {
        after.add(w);
      }
    }
    return after;
  }


  private static Mention mention(Reading r, String country, String iso, String place, String placeKind,
                                 WeaponClass weapon, String model) {
    Sentences.Span span = r.span();
    Mention m = new Mention();
    m.sentenceIndex = span.index();
    m.sentenceStart = span.start();
    m.sentenceEnd = span.end();
    m.sentence = span.text();
    m.evidence.add(span.index());
    m.country = country;
    m.regionIso = iso;
    m.place = place;
    m.placeKind = placeKind;
    m.weapon = weapon;
    m.weaponModel = model;
    m.eventDate = r.dated().date();
    m.dateBasis = r.dated().basis();
    m.followUp = StrikeCues.FOLLOW_UP.matcher(span.text()).find();
    return m;
  }

  /**
   * The weapon a sentence is about: the first named system ("Tochka-U"), else the first munition ("aerial
   * bombs" rather than the "aviation" that dropped them), else the first weapon word.
   */
  static Weapons.Hit primary(List<Weapons.Hit> weapons) {
    for (Weapons.Hit w : weapons) {
      if (w.model() != null) {
        return w;
      }
    }
    Weapons.Hit first = weapons.isEmpty() ? null : weapons.get(0);
    if (first != null && first.carrier()) {
      for (Weapons.Hit w : weapons) {
        if (w.weapon() == WeaponClass.GLIDE_BOMB || w.weapon() == WeaponClass.MISSILE) {
          return w;
        }
      }
    }
    return first;
  }

  private static String firstModel(List<Weapons.Hit> weapons, WeaponClass weapon) {
    for (Weapons.Hit w : weapons) {
      if (w.weapon() == weapon && w.model() != null) {
        return w.model();
      }
    }
    return null;
  }
}
