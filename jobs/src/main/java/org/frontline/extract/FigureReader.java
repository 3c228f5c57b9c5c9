package org.frontline.extract;

import org.frontline.common.Stems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures one sentence states: launched and intercepted counts per weapon (every form of the morning
 * reports: "of the 70 drones, 52 were downed", "all six", "none of the", per-weapon lists, totals told
 * without a noun), and killed and injured people.
 */
final class FigureReader {
  private FigureReader() {}

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
      + "|a|an|the|his|her|their)\\s+(?:" + QUAL + "\\s+)?(?:\\d{1,3}-year-old\\s+)?(?:[\\w-]+\\s+){0,2}"
      + PERSON + "\\b)";
  private static final String PERSON_LIST = "(" + PERSON_ITEM + "(?:(?:,\\s*|,?\\s+and\\s+)" + PERSON_ITEM + ")*)"
      + "(?:,\\s*(?:including|among them)[^,]{1,60},)?";
  private static final Pattern PERSON_ITEM_P = Pattern.compile("\\b(?:(?:a|the)\\s+family\\s+of\\s+(" + NUM
      + ")|(" + NUM + "|a|an|the|his|her|their)\\s+(?:" + QUAL + "\\s+)?(?:\\d{1,3}-year-old\\s+)?(?:[\\w-]+\\s+){0,2}("
      + PERSON + ")\\b)", CI);


  /** Stems of which every weapon noun ({@code WEAPON_NOUN}) has one. */
  private static final String[] WEAPON_STEMS = {"drone", "uav", "missile", "rocket", "shahed", "bomb", "shell",
      "airstrikes", "munitions", "projectiles", "unmanned aerial vehicles", "kalibrs", "iskanders", "kinzhals", "kabs"};
  /** Stems of which every shoot-down verb ({@code DOWN}) has one. */
  private static final String[] DOWN_STEMS = {"down", "destroy", "intercept", "neutrali", "suppressed", "repelled",
      "eliminated", "jammed", "disabled", "lost"};
  private static final Gated LAUNCHED = Gated.count(3, Numbers.QUALIFIER_FIRST_WORDS,
      Pattern.compile("\\b(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\s+"
      + "((?:" + WEAPON_ADJECTIVE + "\\s+){0,3}?)(" + WEAPON_NOUN + ")\\b(?!\\s+(?:attacks?|strikes?|raids?|alerts?|"
      + "debris|wreckage|fragments|production|factory|sites?|units?|operators?|crews?))", CI), WEAPON_STEMS);
  private static final String DOWN = "(?:shot down|downed|destroyed|intercepted|neutrali[sz]ed|suppressed|"
      + "repelled|eliminated|taken down|brought down|jammed|disabled|lost|locationally lost|downing|shooting down|"
      + "destroying|intercepting|neutrali[sz]ing|shoot down|destroy|intercept|neutrali[sz]e|bring down|take down)";
  private static final Gated INTERCEPT_AFTER = new Gated(Pattern.compile("(?:" + DOWN + "|(?:shot|took|brought) down)"
      + "\\s+(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\b(?=\\s*(?:of\\s+(?:them|those|these|the)\\b|(?:[\\w-]+\\s+){0,3}?"
      + "(?:" + WEAPON_NOUN + "|targets)\\b|targets|aerial targets|[,.;]|$|"
      + "\\s+(?:over|above|in|across|before|by)\\b))", CI), DOWN_STEMS);
  /** " were shot down ..." right after a launch count: the launched weapons were intercepted. */
  private static final Pattern DOWN_AFTER = Pattern.compile("(?is)^\\s+(?:(?:\\w+\\s+){0,2}?" + BE
      + "\\s+(?:\\w+\\s+){0,2}?)?" + DOWN + "\\b.*");
  private static final Gated INTERCEPT_BEFORE = Gated.count(3, Numbers.QUALIFIER_FIRST_WORDS,
      Pattern.compile("\\b(?:(" + QUAL + ")\\s+)?(" + NUM
      + ")\\s+(?:of\\s+(?:them|those|these|which|the\\s+[\\w-]+)\\s+|(?:[\\w-]+\\s+){0,3}?" + WEAPON_NOUN + "\\s+)?"
      + BE + "\\s+(?:\\w+\\s+){0,2}?" + DOWN + "\\b", CI),
      "down", "destroy", "intercept", "neutrali", "suppressed", "repelled", "eliminated", "jammed", "disabled",
      "lost");
  /** A shoot-down verb later in the sentence ("... launched overnight were shot down"). */
  private static final Pattern DOWN_LATER = Pattern.compile("\\b(?:were|was|had been|have been|has been)\\s+"
      + "(?:\\w+\\s+){0,2}?" + DOWN + "\\b", CI);
  private static final Pattern ALL_OF = Pattern.compile("\\b(?:all|all of the|all the|both|every one of the|"
      + "each of the|the full complement of|the entire|the whole)\\s+$", CI);
  private static final Pattern NONE_OF = Pattern.compile("\\b(?:none of the|not one of the|"
      + "not a single one of the)\\s+$", CI);
  /** What may stand between two counts of one list: "13 drones and 43 missiles", "3 missiles, 40 drones". */
  private static final Pattern LIST_GAP = Pattern.compile("\\S+(?:\\s+[\\w-]+){0,4}?\\s*"
      + "(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?:also\\s+)?(?:all\\s+(?:of\\s+)?(?:the\\s+)?)?", CI);
  /** A count and its weapon phrase: "13 Shahed drones", "3 Kh-101 cruise missiles". */
  private static final Pattern COUNT_PHRASE = Pattern.compile("^\\S+(?:\\s+[\\w-]+){0,4}?\\s+" + WEAPON_NOUN + "\\b",
      CI);
  /**
   * A stem every interception and launched-total reading needs (a shoot-down verb, "air defence", a launch
   * verb): sentences without one skip those readings.
   */
  private static final Stems SHOOT_DOWN_OR_LAUNCH = new Stems("down",
      "destroy", "intercept", "neutrali", "suppress", "repel", "eliminat", "jammed", "disabled", "lost", "shot",
      "took", "brought", "air defen", "launch", "fired", "sent", "used", "recorded", "detected", "tracked",
      "respectively");

