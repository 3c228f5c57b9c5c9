package org.frontline.extract;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Weapon words and named systems, each with its class (drone, missile, artillery, airstrike, glide_bomb)
 * and, for named systems, the model. Found with one case-insensitive Aho–Corasick automaton; the longest
 * match wins ("multiple rocket launcher" is artillery, not a missile; "interceptor drones" and "air
 * defence missiles" are defences, not attacks; "Tu-95 bombers" carry missiles and are no weapon class).
 */
final class Weapons {
  private Weapons() {}

  static final String NONE = "none";

  /** A weapon word found in a sentence; a carrier ("aircraft") yields to the munition it drops. */
  record Hit(int start, int end, WeaponClass weapon, String model, boolean carrier) {}

  private static final Set<String> CARRIERS = Set.of("aircraft", "aviation", "warplane",
      "warplanes", "fighter jet", "helicopter", "helicopters");

  private record Term(String weapon, String model) {}

  private static final Object[][] TERMS = {
      // drones
      {"drone", "drone", null}, {"drones", "drone", null}, {"UAV", "drone", null}, {"UAVs", "drone", null},
      {"unmanned aerial vehicle", "drone", null}, {"unmanned aerial vehicles", "drone", null},
      {"loitering munition", "drone", null}, {"loitering munitions", "drone", null},
      {"Shahed", "drone", "Shahed"}, {"Shaheds", "drone", "Shahed"}, {"Shahed-136", "drone", "Shahed-136"},
      {"Shahed-131", "drone", "Shahed-131"}, {"Shahed-238", "drone", "Shahed-238"}, {"Geran", "drone", "Geran-2"},
      {"Geran-2", "drone", "Geran-2"}, {"Geran-3", "drone", "Geran-3"}, {"Lancet", "drone", "Lancet"},
      {"Gerbera", "drone", "Gerbera"}, {"Bayraktar", "drone", "Bayraktar"}, {"kamikaze drone", "drone", null},
      {"kamikaze drones", "drone", null}, {"FPV drone", "drone", "FPV"}, {"FPV drones", "drone", "FPV"},
      {"reconnaissance drone", NONE, null}, {"reconnaissance drones", NONE, null},
      {"reconnaissance UAV", NONE, null}, {"reconnaissance UAVs", NONE, null},
      {"operational-tactical unmanned aerial vehicles", NONE, null},
      {"operational-tactical unmanned aerial vehicle", NONE, null}, {"operational-tactical UAVs", NONE, null},
      {"operational-tactical UAV", NONE, null}, {"Orlan", NONE, null}, {"Orlan-10", NONE, null},
      {"Orlan-30", NONE, null}, {"ZALA", NONE, null}, {"Supercam", NONE, null}, {"Forpost", NONE, null},
      {"interceptor drone", NONE, null}, {"interceptor drones", NONE, null}, {"drone production", NONE, null},
      // missiles
      {"missile", "missile", null}, {"missiles", "missile", null}, {"rocket", "missile", null},
      {"rockets", "missile", null}, {"cruise missile", "missile", null}, {"cruise missiles", "missile", null},
      {"ballistic missile", "missile", null}, {"ballistic missiles", "missile", null},
      {"Kh-101", "missile", "Kh-101"}, {"Kh-555", "missile", "Kh-555"}, {"Kh-22", "missile", "Kh-22"},
      {"Kh-32", "missile", "Kh-32"}, {"Kh-59", "missile", "Kh-59"}, {"Kh-59M", "missile", "Kh-59"},
      {"Kh-69", "missile", "Kh-69"}, {"Kh-31", "missile", "Kh-31"}, {"Kh-31P", "missile", "Kh-31"},
      {"Kh-35", "missile", "Kh-35"}, {"Kh-47M2", "missile", "Kinzhal"}, {"Kalibr", "missile", "Kalibr"},
      {"Kalibrs", "missile", "Kalibr"}, {"Iskander", "missile", "Iskander-M"}, {"Iskander-M", "missile", "Iskander-M"},
      {"Iskanders", "missile", "Iskander-M"}, {"Iskander-K", "missile", "Iskander-K"},
      {"Kinzhal", "missile", "Kinzhal"}, {"Kinzhals", "missile", "Kinzhal"}, {"KN-23", "missile", "KN-23"},
      {"S-300", "missile", "S-300"}, {"S-400", "missile", "S-400"}, {"Tochka-U", "missile", "Tochka-U"},
      {"Oniks", "missile", "Oniks"}, {"Onyx", "missile", "Oniks"}, {"Zircon", "missile", "Zircon"},
      {"Tsirkon", "missile", "Zircon"}, {"Oreshnik", "missile", "Oreshnik"},
      {"air defence missile", NONE, null}, {"air defence missiles", NONE, null},
      {"air defense missile", NONE, null}, {"air defense missiles", NONE, null},
      {"interceptor missile", NONE, null}, {"interceptor missiles", NONE, null},
      {"anti-aircraft missiles", NONE, null}, {"Patriot", NONE, null}, {"Patriots", NONE, null},
      {"IRIS-T", NONE, null}, {"NASAMS", NONE, null}, {"missile defence", NONE, null},
      {"missile defense", NONE, null}, {"Tomahawk", NONE, null}, {"Tomahawks", NONE, null},
      {"ATACMS", "missile", "ATACMS"}, {"Storm Shadow", "missile", "Storm Shadow"},
      {"Storm Shadows", "missile", "Storm Shadow"}, {"SCALP", "missile", "SCALP"}, {"Neptune", "missile", "Neptune"},
      {"Neptunes", "missile", "Neptune"}, {"Taurus", NONE, null},
      // artillery
      {"artillery", "artillery", null}, {"shelling", "artillery", null}, {"shelled", "artillery", null},
      {"shells", "artillery", null}, {"artillery shell", "artillery", null}, {"artillery shells", "artillery", null},
      {"mortar", "artillery", null}, {"mortars", "artillery", null}, {"howitzer", "artillery", null},
      {"howitzers", "artillery", null}, {"MLRS", "artillery", null}, {"multiple rocket launcher", "artillery", null},
      {"multiple rocket launchers", "artillery", null}, {"multiple launch rocket system", "artillery", null},
      {"rocket launcher", "artillery", null}, {"rocket launchers", "artillery", null},
      {"Grad", "artillery", "Grad"}, {"Grads", "artillery", "Grad"}, {"Uragan", "artillery", "Uragan"},
      {"Smerch", "artillery", "Smerch"}, {"Tornado-S", "artillery", "Tornado-S"}, {"tank fire", "artillery", null},
      {"rocket artillery", "artillery", null}, {"salvo fire system", "artillery", null},
      {"salvo fire systems", "artillery", null}, {"multiple launch rocket systems", "artillery", null},
      {"cluster shells", "artillery", null}, {"HIMARS", "artillery", "HIMARS"}, {"M777", "artillery", "M777"},
      {"tube artillery", "artillery", null}, {"cannon artillery", "artillery", null},
      // aviation
      {"airstrike", "airstrike", null}, {"airstrikes", "airstrike", null}, {"air strike", "airstrike", null},
      {"air strikes", "airstrike", null}, {"air raid", "airstrike", null}, {"air raids", "airstrike", null},
      {"aerial bombardment", "airstrike", null}, {"bomb", "airstrike", null}, {"bombs", "airstrike", null},
      {"warplane", "airstrike", null}, {"aircraft", "airstrike", null}, {"aviation", "airstrike", null},
      {"anti-aircraft", NONE, null}, {"anti-aircraft missile", NONE, null}, {"anti-aircraft gun", NONE, null},
      {"aircraft carrier", NONE, null}, {"warplanes", "airstrike", null}, {"fighter jet", "airstrike", null},
      {"helicopter", "airstrike", null}, {"helicopters", "airstrike", null},
      {"incendiary bomb", "airstrike", null}, {"incendiary bombs", "airstrike", null},
      {"phosphorus bomb", "airstrike", null}, {"phosphorus bombs", "airstrike", null},
      {"phosphorus munitions", "airstrike", null}, {"incendiary munitions", "airstrike", null},
      {"Su-34", "airstrike", "Su-34"}, {"Su-35", "airstrike", "Su-35"}, {"Su-25", "airstrike", "Su-25"},
      {"air raid alert", NONE, null}, {"air raid alerts", NONE, null}, {"air raid siren", NONE, null},
      {"air raid sirens", NONE, null}, {"bomb shelter", NONE, null}, {"bomb shelters", NONE, null},
      {"car bomb", NONE, null}, {"Tu-95", NONE, null}, {"Tu-160", NONE, null}, {"Tu-22M3", NONE, null},
      {"MiG-31K", NONE, null}, {"strategic bombers", NONE, null}, {"bombers", NONE, null},
      // glide bombs
      {"glide bomb", "glide_bomb", null}, {"glide bombs", "glide_bomb", null}, {"guided bomb", "glide_bomb", null},
      {"guided bombs", "glide_bomb", null}, {"guided aerial bomb", "glide_bomb", null},
      {"guided aerial bombs", "glide_bomb", null}, {"aerial bomb", "glide_bomb", null},
      {"aerial bombs", "glide_bomb", null}, {"KAB", "glide_bomb", "KAB"}, {"KABs", "glide_bomb", "KAB"},
      {"KAB-250", "glide_bomb", "KAB-250"}, {"KAB-500", "glide_bomb", "KAB-500"},
      {"KAB-1500", "glide_bomb", "KAB-1500"}, {"FAB-250", "glide_bomb", "FAB-250"},
      {"FAB-500", "glide_bomb", "FAB-500"}, {"FAB-1500", "glide_bomb", "FAB-1500"},
      {"FAB-3000", "glide_bomb", "FAB-3000"}, {"UMPK", "glide_bomb", "UMPK"},
  };

  private static final PayloadTrie<Term> TRIE = build();

  private static PayloadTrie<Term> build() {
    PayloadTrie.PayloadTrieBuilder<Term> b = PayloadTrie.<Term>builder().ignoreCase().onlyWholeWords()
        .ignoreOverlaps();
    for (Object[] t : TERMS) {
      b.addKeyword((String) t[0], new Term((String) t[1], (String) t[2]));
    }
    return b.build();
  }

  /** The weapons named in the text, in order (defences and carriers left out). */
  static List<Hit> find(CharSequence text) {
    List<Hit> out = new ArrayList<>();
    for (PayloadEmit<Term> e : TRIE.parseText(text)) {
      Term t = e.getPayload();
      if (!NONE.equals(t.weapon())) {
        out.add(new Hit(e.getStart(), e.getEnd() + 1, WeaponClass.of(t.weapon()), t.model(),
            CARRIERS.contains(e.getKeyword().toLowerCase(Locale.ROOT))));
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }
}
