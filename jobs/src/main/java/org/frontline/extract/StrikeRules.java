package org.frontline.extract;

import org.frontline.common.Stems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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

  /** One strike an article describes. Offsets are into the article's text; {@code end} is exclusive. */
  public static final class Mention {
    public int sentenceIndex;
    public int sentenceStart;
    public int sentenceEnd;
    public String sentence;
    /** Where the sentence is: {@code text}, or {@code title} for an article that has only a headline. */
    public String field = "text";
    public final List<Integer> evidence = new ArrayList<>();
    public LocalDate eventDate;
    public String dateBasis;
    /** The sentence follows up an earlier strike (toll rising, rubble, missing people) rather than reporting it fresh. */
    public boolean followUp;
    public String country;
    /** Who struck: RU, UA or unknown ({@link Attackers}). */
    public String attacker = Attackers.UNKNOWN;
    public String regionIso;
    public String place;
    public String placeCanonical;
    public String placeKind;
    public String weapon;
    public String weaponModel;
    public Integer launched;
    public String launchedQualifier;
    public Integer intercepted;
    public Integer killed;
    public Integer injured;
    public double confidence;
    boolean national;
    boolean ownDate;
    boolean ownWeapon;

    String key() {
      return eventDate + "|" + country + "|" + attacker + "|" + regionIso + "|" + weapon + "|" + placeCanonical;
    }

    boolean sameStrikeArea(Mention o) {
      return java.util.Objects.equals(eventDate, o.eventDate) && java.util.Objects.equals(country, o.country)
          && java.util.Objects.equals(attacker, o.attacker) && java.util.Objects.equals(regionIso, o.regionIso);
    }

    @Override
    public String toString() {
      return "Mention{" + eventDate + " " + dateBasis + " " + country + " by " + attacker + " " + regionIso + " '" + place + "' "
          + weapon + "/" + weaponModel + " launched=" + launched + "/" + launchedQualifier + " intercepted="
          + intercepted + " killed=" + killed + " injured=" + injured + " s" + sentenceIndex + " c="
          + String.format(Locale.ROOT, "%.2f", confidence) + "}";
    }
  }

  private static final int CI = Pattern.CASE_INSENSITIVE;
  private static final String NUM = Numbers.NUM;
  private static final String QUAL = Numbers.QUALIFIER;
  private static final String WEAPON_NOUN = "(?:drones?|UAVs?|missiles?|rockets?|Shaheds?|bombs?|shells?|airstrikes|"
      + "munitions|projectiles|unmanned aerial vehicles|Kalibrs|Iskanders|Kinzhals|KABs)";
  /** Words that may stand between a number and the weapon it counts: "84 Kh-101 cruise missiles". */
  private static final String WEAPON_ADJECTIVE = "(?:(?-i:[A-Z][\\w-]*)|\\w+-\\w[\\w-]*|cruise|ballistic|attack|strike|"
      + "kamikaze|guided|aerial|hypersonic|enemy|more|other|combat|decoy|unmanned|heavy|high-precision|explosive|"
      + "suicide|reconnaissance|artillery|rocket|air|anti-ship|jet|missile|type|various|different|new|glide|smart|"
      + "precision|Iranian-made|Russian-made|North Korean|S-300|S-400)";
  private static final String PERSON = "(?:people|persons?|civilians?|residents?|men|man|women|woman|children|"
      + "child|boys?|girls?|teenagers?|pensioners?|soldiers?|servicem[ae]n|police officers?|officers?|rescuers?|"
      + "firefighters?|workers?|employees?|passengers?|others?|more|infants?|bab(?:y|ies)|volunteers?|"
      + "journalists?|medics?|doctors?|drivers?|residents|adults?|minors?|elderly|victims?|nurses?|patients?|"
      + "guards?|teachers?|farmers?|couples?|pupils?|students?|sons?|daughters?|mothers?|fathers?|husbands?|wives|"
      + "wife|neighbours?|neighbors?|relatives|pedestrians?|cyclists?|fishermen|fisherman|staff|crew members?)";
  private static final String BE = "(?:were|was|have been|has been|had been|are|is|got|been)";
  private static final String PERSON_ITEM = "(?:(?:a|the)\\s+family\\s+of\\s+" + NUM + "|(?:" + NUM
      + "|a|an|the|his|her|their)\\s+(?:" + QUAL + "\\s+)?(?:\\d{1,3}-year-old\\s+)?(?:[\\w-]+\\s+){0,2}" + PERSON + "\\b)";
  private static final String PERSON_LIST = "(" + PERSON_ITEM + "(?:(?:,\\s*|,?\\s+and\\s+)" + PERSON_ITEM + ")*)"
      + "(?:,\\s*(?:including|among them)[^,]{1,60},)?";
  private static final Pattern PERSON_ITEM_P = Pattern.compile("\\b(?:(?:a|the)\\s+family\\s+of\\s+(" + NUM
      + ")|(" + NUM + "|a|an|the|his|her|their)\\s+(?:" + QUAL + "\\s+)?(?:\\d{1,3}-year-old\\s+)?(?:[\\w-]+\\s+){0,2}("
      + PERSON + ")\\b)", CI);

  static final Pattern TRIGGER = Pattern.compile("\\b(?:attack(?:s|ed|ing)?|strik(?:e|es|ing)|struck|"
      + "hit(?:s|ting)?|shell(?:ed|ing)|bomb(?:ed|ing|ard\\w*)|pound(?:ed|ing)|target(?:ed|ing)|launch(?:ed|es|ing)?|"
      + "fired|explosions?|blasts?|kill(?:ed|ing)|injur\\w+|wound(?:ed|ing)|damag\\w+|destroy\\w*|shot down|"
      + "downed|downing|intercept(?:ed|ing)(?!\\s+(?:[\\w-]+\\s+)?(?:conversations?|calls?|communications?|phone|radio|"
      + "messages?|talks?))|neutrali[sz](?:ed|ing)|raids?|barrage|came under|debris|shot at|"
      + "rocked|brought down|taken down|(?:opened|open|opens|opening) fire|fir(?:e|es|ing) (?:on|at)|with fire|under (?:enemy )?fire)\\b", CI);
  /** A stem every match of {@link #TRIGGER} contains: sentences without one skip the pattern. */
  static final Stems TRIGGER_STEMS = new Stems("attack", "strik", "struck", "hit", "shell", "bomb", "pound",
      "target", "launch", "fired", "explosion", "blast", "kill", "injur", "wound", "damag", "destroy", "shot down",
      "downed", "downing", "intercept", "neutrali", "raid", "barrage", "came under", "debris", "shot at", "rocked",
      "fire", "firing", "brought down", "taken down");
  /** Words of casualties, anywhere in a word, any ASCII case ("Killed", "deadly", "casualties"). */
  static final Stems CASUALTY_WORD = new Stems("kill", "dead", "died", "death", "injur", "wound", "hurt",
      "lives", "victim", "casualt");

  // sentences that do not report a strike that happened
  private static final Gated CUMULATIVE = new Gated(Pattern.compile("\\b(?:since (?:the (?:start|beginning|outbreak) of|"
      + "February 2022|2014|2022|the (?:full-scale )?invasion|the war began|Russia invaded|Russia's invasion|"
      + "the war started)|so far this (?:year|month|week)|this year alone|to date|in total since|"
      + "over the (?:past|last) (?:\\w+ )?(?:weeks|months|years|year|month|week)|throughout the war|"
      + "during the war|per (?:month|day|night|week)|a month\\b|every (?:night|day|week)|each (?:night|month)|"
      + "last (?:month|year)|this (?:month|year)|in (?:January|February|March|April|June|July|August|September|"
      + "October|November|December)(?! \\d)|in (?:19|20)\\d\\d|since (?:January|February|March|April|May|June|"
      + "July|August|September|October|November|December)|a record|record number|monthly|weekly|daily average|"
      + "on average|last week|this week|over the weekend|past week|as of(?! \\d{1,2}[:.]\\d\\d)(?! (?:this |the )?morning)|"
      + "continuously|"
      + "a total of \\S+ (?:drones|missiles) (?:this|last|in)|every day|regularly|constantly|routinely|"
      + "almost every|day after day|night after night)", CI),
      "since", "so far this", "this year", "to date", "over the", "throughout the war", "during the war",
      "per month", "per day", "per night", "per week", "a month", "every night", "every day", "every week",
      "each night", "each month", "last month", "last year", "this month", "in january", "in february", "in march",
      "in april", "in june", "in july", "in august", "in september", "in october", "in november", "in december",
      "in 19", "in 20", "a record", "record number", "monthly", "weekly", "daily average", "on average", "last week",
      "this week", "past week", "as of", "continuously", "a total of", "regularly", "constantly", "routinely",
      "almost every", "day after day", "night after night");
  private static final Gated HABITUAL_DAILY = new Gated(Pattern.compile("\\b(?:(?:shelled|attacked|hit|struck|targeted|"
      + "bombed) daily|daily (?:shelling|attacks|strikes|bombardment))\\b", CI),
      "daily");
  private static final Gated HISTORY = new Gated(Pattern.compile("\\b(?:anniversary|Second World War|World War|"
      + "Budapest Memorandum|commemorat\\w*|memorial|recall(?:s|ed)?|remember(?:s|ed|ing)?|museum|exhibition|"
      + "(?:19)\\d\\d|years ago|decades?|documentary|film|book)\\b", CI),
      "anniversary", "world war", "budapest memorandum", "commemorat", "memorial", "recall", "remember", "museum",
      "exhibition", "19", "years ago", "decade", "documentary", "film", "book");
  private static final Gated DELIVERY = new Gated(Pattern.compile("\\b(?:deliver\\w*|suppl(?:y|ied|ies|ying)|shipments?|"
      + "donat\\w+|pledg\\w+|promis\\w+|contracts?|procure\\w*|purchas\\w+|produc(?:e|es|ed|ing)|"
      + "production (?:of|rate|capacity|lines?)|"
      + "manufactur\\w+|aid package|military aid|trained|training|arriv\\w+|sanctions?|budget|"
      + "exercises?|drills?|test(?:ed|s|ing)? (?:launch|fire|firing)|stockpile\\w*)\\b", CI),
      "deliver", "suppl", "shipment", "donat", "pledg", "promis", "contract", "procure", "purchas", "produc",
      "manufactur", "aid package", "military aid", "trained", "training", "arriv", "sanction", "budget", "exercise",
      "drill", "test", "stockpile");
  private static final Gated HYPOTHETICAL = new Gated(Pattern.compile("\\b(?:could|would|might|may(?!\\s+\\d)|will|plans? to|"
      + "in preparation for|preparing|in the event of|(?:do|does|did) not have time|unable to|cannot|can't|"
      + "planning to|threaten(?:s|ed|ing)?|threat of|ready to|prepar(?:es|ed|ing) (?:to|for)|intends? to|"
      + "vow(?:s|ed)? to|warn(?:s|ed|ing)? (?:of|that|about)|fears? (?:of|that)|feared|expects?|expected|"
      + "possible|potential|risk of|if|unless|whether|in case|ultimatum|capable of|able to|can)\\b", CI),
      "could", "would", "might", "may", "will", "plan", "prepar", "event of", "not have time", "able to", "can",
      "threat", "ready to", "intend", "vow", "warn", "fear", "expect", "possible", "potential", "risk of", "if",
      "unless", "whether", "in case", "ultimatum", "capable of");
  private static final Gated NEGATED = new Gated(Pattern.compile("\\b(?:(?:denied|deny|denies) (?:that|it|its|any|"
      + "responsibility|involvement|attacking|striking|targeting|the (?:attack|strike|reports?))|no evidence|not true|"
      + "false claims?|fake|no (?:attacks?|strikes?|explosions?|hits?|damage) (?:was|were|had been|has been)|"
      + "goals?|football|match|league|tournament|championship|scored|concert|festival|election|vote)\\b", CI),
      "denied", "deny", "denies", "no evidence", "not true", "false claim", "fake", "no attack", "no strike",
      "no explosion", "no hit", "no damage", "goal", "football", "match", "league", "tournament", "championship",
      "scored", "concert", "festival", "election", "vote");
  /** Ground combat, occupation, atrocities, losses reports and accusations: not a strike on a place. */
  private static final Gated NOT_A_STRIKE = new Gated(Pattern.compile("\\b(?:repel\\w*|repuls\\w*|launched an offensive|"
      + "offensive (?:in|on|towards|near|against)|counter-?offensives?|enemy positions|positions of|combat missions|"
      + "prisoners of war|POWs|poll(?:ing|s)?|survey|directions?(?! of)|clashes|battles?|fighting|"
      + "captured (?:the )?(?:city|town|village|territor\\w+|districts?|settlements?|regions?)|liberat\\w*|"
      + "recaptur\\w*|retreat\\w*|encircl\\w*|bodies (?:[\\w,]+ ){0,4}(?:found|identified|discovered|exhumed)|"
      + "found (?:\\w+ ){0,3}bodies|exhum\\w*|sunk|sank|sinking|flagship|command posts?|mass graves?|execut\\w*|tortur\\w*|war crim\\w*|"
      + "war criminals?|after the (?:Russian )?occupation|under occupation|during the occupation|accus\\w*|"
      + "alleged\\w*|provocation|siege|besieged|helicopters?|personnel|(?:months|weeks) of|constant|mines?|"
      + "landmines?|tripwire|unexploded|ordnance|atrocit\\w+|informers?|informants?|collaborat\\w+|detained|"
      + "arrested|sentenced|eliminat\\w+|tanks?)\\b", CI),
      "repel", "repuls", "offensive", "positions", "combat missions", "prisoners of war", "pows", "poll", "survey",
      "direction", "clashes", "battle", "fighting", "captured", "liberat", "recaptur", "retreat", "encircl",
      "bodies", "exhum", "sunk", "sank", "sinking", "flagship", "command post", "mass grave", "execut", "tortur",
      "war crim", "occupation", "accus", "alleged", "provocation", "siege", "helicopter", "personnel", "months of",
      "weeks of", "constant", "mine", "tripwire", "unexploded", "ordnance", "atrocit", "informer", "informant",
      "collaborat", "detained", "arrested", "sentenced", "eliminat", "tank");
  /** "repelled an overnight attack by 30 drones": air defence, not ground combat. */
  private static final Pattern AIR_REPEL = Pattern.compile("\\brepel\\w*(?=\\s+(?:(?:an?|the)\\s+)?(?:[\\w-]+\\s+){0,2}?"
      + "(?:attacks?|strikes?|raids?)\\s+(?:by|of|with|involving)\\s+(?:[\\w-]+\\s+){0,4}?(?:drones?|UAVs?|missiles?|"
      + "Shaheds?|rockets?)\\b)", CI);

  /** Ground combat and the like ({@link #NOT_A_STRIKE}), except an air attack repelled by air defence. */
  private static boolean notAStrike(String s, String lower) {
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

  /** A report about the aftermath of a strike that happened earlier. */
  private static final Pattern FOLLOW_UP = Pattern.compile("\\b(?:death toll|toll|number of (?:the )?(?:dead|killed|"
      + "injured|wounded|victims)|(?:has|have) (?:risen|grown|climbed|increased)|rose to|missing|rubble|aftermath|"
      + "consequences of|funeral|mourning|day of mourning|continue to be rescued|still searching)\\b", CI);

  /** "the town", "the city", "there": the sentence continues about a place named before. */
  private static final Pattern ANAPHORA = Pattern.compile("\\b(?:the|that|this) (?:town|city|village|region|"
      + "area|district|settlement|community|port)\\b|\\bthere\\b", CI);
  /** "Russia's attack on Ukraine", "the war in Ukraine": the war as a whole, not one strike. */
  private static final Gated WAR_AS_WHOLE = new Gated(Pattern.compile("(?:(?:Russia's|Russian|full-scale|Moscow's)\\s+"
      + "(?:attack|assault|war|invasion|aggression)|the (?:war|invasion|aggression))\\s+(?:on|against|in|of)\\s+"
      + "Ukraine\\b(?!\\s+(?:on|overnight|yesterday|last night|early))", CI),
      "ukraine");

  /** A year before the reference year said as a time ("in March 2022", "in 2023"): background, not news. */
  private static final Gated PAST_YEAR = new Gated(Pattern.compile("\\b(?:in|In|of|during|During)\\s+"
      + "(?:(?:early|late|mid-?|the summer of|the spring of|the autumn of|the winter of)\\s*)?(?:(?:January|February|"
      + "March|April|May|June|July|August|September|October|November|December)\\s+)?((?:19|20)\\d\\d)\\b"),
      "19", "20");
  private static final Pattern SUPERLATIVE = Pattern.compile("\\b(?:most \\w+|\\w+est|largest|biggest|worst|first|"
      + "heaviest|deadliest|strongest)\\s+(?:\\w+\\s+){0,3}$", CI);

  /** Strike words that only set a scene: "safe from shelling", "protection against drones", "amid attacks". */
  private static final Pattern SCENE = Pattern.compile("(?:\\b(?:from|against|amid|despite|about|into|"
      + "condemn\\w*|investigat\\w*|facts of|details of|information about|"
      + "memory of|victims of|responsib\\w+ for|evacuation of|sensitive about|agreed with)\\s+(?:[\\w’'-]+\\s+){0,4}|\\bthe\\s+(?=(?:wounded|"
      + "injured|killed|dead)\\b))$", CI);

  private static final Gated NATIONAL_UA = new Gated(Pattern.compile("\\b(?:at|on|against|across|over|throughout|all over|"
      + "into) (?:Ukraine|the country|Ukrainian territory|Ukrainian cities|Ukrainian regions|several regions|"
      + "multiple regions|many regions)\\b|\\bnationwide\\b|\\b(?:Ukraine's|Ukrainian) (?:Air Force|air force|"
      + "military|air defen[cs]es?)\\b|\\bAir Force said\\b", CI),
      "ukrain", "the country", "several regions", "multiple regions", "many regions", "nationwide", "air force");
  private static final Gated NATIONAL_RU = new Gated(Pattern.compile("\\b(?:at|on|against|across|over|into) "
      + "(?:Russia|Russian territory|Russian regions)\\b|\\bUkrainian (?:drones|missiles|UAVs|drone attack|"
      + "drone strikes?)\\b|\\bRussia's (?:defen[cs]e ministry|Defen[cs]e Ministry|air defen[cs]es?)\\b|"
      + "\\bRussian (?:air defen[cs]es?|Defen[cs]e Ministry|defen[cs]e ministry)\\b", CI),
      "russia", "ukrainian");

  private static final Gated LAUNCHED = Gated.count(3, Pattern.compile("\\b(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\s+"
      + "((?:" + WEAPON_ADJECTIVE + "\\s+){0,3}?)(" + WEAPON_NOUN + ")\\b(?!\\s+(?:attacks?|strikes?|raids?|alerts?|debris|"
      + "wreckage|fragments|production|factory|sites?|units?|operators?|crews?))", CI),
      "drone", "uav", "missile", "rocket", "shahed", "bomb", "shell", "airstrikes", "munitions", "projectiles",
      "unmanned aerial vehicles", "kalibrs", "iskanders", "kinzhals", "kabs");
  private static final String DOWN = "(?:shot down|downed|destroyed|intercepted|neutrali[sz]ed|suppressed|"
      + "repelled|eliminated|taken down|brought down|jammed|disabled|lost|locationally lost|downing|shooting down|"
      + "destroying|intercepting|neutrali[sz]ing)";
  private static final Gated INTERCEPT_AFTER = new Gated(Pattern.compile("(?:" + DOWN + "|(?:shot|took|brought) down)"
      + "\\s+(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\b(?=\\s*(?:of\\s+(?:them|those|these|the)\\b|(?:[\\w-]+\\s+){0,3}?"
      + WEAPON_NOUN + "\\b|targets|aerial targets|[,.;]|$|\\s+(?:over|above|in|across|before|by)\\b))", CI),
      "down", "destroy", "intercept", "neutrali", "suppressed", "repelled", "eliminated", "jammed", "disabled",
      "lost");
  /** " were shot down ..." right after a launch count: the launched weapons were intercepted. */
  private static final Pattern DOWN_AFTER = Pattern.compile("(?is)^\\s+(?:\\w+\\s+){0,2}?" + BE + "\\s+(?:\\w+\\s+){0,2}?"
      + DOWN + "\\b.*");
  private static final Gated INTERCEPT_BEFORE = Gated.count(3, Pattern.compile("\\b(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\s+"
      + "(?:of\\s+(?:them|those|these|which|the\\s+[\\w-]+)\\s+|(?:[\\w-]+\\s+){0,3}?" + WEAPON_NOUN + "\\s+)?"
      + BE + "\\s+(?:\\w+\\s+){0,2}?" + DOWN + "\\b", CI),
      "down", "destroy", "intercept", "neutrali", "suppressed", "repelled", "eliminated", "jammed", "disabled",
      "lost");
  /** A shoot-down verb later in the sentence ("... launched overnight were shot down"). */
  private static final Pattern DOWN_LATER = Pattern.compile("\\b(?:were|was|had been|have been|has been)\\s+"
      + "(?:\\w+\\s+){0,2}?" + DOWN + "\\b", CI);
  private static final Pattern ALL_OF = Pattern.compile("\\b(?:all|all of the|all the|both|every one of the|each of the)"
      + "\\s+$", CI);
  private static final Pattern NONE_OF = Pattern.compile("\\b(?:none of the|not one of the|not a single one of the)\\s+$", CI);
  /** What may stand between two counts of one list: "13 drones and 43 missiles", "3 missiles, 40 drones". */
  private static final Pattern LIST_GAP = Pattern.compile("\\S+(?:\\s+[\\w-]+){0,4}?\\s*(?:,\\s*(?:and\\s+)?|\\s+and\\s+)"
      + "(?:also\\s+)?", CI);
  /** "destroyed every one of the six drones". */
  private static final Pattern DOWN_ALL = Pattern.compile(DOWN + "\\s+(?:all|all of the|all the|both|every one of the|"
      + "each of the)\\s+$", CI);
  /** "13 of the drones", "of the missiles, 4 were": a count of a weapon named before. */
  private static final Pattern OF_THE_WEAPON = Pattern.compile("(?<!every )(?<!each )\\b(" + NUM + ")\\s+of\\s+(?:the|them,?\\s+(?:the\\s+)?)\\s*"
      + "(?:[\\w-]+\\s+){0,2}?(" + WEAPON_NOUN + ")\\b|\\b[Oo]f the (?:[\\w-]+\\s+){0,2}?(" + WEAPON_NOUN + "),\\s+(" + NUM
      + ")\\s+(?:were|was|had been|have been)\\s+(?:\\w+\\s+){0,2}?" + DOWN + "\\b", CI);
  /** "reported 3 downed", "10 of 10 drones downed overnight": an interception count without "were". */
  private static final Pattern DOWN_BARE = Pattern.compile("\\b(" + NUM + ")\\s+(?:(?:[\\w-]+\\s+){0,3}?(" + WEAPON_NOUN
      + ")\\s+)?(?:shot down|downed|destroyed|intercepted|neutrali[sz]ed)(?=\\s*(?:[,.;:]|$|by\\b|over\\b|overnight\\b|"
      + "and\\b|in\\b))", CI);
  /** "Russia had launched 7 in total", "after Russia launched a total of 22": a launched total without a noun. */
  private static final Pattern LAUNCHED_TOTAL = Pattern.compile("\\b(?:launched|fired|sent|used)\\s+(?:a total of\\s+|"
      + "(?:(" + QUAL + ")\\s+))?(" + NUM + ")(?=\\s*(?:in total|in all|during|overnight|last night|that night|,|\\.|$|"
      + "into|at|against|across))", CI);
  /** "out of 7 launched", "of the 40 fired": a launched total after an interception count. */
  private static final Pattern OUT_OF_LAUNCHED = Pattern.compile("\\b(?:out of|of)\\s+(?:the\\s+|a total of\\s+)?(?:("
      + QUAL + ")\\s+)?(" + NUM + ")\\s+(?:launched|fired|used|sent)\\b", CI);
  /** "no missile was shot down", "none of them were intercepted": intercepted 0. */
  private static final Pattern NONE_DOWN = Pattern.compile("\\b(?:no|not a single|not one)\\s+((?:[\\w-]+\\s+){0,2}?"
      + WEAPON_NOUN + ")\\s+(?:\\w+\\s+){0,3}?(?:was|were|had been|has been|could be)\\s+(?:\\w+\\s+){0,2}?"
      + DOWN + "\\b|\\bnone (?:of them )?(?:was|were|could be)\\s+(?:\\w+\\s+){0,2}?" + DOWN + "\\b", CI);
  private static final Pattern OF_TOTAL = Pattern.compile("\\b(" + NUM + ")\\s+(?:out\\s+)?of\\s+(?:the\\s+)?$", CI);
  private static final Pattern DOWN_NEAR = Pattern.compile("(?:" + DOWN + "|air defen[cs]e|shot|took|brought)"
      + "\\W+(?:\\w+\\W+){0,2}$", CI);

  private static final Gated KILLED_LIST = new Gated(Pattern.compile("\\b" + PERSON_LIST + "\\s+(?:\\w+\\s+){0,2}?" + BE
      + "\\s+(?:\\w+\\s+)?(?:killed|dead|slain)\\b", CI),
      "killed", "dead", "slain");
  private static final Gated KILLED_BY_VERB = new Gated(Pattern.compile("\\b(?:kill(?:ed|ing)|claimed the lives of|"
      + "took the lives of|the deaths? of)\\s+(?:(" + QUAL + ")\\s+)?" + PERSON_LIST, CI),
      "kill", "lives of", "death");
  private static final Gated KILLED_BARE = Gated.count(4, Pattern.compile("\\b(?:kill(?:ed|ing)|leaving|left)\\s+(?:(" + QUAL
      + ")\\s+)?(" + NUM + ")(?:\\s+(?:dead|killed|people dead))?(?=\\s*(?:[,.;]|$|and\\b|on\\b|in\\b|at\\b|"
      + "others\\b|more\\b|the\\b|after\\b|when\\b|as\\b|according\\b|dead\\b))", CI),
      "kill", "leaving", "left");
  private static final Gated DEAD = Gated.count(3, Pattern.compile("\\b(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\s+(?:"
      + PERSON + "\\s+)?(?:were\\s+|are\\s+)?(?:dead|died|deaths|fatalities|killed)\\b", CI),
      "dead", "died", "deaths", "fatalities", "killed");
  private static final Gated TOLL = new Gated(Pattern.compile("\\b(?:death toll|toll|number of (?:people |those |civilians )?"
      + "(?:killed|dead))\\s+(?:[\\w'’,-]+\\s+){0,16}?(?:to|at|of|reached|"
      + "is|was|stands at|stood at)\\s+(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\b", CI),
      "toll", "number of");
  private static final Gated INJURED_TOLL = new Gated(Pattern.compile("\\bnumber of (?:the )?(?:injured|wounded)(?: people)?\\s+"
      + "(?:[\\w'’,-]+\\s+){0,16}?(?:to|at|of|reached|is|was|stands at|stood at)\\s+(?:(" + QUAL + ")\\s+)?(" + NUM
      + ")\\b", CI),
      "number of");
  private static final Gated VICTIM = new Gated(Pattern.compile("\\b(?:the )?(?:victim|person killed|dead) (?:was|is) "
      + "(?:a|an)\\b", CI),
      "victim", "person killed", "dead");
  private static final Gated INJURED_LIST = new Gated(Pattern.compile("\\b" + PERSON_LIST + "\\s+(?:\\w+\\s+){0,2}?" + BE
      + "\\s+(?:\\w+\\s+)?(?:injured|wounded|hurt|hospitali[sz]ed)\\b", CI),
      "injured", "wounded", "hurt", "hospitali");
  private static final Gated INJURED_BY_VERB = new Gated(Pattern.compile("\\b(?:injur(?:ed|ing)|wound(?:ed|ing)|"
      + "hurting)\\s+(?:(" + QUAL + ")\\s+)?" + PERSON_LIST, CI),
      "injur", "wound", "hurting");
  private static final Gated INJURED_BY_VERB_BARE = Gated.count(4, Pattern.compile("\\b(?:injur(?:ed|ing)|wound(?:ed|ing)|"
      + "hurting)\\s+(?:(" + QUAL + ")\\s+)?(" + NUM + ")(?=\\s*(?:[,.;]|$|and\\b|on\\b|in\\b|at\\b|"
      + "others\\b|more\\b|the\\b|after\\b|when\\b|as\\b|according\\b))", CI),
      "injur", "wound", "hurting");
  private static final Gated SINGLE = new Gated(Pattern.compile("(?<![Nn]o )\\b(?:a|an|one)\\s+(?:[\\w-]+\\s+){0,3}?(?:was|has been|had been)"
      + "\\s+(?:\\w+\\s+)?(killed|injured|wounded|hurt)\\b", CI),
      "killed", "injured", "wounded", "hurt");
  private static final Gated INJURED_BARE = Gated.count(3, Pattern.compile("\\b(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\s+(?:"
      + PERSON + "\\s+)?(?:were\\s+|was\\s+)?(?:injured|wounded|hurt)\\b", CI),
      "injured", "wounded", "hurt");
  private static final Gated NO_CASUALTIES = new Gated(Pattern.compile("\\b(?:no (?:casualties|one was (?:killed|hurt|"
      + "injured)|injuries|deaths|victims)|nobody was (?:killed|hurt|injured)|without casualties)\\b", CI),
      "no casualties", "no one was", "no injuries", "no deaths", "no victims", "nobody was", "without casualties");
  private static final Gated NO_DEATHS = new Gated(Pattern.compile("\\bno (?:deaths|fatalities|one was killed)\\b", CI),
      "no deaths", "no fatalities", "no one was killed");

  private static final Pattern CLAUSE_END = Pattern.compile("[;,:]|\\s(?:but|while|and|as)\\s|\\s[-–—]\\s");

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
    List<Mention> out = new ArrayList<>();
    boolean headlineOnly = (text == null || text.isBlank()) && title != null && !title.isBlank();
    if (headlineOnly) {
      // many wire items are a headline alone: it is then the text (offsets are into the title)
      List<Mention> fromTitle = extract(null, title, published, asOf, gazetteer);
      for (Mention m : fromTitle) {
        m.field = "title";
      }
      return fromTitle;
    }
    if (text == null || text.isBlank()) {
      return out;
    }
    PlaceMatcher matcher = gazetteer.matcher();
    List<Sentences.Span> spans = Sentences.split(text);
    LocalDate reference = published;
    String defaultBasis = "published";
    if (reference == null) {
      for (Sentences.Span s : spans) {
        EventDates.Found f = EventDates.explicit(s.text(), asOf);
        if (f.date() != null) {
          reference = f.date();
          defaultBasis = "anchor";
          break;
        }
      }
      if (reference == null) {
        reference = asOf;
        defaultBasis = "as_of";
      }
    }
    PlaceMatcher.Hit titlePlace = null;
    if (title != null) {
      for (PlaceMatcher.Hit h : matcher.find(title)) {
        if (h.isPlace() && (h.cued || TRIGGER.matcher(title).find())) {
          titlePlace = h;
          break;
        }
      }
    }
    LocalDate contextDate = null;
    String contextWeapon = null;
    String contextModel = null;
    if (title != null) {
      Weapons.Hit w = primary(withoutRubric(Weapons.find(title), title));
      if (w != null) {
        contextWeapon = w.weapon();
        contextModel = w.model();
      }
    }
    String titleCue = Attackers.cue(title);
    EventDates.Found titleDate = title == null ? EventDates.Found.NONE : EventDates.find(title, reference, -1);
    Mention lastRegional = null;
    Mention lastNational = null;
    for (Sentences.Span span : spans) {
      String s = span.text();
      String lower = Stems.asciiLowerCase(s); // what every gated pattern looks its stems up in
      // cheapest test first: most sentences have no strike or casualty word at all
      if (!CASUALTY_WORD.anyInLower(lower) && !(TRIGGER_STEMS.anyInLower(lower) && TRIGGER.matcher(s).find())) {
        continue;
      }
      if (cumulative(s, lower) || HISTORY.find(s, lower) || DELIVERY.find(s, lower)
          || NEGATED.find(s, lower) || notAStrike(s, lower)) {
        continue;
      }
      Matcher py = PAST_YEAR.matcher(s, lower);
      if (py != null && py.find() && Integer.parseInt(py.group(1)) < reference.getYear()) {
        continue;
      }
      String whole = s;
      s = blankHypotheticals(s, lower);
      if (s != whole) {
        lower = Stems.asciiLowerCase(s);
      }
      int triggerAt = trigger(s, lower);
      boolean trigger = triggerAt >= 0;
      boolean casualtyWords = CASUALTY_WORD.anyInLower(lower);
      if (!trigger && !casualtyWords) {
        continue;
      }
      List<PlaceMatcher.Hit> places = new ArrayList<>();
      for (PlaceMatcher.Hit h : matcher.find(s)) {
        if (h.cued && h.isPlace()) {
          places.add(h);
        }
      }
      List<Weapons.Hit> weapons = withoutRubric(Weapons.find(s), s);
      Figures fig = figures(s, lower);
      boolean nationalRu = NATIONAL_RU.find(s, lower);
      boolean nationalUa = NATIONAL_UA.find(s, lower);
      boolean strike = (trigger && (!places.isEmpty() || !weapons.isEmpty() || nationalUa || nationalRu))
          || fig.hasCasualties() || fig.intercepted != null;
      if (!strike) {
        continue;
      }
      EventDates.Found found = EventDates.find(s, reference, triggerAt);
      LocalDate date;
      String basis;
      if (found.date() != null && "as_of".equals(defaultBasis) && "relative".equals(found.basis())) {
        date = null; // "yesterday" in an article of unknown date: the date cannot be known
        basis = "unknown";
      } else if (found.date() != null) {
        date = found.date();
        basis = published == null && "relative".equals(found.basis()) ? defaultBasis : found.basis();
      } else if (found.vague()) {
        date = null;
        basis = "vague";
      } else if (contextDate != null) {
        date = contextDate;
        basis = "inherited";
      } else if (titleDate.date() != null && !"as_of".equals(defaultBasis)) {
        date = titleDate.date(); // "yesterday" or a date in the headline only
        basis = titleDate.basis();
      } else if ("as_of".equals(defaultBasis)) {
        date = null;
        basis = "unknown";
      } else {
        date = reference;
        basis = defaultBasis;
      }
      if (date != null && (date.isBefore(reference.minusDays(MAX_AGE_DAYS)) || date.isAfter(reference.plusDays(1)))) {
        continue; // background or a mistaken date: not this article's news
      }
      Weapons.Hit firstWeapon = primary(weapons);
      String weapon = firstWeapon != null ? firstWeapon.weapon() : contextWeapon != null ? contextWeapon : "unknown";
      String model = firstWeapon != null ? firstModel(weapons, weapon) : contextWeapon != null ? contextModel : null;
      List<Mention> made = new ArrayList<>();
      if (!places.isEmpty()) {
        Map<String, PlaceMatcher.Hit> byIso = new LinkedHashMap<>();
        for (PlaceMatcher.Hit h : places) {
          PlaceMatcher.Hit prev = byIso.get(h.iso);
          if (prev == null || (prev.kind == Gazetteer.Kind.OBLAST && h.kind == Gazetteer.Kind.CITY)) {
            byIso.put(h.iso, h);
          }
        }
        List<PlaceMatcher.Hit> distinct = new ArrayList<>(byIso.values());
        for (PlaceMatcher.Hit h : distinct) {
          Mention m = mention(span, h.country(), h.iso, h.surface, h.kind.name().toLowerCase(Locale.ROOT),
              weapon, model, date, basis);
          m.placeCanonical = h.canonical;
          m.ownDate = found.date() != null;
          m.ownWeapon = firstWeapon != null;
          if (distinct.size() == 1) {
            fig.applyTo(m, null);
          } else {
            fig.applyNearest(m, h, distinct);
          }
          made.add(m);
        }
      } else if ((!fig.launches.isEmpty() && !ANAPHORA.matcher(s).find())
          || (trigger && !weapons.isEmpty() && (nationalUa || nationalRu))) {
        String country = nationalRu ? "RU" : "UA";
        Map<String, Mention> perWeapon = new LinkedHashMap<>();
        for (Launch l : fig.launches) {
          Mention m = perWeapon.computeIfAbsent(l.weapon, w -> mention(span, country, null, null, null, w,
              null, date, basis));
          m.weaponModel = m.weaponModel != null ? m.weaponModel : l.model;
          Figures.apply(m, l);
        }
        if (perWeapon.isEmpty()) {
          for (Weapons.Hit w : weapons) {
            perWeapon.computeIfAbsent(w.weapon(), k -> mention(span, country, null, null, null, k,
                firstModel(weapons, k), date, basis));
          }
        }
        for (Mention m : perWeapon.values()) {
          m.national = true;
          m.ownDate = found.date() != null;
          m.ownWeapon = true;
          if (fig.intercepted != null && perWeapon.size() == 1) {
            m.intercepted = max(m.intercepted, fig.intercepted);
          }
          made.add(m);
        }
      } else if (fig.launchedTotal != null && lastNational != null && fig.launches.isEmpty()) {
        lastNational.launched = max(lastNational.launched, fig.launchedTotal);
        lastNational.evidence.add(span.index());
      } else if (fig.intercepted != null && (lastNational != null || lastRegional != null)) {
        Mention target = lastNational != null ? lastNational : lastRegional;
        target.intercepted = max(target.intercepted, fig.intercepted);
        target.evidence.add(span.index());
      } else if ((fig.hasCasualties() || !fig.launches.isEmpty()) && lastRegional != null) {
        fig.applyTo(lastRegional, null);
        lastRegional.evidence.add(span.index());
      } else if (trigger && ANAPHORA.matcher(s).find() && lastRegional != null && lastRegional.sentenceIndex == span.index() - 1) {
        lastRegional.evidence.add(span.index());
        if (firstWeapon != null && "unknown".equals(lastRegional.weapon)) {
          lastRegional.weapon = firstWeapon.weapon();
          lastRegional.weaponModel = model;
        }
      } else if ((fig.hasCasualties() || (trigger && ANAPHORA.matcher(s).find() && !"unknown".equals(weapon)))
          && titlePlace != null) {
        Mention m = mention(span, titlePlace.country(), titlePlace.iso, titlePlace.surface,
            titlePlace.kind.name().toLowerCase(Locale.ROOT), weapon, model, date, basis);
        m.placeCanonical = titlePlace.canonical;
        fig.applyTo(m, null);
        made.add(m);
      }
      boolean defence = fig.intercepted != null || fig.launches.stream().anyMatch(Launch::intercept);
      String sentenceCue = made.isEmpty() ? null : defence ? Attackers.defenceCue(whole) : Attackers.cue(whole);
      for (Mention m : made) {
        m.attacker = Attackers.of(sentenceCue, titleCue, m.country, m.regionIso);
        out.add(m);
        if (m.national) {
          lastNational = m;
        } else {
          lastRegional = m;
        }
      }
      if (!made.isEmpty()) {
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
    addHeadlineStrikes(out, title, published, asOf, gazetteer);
    List<Mention> merged = merge(out);
    for (Mention m : merged) {
      m.confidence = confidence(m);
    }
    return merged;
  }

  /**
   * The strikes a headline reports ("Shelling of Kharkiv region: …", "Three killed in shelling of X") on a
   * country and region the text reports none on: the text is more specific where it speaks, the headline
   * speaks for itself where the text is silent. Offsets of such mentions are into the title.
   */
  private static void addHeadlineStrikes(List<Mention> out, String title, LocalDate published, LocalDate asOf,
                                         Gazetteer gazetteer) {
    if (title == null || title.isBlank()) {
      return;
    }
    for (Mention t : extract(null, title, published, asOf, gazetteer)) {
      boolean covered = false;
      for (Mention m : out) {
        covered |= m.country.equals(t.country) && java.util.Objects.equals(m.regionIso, t.regionIso);
      }
      if (!covered) {
        t.field = "title";
        out.add(t);
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

  /** A tally over a period ("since the start of the war"), unless it only ranks a strike ("the heaviest since"). */
  static boolean cumulative(String s) {
    return cumulative(s, Stems.asciiLowerCase(s));
  }

  private static boolean cumulative(String s, String lower) {
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
   * Where the first strike word that reports (not one that sets the scene) is, or -1; {@code lower} is
   * {@link Stems#asciiLowerCase} of {@code s}, as for every method here that takes it.
   */
  static int trigger(String s, String lower) {
    Matcher whole = WAR_AS_WHOLE.matcher(s, lower);
    int wholeStart = -1;
    int wholeEnd = -1;
    if (whole != null && whole.find()) {
      wholeStart = whole.start();
      wholeEnd = whole.end();
    }
    Matcher m = TRIGGER.matcher(s);
    while (m.find()) {
      boolean inWhole = m.start() >= wholeStart && m.end() <= wholeEnd;
      if (!inWhole && !SCENE.matcher(s.substring(Math.max(0, m.start() - 70), m.start())).find()) {
        return m.start();
      }
    }
    return -1;
  }

  private static Mention mention(Sentences.Span span, String country, String iso, String place, String placeKind,
                                 String weapon, String model, LocalDate date, String basis) {
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
    m.eventDate = date;
    m.dateBasis = basis;
    m.followUp = FOLLOW_UP.matcher(span.text()).find();
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
        if (w.weapon().equals("glide_bomb") || w.weapon().equals("missile")) {
          return w;
        }
      }
    }
    return first;
  }

  private static String firstModel(List<Weapons.Hit> weapons, String weapon) {
    for (Weapons.Hit w : weapons) {
      if (w.weapon().equals(weapon) && w.model() != null) {
        return w.model();
      }
    }
    return null;
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

  /** A count with a weapon noun: launched, or intercepted when a shoot-down verb governs it. */
  record Launch(int at, int count, String qualifier, String weapon, String model, boolean intercept) {}

  /** The figures one sentence gives. */
  static final class Figures {
    final List<Launch> launches = new ArrayList<>();
    Integer intercepted;
    /** A launched total with no weapon noun and no count before it in the sentence ("launched 7 in total"). */
    Integer launchedTotal;
    final List<int[]> killed = new ArrayList<>();   // {offset, count}
    final List<int[]> injured = new ArrayList<>();

    boolean hasCasualties() {
      return !killed.isEmpty() || !injured.isEmpty();
    }

    void applyTo(Mention m, int[] range) {
      for (Launch l : launches) {
        apply(m, l);
      }
      if (intercepted != null) {
        m.intercepted = max(m.intercepted, intercepted);
      }
      for (int[] k : killed) {
        if (range == null || (k[0] >= range[0] && k[0] < range[1])) {
          m.killed = max(m.killed, k[1]);
        }
      }
      for (int[] k : injured) {
        if (range == null || (k[0] >= range[0] && k[0] < range[1])) {
          m.injured = max(m.injured, k[1]);
        }
      }
    }

    /** A count of the mention's weapon: launched (the largest stated), or intercepted. */
    private static void apply(Mention m, Launch l) {
      if (!l.weapon.equals(m.weapon) && !"unknown".equals(m.weapon)) {
        return;
      }
      if (l.intercept) {
        m.intercepted = max(m.intercepted, l.count);
      } else if (m.launched == null || l.count > m.launched) {
        m.launched = l.count;
        m.launchedQualifier = l.qualifier;
      }
    }

    /** With several places, a figure belongs to the place nearest before it (else the first place). */
    void applyNearest(Mention m, PlaceMatcher.Hit h, List<PlaceMatcher.Hit> all) {
      int idx = all.indexOf(h);
      int from = idx == 0 ? 0 : h.start;
      int to = idx == all.size() - 1 ? Integer.MAX_VALUE : all.get(idx + 1).start;
      for (Launch l : launches) {
        if (l.at >= from && l.at < to) {
          apply(m, l);
        }
      }
      for (int[] k : killed) {
        if (k[0] >= from && k[0] < to) {
          m.killed = max(m.killed, k[1]);
        }
      }
      for (int[] k : injured) {
        if (k[0] >= from && k[0] < to) {
          m.injured = max(m.injured, k[1]);
        }
      }
    }
  }

  /** The launches, interceptions and casualties one sentence states. */
  static Figures figures(String s, String lower) {
    Figures f = new Figures();
    NumberWords words = new NumberWords(s);
    Gated.Matches launched = LAUNCHED.matches(s, lower, words);
    while (launched != null && launched.next()) {
      Matcher m = launched.matcher();
      Integer n = Numbers.parse(m.group(2));
      if (n == null || n == 0 && !(DOWN_NEAR.matcher(s.substring(Math.max(0, m.start() - 30), m.start())).find()
          || continuesList(f.launches, s, m.start()))) {
        continue; // a zero counts only as "downed 0 missiles"
      }
      String phrase = s.substring(m.start(3), m.end(4));
      List<Weapons.Hit> w = Weapons.find(phrase);
      if (w.isEmpty()) {
        continue;
      }
      Weapons.Hit last = w.get(w.size() - 1);
      String model = null;
      for (Weapons.Hit h : w) {
        model = h.model() != null ? h.model() : model;
      }
      String before = s.substring(Math.max(0, m.start() - 30), m.start());
      String qualifier = Numbers.qualifier(m.group(1));
      Matcher of = OF_TOTAL.matcher(before);
      if (of.find()) {
        // "shot down 45 of 60 drones": 60 launched, 45 intercepted
        f.launches.add(new Launch(m.start(), n, qualifier, last.weapon(), null, false));
        Integer down = Numbers.parse(of.group(1));
        if (down != null) {
          f.launches.add(new Launch(m.start(), down, null, last.weapon(), null, true));
        }
        continue;
      }
      boolean downLater = DOWN_LATER.matcher(s).region(m.end(), s.length()).find();
      if (downLater && m.group(1) == null && (ALL_OF.matcher(before).find() || NONE_OF.matcher(before).find())) {
        // "all six missiles were intercepted" (6 and 6), "none of the 4 missiles was shot down" (4 and 0)
        f.launches.add(new Launch(m.start(), n, qualifier, last.weapon(), model, false));
        f.launches.add(new Launch(m.start(), ALL_OF.matcher(before).find() ? n : 0, null, last.weapon(), model, true));
        continue;
      }
      boolean intercept = DOWN_NEAR.matcher(before).find() || DOWN_ALL.matcher(before).find()
          || DOWN_AFTER.matcher(s).region(m.end(), s.length()).matches()
          || continuesList(f.launches, s, m.start());
      if (intercept && m.group(1) == null && (ALL_OF.matcher(before).find() || DOWN_ALL.matcher(before).find())) {
        // "intercepted all 9 drones": 9 launched, 9 intercepted
        f.launches.add(new Launch(m.start(), n, qualifier, last.weapon(), model, false));
      }
      f.launches.add(new Launch(m.start(), n, qualifier, last.weapon(), model, intercept));
    }
    interceptListsBackwards(f.launches, s);
    readTotalsAndNone(f, s);
    readWeaponShares(f, s);
    for (Gated p : new Gated[] {INTERCEPT_AFTER, INTERCEPT_BEFORE}) {
      for (int[] c : counts(p, s, lower, words, 2, false)) {
        f.intercepted = max(f.intercepted, c[1]);
      }
    }
    if (!CASUALTY_WORD.anyInLower(lower)) {
      return f;
    }
    f.killed.addAll(counts(KILLED_LIST, s, lower, words, 1, true));
    f.killed.addAll(counts(KILLED_BY_VERB, s, lower, words, 2, true));
    for (Gated p : new Gated[] {KILLED_BARE, DEAD, TOLL}) {
      f.killed.addAll(counts(p, s, lower, words, 2, false));
    }
    Matcher m = VICTIM.matcher(s, lower);
    if (m != null && m.find()) {
      f.killed.add(new int[] {m.start(), 1});
    }
    f.injured.addAll(counts(INJURED_LIST, s, lower, words, 1, true));
    f.injured.addAll(counts(INJURED_BY_VERB, s, lower, words, 2, true));
    for (Gated p : new Gated[] {INJURED_BARE, INJURED_TOLL, INJURED_BY_VERB_BARE}) {
      f.injured.addAll(counts(p, s, lower, words, 2, false));
    }
    m = SINGLE.matcher(s, lower);
    while (m != null && m.find()) {
      List<int[]> into = m.group(1).equalsIgnoreCase("killed") ? f.killed : f.injured;
      if (into.isEmpty()) {
        into.add(new int[] {m.start(), 1});
      }
    }
    m = NO_CASUALTIES.matcher(s, lower);
    if (m != null && m.find()) {
      if (f.killed.isEmpty()) {
        f.killed.add(new int[] {m.start(), 0});
      }
      if (f.injured.isEmpty() && !NO_DEATHS.find(s, lower)) {
        f.injured.add(new int[] {m.start(), 0});
      }
    }
    return f;
  }

  /**
   * Whether the count at {@code at} continues a list of interceptions: "shot down 13 drones and 43 missiles"
   * (the second count follows the first with only "and" or a comma between).
   */
  private static boolean continuesList(List<Launch> launches, String s, int at) {
    if (launches.isEmpty()) {
      return false;
    }
    Launch prev = launches.get(launches.size() - 1);
    if (!prev.intercept() || prev.at() >= at) {
      return false;
    }
    Matcher gap = LIST_GAP.matcher(s);
    gap.region(prev.at(), at);
    return gap.matches();
  }

  /** "1 missile and 19 drones were neutralised": a count listed before an interception is one too. */
  private static void interceptListsBackwards(List<Launch> launches, String s) {
    for (int i = launches.size() - 2; i >= 0; i--) {
      Launch a = launches.get(i);
      Launch b = launches.get(i + 1);
      if (!a.intercept() && b.intercept() && a.at() < b.at()) {
        Matcher gap = LIST_GAP.matcher(s);
        gap.region(a.at(), b.at());
        Matcher down = DOWN_AFTER.matcher(s);
        if (gap.matches() && down.region(endOfCount(s, b.at()), s.length()).matches()) {
          launches.set(i, new Launch(a.at(), a.count(), null, a.weapon(), a.model(), true));
        }
      }
    }
  }

  /** The end of the count and weapon phrase that starts at {@code at} (up to four words). */
  private static int endOfCount(String s, int at) {
    Matcher m = Pattern.compile("^\\S+(?:\\s+[\\w-]+){0,4}?\\s+" + WEAPON_NOUN + "\\b", CI).matcher(s);
    m.region(at, s.length());
    return m.lookingAt() ? m.end() : at;
  }

  /**
   * "brought down 13 of the drones and 20 of the missiles", "of the missiles, 4 were shot down", "reported 3
   * downed": interception counts of a weapon named by a noun after "of the", or without "were".
   */
  private static void readWeaponShares(Figures f, String s) {
    Matcher m = OF_THE_WEAPON.matcher(s);
    while (m.find()) {
      boolean reverse = m.group(1) == null;
      Integer n = Numbers.parse(reverse ? m.group(4) : m.group(1));
      List<Weapons.Hit> w = Weapons.find(reverse ? m.group(3) : m.group(2));
      if (n == null || w.isEmpty()) {
        continue;
      }
      boolean down = reverse || DOWN_NEAR.matcher(s.substring(Math.max(0, m.start() - 40), m.start())).find()
          || continuesList(f.launches, s, m.start())
          || DOWN_AFTER.matcher(s).region(m.end(), s.length()).matches()
          || DOWN_LATER.matcher(s).region(m.end(), s.length()).find();
      if (down) {
        f.launches.add(new Launch(m.start(), n, null, w.get(0).weapon(), null, true));
      }
    }
    m = DOWN_BARE.matcher(s);
    while (m.find()) {
      Integer n = Numbers.parse(m.group(1));
      List<Weapons.Hit> w = m.group(2) == null ? List.of() : Weapons.find(m.group(2));
      if (n == null) {
        continue;
      }
      if (w.isEmpty()) {
        f.intercepted = max(f.intercepted, n);
      } else {
        f.launches.add(new Launch(m.start(), n, null, w.get(0).weapon(), null, true));
      }
    }
  }

  /**
   * Counts told without a weapon noun: "out of 7 launched" (launched, of the weapon counted before it) and
   * "no missile was shot down", "none were intercepted" (intercepted 0).
   */
  private static void readTotalsAndNone(Figures f, String s) {
    Matcher total = OUT_OF_LAUNCHED.matcher(s);
    while (total.find()) {
      Integer n = Numbers.parse(total.group(2));
      Launch prev = null;
      for (Launch l : f.launches) {
        prev = l.at() < total.start() ? l : prev;
      }
      if (n != null && n > 0 && prev != null) {
        f.launches.add(new Launch(total.start(), n, Numbers.qualifier(total.group(1)), prev.weapon(), null, false));
      }
    }
    Matcher said = LAUNCHED_TOTAL.matcher(s);
    while (said.find()) {
      Integer n = Numbers.parse(said.group(2));
      Launch prev = f.launches.isEmpty() ? null : f.launches.get(0);
      for (Launch l : f.launches) {
        prev = l.at() < said.start() ? l : prev;
      }
      if (n != null && n > 0 && prev != null) {
        f.launches.add(new Launch(said.start(), n, Numbers.qualifier(said.group(1)), prev.weapon(), null, false));
      } else if (n != null && n > 0) {
        f.launchedTotal = n;
      }
    }
    Matcher none = NONE_DOWN.matcher(s);
    while (none.find()) {
      List<Weapons.Hit> w = none.group(1) == null ? List.of() : Weapons.find(none.group(1));
      if (w.isEmpty()) {
        f.intercepted = max(f.intercepted, 0);
      } else {
        f.launches.add(new Launch(none.start(), 0, null, w.get(0).weapon(), null, true));
      }
    }
  }

  /**
   * Every match of a count pattern as {offset, count}: the group is a number, or (when {@code people}) a
   * list of people ("a 68-year-old woman and a 38-year-old man").
   */
  private static List<int[]> counts(Gated pattern, String s, String lower, NumberWords words, int group,
                                    boolean people) {
    List<int[]> out = new ArrayList<>();
    Gated.Matches found = pattern.matches(s, lower, words);
    while (found != null && found.next()) {
      Matcher m = found.matcher();
      Integer n = people ? Integer.valueOf(people(m.group(group))) : Numbers.parse(m.group(group));
      if (n != null) {
        out.add(new int[] {m.start(), n});
      }
    }
    return out;
  }

  /** The number of people in "a 68-year-old woman and a 38-year-old man" (2), "two civilians" (2). */
  static int people(String list) {
    int total = 0;
    Matcher m = PERSON_ITEM_P.matcher(list);
    while (m.find()) {
      if (m.group(1) != null) {
        Integer n = Numbers.parse(m.group(1));
        total += n == null ? 0 : n;
        continue;
      }
      String det = m.group(2).toLowerCase(Locale.ROOT);
      Integer n = det.equals("the") || det.equals("his") || det.equals("her") || det.equals("their") ? Integer.valueOf(1)
          : Numbers.parse(det);
      String noun = m.group(3).toLowerCase(Locale.ROOT);
      if (n != null && (noun.equals("couple") || noun.equals("couples"))) {
        n = n * 2;
      } else if (n != null && n == 1 && noun.endsWith("s") && !noun.endsWith("ss") && !det.equals("a") && !det.equals("an")
          && !noun.equals("others")) {
        n = null; // "the residents": a number we cannot know
      }
      total += n == null ? 0 : n;
    }
    return total;
  }

  private static Integer max(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }

  /**
   * Merges an article's mentions of one strike: same date, country, region, weapon and city. A mention of
   * the region without a city joins the region's one city mention; an unknown weapon joins the one known
   * weapon of the same date and region.
   */
  static List<Mention> merge(List<Mention> mentions) {
    Map<String, Mention> byKey = new LinkedHashMap<>();
    for (Mention m : mentions) {
      Mention into = byKey.get(m.key());
      if (into == null) {
        byKey.put(m.key(), m);
      } else {
        absorb(into, m);
      }
    }
    List<Mention> step = new ArrayList<>(byKey.values());
    step = joinSingle(step, m -> m.placeCanonical == null && m.regionIso != null,
        (m, k) -> k.placeCanonical != null && k.weapon.equals(m.weapon));
    step = joinSingle(step, m -> "unknown".equals(m.weapon),
        (m, k) -> !"unknown".equals(k.weapon)
            && (m.placeCanonical == null || k.placeCanonical == null || m.placeCanonical.equals(k.placeCanonical)));
    step.sort((a, b) -> Integer.compare(a.sentenceIndex, b.sentenceIndex));
    return step;
  }

  /** Each mention that {@code loose} selects joins the single other mention of its area that {@code fits}. */
  private static List<Mention> joinSingle(List<Mention> all, java.util.function.Predicate<Mention> loose,
                                          java.util.function.BiPredicate<Mention, Mention> fits) {
    List<Mention> out = new ArrayList<>();
    java.util.Set<Mention> absorbed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Mention m : all) {
      if (loose.test(m)) {
        Mention only = null;
        int n = 0;
        for (Mention k : all) {
          if (k != m && !absorbed.contains(k) && !loose.test(k) && k.sameStrikeArea(m) && fits.test(m, k)) {
            only = k;
            n++;
          }
        }
        if (n == 1) {
          absorb(only, m);
          absorbed.add(m);
        }
      }
    }
    for (Mention m : all) {
      if (!absorbed.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }

  private static void absorb(Mention into, Mention m) {
    for (Integer e : m.evidence) {
      if (!into.evidence.contains(e)) {
        into.evidence.add(e);
      }
    }
    into.evidence.sort(Integer::compare);
    if (into.place == null || ("oblast".equals(into.placeKind) && "city".equals(m.placeKind))) {
      if (m.place != null) {
        into.place = m.place;
        into.placeKind = m.placeKind;
        into.placeCanonical = m.placeCanonical;
      }
    }
    into.weaponModel = into.weaponModel != null ? into.weaponModel : m.weaponModel;
    if (m.launched != null && (into.launched == null || m.launched > into.launched)) {
      into.launched = m.launched;
      into.launchedQualifier = m.launchedQualifier;
    }
    into.intercepted = max(into.intercepted, m.intercepted);
    into.killed = max(into.killed, m.killed);
    into.injured = max(into.injured, m.injured);
    into.ownDate |= m.ownDate;
    into.followUp &= m.followUp;
    into.ownWeapon |= m.ownWeapon;
  }

  /**
   * How sure the mention is, 0–1: a located or national strike starts at 0.5; a date of its own, a named
   * weapon and figures each add; a date read against the run date instead of the publication lowers it.
   */
  static double confidence(Mention m) {
    double c = 0.5;
    c += m.ownDate ? 0.15 : "inherited".equals(m.dateBasis) ? 0.1 : 0.0;
    c += "unknown".equals(m.weapon) ? 0.0 : m.ownWeapon ? 0.15 : 0.1;
    c += m.launched != null || m.killed != null || m.injured != null || m.intercepted != null ? 0.15 : 0.0;
    c += m.evidence.size() > 1 ? 0.05 : 0.0;
    c -= "unknown".equals(m.dateBasis) || "vague".equals(m.dateBasis) ? 0.15 : 0.0;
    return Math.round(Math.max(0.05, Math.min(1.0, c)) * 100) / 100.0;
  }
}