  /** Whether a lower-cased sentence may state an interception or a launched total at all. */
  static boolean mayCount(String lower) {
    return SHOOT_DOWN_OR_LAUNCH.anyInLower(lower);
  }

  /** "destroyed every one of the six drones". */
  private static final Pattern DOWN_ALL = Pattern.compile(DOWN + "\\s+(?:all|all of the|all the|both|every one of the|"
      + "each of the|the full complement of|the entire|the whole)\\s+$", CI);
  /** "brought down each of them", "destroyed them all", "the entire number Russia launched": all that came. */
  private static final Gated DOWN_EVERY = new Gated(Pattern.compile(DOWN
      + "\\s+(?:(?:each|all|every one|both) of them|them all)\\b|"
      + "\\b(?:the entire number|all those|all that|every one that)\\s+(?:that\\s+)?(?:Russia|Moscow|the enemy|"
      + "Russian forces|the Russians)\\s+(?:had\\s+)?(?:launched|fired|sent|used)\\b", CI),
      "of them", "them all", "the entire number", "all those", "all that", "every one that");
  /** "13 of the drones", "of the missiles, 4 were": a count of a weapon named before. */
  private static final Gated OF_THE_WEAPON = Gated.firstWord(Set.of("of"), true,
      Pattern.compile("(?<!every )(?<!each )\\b(" + NUM
      + ")\\s+of\\s+(?:the|them,?\\s+(?:the\\s+)?)\\s*(?:[\\w-]+\\s+){0,2}?(" + WEAPON_NOUN + ")\\b|"
      + "\\b[Oo]f the (?:[\\w-]+\\s+){0,2}?(" + WEAPON_NOUN + "),\\s+(" + NUM
      + ")\\s+(?:were|was|had been|have been)\\s+(?:\\w+\\s+){0,2}?" + DOWN + "\\b", CI), WEAPON_STEMS);
  /** "reported 3 downed", "10 of 10 drones downed overnight": an interception count without "were". */
  private static final Gated DOWN_BARE = Gated.firstWord(Set.of(), true,
      Pattern.compile("\\b(" + NUM + ")\\s+(?:(?:[\\w-]+\\s+){0,3}?(" + WEAPON_NOUN
      + ")\\s+)?(?:shot down|downed|destroyed|intercepted|neutrali[sz]ed)(?=\\s*(?:[,.;:]|$|by\\b|over\\b|overnight\\b|"
      + "and\\b|in\\b))", CI), "down", "destroyed", "intercepted", "neutrali");
  /** "Russia had launched 7 in total", "after Russia launched a total of 22": a launched total without a noun. */
  private static final Gated LAUNCHED_TOTAL = Gated.firstWord(Set.of("launched", "fired", "sent", "used"), false,
      Pattern.compile("\\b(?:launched|fired|sent|used)\\s+(?:a total of\\s+|"
      + "(?:(" + QUAL + ")\\s+))?(" + NUM + ")(?=\\s*(?:in total|in all|during|overnight|last night|that night|,|\\.|$|"
      + "into|at|against|across)\\b)", CI), "launched", "fired", "sent", "used");
  /** "3 missiles, of which 3 were shot down", "81 missiles (34 shot down)": a share of the count just before. */
  private static final Gated SHARE_DOWN = new Gated(
      Pattern.compile("\\b(?:of which|of them|of these|of those)\\s+(" + NUM
      + ")\\s+(?:were|was|had been|have been)\\s+(?:\\w+\\s+){0,2}?" + DOWN + "\\b|\\(\\s*(" + NUM
      + ")\\s+(?:were\\s+|of them\\s+)?" + DOWN + "\\s*\\)", CI), DOWN_STEMS);
  /** "In total, 37 were recorded", "12 had been launched": a launched total told in the passive, no noun. */
  private static final Gated TOTAL_PASSIVE = Gated.firstWord(Set.of("in", "altogether", "a"), true,
      Pattern.compile("\\b(?:(?:in total|in all|altogether|a total of),?\\s+)?"
      + "(" + NUM + ")\\s+(?:were|had been|have been)\\s+"
      + "(?:recorded|launched|fired|detected|tracked|used|sent)\\b", CI), "recorded", "launched", "fired", "detected",
      "tracked", "used", "sent");
  /**
   * "missiles and drones - 98 and 10 respectively": two weapons, then their counts in the same order
   * (intercepted when a shoot-down verb stands just before the first weapon).
   */
  private static final Pattern RESPECTIVELY = Pattern.compile("\\b((?:[\\w-]+\\s+){0,2}?" + WEAPON_NOUN
      + ")\\s+and\\s+((?:[\\w-]+\\s+){0,2}?" + WEAPON_NOUN + ")\\b[^.;]{0,60}?\\b(" + NUM + ")\\s*(?:,|and)\\s*("
      + NUM + "),?\\s+respectively\\b", CI);
  /** "out of 7 launched", "of the 40 fired": a launched total after an interception count. */
  private static final Gated OUT_OF_LAUNCHED = Gated.firstWord(Set.of("out", "of"), false,
      Pattern.compile("\\b(?:out of|of)\\s+(?:the\\s+|a total of\\s+)?(?:("
      + QUAL + ")\\s+)?(" + NUM + ")\\s+(?:(?:that|which)\\s+(?:[\\w-]+\\s+){0,2}?)?"
      + "(?:launched|fired|used|sent)\\b", CI), "launched", "fired", "used", "sent");
  /** "no missile was shot down", "none of them were intercepted": intercepted 0. */
  private static final Gated NONE_DOWN = Gated.firstWord(Set.of("no", "not", "none"), false,
      Pattern.compile("\\b(?:no|not a single|not one)\\s+((?:[\\w-]+\\s+){0,2}?"
      + WEAPON_NOUN + ")\\s+(?:\\w+\\s+){0,3}?(?:was|were|had been|has been|could be)\\s+(?:\\w+\\s+){0,2}?"
      + DOWN + "\\b|\\bnone (?:of (?:them|which|these|those) )?(?:was|were|could be)\\s+(?:\\w+\\s+){0,2}?"
      + DOWN + "\\b", CI), DOWN_STEMS);
  private static final Pattern OF_TOTAL = Pattern.compile("\\b(" + NUM + ")\\s+(?:out\\s+)?of\\s+(?:the\\s+)?$", CI);
  private static final Pattern DOWN_NEAR = Pattern.compile("(?:" + DOWN + "|air defen[cs]e|shot|took|brought)"
      + "[^\\w;]+(?:\\w+[^\\w;]+){0,2}$", CI); // not across a semicolon: "4 were shot down; and 10 drones"

