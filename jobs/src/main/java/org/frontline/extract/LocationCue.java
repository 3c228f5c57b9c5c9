package org.frontline.extract;

import java.util.regex.Pattern;

/**
 * Whether a place name in a sentence is used as the location of something ("in Kharkiv", "hit Odesa",
 * "Sumy came under fire", "Kharkiv Mayor Ihor Terekhov said") rather than as a government or a party
 * ("talks between Kyiv and Moscow", "Kyiv said", "Moscow's demands"). Only cued places can be strike
 * locations. Each test looks at a short window of text next to the name, with one precompiled pattern.
 */
final class LocationCue {
  private LocationCue() {}

  /** Words that may sit between the cue and the name: "in the central", "near the frontline town of". */
  private static final String FILLER = "(?:(?:the|a|central|southern|northern|eastern|western|south-eastern|"
      + "north-eastern|south-western|north-western|southeastern|northeastern|southwestern|northwestern|"
      + "frontline|front-line|occupied|temporarily|Russian-occupied|Russian-captured|Russian-held|Russian-controlled|"
      + "Ukrainian-held|Ukrainian-controlled|Russia's|Ukraine's|capital|"
      + "port|industrial|border|city|town|village|settlement|region|outskirts|suburbs|district|districts|"
      + "centre|center|of|Russian|Ukrainian|nearby|key|embattled|besieged|eastern-most|"
      + "southern-most|hometown|native)\\s+){0,5}";
  private static final Pattern BEFORE = Pattern.compile("(?:^|\\W)(?:in|In|on|On|at|At|near|Near|over|Over|"
      + "across|Across|around|Around|outside|Outside|into|toward|towards|inside|throughout|strikes on|"
      + "strike on|attack on|attacks on|shelling of|bombing of|struck at|fired at|launched at|strikes against|"
      + "Strikes on|Strike on|Attack on|Attacks on|Shelling of|Bombing of|Explosions? in|Shelling in|"
      + "fire on|fired on|firing on|fire at|firing at|"
      + "strike against|assault on|(?:district|districts|outskirts|centre|center|city|town|village|villages|"
      + "port|suburbs?|parts?|areas?|region|settlements?|towns|cities|residents|streets?|infrastructure|territory|"
      + "territories|communities|community) of)\\s+" + FILLER + "$"
      + "|(?:^|\\W)to (?:attack|strike|hit|target|shell|bomb)\\s+(?:the\\s+)?$"
      + "|(?:^|\\W)(?:fired|launched|flying|aimed) (?:in the )?direction of\\s+$"
      + "|(?:^|\\W)(?:hit|hits|hitting|struck|attacked|attacking|shelled|shelling|targeted|"
      + "targeting|bombed|"
      + "pounded|pounding|raided|battered|rocked)\\s+(?:[a-z][\\w-]*\\s+){0,4}(?:of\\s+|in\\s+)?(?:the\\s+)?$"
      // "in Lyiutezh, the Kyiv region", "in Obolonskyi residential district, Kyiv city":
      // an unknown place, then its area
      + "|(?:^|\\W)(?:in|In|at|At|near|Near|on|On)\\s+(?:the\\s+)?(?:village of\\s+|town of\\s+|city of\\s+)?"
      + "(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
      + "August|September|October|November|December)\\b)" // "On Tuesday, Moscow targeted": a day, not a place
      + "[A-Z][\\w'’-]+(?:\\s+[\\w'’-]+){0,3},\\s+(?:the\\s+)?$");
  private static final Pattern AFTER = Pattern.compile("^(?:'s|’s)?\\s*(?:city\\s+|region\\s+|regional\\s+)?"
      + "(?:(?:was|were|has been|had been|is|came|come|comes)\\s+(?:again\\s+|also\\s+|repeatedly\\s+)?"
      + "(?:hit|struck|attacked|shelled|targeted|bombed|pounded|under)|under (?:enemy |Russian )?(?:fire|attack|"
      + "shelling)|mayor|Mayor|governor|Governor|"
      + "military administration|Military Administration|administration|Administration|"
      + "authorities|officials|police|emergency|rescuers|prosecutors?|Prosecutors?|prosecutor's office|City Council|"
      + "city council|council|Council|governor's office"
      + "|head|Head|(?:Drama\\s+)?[Tt]heat(?:er|re)|railway station|[Ss]tation|hospital|[Pp]lant|mall|airport|"
      + "port|bridge|refinery|airfield|oil depot|TPP|CHP|NPP|shopping (?:centre|center|mall))\\b");
  private static final Pattern LIST_GAP = Pattern.compile("^\\s*(?:,|and|or|as well as|, and|, as well as)"
      + "\\s*(?:the\\s+|in\\s+|in the\\s+)?$");

  /** "Kyiv says", "Moscow claimed": the name is a speaker, not a place where something happened. */
  private static final Pattern SPEAKER = Pattern.compile("^(?:'s|’s)?\\s+(?:says|said|claims|claimed|accuses|accused|"
      + "warns|warned|reports|reported|denies|denied|insists|insisted|responds|responded|announces|announced)\\b");

  private static final int WINDOW = 90;

  static boolean before(String s, int start) {
    int from = Math.max(0, start - WINDOW);
    return BEFORE.matcher(s.substring(from, start)).find();
  }

  static boolean after(String s, int end) {
    return AFTER.matcher(s.substring(end, Math.min(s.length(), end + 45))).find();
  }

  static boolean speaker(String s, int end) {
    return SPEAKER.matcher(s.substring(end, Math.min(s.length(), end + 20))).find();
  }

  static boolean isListGap(String between) {
    return LIST_GAP.matcher(between).matches();
  }
}
