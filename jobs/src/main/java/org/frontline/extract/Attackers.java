package org.frontline.extract;

import org.frontline.common.Stems;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who struck: {@code RU}, {@code UA} or {@code unknown}, by the coding rules. A strike on a place in Russia
 * is Ukraine's. In Ukraine, the sentence's first actor cue decides ("Ukrainian forces struck Russian
 * positions" is UA, "Russian troops shelled Ukrainian positions" is RU); a sentence without one takes the
 * headline's cue. Without any cue, a strike on Crimea or Sevastopol (occupied since 2014) is unknown, and
 * one elsewhere in Ukraine is Russia's — what news of the war reports by default.
 */
final class Attackers {
  private Attackers() {}

  static final String RU = "RU";
  static final String UA = "UA";
  static final String UNKNOWN = "unknown";

  private static final String AGENT_NOUN = "(?:forces|troops|army|military|armed forces|artillery|artillerymen|"
      + "gunners|drones?|UAVs?|missiles?|rockets?|strikes?|shelling|attacks?|bombardment|counter-?strikes?|"
      + "aviation|aircraft|warplanes|jets|helicopters|navy|fleet|bombers|units|soldiers|fire|saboteurs|"
      + "special forces|partisans|military intelligence|defence forces|defense forces)";

  /** Ukraine as the one who struck. */
  private static final Gated UA_CUE = Gated.firstWord(Set.of("ukrainian", "ukraine", "kyiv", "kiev", "ukrainians",
      "armed", "afu", "zsu", "himars*", "neptune*", "storm", "atacms*", "scalp*", "bayraktar*", "russian", "russia",
      "enemy", "moscow", "kremlin", "occupation", "pro", "separatist"), false,
      Pattern.compile("\\b(?:(?:Ukrainian|Ukraine's|Kyiv's|Kiev's) "
      + "(?!air defen|anti-aircraft)(?:(?:[\\w-]+ ){0,2})?" + AGENT_NOUN + "\\b|"
      + "(?:Ukraine|Kyiv|Kiev|Ukrainians) (?:has |have |had )?"
      + "(?:struck|hit|attacked|shelled|launched|fired|targeted|bombed|pounded|used)\\b|Armed Forces of Ukraine|"
      + "\\bAFU\\b|\\bZSU\\b|HIMARS|Neptune|Storm Shadow|ATACMS|SCALP|Bayraktar|"
      + "(?:Russian|Russia's|enemy|Moscow's) (?:(?:[\\w-]+ ){0,2})?(?:positions|ammunition depots?|ammo depots?|"
      + "fuel depots?|depots?|bases?|air ?bases?|airfields?|command posts?|headquarters|warehouses?|barracks|"
      + "garrisons?|military equipment|manpower|troop concentrations?|concentrations)\\b|"
      + "(?:Russian|Russia|Moscow|Kremlin)[- ](?:installed|appointed|backed) (?:officials?|authorities|"
      + "administration|governor|head|mayor|leader)|occupation (?:authorities|officials|administration)|"
      + "pro-Russian (?:officials|authorities|separatists?)|separatist (?:officials|authorities|leaders?)|"
      + "(?:Russian|Russia's) (?:air defen[cs]es?|anti-aircraft))",
      Pattern.CASE_INSENSITIVE), "ukrain", "kyiv", "kiev", "afu", "zsu", "himars", "neptune", "storm shadow",
      "atacms", "scalp", "bayraktar", "russia", "enemy", "moscow", "kremlin", "occupation", "separatist");

  /** Russia as the one who struck. */
  private static final Gated RU_CUE = Gated.firstWord(Set.of("russian", "russia", "moscow", "enemy", "occupiers",
      "invaders", "russians", "the", "rashists", "racists", "orcs", "shahed*", "geran*", "kalibr*", "iskander*",
      "kinzhal*", "kh", "tu", "su", "ukrainian", "ukraine"), false,
      Pattern.compile("\\b(?:(?:Russian|Russia's|Moscow's|enemy|occupiers'|"
      + "invaders') (?!air defen|anti-aircraft)(?:(?:[\\w-]+ ){0,2})?" + AGENT_NOUN + "\\b|"
      + "(?:Russia|Moscow|Russians|the Russians|the enemy|"
      + "the occupiers|the invaders|occupiers|invaders|Russian troops|Russian forces) (?:has |have |had )?"
      + "(?:struck|hit|attacked|shelled|launched|fired|targeted|bombed|pounded|used)\\b|\\b(?:occupiers|invaders|"
      + "rashists|racists|orcs)\\b|Shahed|Geran|Kalibr|Iskander|Kinzhal|Kh-\\d+|Tu-\\d+|Su-\\d+|"
      + "(?:Ukrainian|Ukraine's) (?:air defen[cs]es?|air force|Air Force|anti-aircraft))",
      Pattern.CASE_INSENSITIVE), "russia", "moscow", "enemy", "occupiers", "invaders", "rashists", "racists", "orcs",
      "shahed", "geran", "kalibr", "iskander", "kinzhal", "kh-", "tu-", "su-", "ukrain");

  /** The first actor cue of a text: RU, UA, or null when it names none. */
  static String cue(String text) {
    if (text == null) {
      return null;
    }
    String lower = Stems.asciiLowerCase(text);
    NumberWords words = new NumberWords(text);
    int uaAt = first(UA_CUE, text, lower, words);
    int ruAt = first(RU_CUE, text, lower, words);
    if (uaAt == ruAt) {
      return null;
    }
    return uaAt < ruAt ? UA : RU;
  }

  /** Where the rule's first match in {@code s} begins, or {@link Integer#MAX_VALUE}. */
  private static int first(Gated rule, String s, String lower, NumberWords words) {
    Gated.Matches m = rule.matches(s, lower, words);
    return m != null && m.next() ? m.matcher().start() : Integer.MAX_VALUE;
  }

  private static final Pattern RU_DEFENCE = Pattern.compile("\\b(?:Russian|Russia's) (?:air defen[cs]es?|"
      + "anti-aircraft|defen[cs]e ministry|Defen[cs]e Ministry|military)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The cue of a sentence about shooting weapons down: the defender is named, not the attacker. Russian air
   * defence shot down Ukraine's weapons; any other defender (Ukraine's air force, "our forces") Russia's.
   */
  static String defenceCue(String text) {
    return RU_DEFENCE.matcher(text).find() ? UA : RU;
  }

  /** Who struck a place in {@code country} / {@code iso}, from the sentence's cue, else the headline's. */
  static String of(String sentenceCue, String titleCue, String country, String iso) {
    if ("RU".equals(country)) {
      return UA;
    }
    if (sentenceCue != null) {
      return sentenceCue;
    }
    if (titleCue != null) {
      return titleCue;
    }
    return "UA-43".equals(iso) || "UA-40".equals(iso) ? UNKNOWN : RU;
  }
}
