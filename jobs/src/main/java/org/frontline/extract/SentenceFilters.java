package org.frontline.extract;

import org.frontline.common.Stems;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences that do not report a strike that happened: cumulative tallies, habits, history, deliveries and
 * production, denials and sport, ground combat and atrocities, years before the article's, and clauses of
 * what could or would happen (blanked, offsets kept). Each test is a pure function of the sentence and its
 * {@link Stems#asciiLowerCase} form.
 */
final class SentenceFilters {
  private SentenceFilters() {}

  private static final int CI = Pattern.CASE_INSENSITIVE;

  // sentences that do not report a strike that happened
  static final Gated CUMULATIVE = new Gated(Pattern.compile("\\b(?:since (?:the (?:start|beginning|outbreak) of|"
      + "February 2022|2014|2022|the (?:full-scale )?invasion|the (?:\\w+ ){1,2}invasion|the war began|"
      + "Russia invaded|Russia's invasion|the war started)|(?:has|have) already (?:used|launched|fired)|"
      + "so far this (?:year|month|week)|this year alone|to date|in total since|"
      + "over the (?:past|last) (?:\\w+ )?(?:weeks|months|years|year|month|week)|throughout the war|"
      + "during the war|per (?:month|day|night|week)|a month\\b|every (?:night|day|week)|each (?:night|month)|"
      + "last (?:month|year)|this (?:month|year)|in (?:January|February|March|April|June|July|August|September|"
      + "October|November|December)(?! \\d)|in (?:19|20)\\d\\d|since (?:January|February|March|April|May|June|"
      + "July|August|September|October|November|December)|a record|record number|monthly|weekly|daily average|"
      + "on average|last week|this week|over the weekend|past week|"
      + "as of(?! \\d{1,2}[:.]\\d\\d)(?! (?:this |the )?morning)|continuously|"
      + "a total of \\S+ (?:drones|missiles) (?:this|last|in)|every day|regularly|constantly|routinely|"
      + "almost every|day after day|night after night)", CI),
      "since", "already", "so far this", "this year", "to date", "over the", "throughout the war", "during the war",
      "per month", "per day", "per night", "per week", "a month", "every night", "every day", "every week",
      "each night", "each month", "last month", "last year", "this month", "in january", "in february", "in march",
      "in april", "in june", "in july", "in august", "in september", "in october", "in november", "in december",
      "in 19", "in 20", "a record", "record number", "monthly", "weekly", "daily average", "on average", "last week",
      "this week", "past week", "as of", "continuously", "a total of", "regularly", "constantly", "routinely",
      "almost every", "day after day", "night after night");
  static final Gated HABITUAL_DAILY = new Gated(Pattern.compile("\\b(?:(?:shelled|attacked|hit|struck|targeted|"
      + "bombed) daily|daily (?:shelling|attacks|strikes|bombardment))\\b", CI),
      "daily");
  static final Gated HISTORY = new Gated(Pattern.compile("\\b(?:anniversary|Second World War|World War|"
      + "Budapest Memorandum|commemorat\\w*|memorial|recall(?:s|ed)?|remember(?:s|ed|ing)?|museum|exhibition|"
      + "(?:19)\\d\\d|years ago|decades?|documentary|film|book)\\b", CI),
      "anniversary", "world war", "budapest memorandum", "commemorat", "memorial", "recall", "remember", "museum",
      "exhibition", "19", "years ago", "decade", "documentary", "film", "book");
  static final Gated DELIVERY = new Gated(Pattern.compile("\\b(?:deliver\\w*|suppl(?:y|ied|ies|ying)|shipments?|"
      + "donat\\w+|pledg\\w+|promis\\w+|contracts?|procure\\w*|purchas\\w+|produc(?:e|es|ed|ing)|"
      + "production (?:of|rate|capacity|lines?)|"
      + "manufactur\\w+|aid package|military aid|trained|training|arriv\\w+|sanctions?|budget|"
      + "exercises?|drills?|test(?:ed|s|ing)? (?:launch|fire|firing)|stockpile\\w*)\\b", CI),
      "deliver", "suppl", "shipment", "donat", "pledg", "promis", "contract", "procure", "purchas", "produc",
      "manufactur", "aid package", "military aid", "trained", "training", "arriv", "sanction", "budget", "exercise",
      "drill", "test", "stockpile");
  static final Gated HYPOTHETICAL = new Gated(Pattern.compile("\\b(?:could|would|might|(?<!\\d )may(?!\\s+\\d)|will|"
      + "plans? to|in preparation for|preparing|in the event of|(?:do|does|did) not have time|unable to|cannot|can't|"
      + "planning to|threaten(?:s|ed|ing)?|threat of|ready to|prepar(?:es|ed|ing) (?:to|for)|intends? to|"
      + "vow(?:s|ed)? to|warn(?:s|ed|ing)? (?:of|that|about)|fears? (?:of|that)|feared|expects?|expected|"
      + "possible|potential|risk of|if|unless|whether|in case|ultimatum|capable of|able to|can)\\b", CI),
      "could", "would", "might", "may", "will", "plan", "prepar", "event of", "not have time", "able to", "can",
      "threat", "ready to", "intend", "vow", "warn", "fear", "expect", "possible", "potential", "risk of", "if",
      "unless", "whether", "in case", "ultimatum", "capable of");
  static final Gated NEGATED = new Gated(Pattern.compile("\\b(?:(?:denied|deny|denies) (?:that|it|its|any|"
      + "responsibility|involvement|attacking|striking|targeting|the (?:attack|strike|reports?))|no evidence|not true|"
      + "false claims?|fake|no (?:attacks?|strikes?|explosions?|hits?|damage) (?:was|were|had been|has been)|"
      + "goals?|football|match|league|tournament|championship|scored|concert|festival|election|vote)\\b", CI),
      "denied", "deny", "denies", "no evidence", "not true", "false claim", "fake", "no attack", "no strike",
      "no explosion", "no hit", "no damage", "goal", "football", "match", "league", "tournament", "championship",
      "scored", "concert", "festival", "election", "vote");
  /** Ground combat, occupation, atrocities, losses reports and accusations: not a strike on a place. */
  static final Gated NOT_A_STRIKE = new Gated(Pattern.compile("\\b(?:repel\\w*|repuls\\w*|launched an offensive|"
      + "offensive (?:in|on|towards|near|against)|counter-?offensives?|enemy positions|positions of|combat missions|"
      + "prisoners of war|POWs|poll(?:ing|s)?|survey|directions?(?! of)|clashes|battles?|fighting|"
      + "captured (?:the )?(?:city|town|village|territor\\w+|districts?|settlements?|regions?)|liberat\\w*|"
      + "recaptur\\w*|retreat\\w*|encircl\\w*|bodies (?:[\\w,]+ ){0,4}(?:found|identified|discovered|exhumed)|"
      + "found (?:\\w+ ){0,3}bodies|exhum\\w*|sunk|sank|sinking|flagship|command posts?|mass graves?|"
      + "execut\\w*|tortur\\w*|war crim\\w*|"
      + "war criminals?|after the (?:Russian )?occupation|under occupation|during the occupation|accus\\w*|"
      + "alleged\\w*|provocation|siege|besieged|(?<!with |using |used )helicopters?"
      + "(?!,| and | fired| struck| attacked| hit)|personnel|(?:months|weeks) of|constant|mines?|"
      + "landmines?|tripwire|unexploded|ordnance|atrocit\\w+|informers?|informants?|collaborat\\w+|detained|"
      + "arrested|sentenced|eliminat\\w+|tanks?|"
      // an aircraft or helicopter shot down is a loss, not a strike (only attack drones and missiles are)
      + "(?:Su-\\d\\d\\w*|aircraft|plane|warplane|fighter jet|jet|helicopter|Mi-\\d+\\w*|Ka-\\d+)"
      + "(?:[\\s\\w,'’()-]{0,40}?)\\b(?:shot down|downed)|"
      + "(?:shot down|downed) (?:[\\w'’-]+ ){0,3}(?:Su-\\d\\d\\w*|aircraft|plane|warplane|"
      + "fighter jets?|jets?|helicopters?|Mi-\\d+\\w*|Ka-\\d+)(?! (?:with|and) ))\\b", CI),
      "repel", "repuls", "offensive", "positions", "combat missions", "prisoners of war", "pows", "poll", "survey",
      "direction", "clashes", "battle", "fighting", "captured", "liberat", "recaptur", "retreat", "encircl",
      "bodies", "exhum", "sunk", "sank", "sinking", "flagship", "command post", "mass grave", "execut", "tortur",
      "war crim", "occupation", "accus", "alleged", "provocation", "siege", "helicopter", "personnel", "months of",
      "weeks of", "constant", "mine", "tripwire", "unexploded", "ordnance", "atrocit", "informer", "informant",
      "collaborat", "detained", "arrested", "sentenced", "eliminat", "tank", "shot down", "downed");
  /** "repelled an overnight attack by 30 drones": air defence, not ground combat. */
  static final Pattern AIR_REPEL = Pattern.compile("\\brepel\\w*(?=\\s+(?:(?:an?|the)\\s+)?(?:[\\w-]+\\s+){0,2}?"
      + "(?:attacks?|strikes?|raids?)\\s+(?:by|of|with|involving)\\s+(?:[\\w-]+\\s+){0,4}?(?:drones?|UAVs?|missiles?|"
      + "Shaheds?|rockets?)\\b)", CI);

  /** Ground combat and the like ({@link #NOT_A_STRIKE}), except an air attack repelled by air defence. */
  static boolean notAStrike(String s, String lower) {
    if (!NOT_A_STRIKE.find(s, lower)) {
      return false;
    }
    Matcher air = AIR_REPEL.matcher(s);
    if (!air.find()) {
      return true;
    }
    String rest = air.replaceAll(r -> " ".repeat(r.end() - r.start()));
    return NOT_A_STRIKE.find(rest, Stems.asciiLowerCase(rest));
  }


  /** A year before the reference year said as a time ("in March 2022", "in 2023"): background, not news. */
  static final Gated PAST_YEAR = new Gated(Pattern.compile("\\b(?:in|In|of|during|During)\\s+"
      + "(?:(?:early|late|mid-?|the summer of|the spring of|the autumn of|the winter of)\\s*)?(?:(?:January|February|"
      + "March|April|May|June|July|August|September|October|November|December)\\s+)?((?:19|20)\\d\\d)\\b"),
      "19", "20");
  static final Pattern SUPERLATIVE = Pattern.compile("\\b(?:most \\w+|\\w+est|largest|biggest|worst|first|"
      + "heaviest|deadliest|strongest)\\s+(?:\\w+\\s+){0,3}$", CI);


  static final Pattern CLAUSE_END = Pattern.compile("[;,:]|\\s(?:but|while|and|as)\\s|\\s[-–—]\\s");

  /** A tally over a period ("since the start of the war"), unless it only ranks a strike ("the heaviest since"). */
  static boolean cumulative(String s) {
    return cumulative(s, Stems.asciiLowerCase(s));
  }

  static boolean cumulative(String s, String lower) {
    if (HABITUAL_DAILY.find(s, lower)) {
      return true;
    }
    Matcher m = CUMULATIVE.matcher(s, lower);
    while (m != null && m.find()) {
      if (!SUPERLATIVE.matcher(s.substring(Math.max(0, m.start() - 40), m.start())).find()) {
        return true;
      }
    }
    return false;
  }
  /**
   * Blanks (with spaces, keeping offsets) each clause that speaks of what could or would happen; returns
   * {@code s} itself when there is none.
   */
  static String blankHypotheticals(String s, String lower) {
    Matcher m = HYPOTHETICAL.matcher(s, lower);
    if (m == null || !m.find()) {
      return s;
    }
    char[] c = s.toCharArray();
    do {
      int from = m.start();
      while (from > 0 && ",;:".indexOf(c[from - 1]) < 0) {
        from--;
      }
      Matcher end = CLAUSE_END.matcher(s);
      int to = end.find(m.end()) ? end.start() : s.length();
      for (int i = from; i < to; i++) {
        c[i] = ' ';
      }
    } while (m.find());
    return new String(c);
  }

  /**
   * Whether the sentence reports no strike that happened: a tally, history, a delivery, a denial, ground
   * combat, or a year before {@code year} said as its time.
   */
  static boolean reportsNoStrike(String s, String lower, int year) {
    if (cumulative(s, lower) || HISTORY.find(s, lower) || DELIVERY.find(s, lower) || NEGATED.find(s, lower)
        || notAStrike(s, lower)) {
      return true;
    }
    Matcher py = PAST_YEAR.matcher(s, lower);
    return py != null && py.find() && Integer.parseInt(py.group(1)) < year;
  }
}