  /** The words a person list begins with, apart from a count ({@link #PERSON_ITEM}). */
  private static final Set<String> PERSON_FIRST = Set.of("a", "an", "the", "his", "her", "their");
  private static final Gated KILLED_LIST = Gated.firstWord(PERSON_FIRST, true, Pattern.compile("\\b" + PERSON_LIST
      + "\\s+(?:\\w+\\s+){0,2}?" + BE + "\\s+(?:\\w+\\s+)?(?:killed|dead|slain)\\b", CI),
      "killed", "dead", "slain");
  private static final Gated KILLED_BY_VERB = new Gated(Pattern.compile("\\b(?:kill(?:ed|ing)|claimed the lives of|"
      + "took the lives of|the deaths? of)\\s+(?:(" + QUAL + ")\\s+)?" + PERSON_LIST, CI),
      "kill", "lives of", "death");
  private static final Gated KILLED_BARE = Gated.count(4, Set.of("killed", "killing", "leaving", "left"),
      Pattern.compile("\\b(?:kill(?:ed|ing)|leaving|left)\\s+"
      + "(?:(" + QUAL + ")\\s+)?(" + NUM + ")(?:\\s+(?:dead|killed|people dead))?"
      + "(?=\\s*(?:[,.;]|$|and\\b|on\\b|in\\b|at\\b|"
      + "others\\b|more\\b|the\\b|after\\b|when\\b|as\\b|according\\b|dead\\b))", CI),
      "kill", "leaving", "left");
  private static final Gated DEAD = Gated.count(3, Numbers.QUALIFIER_FIRST_WORDS,
      Pattern.compile("\\b(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\s+(?:"
      + PERSON + "\\s+)?(?:were\\s+|are\\s+)?(?:dead|died|deaths|fatalities|killed)\\b", CI),
      "dead", "died", "deaths", "fatalities", "killed");
  private static final Gated TOLL = new Gated(Pattern.compile("\\b(?:death toll|toll|"
      + "number of (?:people |those |civilians )?(?:killed|dead))\\s+(?:[\\w'’,-]+\\s+){0,16}?"
      + "(?:to|at|of|reached|is|was|stands at|stood at)\\s+(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\b", CI),
      "toll", "number of");
  private static final Gated INJURED_TOLL = new Gated(Pattern.compile("\\bnumber of (?:the )?(?:injured|wounded)"
      + "(?: people)?\\s+(?:[\\w'’,-]+\\s+){0,16}?(?:to|at|of|reached|is|was|stands at|stood at)\\s+"
      + "(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\b", CI),
      "number of");
  private static final Gated VICTIM = new Gated(Pattern.compile("\\b(?:the )?(?:victim|person killed|dead) (?:was|is) "
      + "(?:a|an)\\b", CI),
      "victim", "person killed", "dead");
  private static final Gated INJURED_LIST = Gated.firstWord(PERSON_FIRST, true, Pattern.compile("\\b" + PERSON_LIST
      + "\\s+(?:\\w+\\s+){0,2}?" + BE + "\\s+(?:\\w+\\s+)?(?:injured|wounded|hurt|hospitali[sz]ed)\\b", CI),
      "injured", "wounded", "hurt", "hospitali");
  private static final Gated INJURED_BY_VERB = new Gated(Pattern.compile("\\b(?:injur(?:ed|ing)|wound(?:ed|ing)|"
      + "hurting)\\s+(?:(" + QUAL + ")\\s+)?" + PERSON_LIST, CI),
      "injur", "wound", "hurting");
  private static final Gated INJURED_BY_VERB_BARE = Gated.count(4, Set.of("injured", "injuring", "wounded",
      "wounding", "hurting"), Pattern.compile("\\b(?:injur(?:ed|ing)|"
      + "wound(?:ed|ing)|hurting)\\s+(?:(" + QUAL + ")\\s+)?(" + NUM + ")(?=\\s*(?:[,.;]|$|and\\b|on\\b|in\\b|at\\b|"
      + "others\\b|more\\b|the\\b|after\\b|when\\b|as\\b|according\\b))", CI),
      "injur", "wound", "hurting");
  private static final Gated SINGLE = new Gated(Pattern.compile("(?<![Nn]o )\\b(?:a|an|one)\\s+(?:[\\w-]+\\s+){0,3}?"
      + "(?:was|has been|had been)\\s+(?:\\w+\\s+)?(killed|injured|wounded|hurt)\\b", CI),
      "killed", "injured", "wounded", "hurt");
  private static final Gated INJURED_BARE = Gated.count(3, Numbers.QUALIFIER_FIRST_WORDS,
      Pattern.compile("\\b(?:(" + QUAL + ")\\s+)?(" + NUM + ")\\s+"
      + "(?:" + PERSON + "\\s+)?(?:were\\s+|was\\s+)?(?:injured|wounded|hurt)\\b", CI),
      "injured", "wounded", "hurt");
  private static final Gated NO_CASUALTIES = new Gated(Pattern.compile("\\b(?:no (?:casualties|one was (?:killed|hurt|"
      + "injured)|injuries|deaths|victims)|nobody was (?:killed|hurt|injured)|without casualties)\\b", CI),
      "no casualties", "no one was", "no injuries", "no deaths", "no victims", "nobody was", "without casualties");
  private static final Gated NO_DEATHS = new Gated(Pattern.compile("\\bno (?:deaths|fatalities|one was killed)\\b", CI),
      "no deaths", "no fatalities", "no one was killed");


