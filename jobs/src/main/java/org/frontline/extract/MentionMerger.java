package org.frontline.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Merges an article's mentions of one strike ({@link #merge}).
 */
final class MentionMerger {
  private MentionMerger() {}

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
        (m, k) -> k.placeCanonical != null && k.weapon == m.weapon);
    step = joinSingle(step, m -> m.weapon == WeaponClass.UNKNOWN,
        (m, k) -> k.weapon != WeaponClass.UNKNOWN
            && (m.placeCanonical == null || k.placeCanonical == null || m.placeCanonical.equals(k.placeCanonical)));
    step.sort((a, b) -> Integer.compare(a.sentenceIndex, b.sentenceIndex));
    return step;
  }

  /** Each mention that {@code loose} selects joins the single other mention of its area that {@code fits}. */
  static List<Mention> joinSingle(List<Mention> all, Predicate<Mention> loose,
                                          BiPredicate<Mention, Mention> fits) {
    List<Mention> out = new ArrayList<>();
    Set<Mention> absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
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

  static void absorb(Mention into, Mention m) {
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

  private static Integer max(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }
}
