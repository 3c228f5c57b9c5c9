package org.frontline.extract;

import org.frontline.common.Stems;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that make a sentence a strike report: strike and casualty words, the first strike word that
 * reports rather than sets a scene, national cues ("at Ukraine", "over Russian regions"), and the words of
 * follow-ups and of anaphora ("the town").
 */
final class StrikeCues {
  private StrikeCues() {}

  private static final int CI = Pattern.CASE_INSENSITIVE;

  static final Pattern TRIGGER = Pattern.compile("\\b(?:attack(?:s|ed|ing)?|strik(?:e|es|ing)|struck|"
      + "hit(?:s|ting)?|shell(?:ed|ing)|bomb(?:ed|ing|ard\\w*)|pound(?:ed|ing)|target(?:ed|ing)|launch(?:ed|es|ing)?|"
      + "fired|explosions?|blasts?|kill(?:ed|ing)|injur\\w+|wound(?:ed|ing)|damag\\w+|destroy\\w*|shot down|"
      + "downed|downing|intercept(?:ed|ing)(?!\\s+(?:[\\w-]+\\s+)?(?:conversations?|calls?|communications?|phone|radio|"
      + "messages?|talks?))|neutrali[sz](?:ed|ing)|raids?|barrage|came under|debris|shot at|"
      + "rocked|brought down|taken down|(?:opened|open|opens|opening) fire|(?:us(?:e|es|ed|ing)|employ(?:s|ed|ing)?)"
      + " (?:[\\w-]+ ){0,3}(?:artillery|aircraft|aviation|MLRS|mortars|tanks|missiles|drones|rockets|Grads?|"
      + "howitzers|multiple rocket launchers|helicopters|bombs)|(?:fires|firing|sends|sending|sent|hurl(?:s|ed|ing)|"
      + "unleash(?:es|ed|ing)|deploy(?:s|ed|ing)) (?:[\\w-]+ ){0,4}(?:missiles|drones|rockets|shells|Shaheds|UAVs)|"
      + "backed by (?:[\\w-]+ ){0,2}(?:aircraft|aviation|"
      + "artillery)|dropp(?:ed|ing|s) (?:[\\w-]+ ){0,3}(?:bombs?|KABs?|munitions|explosives)|"
      + "fir(?:e|es|ing) (?:on|at)|with fire|under (?:enemy )?fire)\\b", CI);
  /** A stem every match of {@link #TRIGGER} contains: sentences without one skip the pattern. */
  static final Stems TRIGGER_STEMS = new Stems("attack", "strik", "struck", "hit", "shell", "bomb", "pound",
      "target", "launch", "fired", "explosion", "blast", "kill", "injur", "wound", "damag", "destroy", "shot down",
      "downed", "downing", "intercept", "neutrali", "raid", "barrage", "came under", "debris", "shot at", "rocked",
      "fire", "firing", "brought down", "taken down", "use", "employ", "backed by", "dropp", "sends", "sending", "sent",
      "hurl", "unleash", "deploy");
  /** Words of casualties, anywhere in a word, any ASCII case ("Killed", "deadly", "casualties"). */
  static final Stems CASUALTY_WORD = new Stems("kill", "dead", "died", "death", "injur", "wound", "hurt",
      "lives", "victim", "casualt");


  /** A report about the aftermath of a strike that happened earlier. */
  static final Pattern FOLLOW_UP = Pattern.compile("\\b(?:death toll|toll|number of (?:the )?(?:dead|killed|"
      + "injured|wounded|victims)|(?:has|have) (?:risen|grown|climbed|increased)|rose to|missing|rubble|aftermath|"
      + "consequences of|funeral|mourning|day of mourning|continue to be rescued|still searching)\\b", CI);

  /** "the town", "the city", "there": the sentence continues about a place named before. */
  static final Pattern ANAPHORA = Pattern.compile("\\b(?:the|that|this) (?:town|city|village|region|"
      + "area|district|settlement|community|port)\\b|\\bthere\\b", CI);
  /** "Russia's attack on Ukraine", "the war in Ukraine": the war as a whole, not one strike. */
  static final Gated WAR_AS_WHOLE = new Gated(Pattern.compile("(?:(?:Russia's|Russian|full-scale|Moscow's)\\s+"
      + "(?:attack|assault|war|invasion|aggression)|the (?:war|invasion|aggression))\\s+(?:on|against|in|of)\\s+"
      + "Ukraine\\b(?!\\s+(?:on|overnight|yesterday|last night|early))", CI),
      "ukraine");