  /** A count with a weapon noun: launched, or intercepted when a shoot-down verb governs it. */
  record Launch(int at, int count, String qualifier, WeaponClass weapon, String model, boolean intercept) {}

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
    static void apply(Mention m, Launch l) {
      if (l.weapon != m.weapon && m.weapon != WeaponClass.UNKNOWN) {
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
  static Figures read(String s, String lower) {
    Figures f = new Figures();
    NumberWords words = new NumberWords(s);
    Gated.Matches launched = LAUNCHED.matches(s, lower, words);
    while (launched != null && launched.next()) {
      Matcher m = launched.matcher();
      Integer n = Numbers.parse(m.group(2));
      if (n == null || n == 0 && !(DOWN_NEAR.matcher(s.substring(Math.max(0, m.start() - 30), m.start())).find()
          || continuesList(f.launches, s, m.start()) || DOWN_LATER.matcher(s).region(m.end(), s.length()).find())) {
        continue; // a zero counts only as "downed 0 missiles", "0 missiles were intercepted"
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
      String longBefore = s.substring(Math.max(0, m.start() - 45), m.start());
      boolean intercept = DOWN_NEAR.matcher(before).find() || DOWN_ALL.matcher(longBefore).find()
          || DOWN_AFTER.matcher(s).region(m.end(), s.length()).matches()
          || continuesList(f.launches, s, m.start());
      if (intercept && m.group(1) == null && (ALL_OF.matcher(before).find() || DOWN_ALL.matcher(longBefore).find())) {
        // "intercepted all 9 drones": 9 launched, 9 intercepted
        f.launches.add(new Launch(m.start(), n, qualifier, last.weapon(), model, false));
      }
      f.launches.add(new Launch(m.start(), n, qualifier, last.weapon(), model, intercept));
    }
    if (SHOOT_DOWN_OR_LAUNCH.anyInLower(lower)) {
      interceptListsBackwards(f.launches, s);
      readTotalsAndNone(f, s, lower, words);
      readWeaponShares(f, s, lower, words);
    }
    for (Gated p : new Gated[] {INTERCEPT_AFTER, INTERCEPT_BEFORE}) {
      for (int[] c : counts(p, s, lower, words, 2, false)) {
        f.intercepted = max(f.intercepted, c[1]);
      }
    }
    if (!StrikeCues.CASUALTY_WORD.anyInLower(lower)) {
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
  static boolean continuesList(List<Launch> launches, String s, int at) {
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
  static void interceptListsBackwards(List<Launch> launches, String s) {
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
  static int endOfCount(String s, int at) {
    Matcher m = COUNT_PHRASE.matcher(s);
    m.region(at, s.length());
    return m.lookingAt() ? m.end() : at;
  }

  /**
   * "brought down 13 of the drones and 20 of the missiles", "of the missiles, 4 were shot down", "reported 3
   * downed": interception counts of a weapon named by a noun after "of the", or without "were".
   */
  static void readWeaponShares(Figures f, String s, String lower, NumberWords words) {
    Gated.Matches found = OF_THE_WEAPON.matches(s, lower, words);
    while (found != null && found.next()) {
      Matcher m = found.matcher();
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
    Matcher m = SHARE_DOWN.matcher(s, lower);
    while (m != null && m.find()) {
      Integer n = Numbers.parse(m.group(1) != null ? m.group(1) : m.group(2));
      Launch counted = null;
      for (Launch l : f.launches) {
        counted = !l.intercept() && l.at() < m.start() ? l : counted;
      }
      if (n != null && counted != null) {
        f.launches.add(new Launch(m.start(), n, null, counted.weapon(), counted.model(), true));
      }
    }
    found = DOWN_BARE.matches(s, lower, words);
    while (found != null && found.next()) {
      m = found.matcher();
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
  static void readTotalsAndNone(Figures f, String s, String lower, NumberWords words) {
    Gated.Matches found = OUT_OF_LAUNCHED.matches(s, lower, words);
    while (found != null && found.next()) {
      Matcher total = found.matcher();
      Integer n = Numbers.parse(total.group(2));
      Launch prev = null;
      for (Launch l : f.launches) {
        prev = l.at() < total.start() ? l : prev;
      }
      if (n != null && n > 0 && prev != null) {
        f.launches.add(new Launch(total.start(), n, Numbers.qualifier(total.group(1)), prev.weapon(), null, false));
      }
    }
    found = LAUNCHED_TOTAL.matches(s, lower, words);
    while (found != null && found.next()) {
      Matcher said = found.matcher();
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
    if (DOWN_EVERY.find(s, lower)) {
      // every weapon counted once stands for both figures: launched and downed alike
      for (Launch l : List.copyOf(f.launches)) {
        if (f.launches.stream().noneMatch(x -> x.intercept() != l.intercept() && x.weapon() == l.weapon())) {
          f.launches.add(new Launch(l.at(), l.count(), l.intercept() ? null : l.qualifier(), l.weapon(), l.model(),
              !l.intercept()));
        }
      }
    }
    found = TOTAL_PASSIVE.matches(s, lower, words);
    while (found != null && found.next()) {
      Matcher passive = found.matcher();
      Integer n = Numbers.parse(passive.group(1));
      if (n != null && n > 0 && f.launches.isEmpty() && f.launchedTotal == null) {
        f.launchedTotal = n;
      }
    }
    // the word is in every match: most sentences are settled by one indexOf
    Matcher respectively = lower.contains("respectively") ? RESPECTIVELY.matcher(s) : null;
    while (respectively != null && respectively.find()) {
      List<Weapons.Hit> a = Weapons.find(respectively.group(1));
      List<Weapons.Hit> b = Weapons.find(respectively.group(2));
      Integer na = Numbers.parse(respectively.group(3));
      Integer nb = Numbers.parse(respectively.group(4));
      if (a.isEmpty() || b.isEmpty() || na == null || nb == null) {
        continue;
      }
      String before = s.substring(Math.max(0, respectively.start() - 40), respectively.start());
      boolean down = DOWN_NEAR.matcher(before).find();
      f.launches.add(new Launch(respectively.start(3), na, null, a.get(a.size() - 1).weapon(), null, down));
      f.launches.add(new Launch(respectively.start(4), nb, null, b.get(b.size() - 1).weapon(), null, down));
    }
    found = NONE_DOWN.matches(s, lower, words);
    while (found != null && found.next()) {
      Matcher none = found.matcher();
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
  static List<int[]> counts(Gated pattern, String s, String lower, NumberWords words, int group,
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
      Integer n = det.equals("the") || det.equals("his") || det.equals("her") || det.equals("their")
          ? Integer.valueOf(1) : Numbers.parse(det);
      String noun = m.group(3).toLowerCase(Locale.ROOT);
      if (n != null && (noun.equals("couple") || noun.equals("couples"))) {
        n = n * 2;
      } else if (n != null && n == 1 && noun.endsWith("s") && !noun.endsWith("ss") && !det.equals("a")
          && !det.equals("an") && !noun.equals("others")) {
        n = null; // "the residents": a number we cannot know
      }
      total += n == null ? 0 : n;
    }
    return total;
  }

  static Integer max(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }
}