  /** Strike words that only set a scene: "safe from shelling", "protection against drones", "amid attacks". */
  static final Pattern SCENE = Pattern.compile("(?:\\b(?:from|against|amid|despite|about|into|"
      + "condemn\\w*|investigat\\w*|facts of|details of|information about|"
      + "memory of|victims of|responsib\\w+ for|evacuation of|sensitive about|agreed with)\\s+(?:[\\w’'-]+\\s+){0,4}|"
      + "\\bthe\\s+(?=(?:wounded|injured|killed|dead)\\b))$", CI);

  static final Gated NATIONAL_UA = new Gated(Pattern.compile("\\b(?:at|on|against|across|over|throughout|all over|"
      + "into) (?:Ukraine|the country|Ukrainian territory|Ukrainian cities|Ukrainian regions|several regions|"
      + "multiple regions|many regions)\\b|\\b(?:attacked|struck|targeted|hit|pounded|bombarded) Ukraine\\b|"
      + "\\bnationwide\\b|\\bAir Force of Ukraine\\b|"
      + "\\b(?:several|\\d+|many|multiple) regions of Ukraine\\b|\\binfrastructure of (?:\\d+|several|many) regions\\b|"
      + "\\b(?:Ukraine's|Ukrainian) (?:Air Force|air force|"
      + "military|air defen[cs]es?)\\b|\\bAir Force said\\b|\\b(?:in|across) (?:the )?(?:southern|eastern|"
      + "northern|western|central|south-eastern|north-eastern|southeastern|northeastern) Ukraine\\b", CI),
      "ukrain", "the country", "several regions", "multiple regions", "many regions", "nationwide", "air force",
      "infrastructure of");
  /**
   * The whole country as the scope of a casualty count ("killed 11 civilians in Ukraine", "on the territory
   * of Ukraine"): with a day, a national casualty roll-up.
   */
  static final Gated COUNTRY_SCOPE = new Gated(Pattern.compile("\\b(?:in|across|throughout) Ukraine\\b(?!'s)|"
      + "\\bterritory of Ukraine\\b|\\bUkraine's territory\\b|\\bUkraine’s territory\\b|\\bnationwide\\b|"
      + "\\bacross the country\\b", CI), "ukrain", "nationwide", "the country");
  /** Strikes spread over the country ("the infrastructure of 9 regions", "across Ukraine"): national. */
  static final Gated SPREAD = new Gated(Pattern.compile("\\b(?:several|multiple|many|\\d+|" + "two|three|four|five|six|"
      + "seven|eight|nine|ten|eleven|twelve) (?:of Ukraine's |Ukrainian )?regions\\b|\\bregions of Ukraine\\b|"
      + "\\b(?:across|throughout|all over) (?:Ukraine|the country)\\b|\\bnationwide\\b|\\b\\d+ (?:settlements|"
      + "populated areas|localities|towns and villages|communities)\\b", CI),
      "regions", "ukrain", "the country", "nationwide", "settlements", "populated areas", "localities",
      "towns and villages", "communities");
  static final Gated NATIONAL_RU = new Gated(Pattern.compile("\\b(?:at|on|against|across|over|into) "
      + "(?:Russia|Russian territory|Russian regions)\\b|\\bUkrainian (?:drones|missiles|UAVs|drone attack|"
      + "drone strikes?)\\b|\\bRussia's (?:defen[cs]e ministry|Defen[cs]e Ministry|air defen[cs]es?)\\b|"
      + "\\bRussian (?:air defen[cs]es?|Defen[cs]e Ministry|defen[cs]e ministry)\\b", CI),
      "russia", "ukrainian");



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

  /** The cheapest test first: most sentences have no strike or casualty word at all. */
  static boolean mayReport(String s, String lower) {
    return CASUALTY_WORD.anyInLower(lower) || (TRIGGER_STEMS.anyInLower(lower) && TRIGGER.matcher(s).find());
  }
}
